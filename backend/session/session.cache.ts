import type { PorticoAuth } from '../auth.ts';
import type { Db } from '../db/database.ts';
import type { Bus } from '../realtime/bus.ts';
import { findMembership, type AccountMembership } from '../account/account.queries.ts';
import { secondFactorRequiredBy } from '../security/second-factor.ts';

export interface SessionInfo {
  userId: string;
  name: string;
  email: string;
  role: string;
  /** The customer account the session works in and the person's role there; null for staff. */
  account: AccountMembership | null;
  sessionId: string;
  /** Whether a second factor is on, and whether this person must have one (staff, strict accounts). */
  secondFactor: { enabled: boolean; required: boolean };
}

/** Whether this person must set up security codes before anything but their own security works. */
export const needsSecondFactor = (session: SessionInfo): boolean =>
  session.secondFactor.required && !session.secondFactor.enabled;

interface Entry {
  value: Promise<SessionInfo | null>;
  expires: number;
}

/**
 * better-auth's getSession costs a database round trip and signature check per call; tRPC calls
 * come in bursts (a page load batches several). This keeps each answer for a few seconds, keyed
 * by the exact cookie header, with the person's membership of the session's account, and
 * requests that arrive while a lookup is under way share it. Anything that can end a session or
 * change a membership must clear the cache (better-auth's own endpoints do, in server.ts).
 *
 * With several instances (a shared `bus`), clearing here tells the others to clear theirs at
 * once, so a session ended on one instance is refused on every other within a round trip; the
 * few seconds an answer is kept remain the bound if that signal is lost.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  readonly #auth: PorticoAuth;
  readonly #db: Db;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #bus: Bus | null;

  constructor(
    auth: PorticoAuth,
    db: Db,
    {
      ttlMs = 5_000,
      maxEntries = 10_000,
      bus = null,
    }: { ttlMs?: number; maxEntries?: number; bus?: Bus | null } = {},
  ) {
    this.#auth = auth;
    this.#db = db;
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
    this.#bus = bus;
    bus?.onSessionsChanged(() => this.#entries.clear());
  }

  /** The session for a request, plus any Set-Cookie better-auth issued (a refreshed expiry). */
  async lookup(
    headers: Headers,
  ): Promise<{ session: SessionInfo | null; setCookie: string | null }> {
    const cookie = headers.get('cookie') ?? '';
    if (!cookie.includes('session_token')) return { session: null, setCookie: null };
    const now = Date.now();
    const hit = this.#entries.get(cookie);
    if (hit && hit.expires > now) return { session: await hit.value, setCookie: null };

    const lookup = this.#auth.api.getSession({
      headers: new Headers({ cookie }),
      returnHeaders: true,
    });
    const value = lookup.then(async ({ response: data }): Promise<SessionInfo | null> => {
      if (!data) return null;
      const accountId = data.session.activeOrganizationId;
      const role = data.user.role ?? 'customer';
      const account = accountId ? await findMembership(this.#db, data.user.id, accountId) : null;
      const requiredBy = await secondFactorRequiredBy(this.#db, role, account?.accountId ?? null);
      return {
        userId: data.user.id,
        name: data.user.name,
        email: data.user.email,
        role,
        account,
        sessionId: data.session.id,
        secondFactor: {
          enabled: Boolean(data.user.twoFactorEnabled),
          required: requiredBy !== null,
        },
      };
    });
    if (this.#entries.size >= this.#maxEntries) this.#evictExpired(now);
    if (this.#entries.size < this.#maxEntries) {
      this.#entries.set(cookie, { value, expires: now + this.#ttlMs });
      value.catch(() => this.#entries.delete(cookie));
    }
    const [session, result] = await Promise.all([value, lookup]);
    return { session, setCookie: result.headers.get('set-cookie') };
  }

  /** Sessions ended or changed: every instance looks them up again. */
  clear(): void {
    this.#entries.clear();
    this.#bus?.publishSessionsChanged();
  }

  #evictExpired(now: number): void {
    for (const [key, entry] of this.#entries) if (entry.expires <= now) this.#entries.delete(key);
  }
}
