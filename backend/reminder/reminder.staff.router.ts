import { adminProcedure, router, staffProcedure } from '../trpc.ts';
import { readReminderRules, reminderRulesSchema, writeReminderRules } from './reminder.rules.ts';

/** The reminder rules: any staff member reads them, administrators change them. */
export const staffReminderRouter = router({
  rules: staffProcedure.query(({ ctx }) => readReminderRules(ctx.services.db)),

  /** Saves the whole set; the scheduler's next tick (within a minute) goes by it. */
  setRules: adminProcedure
    .input(reminderRulesSchema)
    .mutation(({ ctx, input }) => writeReminderRules(ctx.services.db, input)),
});
