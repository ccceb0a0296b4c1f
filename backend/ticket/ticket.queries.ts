import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/database.ts';
import { page } from '../db/cursor.ts';
import { joinedValues } from '../db/dialect.ts';
import { searchWords } from '../db/fold.ts';
import type { TicketKind, TicketPriority, TicketStatus } from './ticket.tables.ts';
import type { ListInput, StaffListInput } from './ticket.schema.ts';
import { afterKey, awaitingStaff, cursorKey, keyOf, sortPlan } from './ticket.sort.ts';

/**
 * Who is reading: a member of one customer account, or a staff member who sees every account.
 * Unread markers are per person, so both carry the reader's id.
 */
export type TicketReader =
  { kind: 'customer'; accountId: string; userId: string } | { kind: 'staff'; userId: string };

export interface TicketSummary {
  id: string;
  number: string;
  subject: string;
  kind: TicketKind;
  category: string | null;
  priority: TicketPriority;
  status: TicketStatus;
  unread: boolean;
  tags: string[];
  accountId: string;
  accountName: string;
  assigneeName: string | null;
  messageCount: number;
  /** When the customer last wrote. */
  customerAt: string;
  /** The ticket is open and the customer wrote last: they wait for an answer. */
  awaitingStaff: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * Unread for a customer: staff wrote since they last read it. For staff: the customer did.
 * An SQL expression over `ticket` and the reader's `ticketRead` row (`r`).
 */
function unreadExpression(reader: TicketReader): RawBuilder<number> {
  return reader.kind === 'customer'
    ? sql<number>`(case when "ticket"."staffAt" is not null and ("r"."readAt" is null or "ticket"."staffAt" > "r"."readAt") then 1 else 0 end)`
    : sql<number>`(case when "r"."readAt" is null or "ticket"."customerAt" > "r"."readAt" then 1 else 0 end)`;
}

/** The reader's tickets (a customer: their account's), with their own read marks as `r`. */
function baseQuery(db: Db, reader: TicketReader) {
  let query = db
    .selectFrom('ticket')
    .leftJoin('ticketRead as r', (join) =>
      join.onRef('r.ticketId', '=', 'ticket.id').on('r.userId', '=', reader.userId),
    );
  if (reader.kind === 'customer') query = query.where('ticket.accountId', '=', reader.accountId);
  return query;
}

type ListFilter = ListInput &
  Partial<
    Pick<
      StaffListInput,
      'assignee' | 'accountId' | 'kind' | 'sort' | 'unreadOnly' | 'waitingLongerThan'
    >
  >;

/**
 * One page of the reader's tickets in the order asked for (unread first, then the most recently
 * changed, by default); filters on status, priority, kind, tag, assignee, unread, how long the
 * customer has waited, and words.
 */
export async function listTickets(db: Db, reader: TicketReader, filter: ListFilter) {
  const sort = filter.sort ?? 'unread';
  const unread = unreadExpression(reader);
  const plan = sortPlan(sort, unread);
  const after = cursorKey(filter.cursor, sort, plan);
  const [k0, k1, k2 = sql<null>`null`] = plan.keys;
  let query = baseQuery(db, reader).select([
    'ticket.id',
    unread.as('unread'),
    sql<string | number>`${k0}`.as('k0'),
    sql<string | number>`${k1}`.as('k1'),
    sql<string | number | null>`${k2}`.as('k2'),
  ]);
  if (filter.status?.length) query = query.where('ticket.status', 'in', filter.status);
  if (filter.priority?.length) query = query.where('ticket.priority', 'in', filter.priority);
  if (filter.kind?.length) query = query.where('ticket.kind', 'in', filter.kind);
  if (filter.accountId) query = query.where('ticket.accountId', '=', filter.accountId);
  if (filter.assignee === 'me') query = query.where('ticket.assigneeId', '=', reader.userId);
  else if (filter.assignee === 'none') query = query.where('ticket.assigneeId', 'is', null);
  else if (filter.assignee) query = query.where('ticket.assigneeId', '=', filter.assignee);
  if (filter.unreadOnly) query = query.where(unread, '=', 1);
  if (filter.waitingLongerThan) {
    const since = new Date(Date.now() - filter.waitingLongerThan * 60_000).toISOString();
    query = query.where(awaitingStaff, '=', 1).where('ticket.customerAt', '<', since);
  }
  if (filter.tag) {
    const tag = filter.tag;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('ticketTag')
          .select('ticketTag.tag')
          .whereRef('ticketTag.ticketId', '=', 'ticket.id')
          .where('ticketTag.tag', '=', tag),
      ),
    );
  }
  for (const word of searchWords(filter.query ?? '')) {
    query = query.where((eb) =>
      eb.or([
        sql<SqlBool>`"ticket"."searchText" like ${word} escape '\\'`,
        eb.exists(
          eb
            .selectFrom('ticketMessage as m')
            .select('m.id')
            .whereRef('m.ticketId', '=', 'ticket.id')
            .where(sql<SqlBool>`"m"."folded" like ${word} escape '\\'`)
            .$if(reader.kind === 'customer', (inner) => inner.where('m.internal', '=', 0)),
        ),
      ]),
    );
  }
  if (after) query = query.where(afterKey(plan, after));
  // Sort and cut the page on the narrow rows first; tags and counts only for the page's rows.
  const pageRows = plan
    .order(plan.keys)
    .reduce((q, [key, dir]) => q.orderBy(key, dir), query)
    .limit(filter.limit + 1);
  const columns = [sql.ref('p.k0'), sql.ref('p.k1'), sql.ref('p.k2')].slice(0, plan.keys.length);
  const rows = await plan
    .order(columns)
    .reduce(
      (q, [key, dir]) => q.orderBy(key, dir),
      db
        .selectFrom(pageRows.as('p'))
        .innerJoin('ticket', 'ticket.id', 'p.id')
        .innerJoin('organization', 'organization.id', 'ticket.accountId')
        .leftJoin('user as assignee', 'assignee.id', 'ticket.assigneeId')
        .select((eb) => [
          'ticket.id',
          'ticket.number',
          'ticket.subject',
          'ticket.kind',
          'ticket.category',
          'ticket.priority',
          'ticket.status',
          'ticket.accountId',
          'ticket.customerAt',
          'ticket.createdAt',
          'ticket.updatedAt',
          'organization.name as accountName',
          'assignee.name as assigneeName',
          'p.unread',
          'p.k0',
          'p.k1',
          'p.k2',
          awaitingStaff.as('awaitingStaff'),
          eb
            .selectFrom('ticketTag')
            .select(joinedValues(db, sql.ref('tag'), '\x1f').as('t'))
            .whereRef('ticketTag.ticketId', '=', 'ticket.id')
            .as('tags'),
          eb
            .selectFrom('ticketMessage')
            .select((inner) => inner.fn.countAll<number>().as('n'))
            .whereRef('ticketMessage.ticketId', '=', 'ticket.id')
            .$if(reader.kind === 'customer', (inner) =>
              inner.where('ticketMessage.internal', '=', 0),
            )
            .as('messageCount'),
        ]),
    )
    .execute();
  const items = rows.map(({ k0: _0, k1: _1, k2: _2, ...row }) => ({
    ...row,
    unread: row.unread === 1,
    awaitingStaff: row.awaitingStaff === 1,
    tags: row.tags ? row.tags.split('\u001f').sort() : [],
    messageCount: Number(row.messageCount ?? 0),
  })) satisfies TicketSummary[];
  const keys = new Map(rows.map((row) => [row.id, [row.k0, row.k1, row.k2]]));
  return page<TicketSummary>(items, filter.limit, (row) =>
    keyOf(sort, keys.get(row.id)!.slice(0, plan.keys.length)),
  );
}

/** How many tickets have something the reader has not seen. */
export async function unreadCount(db: Db, reader: TicketReader): Promise<number> {
  const unread = unreadExpression(reader);
  let query = baseQuery(db, reader)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(unread, '=', 1);
  // Staff count what waits on them; a closed ticket waits on nobody.
  if (reader.kind === 'staff') query = query.where('ticket.status', 'in', ['open', 'pending']);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}
