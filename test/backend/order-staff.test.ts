import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPortico, type TestClient, type TestPortico } from '../support/portico.ts';
import { ADDRESS, orderTableCounts, seedTestCatalog } from '../support/catalog.ts';
import { placedOrder, type CartItems } from '../support/ordering.ts';

interface Summary {
  id: string;
  number: string;
  status: string;
  accountName: string;
  itemCount: number;
}
interface Detail {
  id: string;
  status: string;
  trackingNumber: string | null;
  address: { city: string };
  timeline: { type: string; actor: { name: string; role: string }; detail: object }[];
}

describe('order lists and the staff side of orders', () => {
  let portico: TestPortico;
  let ids: Awaited<ReturnType<typeof seedTestCatalog>>;
  let anna: TestClient;
  let ben: TestClient;
  let agent: TestClient;
  const annaOrders: Summary[] = [];

  const order = (client: TestClient, items: CartItems) => placedOrder<Summary>(client, items);

  before(async () => {
    portico = await startTestPortico();
    ids = await seedTestCatalog(portico.services);
    anna = await portico.personWithSession({ email: 'anna@cafe.test', name: 'Anna' });
    ben = await portico.personWithSession({ email: 'ben@bistro.test', name: 'Ben' });
    agent = await portico.personWithSession({
      email: 'jonas@vendor.test',
      name: 'Jonas',
      role: 'agent',
    });
    annaOrders.push(await order(anna, [{ productId: ids.beans, quantity: 1 }]));
    annaOrders.push(await order(anna, [{ productId: ids.cups, quantity: 3 }]));
    annaOrders.push(await order(anna, [{ productId: ids.service, quantity: 1 }]));
    await order(ben, [{ productId: ids.beans, quantity: 2 }]);
  });
  after(() => portico.close());

  const list = async (client: TestClient, path: string, input: object) => {
    const { body } = await client.query(path, input);
    assert.ok(body.result, JSON.stringify(body.error));
    return body.result.data as { items: Summary[]; nextCursor: string | null };
  };

  it("lists a customer's own orders newest first, page by page", async () => {
    const first = await list(anna, 'order.list', { limit: 2 });
    const second = await list(anna, 'order.list', { limit: 2, cursor: first.nextCursor });
    assert.equal(second.nextCursor, null);
    assert.deepEqual(
      [...first.items, ...second.items].map((o) => o.id),
      annaOrders.map((o) => o.id).reverse(),
    );
    assert.equal(first.items[0]?.itemCount, 1);
    assert.equal(first.items[1]?.itemCount, 3);
  });

  it('filters by words over the number and the products, status and dates', async () => {
    const [beans, cups] = annaOrders;
    assert.deepEqual(
      (await list(anna, 'order.list', { query: 'paper cups' })).items.map((o) => o.id),
      [cups!.id],
    );
    const byNumber = await list(anna, 'order.list', { query: beans!.number.toLowerCase() });
    assert.deepEqual(
      byNumber.items.map((o) => o.id),
      [beans!.id],
    );
    assert.equal((await list(anna, 'order.list', { status: ['shipped'] })).items.length, 0);
    const today = new Date().toISOString().slice(0, 10);
    assert.equal((await list(anna, 'order.list', { from: today, to: today })).items.length, 3);
    assert.equal((await list(anna, 'order.list', { to: '2020-01-01' })).items.length, 0);
    const bad = await anna.query('order.list', { from: '22.11.2026' });
    assert.ok(bad.body.error?.data.fieldErrors?.from);
  });

  it('shows staff every account’s orders and refuses the staff side to customers', async () => {
    const all = await list(agent, 'staff.order.list', {});
    assert.deepEqual(all.items.map((o) => o.accountName).sort(), ['Anna', 'Anna', 'Anna', 'Ben']);
    const me = (await anna.query('session.me')).body.result?.data as { account: { id: string } };
    const forAnna = await list(agent, 'staff.order.list', { accountId: me.account.id });
    assert.equal(forAnna.items.length, 3);
    assert.equal((await anna.query('staff.order.list', {})).status, 403);
    assert.equal(
      (await anna.query('staff.order.byId', { orderId: annaOrders[0]!.id })).status,
      403,
    );
    const { status } = await anna.mutate('staff.order.advance', {
      orderId: annaOrders[0]!.id,
      to: 'confirmed',
    });
    assert.equal(status, 403);
  });

  it('moves an order forward only, with every step on its timeline', async () => {
    const id = annaOrders[0]!.id;
    const step = (input: object) => agent.mutate('staff.order.advance', { orderId: id, ...input });
    assert.ok((await step({ to: 'confirmed' })).body.result);
    const tooEarly = await agent.mutate('staff.order.setTracking', {
      orderId: id,
      trackingNumber: 'LV-1',
    });
    assert.equal(
      (tooEarly.body.error?.data as { reason?: string }).reason,
      'TRACKING_NEEDS_SHIPMENT',
    );
    const moved = await agent.mutate('staff.order.changeAddress', {
      orderId: id,
      address: { ...ADDRESS, city: 'Jūrmala' },
    });
    assert.equal((moved.body.result?.data as Detail).address.city, 'Jūrmala');
    assert.ok((await step({ to: 'shipped' })).body.result);
    const back = await step({ to: 'confirmed' });
    assert.equal((back.body.error?.data as { reason?: string }).reason, 'NOT_NEXT_STEP');
    const tracked = await agent.mutate('staff.order.setTracking', {
      orderId: id,
      trackingNumber: 'LV 123 456',
    });
    assert.equal((tracked.body.result?.data as Detail).trackingNumber, 'LV 123 456');
    assert.ok((await step({ to: 'delivered' })).body.result);
    const cancel = await agent.mutate('staff.order.cancel', { orderId: id });
    assert.equal((cancel.body.error?.data as { reason?: string }).reason, 'ALREADY_SHIPPED');

    const detail = (await anna.query('order.byId', { orderId: id })).body.result?.data as Detail;
    assert.deepEqual(
      detail.timeline.map((event) => [event.type, event.actor.role, event.actor.name]),
      [
        ['placed', 'customer', 'Anna'],
        ['confirmed', 'staff', 'Jonas'],
        ['address_changed', 'staff', 'Jonas'],
        ['shipped', 'staff', 'Jonas'],
        ['tracking_changed', 'staff', 'Jonas'],
        ['delivered', 'staff', 'Jonas'],
      ],
    );
  });

  it('lets staff cancel for the customer and answers NOT_FOUND for unknown orders', async () => {
    const id = annaOrders[1]!.id;
    const cancelled = await agent.mutate('staff.order.cancel', {
      orderId: id,
      reason: 'Customer phoned',
    });
    assert.equal((cancelled.body.result?.data as Detail).status, 'cancelled');
    const before = await orderTableCounts(portico.services);
    for (const [path, input] of [
      ['staff.order.advance', { orderId: 'missing', to: 'confirmed' }],
      ['staff.order.cancel', { orderId: 'missing' }],
      ['staff.order.setTracking', { orderId: 'missing', trackingNumber: 'LV-123' }],
      ['staff.order.changeAddress', { orderId: 'missing', address: ADDRESS }],
    ] as const) {
      assert.equal((await agent.mutate(path, input)).status, 404, path);
    }
    const missing = await agent.query('staff.order.byId', { orderId: 'missing' });
    assert.equal(missing.status, 404);
    assert.deepEqual(await orderTableCounts(portico.services), before);
  });
});
