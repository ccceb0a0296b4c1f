import { z } from 'zod';
import { router, staffProcedure } from '../trpc.ts';
import { refuse } from '../errors.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';
import { isUniqueViolation } from '../db/constraint.ts';
import { cannedInput } from './ticket.schema.ts';
import { TicketError } from './ticket.errors.ts';

const id = z.string().min(1).max(64);

/** Replies staff keep ready for questions that come up again and again. */
export const cannedRouter = router({
  list: staffProcedure.query(({ ctx }) =>
    ctx.services.db
      .selectFrom('cannedReply')
      .select(['id', 'title', 'body', 'updatedAt'])
      .orderBy('title')
      .execute(),
  ),

  /** Creates a saved reply, or changes the one with `id`. */
  save: staffProcedure
    .input(cannedInput.extend({ id: id.optional() }))
    .mutation(async ({ ctx, input }) => {
      const row = {
        title: input.title,
        body: input.body,
        updatedBy: ctx.session.userId,
        updatedAt: timestamp(),
      };
      try {
        if (input.id) {
          const result = await ctx.services.db
            .updateTable('cannedReply')
            .set(row)
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) === 0) {
            throw refuse('NOT_FOUND', TicketError, 'CANNED_NOT_FOUND');
          }
          return { id: input.id, ...row };
        }
        const created = { id: newId(), ...row };
        await ctx.services.db.insertInto('cannedReply').values(created).execute();
        return created;
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse('CONFLICT', TicketError, 'CANNED_TAKEN');
        throw error;
      }
    }),

  remove: staffProcedure.input(z.strictObject({ id })).mutation(async ({ ctx, input }) => {
    const result = await ctx.services.db
      .deleteFrom('cannedReply')
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) {
      throw refuse('NOT_FOUND', TicketError, 'CANNED_NOT_FOUND');
    }
    return { id: input.id };
  }),
});
