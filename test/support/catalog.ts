import type { Services } from '../../backend/services.ts';
import { saveCategory, saveProduct, type NewProduct } from '../../backend/catalog/catalog.write.ts';

export { ADDRESS } from './address.ts';

const product = (sku: string, overrides: Partial<NewProduct> & Pick<NewProduct, 'texts'>) => ({
  sku,
  categoryId: 'coffee',
  kind: 'product' as const,
  unitPrice: 1000,
  currency: 'EUR',
  taxRate: 2100,
  stock: 100,
  ...overrides,
});

/** A small catalog with one of each case the ordering rules care about; returns ids by name. */
export async function seedTestCatalog(services: Services) {
  const { db } = services;
  await saveCategory(db, { id: 'coffee', position: 1, names: { en: 'Coffee', lv: 'Kafija' } });
  await saveCategory(db, { id: 'service', position: 2, names: { en: 'Services' } });
  const products = {
    beans: product('T-BEANS', {
      unitPrice: 2450,
      taxRate: 1200,
      texts: {
        en: { name: 'Espresso beans 1 kg', description: 'House blend' },
        lv: { name: 'Espresso kafijas pupiņas 1 kg', description: 'Mājas maisījums' },
        de: { name: 'Espressobohnen 1 kg' },
      },
    }),
    cups: product('T-CUPS', {
      unitPrice: 4599,
      texts: { en: { name: 'Paper cups, 1000 pcs' } },
    }),
    rare: product('T-RARE', {
      stock: 5,
      unitPrice: 999,
      texts: { en: { name: 'Limited grinder brush' } },
    }),
    soldOut: product('T-SOLDOUT', { stock: 0, texts: { en: { name: 'Sold-out filter' } } }),
    retired: product('T-RETIRED', { active: false, texts: { en: { name: 'Retired kettle' } } }),
    service: product('T-SERVICE', {
      categoryId: 'service',
      kind: 'service',
      stock: null,
      unitPrice: 12000,
      texts: { en: { name: 'Machine servicing visit' } },
    }),
  };
  const ids = {} as Record<keyof typeof products, string>;
  for (const [key, value] of Object.entries(products)) {
    ids[key as keyof typeof products] = await saveProduct(db, value);
  }
  return ids;
}

export async function stockOf(services: Services, productId: string) {
  const row = await services.db
    .selectFrom('product')
    .select('stock')
    .where('id', '=', productId)
    .executeTakeFirstOrThrow();
  return row.stock;
}

/** Row counts of every ordering table, to prove a refused request wrote nothing. */
export async function orderTableCounts(services: Services) {
  const tables = ['order', 'orderLine', 'orderEvent', 'address'] as const;
  const counts = {} as Record<(typeof tables)[number], number>;
  for (const table of tables) {
    const row = await services.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
