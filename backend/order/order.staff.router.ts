import { z } from 'zod';
import { tracked } from '@trpc/server';
import { staffProcedure, router } from '../trpc.ts';
import { addressSchema } from '../address/address.schema.ts';
import { refuse } from '../errors.ts';
import type { Context } from '../context.ts';
import { OrderError } from './order.errors.ts';
import { orderId, staffListInput } from './order.schema.ts';
import { findStaffOrder, listStaffOrders } from './order.staff.queries.ts';
import {
  advanceOrder,
  cancelOrder,
  changeOrderAddress,
  setPromisedDate,
  setTrackingNumber,
  type Actor,
} from './order.lifecycle.ts';
import { mailAboutOrder } from './order.mail.ts';
import type { SessionInfo } from '../session/session.cache.ts';

const staffActor = (session: SessionInfo): Actor => ({
  id: session.userId,
  name: session.name,
  role: 'staff',
});

const trackingNumber = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[\p{L}\p{N} ._/-]+$/u);

/** The order as staff see it (with who placed it and what staff may do now), or NOT_FOUND. */
async function staffOrder(ctx: Context, id: string) {
  const order = await findStaffOrder(ctx.services.db, id);
  if (!order) throw refuse('NOT_FOUND', OrderError, 'NOT_FOUND');
  return order;
}

/**
 * The order after a staff change, and word of it to every open order view but the changer's
 * own (and to the customer's timeline, which the change already wrote).
 */
async function changedOrder(ctx: Context & { session: SessionInfo }, id: string) {
  const order = await staffOrder(ctx, id);
  ctx.services.bus.publishOrder({
    orderId: id,
    accountId: order.accountId,
    type: 'changed',
    actorId: ctx.session.userId,
  });
  return order;
}

/** Every account's orders, for the vendor's staff; each change lands on the order's timeline. */
export const staffOrderRouter = router({
  list: staffProcedure
    .input(staffListInput)
    .query(({ ctx, input }) => listStaffOrders(ctx.services.db, input)),

  byId: staffProcedure
    .input(z.strictObject({ orderId }))
    .query(({ ctx, input }) => staffOrder(ctx, input.orderId)),

  advance: staffProcedure
    .input(
      z.strictObject({
        orderId,
        to: z.enum(['confirmed', 'shipped', 'delivered']),
        trackingNumber: trackingNumber.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { orderId: id, to } = input;
      await advanceOrder(ctx.services.db, staffActor(ctx.session), id, to, input.trackingNumber);
      const order = await changedOrder(ctx, id);
      if (to === 'shipped') {
        ctx.services.background.run('order mail', () =>
          mailAboutOrder(ctx.services, order, 'shipped'),
        );
      }
      return order;
    }),

  setTracking: staffProcedure
    .input(z.strictObject({ orderId, trackingNumber }))
    .mutation(async ({ ctx, input }) => {
      const actor = staffActor(ctx.session);
      await setTrackingNumber(ctx.services.db, actor, input.orderId, input.trackingNumber);
      return changedOrder(ctx, input.orderId);
    }),

  /** Promises delivery by a day (or takes the promise back); past it, the customer hears. */
  setPromise: staffProcedure
    .input(
      z.strictObject({
        orderId,
        promisedOn: z.iso.date('A date as YYYY-MM-DD.').nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const actor = staffActor(ctx.session);
      await setPromisedDate(ctx.services.db, actor, input.orderId, input.promisedOn);
      return changedOrder(ctx, input.orderId);
    }),

  changeAddress: staffProcedure
    .input(z.strictObject({ orderId, address: addressSchema }))
    .mutation(async ({ ctx, input }) => {
      const actor = staffActor(ctx.session);
      await changeOrderAddress(ctx.services.db, 'all', actor, input.orderId, input.address);
      return changedOrder(ctx, input.orderId);
    }),

  cancel: staffProcedure
    .input(z.strictObject({ orderId, reason: z.string().trim().max(500).default('') }))
    .mutation(async ({ ctx, input }) => {
      const actor = staffActor(ctx.session);
      await cancelOrder(ctx.services.db, 'all', actor, input.orderId, input.reason);
      return changedOrder(ctx, input.orderId);
    }),

  /**
   * Every order placed or changed, by customers and by staff, as it happens; a `sync` first
   * (and after each reconnect), after which whatever is on screen should be read again.
   */
  onUpdate: staffProcedure
    .input(z.strictObject({ lastEventId: z.string().max(100).nullish() }).optional())
    .subscription(async function* ({ ctx, signal }) {
      let sequence = 0;
      const id = () => `${Date.now().toString(36)}-${(sequence++).toString(36)}`;
      // Listen before the sync, so nothing that happens in between is missed.
      const changes = ctx.services.bus.orderChanges(signal);
      yield tracked(id(), { type: 'sync' as const, orderId: null, accountId: null, actorId: null });
      for await (const change of changes) {
        // A resync after missed signals names no order: the same shape as the first sync.
        const sync = change.type === 'sync';
        yield tracked(id(), {
          type: change.type,
          orderId: sync ? null : change.orderId,
          accountId: sync ? null : change.accountId,
          actorId: sync ? null : change.actorId,
        });
      }
    }),
});
