import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { LOCALES } from '../portal/portal.schema.ts';
import { saveCategory, saveProduct } from './catalog.write.ts';

const texts = <T extends z.ZodType>(text: T) =>
  z
    .partialRecord(z.enum(LOCALES), text)
    .refine((byLocale) => byLocale.en !== undefined, 'English (en) is required as the fallback.');

/** The catalog file a vendor imports: `npm run portico -- import-catalog catalog.json`. */
export const catalogFileSchema = z
  .strictObject({
    categories: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a lower-case slug such as coffee-tea'),
          names: texts(z.string().trim().min(1).max(100)),
        }),
      )
      .max(500),
    products: z
      .array(
        z.strictObject({
          sku: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, . _ -'),
          category: z.string(),
          kind: z.enum(['product', 'service']),
          unitPrice: z.number().int().min(0).describe('in minor units (cents)'),
          taxRate: z.number().int().min(0).max(10000).describe('basis points: 2100 is 21 %'),
          stock: z.number().int().min(0).nullable().describe('null: never runs out'),
          active: z.boolean().default(true),
          image: z
            .string()
            .max(500)
            .regex(/^(https:\/\/|\/media\/)/, 'an https URL or a path under /media/')
            .nullable()
            .default(null),
          texts: texts(
            z.strictObject({
              name: z.string().trim().min(1).max(200),
              description: z.string().trim().max(2000).default(''),
            }),
          ),
        }),
      )
      .max(100_000),
  })
  .superRefine((file, ctx) => {
    const categories = new Set(file.categories.map((category) => category.id));
    const skus = new Set<string>();
    file.products.forEach((product, index) => {
      if (!categories.has(product.category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['products', index, 'category'],
          message: `There is no category "${product.category}" in the file.`,
        });
      }
      if (skus.has(product.sku)) {
        ctx.addIssue({
          code: 'custom',
          path: ['products', index, 'sku'],
          message: `The SKU ${product.sku} appears twice.`,
        });
      }
      skus.add(product.sku);
    });
  });

export type CatalogFile = z.input<typeof catalogFileSchema>;

/**
 * Creates or updates categories and products from a catalog file, matching products by SKU;
 * products missing from the file are left as they are. Returns product ids by SKU.
 */
export async function importCatalog(
  db: Db,
  file: CatalogFile,
  currency: string,
): Promise<Map<string, string>> {
  const catalog = catalogFileSchema.parse(file);
  for (const [position, category] of catalog.categories.entries()) {
    await saveCategory(db, { id: category.id, position, names: category.names });
  }
  const ids = new Map<string, string>();
  for (const product of catalog.products) {
    const id = await saveProduct(db, {
      ...product,
      categoryId: product.category,
      currency,
    });
    ids.set(product.sku, id);
  }
  return ids;
}
