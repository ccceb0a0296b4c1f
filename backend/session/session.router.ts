import { publicProcedure, router } from '../trpc.ts';
import { isStaffRole } from './roles.ts';

export const sessionRouter = router({
  /**
   * The signed-in person, the account they work in, their role and their saved language (which
   * the page uses when it names none of its own); null when signed out.
   */
  me: publicProcedure.query(async ({ ctx }) => {
    const session = ctx.session;
    if (!session) return null;
    const { account } = session;
    const preference = await ctx.services.db
      .selectFrom('preference')
      .select('locale')
      .where('userId', '=', session.userId)
      .executeTakeFirst();
    return {
      user: { id: session.userId, name: session.name, email: session.email },
      locale: preference?.locale ?? null,
      role: isStaffRole(session.role) ? session.role : ('customer' as const),
      account: account
        ? { id: account.accountId, name: account.accountName, role: account.role }
        : null,
      secondFactor: session.secondFactor,
    };
  }),
});
