import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  errorCode,
  refusalReason,
  startTestPortico,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { data, openTicket, ticketCounts, type Ticket } from '../support/tickets.ts';

interface Row {
  id: string;
  subject: string;
  unread: boolean;
  awaitingStaff: boolean;
  customerAt: string;
  priority: string;
}
interface Page {
  items: Row[];
  nextCursor: string | null;
  unread: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Eight tickets of one account with their times set by hand, so every order is known:
 * `customer` and `staff` are how long ago each side last wrote, `created`/`updated` likewise.
 * Tickets 2 and 3, and 5 and 6, were created at the same moment (the id breaks the tie).
 */
const PLAN = [
  {
    priority: 'low',
    status: 'open',
    customer: 2 * HOUR,
    staff: null,
    created: 10 * DAY,
    updated: 2 * HOUR,
  },
  {
    priority: 'urgent',
    status: 'open',
    customer: 5 * HOUR,
    staff: null,
    created: 9 * DAY,
    updated: 5 * HOUR,
  },
  {
    priority: 'normal',
    status: 'pending',
    customer: 3 * DAY,
    staff: 2 * DAY,
    created: 8 * DAY,
    updated: 2 * DAY,
  },
  {
    priority: 'high',
    status: 'open',
    customer: 4 * DAY,
    staff: null,
    created: 8 * DAY,
    updated: 2 * DAY,
  },
  // Answered a day ago and left open: the customer is not waiting.
  {
    priority: 'urgent',
    status: 'open',
    customer: 4 * DAY,
    staff: 1 * DAY,
    created: 7 * DAY,
    updated: 1 * DAY,
  },
  // The customer wrote again after the answer: waiting since then.
  {
    priority: 'normal',
    status: 'open',
    customer: 26 * HOUR,
    staff: 30 * HOUR,
    created: 6 * DAY,
    updated: 26 * HOUR,
  },
  {
    priority: 'low',
    status: 'closed',
    customer: 6 * DAY,
    staff: 5 * DAY,
    created: 6 * DAY,
    updated: 5 * DAY,
  },
  // Waiting exactly as long as ticket 1, with the same last activity: the id breaks the tie.
  {
    priority: 'urgent',
    status: 'open',
    customer: 5 * HOUR,
    staff: null,
    created: 5 * DAY,
    updated: 5 * HOUR,
  },
] as const;

/** The ticket indexes (0–7) the agent has read. */
const READ = [0, 2, 4];

describe('staff inbox: sort, unread and waiting filters', () => {
  let portico: TestPortico;
  let dora: TestClient;
  let agent: TestClient;
  let accountId: string;
  /** PLAN's tickets, by index. */
  const ids: string[] = [];

  before(async () => {
    portico = await startTestPortico();
    dora = await portico.personWithSession({ email: 'dora@shop.test', name: 'Dora' });
    agent = await portico.personWithSession({
      email: 'jonas@vendor.test',
      name: 'Jonas',
      role: 'agent',
    });
    accountId = data<{ account: { id: string } }>(await dora.query('session.me')).account.id;
    for (const [i, plan] of PLAN.entries()) {
      const ticket = await openTicket(dora, {
        subject: `Inbox ticket ${i}`,
        priority: plan.priority,
      });
      ids.push(ticket.id);
    }
    for (const i of READ) {
      data(await agent.mutate('staff.ticket.markRead', { ticketId: ids[i] }));
    }
    const now = Date.now();
    const ago = (ms: number) => new Date(now - ms).toISOString();
    for (const [i, plan] of PLAN.entries()) {
      await portico.services.db
        .updateTable('ticket')
        .set({
          status: plan.status,
          customerAt: ago(plan.customer),
          staffAt: plan.staff === null ? null : ago(plan.staff),
          createdAt: ago(plan.created),
          updatedAt: ago(plan.updated),
        })
        .where('id', '=', ids[i]!)
        .execute();
    }
  });
  after(() => portico.close());

  /** Every ticket of Dora's account in the queue, page by page. */
  async function pages(input: Record<string, unknown>, limit: number): Promise<Row[]> {
    const rows: Row[] = [];
    let cursor: string | null = null;
    let count = 0;
    do {
      const page: Page = data(
        await agent.query('staff.ticket.list', {
          accountId,
          limit,
          ...input,
          ...(cursor ? { cursor } : {}),
        }),
      );
      if (page.nextCursor) assert.equal(page.items.length, limit, 'a page short of the limit');
      rows.push(...page.items);
      cursor = page.nextCursor;
      assert.ok(++count < 20, 'paging never ended');
    } while (cursor);
    return rows;
  }

  const indexes = (rows: Row[]) => rows.map((row) => ids.indexOf(row.id));
  /** Two tickets made at the same moment: the larger id comes first when the order is downward. */
  const byIdDesc = (a: number, b: number) => (ids[a]! > ids[b]! ? [a, b] : [b, a]);
  const byIdAsc = (a: number, b: number) => byIdDesc(a, b).reverse();

  it('orders the queue five ways and pages each without gaps or repeats', async () => {
    const expected: Record<string, number[]> = {
      // Unread first (1, 3, 5, 6, 7), then read (0, 2, 4); latest activity first in each.
      unread: [...byIdDesc(1, 7), 5, 3, 6, 0, 4, 2],
      // Waiting for staff (0, 1, 3, 5, 7), the longest wait first; then the rest, latest first.
      waiting: [3, 5, ...byIdAsc(1, 7), 0, 4, 2, 6],
      newest: [7, ...byIdDesc(5, 6), 4, ...byIdDesc(2, 3), 1, 0],
      oldest: [0, 1, ...byIdAsc(2, 3), 4, ...byIdAsc(5, 6), 7],
      priority: [...byIdDesc(1, 7), 4, 3, 5, 2, 0, 6],
    };
    for (const [sort, order] of Object.entries(expected)) {
      for (const limit of [1, 2, 3, 50]) {
        assert.deepEqual(indexes(await pages({ sort }, limit)), order, `${sort} by ${limit}`);
      }
    }
    // Unread first is what the queue shows without a sort.
    assert.deepEqual(indexes(await pages({}, 2)), expected.unread);
  });

  it('carries when the customer last wrote and whether they wait for an answer', async () => {
    const rows = await pages({ sort: 'oldest' }, 50);
    for (const row of rows) {
      const i = ids.indexOf(row.id);
      const plan = PLAN[i]!;
      const waits = plan.status === 'open' && (plan.staff === null || plan.staff > plan.customer);
      assert.equal(row.awaitingStaff, waits, `ticket ${i}`);
      const age = Date.now() - Date.parse(row.customerAt);
      assert.ok(Math.abs(age - plan.customer) < 60_000, `ticket ${i} customerAt`);
    }
  });

  it('refuses a page link of another order, or a broken one, with a clear 400', async () => {
    const first: Page = data(
      await agent.query('staff.ticket.list', { accountId, sort: 'newest', limit: 2 }),
    );
    assert.ok(first.nextCursor);
    const other = await agent.query('staff.ticket.list', {
      accountId,
      sort: 'oldest',
      limit: 2,
      cursor: first.nextCursor,
    });
    assert.equal(other.status, 400);
    assert.equal(refusalReason(other), 'CURSOR_OTHER_SORT');
    assert.match(other.body.error?.message ?? '', /another sort order/);
    // A page link made before sorts existed (no order in it) is refused, not misread.
    const old = Buffer.from(JSON.stringify(['1', new Date().toISOString(), ids[0]])).toString(
      'base64url',
    );
    const stale = await agent.query('staff.ticket.list', { accountId, cursor: old });
    assert.equal(stale.status, 400);
    assert.equal(refusalReason(stale), 'BAD_CURSOR');
    const forged = Buffer.from(JSON.stringify(['unread', 'x', 'y', 'z'])).toString('base64url');
    assert.equal(
      refusalReason(await agent.query('staff.ticket.list', { cursor: forged })),
      'BAD_CURSOR',
    );
    // The same order with the same link goes on.
    const next: Page = data(
      await agent.query('staff.ticket.list', {
        accountId,
        sort: 'newest',
        limit: 2,
        cursor: first.nextCursor,
      }),
    );
    assert.equal(next.items.length, 2);
  });

  it('filters unread tickets on the server, so pages are full', async () => {
    const rows = await pages({ unreadOnly: true }, 2);
    assert.deepEqual(indexes(rows), [...byIdDesc(1, 7), 5, 3, 6]);
    assert.ok(rows.every((row) => row.unread));
    const waitingUnread = await pages({ unreadOnly: true, sort: 'waiting' }, 1);
    assert.deepEqual(indexes(waitingUnread), [3, 5, ...byIdAsc(1, 7), 6]);
    // Reading one takes it out of the filter.
    data(await agent.mutate('staff.ticket.markRead', { ticketId: ids[5] }));
    assert.deepEqual(indexes(await pages({ unreadOnly: true }, 2)), [...byIdDesc(1, 7), 3, 6]);
  });

  it('filters tickets whose customer has waited longer than a time', async () => {
    const waited = async (minutes: number) =>
      indexes(await pages({ waitingLongerThan: minutes, sort: 'waiting' }, 2));
    assert.deepEqual(await waited(60), [3, 5, ...byIdAsc(1, 7), 0]);
    assert.deepEqual(await waited(4 * 60), [3, 5, ...byIdAsc(1, 7)]);
    assert.deepEqual(await waited(24 * 60), [3, 5]);
    assert.deepEqual(await waited(3 * 24 * 60), [3]);
    assert.deepEqual(await waited(30 * 24 * 60), []);
    // Answering ends the wait.
    const answered = data<Ticket>(
      await agent.mutate('staff.ticket.reply', { ticketId: ids[3], body: 'On its way.' }),
    );
    assert.equal(answered.status, 'pending');
    assert.deepEqual(await waited(24 * 60), [5]);
  });

  it('refuses bad input field by field and leaves the database as it was', async () => {
    const before = await ticketCounts(portico.services);
    const cases: [Record<string, unknown>, string][] = [
      [{ sort: 'random' }, 'sort'],
      [{ sort: 'UNREAD' }, 'sort'],
      [{ waitingLongerThan: 0 }, 'waitingLongerThan'],
      [{ waitingLongerThan: 30 * 24 * 60 + 1 }, 'waitingLongerThan'],
      [{ waitingLongerThan: 1.5 }, 'waitingLongerThan'],
      [{ waitingLongerThan: '60' }, 'waitingLongerThan'],
      [{ unreadOnly: 'yes' }, 'unreadOnly'],
      [{ cursor: 'c'.repeat(401) }, 'cursor'],
      [{ waitingSince: 60 }, '_'],
    ];
    for (const [input, field] of cases) {
      const response = await agent.query('staff.ticket.list', input);
      assert.equal(response.status, 400, JSON.stringify(input));
      assert.equal(errorCode(response), 'BAD_REQUEST');
      const fields = response.body.error?.data.fieldErrors ?? {};
      assert.ok(field in fields, `${JSON.stringify(input)}: ${JSON.stringify(fields)}`);
    }
    assert.deepEqual(await ticketCounts(portico.services), before);
  });

  it('refuses customers', async () => {
    assert.equal(
      errorCode(await dora.query('staff.ticket.list', { sort: 'waiting' })),
      'FORBIDDEN',
    );
  });
});
