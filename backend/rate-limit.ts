import type { TRPCError } from '@trpc/server';
import type { Context } from './context.ts';
import { refuse, ServerError } from './errors.ts';
import { waitOf } from './i18n/format.ts';
import { limitKey } from './client-address.ts';
import type { RateHits } from './realtime/rate-hits.ts';

/**
 * At most `limit` takes per key in any `windowMs`: a sliding window of the recent take times.
 * In memory, so per process: SQLite's one process, and the fast path `SharedLimiter` takes there.
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
    const wait = this.wait(key);
    if (wait !== null) return wait;
    const now = this.#now();
    this.#hits.get(key)!.push(now);
    if (this.#hits.size > 10_000) this.#prune(now - this.#windowMs);
    return null;
  }

  /** What `take` would answer, without taking: null when one is allowed, else the seconds. */
  wait(key: string): number | null {
    const now = this.#now();
    const since = now - this.#windowMs;
    const recent = (this.#hits.get(key) ?? []).filter((at) => at > since);
    this.#hits.set(key, recent);
    if (recent.length < this.#limit) return null;
    return Math.max(1, Math.ceil((recent[0]! + this.#windowMs - now) / 1000));
  }

  #prune(since: number): void {
    for (const [key, times] of this.#hits) {
      if ((times.at(-1) ?? 0) <= since) this.#hits.delete(key);
    }
  }
}

/**
 * A `WindowLimiter` every instance counts against together: in this process's memory on SQLite,
 * in the database's `rateHit` table on PostgreSQL (`hits`). Its keys there are `<name>/<key>`.
 */
export class SharedLimiter {
  readonly #name: string;
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #memory: WindowLimiter;
  readonly #hits: RateHits | null;

  constructor(name: string, limit: number, windowMs: number, hits: RateHits | null = null) {
    this.#name = name;
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#memory = new WindowLimiter(limit, windowMs);
    this.#hits = hits;
  }

  /** Takes one; null when allowed, else the whole seconds to wait before the next is. */
  async take(key: string): Promise<number | null> {
    if (!this.#hits) return this.#memory.take(key);
    const window = { key: `${this.#name}/${key}`, limit: this.#limit, windowMs: this.#windowMs };
    return this.#hits.take([window]);
  }
}

export interface Budget {
  max: number;
  windowMs: number;
}

/** How often one signed-in person, and one client address, may do a thing. */
export interface RateRule {
  perPerson: Budget;
  perAddress: Budget;
}

const MINUTE = 60_000;

/**
 * Every procedure budget in one place. Generous for people (a busy buyer, an office behind one
 * address), tight enough that a script flooding orders, tickets, chats or searches stops soon.
 * Visitors who are not signed in are counted by their address only.
 */
export const RATE_LIMITS = {
  'order.place': {
    perPerson: { max: 10, windowMs: MINUTE },
    perAddress: { max: 60, windowMs: MINUTE },
  },
  'ticket.create': {
    perPerson: { max: 10, windowMs: 10 * MINUTE },
    perAddress: { max: 50, windowMs: 10 * MINUTE },
  },
  /** Chat messages, the first one (`chat.start`) and the rest (`chat.send`) together. */
  'chat.message': {
    perPerson: { max: 30, windowMs: MINUTE },
    perAddress: { max: 150, windowMs: MINUTE },
  },
  'help.search': {
    perPerson: { max: 60, windowMs: MINUTE },
    perAddress: { max: 300, windowMs: MINUTE },
  },
  /** The articles offered while a ticket or chat message is typed: a search by another name. */
  'help.suggest': {
    perPerson: { max: 60, windowMs: MINUTE },
    perAddress: { max: 300, windowMs: MINUTE },
  },
} as const satisfies Record<string, RateRule>;

export type LimitedAction = keyof typeof RATE_LIMITS;

/**
 * The procedure budgets, off only in tests that call procedures many times. With `hits` (on
 * PostgreSQL) every instance counts against the same budgets; without, this process counts.
 */
export class RateLimits {
  readonly enabled: boolean;
  readonly #limiters = new Map<string, WindowLimiter>();
  readonly #now: () => number;
  readonly #hits: RateHits | null;

  constructor({
    enabled = true,
    now = Date.now,
    hits = null,
  }: { enabled?: boolean; now?: () => number; hits?: RateHits | null } = {}) {
    this.enabled = enabled;
    this.#now = now;
    this.#hits = hits;
  }

  /**
   * What procedures call: `take` through the shared budgets when there are some, else this
   * process's (at once, without a round trip).
   */
  async spend(
    action: LimitedAction,
    person: string | null,
    address: string | null,
  ): Promise<number | null> {
    if (!this.enabled) return null;
    if (!this.#hits) return this.take(action, person, address);
    const rule: RateRule = RATE_LIMITS[action];
    const windows = [];
    if (person !== null) {
      const { max, windowMs } = rule.perPerson;
      windows.push({ key: `${action}/person/${person}`, limit: max, windowMs });
    }
    if (address !== null) {
      const { max, windowMs } = rule.perAddress;
      windows.push({ key: `${action}/address/${address}`, limit: max, windowMs });
    }
    return this.#hits.take(windows);
  }

  /**
   * Counts one `action` against the person's and the address's budgets (either may be null);
   * null when both allow it, else the whole seconds until both would. A refused call is not
   * counted, so waiting the time given is always enough. This process's count only: callers
   * go through `spend`, which shares it between instances when there are several.
   */
  take(action: LimitedAction, person: string | null, address: string | null): number | null {
    if (!this.enabled) return null;
    const rule: RateRule = RATE_LIMITS[action];
    const checks: [WindowLimiter, string][] = [];
    if (person !== null) checks.push([this.#limiter(`${action}/person`, rule.perPerson), person]);
    if (address !== null) {
      checks.push([this.#limiter(`${action}/address`, rule.perAddress), address]);
    }
    const waits = checks.flatMap(([limiter, key]) => limiter.wait(key) ?? []);
    if (waits.length) return Math.max(...waits);
    for (const [limiter, key] of checks) limiter.take(key);
    return null;
  }

  #limiter(name: string, budget: Budget): WindowLimiter {
    let limiter = this.#limiters.get(name);
    if (!limiter) {
      limiter = new WindowLimiter(budget.max, budget.windowMs, this.#now);
      this.#limiters.set(name, limiter);
    }
    return limiter;
  }
}

/** The refusal of a call over budget: the wait in the sentence, in `details` and in Retry-After. */
export function tooManyAttempts(retryAfterSeconds: number): TRPCError {
  return refuse(
    'TOO_MANY_REQUESTS',
    ServerError,
    'RATE_LIMITED',
    { retryAfterSeconds },
    { when: waitOf(retryAfterSeconds) },
  );
}

/** A request key as orders and tickets take it; anything else is left to the input's own check. */
const REQUEST_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** The `idempotencyKey` of a call's raw input, or null when it has none worth looking up. */
async function requestKeyOf(getRawInput: () => Promise<unknown>): Promise<string | null> {
  const raw = await getRawInput().catch(() => null);
  const key = (raw as { idempotencyKey?: unknown } | null)?.idempotencyKey;
  return typeof key === 'string' && REQUEST_KEY.test(key) ? key : null;
}

/**
 * A procedure middleware that counts each call against `action`'s budgets in RATE_LIMITS, per
 * signed-in person and per client address, before the input is parsed or anything is written:
 * `buyerProcedure.use(limited('order.place', placedBefore)).input(…)`.
 *
 * With `isReplay`, a call whose request key was already written is let through uncounted, even
 * when the budget is spent: it writes nothing (the procedure answers it with the first result),
 * and refusing it would tell a person whose answer was lost that their order or ticket was not
 * made when it was.
 */
export function limited<C extends Context = Context>(
  action: LimitedAction,
  isReplay?: (ctx: C, idempotencyKey: string) => Promise<boolean>,
) {
  return async function limit<Result>({
    ctx,
    next,
    getRawInput,
  }: {
    ctx: C;
    next: () => Promise<Result>;
    getRawInput: () => Promise<unknown>;
  }) {
    if (isReplay && ctx.services.limits.enabled) {
      const key = await requestKeyOf(getRawInput);
      if (key !== null && (await isReplay(ctx, key))) return next();
    }
    const person = ctx.session?.userId ?? null;
    const address = ctx.http ? limitKey(ctx.http.ip) : null;
    const wait = await ctx.services.limits.spend(action, person, address);
    if (wait !== null) {
      ctx.http?.resHeaders.set('Retry-After', String(wait));
      throw tooManyAttempts(wait);
    }
    return next();
  };
}
