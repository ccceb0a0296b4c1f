import type { Services } from '../services.ts';
import type { OrderStatus } from '../db/schema.ts';
import { refuse } from '../errors.ts';
import { OrderError } from '../order/order.errors.ts';
import {
  advanceOrder,
  cancelOrder,
  SEQUENCE,
  setPromisedDate,
  setTrackingNumber,
  type Actor,
} from '../order/order.lifecycle.ts';
import type { OrderChangeKind } from '../events/event.types.ts';
import { findStaffOrder } from '../order/order.staff.queries.ts';
import { mailAboutOrder } from '../order/order.mail.ts';
import { InboundError } from './inbound.errors.ts';
import type { InboundCaller } from './inbound.keys.ts';
import type { OrderUpdateInput } from './inbound.schema.ts';

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
 * message applied twice changes nothing the second time). Refuses, before anything is written,
 * what the order's lifecycle would refuse half-way.
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
    // The promise is set before the order moves on: a delivered order keeps the one it had.
    if (order.status === 'delivered') {
      throw refuse('CONFLICT', OrderError, 'NOT_NEXT_STEP', { status: order.status });
    }
    result.promisedOn = input.promisedOn;
  }
  if (input.trackingNumber !== undefined && input.trackingNumber !== order.trackingNumber) {
    if (status !== 'shipped' && status !== 'delivered') {
      throw refuse('CONFLICT', OrderError, 'TRACKING_NEEDS_SHIPMENT');
    }
    result.trackingNumber = input.trackingNumber;
  }
  return result;
}

/** Makes the planned changes through the order's lifecycle, each on the customer's timeline. */
async function apply(
  services: Services,
  actor: Actor,
  order: Current,
  steps: Plan,
  reason: string,
): Promise<OrderChangeKind[]> {
  const { db } = services;
  const done: OrderChangeKind[] = [];
  if (steps.status === 'cancelled') {
    await cancelOrder(db, 'all', actor, order.id, reason);
    return ['cancelled'];
  }
  if (steps.promisedOn !== undefined) {
    await setPromisedDate(db, actor, order.id, steps.promisedOn);
    done.push('promise_changed');
  }
  let tracking = steps.trackingNumber;
  if (steps.status) {
    const withTracking = steps.status === 'shipped' ? tracking : undefined;
    await advanceOrder(db, actor, order.id, steps.status, withTracking);
    done.push(steps.status);
    if (withTracking) tracking = undefined;
  }
  if (tracking !== undefined) {
    await setTrackingNumber(db, actor, order.id, tracking);
    done.push('tracking_changed');
  }
  return done;
}

/**
 * Applies an ERP's order update: a new status, tracking number or promised day, as if staff had
 * made each change (the customer sees it on the order's timeline, open views hear of it, and a
 * shipment is mailed as usual). Answers the order as it is now and what changed.
 */
export async function updateOrder(
  services: Services,
  caller: InboundCaller,
  input: OrderUpdateInput,
): Promise<Record<string, unknown>> {
  const order = await services.db
    .selectFrom('order')
    .select(['id', 'accountId', 'status', 'trackingNumber', 'promisedOn'])
    .where('number', '=', input.orderNumber)
    .executeTakeFirst();
  if (!order) throw refuse('NOT_FOUND', InboundError, 'ORDER_NOT_FOUND');
  const actor: Actor = { id: null, name: caller.name, role: 'system' };
  const changes = await apply(services, actor, order, plan(order, input), input.reason ?? '');
  const now = await services.db
    .selectFrom('order')
    .select(['id', 'number', 'status', 'trackingNumber', 'promisedOn'])
    .where('id', '=', order.id)
    .executeTakeFirstOrThrow();
  if (changes.length > 0) {
    services.bus.publishOrder({
      orderId: order.id,
      accountId: order.accountId,
      type: 'changed',
      actorId: `inbound:${caller.keyId}`,
    });
    if (changes.includes('shipped')) {
      const detail = await findStaffOrder(services.db, order.id);
      if (detail) {
        services.background.run('order mail', () => mailAboutOrder(services, detail, 'shipped'));
      }
    }
  }
  return {
    orderId: now.id,
    orderNumber: now.number,
    status: now.status,
    trackingNumber: now.trackingNumber,
    promisedOn: now.promisedOn,
    changes,
  };
}
