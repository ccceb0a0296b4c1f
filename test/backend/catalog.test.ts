import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPortico, type TestPortico } from '../support/portico.ts';
import { seedTestCatalog } from '../support/catalog.ts';

interface Page {
  items: { id: string; sku: string; name: string; unitPrice: number; stock: number | null }[];
  nextCursor: string | null;
}

describe('catalog', () => {
  let portico: TestPortico;
  let ids: Awaited<ReturnType<typeof seedTestCatalog>>;
  before(async () => {
    portico = await startTestPortico();
    ids = await seedTestCatalog(portico.services);
  });
  after(() => portico.close());

  const list = async (input: object) => {
    const { body } = await portico.client().query('catalog.list', input);
    assert.ok(body.result, JSON.stringify(body.error));
    return body.result.data as Page;
  };

  it('lists active products by name to anyone, page by page, with nothing twice', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ limit: 2, ...(cursor ? { cursor } : {}) });
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((item) => item.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual(seen, [
      'Espresso beans 1 kg',
      'Limited grinder brush',
      'Machine servicing visit',
      'Paper cups, 1000 pcs',
      'Sold-out filter',
    ]);
  });

  it('names products in the asked locale, falling back to English', async () => {
    const { items } = await list({ locale: 'lv', category: 'coffee', limit: 50 });
    const names = items.map((item) => item.name);
    assert.ok(names.includes('Espresso kafijas pupiņas 1 kg'));
    assert.ok(names.includes('Paper cups, 1000 pcs'));
  });

  it('finds by any word in any locale, ignoring case and accents, and by SKU', async () => {
    for (const query of ['PUPINAS', 'pupiņas', 'espressobohnen', 't-beans', 'beans house']) {
      const { items } = await list({ query });
      assert.deepEqual(
        items.map((item) => item.id),
        [ids.beans],
        query,
      );
    }
    assert.deepEqual((await list({ query: 'beans kettle' })).items, []);
    assert.deepEqual((await list({ query: '%' })).items, []);
  });

  it('filters by category', async () => {
    const { items } = await list({ category: 'service' });
    assert.deepEqual(
      items.map((item) => [item.sku, item.stock]),
      [['T-SERVICE', null]],
    );
  });

  it('reads one product by id or SKU, and answers null for retired or unknown ones', async () => {
    const byId = await portico.client().query('catalog.byId', { id: ids.beans, locale: 'de' });
    assert.equal((byId.body.result?.data as { name: string }).name, 'Espressobohnen 1 kg');
    const bySku = await portico.client().query('catalog.byId', { sku: 'T-CUPS' });
    assert.equal((bySku.body.result?.data as { id: string }).id, ids.cups);
    for (const input of [{ id: ids.retired }, { sku: 'NOPE' }]) {
      const { body } = await portico.client().query('catalog.byId', input);
      assert.equal(body.result?.data, null);
    }
  });

  it('reads several products at once, leaving out retired and unknown ones', async () => {
    const { body } = await portico.client().query('catalog.byIds', {
      ids: [ids.cups, ids.retired, 'no-such-product', ids.beans],
      locale: 'lv',
    });
    const items = body.result?.data as { id: string; name: string }[];
    assert.deepEqual(
      items.map((item) => [item.id, item.name]).sort(),
      [
        [ids.beans, 'Espresso kafijas pupiņas 1 kg'],
        [ids.cups, 'Paper cups, 1000 pcs'],
      ].sort(),
    );
    const tooMany = await portico.client().query('catalog.byIds', {
      ids: Array.from({ length: 101 }, (_, i) => `p${i}`),
    });
    assert.ok(tooMany.body.error?.data.fieldErrors?.ids);
  });

  it('lists categories in order with localized names and product counts', async () => {
    const { body } = await portico.client().query('catalog.categories', { locale: 'lv' });
    assert.deepEqual(body.result?.data, [
      { id: 'coffee', name: 'Kafija', productCount: 4 },
      { id: 'service', name: 'Services', productCount: 1 },
    ]);
  });

  it('refuses bad input field by field', async () => {
    for (const [input, field] of [
      [{ limit: 0 }, 'limit'],
      [{ limit: 51 }, 'limit'],
      [{ locale: 'xx' }, 'locale'],
      [{ query: 'x'.repeat(101) }, 'query'],
      [{ sort: 'price' }, '_'],
    ] as const) {
      const { status, body } = await portico.client().query('catalog.list', input);
      assert.equal(status, 400, JSON.stringify(input));
      assert.ok(body.error?.data.fieldErrors?.[field], `${field}: ${JSON.stringify(body.error)}`);
    }
    const garbled = await portico.client().query('catalog.list', { cursor: 'not-a-cursor' });
    assert.equal(garbled.status, 400);
    assert.match(garbled.body.error?.message ?? '', /page link/);
  });
});
