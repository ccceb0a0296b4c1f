/**
 * At most `limit` takes per key in any `windowMs`: a sliding window of the recent take times.
 * In memory, so per process; several instances would share it through the database.
 */
export class WindowLimiter {
  readonly #hits = new Map<string, number[]>();
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;

  constructor(limit: number, windowMs: number, now: () => number = Date.now) {
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  /** Takes one; null when allowed, else the whole seconds to wait before the next is. */
  take(key: string): number | null {
    const now = this.#now();
    const since = now - this.#windowMs;
    const recent = (this.#hits.get(key) ?? []).filter((at) => at > since);
    if (recent.length >= this.#limit) {
      this.#hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! + this.#windowMs - now) / 1000));
    }
    recent.push(now);
    this.#hits.set(key, recent);
    if (this.#hits.size > 10_000) this.#prune(since);
    return null;
  }

  #prune(since: number): void {
    for (const [key, times] of this.#hits) {
      if (times.at(-1)! <= since) this.#hits.delete(key);
    }
  }
}
