import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import {
  enrollTotp,
  startTestPortico,
  TEST_ORIGIN,
  TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { ADDRESS, seedTestCatalog } from '../support/catalog.ts';
import { placedOrder } from '../support/ordering.ts';
import { data, openTicket } from '../support/tickets.ts';
import { listenOn, closeServer } from '../../backend/listen.ts';
import {
  signatureHeader,
  verifyWebhookSignature,
} from '../../backend/webhook/webhook.signature.ts';
import {
  BACKOFF_MINUTES,
  MAX_ATTEMPTS,
  WebhookWorker,
} from '../../backend/webhook/webhook.worker.ts';
import { addressRefusal, isInternalAddress } from '../../backend/webhook/webhook.address.ts';
import { WebhookError } from '../../backend/webhook/webhook.errors.ts';
import { pendingDelivery } from '../../backend/webhook/webhook.queries.ts';
import { createKey } from '../../backend/inbound/inbound.keys.ts';
import { createPerson } from '../../backend/session/people.ts';
import { newId } from '../../backend/db/id.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A vendor's endpoint: records what it is sent and answers `status` (changeable). */
class Receiver {
  readonly received: Received[] = [];
  status = 200;
  answer = 'ok';
  location: string | null = null;
  /** While set, answers wait for it (a slow endpoint, or one that never answers). */
  held: Promise<unknown> | null = null;
  url = '';
  readonly #server: Server;
  #waiters: { count: number; resolve: () => void }[] = [];

  constructor() {
    this.#server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString() });
        const held = this.held ?? Promise.resolve();
        this.#waiters = this.#waiters.filter((waiter) => {
          if (this.received.length < waiter.count) return true;
          waiter.resolve();
          return false;
        });
        void held.then(() => {
          if (response.destroyed) return;
          if (this.location) response.setHeader('location', this.location);
          response.writeHead(this.status, { 'content-type': 'text/plain' });
          response.end(this.answer);
        });
      });
    });
  }

  async start(): Promise<this> {
    const port = await listenOn(this.#server, 0, '127.0.0.1');
    this.url = `http://127.0.0.1:${port}/hook`;
    return this;
  }

  /** Resolves once `count` requests in all have arrived. */
  until(count: number): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }

  close(): Promise<void> {
    return closeServer(this.#server);
  }
}

interface Endpoint {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  lastDelivery: { status: string; at: string; responseStatus: number | null } | null;
}
interface InvoiceView {
  id: string;
  number: string;
  accountId: string;
  total: number;
  currency: string;
}
interface Delivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
}

