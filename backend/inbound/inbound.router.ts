import { z } from 'zod';
import { adminProcedure, router } from '../trpc.ts';
import { createKey, listKeys, revokeKey } from './inbound.keys.ts';

/** The keys the vendor's ERP calls the inbound API with; administrators only. */
export const staffInboundRouter = router({
  keys: adminProcedure.query(({ ctx }) => listKeys(ctx.services.db)),

  /** The key is in this answer only; Portico keeps its hash. */
  createKey: adminProcedure
    .input(z.strictObject({ name: z.string().trim().min(1, 'Name the key.').max(60) }))
    .mutation(({ ctx, input }) => createKey(ctx.services.db, input.name, ctx.session.name)),

  revokeKey: adminProcedure
    .input(z.strictObject({ id: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => revokeKey(ctx.services.db, input.id)),
});
