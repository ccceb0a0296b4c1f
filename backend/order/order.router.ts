import { z } from 'zod';
import { requestLocale, type Context } from '../context.ts';
import type { SessionInfo } from '../session/session.cache.ts';
import { customerProcedure, router } from '../trpc.ts';
import { refuse } from '../errors.ts';
import { addressSchema } from '../address/address.schema.ts';
import { LOCALES } from '../portal/portal.schema.ts';
import { OrderError } from './order.errors.ts';
import { cartAgain } from './order.pricing.ts';
import { listInput, orderId, placeInput, quoteInput } from './order.schema.ts';
import { findOrder, listOrders, type OrderScope } from './order.queries.ts';
import { loadPricedProducts, placeOrder, quoteCart } from './order.place.ts';
import { cancelOrder, changeOrderAddress, type Actor } from './order.lifecycle.ts';
import { mailAboutOrder } from './order.mail.ts';

export const customerActor = (session: SessionInfo): Actor => ({
  id: session.userId,
  name: session.name,
  role: 'customer',
});

/** The order in scope, or NOT_FOUND: another account's order looks exactly like a missing one. */
export async function orderOrNotFound(ctx: Context, scope: OrderScope, id: string) {
  const order = await findOrder(ctx.services.db, scope, id);
  if (!order) throw refuse('NOT_FOUND', OrderError, 'NOT_FOUND');
  return order;
}

const byId = z.strictObject({ orderId });

export const orderRouter = router({
  /** Prices a cart on the server: what `place` would charge now, and what cannot be had. */
  quote: customerProcedure
    .input(quoteInput)
    .query(({ ctx, input }) =>
      quoteCart(
        ctx.services.db,
        input,
        requestLocale(ctx, input.locale),
        ctx.services.portalSettings().currency,
      ),
    ),

  place: customerProcedure.input(placeInput).mutation(async ({ ctx, input }) => {
    const placed = await placeOrder(
      ctx.services.db,
      ctx.account.accountId,
      customerActor(ctx.session),
      input,
      {
        locale: requestLocale(ctx, input.locale),
        currency: ctx.services.portalSettings().currency,
      },
    );
    const order = await orderOrNotFound(ctx, ctx.account, placed.orderId);
    if (!placed.replayed) void mailAboutOrder(ctx.services, order, 'placed');
    return { ...placed, order };
  }),

  list: customerProcedure
    .input(listInput)
    .query(({ ctx, input }) => listOrders(ctx.services.db, ctx.account, input)),

  byId: customerProcedure
    .input(byId)
    .query(({ ctx, input }) => orderOrNotFound(ctx, ctx.account, input.orderId)),

  changeAddress: customerProcedure
    .input(z.strictObject({ orderId, address: addressSchema }))
    .mutation(async ({ ctx, input }) => {
      const actor = customerActor(ctx.session);
      await changeOrderAddress(ctx.services.db, ctx.account, actor, input.orderId, input.address);
      return orderOrNotFound(ctx, ctx.account, input.orderId);
    }),

  cancel: customerProcedure
    .input(z.strictObject({ orderId, reason: z.string().trim().max(500).default('') }))
    .mutation(async ({ ctx, input }) => {
      const actor = customerActor(ctx.session);
      await cancelOrder(ctx.services.db, ctx.account, actor, input.orderId, input.reason);
      return orderOrNotFound(ctx, ctx.account, input.orderId);
    }),

  /** An earlier order's items as a new cart at today's prices (see `cartAgain`). */
  reorder: customerProcedure
    .input(z.strictObject({ orderId, locale: z.enum(LOCALES).optional() }))
    .mutation(async ({ ctx, input }) => {
      const order = await orderOrNotFound(ctx, ctx.account, input.orderId);
      const products = await loadPricedProducts(
        ctx.services.db,
        order.lines.flatMap((line) => (line.productId ? [line.productId] : [])),
        requestLocale(ctx, input.locale),
      );
      return cartAgain(products, order.lines, ctx.services.portalSettings().currency);
    }),
});
