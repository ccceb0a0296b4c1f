import type { PorticoAuth } from '../auth.ts';

export interface SessionInfo {
  userId: string;
  name: string;
  email: string;
  role: string;
  /** The customer account the session works in; null for staff. */
  accountId: string | null;
  sessionId: string;
}

interface Entry {
  value: Promise<SessionInfo | null>;
  expires: number;
}

/**
 * better-auth's getSession costs a database round trip and signature check per call; tRPC calls
 * come in bursts (a page load batches several). This keeps each answer for a few seconds, keyed
 * by the exact cookie header, and requests that arrive while a lookup is under way share it.
 * Anything that can end a session clears the cache.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  readonly #auth: PorticoAuth;
  readonly #ttlMs: number;
  readonly #maxEntries: number;

  constructor(auth: PorticoAuth, { ttlMs = 5_000, maxEntries = 10_000 } = {}) {
    this.#auth = auth;
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
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
    const value = lookup.then(({ response: data }) =>
      data
        ? {
            userId: data.user.id,
            name: data.user.name,
            email: data.user.email,
            role: data.user.role ?? 'customer',
            accountId: data.session.activeOrganizationId ?? null,
            sessionId: data.session.id,
          }
        : null,
    );
    if (this.#entries.size >= this.#maxEntries) this.#evictExpired(now);
    if (this.#entries.size < this.#maxEntries) {
      this.#entries.set(cookie, { value, expires: now + this.#ttlMs });
      value.catch(() => this.#entries.delete(cookie));
    }
    const [session, result] = await Promise.all([value, lookup]);
    return { session, setCookie: result.headers.get('set-cookie') };
  }

  clear(): void {
    this.#entries.clear();
  }

  #evictExpired(now: number): void {
    for (const [key, entry] of this.#entries) if (entry.expires <= now) this.#entries.delete(key);
  }
}
