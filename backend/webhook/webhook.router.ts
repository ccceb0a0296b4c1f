import { z } from 'zod';
import { adminProcedure, router } from '../trpc.ts';
import {
  createEndpointInput,
  deliveriesInput,
  endpointId,
  updateEndpointInput,
} from './webhook.schema.ts';
import {
  createEndpoint,
  listDeliveries,
  listEndpoints,
  removeEndpoint,
  replayDelivery,
  rotateSecret,
  updateEndpoint,
} from './webhook.queries.ts';
import { refuseUnlessAllowed } from './webhook.address.ts';

const byId = z.strictObject({ id: endpointId });

/**
 * The vendor's webhook endpoints and what was sent to them; administrators only, since an
 * endpoint receives every customer's data for the events it asked for.
 */
export const staffWebhookRouter = router({
  list: adminProcedure.query(({ ctx }) => listEndpoints(ctx.services.db)),

  /** The secret is in this answer only; it cannot be read again, only rotated. */
  create: adminProcedure.input(createEndpointInput).mutation(({ ctx, input }) => {
    refuseUnlessAllowed(input.url, ctx.services.config.production);
    return createEndpoint(ctx.services.db, input, ctx.session.name);
  }),

  update: adminProcedure.input(updateEndpointInput).mutation(({ ctx, input }) => {
    refuseUnlessAllowed(input.url, ctx.services.config.production);
    return updateEndpoint(ctx.services.db, input);
  }),

  rotateSecret: adminProcedure
    .input(byId)
    .mutation(({ ctx, input }) => rotateSecret(ctx.services.db, input.id)),

  remove: adminProcedure
    .input(byId)
    .mutation(({ ctx, input }) => removeEndpoint(ctx.services.db, input.id)),

  deliveries: adminProcedure
    .input(deliveriesInput)
    .query(({ ctx, input }) => listDeliveries(ctx.services.db, input)),

  replay: adminProcedure
    .input(z.strictObject({ deliveryId: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      const delivery = await replayDelivery(ctx.services.db, input.deliveryId);
      ctx.services.webhooks.wake();
      return delivery;
    }),
});
