import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import {
  errorCode,
  refusalReason,
  startTestPortico,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { seedTestCatalog } from '../support/catalog.ts';
import { placedOrder } from '../support/ordering.ts';
import { countRows } from '../support/ledger.ts';
import { data, openTicket, type Ticket } from '../support/tickets.ts';
import type { ChatView } from '../support/chat.ts';
import type { Report } from '../../backend/report/report.queries.ts';
import { seedDemo } from '../../backend/seed/demo.seed.ts';
import { seedDemoHistory } from '../../backend/seed/demo.history.ts';

/**
 * The clock (backend/db/clock.ts) cannot be set, so everything is made through the real
 * procedures and then moved to known times in the database, as the demo seed dates its orders.
 */
const D0 = '2026-03-01';
const D1 = '2026-03-02';
const D2 = '2026-03-03';
const D3 = '2026-03-04';
const at = (day: string, time: string) => `${day}T${time.length === 5 ? `${time}:00` : time}.000Z`;

describe('staff reports', () => {
  let portico: TestPortico;
  let anna: TestClient;
  let ben: TestClient;
  let agent: TestClient;
  const orderTotals: Record<string, number> = {};

  const report = async (input?: unknown): Promise<Report> =>
    data<Report>(await agent.query('staff.report.overview', input));

  /** Moves a ticket's messages (oldest first) and its resolution and rating to the given times. */
  async function retimeTicket(
    id: string,
    times: { messages: string[]; resolvedAt?: string; ratedAt?: string },
  ) {
    const { db } = portico.services;
    const messages = await db
      .selectFrom('ticketMessage')
      .select('id')
      .where('ticketId', '=', id)
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
    assert.equal(messages.length, times.messages.length, 'one time per message');
    for (const [index, message] of messages.entries()) {
      await db
        .updateTable('ticketMessage')
        .set({ createdAt: times.messages[index]! })
        .where('id', '=', message.id)
        .execute();
    }
    const all = [...times.messages, times.resolvedAt, times.ratedAt].filter(Boolean) as string[];
    await db
      .updateTable('ticket')
      .set({
        createdAt: times.messages[0]!,
        customerAt: times.messages[0]!,
        updatedAt: all.sort().at(-1)!,
        ...(times.resolvedAt ? { resolvedAt: times.resolvedAt } : {}),
        ...(times.ratedAt ? { ratedAt: times.ratedAt } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  const answer = (ticketId: string, body: string, status?: string) =>
    agent.mutate('staff.ticket.reply', { ticketId, body, ...(status ? { status } : {}) });

  /** A visitor's chat (nobody is online, so it waits in the queue), picked up or not. */
  async function chat(
    name: string,
    times: { created: string; queued: string; picked?: string },
  ): Promise<string> {
    const visitor = portico.client();
    const view = data<ChatView>(
      await visitor.mutate('chat.start', {
        message: `Hello from ${name}, is the roaster in stock?`,
        visitor: { name, email: `${name.toLowerCase()}@visitor.test` },
      }),
    );
    const id = view.conversation!.id;
    if (times.picked) data(await agent.mutate('staff.chat.pickUp', { conversationId: id }));
    await portico.services.db
      .updateTable('chatConversation')
      .set({ createdAt: times.created, queuedAt: times.queued, pickedAt: times.picked ?? null })
      .where('id', '=', id)
      .execute();
    return id;
  }

  async function order(client: TestClient, productId: string, placedAt: string, cancel = false) {
    const placed = await placedOrder<{ id: string; total: number }>(client, [
      { productId, quantity: 1 },
    ]);
    if (cancel) data(await client.mutate('order.cancel', { orderId: placed.id, reason: '' }));
    await portico.services.db
      .updateTable('order')
      .set({ createdAt: placedAt })
      .where('id', '=', placed.id)
      .execute();
    return placed;
  }

  before(async () => {
    portico = await startTestPortico();
    const products = await seedTestCatalog(portico.services);
    anna = await portico.personWithSession({ email: 'anna@cafe.test', name: 'Anna' });
    ben = await portico.personWithSession({ email: 'ben@bistro.test', name: 'Ben' });
    agent = await portico.personWithSession({
      email: 'jonas@vendor.test',
      name: 'Jonas',
      role: 'agent',
    });

    // T0: opened the day before the period, first answered inside it (1 h 30 min).
    const t0 = await openTicket(anna, { subject: 'Ticket T0' });
    data(await answer(t0.id, 'Looking into it.'));
    await retimeTicket(t0.id, { messages: [at(D0, '23:00'), at(D1, '00:30')] });

    // T1: a note (not an answer) at 10 min, the answer at 1 h, resolved a day after opening,
    // rated 5 on D2.
    const t1 = await openTicket(anna, { subject: 'Ticket T1' });
    data(await agent.mutate('staff.ticket.note', { ticketId: t1.id, body: 'Check stock.' }));
    data(await answer(t1.id, 'A new hopper is on its way.'));
    data(await agent.mutate('staff.ticket.setStatus', { ticketId: t1.id, status: 'resolved' }));
    data(await anna.mutate('ticket.rate', { ticketId: t1.id, rating: 5 }));
    await retimeTicket(t1.id, {
      messages: [at(D1, '09:00'), at(D1, '09:10'), at(D1, '10:00')],
      resolvedAt: at(D2, '09:00'),
      ratedAt: at(D2, '10:00'),
    });

    // T2: answered and resolved at once after 20 min, rated 3.
    const t2 = await openTicket(ben, { subject: 'Ticket T2', kind: 'question' });
    data(await answer(t2.id, 'Yes, we deliver on Saturdays.', 'resolved'));
    data(await ben.mutate('ticket.rate', { ticketId: t2.id, rating: 3 }));
    await retimeTicket(t2.id, {
      messages: [at(D1, '12:00'), at(D1, '12:20')],
      resolvedAt: at(D1, '12:20'),
      ratedAt: at(D1, '13:00'),
    });

    // T3: answered after 5 min; the customer writes again and gets a second answer.
    const t3 = await openTicket(anna, { subject: 'Ticket T3' });
    data(await answer(t3.id, 'Which model?'));
    data(await anna.mutate('ticket.reply', { ticketId: t3.id, body: 'The big one.' }));
    data(await answer(t3.id, 'Thanks, a part is on its way.'));
    await retimeTicket(t3.id, {
      messages: [at(D2, '08:00'), at(D2, '08:05'), at(D2, '09:00'), at(D2, '09:30')],
    });

    // T4: never answered.
    const t4 = await openTicket(ben, { subject: 'Ticket T4' });
    await retimeTicket(t4.id, { messages: [at(D2, '10:00')] });

    // T5: answered and resolved after 1 h, rated 4. T6: answered after 20 min.
    const t5 = await openTicket(ben, { subject: 'Ticket T5' });
    data(await answer(t5.id, 'Done.', 'resolved'));
    data(await ben.mutate('ticket.rate', { ticketId: t5.id, rating: 4 }));
    await retimeTicket(t5.id, {
      messages: [at(D3, '06:00'), at(D3, '07:00')],
      resolvedAt: at(D3, '07:00'),
      ratedAt: at(D3, '08:00'),
    });
    const t6: Ticket = await openTicket(anna, { subject: 'Ticket T6' });
    data(await answer(t6.id, 'On it.'));
    await retimeTicket(t6.id, { messages: [at(D3, '10:00'), at(D3, '10:20')] });

    await chat('Una', {
      created: at(D1, '10:00'),
      queued: at(D1, '10:01'),
      picked: at(D1, '10:03'),
    });
    await chat('Viktor', {
      created: at(D1, '11:00'),
      queued: at(D1, '11:00:30'),
      picked: at(D1, '11:10:30'),
    });
    await chat('Wanda', { created: at(D2, '09:00'), queued: at(D2, '09:01') });
    await chat('Xenia', {
      created: at(D3, '08:00'),
      queued: at(D3, '08:00'),
      picked: at(D3, '08:00:45'),
    });

    const o1 = await order(anna, products.beans, at(D1, '08:00'));
    const o2 = await order(ben, products.cups, at(D1, '23:59:59'));
    const o3 = await order(anna, products.cups, at(D3, '00:00'));
    await order(ben, products.beans, at(D3, '12:00'), true);
    orderTotals[D1] = o1.total + o2.total;
    orderTotals[D3] = o3.total;
  });
  after(() => portico.close());

  it('counts tickets opened and resolved per UTC day', async () => {
    const result = await report({ from: D1, to: D3 });
    assert.deepEqual(result.period, { from: D1, to: D3, timeZone: 'UTC' });
    assert.deepEqual(
      result.days.map((day) => [day.day, day.ticketsOpened, day.ticketsResolved]),
      [
        [D1, 2, 1],
        [D2, 2, 1],
        [D3, 2, 1],
      ],
    );
    assert.equal(result.tickets.opened, 6);
    assert.equal(result.tickets.resolved, 3);
  });

  it('measures first response to the first answer the customer saw, notes left out', async () => {
    const result = await report({ from: D1, to: D3 });
    // D1: T0 5400 s, T1 3600 s (not its note at 600 s), T2 1200 s; D2: T3 300 s (its second
    // answer is not a first response); D3: T5 3600 s and T6 1200 s.
    assert.deepEqual(
      result.days.map((day) => day.firstResponseMedian),
      [3600, 300, 2400],
    );
    assert.deepEqual(result.tickets.firstResponse, { count: 6, median: 2400, p90: 5400 });
  });

  it('measures resolution from opening to resolution, on the day it was resolved', async () => {
    const result = await report({ from: D1, to: D3 });
    assert.deepEqual(
      result.days.map((day) => day.resolutionMedian),
      [1200, 86400, 3600],
    );
    assert.deepEqual(result.tickets.resolution, { count: 3, median: 3600, p90: 86400 });
  });

  it('spreads the ratings given in the period over the stars, with their average', async () => {
    const result = await report({ from: D1, to: D3 });
    assert.deepEqual(result.ratings, {
      count: 3,
      average: 4,
      distribution: [
        { stars: 5, count: 1 },
        { stars: 4, count: 1 },
        { stars: 3, count: 1 },
        { stars: 2, count: 0 },
        { stars: 1, count: 0 },
      ],
    });
    const d2 = await report({ from: D2, to: D2 });
    assert.deepEqual(
      d2.ratings.distribution.filter((row) => row.count),
      [{ stars: 5, count: 1 }],
    );
  });

  it('counts chats per day and how long they waited for an agent', async () => {
    const result = await report({ from: D1, to: D3 });
    assert.deepEqual(
      result.days.map((day) => [day.chats, day.chatsPicked, day.chatWaitMedian]),
      [
        [2, 2, 360],
        [1, 0, null],
        [1, 1, 45],
      ],
    );
    assert.deepEqual(result.chats, {
      started: 4,
      queued: 4,
      picked: 3,
      wait: { count: 3, median: 120, p90: 600 },
    });
  });

  it('counts orders per day and their total, cancelled ones apart', async () => {
    const result = await report({ from: D1, to: D3 });
    assert.deepEqual(
      result.days.map((day) => [day.orders, day.orderTotals]),
      [
        [2, [{ currency: 'EUR', total: orderTotals[D1] }]],
        [0, []],
        [1, [{ currency: 'EUR', total: orderTotals[D3] }]],
      ],
    );
    assert.deepEqual(result.orders, {
      count: 3,
      cancelled: 1,
      totals: [{ currency: 'EUR', total: orderTotals[D1]! + orderTotals[D3]! }],
    });
  });

  it('counts a day from 00:00 to 24:00 UTC and nothing outside the period', async () => {
    const d1 = await report({ from: D1, to: D1 });
    assert.equal(d1.days.length, 1);
    assert.equal(d1.tickets.opened, 2);
    assert.equal(d1.orders.count, 2, 'the order at 23:59:59 is on D1');
    const d0 = await report({ from: D0, to: D0 });
    assert.equal(d0.tickets.opened, 1);
    assert.equal(d0.tickets.firstResponse.count, 0);
    assert.equal(d0.tickets.firstResponse.median, null);
    assert.equal(d0.ratings.average, null);
    const [day] = d0.days;
    assert.deepEqual(
      [day?.ticketsResolved, day?.chats, day?.orders, day?.orderTotals],
      [0, 0, 0, []],
    );
  });

  it('covers the last 30 days up to today by default, or the last so many days', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const result = await report();
    assert.equal(result.days.length, 30);
    assert.equal(result.period.to, today);
    assert.equal(result.days.at(-1)?.day, today);
    assert.equal(result.days[0]?.day, result.period.from);
    // Everything above was moved to March: nothing was opened in the last 30 days.
    assert.equal(result.tickets.opened, 0);
    assert.equal((await report({})).days.length, 30);
    const week = await report({ days: 7 });
    assert.equal(week.days.length, 7);
    assert.equal(week.period.to, today);
    const year = await report({ from: '2025-03-04', to: '2026-03-04' });
    assert.equal(year.days.length, 366);
  });

  it('refuses periods that are malformed, reversed, too long or mixed', async () => {
    const before = await countRows(portico.services, ['ticket', 'chatConversation', 'order']);
    const refused = async (input: unknown, reason?: string) => {
      const answer = await agent.query('staff.report.overview', input);
      assert.equal(errorCode(answer), 'BAD_REQUEST', JSON.stringify(input));
      if (reason) assert.equal(refusalReason(answer), reason, JSON.stringify(input));
      return answer;
    };
    await refused({ from: D3, to: D1 }, 'PERIOD_REVERSED');
    await refused({ from: '2025-03-03', to: '2026-03-04' }, 'PERIOD_TOO_LONG');
    await refused({ from: D1 }, 'PERIOD_INCOMPLETE');
    await refused({ to: D1 }, 'PERIOD_INCOMPLETE');
    await refused({ days: 7, from: D1, to: D2 }, 'PERIOD_MIXED');
    const invalid = await refused({ from: '2026-02-30', to: '2026-03-02' });
    assert.ok(invalid.body.error?.data.fieldErrors?.from);
    await refused({ from: '2026-3-2', to: '2026-03-04' });
    await refused({ from: `${D1}T00:00:00Z`, to: D3 });
    await refused({ from: D1, to: D3, accountId: 'x' });
    await refused({ days: 0 });
    await refused({ days: 367 });
    await refused({ days: 1.5 });
    await refused({ days: '7' });
    assert.deepEqual(
      await countRows(portico.services, ['ticket', 'chatConversation', 'order']),
      before,
    );
  });

  it('is for staff only', async () => {
    assert.equal(errorCode(await anna.query('staff.report.overview', {})), 'FORBIDDEN');
    assert.equal(
      errorCode(await portico.client().query('staff.report.overview', {})),
      'UNAUTHORIZED',
    );
  });
});

describe('the demo history', () => {
  let portico: TestPortico;
  before(async () => {
    portico = await startTestPortico();
    await seedDemo(portico.services);
    await seedDemoHistory(portico.services);
  });
  after(() => portico.close());

  it('fills the last 30 days of the reports, with nothing in the future or left waiting', async () => {
    const agent = await portico.personWithSession({ email: 'mara@vendor.test', role: 'agent' });
    const report = data<Report>(await agent.query('staff.report.overview', {}));
    const busy = (pick: (day: Report['days'][number]) => number) =>
      report.days.filter((day) => pick(day) > 0).length;
    assert.ok(busy((day) => day.ticketsOpened) >= 15, 'tickets on most days');
    assert.ok(busy((day) => day.chats) >= 15, 'chats on most days');
    assert.ok(busy((day) => day.orders) >= 15, 'orders on most days');
    assert.ok(report.tickets.firstResponse.count >= 20);
    assert.ok(report.tickets.resolution.count >= 10);
    assert.ok(report.ratings.count >= 10);
    assert.ok(report.chats.wait.count >= 10);
    const { db } = portico.services;
    const later = (table: 'ticketMessage' | 'chatMessage' | 'orderEvent', column: string) =>
      db
        .selectFrom(table)
        .select('id')
        .where(sql.ref(column), '>', new Date().toISOString())
        .execute();
    assert.equal((await later('ticketMessage', 'createdAt')).length, 0, 'nothing in the future');
    assert.equal((await later('chatMessage', 'createdAt')).length, 0);
    assert.equal((await later('orderEvent', 'at')).length, 0);
    const left = await db.selectFrom('chatConversation').selectAll().where('status', '!=', 'ended');
    assert.equal((await left.execute()).length, 0, 'no chat is left to become a ticket later');
  });
});