describe('webhooks: signed, retried with backoff, recorded and replayable', () => {
  let portico: TestPortico;
  let admin: TestClient;
  let anna: TestClient;
  let ids: Awaited<ReturnType<typeof seedTestCatalog>>;
  const receivers: Receiver[] = [];

  const receiver = async () => {
    const made = await new Receiver().start();
    receivers.push(made);
    return made;
  };

  before(async () => {
    portico = await startTestPortico();
    ids = await seedTestCatalog(portico.services);
    admin = await portico.personWithSession({
      email: 'ada@vendor.test',
      name: 'Ada Admin',
      role: 'admin',
    });
    anna = await portico.personWithSession({ email: 'anna@hooks.test', name: 'Anna' });
  });
  after(async () => {
    await portico.close();
    await Promise.all(receivers.map((made) => made.close()));
  });

  const create = async (url: string, events: string[]) =>
    data<{ endpoint: Endpoint; secret: string }>(
      await admin.mutate('staff.webhook.create', { url, events, description: 'ERP' }),
    );
  const deliveries = async (endpointId: string) =>
    data<{ items: Delivery[] }>(await admin.query('staff.webhook.deliveries', { endpointId }))
      .items;
  /** Every run under way and one more: what was due when this was called has been tried. */
  const settled = () => portico.services.webhooks.runNow();
  const order = () => placedOrder(anna, [{ productId: ids.beans, quantity: 1 }]);

  it('accepts https endpoints (http only to this machine) and known events only', async () => {
    const refused = [
      { url: 'http://erp.vendor.example/hook', events: ['order.placed'] },
      { url: 'ftp://erp.vendor.example/hook', events: ['order.placed'] },
      { url: 'https://user:secret@erp.vendor.example/hook', events: ['order.placed'] },
      { url: 'not a url', events: ['order.placed'] },
      { url: 'https://erp.vendor.example/hook', events: [] },
      { url: 'https://erp.vendor.example/hook', events: ['order.delayed'] },
      { url: 'https://erp.vendor.example/hook', events: ['order.placed'], secret: 'mine' },
    ];
    for (const input of refused) {
      const { body } = await admin.mutate('staff.webhook.create', input);
      assert.equal(body.error?.data.code, 'BAD_REQUEST', JSON.stringify(input));
    }
    for (const url of [
      'https://erp.vendor.example/hook?source=portico',
      'http://localhost:8080/hook',
      'http://127.0.0.1/hook',
      'http://[::1]:9000/hook',
    ]) {
      const { endpoint, secret } = await create(url, ['order.placed']);
      assert.equal(endpoint.url, url);
      assert.match(secret, /^whsec_[A-Za-z0-9_-]{43}$/);
      data(await admin.mutate('staff.webhook.remove', { id: endpoint.id }));
    }
    const { endpoint } = await create('https://erp.vendor.example/a', ['ticket.created']);
    const moved = await admin.mutate('staff.webhook.update', {
      id: endpoint.id,
      url: 'http://erp.vendor.example/a',
    });
    assert.equal(moved.body.error?.data.code, 'BAD_REQUEST');
    data(await admin.mutate('staff.webhook.remove', { id: endpoint.id }));
  });

  it('shows the secret once: never in the list, new on rotation', async () => {
    const { endpoint, secret } = await create('https://erp.vendor.example/once', ['order.placed']);
    const { body } = await admin.query('staff.webhook.list');
    assert.ok(!JSON.stringify(body).includes(secret), 'the list does not show the secret');
    const rotated = data<{ secret: string }>(
      await admin.mutate('staff.webhook.rotateSecret', { id: endpoint.id }),
    );
    assert.notEqual(rotated.secret, secret);
    data(await admin.mutate('staff.webhook.remove', { id: endpoint.id }));
    const list = data<{ items: Endpoint[] }>(await admin.query('staff.webhook.list'));
    assert.ok(!list.items.some((item) => item.id === endpoint.id), 'removed from the list');
    const again = await admin.mutate('staff.webhook.rotateSecret', { id: endpoint.id });
    assert.equal(again.body.error?.data.code, 'NOT_FOUND');
  });

  it('signs each delivery so the receiver can verify it, and detects tampering', async () => {
    const erp = await receiver();
    const { endpoint, secret } = await create(erp.url, ['order.placed']);
    const placed = await order();
    await erp.until(1);
    const [request] = erp.received;
    const header = request!.headers['portico-signature'] as string;
    assert.equal(request!.headers['portico-event'], 'order.placed');
    assert.equal(request!.headers['content-type'], 'application/json');
    assert.deepEqual(verifyWebhookSignature(secret, header, request!.body).ok, true);

    const event = JSON.parse(request!.body) as {
      id: string;
      type: string;
      createdAt: string;
      data: { accountId: string; order: { number: string; status: string; total: number } };
    };
    assert.equal(event.type, 'order.placed');
    assert.equal(event.data.order.number, placed.number);
    assert.equal(event.data.order.status, 'placed');
    assert.ok(event.data.order.total > 0);

    const tampered = request!.body.replace(placed.number, 'A-FORGED');
    assert.deepEqual(verifyWebhookSignature(secret, header, tampered), {
      ok: false,
      reason: 'MISMATCH',
    });
    assert.deepEqual(verifyWebhookSignature('whsec_wrong', header, request!.body), {
      ok: false,
      reason: 'MISMATCH',
    });
    const later = new Date(Date.now() + 6 * 60_000);
    assert.deepEqual(verifyWebhookSignature(secret, header, request!.body, later), {
      ok: false,
      reason: 'TOO_OLD',
    });
    const old = signatureHeader(secret, request!.body, new Date(Date.now() - 10 * 60_000));
    assert.equal(verifyWebhookSignature(secret, old, request!.body).ok, false);
    assert.equal(verifyWebhookSignature(secret, 't=1,v1=zz', request!.body).ok, false);
    assert.equal(verifyWebhookSignature(secret, undefined, request!.body).ok, false);

    await settled();
    const [delivery] = await deliveries(endpoint.id);
    assert.equal(request!.headers['portico-delivery'], delivery!.id);
    assert.equal(delivery!.eventId, event.id);
    assert.equal(delivery!.status, 'delivered');
    assert.equal(delivery!.attempts, 1);
    assert.equal(delivery!.responseStatus, 200);
    assert.equal(delivery!.responseBody, 'ok');
    const list = data<{ items: Endpoint[] }>(await admin.query('staff.webhook.list'));
    const shown = list.items.find((item) => item.id === endpoint.id);
    assert.equal(shown?.lastDelivery?.status, 'delivered');

    // A replay is the same event again: a receiver that keeps the ids it handled skips it.
    const handled = new Set([event.id]);
    const replay = data<Delivery>(
      await admin.mutate('staff.webhook.replay', { deliveryId: delivery!.id }),
    );
    assert.notEqual(replay.id, delivery!.id);
    assert.equal(replay.eventId, event.id);
    assert.equal(replay.status, 'pending');
    await erp.until(2);
    const second = erp.received[1]!;
    assert.equal(second.headers['portico-delivery'], replay.id);
    assert.equal(second.body, request!.body, 'the same body, byte for byte');
    const secondHeader = second.headers['portico-signature'] as string;
    assert.equal(verifyWebhookSignature(secret, secondHeader, second.body).ok, true);
    assert.ok(handled.has((JSON.parse(second.body) as { id: string }).id), 'seen before');
    data(await admin.mutate('staff.webhook.remove', { id: endpoint.id }));
  });

  it('sends each endpoint only the events it asked for, and nothing to an inactive one', async () => {
    const orders = await receiver();
    const tickets = await receiver();
    const paused = await receiver();
    const forOrders = await create(orders.url, ['order.placed']);
    const forTickets = await create(tickets.url, ['ticket.created', 'ticket.answered']);
    const forPaused = data<{ endpoint: Endpoint }>(
      await admin.mutate('staff.webhook.create', {
        url: paused.url,
        events: ['order.placed', 'ticket.created'],
        active: false,
      }),
    );
    assert.equal(forPaused.endpoint.active, false, 'made paused');

    await order();
    const ticket = await openTicket(anna, { subject: 'Grinder noise' });
    const staffReply = await admin.mutate('staff.ticket.reply', {
      idempotencyKey: randomUUID(),
      ticketId: ticket.id,
      body: 'Please send us a video of the noise.',
    });
    data(staffReply);
    await Promise.all([orders.until(1), tickets.until(2)]);
    await settled();

    assert.deepEqual(
      (await deliveries(forOrders.endpoint.id)).map((row) => row.eventType),
      ['order.placed'],
    );
    assert.deepEqual(
      (await deliveries(forTickets.endpoint.id)).map((row) => row.eventType).sort(),
      ['ticket.answered', 'ticket.created'],
    );
    assert.deepEqual(await deliveries(forPaused.endpoint.id), [], 'nothing queued while inactive');
    assert.equal(paused.received.length, 0);

    const answered = tickets.received
      .map((request) => JSON.parse(request.body) as { type: string; data: never })
      .find((event) => event.type === 'ticket.answered') as unknown as {
      data: { ticket: { number: string; subject: string }; message: { body: string } };
    };
    assert.equal(answered.data.ticket.number, ticket.number);
    assert.equal(answered.data.ticket.subject, 'Grinder noise');
    assert.equal(answered.data.message.body, 'Please send us a video of the noise.');
    for (const made of [forOrders, forTickets, forPaused]) {
      data(await admin.mutate('staff.webhook.remove', { id: made.endpoint.id }));
    }
  });

  it('sends customer.signed_up once, when a new person first signs in, naming them and their account', async () => {
    const crm = await receiver();
    const { endpoint, secret } = await create(crm.url, ['customer.signed_up']);
    const email = 'mara@newcafe.test';
    const password = 'a long enough password';
    const visitor = portico.client();
    const signUp = await visitor.post('/api/auth/sign-up/email', {
      name: 'Mara Lind',
      email,
      password,
      callbackURL: `${TEST_ORIGIN}/account`,
    });
    assert.equal(signUp.status, 200, await signUp.clone().text());
    // Confirming the address by its link is the first sign-in: the account is made then.
    const mail = await portico.mailbox.next(email, /confirm/i);
    const link = new URL(mail.links.find((url) => url.includes('/api/auth/verify-email')) ?? '');
    const verified = await visitor.request(link.pathname + link.search, { origin: null });
    assert.equal(verified.status, 302);
    const me = data<{ user: { id: string }; account: { id: string; name: string; role: string } }>(
      await visitor.query('session.me'),
    );
    assert.equal(me.account.role, 'owner');

    await crm.until(1);
    const [request] = crm.received;
    assert.equal(request!.headers['portico-event'], 'customer.signed_up');
    const header = request!.headers['portico-signature'] as string;
    assert.equal(verifyWebhookSignature(secret, header, request!.body).ok, true);
    const event = JSON.parse(request!.body) as {
      id: string;
      type: string;
      data: { accountId: string; customer: Record<string, unknown> };
    };
    assert.equal(event.type, 'customer.signed_up');
    assert.equal(event.data.accountId, me.account.id);
    assert.deepEqual(event.data.customer, {
      accountId: me.account.id,
      accountName: me.account.name,
      userId: me.user.id,
      name: 'Mara Lind',
      email,
    });

    // Signing in again (here and on another device) works in the same account: no second event.
    for (const device of [visitor, portico.client()]) {
      const again = await device.post('/api/auth/sign-in/email', { email, password });
      assert.equal(again.status, 200, await again.clone().text());
      const account = data<{ account: { id: string } }>(await device.query('session.me')).account;
      assert.equal(account.id, me.account.id);
    }
    await portico.services.events.runNow();
    await settled();
    assert.equal(crm.received.length, 1, 'one delivery in all');
    const sent = await deliveries(endpoint.id);
    assert.deepEqual(
      sent.map((row) => [row.eventType, row.eventId, row.status]),
      [['customer.signed_up', event.id, 'delivered']],
    );
    data(await admin.mutate('staff.webhook.remove', { id: endpoint.id }));
  });

  it('sends invoice.issued for a shipped order and a hand-written invoice, as the invoice shows', async () => {
    const billing = await receiver();
    const other = await receiver();
    const forBilling = await create(billing.url, ['invoice.issued']);
    const forOther = await create(other.url, ['payment.posted']);
    const annaAccount = data<{ account: { id: string } }>(await anna.query('session.me')).account
      .id;

    const placed = await order();
    data(await admin.mutate('staff.order.advance', { orderId: placed.id, to: 'shipped' }));
    const listed = data<{ items: { id: string; orderNumber: string | null }[] }>(
      await anna.query('invoice.list', { limit: 50 }),
    ).items.find((invoice) => invoice.orderNumber === placed.number);
    assert.ok(listed, `no invoice for order ${placed.number}`);
    const shipped = data<InvoiceView>(await anna.query('invoice.byId', { invoiceId: listed.id }));

    const written = data<InvoiceView>(
      await admin.mutate('staff.invoice.create', {
        accountId: annaAccount,
        billTo: ADDRESS,
        lines: [{ description: 'Grinder repair', quantity: 1, unitPrice: 5000, taxRate: 2100 }],
      }),
    );
    const staffView = data<InvoiceView>(
      await admin.query('staff.invoice.byId', { invoiceId: written.id }),
    );

    await billing.until(2);
    await settled();
    const events = billing.received.map((request) => {
      const header = request.headers['portico-signature'] as string;
      assert.equal(verifyWebhookSignature(forBilling.secret, header, request.body).ok, true);
      assert.equal(request.headers['portico-event'], 'invoice.issued');
      return JSON.parse(request.body) as {
        type: string;
        data: {
          accountId: string;
          invoice: InvoiceView & { orderNumber: string | null; lines: unknown[] };
        };
      };
    });
    assert.equal(events.length, 2, 'one delivery for each invoice');
    for (const [shown, orderNumber] of [
      [shipped, placed.number],
      [staffView, null],
    ] as const) {
      const matching = events.filter((event) => event.data.invoice.id === shown.id);
      assert.equal(matching.length, 1, `one delivery for ${shown.number}`);
      const { type, data: sent } = matching[0]!;
      assert.equal(type, 'invoice.issued');
      assert.equal(sent.accountId, annaAccount);
      assert.equal(sent.invoice.number, shown.number);
      assert.equal(sent.invoice.accountId, shown.accountId);
      assert.equal(sent.invoice.accountId, annaAccount);
      assert.equal(sent.invoice.total, shown.total);
      assert.equal(sent.invoice.currency, shown.currency);
      assert.equal(sent.invoice.orderNumber, orderNumber);
      assert.ok(sent.invoice.lines.length > 0, 'with its lines');
    }
    assert.equal(staffView.total, 6050);
    assert.deepEqual(
      (await deliveries(forBilling.endpoint.id)).map((row) => [row.eventType, row.status]),
      [
        ['invoice.issued', 'delivered'],
        ['invoice.issued', 'delivered'],
      ],
    );
    assert.deepEqual(await deliveries(forOther.endpoint.id), [], 'nothing for the other');
    assert.equal(other.received.length, 0);
    for (const made of [forBilling, forOther]) {
      data(await admin.mutate('staff.webhook.remove', { id: made.endpoint.id }));
    }
  });

  it('retries a failing endpoint on the backoff schedule, then marks the delivery failed', async () => {
    const down = await receiver();
    down.status = 500;
    down.answer = 'x'.repeat(5000);
    const { endpoint, secret } = await create(down.url, ['order.placed']);
    await order();
    await down.until(1);
    await settled();
    let [delivery] = await deliveries(endpoint.id);
    assert.equal(delivery!.status, 'pending');
    assert.equal(delivery!.attempts, 1);
    assert.equal(delivery!.responseStatus, 500);
    assert.equal(delivery!.responseBody?.length, 2048, 'the first 2 KB of the answer');

    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
      const last = Date.parse(delivery!.lastAttemptAt!);
      const next = Date.parse(delivery!.nextAttemptAt!);
      assert.equal(next - last, BACKOFF_MINUTES[attempt - 1]! * 60_000, `wait ${attempt}`);
      await portico.services.webhooks.runNow(new Date(next - 1000));
      assert.equal(down.received.length, attempt, 'not sent before it is due');
      await portico.services.webhooks.runNow(new Date(next));
      assert.equal(down.received.length, attempt + 1);
      [delivery] = await deliveries(endpoint.id);
      assert.equal(delivery!.attempts, attempt + 1);
    }
    assert.equal(delivery!.status, 'failed');
    assert.equal(delivery!.nextAttemptAt, null);
    const far = new Date(Date.now() + 7 * 24 * 3_600_000);
    await portico.services.webhooks.runNow(far);
    assert.equal(down.received.length, MAX_ATTEMPTS, 'nothing after the last attempt');
    const sent = new Set(down.received.map((request) => request.headers['portico-delivery']));
    assert.deepEqual([...sent], [delivery!.id], 'every attempt is the same delivery');

    // The endpoint is back: staff replay the failed delivery from the console.
    down.status = 204;
    const replay = data<Delivery>(
      await admin.mutate('staff.webhook.replay', { deliveryId: delivery!.id }),
    );
    await down.until(MAX_ATTEMPTS + 1);
    await settled();
    const rows = await deliveries(endpoint.id);
    const replayed = rows.find((row) => row.id === replay.id);
    assert.equal(replayed?.status, 'delivered');
    assert.equal(replayed?.eventId, delivery!.eventId);
    const request = down.received.at(-1)!;
    const check = verifyWebhookSignature(
      secret,
      request.headers['portico-signature'] as string,
      request.body,
    );
    assert.equal(check.ok, true, 'signed afresh at sending');
    data(await admin.mutate('staff.webhook.remove', { id: endpoint.id }));
  });

  it('keeps the waiting deliveries of an endpoint made inactive until it is active again', async () => {
    const flaky = await receiver();
    flaky.status = 503;
    const { endpoint } = await create(flaky.url, ['order.placed']);
    await order();
    await flaky.until(1);
    await settled();
    data(await admin.mutate('staff.webhook.update', { id: endpoint.id, active: false }));
    flaky.status = 200;
    await portico.services.webhooks.runNow(new Date(Date.now() + 3_600_000));
    assert.equal(flaky.received.length, 1, 'not sent while inactive');
    let [delivery] = await deliveries(endpoint.id);
    assert.equal(delivery!.status, 'pending');

    data(await admin.mutate('staff.webhook.update', { id: endpoint.id, active: true }));
    await portico.services.webhooks.runNow(new Date(Date.now() + 3_600_000));
    assert.equal(flaky.received.length, 2);
    [delivery] = await deliveries(endpoint.id);
    assert.equal(delivery!.status, 'delivered');
    assert.equal(delivery!.attempts, 2);
    data(await admin.mutate('staff.webhook.remove', { id: endpoint.id }));
  });

  it('does not follow redirects, and fails the waiting deliveries of a removed endpoint', async () => {
    const moved = await receiver();
    moved.status = 302;
    moved.location = 'https://elsewhere.example/hook';
    const { endpoint } = await create(moved.url, ['order.placed']);
    await order();
    await moved.until(1);
    await settled();
    const [delivery] = await deliveries(endpoint.id);
    assert.equal(delivery!.status, 'pending');
    assert.equal(delivery!.responseStatus, 302);
    assert.match(delivery!.error ?? '', /redirect/i);

    data(await admin.mutate('staff.webhook.remove', { id: endpoint.id }));
    const [after] = await deliveries(endpoint.id);
    assert.equal(after!.status, 'failed');
    assert.equal(after!.nextAttemptAt, null);
    await portico.services.webhooks.runNow(new Date(Date.now() + 3_600_000));
    assert.equal(moved.received.length, 1, 'nothing sent to a removed endpoint');
    const replay = await admin.mutate('staff.webhook.replay', { deliveryId: delivery!.id });
    assert.equal(replay.body.error?.data.code, 'NOT_FOUND');
  });
});

