import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPortico, type TestClient, type TestPortico } from '../support/portico.ts';
import { ADDRESS, orderTableCounts, seedTestCatalog } from '../support/catalog.ts';
import { placedOrder } from '../support/ordering.ts';
import { data, subscribe } from '../support/tickets.ts';

interface Row {
  id: string;
  number: string;
  total: number;
  createdAt: string;
  accountName: string;
  trackingNumber: string | null;
  placedByName: string | null;
}
interface Page {
  items: Row[];
  nextCursor: string | null;
}
interface Detail {
  id: string;
  status: string;
  trackingNumber: string | null;
  placedBy: { name: string; email: string } | null;
  staffCan: {
    next: string[];
    setTracking: boolean;
    changeAddress: boolean;
    cancel: boolean;
    setPromise: boolean;
  };
  timeline: { type: string; actor: { name: string; role: string }; detail: object }[];
}

describe('staff.order: the console’s order list and order view', () => {
  let portico: TestPortico;
  let ids: Awaited<ReturnType<typeof seedTestCatalog>>;
  let zoe: TestClient;
  let otto: TestClient;
  let agent: TestClient;
  /** Zoë's orders, oldest first: beans (cheapest), servicing (dearest), cups. */
  const zoeOrders: Row[] = [];
  let ottoOrder: Row;

  before(async () => {
    portico = await startTestPortico();
    ids = await seedTestCatalog(portico.services);
    zoe = await portico.personWithSession({ email: 'zoe@kirsone.test', name: 'Zoë Ķirsone' });
    otto = await portico.personWithSession({ email: 'otto@harbour.test', name: 'Otto Lapiņš' });
    agent = await portico.personWithSession({
      email: 'jonas@vendor.test',
      name: 'Jonas',
      role: 'agent',
    });
    zoeOrders.push(await placedOrder<Row>(zoe, [{ productId: ids.beans, quantity: 1 }]));
    zoeOrders.push(await placedOrder<Row>(zoe, [{ productId: ids.service, quantity: 2 }]));
    zoeOrders.push(await placedOrder<Row>(zoe, [{ productId: ids.cups, quantity: 1 }]));
    ottoOrder = await placedOrder<Row>(otto, [{ productId: ids.beans, quantity: 3 }]);
  });
  after(() => portico.close());

  const list = async (input: object): Promise<Page> => {
    const { body } = await agent.query('staff.order.list', input);
    assert.ok(body.result, JSON.stringify(body.error));
    return body.result.data as Page;
  };
  const numbers = async (input: object) => (await list(input)).items.map((row) => row.number);
  const byId = async (orderId: string): Promise<Detail> => {
    const { body } = await agent.query('staff.order.byId', { orderId });
    assert.ok(body.result, JSON.stringify(body.error));
    return body.result.data as Detail;
  };
  const reason = (body: { error?: { data: unknown } }) =>
    (body.error?.data as { reason?: string } | undefined)?.reason;

  it('finds orders by account name, person name or email, number and tracking number', async () => {
    const zoes = zoeOrders.map((row) => row.number).reverse();
    assert.deepEqual(await numbers({ query: 'kirsone' }), zoes, 'account name, folded');
    assert.deepEqual(await numbers({ query: 'Ķirsone' }), zoes, 'account name as typed');
    assert.deepEqual(await numbers({ query: 'zoe@kirsone' }), zoes, 'a member’s email');
    assert.deepEqual(await numbers({ query: 'otto LAPIŅŠ' }), [ottoOrder.number]);
    assert.deepEqual(await numbers({ query: zoeOrders[1]!.number.toLowerCase() }), [
      zoeOrders[1]!.number,
    ]);
    assert.deepEqual(await numbers({ query: 'kirsone paper cups' }), [zoeOrders[2]!.number]);
    assert.deepEqual(await numbers({ query: 'kirsone 100%_' }), []);

    const shipped = await agent.mutate('staff.order.advance', {
      orderId: ottoOrder.id,
      to: 'shipped',
      trackingNumber: 'DHL 77 4411',
    });
    assert.ok(shipped.body.result, JSON.stringify(shipped.body.error));
    const found = await list({ query: 'dhl 4411' });
    assert.deepEqual(
      found.items.map((row) => [row.number, row.trackingNumber, row.placedByName]),
      [[ottoOrder.number, 'DHL 77 4411', 'Otto Lapiņš']],
    );
    assert.deepEqual(await numbers({ query: 'otto', status: ['placed'] }), []);
    assert.deepEqual(await numbers({ query: 'otto', status: ['shipped'] }), [ottoOrder.number]);
  });

  it('sorts newest first, oldest first or by total, and pages through each sort', async () => {
    const mine = new Set(zoeOrders.map((row) => row.id));
    const walk = async (sort: string) => {
      const seen: Row[] = [];
      let cursor: string | undefined;
      do {
        const page = await list({ query: 'kirsone', sort, limit: 1, cursor });
        assert.ok(page.items.length <= 1);
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      assert.ok(seen.every((row) => mine.has(row.id)));
      return seen.map((row) => row.id);
    };
    const oldest = zoeOrders.map((row) => row.id);
    assert.deepEqual(await walk('newest'), [...oldest].reverse());
    assert.deepEqual(await walk('oldest'), oldest);
    const byTotal = [...zoeOrders].sort((a, b) => b.total - a.total).map((row) => row.id);
    assert.deepEqual(await walk('total'), byTotal);
    assert.equal(byTotal[0], zoeOrders[1]!.id, 'two servicing visits are the dearest');

    const first = await list({ query: 'kirsone', sort: 'total', limit: 1 });
    const mixed = await agent.query('staff.order.list', {
      query: 'kirsone',
      sort: 'newest',
      cursor: first.nextCursor,
    });
    assert.equal(mixed.status, 400, 'a cursor of another sort is refused, not misread');
  });

  it('refuses bad list input', async () => {
    for (const input of [
      { sort: 'cheapest' },
      { query: 'x'.repeat(101) },
      { limit: 51 },
      { unknown: true },
      { status: ['lost'] },
    ]) {
      assert.equal(
        (await agent.query('staff.order.list', input)).status,
        400,
        JSON.stringify(input),
      );
    }
    const customer = await zoe.query('order.list', { sort: 'total' });
    assert.equal(customer.status, 400, 'the customer list takes no sort');
  });

  it('says who placed an order and which steps staff may take now', async () => {
    const id = zoeOrders[0]!.id;
    const placed = await byId(id);
    assert.deepEqual(placed.placedBy && [placed.placedBy.name, placed.placedBy.email], [
      'Zoë Ķirsone',
      'zoe@kirsone.test',
    ]);
    assert.deepEqual(placed.staffCan, {
      next: ['confirmed', 'shipped', 'delivered'],
      setTracking: false,
      changeAddress: true,
      cancel: true,
      setPromise: true,
    });
    const confirmed = await agent.mutate('staff.order.advance', { orderId: id, to: 'confirmed' });
    assert.deepEqual((confirmed.body.result?.data as Detail).staffCan.next, [
      'shipped',
      'delivered',
    ]);
    const shipped = await agent.mutate('staff.order.advance', {
      orderId: id,
      to: 'shipped',
      trackingNumber: 'LV-0001',
    });
    const detail = shipped.body.result?.data as Detail;
    assert.equal(detail.trackingNumber, 'LV-0001');
    assert.deepEqual(detail.staffCan, {
      next: ['delivered'],
      setTracking: true,
      changeAddress: true,
      cancel: false,
      setPromise: true,
    });
    const retracked = await agent.mutate('staff.order.setTracking', {
      orderId: id,
      trackingNumber: 'LV-0002',
    });
    assert.equal((retracked.body.result?.data as Detail).trackingNumber, 'LV-0002');
    const seen = (await zoe.query('order.byId', { orderId: id })).body.result?.data as Detail;
    assert.deepEqual(
      seen.timeline.slice(1).map((event) => [event.type, event.actor.role, event.detail]),
      [
        ['confirmed', 'staff', { from: 'placed' }],
        ['shipped', 'staff', { from: 'confirmed', trackingNumber: 'LV-0001' }],
        ['tracking_changed', 'staff', { trackingNumber: 'LV-0002' }],
      ],
    );
    assert.equal('staffCan' in seen, false, 'the customer sees no staff fields');
  });

  it('refuses a step the customer’s cancellation overtook, and changes nothing', async () => {
    const id = zoeOrders[2]!.id;
    const cancelled = await zoe.mutate('order.cancel', { orderId: id, reason: 'Ordered twice' });
    assert.ok(cancelled.body.result, JSON.stringify(cancelled.body.error));
    const before = await orderTableCounts(portico.services);
    const late = await agent.mutate('staff.order.advance', { orderId: id, to: 'confirmed' });
    assert.equal(late.status, 412);
    assert.equal(reason(late.body), 'ALREADY_CANCELLED');
    const cancelAgain = await agent.mutate('staff.order.cancel', { orderId: id, reason: 'x' });
    assert.equal(reason(cancelAgain.body), 'ALREADY_CANCELLED');
    const detail = await byId(id);
    assert.equal(detail.status, 'cancelled');
    assert.deepEqual(detail.staffCan, {
      next: [],
      setTracking: false,
      changeAddress: false,
      cancel: false,
      setPromise: false,
    });
    assert.deepEqual(await orderTableCounts(portico.services), before);
  });

  it('refuses bad change input and leaves the database as it was', async () => {
    const id = zoeOrders[1]!.id;
    const before = await orderTableCounts(portico.services);
    for (const [path, input] of [
      ['staff.order.advance', { orderId: id, to: 'cancelled' }],
      ['staff.order.advance', { orderId: id, to: 'shipped', trackingNumber: '<script>' }],
      ['staff.order.setTracking', { orderId: id, trackingNumber: 'ab' }],
      ['staff.order.changeAddress', { orderId: id, address: { ...ADDRESS, city: '' } }],
      ['staff.order.cancel', { orderId: id, reason: 'x'.repeat(501) }],
      ['staff.order.cancel', { orderId: id, reason: 'ok', extra: 1 }],
    ] as const) {
      assert.equal(
        (await agent.mutate(path, input)).status,
        400,
        `${path} ${JSON.stringify(input)}`,
      );
    }
    assert.deepEqual(await orderTableCounts(portico.services), before);
    assert.equal((await byId(id)).status, 'placed');
  });

  it('records a staff cancellation with its reason where the customer sees it', async () => {
    const id = zoeOrders[1]!.id;
    const { body } = await agent.mutate('staff.order.cancel', {
      orderId: id,
      reason: 'Customer phoned: wrong machine',
    });
    assert.equal((body.result?.data as Detail).status, 'cancelled');
    const seen = (await zoe.query('order.byId', { orderId: id })).body.result?.data as Detail;
    const last = seen.timeline.at(-1)!;
    assert.deepEqual(
      [last.type, last.actor.name, last.actor.role, last.detail],
      ['cancelled', 'Jonas', 'staff', { reason: 'Customer phoned: wrong machine' }],
    );
  });

  it('keeps the staff side from customers', async () => {
    assert.equal((await otto.query('staff.order.list', { query: 'kirsone' })).status, 403);
    assert.equal((await otto.query('staff.order.byId', { orderId: ottoOrder.id })).status, 403);
    assert.equal((await portico.client().query('staff.order.list', {})).status, 401);
  });

  it('tells open order views of every order placed or changed, as it happens', async () => {
    type Update = { type: string; orderId: string | null; accountId: string | null };
    const stream = subscribe<Update>(agent, 'staff.order.onUpdate', {});
    try {
      await stream.next((event) => event.type === 'sync');
      const placed = await placedOrder<Row>(otto, [{ productId: ids.cups, quantity: 1 }]);
      const heard = await stream.next((event) => event.type === 'placed');
      assert.equal(heard.orderId, placed.id);
      data(await otto.mutate('order.cancel', { orderId: placed.id, reason: 'Ordered twice' }));
      const cancelled = await stream.next((event) => event.type === 'changed');
      assert.equal(cancelled.orderId, placed.id);
      const second = await placedOrder<Row>(otto, [{ productId: ids.beans, quantity: 1 }]);
      await stream.next((event) => event.type === 'placed' && event.orderId === second.id);
      data(await agent.mutate('staff.order.advance', { orderId: second.id, to: 'confirmed' }));
      const confirmed = await stream.next((event) => event.type === 'changed');
      assert.equal(confirmed.orderId, second.id);
    } finally {
      await stream.close();
    }
  });
});
