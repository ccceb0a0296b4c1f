import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import { limitKey } from '../client-address.ts';

/**
 * The longest a request waits in the queue for a free slot. Past it the answer is the same 503
 * as for a full queue: a client that retries soon does better than one left hanging.
 */
export const QUEUE_WAIT_MS = 3_000;

/** The code and sentence of every "too busy" answer; live-update streams refuse with the same. */
export const OVERLOADED = {
  code: 'OVERLOADED',
  message: 'The portal is busy. Try again in a few seconds.',
} as const;

/** `Retry-After` stays within these bounds: soon enough to feel alive, late enough to help. */
const RETRY_AFTER_MIN_SECONDS = 1;
const RETRY_AFTER_MAX_SECONDS = 5;

/** The weight of the newest request in the running average of how long requests take. */
const AVERAGE_WEIGHT = 0.1;

/** Hands the slot back; calling it twice is harmless. */
export type Release = () => void;

interface Waiter {
  readonly address: string;
  admit(release: Release): void;
  refuse(): void;
}

/**
 * The most slots one client address may hold at once: a quarter of all slots, at least one.
 * Without it, one client (a script, or someone sending a few dozen uploads slowly) could hold
 * every slot and make the portal answer "busy" to everyone else; with it, at least three
 * quarters of the slots are always left to other addresses. A quarter still lets a busy office
 * behind one address (a company's shared outgoing address) run many calls at once.
 */
export function slotsPerAddress(concurrent: number): number {
  return Math.max(1, Math.floor(concurrent / 4));
}

/**
 * Counts requests in progress and lets at most `concurrent` run at once, at most `perAddress`
 * of them from one client address; up to `queued` more wait their turn (at most `perAddress`
 * of those from one address), first come first served among those that may run, for at most
 * `waitMs`. Anything past that is refused at once, so an overloaded server answers quickly
 * instead of piling up work it cannot finish.
 */
export class AdmissionGate {
  readonly #concurrent: number;
  readonly #queued: number;
  readonly #waitMs: number;
  readonly #perAddress: number;
  #active = 0;
  readonly #queue: Waiter[] = [];
  /** Slots held and places in the queue, per client address (absent when both are 0). */
  readonly #held = new Map<string, number>();
  readonly #waitingFrom = new Map<string, number>();
  /** A running average of how long admitted requests held their slot, for `retryAfter`. */
  #averageMs = 0;

  constructor(limits: { concurrent: number; queued: number; waitMs: number; perAddress?: number }) {
    this.#concurrent = limits.concurrent;
    this.#queued = limits.queued;
    this.#waitMs = limits.waitMs;
    this.#perAddress = limits.perAddress ?? slotsPerAddress(limits.concurrent);
  }

  /** Requests holding a slot now. */
  get active(): number {
    return this.#active;
  }

  /** Requests waiting for a slot now. */
  get waiting(): number {
    return this.#queue.length;
  }

