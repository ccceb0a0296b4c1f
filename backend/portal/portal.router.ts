import { adminProcedure, publicProcedure, router } from '../trpc.ts';
import { portalSettingsInput, publicPortalSettings } from './portal.schema.ts';
import { writePortalSettings } from './portal.queries.ts';

export const portalRouter = router({
  /** Public branding and languages: name, logo, colors, locales, ticket categories. */
  settings: publicProcedure.query(({ ctx }) => publicPortalSettings(ctx.services.portalSettings())),
});

export const staffPortalRouter = router({
  update: adminProcedure.input(portalSettingsInput).mutation(async ({ ctx, input }) => {
    await writePortalSettings(ctx.services.db, input);
    await ctx.services.reloadPortalSettings();
    return input;
  }),
});
