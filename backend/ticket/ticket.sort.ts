import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { decodeCursor } from '../db/cursor.ts';
import { refuse } from '../errors.ts';
import { TicketError } from './ticket.errors.ts';
import { TICKET_SORTS, type TicketSort } from './ticket.schema.ts';

type Direction = 'asc' | 'desc';
type Key = Expression<unknown>;

/**
 * The customer is waiting for staff: the ticket is open and the customer wrote last. SQL over
 * `ticket`; 1 or 0.
 */
export const awaitingStaff = sql<number>`(case when "ticket"."status" = 'open' and ("ticket"."staffAt" is null or "ticket"."customerAt" > "ticket"."staffAt") then 1 else 0 end)`;

const priorityRank = sql<number>`(case "ticket"."priority" when 'urgent' then 3 when 'high' then 2 when 'normal' then 1 else 0 end)`;
const updatedAt = sql<string>`"ticket"."updatedAt"`;
const createdAt = sql<string>`"ticket"."createdAt"`;
const id = sql<string>`"ticket"."id"`;

/**
 * One order of the queue as a keyset: the sort key (its last part is always the id, so it is
 * unique), which of its parts are numbers, and which way each part runs. A page ends at a row's
 * key; the next page starts strictly after it.
 */
interface SortPlan {
  keys: RawBuilder<unknown>[];
  numeric: boolean[];
  /** The directions of the key's parts for rows whose first part is `first`. */
  directions(first: string | number): Direction[];
  /** ORDER BY terms over the key's parts, as SQL or as the columns a page query holds them in. */
  order(keys: Key[]): [Key, Direction][];
}

function uniform(keys: RawBuilder<unknown>[], numeric: boolean[], dirs: Direction[]): SortPlan {
  return {
    keys,
    numeric,
    directions: () => dirs,
    order: (parts) => parts.map((part, i) => [part, dirs[i]!]),
  };
}

/**
 * The waiting order: tickets awaiting staff first, the customer who wrote longest ago first;
 * then the rest, latest activity first. The two groups run opposite ways, so the terms after
 * the first say which group they order.
 */
const waiting: SortPlan = {
  keys: [
    awaitingStaff,
    sql<string>`(case when ${awaitingStaff} = 1 then "ticket"."customerAt" else "ticket"."updatedAt" end)`,
    id,
  ],
  numeric: [true, false, false],
  directions: (first) => (Number(first) === 1 ? ['desc', 'asc', 'asc'] : ['desc', 'desc', 'desc']),
  order: ([flag, at, last]) => [
    [flag!, 'desc'],
    [sql`(case when ${flag} = 1 then ${at} end)`, 'asc'],
    [sql`(case when ${flag} = 0 then ${at} end)`, 'desc'],
    [sql`(case when ${flag} = 1 then ${last} end)`, 'asc'],
    [sql`(case when ${flag} = 0 then ${last} end)`, 'desc'],
  ],
};

/** The queue's orders; `unread` is also the customer's list. `unread` is the reader's marks. */
export function sortPlan(sort: TicketSort, unread: RawBuilder<number>): SortPlan {
  switch (sort) {
    case 'unread':
      return uniform([unread, updatedAt, id], [true, false, false], ['desc', 'desc', 'desc']);
    case 'waiting':
      return waiting;
    case 'newest':
      return uniform([createdAt, id], [false, false], ['desc', 'desc']);
    case 'oldest':
      return uniform([createdAt, id], [false, false], ['asc', 'asc']);
    case 'priority':
      return uniform([priorityRank, updatedAt, id], [true, false, false], ['desc', 'desc', 'desc']);
  }
}

/**
 * The key a page link carries, checked against the order asked for: a link made in one order
 * means nothing in another.
 */
export function cursorKey(
  cursor: string | undefined,
  sort: TicketSort,
  plan: SortPlan,
): (string | number)[] | null {
  const key = decodeCursor(cursor);
  if (!key) return null;
  const [made, ...parts] = key;
  if (made !== sort && (TICKET_SORTS as readonly string[]).includes(made ?? '')) {
    throw refuse('BAD_REQUEST', TicketError, 'CURSOR_OTHER_SORT');
  }
  if (made !== sort || parts.length !== plan.keys.length) {
    throw refuse('BAD_REQUEST', TicketError, 'BAD_CURSOR');
  }
  return parts.map((part, i) => {
    if (!plan.numeric[i]) return part;
    const value = Number(part);
    if (!Number.isInteger(value)) throw refuse('BAD_REQUEST', TicketError, 'BAD_CURSOR');
    return value;
  });
}

/** The rows strictly after `values` in the plan's order. */
export function afterKey(plan: SortPlan, values: (string | number)[]): RawBuilder<SqlBool> {
  const dirs = plan.directions(values[0]!);
  const branches = plan.keys.map((key, i) => {
    const equal = plan.keys.slice(0, i).map((before, j) => sql`${before} = ${values[j]}`);
    const beyond = sql`${key} ${sql.raw(dirs[i] === 'desc' ? '<' : '>')} ${values[i]}`;
    return sql.join([...equal, beyond], sql` and `);
  });
  return sql<SqlBool>`(${sql.join(
    branches.map((branch) => sql`(${branch})`),
    sql` or `,
  )})`;
}

/** The page link of a row: the order's name, then the row's key. */
export function keyOf(sort: TicketSort, parts: unknown[]): string[] {
  return [sort, ...parts.map(String)];
}
