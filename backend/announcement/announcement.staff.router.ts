import { z } from 'zod';
import { router, staffProcedure } from '../trpc.ts';
import type { Context } from '../context.ts';
import {
  announcementId,
  announcementInput,
  announcementUpdateInput,
} from './announcement.schema.ts';
import {
  createAnnouncement,
  endAnnouncement,
  listAnnouncements,
  updateAnnouncement,
  type Audience,
  type StaffAnnouncement,
} from './announcement.staff.queries.ts';

/** Tells the open banners the change concerns, and answers with the announcement. */
function published(ctx: Context, change: { item: StaffAnnouncement; audience: Audience }) {
  ctx.services.bus.publishAnnouncement({ accountIds: change.audience });
  return change.item;
}

/** Announcements as staff (agents and administrators) write them. */
export const staffAnnouncementRouter = router({
  list: staffProcedure.query(async ({ ctx }) => ({
    items: await listAnnouncements(ctx.services.db),
  })),

  create: staffProcedure.input(announcementInput).mutation(async ({ ctx, input }) => {
    const author = { id: ctx.session.userId, name: ctx.session.name };
    return published(ctx, await createAnnouncement(ctx.services.db, author, input));
  }),

  update: staffProcedure.input(announcementUpdateInput).mutation(async ({ ctx, input }) => {
    const { id, ...fields } = input;
    return published(ctx, await updateAnnouncement(ctx.services.db, id, fields));
  }),

  /** Ends it now; an ended one stays in the list as history. */
  end: staffProcedure
    .input(z.strictObject({ id: announcementId }))
    .mutation(async ({ ctx, input }) =>
      published(ctx, await endAnnouncement(ctx.services.db, input.id)),
    ),
});
