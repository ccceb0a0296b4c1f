import type { Pool } from 'pg';

/** One budget to count against: at most `limit` takes of `key` in any `windowMs`. */
export interface Window {
  key: string;
  limit: number;
  windowMs: number;
}

/** How often rows whose window has passed are dropped, by each instance. */
const SWEEP_EVERY_MS = 60_000;

/**
 * Takes one hit of a key if fewer than `limit` fall in the window, in one statement: the insert
 * creates a new key's row, and for an existing one the conflict branch locks the row, drops the
 * hits that left the window and adds this one only while the rest are under the limit. Two
 * instances taking the same key at once are serialised by that row lock, so a budget can never
 * be overspent. Times come from the database's clock, the one clock every instance shares.
 * Returns the time taken (to give it back), or nothing when the budget is spent.
 */
const TAKE = `
  with clock as (select (extract(epoch from statement_timestamp()) * 1000)::bigint as now)
  insert into "rateHit" as r ("key", "hits", "expiresAt")
  select $1, array[clock.now], clock.now + $3 from clock
  on conflict ("key") do update set
    "hits" = array(
      select at from unnest(r."hits") as at where at > (select now from clock) - $3 order by at
    ) || (select now from clock),
    "expiresAt" = (select now from clock) + $3
  where (select count(*) from unnest(r."hits") as at where at > (select now from clock) - $3) < $2
  returning (select now from clock) as "at"`;

/** The whole seconds until the oldest hit in the window leaves it (at least one). */
const WAIT = `
  select greatest(1, ceil(
    (min(at) + $2 - (extract(epoch from statement_timestamp()) * 1000)) / 1000.0
  ))::int as "wait"
  from "rateHit", unnest("hits") as at
  where "key" = $1 and at > (extract(epoch from statement_timestamp()) * 1000)::bigint - $2`;

/** Removes one hit: the take of a call refused by another of its budgets is not counted. */
const GIVE_BACK = `
  update "rateHit" set "hits" =
    "hits"[1:array_position("hits", $2::bigint) - 1] || "hits"[array_position("hits", $2::bigint) + 1:]
  where "key" = $1 and array_position("hits", $2::bigint) is not null`;

const SWEEP = `
  delete from "rateHit" where "expiresAt" < (extract(epoch from statement_timestamp()) * 1000)::bigint`;

/**
 * The budgets of every instance on one PostgreSQL database, counted in the `rateHit` table (see
 * its migration). A take is one statement, and needs no transaction (so it never waits for the
 * write lock every transaction takes).
 */
export class RateHits {
  readonly #pool: Pool;
  readonly #sweeper: NodeJS.Timeout;
  readonly #log: (line: string) => void;

  constructor(pool: Pool, log: (line: string) => void) {
    this.#pool = pool;
    this.#log = log;
    this.#sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.#sweeper.unref();
  }

  /**
   * Takes one from every window if all of them allow it: null then, else the whole seconds until
   * all would. A refused call is not counted anywhere, so waiting the time given is enough.
   */
  async take(windows: readonly Window[]): Promise<number | null> {
    const taken: { key: string; at: string }[] = [];
    for (const [index, window] of windows.entries()) {
      const { rows } = await this.#pool.query<{ at: string | number }>(TAKE, [
        window.key,
        window.limit,
        window.windowMs,
      ]);
      if (rows[0]) {
        taken.push({ key: window.key, at: String(rows[0].at) });
        continue;
      }
      await Promise.all(taken.map(({ key, at }) => this.#pool.query(GIVE_BACK, [key, at])));
      const waits = await Promise.all(windows.slice(index).map((w) => this.wait(w)));
      return Math.max(1, ...waits.map((wait) => wait ?? 0));
    }
    return null;
  }

  /** What `take` would answer for one window, without taking. */
  async wait({ key, limit, windowMs }: Window): Promise<number | null> {
    const { rows } = await this.#pool.query<{ count: string | number }>(
      `select count(*) as "count" from "rateHit", unnest("hits") as at
       where "key" = $1 and at > (extract(epoch from statement_timestamp()) * 1000)::bigint - $2`,
      [key, windowMs],
    );
    if (Number(rows[0]?.count ?? 0) < limit) return null;
    const found = await this.#pool.query<{ wait: number }>(WAIT, [key, windowMs]);
    return found.rows[0]?.wait ?? 1;
  }

  /** Drops the rows of keys not taken within their window. */
  async sweep(): Promise<void> {
    try {
      await this.#pool.query(SWEEP);
    } catch (error) {
      this.#log(`rate limits: old hits could not be removed: ${(error as Error).message}`);
    }
  }

  close(): void {
    clearInterval(this.#sweeper);
  }
}
