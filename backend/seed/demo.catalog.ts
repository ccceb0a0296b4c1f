import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Services } from '../services.ts';
import type { Locale } from '../portal/portal.schema.ts';
import { saveCategory, saveProduct } from '../catalog/catalog.write.ts';
import { productImageSvg } from './demo-images.ts';

interface DemoCatalog {
  categories: { id: string; names: Record<Locale, string> }[];
  products: {
    sku: string;
    category: string;
    kind: 'product' | 'service';
    unitPrice: number;
    taxRate: number;
    stock: number | null;
    active: boolean;
    hue: number;
    glyph: string;
    texts: Record<Locale, { name: string; description: string }>;
  }[];
}

/** The demo vendor's catalog, with a generated image per product under DATA_DIR/media. */
export async function seedDemoCatalog(services: Services): Promise<Map<string, string>> {
  const catalog = JSON.parse(
    await readFile(new URL('./demo-catalog.json', import.meta.url), 'utf8'),
  ) as DemoCatalog;
  const folder = join(services.config.dataDir, 'media', 'products');
  await mkdir(folder, { recursive: true });
  for (const [position, category] of catalog.categories.entries()) {
    await saveCategory(services.db, { id: category.id, position, names: category.names });
  }
  const ids = new Map<string, string>();
  for (const product of catalog.products) {
    await writeFile(join(folder, `${product.sku}.svg`), productImageSvg(product));
    const id = await saveProduct(services.db, {
      sku: product.sku,
      categoryId: product.category,
      kind: product.kind,
      unitPrice: product.unitPrice,
      currency: services.portalSettings().currency,
      taxRate: product.taxRate,
      stock: product.stock,
      active: product.active,
      image: `/media/products/${product.sku}.svg`,
      texts: product.texts,
    });
    ids.set(product.sku, id);
  }
  return ids;
}
