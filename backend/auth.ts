import { betterAuth } from 'better-auth';
import { admin, emailOTP, organization, twoFactor } from 'better-auth/plugins';
import { adminAc, defaultAc, userAc } from 'better-auth/plugins/admin/access';
import type { Config } from './config.ts';
import type { Db, Engine } from './db/database.ts';
import type { Mailer } from './mail/mailer.ts';
import { passwordResetMail, verificationMail } from './mail/templates.ts';
import { ensureCustomerAccount } from './account/account.queries.ts';
import { STAFF_ROLES } from './session/roles.ts';
import { storedOrigins } from './settings/settings.origins.ts';
import { AUTH_RATE_LIMITS } from './auth.limits.ts';
import { securityCodeMail } from './mail/security.templates.ts';
import { hashedBackupCodes } from './security/second-factor.ts';
import type { Locale } from './i18n/locale.ts';
import { recipientLocale } from './i18n/request.ts';
import { recordFactorChange, securityPlugin } from './security/security.auth.ts';
import { recordSecurityEvent } from './security/security.events.ts';
import type { BackgroundTasks } from './http/background.ts';
import { authCookiePath, cookieAttributes } from './http/cookies.ts';

export interface AuthDeps {
  config: Config;
  db: Db;
  /** better-auth's own handle: `db` on SQLite, a pool with native times and flags on PostgreSQL. */
  authDb: Db;
  engine: Engine;
  mailer: Mailer;
  vendorName: () => string;
  /** The vendor's default language, from the cached portal settings: for mails. */
  defaultLocale: () => Locale;
  log: (line: string) => void;
  /** Mail sent after the answer, which a graceful stop waits for. */
  background: BackgroundTasks;
  /** Off only in tests that sign in many times from one address; the default is on. */
  rateLimit?: boolean;
  /** Empties the session cache of every instance, for sessions an endpoint ended itself. */
  sessionsEnded: () => void;
}

/** The header the server sets from the socket address; anything a client sends is replaced. */
export const CLIENT_IP_HEADER = 'x-portico-client-ip';

/**
 * `mailer`, with every send counted as background work: the security plugin sends its
 * new-device mail without waiting for it (and logs a failure itself), yet a graceful stop must.
 */
function trackedMailer(mailer: Mailer, background: BackgroundTasks): Mailer {
  return {
    send(mail) {
      const sending = mailer.send(mail);
      // The caller handles the failure; here it only counts.
      background.track(
        'security mail',
        sending.catch(() => {}),
      );
      return sending;
    },
    close: () => mailer.close(),
  };
}

export function createAuth(deps: AuthDeps) {
  const {
    config,
    db,
    authDb,
    engine,
    mailer,
    vendorName,
    defaultLocale,
    log,
    background,
    sessionsEnded,
  } = deps;
  const rateLimit = deps.rateLimit ?? true;
  /** The language of a mail to `recipient`, who may have asked for it by the request `headers`. */
  const mailLocale = (recipient: { userId: string } | { email: string }, headers?: Headers) =>
    recipientLocale(db, recipient, { headers, fallback: defaultLocale() });
  return betterAuth({
    appName: 'Portico',
    // With a path of its own: behind a vendor's proxy, links in mails carry the proxy's prefix.
    baseURL: `${config.publicUrl}/api/auth`,
    basePath: '/api/auth',
    secret: config.authSecret,
    // Per request: the environment's origins and those an administrator added in the console.
    trustedOrigins: async (request) =>
      request
        ? [...config.trustedOrigins, ...(await storedOrigins(db))]
        : [...config.trustedOrigins],
    database: { db: authDb, type: engine },
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }, request) => {
        const locale = await mailLocale({ userId: user.id }, request?.headers);
        const mail = { vendor: vendorName(), to: user.email, name: user.name, link: url, locale };
        await mailer.send(passwordResetMail(mail));
      },
      // The answer to a sign-up with a taken address looks like a new customer's.
      customSyntheticUser: ({ coreFields, additionalFields, id }) => ({
        ...coreFields,
        role: 'customer',
        ...additionalFields,
        id,
      }),
      onPasswordReset: async ({ user }) => {
        await recordSecurityEvent(db, user.id, 'password-reset');
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: 24 * 60 * 60,
      sendVerificationEmail: async ({ user, url }, request) => {
        const locale = await mailLocale({ userId: user.id }, request?.headers);
        const mail = { vendor: vendorName(), to: user.email, name: user.name, link: url, locale };
        await mailer.send(verificationMail(mail));
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
      // Shared by every instance on PostgreSQL (better-auth's own `rateLimit` table).
      storage: engine === 'postgres' ? 'database' : 'memory',
      window: 60,
      max: 200,
      customRules: AUTH_RATE_LIMITS,
    },
    advanced: {
      cookiePrefix: 'portico',
      useSecureCookies: config.publicUrl.startsWith('https:'),
      // Every cookie it sets (the session, the second step's, the trusted device's) alike:
      // partitioned in cross-site mode, under the proxy's path behind one.
      defaultCookieAttributes: cookieAttributes(config, authCookiePath(config)),
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // Mail goes out after the answer, so how long it takes never tells whether an account
      // exists. A graceful stop waits for it; a mail that fails is logged.
      backgroundTasks: {
        handler: (task) => background.track('sign-in service mail', task),
      },
    },
    logger: {
      level: config.production ? 'error' : 'warn',
      log: (level, message) => log(`auth ${level}: ${message}`),
    },
    plugins: [
      organization({ allowUserToCreateOrganization: false }),
      twoFactor({
        issuer: vendorName(),
        trustDeviceMaxAge: 30 * 24 * 60 * 60,
        otpOptions: {
          period: 5,
          sendOTP: async ({ user, otp }, ctx) => {
            const locale = await mailLocale({ userId: user.id }, ctx?.headers);
            await mailer.send(
              securityCodeMail(vendorName(), user.email, otp, 'second-factor', locale),
            );
          },
        },
        backupCodeOptions: { storeBackupCodes: hashedBackupCodes(config.authSecret) },
      }),
      // A code by mail instead of a password; only for people who already have an account.
      emailOTP({
        disableSignUp: true,
        otpLength: 6,
        expiresIn: 10 * 60,
        allowedAttempts: 5,
        sendVerificationOTP: async ({ email, otp, type }, ctx) => {
          if (type !== 'sign-in') return;
          const locale = await mailLocale({ email }, ctx?.headers);
          await mailer.send(securityCodeMail(vendorName(), email, otp, 'sign-in', locale));
        },
      }),
      // After the two-factor plugin, so a sign-in still waiting for its code is not counted.
      securityPlugin({
        db,
        config,
        mailer: trackedMailer(mailer, background),
        vendorName,
        defaultLocale,
        log,
        ipHeader: CLIENT_IP_HEADER,
        sessionsEnded,
      }),
      admin({
        defaultRole: 'customer',
        adminRoles: ['admin'],
        roles: { admin: adminAc, agent: defaultAc.newRole({ user: ['list'] }), customer: userAc },
      }),
    ],
    databaseHooks: {
      user: {
        update: {
          after: (user, context) => recordFactorChange(db, CLIENT_IP_HEADER, user, context),
        },
      },
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
