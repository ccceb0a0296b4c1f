import { router } from './trpc.ts';
import { portalRouter, staffPortalRouter } from './portal/portal.router.ts';
import { sessionRouter } from './session/session.router.ts';

export const appRouter = router({
  portal: portalRouter,
  session: sessionRouter,
  staff: router({
    portal: staffPortalRouter,
  }),
});

export type AppRouter = typeof appRouter;
