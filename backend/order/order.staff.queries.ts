import { sql, type SqlBool } from 'kysely';
import { catalogueError, ServerError } from '../errors.ts';
import type { Db } from '../db/database.ts';
import type { OrderStatus } from '../db/schema.ts';
import { decodeCursor, page } from '../db/cursor.ts';
import { searchWords } from '../db/fold.ts';
import { foldedLike } from '../db/match.ts';
import { CHANGEABLE, findOrder, type OrderSummary } from './order.queries.ts';
import { SEQUENCE } from './order.lifecycle.ts';
import type { StaffListInput } from './order.schema.ts';

export interface StaffOrderSummary extends OrderSummary {
  trackingNumber: string | null;
  placedByName: string | null;
}

/** The sort of a page, in its cursor, so a cursor from another sort is refused, not misread. */
const SORT_KEY = { newest: 'n', oldest: 'o', total: 't' } as const;

/**
 * Every account's orders for staff: words match the number, products, account name, tracking
 * number and the name or email of the person who placed it or of any member of the account.
 * Sorted newest first, oldest first or by total (largest first); paged by cursor.
 */
export async function listStaffOrders(db: Db, filter: StaffListInput & { limit: number }) {
  const sortKey = SORT_KEY[filter.sort];
  const after = decodeCursor(filter.cursor);
  if (after && after[0] !== sortKey) {
    throw catalogueError('BAD_REQUEST', ServerError, 'BAD_CURSOR');
  }
  let query = db
    .selectFrom('order')
    .innerJoin('organization', 'organization.id', 'order.accountId')
    .leftJoin('user as placer', 'placer.id', 'order.placedBy')
    .select((eb) => [
      'order.id',
      'order.number',
      'order.status',
      'order.currency',
      'order.total',
      'order.createdAt',
      'order.accountId',
      'order.trackingNumber',
      'organization.name as accountName',
      'placer.name as placedByName',
      eb
        .selectFrom('orderLine')
        .select((inner) => inner.fn.sum<number>('orderLine.quantity').as('n'))
        .whereRef('orderLine.orderId', '=', 'order.id')
        .as('itemCount'),
    ]);
  if (filter.accountId) query = query.where('order.accountId', '=', filter.accountId);
  if (filter.status?.length) query = query.where('order.status', 'in', filter.status);
  if (filter.from) query = query.where('order.createdAt', '>=', filter.from);
  if (filter.to) query = query.where('order.createdAt', '<', nextDay(filter.to));
  for (const p of searchWords(filter.query ?? '')) {
    // Accounts and people are matched once each, not once per order: folding a name is a call
    // into JavaScript, and an order list is many times longer than the list of people.
    const people = db
      .selectFrom('user')
      .select('user.id')
      .where((eb) =>
        eb.or([foldedLike(eb.ref('user.name'), p), foldedLike(eb.ref('user.email'), p)]),
      );
    const accounts = db
      .selectFrom('organization')
      .select('organization.id')
      .where((eb) => foldedLike(eb.ref('organization.name'), p));
    const accountsOfPeople = db
      .selectFrom('member')
      .select('member.organizationId')
      .where('member.userId', 'in', people);
    query = query.where((eb) =>
      eb.or([
        // The order's own text is stored folded; tracking numbers are plain ASCII codes.
        sql<SqlBool>`"order"."searchText" like ${p} escape '\\'`,
        sql<SqlBool>`lower(coalesce("order"."trackingNumber", '')) like ${p} escape '\\'`,
        eb('order.accountId', 'in', accounts),
        eb('order.accountId', 'in', accountsOfPeople),
        eb('order.placedBy', 'in', people),
      ]),
    );
  }
  if (after) {
    const [, key = '', id = ''] = after;
    if (filter.sort === 'total') {
      const total = Number(key);
      query = query.where((eb) =>
        eb.or([
          eb('order.total', '<', total),
          eb.and([eb('order.total', '=', total), eb('order.id', '<', id)]),
        ]),
      );
    } else {
      const op = filter.sort === 'newest' ? '<' : '>';
      query = query.where((eb) =>
        eb.or([
          eb('order.createdAt', op, key),
          eb.and([eb('order.createdAt', '=', key), eb('order.id', op, id)]),
        ]),
      );
    }
  }
  if (filter.sort === 'total') {
    query = query.orderBy('order.total', 'desc').orderBy('order.id', 'desc');
  } else {
    const direction = filter.sort === 'newest' ? 'desc' : 'asc';
    query = query.orderBy('order.createdAt', direction).orderBy('order.id', direction);
  }
  const rows = await query.limit(filter.limit + 1).execute();
  const items: StaffOrderSummary[] = rows.map((row) => ({
    ...row,
    itemCount: Number(row.itemCount ?? 0),
  }));
  return page(items, filter.limit, (row) => [
    sortKey,
    filter.sort === 'total' ? String(row.total) : row.createdAt,
    row.id,
  ]);
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
}

/**
 * One order as staff see it: the customer's view of it, who placed it, and what staff may do
 * now under the lifecycle's rules (the same rules `order.lifecycle.ts` enforces).
 */
export async function findStaffOrder(db: Db, orderId: string) {
  const order = await findOrder(db, 'all', orderId);
  if (!order) return null;
  const placer = await db
    .selectFrom('order')
    .innerJoin('user', 'user.id', 'order.placedBy')
    .select(['user.id', 'user.name', 'user.email'])
    .where('order.id', '=', orderId)
    .executeTakeFirst();
  const { status } = order;
  const at = SEQUENCE.indexOf(status);
  const next =
    status === 'cancelled'
      ? []
      : (SEQUENCE.slice(at + 1) as Exclude<OrderStatus, 'placed' | 'cancelled'>[]);
  return {
    ...order,
    placedBy: placer ?? null,
    staffCan: {
      next,
      setTracking: status === 'shipped' || status === 'delivered',
      changeAddress: CHANGEABLE.includes(status) || status === 'shipped',
      cancel: CHANGEABLE.includes(status),
      setPromise: status !== 'delivered' && status !== 'cancelled',
    },
  };
}

export type StaffOrderDetail = NonNullable<Awaited<ReturnType<typeof findStaffOrder>>>;
