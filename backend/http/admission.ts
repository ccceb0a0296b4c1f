import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';

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
  admit(release: Release): void;
  refuse(): void;
}

/**
 * Counts requests in progress and lets at most `concurrent` run at once; up to `queued` more
 * wait their turn, first come first served, for at most `waitMs`. Anything past that is refused
 * at once, so an overloaded server answers quickly instead of piling up work it cannot finish.
 */
export class AdmissionGate {
  readonly #concurrent: number;
  readonly #queued: number;
  readonly #waitMs: number;
  #active = 0;
  readonly #queue: Waiter[] = [];
  /** A running average of how long admitted requests held their slot, for `retryAfter`. */
  #averageMs = 0;

  constructor(limits: { concurrent: number; queued: number; waitMs: number }) {
    this.#concurrent = limits.concurrent;
    this.#queued = limits.queued;
    this.#waitMs = limits.waitMs;
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
  enter(signal?: () => AbortSignal): Promise<Release | null> {
    if (this.#active < this.#concurrent && this.#queue.length === 0) {
      return Promise.resolve(this.#take());
    }
    if (this.#queue.length >= this.#queued) return Promise.resolve(null);
    return new Promise((resolve) => {
      const abort = signal?.();
      const leave = () => {
        clearTimeout(timer);
        abort?.removeEventListener('abort', refuse);
        const index = this.#queue.indexOf(waiter);
        if (index !== -1) this.#queue.splice(index, 1);
      };
      const refuse = () => {
        leave();
        resolve(null);
      };
      const waiter: Waiter = {
        admit: (release) => {
          leave();
          resolve(release);
        },
        refuse,
      };
      const timer = setTimeout(refuse, this.#waitMs);
      abort?.addEventListener('abort', refuse, { once: true });
      this.#queue.push(waiter);
    });
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

  #take(): Release {
    this.#active += 1;
    const started = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const took = performance.now() - started;
      this.#averageMs += (took - this.#averageMs) * AVERAGE_WEIGHT;
      this.#active -= 1;
      this.#queue[0]?.admit(this.#take());
    };
  }
}

/** Element bundles and media, served from disk: a browser never retries a refused script. */
const STATIC = /^\/(portico\.js$|chunks\/|media\/)/;

/**
 * Requests the gate never counts: health checks (a load balancer must always get an answer),
 * CORS preflights (refusing one would hide the 503 behind a CORS failure), live-update streams
 * (they stay open for hours and have their own limit) and static files.
 */
function exempt(c: HonoContext): boolean {
  const { method, path } = c.req;
  if (method === 'OPTIONS' || path === '/healthz' || path === '/readyz') return true;
  if (c.req.header('accept')?.includes('text/event-stream')) return true;
  return (method === 'GET' || method === 'HEAD') && STATIC.test(path);
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

/**
 * Admission control for the whole app: at most `maxConcurrentRequests` handled at once, up to
 * `maxQueuedRequests` more waiting briefly, and past that an immediate 503 with `Retry-After`.
 * A refused request never reached a handler, so a client may safely send it again, even a
 * mutation. A request holds its slot until its handler has answered (a streamed download frees
 * it once the stream starts).
 */
export function admitRequests(
  config: Pick<Config, 'maxConcurrentRequests' | 'maxQueuedRequests'>,
  trusted: (origin: string) => Promise<boolean>,
): MiddlewareHandler {
  const gate = new AdmissionGate({
    concurrent: config.maxConcurrentRequests,
    queued: config.maxQueuedRequests,
    waitMs: QUEUE_WAIT_MS,
  });
  return async (c, next) => {
    if (exempt(c)) return next();
    const release = await gate.enter(() => c.req.raw.signal);
    if (!release) return refusal(c, gate.retryAfter(), trusted);
    try {
      await next();
    } finally {
      release();
    }
  };
}
