import { router } from '../trpc.ts';

/** Figures for the staff console's reports. */
export const staffReportRouter = router({});
