import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database, OrderStatus } from '../db/schema.ts';
import { newId } from '../db/id.ts';
import { refuse } from '../errors.ts';
import type { Address } from '../address/address.schema.ts';
import { OrderError } from './order.errors.ts';
import { accountOf, CHANGEABLE, type OrderScope } from './order.queries.ts';
import { shippingRate } from './order.pricing.ts';
import { timestamp } from '../db/clock.ts';
import { invoiceOrder } from '../ledger/ledger.write.ts';
import { emitEvent } from '../events/event.emit.ts';
import type { OrderChangeKind } from '../events/event.types.ts';

/** Who made a change, as the order's timeline shows it. */
export interface Actor {
  id: string | null;
  name: string;
  role: 'customer' | 'staff' | 'system';
}

export type OrderEventType =
  | 'placed'
  | 'confirmed'
  | 'shipped'
  | 'delivered'
  | 'cancelled'
  | 'address_changed'
  | 'tracking_changed'
  | 'promise_changed';

export async function recordEvent(
  trx: Transaction<Database>,
  orderId: string,
  actor: Actor,
  type: OrderEventType,
  detail: Record<string, unknown>,
  at = timestamp(),
): Promise<void> {
  await trx
    .insertInto('orderEvent')
    .values({
      id: newId(),
      orderId,
      type,
      actorId: actor.id,
      actorName: actor.name,
      actorRole: actor.role,
      detail: JSON.stringify(detail),
      at,
    })
    .execute();
}

/** The lifecycle's forward steps, in order. */
export const SEQUENCE: readonly OrderStatus[] = ['placed', 'confirmed', 'shipped', 'delivered'];

type Trx = Transaction<Database>;
/** A trx-level step's parameters after its transaction (named as in the step). */
type AfterTrx<Step> = Step extends (trx: Trx, ...rest: infer Rest) => unknown ? Rest : never;

/**
 * Runs `change` on an order in scope, inside the caller's transaction; NOT_FOUND when out of
 * scope. Each step below comes twice: `xIn(trx, …)` for a caller that makes several changes
 * at once (all or none), and `x(db, …)`, one transaction around it.
 */
async function withOrder<T>(
  trx: Trx,
  scope: OrderScope,
  orderId: string,
  change: (order: {
    accountId: string;
    status: OrderStatus;
    address: string;
    shipping: number;
  }) => Promise<T>,
): Promise<T> {
  const accountId = accountOf(scope);
  const order = await trx
    .selectFrom('order')
    .select(['accountId', 'status', 'address', 'shipping'])
    .where('id', '=', orderId)
    .$if(accountId !== null, (query) => query.where('accountId', '=', accountId!))
    .executeTakeFirst();
  if (!order) throw refuse('NOT_FOUND', OrderError, 'NOT_FOUND');
  return change(order);
}

/** Tells the customers and the vendor's other systems (see `backend/events/`). */
function emitChange(
  trx: Transaction<Database>,
  order: { accountId: string },
  orderId: string,
  actor: Actor,
  change: OrderChangeKind,
) {
  return emitEvent(trx, {
    type: 'order.changed',
    accountId: order.accountId,
    actorId: actor.id,
    orderId,
    change,
  });
}

function refuseUnlessChangeable(status: OrderStatus, allowShipped = false): void {
  if (status === 'cancelled') throw refuse('PRECONDITION_FAILED', OrderError, 'ALREADY_CANCELLED');
  if (CHANGEABLE.includes(status) || (allowShipped && status === 'shipped')) return;
  throw refuse('PRECONDITION_FAILED', OrderError, 'ALREADY_SHIPPED', { canOpenTicket: true });
}

function touch(trx: Transaction<Database>, orderId: string, values: object = {}) {
  return trx
    .updateTable('order')
    .set({ ...values, updatedAt: timestamp() })
    .where('id', '=', orderId)
    .execute();
}

/**
 * Sends the order to a new address while it has not shipped (staff may still redirect a
 * shipped parcel). The shipping price must stay the same, since the order is already priced.
 */
export function changeOrderAddressIn(
  trx: Trx,
  scope: OrderScope,
  actor: Actor,
  orderId: string,
  address: Address,
): Promise<void> {
  return withOrder(trx, scope, orderId, async (order) => {
    refuseUnlessChangeable(order.status, actor.role === 'staff');
    const from = JSON.parse(order.address) as Address;
    if (order.shipping > 0 && shippingRate(from.country) !== shippingRate(address.country)) {
      throw refuse('PRECONDITION_FAILED', OrderError, 'SHIPPING_ZONE_CHANGED', {
        canOpenTicket: true,
      });
    }
    await touch(trx, orderId, { address: JSON.stringify(address) });
    await recordEvent(trx, orderId, actor, 'address_changed', { from, to: address });
    await emitChange(trx, order, orderId, actor, 'address_changed');
  });
}

