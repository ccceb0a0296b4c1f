import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { OrderStatus } from '../db/schema.ts';
import { decodeCursor, page } from '../db/cursor.ts';
import { searchWords } from '../db/fold.ts';
import { parseStoredAddress } from '../address/address.schema.ts';
import type { ListInput } from './order.schema.ts';

/** Whose orders a query may see: one customer account, or every account (staff). */
export type OrderScope = { accountId: string } | 'all';

/** Before shipping the customer may still change the address or cancel. */
export const CHANGEABLE: readonly OrderStatus[] = ['placed', 'confirmed'];

export interface OrderSummary {
  id: string;
  number: string;
  status: OrderStatus;
  currency: string;
  total: number;
  itemCount: number;
  createdAt: string;
  accountId: string;
  accountName: string;
}

export function accountOf(scope: OrderScope): string | null {
  return scope === 'all' ? null : scope.accountId;
}

/** Newest first; filters on status, creation date (inclusive days, UTC) and words. */
export async function listOrders(
  db: Db,
  scope: OrderScope,
  filter: Omit<ListInput, 'limit'> & { limit: number; accountId?: string | undefined },
) {
  const after = decodeCursor(filter.cursor);
  const accountId = accountOf(scope) ?? filter.accountId;
  let query = db
    .selectFrom('order')
    .innerJoin('organization', 'organization.id', 'order.accountId')
    .select((eb) => [
      'order.id',
      'order.number',
      'order.status',
      'order.currency',
      'order.total',
      'order.createdAt',
      'order.accountId',
      'organization.name as accountName',
      eb
        .selectFrom('orderLine')
        .select((inner) => inner.fn.sum<number>('orderLine.quantity').as('n'))
        .whereRef('orderLine.orderId', '=', 'order.id')
        .as('itemCount'),
    ]);
  if (accountId) query = query.where('order.accountId', '=', accountId);
  if (filter.status?.length) query = query.where('order.status', 'in', filter.status);
  if (filter.from) query = query.where('order.createdAt', '>=', filter.from);
  if (filter.to) query = query.where('order.createdAt', '<', nextDay(filter.to));
  for (const word of searchWords(filter.query ?? '')) {
    query = query.where(sql<boolean>`"order"."searchText" like ${word} escape '\\'`);
  }
  if (after) {
    const [createdAt = '', id = ''] = after;
    query = query.where((eb) =>
      eb.or([
        eb('order.createdAt', '<', createdAt),
        eb.and([eb('order.createdAt', '=', createdAt), eb('order.id', '<', id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('order.createdAt', 'desc')
    .orderBy('order.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const items: OrderSummary[] = rows.map((row) => ({
    ...row,
    itemCount: Number(row.itemCount ?? 0),
  }));
  return page(items, filter.limit, (row) => [row.createdAt, row.id]);
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
}

/** The id of the order with this number, when it is in scope. */
export async function findOrderId(
  db: Db,
  scope: OrderScope,
  number: string,
): Promise<string | null> {
  const accountId = accountOf(scope);
  const row = await db
    .selectFrom('order')
    .select('id')
    .where('number', '=', number)
    .$if(accountId !== null, (query) => query.where('accountId', '=', accountId!))
    .executeTakeFirst();
  return row?.id ?? null;
}

/** One order with its lines and timeline, or null when it is not in scope. */
export async function findOrder(db: Db, scope: OrderScope, orderId: string) {
  const accountId = accountOf(scope);
  const order = await db
    .selectFrom('order')
    .innerJoin('organization', 'organization.id', 'order.accountId')
    .select([
      'order.id',
      'order.number',
      'order.status',
      'order.currency',
      'order.subtotal',
      'order.tax',
      'order.shipping',
      'order.total',
      'order.address',
      'order.note',
      'order.trackingNumber',
      'order.promisedOn',
      'order.createdAt',
      'order.updatedAt',
      'order.accountId',
      'organization.name as accountName',
    ])
    .where('order.id', '=', orderId)
    .$if(accountId !== null, (query) => query.where('order.accountId', '=', accountId!))
    .executeTakeFirst();
  if (!order) return null;
  const [lines, events] = await Promise.all([
    db
      .selectFrom('orderLine')
      .select([
        'productId',
        'sku',
        'name',
        'kind',
        'quantity',
        'unitPrice',
        'taxRate',
        'subtotal',
        'tax',
      ])
      .where('orderId', '=', orderId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('orderEvent')
      .select(['id', 'type', 'actorName', 'actorRole', 'detail', 'at'])
      .where('orderId', '=', orderId)
      .orderBy('at')
      .orderBy('id')
      .execute(),
  ]);
  const changeable = CHANGEABLE.includes(order.status);
  return {
    ...order,
    address: parseStoredAddress(order.address),
    lines: lines.map((line) => ({ ...line, total: line.subtotal + line.tax })),
    timeline: events.map((event) => ({
      id: event.id,
      type: event.type,
      at: event.at,
      actor: { name: event.actorName, role: event.actorRole },
      detail: JSON.parse(event.detail) as Record<string, unknown>,
    })),
    can: {
      changeAddress: changeable,
      cancel: changeable,
      reorder: lines.some((line) => line.productId !== null),
    },
  };
}

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof findOrder>>>;
