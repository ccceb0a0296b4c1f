import { z } from 'zod';
import { staffProcedure, router } from '../trpc.ts';
import { addressSchema } from '../address/address.schema.ts';
import { listInput, orderId } from './order.schema.ts';
import { listOrders } from './order.queries.ts';
import {
  advanceOrder,
  cancelOrder,
  changeOrderAddress,
  setTrackingNumber,
  type Actor,
} from './order.lifecycle.ts';
import { mailAboutOrder } from './order.mail.ts';
import { orderOrNotFound } from './order.router.ts';
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

/** Every account's orders, for the vendor's staff; each change lands on the order's timeline. */
export const staffOrderRouter = router({
  list: staffProcedure
    .input(listInput.extend({ accountId: z.string().min(1).max(64).optional() }))
    .query(({ ctx, input }) => listOrders(ctx.services.db, 'all', input)),

  byId: staffProcedure
    .input(z.strictObject({ orderId }))
    .query(({ ctx, input }) => orderOrNotFound(ctx, 'all', input.orderId)),

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
      const order = await orderOrNotFound(ctx, 'all', id);
      if (to === 'shipped') void mailAboutOrder(ctx.services, order, 'shipped');
      return order;
    }),

  setTracking: staffProcedure
    .input(z.strictObject({ orderId, trackingNumber }))
    .mutation(async ({ ctx, input }) => {
      const actor = staffActor(ctx.session);
      await setTrackingNumber(ctx.services.db, actor, input.orderId, input.trackingNumber);
      return orderOrNotFound(ctx, 'all', input.orderId);
    }),

  changeAddress: staffProcedure
    .input(z.strictObject({ orderId, address: addressSchema }))
    .mutation(async ({ ctx, input }) => {
      const actor = staffActor(ctx.session);
      await changeOrderAddress(ctx.services.db, 'all', actor, input.orderId, input.address);
      return orderOrNotFound(ctx, 'all', input.orderId);
    }),

  cancel: staffProcedure
    .input(z.strictObject({ orderId, reason: z.string().trim().max(500).default('') }))
    .mutation(async ({ ctx, input }) => {
      const actor = staffActor(ctx.session);
      await cancelOrder(ctx.services.db, 'all', actor, input.orderId, input.reason);
      return orderOrNotFound(ctx, 'all', input.orderId);
    }),
});