export function changeOrderAddress(
  db: Db,
  ...args: AfterTrx<typeof changeOrderAddressIn>
): Promise<void> {
  return db.transaction().execute((trx) => changeOrderAddressIn(trx, ...args));
}

/** Cancels an order that has not shipped and puts its goods back in stock. */
export function cancelOrderIn(
  trx: Trx,
  scope: OrderScope,
  actor: Actor,
  orderId: string,
  reason: string,
): Promise<void> {
  return withOrder(trx, scope, orderId, async (order) => {
    refuseUnlessChangeable(order.status);
    const lines = await trx
      .selectFrom('orderLine')
      .select(['productId', 'quantity'])
      .where('orderId', '=', orderId)
      .execute();
    for (const line of lines) {
      if (!line.productId) continue;
      await trx
        .updateTable('product')
        .set((eb) => ({ stock: eb('stock', '+', line.quantity) }))
        .where('id', '=', line.productId)
        .where('stock', 'is not', null)
        .execute();
    }
    await touch(trx, orderId, { status: 'cancelled' });
    await recordEvent(trx, orderId, actor, 'cancelled', reason ? { reason } : {});
    await emitChange(trx, order, orderId, actor, 'cancelled');
  });
}

export function cancelOrder(db: Db, ...args: AfterTrx<typeof cancelOrderIn>): Promise<void> {
  return db.transaction().execute((trx) => cancelOrderIn(trx, ...args));
}

/** Moves an order forward (steps may be skipped, never undone); shipping may set tracking. */
export function advanceOrderIn(
  trx: Trx,
  actor: Actor,
  orderId: string,
  to: Exclude<OrderStatus, 'placed' | 'cancelled'>,
  trackingNumber: string | undefined,
): Promise<void> {
  return withOrder(trx, 'all', orderId, async (order) => {
    if (order.status === 'cancelled') {
      throw refuse('PRECONDITION_FAILED', OrderError, 'ALREADY_CANCELLED');
    }
    if (SEQUENCE.indexOf(to) <= SEQUENCE.indexOf(order.status)) {
      throw refuse('PRECONDITION_FAILED', OrderError, 'NOT_NEXT_STEP', { status: order.status });
    }
    const tracking = to === 'shipped' && trackingNumber ? { trackingNumber } : {};
    await touch(trx, orderId, { status: to, ...tracking });
    await recordEvent(trx, orderId, actor, to, { from: order.status, ...tracking });
    await emitChange(trx, order, orderId, actor, to);
    // Goods are billed when they leave; a later step finds the invoice already there.
    if (to === 'shipped' || to === 'delivered') await invoiceOrder(trx, orderId, actor.name);
  });
}

export function advanceOrder(db: Db, ...args: AfterTrx<typeof advanceOrderIn>): Promise<void> {
  return db.transaction().execute((trx) => advanceOrderIn(trx, ...args));
}

export function setTrackingNumberIn(
  trx: Trx,
  actor: Actor,
  orderId: string,
  trackingNumber: string,
): Promise<void> {
  return withOrder(trx, 'all', orderId, async (order) => {
    if (order.status !== 'shipped' && order.status !== 'delivered') {
      throw refuse('PRECONDITION_FAILED', OrderError, 'TRACKING_NEEDS_SHIPMENT');
    }
    await touch(trx, orderId, { trackingNumber });
    await recordEvent(trx, orderId, actor, 'tracking_changed', { trackingNumber });
    await emitChange(trx, order, orderId, actor, 'tracking_changed');
  });
}

export function setTrackingNumber(
  db: Db,
  ...args: AfterTrx<typeof setTrackingNumberIn>
): Promise<void> {
  return db.transaction().execute((trx) => setTrackingNumberIn(trx, ...args));
}

/**
 * Sets (or clears) the day the customer was promised delivery; an order still undelivered
 * after it is late (the reminder rules tell the customer). Not for a delivered or cancelled one.
 */
export function setPromisedDateIn(
  trx: Trx,
  actor: Actor,
  orderId: string,
  promisedOn: string | null,
): Promise<void> {
  return withOrder(trx, 'all', orderId, async (order) => {
    if (order.status === 'cancelled') {
      throw refuse('PRECONDITION_FAILED', OrderError, 'ALREADY_CANCELLED');
    }
    if (order.status === 'delivered') {
      throw refuse('PRECONDITION_FAILED', OrderError, 'NOT_NEXT_STEP', { status: order.status });
    }
    await touch(trx, orderId, { promisedOn });
    await recordEvent(trx, orderId, actor, 'promise_changed', { promisedOn });
    await emitChange(trx, order, orderId, actor, 'promise_changed');
  });
}

export function setPromisedDate(
  db: Db,
  ...args: AfterTrx<typeof setPromisedDateIn>
): Promise<void> {
  return db.transaction().execute((trx) => setPromisedDateIn(trx, ...args));
}
