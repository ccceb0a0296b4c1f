/** The code of the server's "too busy" refusal (a 503 sent before any work was done). */
export const OVERLOADED = 'OVERLOADED';

/** How a call refused as busy is tried again; see `retryWhenBusy`. */
export interface BusyRetryOptions {
  /** Tries after the first before the refusal is shown. */
  retries: number;
  /** The first wait; each further one doubles, and never undercuts the server's Retry-After. */
  firstDelayMs: number;
  /** The longest single wait. */
  maxDelayMs: number;
  /** The longest all of one call's waits may add up to. */
  budgetMs: number;
}

export const BUSY_RETRY: BusyRetryOptions = {
  retries: 5,
  firstDelayMs: 500,
  maxDelayMs: 10_000,
  budgetMs: 30_000,
};

/**
 * Whether some call to this backend is waiting to be sent again because the server said it was
 * busy. Elements show a calm status while it is; it fires `change` when that flips.
 */
export class BusyState extends EventTarget {
  #waiting = 0;

  get busy(): boolean {
    return this.#waiting > 0;
  }

  /** Marks one call as waiting; the returned function marks it done, once. */
  wait(): () => void {
    this.#set(this.#waiting + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#set(this.#waiting - 1);
    };
  }

  #set(waiting: number): void {
    const was = this.busy;
    this.#waiting = waiting;
    if (was !== this.busy) this.dispatchEvent(new Event('change'));
  }
}

/** Whether a response is the server's refusal to start the work (never a failure part-way). */
async function isOverloaded(response: Response): Promise<boolean> {
  if (response.status !== 503) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { error?: { code?: unknown } } | null;
  return body?.error?.code === OVERLOADED;
}

/** The server's `Retry-After` in milliseconds, when it sent a number of seconds. */
function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

/** Waits `ms`, or rejects with the abort reason when `signal` aborts first. */
export function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/**
 * The wait before try `attempt + 1` (from 0): doubling from the first delay up to the longest,
 * never shorter than the server's `Retry-After`, and up to half again at random on top.
 */
export function busyDelay(
  attempt: number,
  retryAfter: number,
  options: BusyRetryOptions = BUSY_RETRY,
): number {
  const backoff = Math.min(options.maxDelayMs, options.firstDelayMs * 2 ** attempt);
  return Math.max(retryAfter, backoff) * (1 + Math.random() / 2);
}

/**
 * A fetch that sends a request again when the server refused it as busy. The refusal comes
 * before any work is done, so sending it again is safe even for a change such as placing an
 * order. Waits grow exponentially, are never shorter than the server's `Retry-After`, and get
 * up to half again at random on top, so pages refused together do not all return together.
 * After `retries` tries, or once the waits would pass `budgetMs`, the refusal is returned for
 * the caller to show. While a request waits, `busy` says so.
 */
export function retryWhenBusy(
  send: typeof fetch,
  busy: BusyState,
  options: BusyRetryOptions = BUSY_RETRY,
): typeof fetch {
  return async (input, init) => {
    let response = await send(input, init);
    if (!(await isOverloaded(response))) return response;
    const done = busy.wait();
    try {
      let waited = 0;
      for (let attempt = 0; attempt < options.retries; attempt++) {
        const delay = busyDelay(attempt, retryAfterMs(response), options);
        if (waited + delay > options.budgetMs) break;
        await sleep(delay, init?.signal);
        waited += delay;
        response = await send(input, init);
        if (!(await isOverloaded(response))) break;
      }
      return response;
    } finally {
      done();
    }
  };
}
