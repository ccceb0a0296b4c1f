import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import { APIError, createAuthEndpoint } from 'better-auth/api';
import { setSessionCookie } from 'better-auth/cookies';
import type { User } from 'better-auth';
import type { PorticoAuth } from '../auth.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { timestamp } from '../db/clock.ts';
import { isStaffRole } from '../session/roles.ts';
import { eventOrigin, recordSignIn } from './security.events.ts';
import { endPreviousSession } from './security.sessions.ts';

export interface HandoffDeps {
  db: Db;
  config: Config;
  /**
   * Ends cached sessions on every instance: called when a hand-off ends someone's sessions
   * besides the browser's own (which the server sees from the session cookie it sent).
   */
  sessionsEnded: () => void;
}

/** A hand-off token lives at most this long; the vendor's server makes one per sign-in. */
export const HANDOFF_MAX_AGE_SECONDS = 300;
/** How far the vendor's clock may be off from ours. */
const CLOCK_TOLERANCE_SECONDS = 30;

const claims = z.object({
  sub: z.string().min(1).max(200),
  email: z.email().max(254),
  name: z.string().trim().min(1).max(100).optional(),
  /** The shop confirmed this address: needed to link it to someone who already has an account. */
  email_verified: z.boolean().optional(),
  jti: z.string().min(16).max(200),
  iat: z.number(),
  exp: z.number(),
});

const refusal = (code: string, message: string) => new APIError('UNAUTHORIZED', { code, message });
const EXPIRED = refusal(
  'HANDOFF_EXPIRED',
  'This sign-in link has expired. Go back to the shop and open the portal again.',
);
const INVALID = refusal(
  'HANDOFF_INVALID',
  'This sign-in link is not valid. Go back to the shop and open the portal again.',
);
const UNPROVEN = refusal(
  'HANDOFF_EMAIL_UNPROVEN',
  'An account with this email already exists here. Sign in with its password once to link it.',
);
const USED = refusal(
  'HANDOFF_USED',
  'This sign-in link was already used. Go back to the shop and open the portal again.',
);

/** The key the vendor's tokens are checked with, and the algorithms it allows. */
function verificationKey(config: Config): { key: KeyObject; algorithms: string[] } | null {
  if (config.handoffPublicKey) {
    const key = createPublicKey(config.handoffPublicKey);
    return { key, algorithms: key.asymmetricKeyType === 'ed25519' ? ['EdDSA'] : ['ES256'] };
  }
  if (config.handoffSecret) {
    return { key: createSecretKey(Buffer.from(config.handoffSecret)), algorithms: ['HS256'] };
  }
  return null;
}

/**
 * `POST /api/auth/handoff {token}`: a vendor whose customer is signed in on its own site hands
 * them to Portico with a short-lived JWT its server signed (HS256 with the shared
 * HANDOFF_SECRET, or EdDSA/ES256 with the key whose public half is HANDOFF_PUBLIC_KEY). The
 * token names the customer (`sub`: the vendor's own id, `email`, `name`), is meant for this
 * portal (`aud`: PUBLIC_URL), and is used once (`jti`). Portico links the vendor's id to the
 * person (creating them and their account on first use) and starts a normal session.
 */
