import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emitEvent } from '../../backend/events/event.emit.ts';
import { EventDispatcher } from '../../backend/events/event.dispatch.ts';
import type { PorticoEvent, StoredEvent } from '../../backend/events/event.types.ts';
import { notificationHandler } from '../../backend/notification/notification.handler.ts';
import { errorCode, TestClient } from '../support/portico.ts';
import { data, subscribe } from '../support/tickets.ts';
import { contents } from '../support/snapshot.ts';
import {
  buildWorld,
  extraMember,
  newInvoice,
  newTicket,
  PASSWORD,
  placeOrder,
  today,
  type Person,
  type World,
} from '../support/world.ts';

interface View {
  id: string;
  kind: string;
  subject: { type: string; id: string };
  params: Record<string, string | number>;
  createdAt: string;
  readAt: string | null;
}
interface Page {
  items: View[];
  nextCursor: string | null;
  unread: number;
}
interface Live {
  type: 'sync' | 'change';
  unread: number;
  latest: View | null;
}

describe('notification centre: who hears of what, mail choices, read marks on every device', () => {
  let w: World;
  /** A buyer of account A, so A has an owner, a viewer and a buyer. */
  let buyer: Person;

  async function signIn(email: string): Promise<TestClient> {
    const client = new TestClient(w.portico.url);
    const response = await client.post('/api/auth/sign-in/email', { email, password: PASSWORD });
    assert.ok(response.ok, `sign-in of ${email}: ${response.status}`);
    return client;
  }

  /** Who got a notification of `kind` about `subjectId`, sorted; each (event, person) once. */
  async function recipients(kind: string, subjectId: string): Promise<string[]> {
    const rows = await w.portico.services.db
      .selectFrom('notification')
      .select(['userId', 'eventId'])
      .where('kind', '=', kind as never)
      .where('subjectId', '=', subjectId)
      .execute();
    const pairs = rows.map((row) => `${row.eventId}/${row.userId}`);
    assert.equal(new Set(pairs).size, pairs.length, 'one row per event and person');
    return rows.map((row) => row.userId).sort();
  }

  const ids = (...people: Person[]) => people.map((person) => person.userId).sort();
  const accountA = () => ids(w.a.owner, w.viewer, buyer);

  async function emitted(event: PorticoEvent): Promise<void> {
    const { db, events } = w.portico.services;
    await db.transaction().execute((trx) => emitEvent(trx, event));
    await events.runNow();
  }

  /** Mail to `to` whose subject matches, once every mail under way has gone out. */
  async function mailsTo(to: string, subject: RegExp) {
    assert.ok(await w.portico.services.background.settled(10_000), 'mail still under way');
    return w.portico.mailbox.received.filter(
      (mail) => mail.to.includes(to) && subject.test(mail.subject),
    );
  }

  before(async () => {
    w = await buildWorld();
    const email = 'bea@aurora-bakery.test';
    const userId = await extraMemberWithEmail(email);
    buyer = { userId, email, name: 'Extra Member', client: await signIn(email) };
  });
  after(() => w.portico.close());

  /** `extraMember` with a known address, so the test can sign in and read their mail. */
  async function extraMemberWithEmail(email: string): Promise<string> {
    const userId = await extraMember(w, w.a);
    await w.portico.services.db
      .updateTable('user')
      .set({ email })
      .where('id', '=', userId)
      .execute();
    return userId;
  }

  it('tells every member of the account of each step of an order staff take, and nobody else', async () => {
    const order = await placeOrder(w, w.a);
    assert.deepEqual(await recipients('order_confirmed', order.id), [], 'placing tells nobody');
    for (const to of ['confirmed', 'shipped', 'delivered'] as const) {
      data(await w.admin.client.mutate('staff.order.advance', { orderId: order.id, to }));
      assert.deepEqual(await recipients(`order_${to}`, order.id), accountA(), to);
    }
    const invoices = await w.portico.services.db
      .selectFrom('invoice')
      .select('id')
      .where('orderId', '=', order.id)
      .execute();
    assert.equal(invoices.length, 1);
    assert.deepEqual(await recipients('invoice_issued', invoices[0]!.id), accountA());
    // The timeline shows tracking changes; no notification.
    data(
      await w.admin.client.mutate('staff.order.setTracking', {
        orderId: order.id,
        trackingNumber: 'PARCEL-0815',
      }),
    );
    const rows = await w.portico.services.db
      .selectFrom('notification')
      .select('kind')
      .where('subjectId', '=', order.id)
      .execute();
    assert.equal(rows.length, 3 * 3, 'three steps for three people');
    const [shipped] = data<Page>(await w.viewer.client.query('notification.list')).items.filter(
      (item) => item.kind === 'order_shipped' && item.subject.id === order.id,
    );
    assert.equal(shipped?.params.orderNumber, order.number);
    assert.deepEqual(shipped?.subject, { type: 'order', id: order.id });
  });

  it('does not tell the customer who cancelled their own order, only the others', async () => {
    const order = await placeOrder(w, w.a);
    data(await buyer.client.mutate('order.cancel', { orderId: order.id }));
    assert.deepEqual(await recipients('order_cancelled', order.id), ids(w.a.owner, w.viewer));
  });

  it('tells every member of invoices, payments, due and overdue invoices and late orders', async () => {
    const invoice = await newInvoice(w, w.a);
    assert.deepEqual(await recipients('invoice_issued', invoice.id), accountA());
    const posted = data<{ id: string }>(
      await w.admin.client.mutate('staff.payment.post', {
        accountId: w.a.account.id,
        amount: 1234,
        receivedOn: today(),
        method: 'bank_transfer',
        idempotencyKey: 'notification-test-payment-1',
      }),
    );
    const payments = await w.portico.services.db
      .selectFrom('payment')
      .select('id')
      .where('accountId', '=', w.a.account.id)
      .where('amount', '=', 1234)
      .execute();
    assert.equal(payments.length, 1, JSON.stringify(posted));
    assert.deepEqual(await recipients('payment_posted', payments[0]!.id), accountA());

    const accountId = w.a.account.id;
    await emitted({
      type: 'invoice.due',
      accountId,
      actorId: null,
      invoiceId: invoice.id,
      days: 3,
    });
    await emitted({
      type: 'invoice.overdue',
      accountId,
      actorId: null,
      invoiceId: invoice.id,
      days: 2,
    });
    const order = await placeOrder(w, w.a);
    await emitted({
      type: 'order.delayed',
      accountId,
      actorId: null,
      orderId: order.id,
      promisedOn: '2026-01-05',
    });
    assert.deepEqual(await recipients('invoice_due', invoice.id), accountA());
    assert.deepEqual(await recipients('invoice_overdue', invoice.id), accountA());
    assert.deepEqual(await recipients('order_delayed', order.id), accountA());
    // These come by mail by default, with the facts.
    const due = await w.portico.mailbox.next(w.viewer.email, /is due in 3 days/);
    assert.match(due.text, new RegExp(invoice.number));
    const late = await w.portico.mailbox.next(buyer.email, /is late/);
    // The day written out in the reader's language (English here), through Intl.
    assert.match(late.text, /January 5, 2026/);
    const [delayed] = data<Page>(await buyer.client.query('notification.list', { limit: 1 })).items;
    assert.equal(delayed?.kind, 'order_delayed');
    assert.equal(delayed?.params.promisedOn, '2026-01-05');
  });

  it('tells of a ticket answer only the people of that ticket, still in the account', async () => {
    const ticket = await newTicket(w.a, 'Proofing cabinet humidity');
    data(await buyer.client.mutate('ticket.reply', { ticketId: ticket.id, body: 'Same here.' }));
    data(await w.agent.client.mutate('staff.ticket.note', { ticketId: ticket.id, body: 'Hm.' }));
    assert.deepEqual(await recipients('ticket_answered', ticket.id), [], 'a note is no answer');
    data(
      await w.agent.client.mutate('staff.ticket.reply', { ticketId: ticket.id, body: 'Fixed.' }),
    );
    assert.deepEqual(await recipients('ticket_answered', ticket.id), ids(w.a.owner, buyer));
    // The opener gets the domain's answer mail, the other writer a notification mail: once each.
    await w.portico.mailbox.next(w.a.owner.email, /Proofing cabinet humidity/);
    const notice = await w.portico.mailbox.next(buyer.email, new RegExp(ticket.number));
    assert.match(notice.text, /Proofing cabinet humidity/);
    assert.equal((await mailsTo(w.a.owner.email, new RegExp(ticket.number))).length, 1);
    assert.equal((await mailsTo(buyer.email, new RegExp(ticket.number))).length, 1);
    assert.equal((await mailsTo(w.viewer.email, new RegExp(ticket.number))).length, 0);
  });

  it('does not tell someone who wrote in a ticket once they left the account', async () => {
    const email = 'lea@aurora-bakery.test';
    const leaverId = await extraMemberWithEmail(email);
    const leaver = await signIn(email);
    const ticket = await newTicket(w.a, 'Oven door seal');
    data(await leaver.mutate('ticket.reply', { ticketId: ticket.id, body: 'Mine too.' }));
    await w.portico.services.db
      .deleteFrom('member')
      .where('userId', '=', leaverId)
      .where('organizationId', '=', w.a.account.id)
      .execute();
    data(
      await w.agent.client.mutate('staff.ticket.reply', { ticketId: ticket.id, body: 'New seal.' }),
    );
    assert.deepEqual(await recipients('ticket_answered', ticket.id), ids(w.a.owner));
  });

  it('tells the customer whose chat nobody picked up, and nobody else', async () => {
    const started = data<{ conversation: { id: string } }>(
      await w.chatter.client.mutate('chat.start', { message: 'How do I descale the machine?' }),
    );
    const id = started.conversation.id;
    const queued = data<{ status: string; ticket: { id: string; number: string } }>(
      await w.chatter.client.mutate('chat.queue', { conversationId: id }),
    );
    assert.equal(queued.status, 'ended', 'nobody online: the chat became a ticket');
    assert.deepEqual(await recipients('chat_missed', id), ids(w.chatter));
    assert.deepEqual(await recipients('ticket_answered', queued.ticket.id), []);
    const [missed] = data<Page>(await w.chatter.client.query('notification.list')).items;
    assert.equal(missed?.kind, 'chat_missed');
    assert.deepEqual(missed?.subject, { type: 'chat', id });
    assert.equal(missed?.params.ticketNumber, queued.ticket.number);
    const mail = await w.portico.mailbox.next(w.chatter.email, /We missed your chat/);
    assert.match(mail.text, new RegExp(queued.ticket.number));
  });

  it('never writes a notification for staff or across accounts', async () => {
    const { db } = w.portico.services;
    const staff = await db
      .selectFrom('notification')
      .select('id')
      .where('userId', 'in', [w.admin.userId, w.agent.userId])
      .execute();
    assert.deepEqual(staff, []);
    const strays = await db
      .selectFrom('notification')
      .innerJoin('member', (join) =>
        join
          .onRef('member.userId', '=', 'notification.userId')
          .onRef('member.organizationId', '=', 'notification.accountId'),
      )
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const all = await db
      .selectFrom('notification')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(strays.n), Number(all.n), 'each row is for a member of its account');
    const forB = data<Page>(await w.b.owner.client.query('notification.list', { limit: 50 }));
    const aSubjects = new Set([w.a.order.id, w.a.invoice.id, w.a.ticket.id]);
    assert.ok(forB.items.every((item) => !aSubjects.has(item.subject.id)));
  });

  it('lets each person choose mail per kind; off also stops the domain’s own mails', async () => {
    const defaults = data<{ kinds: { kind: string; mail: boolean }[] }>(
      await w.viewer.client.query('notification.preferences'),
    );
    assert.equal(defaults.kinds.length, 11);
    assert.equal(defaults.kinds.find((k) => k.kind === 'order_confirmed')?.mail, false);
    assert.equal(defaults.kinds.find((k) => k.kind === 'order_shipped')?.mail, true);

    const chosen = data<{ kinds: { kind: string; mail: boolean }[] }>(
      await w.viewer.client.mutate('notification.setPreference', {
        kind: 'order_confirmed',
        mail: true,
      }),
    );
    assert.equal(chosen.kinds.find((k) => k.kind === 'order_confirmed')?.mail, true);
    const mine = data<{ kinds: { kind: string; mail: boolean }[] }>(
      await w.a.owner.client.query('notification.preferences'),
    );
    assert.equal(mine.kinds.find((k) => k.kind === 'order_confirmed')?.mail, false, 'per person');
    for (const kind of ['order_shipped', 'ticket_answered', 'invoice_issued']) {
      data(await w.a.owner.client.mutate('notification.setPreference', { kind, mail: false }));
    }

    const order = await placeOrder(w, w.a);
    data(
      await w.admin.client.mutate('staff.order.advance', { orderId: order.id, to: 'confirmed' }),
    );
    const confirmed = await w.portico.mailbox.next(w.viewer.email, /is confirmed/);
    assert.match(confirmed.text, new RegExp(order.number));
    data(await w.admin.client.mutate('staff.order.advance', { orderId: order.id, to: 'shipped' }));
    const ticket = await newTicket(w.a, 'Sourdough starter delivery');
    data(await w.agent.client.mutate('staff.ticket.reply', { ticketId: ticket.id, body: 'Soon.' }));

    const owner = w.a.owner.email;
    const shippedMail = new RegExp(`${order.number} has shipped`);
    assert.deepEqual(await mailsTo(owner, shippedMail), [], 'no shipping mail at all');
    assert.deepEqual(await mailsTo(owner, /Sourdough starter delivery/), [], 'no answer mail');
    assert.deepEqual(await mailsTo(owner, new RegExp(ticket.number)), []);
    // Still in the portal, and mail comes again once turned back on.
    assert.deepEqual(await recipients('order_shipped', order.id), accountA());
    data(
      await w.a.owner.client.mutate('notification.setPreference', {
        kind: 'ticket_answered',
        mail: true,
      }),
    );
    data(await w.agent.client.mutate('staff.ticket.reply', { ticketId: ticket.id, body: 'Now.' }));
    const answer = await w.portico.mailbox.next(owner, /Sourdough starter delivery/);
    assert.match(answer.text, /Now\./);
    // The viewer chose nothing for shipping: by default mail, a short one (the placer gets the long one).
    await w.portico.mailbox.next(w.viewer.email, new RegExp(`Order ${order.number} has shipped`));
  });

  it('marks read per person, on every device at once, newest first page by page', async () => {
    const owner = w.a.owner.client;
    const laptop = await signIn(w.a.owner.email);
    const phone = subscribe<Live>(owner, 'notification.onChange', {});
    const tablet = subscribe<Live>(laptop, 'notification.onChange', {});
    try {
      const synced = await phone.next((event) => event.type === 'sync');
      await tablet.next((event) => event.type === 'sync');
      const before = data<{ unread: number }>(await owner.query('notification.unreadCount'));
      assert.equal(synced.unread, before.unread);

      const order = await placeOrder(w, w.a);
      data(
        await w.admin.client.mutate('staff.order.advance', { orderId: order.id, to: 'confirmed' }),
      );
      const arrived = await tablet.next((event) => event.type === 'change');
      assert.equal(arrived.unread, before.unread + 1);
      assert.equal(arrived.latest?.kind, 'order_confirmed');
      assert.equal(arrived.latest?.params.orderNumber, order.number);
      await phone.next((event) => event.type === 'change' && event.unread === before.unread + 1);

      const read = data<{ unread: number }>(
        await owner.mutate('notification.markRead', { ids: [arrived.latest!.id] }),
      );
      assert.equal(read.unread, before.unread);
      const seen = await tablet.next((event) => event.type === 'change');
      assert.equal(seen.unread, before.unread, 'the other device counts again at once');
      assert.equal(seen.latest?.readAt !== null, true);
      // The viewer's own copy of it is still unread.
      const viewers = data<Page>(await w.viewer.client.query('notification.list', { limit: 1 }));
      assert.equal(viewers.items[0]?.subject.id, order.id);
      assert.equal(viewers.items[0]?.readAt, null);

      const all = data<{ unread: number }>(await laptop.mutate('notification.markAllRead'));
      assert.equal(all.unread, 0);
      await phone.next((event) => event.type === 'change' && event.unread === 0);
    } finally {
      await phone.close();
      await tablet.close();
    }

    const first = data<Page>(await w.viewer.client.query('notification.list', { limit: 2 }));
    assert.ok(first.nextCursor);
    const second = data<Page>(
      await w.viewer.client.query('notification.list', { limit: 2, cursor: first.nextCursor }),
    );
    const both = [...first.items, ...second.items];
    assert.equal(new Set(both.map((item) => item.id)).size, 4);
    const times = both.map((item) => item.createdAt);
    assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
    const unread = data<Page>(
      await w.viewer.client.query('notification.list', { unreadOnly: true, limit: 50 }),
    );
    assert.ok(unread.items.every((item) => item.readAt === null));
    assert.equal(unread.unread, unread.items.length);
  });

  it('answers NOT_FOUND for notifications that are not the caller’s, and writes nothing', async () => {
    const own = data<Page>(await w.viewer.client.query('notification.list', { unreadOnly: true }));
    const mineId = own.items[0]!.id;
    const [ofB] = data<Page>(await w.b.owner.client.query('notification.list')).items;
    const [ofOwner] = data<Page>(await w.a.owner.client.query('notification.list')).items;
    const before = await contents(w.portico.services);
    for (const foreign of [ofB!.id, ofOwner!.id, 'no-such-notification']) {
      const answer = await w.viewer.client.mutate('notification.markRead', {
        ids: [mineId, foreign],
      });
      assert.equal(errorCode(answer), 'NOT_FOUND', foreign);
    }
    assert.deepEqual(await contents(w.portico.services), before);
    assert.equal(
      data<Page>(await w.viewer.client.query('notification.list', { unreadOnly: true })).items[0]
        ?.id,
      mineId,
    );
  });

  it('refuses bad input field by field', async () => {
    const client = w.viewer.client;
    const cases: [string, 'query' | 'mutation', unknown, string][] = [
      ['notification.markRead', 'mutation', { ids: [] }, 'ids'],
      ['notification.markRead', 'mutation', { ids: Array(101).fill('x') }, 'ids'],
      ['notification.markRead', 'mutation', { ids: [''] }, 'ids.0'],
      ['notification.list', 'query', { limit: 51 }, 'limit'],
      ['notification.list', 'query', { limit: 0 }, 'limit'],
      ['notification.list', 'query', { unreadOnly: 'yes' }, 'unreadOnly'],
      ['notification.setPreference', 'mutation', { kind: 'order_placed', mail: true }, 'kind'],
      ['notification.setPreference', 'mutation', { kind: 'order_shipped' }, 'mail'],
    ];
    for (const [path, kind, input, field] of cases) {
      const answer =
        kind === 'query' ? await client.query(path, input) : await client.mutate(path, input);
      assert.equal(errorCode(answer), 'BAD_REQUEST', `${path} ${JSON.stringify(input)}`);
      assert.ok(answer.body.error?.data.fieldErrors?.[field], `${path}: ${field}`);
    }
    const extra = await client.mutate('notification.markAllRead', { userId: w.a.owner.userId });
    assert.equal(errorCode(extra), 'BAD_REQUEST');
    const badCursor = await client.query('notification.list', { cursor: 'not-a-cursor' });
    assert.equal(errorCode(badCursor), 'BAD_REQUEST');
    const staff = await w.agent.client.query('notification.list');
    assert.equal(errorCode(staff), 'FORBIDDEN');
  });

  it('writes one row per person however many dispatchers race for the event', async () => {
    const { services } = w.portico;
    const other = new EventDispatcher(services.db, services.logger);
    other.register(notificationHandler(services));
    const invoice = await newInvoice(w, w.b);
    const { db } = services;
    await db.transaction().execute((trx) =>
      emitEvent(trx, {
        type: 'invoice.overdue',
        accountId: w.b.account.id,
        actorId: null,
        invoiceId: invoice.id,
        days: 9,
      }),
    );
    await Promise.all([services.events.runNow(), services.events.runNow(), other.runNow()]);
    assert.deepEqual(await recipients('invoice_overdue', invoice.id), ids(w.b.owner));

    // Handled again (as a process that lost its claim might), the unique index keeps one row.
    const stored = await db
      .selectFrom('domainEvent')
      .select(['id', 'data', 'at'])
      .where('type', '=', 'invoice.overdue')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    const event = { ...(JSON.parse(stored.data) as PorticoEvent), id: stored.id, at: stored.at };
    const effect = await db
      .transaction()
      .execute((trx) => notificationHandler(services).handle(trx, event as StoredEvent));
    assert.equal(effect, undefined, 'nothing new to tell');
    assert.deepEqual(await recipients('invoice_overdue', invoice.id), ids(w.b.owner));
    await other.stop();
  });
});
