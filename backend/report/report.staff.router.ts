import { staffProcedure, router } from '../trpc.ts';
import { readReport } from './report.queries.ts';
import { periodInput, resolvePeriod } from './report.schema.ts';

/** Figures for the staff console's reports. */
export const staffReportRouter = router({
  /**
   * Tickets, response and resolution times, ratings, chats and orders over a period of UTC
   * days (`{}` is the last 30), per day and in sum. Reads only.
   */
  overview: staffProcedure
    .input(periodInput)
    .query(({ ctx, input }) => readReport(ctx.services.db, resolvePeriod(input))),
});
