/**
 * Which answers of better-auth's endpoints (under /api/auth) must empty the session cache, on
 * this instance and on every other one (`SessionCache.clear`). Emptying costs every instance a
 * round of getSession lookups, so it happens only when a session someone may still present
 * ended or changed, and never for a refused attempt: failed sign-ins from many addresses must
 * not be a way to keep every cache empty.
 */

/**
 * Endpoints that end sessions, or change the person or membership a cached session shows, when
 * they succeed: signing out, revoking, a new password (a reset ends every session), a changed
 * address or name, a deleted person, and security codes turned on or off (the two-factor plugin
 * replaces the session). `/reset-password/<token>` only checks a link: not listed.
 */
const ALWAYS =
  /^\/(sign-out|revoke-[a-z-]+|reset-password|change-password|change-email|delete-user(\/callback)?|update-user|two-factor\/(enable|disable))$/;

/**
 * Endpoints that start a session. They end one only when the browser already had one: a sign-in
 * always ends the browser's previous session (`endPreviousSession`), and a code checked while
 * signed in turns security codes on, which replaces the session. Without a session cookie they
 * end nothing (the new cookie is a new cache key), which is the common case. A hand-off from the
 * shop is one too; when it also ends the sessions of an unconfirmed account with the shop's
 * address, it empties the caches itself (`HandoffDeps.sessionsEnded`).
 */
const STARTS = /^\/(sign-in\/[a-z-]+|verify-email|two-factor\/verify-[a-z-]+|handoff)$/;

/** Whether the answer says the endpoint did what it was asked (a redirect without an error). */
function succeeded(response: Response): boolean {
  if (response.ok) return true;
  if (response.status < 300 || response.status >= 400) return false;
  // With a callbackURL, better-auth answers success and failure alike with a redirect; a failure
  // carries `?error=` (see its email verification).
  const location = response.headers.get('location');
  if (location === null) return false;
  try {
    return !new URL(location, 'http://portico.invalid').searchParams.has('error');
  } catch {
    return false;
  }
}

/** Whether an email-verification link changes an address (better-auth's change-email flow). */
function changesAddress(url: URL): boolean {
  const payload = url.searchParams.get('token')?.split('.')[1];
  if (!payload) return false;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    return typeof claims === 'object' && claims !== null && 'updateTo' in claims;
  } catch {
    return false;
  }
}

/**
 * Whether `request` to the better-auth endpoint at `path` (relative to /api/auth), answered
 * with `response`, may have ended or changed sessions that the cache holds.
 */
export function changesSessions(path: string, request: Request, response: Response): boolean {
  if (!succeeded(response)) return false;
  if (ALWAYS.test(path)) return true;
  if (!STARTS.test(path)) return false;
  if ((request.headers.get('cookie') ?? '').includes('session_token')) return true;
  return path === '/verify-email' && changesAddress(new URL(request.url));
}
