import type { Db } from '../db/database.ts';
import { newId } from '../db/id.ts';
import { fold } from '../db/fold.ts';
import { timestamp } from '../db/clock.ts';

export interface NewCategory {
  id: string;
  position: number;
  names: Record<string, string>;
}

export async function saveCategory(db: Db, category: NewCategory): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('category')
      .values({ id: category.id, position: category.position })
      .onConflict((oc) => oc.column('id').doUpdateSet({ position: category.position }))
      .execute();
    await trx.deleteFrom('categoryText').where('categoryId', '=', category.id).execute();
    await trx
      .insertInto('categoryText')
      .values(
        Object.entries(category.names).map(([locale, name]) => ({
          categoryId: category.id,
          locale,
          name,
        })),
      )
      .execute();
  });
}

export interface NewProduct {
  sku: string;
  categoryId: string;
  kind: 'product' | 'service';
  unitPrice: number;
  currency: string;
  taxRate: number;
  stock: number | null;
  image?: string | null;
  active?: boolean;
  /** Name and description per locale; English is the fallback and should be there. */
  texts: Record<string, { name: string; description?: string }>;
}

/** Creates or replaces a product by SKU, with its texts and search words; returns its id. */
export async function saveProduct(db: Db, product: NewProduct): Promise<string> {
  const now = timestamp();
  const texts = Object.entries(product.texts);
  const searchText = fold(
    [product.sku, ...texts.flatMap(([, text]) => [text.name, text.description ?? ''])].join(' '),
  );
  return db.transaction().execute(async (trx) => {
    const values = {
      categoryId: product.categoryId,
      kind: product.kind,
      unitPrice: product.unitPrice,
      currency: product.currency,
      taxRate: product.taxRate,
      stock: product.stock,
      image: product.image ?? null,
      active: product.active === false ? 0 : 1,
      searchText,
      updatedAt: now,
    };
    const { id } = await trx
      .insertInto('product')
      .values({ id: newId(), sku: product.sku, createdAt: now, ...values })
      .onConflict((oc) => oc.column('sku').doUpdateSet(values))
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('productText').where('productId', '=', id).execute();
    await trx
      .insertInto('productText')
      .values(
        texts.map(([locale, text]) => ({
          productId: id,
          locale,
          name: text.name,
          description: text.description ?? '',
        })),
      )
      .execute();
    return id;
  });
}
