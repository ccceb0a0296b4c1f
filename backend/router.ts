import { router } from './trpc.ts';
import { portalRouter, staffPortalRouter } from './portal/portal.router.ts';
import { sessionRouter } from './session/session.router.ts';
import { catalogRouter } from './catalog/catalog.router.ts';
import { addressRouter } from './address/address.router.ts';
import { orderRouter } from './order/order.router.ts';
import { staffOrderRouter } from './order/order.staff.router.ts';

export const appRouter = router({
  portal: portalRouter,
  session: sessionRouter,
  catalog: catalogRouter,
  address: addressRouter,
  order: orderRouter,
  staff: router({
    portal: staffPortalRouter,
    order: staffOrderRouter,
  }),
});

export type AppRouter = typeof appRouter;
