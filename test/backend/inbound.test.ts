import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  startTestPortico,
  TEST_ORIGIN,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { startSlowUpload } from '../support/slow-upload.ts';
import { createKey } from '../../backend/inbound/inbound.keys.ts';
import { OVERLOADED } from '../../backend/http/admission.ts';
import { seedTestCatalog } from '../support/catalog.ts';
import { placedOrder } from '../support/ordering.ts';
import { data } from '../support/tickets.ts';
import { changedTables, contents, rowCounts } from '../support/snapshot.ts';

interface Answer {
  status: number;
  body: {
    id?: string;
    replayed?: boolean;
    error?: { code: string; message: string; fieldErrors?: Record<string, string[]> };
    [key: string]: unknown;
  };
}
interface Order {
  id: string;
  number: string;
  status: string;
  trackingNumber: string | null;
  promisedOn: string | null;
  timeline: { type: string; actor: { name: string; role: string }; detail: object }[];
}

const today = () => new Date().toISOString().slice(0, 10);

describe('the inbound API: the ERP pushes orders, invoices and payments', () => {
  let portico: TestPortico;
  let admin: TestClient;
  let anna: TestClient;
  let bert: TestClient;
  let ids: Awaited<ReturnType<typeof seedTestCatalog>>;
  let key: string;
  let annaAccount: string;
  let bertAccount: string;

  before(async () => {
    portico = await startTestPortico();
    ids = await seedTestCatalog(portico.services);
    admin = await portico.personWithSession({
      email: 'ada@vendor.test',
      name: 'Ada Admin',
      role: 'admin',
    });
    anna = await portico.personWithSession({ email: 'anna@inbound.test', name: 'Anna' });
    bert = await portico.personWithSession({ email: 'bert@inbound.test', name: 'Bert' });
    const accountOf = async (client: TestClient) =>
      data<{ account: { id: string } }>(await client.query('session.me')).account.id;
    annaAccount = await accountOf(anna);
    bertAccount = await accountOf(bert);
    key = data<{ key: string }>(
      await admin.mutate('staff.inbound.createKey', { name: 'Acme ERP' }),
    ).key;
  });
  after(() => portico.close());

  /** A call as the ERP makes it: no Origin, no cookie, the key as a bearer token. */
  async function send(
    path: string,
    body: unknown,
    authorization: string | null = `Bearer ${key}`,
  ): Promise<Answer> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization) headers.authorization = authorization;
    const response = await fetch(new URL(`/api/inbound/v1/${path}`, portico.url), {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  const order = () => placedOrder(anna, [{ productId: ids.beans, quantity: 1 }]);
  const annasOrder = async (orderId: string) =>
    data<Order>(await anna.query('order.byId', { orderId }));
  /** Every row of every table but the keys (their last use is noted once a minute). */
  const snapshot = () => contents(portico.services, ['inboundKey']);

  it('refuses calls without a valid, unrevoked key', async () => {
    const placed = await order();
    const message = { id: 'auth-1', orderNumber: placed.number, status: 'confirmed' };
    const before = await snapshot();
    for (const authorization of [
      null,
      'Bearer pk_not-a-key-that-exists-anywhere',
      `Basic ${key}`,
      key,
    ]) {
      const answer = await send('order-updates', message, authorization);
      assert.equal(answer.status, 401, String(authorization));
      assert.equal(answer.body.error?.code, 'UNAUTHORIZED');
    }
    const spare = data<{ key: string; item: { id: string; prefix: string } }>(
      await admin.mutate('staff.inbound.createKey', { name: 'Old ERP' }),
    );
    assert.ok(spare.key.startsWith(spare.item.prefix));
    data(await admin.mutate('staff.inbound.revokeKey', { id: spare.item.id }));
    const revoked = await send('order-updates', message, `Bearer ${spare.key}`);
    assert.equal(revoked.status, 401);
    assert.deepEqual(changedTables(before, await snapshot()), [], 'nothing written');

    const keys = data<{
      items: { name: string; lastUsedAt: string | null; revokedAt: string | null }[];
    }>(await admin.query('staff.inbound.keys'));
    assert.ok(keys.items.find((item) => item.name === 'Old ERP')?.revokedAt);
    assert.ok(!JSON.stringify(keys).includes(spare.key), 'the key is never shown again');
  });

  it('refuses bad input with a clear 4xx and writes nothing', async () => {
    const placed = await order();
    const before = await rowCounts(portico.services);
    const malformed = await send('order-updates', '{"id": "bad-1", ');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error?.code, 'MALFORMED_JSON');

    const invalid = [
      { orderNumber: placed.number, status: 'shipped' },
      { id: 'bad-2', orderNumber: placed.number, status: 'lost' },
      { id: 'bad-3', orderNumber: placed.number, status: 'shipped', price: 0 },
      { id: 'bad-4', orderNumber: placed.number },
      { id: 'bad-5', orderNumber: placed.number, promisedOn: 'next week' },
      { id: 'bad-6', orderNumber: placed.number, status: 'cancelled', trackingNumber: '1Z999' },
    ];
    for (const message of invalid) {
      const answer = await send('order-updates', message);
      assert.equal(answer.status, 400, JSON.stringify(message));
      assert.equal(answer.body.error?.code, 'VALIDATION_FAILED');
      assert.ok(answer.body.error?.fieldErrors, 'says which field');
    }
    const lines = [{ description: 'Visit', quantity: 1, unitPrice: -5, taxRate: 0 }];
    const invoice = await send('invoices', { id: 'bad-7', accountId: annaAccount, lines });
    assert.equal(invoice.status, 400);
    assert.ok(invoice.body.error?.fieldErrors?.['lines.0.unitPrice']);
    const payment = await send('payments', {
      id: 'bad-8',
      accountId: annaAccount,
      amount: 100,
      receivedOn: today(),
      method: 'bank_transfer',
      idempotencyKey: 'mine-mine-mine-mine',
    });
    assert.equal(payment.status, 400);

    const huge = await send('order-updates', {
      id: 'bad-9',
      orderNumber: placed.number,
      reason: 'x'.repeat(70 * 1024),
      status: 'cancelled',
    });
    assert.equal(huge.status, 413);
    assert.equal(huge.body.error?.code, 'PAYLOAD_TOO_LARGE');

    const unknown = await send('order-updates', {
      id: 'bad-10',
      orderNumber: 'NOPE-1',
      status: 'shipped',
    });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error?.code, 'ORDER_NOT_FOUND');
    const noAccount = await send('invoices', {
      id: 'bad-11',
      accountId: 'no-such-account',
      lines: [{ description: 'Visit', quantity: 1, unitPrice: 500, taxRate: 0 }],
    });
    assert.equal(noAccount.status, 404);
    assert.equal(noAccount.body.error?.code, 'ACCOUNT_NOT_FOUND');
    const nowhere = await send('orders', { id: 'bad-12' });
    assert.equal(nowhere.status, 404);

    assert.deepEqual(await rowCounts(portico.services), before, 'no row added or removed');
    assert.equal((await annasOrder(placed.id)).status, 'placed');
  });

  it('puts a status update on the customer’s timeline, once, however often it is sent', async () => {
    const placed = await order();
    const message = {
      id: 'erp-ship-1',
      orderNumber: placed.number.toLowerCase(),
      status: 'shipped',
      trackingNumber: '1Z999AA10123456784',
    };
    const first = await send('order-updates', message);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.replayed, false);
    assert.equal(first.body.id, 'erp-ship-1');
    assert.equal(first.body.status, 'shipped');
    assert.deepEqual(first.body.changes, ['shipped']);

    const seen = await annasOrder(placed.id);
    assert.equal(seen.status, 'shipped');
    assert.equal(seen.trackingNumber, '1Z999AA10123456784');
    const shipped = seen.timeline.filter((entry) => entry.type === 'shipped');
    assert.equal(shipped.length, 1);
    assert.deepEqual(shipped[0]!.actor, { name: 'Acme ERP', role: 'system' });

    const events = await portico.services.db
      .selectFrom('domainEvent')
      .select(['type', 'data', 'handledAt'])
      .where('type', '=', 'order.changed')
      .execute();
    const mine = events.filter((event) => {
      const parsed = JSON.parse(event.data) as { orderId: string; change: string };
      return parsed.orderId === placed.id && parsed.change === 'shipped';
    });
    assert.equal(mine.length, 1, 'one event');
    assert.ok(mine[0]!.handledAt, 'handled before the answer');

    // The notification centre, when it is there, tells the customer.
    const bell = await anna.query('notification.list', {});
    if (bell.body.result) {
      const items = (bell.body.result.data as { items: { kind: string }[] }).items;
      assert.ok(
        items.some((item) => item.kind === 'order_shipped'),
        JSON.stringify(items),
      );
    }

    const before = await snapshot();
    const again = await send('order-updates', { ...message, orderNumber: placed.number });
    assert.equal(again.status, 200);
    assert.equal(again.body.replayed, true);
    assert.deepEqual({ ...again.body, replayed: false }, first.body, 'the same answer');
    assert.deepEqual(changedTables(before, await snapshot()), [], 'a replay writes nothing');

    const other = await send('order-updates', { ...message, trackingNumber: 'JJD0099' });
    assert.equal(other.status, 409);
    assert.equal(other.body.error?.code, 'IDEMPOTENCY_KEY_REUSED');
    assert.deepEqual(changedTables(before, await snapshot()), []);

    // A new message saying what is already so changes nothing on the order.
    const same = await send('order-updates', { ...message, id: 'erp-ship-2' });
    assert.equal(same.status, 200);
    assert.deepEqual(same.body.changes, []);
    assert.equal((await annasOrder(placed.id)).timeline.length, seen.timeline.length);
  });

  it('confirms, promises, adds tracking and delivers, and refuses what the order cannot do', async () => {
    const placed = await order();
    const promised = await send('order-updates', {
      id: 'erp-flow-1',
      orderNumber: placed.number,
      status: 'confirmed',
      promisedOn: '2030-01-15',
    });
    assert.equal(promised.status, 200, JSON.stringify(promised.body));
    assert.deepEqual(promised.body.changes, ['promise_changed', 'confirmed']);
    assert.equal((await annasOrder(placed.id)).promisedOn, '2030-01-15');

    const before = await snapshot();
    const early = await send('order-updates', {
      id: 'erp-flow-2',
      orderNumber: placed.number,
      trackingNumber: '1Z999',
    });
    assert.equal(early.status, 409);
    assert.equal(early.body.error?.code, 'TRACKING_NEEDS_SHIPMENT');
    assert.deepEqual(changedTables(before, await snapshot()), []);

    const delivered = await send('order-updates', {
      id: 'erp-flow-3',
      orderNumber: placed.number,
      status: 'delivered',
      trackingNumber: '1Z999',
    });
    assert.equal(delivered.status, 200, JSON.stringify(delivered.body));
    assert.deepEqual(delivered.body.changes, ['delivered', 'tracking_changed']);

    const refusals: [object, string][] = [
      [{ status: 'shipped' }, 'NOT_NEXT_STEP'],
      [{ status: 'cancelled' }, 'ALREADY_SHIPPED'],
      [{ promisedOn: '2030-02-01' }, 'NOT_NEXT_STEP'],
    ];
    const cancelled = await order();
    data(await anna.mutate('order.cancel', { orderId: cancelled.id, reason: 'Ordered twice' }));
    refusals.push([{ orderNumber: cancelled.number, status: 'shipped' }, 'ALREADY_CANCELLED']);
    const held = await snapshot();
    for (const [index, [change, code]] of refusals.entries()) {
      const answer = await send('order-updates', {
        id: `erp-refused-${index}`,
        orderNumber: placed.number,
        ...change,
      });
      assert.equal(answer.status, 409, JSON.stringify(change));
      assert.equal(answer.body.error?.code, code);
    }
    assert.deepEqual(changedTables(held, await snapshot()), [], 'refusals write nothing');
    // A refused id may be used again once the message is right.
    const fixed = await send('order-updates', {
      id: 'erp-refused-3',
      orderNumber: cancelled.number,
      status: 'cancelled',
    });
    assert.equal(fixed.status, 200);
    assert.deepEqual(fixed.body.changes, []);
  });

  it('applies a message sent twice at once a single time, and answers both alike', async () => {
    const placed = await order();
    const message = {
      id: 'erp-race-1',
      orderNumber: placed.number,
      status: 'shipped',
      trackingNumber: '1Z999AA10123450000',
      promisedOn: '2030-04-01',
    };
    const answers = await Promise.all([
      send('order-updates', message),
      send('order-updates', message),
    ]);
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [200, 200],
      JSON.stringify(answers),
    );
    assert.deepEqual(answers.map((answer) => answer.body.replayed).sort(), [false, true]);
    assert.deepEqual(
      { ...answers[0]!.body, replayed: null },
      { ...answers[1]!.body, replayed: null },
      'the same answer',
    );
    assert.deepEqual(answers[0]!.body.changes, ['promise_changed', 'shipped']);

    const seen = await annasOrder(placed.id);
    assert.deepEqual(
      seen.timeline.map((entry) => entry.type),
      ['placed', 'promise_changed', 'shipped'],
    );
    const events = await portico.services.db
      .selectFrom('domainEvent')
      .select('data')
      .where('type', '=', 'order.changed')
      .execute();
    const mine = events
      .map((event) => JSON.parse(event.data) as { orderId: string; change: string })
      .filter((event) => event.orderId === placed.id);
    assert.deepEqual(mine.map((event) => event.change).sort(), ['promise_changed', 'shipped']);
    const invoices = await portico.services.db
      .selectFrom('invoice')
      .select('id')
      .where('orderId', '=', placed.id)
      .execute();
    assert.equal(invoices.length, 1, 'billed once');

    const payment = {
      id: 'PAY-RACE-1',
      accountId: annaAccount,
      amount: 1_000,
      receivedOn: today(),
      method: 'card',
    };
    const paid = await Promise.all([send('payments', payment), send('payments', payment)]);
    assert.deepEqual(paid.map((answer) => answer.status).sort(), [201, 201]);
    assert.deepEqual(paid.map((answer) => answer.body.replayed).sort(), [false, true]);
    assert.equal(paid[0]!.body.paymentId, paid[1]!.body.paymentId);
    const payments = await portico.services.db
      .selectFrom('payment')
      .select('id')
      .where('id', '=', paid[0]!.body.paymentId as string)
      .execute();
    assert.equal(payments.length, 1);
  });

  it('writes nothing when a later step of an update is refused, and keeps the id free', async () => {
    const placed = await order();
    const message = {
      id: 'erp-half-1',
      orderNumber: placed.number,
      status: 'confirmed',
      promisedOn: '2030-05-01',
      // The order is not shipped: the promise and the confirmation were fine, this is not.
      trackingNumber: '1Z999AA10123451111',
    };
    const counts = await rowCounts(portico.services, ['inboundKey']);
    const before = await snapshot();
    const refused = await send('order-updates', message);
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.equal(refused.body.error?.code, 'TRACKING_NEEDS_SHIPMENT');
    assert.deepEqual(await rowCounts(portico.services, ['inboundKey']), counts);
    assert.deepEqual(
      changedTables(before, await snapshot()),
      [],
      'not the promise, not the status',
    );
    const seen = await annasOrder(placed.id);
    assert.equal(seen.status, 'placed');
    assert.equal(seen.promisedOn, null);

    const { trackingNumber: _later, ...fixed } = message;
    const applied = await send('order-updates', fixed);
    assert.equal(applied.status, 200, 'the refused id is still free');
    assert.equal(applied.body.replayed, false);
    assert.deepEqual(applied.body.changes, ['promise_changed', 'confirmed']);
  });

  it('imports invoices the customer sees, once per id', async () => {
    const lines = [{ description: 'Descaling visit', quantity: 2, unitPrice: 4500, taxRate: 2100 }];
    const message = { id: 'INV-2026-0042', accountId: annaAccount, lines, dueDays: 30 };
    const first = await send('invoices', message);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.replayed, false);
    assert.equal(first.body.total, 10_890);
    const invoiceId = first.body.invoiceId as string;
    const seen = data<{ number: string; total: number }>(
      await anna.query('invoice.byId', { invoiceId }),
    );
    assert.equal(seen.number, first.body.number);
    const hidden = await bert.query('invoice.byId', { invoiceId });
    assert.equal(hidden.body.error?.data.code, 'NOT_FOUND', 'not another account’s');

    const before = await snapshot();
    const again = await send('invoices', message);
    assert.equal(again.status, 201);
    assert.equal(again.body.replayed, true);
    assert.equal(again.body.invoiceId, invoiceId);
    assert.deepEqual(changedTables(before, await snapshot()), []);
    const other = await send('invoices', { ...message, dueDays: 14 });
    assert.equal(other.status, 409);
    assert.equal(other.body.error?.code, 'IDEMPOTENCY_KEY_REUSED');

    // For an order not shipped yet: shipping it later bills nothing more.
    const placed = await order();
    const forOrder = await send('invoices', {
      id: 'INV-2026-0043',
      accountId: annaAccount,
      orderNumber: placed.number,
      lines,
    });
    assert.equal(forOrder.status, 201, JSON.stringify(forOrder.body));
    const ship = await send('order-updates', {
      id: 'erp-ship-billed',
      orderNumber: placed.number,
      status: 'shipped',
    });
    assert.equal(ship.status, 200);
    const billed = await portico.services.db
      .selectFrom('invoice')
      .select('id')
      .where('orderId', '=', placed.id)
      .execute();
    assert.deepEqual(billed, [{ id: forOrder.body.invoiceId }]);
    const twice = await send('invoices', {
      id: 'INV-2026-0044',
      accountId: annaAccount,
      orderNumber: placed.number,
      lines,
    });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error?.code, 'ALREADY_INVOICED');
    const foreign = await send('invoices', {
      id: 'INV-2026-0045',
      accountId: bertAccount,
      orderNumber: placed.number,
      lines,
    });
    assert.equal(foreign.status, 404, 'another account’s order is not found');
  });

  it('imports payments the customer sees, once per id', async () => {
    const message = {
      id: 'PAY-7781',
      accountId: annaAccount,
      amount: 2_500,
      receivedOn: today(),
      method: 'bank_transfer',
      reference: 'SEPA 7781',
    };
    const first = await send('payments', message);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const paymentId = first.body.paymentId as string;
    const list = data<{ items: { id: string; reference: string }[] }>(
      await anna.query('payment.list', {}),
    );
    assert.equal(list.items.find((item) => item.id === paymentId)?.reference, 'SEPA 7781');
    const theirs = data<{ items: { id: string }[] }>(await bert.query('payment.list', {}));
    assert.ok(!theirs.items.some((item) => item.id === paymentId));

    const before = await snapshot();
    const again = await send('payments', message);
    assert.equal(again.status, 201);
    assert.equal(again.body.replayed, true);
    assert.equal(again.body.paymentId, paymentId);
    assert.deepEqual(changedTables(before, await snapshot()), []);
    const other = await send('payments', { ...message, amount: 2_600 });
    assert.equal(other.status, 409);
    assert.equal(other.body.error?.code, 'IDEMPOTENCY_KEY_REUSED');
    assert.deepEqual(changedTables(before, await snapshot()), []);
  });

  it('notes when a key was last used', async () => {
    const keys = data<{ items: { name: string; lastUsedAt: string | null }[] }>(
      await admin.query('staff.inbound.keys'),
    );
    assert.ok(keys.items.find((item) => item.name === 'Acme ERP')?.lastUsedAt);
  });
});

