import { betterAuth } from 'better-auth';
import { admin, organization } from 'better-auth/plugins';
import { adminAc, defaultAc, userAc } from 'better-auth/plugins/admin/access';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { Mailer } from './mail/mailer.ts';
import { passwordResetMail, verificationMail } from './mail/templates.ts';
import { ensureCustomerAccount } from './account/account.queries.ts';
import { STAFF_ROLES } from './session/roles.ts';
import { storedOrigins } from './settings/settings.origins.ts';

export interface AuthDeps {
  config: Config;
  db: Db;
  mailer: Mailer;
  vendorName: () => string;
  log: (line: string) => void;
  /** Off only in tests that sign in many times from one address; the default is on. */
  rateLimit?: boolean;
}

/** The header the server sets from the socket address; anything a client sends is replaced. */
export const CLIENT_IP_HEADER = 'x-portico-client-ip';

export function createAuth({ config, db, mailer, vendorName, log, rateLimit = true }: AuthDeps) {
  return betterAuth({
    appName: 'Portico',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.authSecret,
    // Per request: the environment's origins and those an administrator added in the console.
    trustedOrigins: async (request) =>
      request
        ? [...config.trustedOrigins, ...(await storedOrigins(db))]
        : [...config.trustedOrigins],
    database: { db, type: 'sqlite' },
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }) => {
        await mailer.send(passwordResetMail(vendorName(), user.email, user.name, url));
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: 24 * 60 * 60,
      sendVerificationEmail: async ({ user, url }) => {
        await mailer.send(verificationMail(vendorName(), user.email, user.name, url));
      },
    },
    user: {
      // The new address is confirmed by a link mailed to it before it replaces the old one.
      changeEmail: { enabled: true },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: {
      enabled: rateLimit,
      storage: 'memory',
      window: 60,
      max: 200,
      customRules: {
        '/sign-in/*': { window: 60, max: 10 },
        '/sign-up/*': { window: 60, max: 5 },
      },
    },
    advanced: {
      cookiePrefix: 'portico',
      useSecureCookies: config.publicUrl.startsWith('https:'),
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    logger: {
      level: config.production ? 'error' : 'warn',
      log: (level, message) => log(`auth ${level}: ${message}`),
    },
    plugins: [
      organization({ allowUserToCreateOrganization: false }),
      admin({
        defaultRole: 'customer',
        adminRoles: ['admin'],
        roles: { admin: adminAc, agent: defaultAc.newRole({ user: ['list'] }), customer: userAc },
      }),
    ],
    databaseHooks: {
      session: {
        create: {
          // Every customer session works inside one customer account: the person's own, made on
          // first sign-in, or the company account they belong to. Staff sessions have none.
          before: async (session) => {
            const user = await db
              .selectFrom('user')
              .select(['id', 'name', 'role'])
              .where('id', '=', session.userId)
              .executeTakeFirstOrThrow();
            if (STAFF_ROLES.has(user.role ?? '')) return { data: session };
            const accountId = await ensureCustomerAccount(db, user);
            return { data: { ...session, activeOrganizationId: accountId } };
          },
        },
      },
    },
  });
}

export type PorticoAuth = ReturnType<typeof createAuth>;
