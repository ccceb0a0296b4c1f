import type { Context } from '../context.ts';
import type { SessionInfo } from '../session/session.cache.ts';
import { router, staffProcedure } from '../trpc.ts';
import { refuse } from '../errors.ts';
import { isStaffRole } from '../session/roles.ts';
import { cancelInvitation } from '../account/account.members.ts';
import { inviteByMail } from '../account/account.invite.ts';
import { customerAccount } from './customer.account.ts';
import { CustomerError } from './customer.errors.ts';
import { setLock } from './customer.lock.ts';
import { searchCustomers } from './customer.queries.ts';
import {
  accountInput,
  invitationInput,
  inviteInput,
  lockInput,
  searchInput,
  unlockInput,
} from './customer.schema.ts';
import { storedOrigins } from '../settings/settings.origins.ts';

type StaffContext = Context & { session: SessionInfo };

const accountOf = (ctx: StaffContext, accountId: string) =>
  customerAccount(
    ctx.services.db,
    accountId,
    ctx.services.portalSettings().currency,
    ctx.session.userId,
  );

/**
 * Where an invitation staff sent links to: the vendor's page the account last opened a ticket
 * from (the portal is embedded there), else the vendor's site (the first trusted origin, from the
 * environment or added in the settings, that is not the backend itself). There the account element lists the invitation once they sign in.
 */
async function invitationPage(ctx: StaffContext, accountId: string): Promise<URL> {
  const { publicUrl } = ctx.services.config;
  const trustedOrigins = [
    ...ctx.services.config.trustedOrigins,
    ...(await storedOrigins(ctx.services.db)),
  ];
  const recent = await ctx.services.db
    .selectFrom('ticket')
    .select('pageUrl')
    .where('accountId', '=', accountId)
    .where('pageUrl', 'is not', null)
    .orderBy('createdAt', 'desc')
    .limit(5)
    .execute();
  for (const { pageUrl } of recent) {
    const url = URL.parse(pageUrl ?? '');
    if (url && trustedOrigins.includes(url.origin)) return url;
  }
  const own = new URL(publicUrl).origin;
  return new URL('/', trustedOrigins.find((origin) => origin !== own) ?? publicUrl);
}

/** Accounts and people, for the staff console's customer view. */
export const staffCustomerRouter = router({
  /** Accounts by name, with their customers that match the words; a page at a time. */
  search: staffProcedure.input(searchInput).query(async ({ ctx, input }) => ({
    ...(await searchCustomers(ctx.services.db, input)),
    currency: ctx.services.portalSettings().currency,
  })),

  byId: staffProcedure
    .input(accountInput)
    .query(({ ctx, input }) => accountOf(ctx, input.accountId)),

  /** Invites someone to the account by email, in the staff member's name; answers the account. */
  invite: staffProcedure.input(inviteInput).mutation(async ({ ctx, input }) => {
    const { db } = ctx.services;
    const account = await db
      .selectFrom('organization')
      .select(['id', 'name'])
      .where('id', '=', input.accountId)
      .executeTakeFirst();
    if (!account) throw refuse('NOT_FOUND', CustomerError, 'ACCOUNT_NOT_FOUND');
    const person = await db
      .selectFrom('user')
      .select('role')
      .where('email', '=', input.email)
      .executeTakeFirst();
    if (isStaffRole(person?.role)) throw refuse('CONFLICT', CustomerError, 'STAFF_EMAIL');
    const page = await invitationPage(ctx, account.id);
    await inviteByMail(ctx.services, {
      account,
      inviter: { id: ctx.session.userId, name: ctx.session.name },
      email: input.email,
      role: input.role,
      link: (invitationId) => {
        const url = new URL(page);
        url.hash = '';
        url.searchParams.set('portico-invitation', invitationId);
        return url.href;
      },
    });
    return accountOf(ctx, account.id);
  }),

  cancelInvitation: staffProcedure.input(invitationInput).mutation(async ({ ctx, input }) => {
    await cancelInvitation(ctx.services.db, input.accountId, input.invitationId);
    return accountOf(ctx, input.accountId);
  }),

  /** Locks a customer out: sign-ins refused, and every session they have ends at once. */
  lock: staffProcedure.input(lockInput).mutation(async ({ ctx, input }) => {
    await setLock(ctx.services.db, input.accountId, input.userId, { reason: input.reason });
    ctx.services.sessions.clear();
    return accountOf(ctx, input.accountId);
  }),

  unlock: staffProcedure.input(unlockInput).mutation(async ({ ctx, input }) => {
    await setLock(ctx.services.db, input.accountId, input.userId, null);
    ctx.services.sessions.clear();
    return accountOf(ctx, input.accountId);
  }),
});