describe('the inbound API is server to server, behind the same admission gate', () => {
  let portico: TestPortico;
  let customer: TestClient;
  let key: string;

  before(async () => {
    portico = await startTestPortico({
      env: { MAX_CONCURRENT_REQUESTS: '1', MAX_QUEUED_REQUESTS: '0' },
    });
    customer = await portico.personWithSession({ email: 'carla@inbound.test' });
    ({ key } = await createKey(portico.services.db, 'Gate ERP', 'test'));
  });
  after(() => portico.close());

  const send = (headers: Record<string, string> = {}) =>
    fetch(new URL('/api/inbound/v1/order-updates', portico.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ id: 'gate-1', orderNumber: 'NONE-1', status: 'shipped' }),
    });

  it('needs no Origin, answers no CORS, and is logged with a request id', async () => {
    const plain = await send();
    assert.equal(plain.status, 404, 'reached the handler without an Origin');
    assert.ok(plain.headers.get('x-request-id'));
    const fromPage = await send({ origin: TEST_ORIGIN });
    assert.equal(fromPage.status, 404);
    assert.equal(fromPage.headers.get('access-control-allow-origin'), null);
  });

  it('is refused with 503 while the server is full, like every other request', async () => {
    const upload = await startSlowUpload(customer);
    try {
      const refused = await send();
      assert.equal(refused.status, 503);
      assert.deepEqual(await refused.json(), { error: OVERLOADED });
    } finally {
      await upload.finish();
    }
    assert.equal((await send()).status, 404, 'answered again once there is room');
  });
});