describe('webhooks: leases by the wall clock, a bounded stop, and old rows deleted', () => {
  let portico: TestPortico;
  let admin: TestClient;
  const receivers: Receiver[] = [];
  const workers: WebhookWorker[] = [];

  before(async () => {
    portico = await startTestPortico();
    // Only the workers each test makes send here, so what they do is all that happens.
    await portico.services.webhooks.stop();
    admin = await portico.personWithSession({
      email: 'ada@vendor.test',
      name: 'Ada Admin',
      role: 'admin',
    });
  });
  after(async () => {
    for (const receiver of receivers) receiver.held = null;
    await Promise.all(workers.map((worker) => worker.stop()));
    await portico.close();
    await Promise.all(receivers.map((made) => made.close()));
  });

  const worker = () => {
    const made = new WebhookWorker(portico.services);
    workers.push(made);
    return made;
  };
  /** A receiver with an endpoint of its own, and `count` deliveries waiting for it. */
  async function queued(count: number) {
    const receiver = await new Receiver().start();
    receivers.push(receiver);
    const { endpoint } = data<{ endpoint: Endpoint }>(
      await admin.mutate('staff.webhook.create', { url: receiver.url, events: ['order.placed'] }),
    );
    const now = new Date().toISOString();
    const deliveries = Array.from({ length: count }, () =>
      pendingDelivery(
        { endpointId: endpoint.id, eventId: newId(), eventType: 'order.placed', payload: '{}' },
        now,
      ),
    );
    const ids = deliveries.map((delivery) => delivery.id);
    await portico.services.db.insertInto('webhookDelivery').values(deliveries).execute();
    const rows = () =>
      portico.services.db
        .selectFrom('webhookDelivery')
        .select(['id', 'status', 'attempts', 'lockedUntil'])
        .where('endpointId', '=', endpoint.id)
        .orderBy('id')
        .execute();
    const pause = async () =>
      data(await admin.mutate('staff.webhook.update', { id: endpoint.id, active: false }));
    return { receiver, ids, rows, pause };
  }

  it('sends each delivery once when two workers race, one of them running ahead', async () => {
    const { receiver, ids, rows, pause } = await queued(25);
    let release = () => {};
    receiver.held = new Promise<void>((resolve) => (release = resolve));
    const first = worker().runNow();
    await receiver.until(10);
    // The other process drives retries five minutes ahead: the first one's leases still hold.
    const second = worker().runNow(new Date(Date.now() + 5 * 60_000));
    receiver.held = null;
    release();
    await Promise.all([first, second]);
    await Promise.all([worker().runNow(), worker().runNow()]);

    const sent = receiver.received.map((request) => request.headers['portico-delivery']);
    assert.equal(sent.length, 25, 'no delivery sent twice');
    assert.deepEqual([...new Set(sent)].sort(), [...ids].sort());
    for (const row of await rows()) {
      assert.deepEqual([row.status, row.attempts, row.lockedUntil], ['delivered', 1, null]);
    }
    await pause();
  });

  it('records nothing when its lease was taken over during the attempt', async () => {
    const { receiver, ids, rows, pause } = await queued(1);
    let release = () => {};
    receiver.held = new Promise<void>((resolve) => (release = resolve));
    const run = worker().runNow();
    await receiver.until(1);
    // Another process took the delivery over (as if this one had stalled past its lease).
    const theirs = new Date(Date.now() + 120_000).toISOString();
    await portico.services.db
      .updateTable('webhookDelivery')
      .set({ lockedUntil: theirs })
      .where('id', '=', ids[0]!)
      .execute();
    release();
    await run;
    assert.deepEqual(await rows(), [
      { id: ids[0]!, status: 'pending', attempts: 0, lockedUntil: theirs },
    ]);
    await pause();
  });

  it('stops within moments, cutting off an attempt without counting it', async () => {
    const { receiver, ids, rows, pause } = await queued(1);
    receiver.held = new Promise(() => {});
    const stopping = worker();
    const run = stopping.runNow();
    await receiver.until(1);
    const started = Date.now();
    await stopping.stop();
    await run;
    assert.ok(Date.now() - started < 3_000, `stopped after ${Date.now() - started} ms`);
    assert.deepEqual(await rows(), [
      { id: ids[0]!, status: 'pending', attempts: 0, lockedUntil: null },
    ]);
    await stopping.runNow();
    assert.equal(receiver.received.length, 1, 'nothing sent after the stop');
    await pause();
  });

  it('deletes finished deliveries and inbound messages after 90 days, and keeps the rest', async () => {
    const { rows } = await queued(4);
    const [oldDelivered, oldFailed, oldWaiting, recent] = (await rows()).map((row) => row.id);
    const { db } = portico.services;
    const longAgo = new Date(Date.now() - 91 * 86_400_000).toISOString();
    const finish = (id: string, status: 'delivered' | 'failed', createdAt: string) =>
      db
        .updateTable('webhookDelivery')
        .set({ status, nextAttemptAt: null, createdAt })
        .where('id', '=', id)
        .execute();
    await finish(oldDelivered!, 'delivered', longAgo);
    await finish(oldFailed!, 'failed', longAgo);
    await finish(recent!, 'delivered', new Date().toISOString());
    await db
      .updateTable('webhookDelivery')
      .set({ createdAt: longAgo, nextAttemptAt: new Date(Date.now() + 3_600_000).toISOString() })
      .where('id', '=', oldWaiting!)
      .execute();
    const { item } = await createKey(db, 'Retention ERP', 'test');
    const message = (externalId: string, createdAt: string) => ({
      id: newId(),
      kind: 'payment' as const,
      externalId,
      requestHash: 'x',
      status: 201,
      response: '{}',
      keyId: item.id,
      createdAt,
    });
    await db
      .insertInto('inboundMessage')
      .values([message('OLD-1', longAgo), message('NEW-1', new Date().toISOString())])
      .execute();

    await worker().runNow();
    assert.deepEqual(
      (await rows()).map((row) => row.id).sort(),
      [oldWaiting!, recent!].sort(),
      'the old finished ones are gone',
    );
    const messages = await db
      .selectFrom('inboundMessage')
      .select('externalId')
      .where('keyId', '=', item.id)
      .execute();
    assert.deepEqual(messages, [{ externalId: 'NEW-1' }]);
  });
});

