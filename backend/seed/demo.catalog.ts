import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Services } from '../services.ts';
import { importCatalog, type CatalogFile } from '../catalog/catalog.import.ts';
import { productImageSvg } from './demo-images.ts';

/** The catalog file format, plus what the demo's generated product images are made of. */
interface DemoCatalog {
  categories: CatalogFile['categories'];
  products: (CatalogFile['products'][number] & { hue: number; glyph: string })[];
}

/** The demo vendor's catalog, with a generated image per product under DATA_DIR/media. */
export async function seedDemoCatalog(services: Services): Promise<Map<string, string>> {
  const demo = JSON.parse(
    await readFile(new URL('./demo-catalog.json', import.meta.url), 'utf8'),
  ) as DemoCatalog;
  const folder = join(services.config.dataDir, 'media', 'products');
  await mkdir(folder, { recursive: true });
  const products = [];
  for (const { hue, glyph, ...product } of demo.products) {
    await writeFile(
      join(folder, `${product.sku}.svg`),
      productImageSvg({ hue, glyph, ...product }),
    );
    products.push({ ...product, image: `/media/products/${product.sku}.svg` });
  }
  return importCatalog(
    services.db,
    { categories: demo.categories, products },
    services.portalSettings().currency,
  );
}
