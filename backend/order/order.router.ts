import { z } from 'zod';
import { contentLocaleOf, type Context } from '../context.ts';
import type { SessionInfo } from '../session/session.cache.ts';
import { buyerProcedure, customerProcedure, router } from '../trpc.ts';
import { mayOrder } from '../account/account.roles.ts';
import { refuse } from '../errors.ts';
import { limited } from '../rate-limit.ts';
import { addressSchema } from '../address/address.schema.ts';
import { LOCALES } from '../portal/portal.schema.ts';
import { OrderError } from './order.errors.ts';
import { cartAgain } from './order.pricing.ts';
import { listInput, orderId, orderNumber, placeInput, quoteInput } from './order.schema.ts';
import { findOrder, findOrderId, listOrders, type OrderScope } from './order.queries.ts';
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
  // A viewer of a company account sees the order but none of the actions that change it.
  const role = ctx.session?.account?.role;
  if (scope !== 'all' && role !== undefined && !mayOrder(role)) {
    return { ...order, can: { changeAddress: false, cancel: false, reorder: false } };
  }
  return order;
}

const byId = z.strictObject({ orderId });
/** Whether this account already placed an order under the key: its retry is not counted. */
async function placedBefore(ctx: Context & { account: { accountId: string } }, key: string) {
  const earlier = await ctx.services.db
    .selectFrom('order')
    .select('id')
    .where('accountId', '=', ctx.account.accountId)
    .where('idempotencyKey', '=', key)
    .executeTakeFirst();
  return earlier !== undefined;
}
const placing = buyerProcedure.use(limited('order.place', placedBefore));

/** Tells the staff's open order views that one of the customer's orders changed. */
function changed(
  ctx: Context & { session: { userId: string } },
  accountId: string,
  orderId: string,
) {
  ctx.services.bus.publishOrder({
    orderId,
    accountId,
    type: 'changed',
    actorId: ctx.session.userId,
  });
}

export const orderRouter = router({
  /** Prices a cart on the server: what `place` would charge now, and what cannot be had. */
  quote: buyerProcedure
    .input(quoteInput)
    .query(({ ctx, input }) =>
      quoteCart(
        ctx.services.db,
        input,
        contentLocaleOf(ctx, input.locale),
        ctx.services.portalSettings().currency,
      ),
    ),

  place: placing.input(placeInput).mutation(async ({ ctx, input }) => {
    const placed = await placeOrder(
      ctx.services.db,
      ctx.account.accountId,
      customerActor(ctx.session),
      input,
      {
        locale: contentLocaleOf(ctx, input.locale),
        currency: ctx.services.portalSettings().currency,
      },
    );
    const order = await orderOrNotFound(ctx, ctx.account, placed.orderId);
    if (!placed.replayed) {
      ctx.services.background.run('order mail', () =>
        mailAboutOrder(ctx.services, order, 'placed', ctx.http?.headers),
      );
      ctx.services.bus.publishOrder({
        orderId: placed.orderId,
        accountId: ctx.account.accountId,
        type: 'placed',
        actorId: ctx.session.userId,
      });
    }
    return { ...placed, order };
  }),

  list: customerProcedure
    .input(listInput)
    .query(({ ctx, input }) => listOrders(ctx.services.db, ctx.account, input)),

  byId: customerProcedure
    .input(byId)
    .query(({ ctx, input }) => orderOrNotFound(ctx, ctx.account, input.orderId)),

  /** The same as `byId`, by the number people read on a confirmation or say on the phone. */
  byNumber: customerProcedure
    .input(z.strictObject({ number: orderNumber }))
    .query(async ({ ctx, input }) => {
      const id = await findOrderId(ctx.services.db, ctx.account, input.number);
      if (!id) throw refuse('NOT_FOUND', OrderError, 'NOT_FOUND');
      return orderOrNotFound(ctx, ctx.account, id);
    }),

  changeAddress: buyerProcedure
    .input(z.strictObject({ orderId, address: addressSchema }))
    .mutation(async ({ ctx, input }) => {
      const actor = customerActor(ctx.session);
      await changeOrderAddress(ctx.services.db, ctx.account, actor, input.orderId, input.address);
      changed(ctx, ctx.account.accountId, input.orderId);
      return orderOrNotFound(ctx, ctx.account, input.orderId);
    }),

  cancel: buyerProcedure
    .input(z.strictObject({ orderId, reason: z.string().trim().max(500).default('') }))
    .mutation(async ({ ctx, input }) => {
      const actor = customerActor(ctx.session);
      await cancelOrder(ctx.services.db, ctx.account, actor, input.orderId, input.reason);
      changed(ctx, ctx.account.accountId, input.orderId);
      return orderOrNotFound(ctx, ctx.account, input.orderId);
    }),

  /** An earlier order's items as a new cart at today's prices (see `cartAgain`). */
  reorder: buyerProcedure
    .input(z.strictObject({ orderId, locale: z.enum(LOCALES).optional() }))
    .mutation(async ({ ctx, input }) => {
      const order = await orderOrNotFound(ctx, ctx.account, input.orderId);
      const products = await loadPricedProducts(
        ctx.services.db,
        order.lines.flatMap((line) => (line.productId ? [line.productId] : [])),
        contentLocaleOf(ctx, input.locale),
      );
      return cartAgain(products, order.lines, ctx.services.portalSettings().currency);
    }),
});
