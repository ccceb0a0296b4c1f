import { z } from 'zod';
import { adminProcedure, router } from '../trpc.ts';
import { readPortalSettings } from '../portal/portal.queries.ts';
import { sendTestMail } from './settings.mail.ts';
import {
  changeStoredOrigins,
  embedOriginSchema,
  normalOrigin,
  storedOrigins,
} from './settings.origins.ts';
import {
  addStaff,
  addStaffInput,
  listStaff,
  removeStaff,
  setStaffRole,
  staffRoleSchema,
  userIdSchema,
} from './settings.people.ts';

const originInput = z.strictObject({ origin: embedOriginSchema });

/** Staff users and their roles; an administrator cannot demote or remove themselves. */
const peopleRouter = router({
  list: adminProcedure.query(({ ctx }) => listStaff(ctx.services.db, ctx.session.userId)),

  /** Adds a staff member, who gets a mail with a link to choose a password. */
  add: adminProcedure
    .input(addStaffInput)
    .mutation(({ ctx, input }) => addStaff(ctx.services, ctx.session.name, input)),

  setRole: adminProcedure
    .input(z.strictObject({ userId: userIdSchema, role: staffRoleSchema }))
    .mutation(async ({ ctx, input }) => {
      await setStaffRole(ctx.services, ctx.session.userId, input.userId, input.role);
      return { id: input.userId, role: input.role };
    }),

  /** Ends someone's staff access: no sign-in, no sessions, off every list of agents. */
  remove: adminProcedure
    .input(z.strictObject({ userId: userIdSchema }))
    .mutation(async ({ ctx, input }) => {
      await removeStaff(ctx.services, ctx.session.userId, input.userId);
      return { id: input.userId };
    }),
});

/** The vendor's settings; every procedure here is admin-only. */
export const staffSettingsRouter = router({
  /**
   * Everything an administrator may change, the non-public settings included, with the origins
   * trusted to embed the portal (the environment's, which only the server's setting changes,
   * and those added here) and whether mail goes to an SMTP server. Portal settings are saved
   * with `staff.portal.update`.
   */
  get: adminProcedure.query(async ({ ctx }) => {
    const { config, db } = ctx.services;
    const [portal, stored] = await Promise.all([readPortalSettings(db), storedOrigins(db)]);
    return {
      portal,
      origins: { environment: [...config.trustedOrigins], stored: [...stored] },
      mail: { smtp: Boolean(config.smtpUrl), from: config.mailFrom },
    };
  }),

  /** Trusts one more origin to embed the portal, from the next request on. */
  addOrigin: adminProcedure.input(originInput).mutation(async ({ ctx, input }) => {
    const { config, db } = ctx.services;
    const stored = await changeStoredOrigins(db, config.trustedOrigins, { add: input.origin });
    return { stored: [...stored] };
  }),

  removeOrigin: adminProcedure
    .input(z.strictObject({ origin: z.string().trim().min(1).max(300) }))
    .mutation(async ({ ctx, input }) => {
      const { config, db } = ctx.services;
      const stored = await changeStoredOrigins(db, config.trustedOrigins, {
        remove: normalOrigin(input.origin),
      });
      return { stored: [...stored] };
    }),

  people: peopleRouter,

  /** Sends a test mail to the signed-in administrator; answers the SMTP server's error in words. */
  testMail: adminProcedure
    .input(z.strictObject({}).optional())
    .mutation(({ ctx }) => sendTestMail(ctx.services, ctx.session.email)),
});
