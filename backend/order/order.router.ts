import { z } from 'zod';
import type { Context } from '../context.ts';
import type { SessionInfo } from '../session/session.cache.ts';
import { customerProcedure, router } from '../trpc.ts';
import { refuse } from '../errors.ts';
import { addressSchema } from '../address/address.schema.ts';
import { LOCALES } from '../portal/portal.schema.ts';
import { OrderError, LineProblem } from './order.errors.ts';
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

export const localeOf = (ctx: Context, locale: string | undefined) =>
  locale ?? ctx.services.portalSettings().defaultLocale;

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
        localeOf(ctx, input.locale),
        ctx.services.portalSettings().currency,
      ),
    ),

  place: customerProcedure.input(placeInput).mutation(async ({ ctx, input }) => {
    const placed = await placeOrder(
      ctx.services.db,
      ctx.account.accountId,
      customerActor(ctx.session),
      input,
      { locale: localeOf(ctx, input.locale), currency: ctx.services.portalSettings().currency },
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

  /**
   * An earlier order's items as a new cart at today's prices: what is sold out or no longer sold
   * is listed apart, and quantities are cut to what is in stock.
   */
  reorder: customerProcedure
    .input(z.strictObject({ orderId, locale: z.enum(LOCALES).optional() }))
    .mutation(async ({ ctx, input }) => {
      const order = await orderOrNotFound(ctx, ctx.account, input.orderId);
      const products = await loadPricedProducts(
        ctx.services.db,
        order.lines.flatMap((line) => (line.productId ? [line.productId] : [])),
        localeOf(ctx, input.locale),
      );
      const items = [];
      const skipped = [];
      for (const line of order.lines) {
        const product = line.productId ? products.get(line.productId) : undefined;
        if (!product?.active) {
          skipped.push({ sku: line.sku, name: line.name, reason: 'UNAVAILABLE' as const });
          continue;
        }
        if (product.stock === 0) {
          skipped.push({ sku: line.sku, name: product.name, reason: 'OUT_OF_STOCK' as const });
          continue;
        }
        const { active: _active, ...item } = product;
        const quantity =
          product.stock === null ? line.quantity : Math.min(line.quantity, product.stock);
        items.push({ ...item, productId: product.id, quantity, requestedQuantity: line.quantity });
      }
      return {
        items,
        skipped: skipped.map((entry) => ({ ...entry, message: LineProblem[entry.reason] })),
      };
    }),
});
