import { publicProcedure, router } from '../trpc.ts';
import { findMembership } from '../account/account.queries.ts';
import { isStaffRole } from './roles.ts';

export const sessionRouter = router({
  /** The signed-in person, the account they work in and their role; null when signed out. */
  me: publicProcedure.query(async ({ ctx }) => {
    const session = ctx.session;
    if (!session) return null;
    const membership = session.accountId
      ? await findMembership(ctx.services.db, session.userId, session.accountId)
      : null;
    return {
      user: { id: session.userId, name: session.name, email: session.email },
      role: isStaffRole(session.role) ? session.role : ('customer' as const),
      account: membership
        ? { id: membership.accountId, name: membership.accountName, role: membership.role }
        : null,
    };
  }),
});
