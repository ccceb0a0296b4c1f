import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { decodeCursor, page } from '../db/cursor.ts';
import { searchWords } from '../db/fold.ts';

/** What customers see of a product, in one locale. */
export interface CatalogItem {
  id: string;
  sku: string;
  categoryId: string;
  kind: 'product' | 'service';
  name: string;
  description: string;
  unitPrice: number;
  currency: string;
  taxRate: number;
  /** Units on hand, or null when it never runs out. */
  stock: number | null;
  image: string | null;
}

/**
 * Products with their text in `locale`, falling back to English when it has no translation;
 * retired products included (pricing must tell them apart from unknown ones).
 */
export function localizedProducts(db: Db, locale: string) {
  return db
    .selectFrom('product')
    .leftJoin('productText as loc', (join) =>
      join.onRef('loc.productId', '=', 'product.id').on('loc.locale', '=', locale),
    )
    .leftJoin('productText as en', (join) =>
      join.onRef('en.productId', '=', 'product.id').on('en.locale', '=', 'en'),
    )
    .select((eb) => [
      'product.id',
      'product.sku',
      'product.categoryId',
      'product.kind',
      'product.unitPrice',
      'product.currency',
      'product.taxRate',
      'product.stock',
      'product.image',
      'product.active',
      localName(eb).as('name'),
      eb.fn.coalesce('loc.description', 'en.description', sql.lit('')).as('description'),
    ]);
}

function catalogQuery(db: Db, locale: string) {
  return localizedProducts(db, locale).where('product.active', '=', 1);
}

type CatalogEb = ExpressionBuilder<
  Database & { loc: Database['productText']; en: Database['productText'] },
  'product' | 'loc' | 'en'
>;

function localName(eb: CatalogEb) {
  return eb.fn.coalesce('loc.name', 'en.name', 'product.sku');
}

export interface CatalogFilter {
  locale: string;
  query?: string | undefined;
  categoryId?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Active products by name, filtered by words (in any locale, accents ignored) and category. */
export async function listCatalog(db: Db, filter: CatalogFilter) {
  const after = decodeCursor(filter.cursor);
  let query = catalogQuery(db, filter.locale);
  for (const word of searchWords(filter.query ?? '')) {
    query = query.where(sql<boolean>`product."searchText" like ${word} escape '\\'`);
  }
  if (filter.categoryId) query = query.where('product.categoryId', '=', filter.categoryId);
  if (after) {
    const [name = '', id = ''] = after;
    query = query.where((eb) =>
      eb.or([
        eb(localName(eb), '>', name),
        eb.and([eb(localName(eb), '=', name), eb('product.id', '>', id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy((eb) => localName(eb))
    .orderBy('product.id')
    .limit(filter.limit + 1)
    .execute();
  return page(rows.map(toCatalogItem), filter.limit, (row) => [row.name, row.id]);
}

export async function findCatalogItem(
  db: Db,
  locale: string,
  by: { id: string } | { sku: string },
): Promise<CatalogItem | null> {
  const query = catalogQuery(db, locale);
  const row = await (
    'id' in by ? query.where('product.id', '=', by.id) : query.where('product.sku', '=', by.sku)
  ).executeTakeFirst();
  return row ? toCatalogItem(row) : null;
}

/** The active products among `ids`; unknown and retired ones are simply absent. */
export async function findCatalogItems(
  db: Db,
  locale: string,
  ids: string[],
): Promise<CatalogItem[]> {
  const rows = await catalogQuery(db, locale).where('product.id', 'in', ids).execute();
  return rows.map(toCatalogItem);
}

function toCatalogItem({ active: _active, ...item }: { active: number } & CatalogItem) {
  return item;
}

/** Categories in display order with their name in `locale` and how many active products each has. */
export async function listCategories(db: Db, locale: string) {
  return db
    .selectFrom('category')
    .leftJoin('categoryText as loc', (join) =>
      join.onRef('loc.categoryId', '=', 'category.id').on('loc.locale', '=', locale),
    )
    .leftJoin('categoryText as en', (join) =>
      join.onRef('en.categoryId', '=', 'category.id').on('en.locale', '=', 'en'),
    )
    .select((eb) => [
      'category.id',
      eb.fn.coalesce('loc.name', 'en.name', 'category.id').as('name'),
      eb.fn
        .coalesce(
          eb
            .selectFrom('product')
            .select((inner) => inner.fn.countAll<number>().as('n'))
            .whereRef('product.categoryId', '=', 'category.id')
            .where('product.active', '=', 1),
          eb.lit(0),
        )
        .as('productCount'),
    ])
    .orderBy('category.position')
    .orderBy('category.id')
    .execute();
}
