import type { Transaction } from 'kysely';
import type { Services } from '../services.ts';
import type { Database, OrderStatus } from '../db/schema.ts';
import { refuse } from '../errors.ts';
import { OrderError } from '../order/order.errors.ts';
import {
  advanceOrderIn,
  cancelOrderIn,
  SEQUENCE,
  setPromisedDateIn,
  setTrackingNumberIn,
  type Actor,
} from '../order/order.lifecycle.ts';
import type { OrderChangeKind } from '../events/event.types.ts';
import { findStaffOrder } from '../order/order.staff.queries.ts';
import { mailAboutOrder } from '../order/order.mail.ts';
import { InboundError } from './inbound.errors.ts';
import type { InboundCaller } from './inbound.keys.ts';
import type { OrderUpdateInput } from './inbound.schema.ts';
import { applyOnce, type Message, type Outcome } from './inbound.idempotency.ts';

type Trx = Transaction<Database>;

/** The answer to an order update (the ERP's id and `replayed` are added to it). */
type Updated = {
  orderId: string;
  orderNumber: string;
  status: OrderStatus;
  trackingNumber: string | null;
  promisedOn: string | null;
  changes: OrderChangeKind[];
};

interface Current {
  id: string;
  accountId: string;
  status: OrderStatus;
  trackingNumber: string | null;
  promisedOn: string | null;
}

interface Plan {
  promisedOn?: string | null;
  status?: Exclude<OrderStatus, 'placed'>;
  trackingNumber?: string;
}

/**
 * What the message changes, from the order as it is: a value it already has is no change (a
 * message applied twice changes nothing the second time). Refuses here what concerns the whole
 * message; the lifecycle refuses the rest at its step (a tracking number before shipping, a new
 * promise for a delivered order), and the transaction takes back the steps made before it.
 */
function plan(order: Current, input: OrderUpdateInput): Plan {
  const result: Plan = {};
  const status = input.status ?? order.status;
  if (order.status === 'cancelled') {
    const changes =
      (input.status !== undefined && input.status !== 'cancelled') ||
      (input.trackingNumber !== undefined && input.trackingNumber !== order.trackingNumber) ||
      (input.promisedOn !== undefined && input.promisedOn !== order.promisedOn);
    if (changes) throw refuse('CONFLICT', OrderError, 'ALREADY_CANCELLED');
    return result;
  }
  if (status === 'cancelled') {
    if (order.status === 'shipped' || order.status === 'delivered') {
      throw refuse('CONFLICT', OrderError, 'ALREADY_SHIPPED');
    }
    return { status: 'cancelled' };
  }
  if (input.status !== undefined && input.status !== order.status) {
    if (SEQUENCE.indexOf(input.status) < SEQUENCE.indexOf(order.status)) {
      throw refuse('CONFLICT', OrderError, 'NOT_NEXT_STEP', { status: order.status });
    }
    result.status = input.status;
  }
  if (input.promisedOn !== undefined && input.promisedOn !== order.promisedOn) {
    result.promisedOn = input.promisedOn;
  }
  if (input.trackingNumber !== undefined && input.trackingNumber !== order.trackingNumber) {
    result.trackingNumber = input.trackingNumber;
  }
  return result;
}

/**
 * Makes the planned changes through the order's lifecycle, each on the customer's timeline, in
 * the message's transaction: the promise first (a delivered order keeps the one it had), then
 * the status (shipping takes the tracking number along), then the tracking number.
 */
async function apply(
  trx: Trx,
  actor: Actor,
  order: Current,
  steps: Plan,
  reason: string,
): Promise<OrderChangeKind[]> {
  const done: OrderChangeKind[] = [];
  if (steps.status === 'cancelled') {
    await cancelOrderIn(trx, 'all', actor, order.id, reason);
    return ['cancelled'];
  }
  if (steps.promisedOn !== undefined) {
    await setPromisedDateIn(trx, actor, order.id, steps.promisedOn);
    done.push('promise_changed');
  }
  let tracking = steps.trackingNumber;
  if (steps.status) {
    const withTracking = steps.status === 'shipped' ? tracking : undefined;
    await advanceOrderIn(trx, actor, order.id, steps.status, withTracking);
    done.push(steps.status);
    if (withTracking) tracking = undefined;
  }
  if (tracking !== undefined) {
    await setTrackingNumberIn(trx, actor, order.id, tracking);
    done.push('tracking_changed');
  }
  return done;
}

/**
 * Applies an ERP's order update: a new status, tracking number or promised day, as if staff had
 * made each change (the customer sees it on the order's timeline, open views hear of it, and a
 * shipment is mailed as usual). All the changes and the message's record are one transaction:
 * a refused step leaves nothing behind. Answers the order as it is now and what changed.
 */
export async function updateOrder(
  services: Services,
  caller: InboundCaller,
  input: OrderUpdateInput,
  message: Message,
): Promise<Outcome> {
  const outcome = await applyOnce(services.db, message, async (trx) => {
    const order = await trx
      .selectFrom('order')
      .select(['id', 'accountId', 'status', 'trackingNumber', 'promisedOn'])
      .where('number', '=', input.orderNumber)
      .executeTakeFirst();
    if (!order) throw refuse('NOT_FOUND', InboundError, 'ORDER_NOT_FOUND');
    const actor: Actor = { id: null, name: caller.name, role: 'system' };
    const changes = await apply(trx, actor, order, plan(order, input), input.reason ?? '');
    const now = await trx
      .selectFrom('order')
      .select(['id', 'number', 'status', 'trackingNumber', 'promisedOn'])
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    const body: Updated = {
      orderId: now.id,
      orderNumber: now.number,
      status: now.status,
      trackingNumber: now.trackingNumber,
      promisedOn: now.promisedOn,
      changes,
    };
    return { status: 200, body };
  });
  if (!outcome.replayed) await afterCommit(services, caller, outcome.answer.body as Updated);
  return outcome;
}

/** Open views hear of the change; a shipment is mailed as when staff ship. */
async function afterCommit(
  services: Services,
  caller: InboundCaller,
  updated: Updated,
): Promise<void> {
  if (updated.changes.length === 0) return;
  const detail = await findStaffOrder(services.db, updated.orderId);
  if (!detail) return;
  services.bus.publishOrder({
    orderId: updated.orderId,
    accountId: detail.accountId,
    type: 'changed',
    actorId: `inbound:${caller.keyId}`,
  });
  if (updated.changes.includes('shipped')) {
    services.background.run('order mail', () => mailAboutOrder(services, detail, 'shipped'));
  }
}