export function handoffEndpoint(deps: HandoffDeps, ipHeader: string) {
  const { db, config, sessionsEnded } = deps;
  const verifier = verificationKey(config);
  return createAuthEndpoint(
    '/handoff',
    { method: 'POST', body: z.strictObject({ token: z.string().min(1).max(4096) }) },
    async (ctx) => {
      if (!verifier) {
        throw new APIError('NOT_FOUND', {
          code: 'HANDOFF_OFF',
          message: 'Signing in from the shop is not set up for this portal.',
        });
      }
      let payload: z.infer<typeof claims>;
      try {
        const verified = await jwtVerify(ctx.body.token, verifier.key, {
          algorithms: verifier.algorithms,
          audience: config.publicUrl,
          maxTokenAge: HANDOFF_MAX_AGE_SECONDS,
          requiredClaims: ['sub', 'jti', 'iat', 'exp'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        });
        payload = claims.parse(verified.payload);
      } catch (error) {
        throw error instanceof joseErrors.JWTExpired ? EXPIRED : INVALID;
      }
      if (payload.exp - payload.iat > HANDOFF_MAX_AGE_SECONDS) throw INVALID;

      const used = await db
        .insertInto('handoffToken')
        // Kept as long as the token could still be accepted (its expiry plus the clock tolerance).
        .values({
          jti: payload.jti,
          expiresAt: new Date((payload.exp + CLOCK_TOLERANCE_SECONDS) * 1000).toISOString(),
        })
        .onConflict((conflict) => conflict.column('jti').doNothing())
        .executeTakeFirst();
      if (used.numInsertedOrUpdatedRows === 0n) throw USED;
      await db.deleteFrom('handoffToken').where('expiresAt', '<', timestamp()).execute();

      const user = await linkedPerson(
        ctx.context.internalAdapter as Adapter,
        db,
        payload,
        sessionsEnded,
      );
      if (user.twoFactorEnabled) {
        throw new APIError('FORBIDDEN', {
          code: 'SECOND_FACTOR_REQUIRED',
          message:
            'Your account uses security codes: sign in here with your password and a security code.',
        });
      }
      const session = await ctx.context.internalAdapter.createSession(user.id);
      await setSessionCookie(ctx, { session, user });
      await endPreviousSession(ctx);
      await recordSignIn(
        db,
        user.id,
        'sign-in-handoff',
        eventOrigin(ctx.headers?.get(ipHeader), ctx.headers),
      );
      return ctx.json({ user: { id: user.id, email: user.email, name: user.name } });
    },
  );
}

type Adapter = Awaited<PorticoAuth['$context']>['internalAdapter'];
type Person = User & {
  role?: string | null;
  banned?: boolean | null;
  twoFactorEnabled?: boolean | null;
};

/**
 * The person the vendor's id was linked to; else the one with that email, linked now if the shop
 * vouches for the address; else someone new.
 */
async function linkedPerson(
  adapter: Adapter,
  db: Db,
  payload: z.infer<typeof claims>,
  sessionsEnded: () => void,
): Promise<Person> {
  const link = await db
    .selectFrom('handoffLink')
    .select('userId')
    .where('subject', '=', payload.sub)
    .executeTakeFirst();
  let user: Person | null = link
    ? await adapter.findUserById(link.userId)
    : ((await adapter.findUserByEmail(payload.email.toLowerCase()))?.user ?? null);
  if (user && (isStaffRole(user.role) || user.banned)) throw INVALID;
  if (user && !link) {
    // Someone who already has a Portico account is linked only when the shop vouches that the
    // address is theirs; otherwise a shop account opened with another's address would open theirs.
    if (payload.email_verified !== true) throw UNPROVEN;
    if (!user.emailVerified) {
      // An account made here with this address but never confirmed is not the owner's: whoever
      // made it loses its password and sessions, and the address counts as confirmed now.
      await adapter.deleteUserSessions(user.id);
      sessionsEnded();
      await adapter.deleteAccounts(user.id);
      user = await adapter.updateUser(user.id, { emailVerified: true });
    }
  }
  if (!user) {
    user = await adapter.createUser(
      {
        email: payload.email.toLowerCase(),
        name: payload.name ?? payload.email.split('@')[0]!,
        // The vendor's site vouches for the address it signed.
        emailVerified: true,
        role: 'customer',
      },
      { method: 'admin' },
    );
  }
  if (!link) {
    await db
      .insertInto('handoffLink')
      .values({ subject: payload.sub, userId: user.id, createdAt: timestamp() })
      .onConflict((conflict) => conflict.column('subject').doNothing())
      .execute();
  }
  return user;
}
