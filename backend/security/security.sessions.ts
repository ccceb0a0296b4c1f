/**
 * Ends the session this browser had before (if any): a sign-in always starts a fresh one, so a
 * session someone else planted or learned never becomes the signed-in one.
 */
export async function endPreviousSession(ctx: {
  getSignedCookie: (name: string, secret: string) => Promise<string | null | false>;
  context: {
    authCookies: { sessionToken: { name: string } };
    secret: string;
    newSession: { session: { token: string } } | null;
    internalAdapter: { deleteSession: (token: string) => Promise<void> };
  };
}): Promise<void> {
  const token = await ctx.getSignedCookie(
    ctx.context.authCookies.sessionToken.name,
    ctx.context.secret,
  );
  const fresh = ctx.context.newSession?.session.token;
  if (token && token !== fresh) await ctx.context.internalAdapter.deleteSession(token);
}
