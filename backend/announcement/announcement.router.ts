import { z } from 'zod';
import { customerProcedure, publicProcedure, router } from '../trpc.ts';
import type { Context } from '../context.ts';
import { currentAnnouncements, dismissAnnouncement, type Viewer } from './announcement.queries.ts';
import { announcementId } from './announcement.schema.ts';
import { announcementChanges } from './announcement.stream.ts';

/** A customer sees their account's announcements too; the signed out and staff, the public ones. */
function viewerOf(ctx: Context): Viewer {
  const account = ctx.session?.account;
  return account
    ? { userId: ctx.session!.userId, accountId: account.accountId }
    : { userId: null, accountId: null };
}

/** The banner: what staff announced for everyone, or for the customer's account. */
export const announcementRouter = router({
  /**
   * Showing now, outages first, without those this person dismissed; `nextChangeAt` is when one
   * of them starts or ends next by the clock (null: nothing is planned).
   */
  current: publicProcedure.query(({ ctx }) => currentAnnouncements(ctx.services.db, viewerOf(ctx))),

  /** Hides it for this person on every device (each of their open pages hears a change). */
  dismiss: customerProcedure
    .input(z.strictObject({ id: announcementId }))
    .mutation(async ({ ctx, input }) => {
      const { accountId } = ctx.account;
      await dismissAnnouncement(
        ctx.services.db,
        { userId: ctx.session.userId, accountId },
        input.id,
      );
      ctx.services.bus.publishAnnouncement({ accountIds: [accountId] });
      return { ok: true as const };
    }),

  onChange: publicProcedure
    .input(z.strictObject({ lastEventId: z.string().max(100).nullish() }).optional())
    .subscription(({ ctx, signal }) => announcementChanges(ctx, viewerOf(ctx), signal)),
});
