import { z } from 'zod';
import { buyerProcedure, customerProcedure, router } from '../trpc.ts';
import { refuse } from '../errors.ts';
import { addressSchema } from './address.schema.ts';
import { AddressError } from './address.errors.ts';
import { listAddresses, removeAddress, saveAddress } from './address.queries.ts';

const idSchema = z.string().min(1).max(64);

/** The customer account's address book; the default is offered first when ordering. */
export const addressRouter = router({
  list: customerProcedure.query(({ ctx }) => listAddresses(ctx.services.db, ctx.account.accountId)),

  save: buyerProcedure
    .input(
      z.strictObject({
        id: idSchema.optional(),
        label: z.string().trim().max(60).default(''),
        isDefault: z.boolean().default(false),
        address: addressSchema,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const saved = await saveAddress(ctx.services.db, ctx.account.accountId, input);
      if (saved === 'NOT_FOUND') throw refuse('NOT_FOUND', AddressError, 'NOT_FOUND');
      if (saved === 'TOO_MANY') throw refuse('CONFLICT', AddressError, 'TOO_MANY');
      return saved;
    }),

  remove: buyerProcedure
    .input(z.strictObject({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      const removed = await removeAddress(ctx.services.db, ctx.account.accountId, input.id);
      if (!removed) throw refuse('NOT_FOUND', AddressError, 'NOT_FOUND');
      return { id: input.id };
    }),
});