  /**
   * A slot's release function once one is free, or null when the request is refused: the queue
   * is full, the wait ran out, or `signal` aborted (the client went away while it waited).
   */
  enter(address = '', signal?: () => AbortSignal): Promise<Release | null> {
    if (this.#mayRun(address) && !this.#queue.some((waiter) => this.#mayRun(waiter.address))) {
      return Promise.resolve(this.#take(address));
    }
    if (
      this.#queue.length >= this.#queued ||
      count(this.#waitingFrom, address) >= this.#perAddress
    ) {
      return Promise.resolve(null);
    }
    return new Promise((resolve) => {
      const abort = signal?.();
      const leave = () => {
        clearTimeout(timer);
        abort?.removeEventListener('abort', refuse);
        const index = this.#queue.indexOf(waiter);
        if (index === -1) return;
        this.#queue.splice(index, 1);
        add(this.#waitingFrom, address, -1);
      };
      const refuse = () => {
        leave();
        resolve(null);
      };
      const waiter: Waiter = {
        address,
        admit: (release) => {
          leave();
          resolve(release);
        },
        refuse,
      };
      const timer = setTimeout(refuse, this.#waitMs);
      abort?.addEventListener('abort', refuse, { once: true });
      this.#queue.push(waiter);
      add(this.#waitingFrom, address, 1);
    });
  }

  /** Whether a request from `address` could take a slot now. */
  #mayRun(address: string): boolean {
    return this.#active < this.#concurrent && count(this.#held, address) < this.#perAddress;
  }

  /**
   * Seconds a refused client should wait: roughly how long the requests ahead of it take to
   * clear the slots, from the running average, within 1 to 5.
   */
  retryAfter(): number {
    const ahead = this.#queue.length + 1;
    const seconds = Math.ceil((ahead * this.#averageMs) / this.#concurrent / 1000);
    return Math.min(RETRY_AFTER_MAX_SECONDS, Math.max(RETRY_AFTER_MIN_SECONDS, seconds));
  }

  #take(address: string): Release {
    this.#active += 1;
    add(this.#held, address, 1);
    const started = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const took = performance.now() - started;
      this.#averageMs += (took - this.#averageMs) * AVERAGE_WEIGHT;
      this.#active -= 1;
      add(this.#held, address, -1);
      // The longest-waiting request whose address is under its share gets the slot.
      const next = this.#queue.find((waiter) => this.#mayRun(waiter.address));
      next?.admit(this.#take(next.address));
    };
  }
}

function count(counts: Map<string, number>, key: string): number {
  return counts.get(key) ?? 0;
}

function add(counts: Map<string, number>, key: string, by: number): void {
  const value = count(counts, key) + by;
  if (value > 0) counts.set(key, value);
  else counts.delete(key);
}

const TRPC_PREFIX = '/api/trpc/';

/** Element bundles and media, served from disk: a browser never retries a refused script. */
const STATIC = /^\/(portico\.js$|chunks\/|media\/)/;

/**
 * Requests the gate never counts: health checks (a load balancer must always get an answer),
 * CORS preflights (refusing one would hide the 503 behind a CORS failure), static files, and
 * the opening of a live-update stream: a GET of one subscription procedure asking for
 * server-sent events, which the live-stream limit counts instead (it stays open for hours).
 * Asking for events is not enough on its own: any other request that does so (a sign-in, a
 * download, a query) is counted like every other.
 */
function exempt(c: HonoContext, isSubscription: (path: string) => boolean): boolean {
  const { method, path } = c.req;
  if (method === 'OPTIONS' || path === '/healthz' || path === '/readyz') return true;
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (STATIC.test(path)) return true;
  return (
    method === 'GET' &&
    path.startsWith(TRPC_PREFIX) &&
    isSubscription(path.slice(TRPC_PREFIX.length)) &&
    (c.req.header('accept')?.includes('text/event-stream') ?? false)
  );
}

/**
 * The 503 a refused request gets. It is answered before the CORS middleware runs (refusing
 * must stay cheap), so it carries the CORS headers itself: a trusted page must be able to read
 * the code and `Retry-After` to wait and try again.
 */
async function refusal(
  c: HonoContext,
  seconds: number,
  trusted: (origin: string) => Promise<boolean>,
): Promise<Response> {
  c.header('Retry-After', String(seconds));
  c.header('Cache-Control', 'no-store');
  const origin = c.req.header('origin');
  if (c.req.path.startsWith('/api/') && origin && (await trusted(origin))) {
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Allow-Credentials', 'true');
    c.header('Access-Control-Expose-Headers', 'retry-after');
    c.header('Vary', 'Origin', { append: true });
  }
  return c.json({ error: OVERLOADED }, 503);
}

export interface AdmissionOptions {
  /** Whether the page of a browser on `origin` may read the refusal. */
  trusted(origin: string): Promise<boolean>;
  /** The client's address, as the rate limits see it (through the vendor's own proxies). */
  addressOf(c: HonoContext): string;
  /** Whether a tRPC path (`ticket.onUpdate`) names one subscription procedure. */
  isSubscription(path: string): boolean;
}

/**
 * Admission control for the whole app: at most `maxConcurrentRequests` handled at once (at
 * most a quarter of them, see `slotsPerAddress`, from one client address), up to
 * `maxQueuedRequests` more waiting briefly, and past that an immediate 503 with `Retry-After`.
 * A refused request never reached a handler, so a client may safely send it again, even a
 * mutation. A request holds its slot until its handler has answered (a streamed download frees
 * it once the stream starts; tRPC's streamed batches are refused for that reason, in server.ts).
 */
export function admitRequests(
  config: Pick<Config, 'maxConcurrentRequests' | 'maxQueuedRequests'>,
  options: AdmissionOptions,
): MiddlewareHandler {
  const { trusted, addressOf, isSubscription } = options;
  const gate = new AdmissionGate({
    concurrent: config.maxConcurrentRequests,
    queued: config.maxQueuedRequests,
    waitMs: QUEUE_WAIT_MS,
  });
  return async (c, next) => {
    if (exempt(c, isSubscription)) return next();
    const release = await gate.enter(limitKey(addressOf(c)), () => c.req.raw.signal);
    if (!release) return refusal(c, gate.retryAfter(), trusted);
    try {
      await next();
    } finally {
      release();
    }
  };
}