describe('webhooks in production: no plain http, nothing internal', () => {
  let portico: TestPortico;
  let admin: TestClient;

  before(async () => {
    portico = await startTestPortico({
      // The public address is not used: the test client calls the port it listens on.
      env: { NODE_ENV: 'production', PUBLIC_URL: 'https://portal.vendor.test' },
    });
    const { port } = portico.server.address() as AddressInfo;
    const password = 'correct horse battery';
    await createPerson(portico.services.auth, {
      name: 'Ada Admin',
      role: 'admin',
      email: 'ada@vendor.test',
      password,
    });
    admin = new TestClient(`http://127.0.0.1:${port}`);
    const signedIn = await admin.post('/api/auth/sign-in/email', {
      email: 'ada@vendor.test',
      password,
    });
    assert.equal(signedIn.status, 200, await signedIn.clone().text());
    admin.secondFactor = await enrollTotp(admin, password);
  });
  after(() => portico.close());

  it('accepts only https addresses outside this machine and private networks', async () => {
    assert.equal(portico.services.config.production, true);
    for (const url of [
      'http://erp.vendor.example/hook',
      'http://localhost:8080/hook',
      'https://localhost/hook',
      'https://api.localhost/hook',
      'https://127.0.0.1/hook',
      'https://2130706433/hook',
      'https://[::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://0.0.0.0/hook',
      'https://10.1.2.3/hook',
      'https://172.20.0.1/hook',
      'https://192.168.1.10/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[fd12:3456::1]/hook',
      'https://[fe80::1]/hook',
    ]) {
      const { body } = await admin.mutate('staff.webhook.create', {
        url,
        events: ['order.placed'],
      });
      assert.equal(body.error?.data.code, 'BAD_REQUEST', url);
      assert.ok(body.error?.data.fieldErrors?.url, `said of the address: ${url}`);
    }
    const { endpoint } = data<{ endpoint: Endpoint }>(
      await admin.mutate('staff.webhook.create', {
        url: 'https://erp.vendor.example/hook',
        events: ['order.placed'],
      }),
    );
    const moved = await admin.mutate('staff.webhook.update', {
      id: endpoint.id,
      url: 'https://192.168.0.1/hook',
    });
    assert.equal(moved.body.error?.data.code, 'BAD_REQUEST');
    data(await admin.mutate('staff.webhook.remove', { id: endpoint.id }));
  });

  it('does not send to a name that leads to this machine', async (t) => {
    const name = hostname();
    const addresses = await lookup(name, { all: true }).catch(() => []);
    if (!addresses.some((entry) => isInternalAddress(entry.address))) {
      t.skip(`${name} does not lead to this machine here`);
      return;
    }
    const { db } = portico.services;
    const now = new Date().toISOString();
    const endpointId = newId();
    // Written as an address that passed the rules (a name), then found to lead inside.
    await db
      .insertInto('webhookEndpoint')
      .values({
        id: endpointId,
        url: `https://${name}:1/hook`,
        description: '',
        events: '["order.placed"]',
        secret: 'whsec_test',
        active: 1,
        createdBy: 'test',
        createdAt: now,
        updatedAt: now,
        removedAt: null,
      })
      .execute();
    const queued = pendingDelivery(
      { endpointId, eventId: newId(), eventType: 'order.placed', payload: '{}' },
      now,
    );
    const deliveryId = queued.id;
    await db.insertInto('webhookDelivery').values(queued).execute();
    await portico.services.webhooks.runNow();
    const delivery = await db
      .selectFrom('webhookDelivery')
      .select(['status', 'attempts', 'responseStatus', 'error'])
      .where('id', '=', deliveryId)
      .executeTakeFirstOrThrow();
    assert.equal(delivery.attempts, 1);
    assert.equal(delivery.responseStatus, null);
    assert.equal(delivery.status, 'pending', 'retried later, like any failed attempt');
    assert.ok(delivery.error?.startsWith(WebhookError.ADDRESS_INTERNAL), delivery.error ?? '');
  });
});

describe('the address rules, outside and in production', () => {
  it('allow plain http and this machine only outside production', () => {
    const cases: [string, boolean, boolean][] = [
      ['https://erp.vendor.example/hook', true, true],
      ['https://93.184.216.34/hook', true, true],
      ['http://localhost:8080/hook', true, false],
      ['http://127.0.0.1/hook', true, false],
      ['http://[::1]:9000/hook', true, false],
      ['https://localhost/hook', true, false],
      ['https://LOCALHOST./hook', true, false],
      ['https://0x7f.1/hook', true, false],
      ['https://10.0.0.1:8443/hook', true, false],
      ['https://172.31.255.255/hook', true, false],
      ['https://172.32.0.1/hook', true, true],
      ['https://100.64.0.1/hook', true, false],
      ['https://[fc00::1]/hook', true, false],
      ['https://[2606:4700::1111]/hook', true, true],
      ['http://erp.vendor.example/hook', false, false],
      ['http://10.0.0.1/hook', false, false],
    ];
    for (const [url, development, production] of cases) {
      assert.equal(addressRefusal(url, false) === null, development, `${url} in development`);
      assert.equal(addressRefusal(url, true) === null, production, `${url} in production`);
    }
  });
});
