import type { BetterAuthPlugin, User } from 'better-auth';
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import { deleteSessionCookie } from 'better-auth/cookies';
import type { Db } from '../db/database.ts';
import type { Mailer } from '../mail/mailer.ts';
import { newDeviceMail } from '../mail/security.templates.ts';
import type { Locale } from '../i18n/locale.ts';
import { recipientLocale } from '../i18n/request.ts';
import { hashBackupCode, secondFactorRequiredBy } from './second-factor.ts';
import {
  eventOrigin,
  recordSecurityEvent,
  recordSignIn,
  type EventOrigin,
} from './security.events.ts';
import { handoffEndpoint, type HandoffDeps } from './handoff.ts';
import { endPreviousSession } from './security.sessions.ts';

export interface SecurityDeps extends HandoffDeps {
  mailer: Mailer;
  vendorName: () => string;
  /** The vendor's default language, from the cached portal settings. */
  defaultLocale: () => Locale;
  /** The header the server fills with the socket address. */
  ipHeader: string;
  log: (line: string) => void;
}

/** The answer to a sign-in by emailed code for someone whose account uses security codes. */
export const SECOND_FACTOR_REQUIRED = {
  code: 'SECOND_FACTOR_REQUIRED',
  message:
    'Your account uses security codes: sign in with your password, then enter a security code.',
};

const CANNOT_TURN_OFF = {
  code: 'SECOND_FACTOR_REQUIRED',
  message: 'Security codes are required for you, so they cannot be turned off.',
};

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

const SIGN_IN_PATHS = new Set(['/sign-in/email', '/verify-email']);
const SECOND_STEP_PATHS = new Set([
  '/two-factor/verify-totp',
  '/two-factor/verify-otp',
  '/two-factor/verify-backup-code',
]);

/** Whether the request finishes a sign-in (it carries the pending second step's cookie). */
const midSignIn = (ctx: { headers?: Headers | undefined }) =>
  /(^|;\s*)[\w.-]*two_factor=/.test(ctx.headers?.get('cookie') ?? '');

const originOf = (ctx: { headers?: Headers | undefined }, ipHeader: string): EventOrigin =>
  eventOrigin(ctx.headers?.get(ipHeader), ctx.headers);

/**
 * Portico's security rules on top of better-auth: backup codes compared as hashes, no sign-in by
 * emailed code alone for someone with a second factor, the old session of a browser ended when
 * it signs in again, every security event recorded for the person to see (with a mail for a new
 * device), and the vendor's sign-in hand-off.
 */
