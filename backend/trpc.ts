import { initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import type { Context } from './context.ts';
import { isStaffRole } from './session/roles.ts';
import { catalogueError, Refusal, refuse, ServerError } from './errors.ts';
import { errorMessage } from './i18n/refusal.ts';
import { emittedBy } from './events/event.emit.ts';
import { SessionError } from './session/session.errors.ts';
import { needsSecondFactor } from './session/session.cache.ts';
import { mayManage, mayOrder } from './account/account.roles.ts';
import { holdsNul } from './http/nul-text.ts';

/** The one sentence any unexpected failure gets; the details go to the log only. */
export const INTERNAL_MESSAGE = ServerError.INTERNAL;

const t = initTRPC.context<Context>().create({
  isDev: false,
  sse: {
    // A comment line now and then keeps proxies from closing a quiet stream.
    ping: { enabled: true, intervalMs: 15_000 },
    // Streams end after five minutes and the client reconnects, so a revoked session or a
    // removed member stops hearing about the account's tickets within that time.
    maxDurationMs: 5 * 60_000,
    client: { reconnectAfterInactivityMs: 40_000 },
  },
  errorFormatter({ shape, error, ctx }) {
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    const fieldErrors = error.cause instanceof ZodError ? fieldErrorsOf(error.cause) : null;
    const refusal = error.cause instanceof Refusal ? error.cause : null;
    // In the caller's language; each field's own words stay as the schema wrote them.
    const kind = internal ? 'internal' : fieldErrors ? 'fields' : 'other';
    return {
      ...shape,
      message: errorMessage(ctx?.locale ?? 'en', error, kind),
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors,
        reason: refusal?.reason ?? null,
        details: refusal?.details ?? null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * A mutation's own events are handled before it answers: the notifications and webhook
 * deliveries it caused exist by the time the caller (or a test) looks, and nobody else's queue
 * holds it up.
 */
const handleEvents = t.middleware(async ({ ctx, type, next }) => {
  if (type !== 'mutation') return next();
  const { result, ids } = await emittedBy(() => next());
  if (result.ok) await ctx.services.events.handleNow(ids);
  return result;
});

/**
 * Text with a NUL character is refused before any procedure reads it. Nobody types one, and the
 * engines disagree about it: PostgreSQL cannot store it, SQLite stores it and its text functions
 * stop at it. Refusing it everywhere keeps both engines answering the same.
 */
const refuseNul = t.middleware(async ({ getRawInput, next }) => {
  if (holdsNul(await getRawInput())) throw refuse('BAD_REQUEST', ServerError, 'NUL_CHARACTER');
  return next();
});

export const publicProcedure = t.procedure.use(refuseNul).use(handleEvents);

/** What someone who must set up security codes may still do: read and set up their security. */
const WITHOUT_SECOND_FACTOR = new Set([
  'profile.get',
  'profile.security',
  'profile.securityEvents',
  'profile.sessions',
  'profile.revokeSession',
  'profile.revokeOtherSessions',
]);

const signedIn = t.middleware(({ ctx, path, next }) => {
  if (!ctx.session) throw catalogueError('UNAUTHORIZED', ServerError, 'SIGN_IN');
  if (needsSecondFactor(ctx.session) && !WITHOUT_SECOND_FACTOR.has(path)) {
    throw refuse('FORBIDDEN', SessionError, 'SECOND_FACTOR_REQUIRED');
  }
  return next({ ctx: { ...ctx, session: ctx.session } });
});

/** Anyone signed in, customer or staff. */
export const signedInProcedure = publicProcedure.use(signedIn);

/**
 * A signed-in customer working in one customer account. The account always comes from the
 * session, never from the input; the membership behind it is looked up with the session.
 */
export const customerProcedure = publicProcedure.use(signedIn).use(({ ctx, next }) => {
  const { account } = ctx.session;
  if (!account) throw catalogueError('FORBIDDEN', ServerError, 'NO_CUSTOMER_ACCOUNT');
  return next({ ctx: { ...ctx, account } });
});

/** A customer whose role in the account lets them place and change orders. */
export const buyerProcedure = customerProcedure.use(({ ctx, next }) => {
  if (!mayOrder(ctx.account.role)) throw catalogueError('FORBIDDEN', ServerError, 'BUYER_ONLY');
  return next();
});

/** The owner of a customer account: members, invitations, the account's name. */
export const ownerProcedure = customerProcedure.use(({ ctx, next }) => {
  if (!mayManage(ctx.account.role)) throw catalogueError('FORBIDDEN', ServerError, 'OWNER_ONLY');
  return next();
});

export const staffProcedure = publicProcedure.use(signedIn).use(({ ctx, next }) => {
  if (!isStaffRole(ctx.session.role)) throw catalogueError('FORBIDDEN', ServerError, 'STAFF_ONLY');
  return next({ ctx: { ...ctx, staffRole: ctx.session.role } });
});

export const adminProcedure = staffProcedure.use(({ ctx, next }) => {
  if (ctx.staffRole !== 'admin') throw catalogueError('FORBIDDEN', ServerError, 'ADMIN_ONLY');
  return next();
});

/** Zod issues keyed by their dotted path (`items.0.quantity`), so a form can mark the field. */
function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
