import { sql } from 'kysely';
import { z } from 'zod';
import { customerProcedure, router, signedInProcedure } from '../trpc.ts';
import { securityStatus } from '../security/second-factor.ts';
import {
  eventOrigin,
  listSecurityEvents,
  recordSecurityEvent,
  securityEventsInput,
} from '../security/security.events.ts';
import { refuse } from '../errors.ts';
import { timestamp } from '../db/clock.ts';
import { LOCALES } from '../portal/portal.schema.ts';
import { AccountError } from '../account/account.errors.ts';

const profileUpdate = z
  .strictObject({
    name: z.string().trim().min(1, 'Enter your name.').max(100).optional(),
    locale: z.enum(LOCALES).nullable().optional(),
  })
  .refine((input) => input.name !== undefined || input.locale !== undefined, {
    message: 'Nothing to change.',
  });

/**
 * The signed-in person: name, email, preferred language, and the devices they are signed in
 * on. Email and password changes go through the sign-in service (`/api/auth/change-email`,
 * `/api/auth/change-password`), which verifies them.
 */
export const profileRouter = router({
  get: customerProcedure.query(async ({ ctx }) => {
    const row = await ctx.services.db
      .selectFrom('user')
      .leftJoin('preference', 'preference.userId', 'user.id')
      .select(['user.name', 'user.email', 'user.emailVerified', 'preference.locale'])
      .where('user.id', '=', ctx.session.userId)
      .executeTakeFirstOrThrow();
    return { ...row, emailVerified: Boolean(row.emailVerified), locale: row.locale ?? null };
  }),

  update: customerProcedure.input(profileUpdate).mutation(async ({ ctx, input }) => {
    const { db } = ctx.services;
    const now = timestamp();
    await db.transaction().execute(async (trx) => {
      if (input.name !== undefined) {
        await trx
          .updateTable('user')
          .set({ name: input.name, updatedAt: now })
          .where('id', '=', ctx.session.userId)
          .execute();
      }
      if (input.locale !== undefined) {
        await trx
          .insertInto('preference')
          .values({ userId: ctx.session.userId, locale: input.locale, updatedAt: now })
          .onConflict((conflict) =>
            conflict.column('userId').doUpdateSet({ locale: input.locale, updatedAt: now }),
          )
          .execute();
      }
    });
    // The cached session carries the name.
    ctx.services.sessions.clear();
    return { name: input.name ?? ctx.session.name, locale: input.locale };
  }),

  /**
   * The person's second factor: which kinds are on, backup codes left, who requires it, and the
   * account's rule (which its owner may change). For staff too, who must have one.
   */
  security: signedInProcedure.query(({ ctx }) =>
    securityStatus(ctx.services.db, {
      userId: ctx.session.userId,
      role: ctx.session.role,
      account: ctx.session.account,
    }),
  ),

  /** Sign-ins, new devices, second-factor and password changes: newest first. */
  securityEvents: signedInProcedure
    .input(securityEventsInput)
    .query(({ ctx, input }) => listSecurityEvents(ctx.services.db, ctx.session.userId, input)),

  /** Every device this person is signed in on, the current one marked. */
  sessions: customerProcedure.query(async ({ ctx }) => {
    const rows = await ctx.services.db
      .selectFrom('session')
      .select(['id', 'createdAt', 'updatedAt', 'ipAddress', 'userAgent'])
      .where('userId', '=', ctx.session.userId)
      // better-auth keeps times in SQLite as ISO strings, which compare as text.
      .where(sql<boolean>`"expiresAt" > ${new Date().toISOString()}`)
      .orderBy('updatedAt', 'desc')
      .execute();
    return rows.map((row) => ({
      ...row,
      createdAt: String(row.createdAt),
      lastSeenAt: String(row.updatedAt),
      updatedAt: undefined,
      current: row.id === ctx.session.sessionId,
    }));
  }),

  /** Signs out one other device. */
  revokeSession: customerProcedure
    .input(z.strictObject({ sessionId: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      if (input.sessionId === ctx.session.sessionId) {
        throw refuse('BAD_REQUEST', AccountError, 'CURRENT_SESSION');
      }
      const { numDeletedRows } = await ctx.services.db
        .deleteFrom('session')
        .where('id', '=', input.sessionId)
        .where('userId', '=', ctx.session.userId)
        .executeTakeFirst();
      if (numDeletedRows === 0n) throw refuse('NOT_FOUND', AccountError, 'SESSION_NOT_FOUND');
      ctx.services.sessions.clear();
      return { revoked: 1 };
    }),

  /** "Sign out everywhere else": every session of this person but the current one ends. */
  revokeOtherSessions: customerProcedure
    .input(z.strictObject({}).optional())
    .mutation(async ({ ctx }) => {
      const { numDeletedRows } = await ctx.services.db
        .deleteFrom('session')
        .where('userId', '=', ctx.session.userId)
        .where('id', '!=', ctx.session.sessionId)
        .executeTakeFirst();
      ctx.services.sessions.clear();
      await recordSecurityEvent(
        ctx.services.db,
        ctx.session.userId,
        'signed-out-everywhere',
        eventOrigin(ctx.http?.ip, ctx.http?.headers),
      );
      return { revoked: Number(numDeletedRows) };
    }),
});
