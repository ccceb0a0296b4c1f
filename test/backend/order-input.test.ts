import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestPortico, type TestClient, type TestPortico } from '../support/portico.ts';
import { ADDRESS, orderTableCounts, seedTestCatalog, stockOf } from '../support/catalog.ts';

describe('order input is checked field by field and a refusal writes nothing', () => {
  let portico: TestPortico;
  let ids: Awaited<ReturnType<typeof seedTestCatalog>>;
  let anna: TestClient;
  before(async () => {
    portico = await startTestPortico();
    ids = await seedTestCatalog(portico.services);
    anna = await portico.personWithSession({ email: 'anna@cafe.test' });
  });
  after(() => portico.close());

  const valid = () => ({
    idempotencyKey: randomUUID(),
    items: [{ productId: ids.beans, quantity: 1 }],
    address: ADDRESS,
    expectedTotal: 3434,
  });
  const item = (quantity: unknown) => ({ items: [{ productId: ids.beans, quantity }] });

  // Built lazily: the product ids exist only once `before` has run.
  const cases: [string, () => Record<string, unknown>, string][] = [
    ['zero quantity', () => item(0), 'items.0.quantity'],
    ['negative quantity', () => item(-2), 'items.0.quantity'],
    ['fractional quantity', () => item(1.5), 'items.0.quantity'],
    ['huge quantity', () => item(1e9), 'items.0.quantity'],
    ['quantity as text', () => item('2'), 'items.0.quantity'],
    ['empty cart', () => ({ items: [] }), 'items'],
    [
      'the same product twice',
      () => ({
        items: [
          { productId: ids.beans, quantity: 1 },
          { productId: ids.beans, quantity: 2 },
        ],
      }),
      'items',
    ],
    [
      'too many lines',
      () => ({
        items: Array.from({ length: 101 }, (_, i) => ({ productId: `p${i}`, quantity: 1 })),
      }),
      'items',
    ],
    ['an over-long note', () => ({ note: 'n'.repeat(1001) }), 'note'],
    ['an address without a city', () => ({ address: { ...ADDRESS, city: '  ' } }), 'address.city'],
    ['an unknown country', () => ({ address: { ...ADDRESS, country: 'QQ' } }), 'address.country'],
    ['an address that is a string', () => ({ address: 'Rīga' }), 'address'],
    ['a short idempotency key', () => ({ idempotencyKey: 'abc' }), 'idempotencyKey'],
    ['a negative expected total', () => ({ expectedTotal: -1 }), 'expectedTotal'],
    ['a client-side total field', () => ({ total: 1 }), '_'],
  ];

  for (const [name, change, field] of cases) {
    it(`refuses ${name}`, async () => {
      const before = await orderTableCounts(portico.services);
      const stock = await stockOf(portico.services, ids.beans);
      const { status, body } = await anna.mutate('order.place', { ...valid(), ...change() });
      assert.equal(status, 400);
      assert.equal(body.error?.data.code, 'BAD_REQUEST');
      assert.ok(body.error?.data.fieldErrors?.[field], `${field}: ${JSON.stringify(body.error)}`);
      assert.deepEqual(await orderTableCounts(portico.services), before);
      assert.equal(await stockOf(portico.services, ids.beans), stock);
    });
  }

  it('refuses an unknown SKU as unavailable, naming the line', async () => {
    const { body } = await anna.query('order.quote', {
      items: [{ productId: 'NL-NOPE-404', quantity: 1 }],
      address: ADDRESS,
    });
    const quote = body.result?.data as { problems: { reason: string; message: string }[] };
    assert.deepEqual(
      quote.problems.map((p) => p.reason),
      ['UNAVAILABLE'],
    );
    assert.ok(quote.problems[0]?.message);
  });

  it('asks a signed-out visitor to sign in before quoting or placing', async () => {
    const visitor = portico.client();
    assert.equal((await visitor.mutate('order.place', valid())).status, 401);
    const quote = await visitor.query('order.quote', { items: valid().items, address: ADDRESS });
    assert.equal(quote.body.error?.data.code, 'UNAUTHORIZED');
  });
});
