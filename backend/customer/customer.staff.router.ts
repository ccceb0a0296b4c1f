import { router } from '../trpc.ts';

/** Accounts and people, for the staff console's customer view. */
export const staffCustomerRouter = router({});
