import { router } from '../trpc.ts';

/** The vendor's settings; every procedure here is admin-only. */
export const staffSettingsRouter = router({});