export function securityPlugin(deps: SecurityDeps): BetterAuthPlugin {
  const { db, ipHeader } = deps;

  async function signedIn(ctx: HookContext, user: User, kind: 'sign-in' | 'sign-in-code') {
    const origin = originOf(ctx, ipHeader);
    const newDevice = await recordSignIn(db, user.id, kind, origin);
    if (newDevice) {
      // After the answer: a mail server that is slow or down never holds up or breaks a sign-in.
      const locale = await recipientLocale(
        db,
        { userId: user.id },
        { headers: ctx.headers, fallback: deps.defaultLocale() },
      );
      const mail = newDeviceMail(deps.vendorName(), user.email, user.name, origin, locale);
      void deps.mailer.send(mail).catch((error: unknown) => {
        deps.log(`user ${user.id}: the new-device mail was not sent: ${String(error)}`);
      });
    }
    await endPreviousSession(ctx);
  }

  const after = createAuthMiddleware(async (ctx) => {
    if (ctx.context.returned instanceof APIError) return;
    const path = ctx.path ?? '';
    const created = ctx.context.newSession;
    const session = ctx.context.session;
    // Deny by default: a session for someone with security codes comes only from the password
    // step (which the two-factor plugin holds back until the code, unless the device is trusted)
    // or from the two-factor endpoints themselves. Any other way in is ended at once.
    if (
      created &&
      (created.user as User & { twoFactorEnabled?: boolean }).twoFactorEnabled &&
      path !== '/sign-in/email' &&
      !path.startsWith('/two-factor/')
    ) {
      await ctx.context.internalAdapter.deleteSession(created.session.token);
      deleteSessionCookie(ctx);
      throw new APIError('FORBIDDEN', SECOND_FACTOR_REQUIRED);
    }
    if (path === '/sign-in/email-otp' && created) {
      await signedIn(ctx, created.user, 'sign-in-code');
    } else if (SIGN_IN_PATHS.has(path) && created) {
      await signedIn(ctx, created.user, 'sign-in');
    } else if (path === '/sign-in/email' && !created) {
      // The password was right and the code is still to come: the old session ends already.
      await endPreviousSession(ctx);
    } else if (SECOND_STEP_PATHS.has(path) && created && midSignIn(ctx)) {
      if (path === '/two-factor/verify-backup-code') {
        await recordSecurityEvent(db, created.user.id, 'backup-code-used', originOf(ctx, ipHeader));
      }
      await signedIn(ctx, created.user, 'sign-in');
    } else if (path === '/two-factor/generate-backup-codes' && session) {
      await recordSecurityEvent(db, session.user.id, 'backup-codes-new', originOf(ctx, ipHeader));
    } else if (path === '/change-password' && session) {
      await recordSecurityEvent(db, session.user.id, 'password-changed', originOf(ctx, ipHeader));
    } else if ((path === '/revoke-sessions' || path === '/revoke-other-sessions') && session) {
      await recordSecurityEvent(
        db,
        session.user.id,
        'signed-out-everywhere',
        originOf(ctx, ipHeader),
      );
    }
  });

  return {
    id: 'portico-security',
    endpoints: { portalHandoff: handoffEndpoint(deps, ipHeader) },
    hooks: {
      before: [
        {
          // Security codes someone must use cannot be turned off by them.
          matcher: (ctx) => ctx.path === '/two-factor/disable',
          handler: createAuthMiddleware(async (ctx) => {
            const current = await getSessionFromCtx(ctx);
            if (!current) return;
            const role = (current.user as User & { role?: string | null }).role ?? 'customer';
            const accountId =
              (current.session as { activeOrganizationId?: string | null }).activeOrganizationId ??
              null;
            if (await secondFactorRequiredBy(db, role, accountId)) {
              throw new APIError('FORBIDDEN', CANNOT_TURN_OFF);
            }
          }),
        },
        {
          // A code by mail is sent only to sign in (see server.ts for the paths that are shut).
          matcher: (ctx) => ctx.path === '/email-otp/send-verification-otp',
          handler: createAuthMiddleware(async (ctx) => {
            const body = ctx.body as { type?: unknown } | undefined;
            if (body?.type !== 'sign-in') {
              throw new APIError('BAD_REQUEST', {
                code: 'SIGN_IN_CODES_ONLY',
                message: 'Codes by mail are only sent to sign in.',
              });
            }
          }),
        },
        {
          matcher: (ctx) => ctx.path === '/two-factor/verify-backup-code',
          handler: createAuthMiddleware(async (ctx) => {
            const body = ctx.body as { code?: unknown } | undefined;
            if (typeof body?.code !== 'string') return;
            return {
              context: {
                body: { ...body, code: hashBackupCode(deps.config.authSecret, body.code) },
              },
            };
          }),
        },
      ],
      after: [{ matcher: () => true, handler: after }],
    },
  };
}

/**
 * Called by better-auth after a user row changes: a second factor turned on or off is a
 * security event. (The two-factor plugin only writes `twoFactorEnabled` when it changes.)
 */
export async function recordFactorChange(
  db: Db,
  ipHeader: string,
  user: User & Record<string, unknown>,
  ctx: { path?: string; headers?: Headers | undefined } | null,
): Promise<void> {
  const path = ctx?.path ?? '';
  if (!path.startsWith('/two-factor/')) return;
  const origin = ctx ? originOf(ctx, ipHeader) : undefined;
  if (path === '/two-factor/disable') {
    await recordSecurityEvent(db, user.id, 'second-factor-off', origin);
  } else if (user.twoFactorEnabled) {
    await recordSecurityEvent(db, user.id, 'second-factor-on', origin);
  }
}
