import { publicProcedure, router } from '../trpc.ts';
import { isStaffRole } from './roles.ts';

export const sessionRouter = router({
  /** The signed-in person, the account they work in and their role; null when signed out. */
  me: publicProcedure.query(({ ctx }) => {
    const session = ctx.session;
    if (!session) return null;
    const { account } = session;
    return {
      user: { id: session.userId, name: session.name, email: session.email },
      role: isStaffRole(session.role) ? session.role : ('customer' as const),
      account: account
        ? { id: account.accountId, name: account.accountName, role: account.role }
        : null,
      secondFactor: session.secondFactor,
    };
  }),
});
