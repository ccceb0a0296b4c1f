import { z } from 'zod';
import type { Context } from '../context.ts';
import { customerProcedure, ownerProcedure, router } from '../trpc.ts';
import { setAccountSecondFactorRule } from '../security/second-factor.ts';
import { catalogueError, refuse } from '../errors.ts';
import { ACCOUNT_ROLES } from './account.roles.ts';
import { AccountError } from './account.errors.ts';
import { accountSummary } from './account.summary.ts';
import { inviteByMail } from './account.invite.ts';
import {
  answerInvitation,
  cancelInvitation,
  invitationsFor,
  listMembers,
  removeMember,
  setMemberRole,
} from './account.members.ts';
import { findMembership } from './account.queries.ts';
import { isTrustedOrigin } from '../settings/settings.origins.ts';

const id = z.string().min(1).max(64);
const role = z.enum(ACCOUNT_ROLES);

/** A page of the vendor's site a mail may link to: only on the portal's trusted origins. */
async function trustedLink(ctx: Context, href: string): Promise<URL> {
  const url = new URL(href);
  const { db, config } = ctx.services;
  if (!(await isTrustedOrigin(db, config.trustedOrigins, url.origin))) {
    throw refuse('BAD_REQUEST', AccountError, 'UNTRUSTED_LINK');
  }
  return url;
}

/** After a membership or a session's account changes, no cached session may answer for it. */
function forgetSessions(ctx: Context): void {
  ctx.services.sessions.clear();
}

export const accountRouter = router({
  /** Balance, what is overdue, open invoices, last payments and recent orders: one round trip. */
  summary: customerProcedure.query(({ ctx }) =>
    accountSummary(ctx.services.db, ctx.account.accountId, ctx.services.portalSettings().currency),
  ),

  /** Every account the person belongs to, and which one this sign-in works in. */
  memberships: customerProcedure.query(async ({ ctx }) => {
    const rows = await ctx.services.db
      .selectFrom('member')
      .innerJoin('organization', 'organization.id', 'member.organizationId')
      .select(['organization.id', 'organization.name', 'member.role'])
      .where('member.userId', '=', ctx.session.userId)
      .orderBy('member.createdAt')
      .execute();
    return rows.map((row) => ({ ...row, current: row.id === ctx.account.accountId }));
  }),

  /** Moves this sign-in to another account the person belongs to. */
  switch: customerProcedure
    .input(z.strictObject({ accountId: id }))
    .mutation(async ({ ctx, input }) => {
      const membership = await findMembership(ctx.services.db, ctx.session.userId, input.accountId);
      if (!membership) throw refuse('NOT_FOUND', AccountError, 'NOT_A_MEMBER');
      await ctx.services.db
        .updateTable('session')
        .set({ activeOrganizationId: input.accountId })
        .where('id', '=', ctx.session.sessionId)
        .execute();
      forgetSessions(ctx);
      return membership;
    }),

  members: customerProcedure.query(({ ctx }) =>
    listMembers(ctx.services.db, ctx.account.accountId),
  ),

  /** Invites a colleague by email; the mail links to `returnTo` with the invitation's id. */
  invite: ownerProcedure
    .input(
      z.strictObject({
        email: z.email('Enter an email address.').max(254).toLowerCase(),
        role,
        returnTo: z.url({ protocol: /^https?$/ }).max(2000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const page = await trustedLink(ctx, input.returnTo);
      const link = (invitationId: string) => {
        const url = new URL(page);
        url.searchParams.set('portico-invitation', invitationId);
        return url.href;
      };
      await inviteByMail(ctx.services, {
        account: { id: ctx.account.accountId, name: ctx.account.accountName },
        inviter: { id: ctx.session.userId, name: ctx.session.name },
        email: input.email,
        role: input.role,
        link,
      });
      return listMembers(ctx.services.db, ctx.account.accountId);
    }),

  cancelInvitation: ownerProcedure
    .input(z.strictObject({ invitationId: id }))
    .mutation(async ({ ctx, input }) => {
      await cancelInvitation(ctx.services.db, ctx.account.accountId, input.invitationId);
      return listMembers(ctx.services.db, ctx.account.accountId);
    }),

  setRole: ownerProcedure
    .input(z.strictObject({ userId: id, role }))
    .mutation(async ({ ctx, input }) => {
      await setMemberRole(
        ctx.services.db,
        ctx.account.accountId,
        input.userId,
        input.role,
        ctx.session.sessionId,
      );
      forgetSessions(ctx);
      return listMembers(ctx.services.db, ctx.account.accountId);
    }),

  /** The owner's rule that everyone in the account signs in with a security code. */
  setSecondFactorRule: ownerProcedure
    .input(z.strictObject({ required: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      if (input.required && !ctx.session.secondFactor.enabled) {
        throw refuse('BAD_REQUEST', AccountError, 'OWNER_NEEDS_SECOND_FACTOR');
      }
      await setAccountSecondFactorRule(ctx.services.db, ctx.account.accountId, input.required);
      forgetSessions(ctx);
      return { required: input.required };
    }),

  removeMember: ownerProcedure
    .input(z.strictObject({ userId: id }))
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.session.userId) {
        throw catalogueError('BAD_REQUEST', AccountError, 'REMOVE_SELF');
      }
      await removeMember(ctx.services.db, ctx.account.accountId, input.userId);
      forgetSessions(ctx);
      return listMembers(ctx.services.db, ctx.account.accountId);
    }),

  /** Leaves the account this sign-in works in (not the last owner); the sign-in moves on. */
  leave: customerProcedure.input(z.strictObject({}).optional()).mutation(async ({ ctx }) => {
    await removeMember(ctx.services.db, ctx.account.accountId, ctx.session.userId);
    forgetSessions(ctx);
    return { left: ctx.account.accountId };
  }),

  /** Invitations waiting for the signed-in person's email address. */
  invitations: customerProcedure.query(({ ctx }) =>
    invitationsFor(ctx.services.db, ctx.session.email),
  ),

  answerInvitation: customerProcedure
    .input(z.strictObject({ invitationId: id, accept: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const { userId, email, sessionId } = ctx.session;
      await answerInvitation(
        ctx.services.db,
        { userId, email, sessionId },
        input.invitationId,
        input.accept,
      );
      forgetSessions(ctx);
      return { accepted: input.accept };
    }),
});
