/**
 * Tells waiters when a set of running things (requests in flight, work left after an answer)
 * has emptied: the graceful stop waits on it, for at most its grace.
 */
export class IdleSignal {
  readonly #waiters = new Set<() => void>();
  readonly #isIdle: () => boolean;

  constructor(isIdle: () => boolean) {
    this.#isIdle = isIdle;
  }

  /** Call when something finished: wakes every waiter if nothing is running any more. */
  check(): void {
    if (this.#isIdle()) for (const wake of [...this.#waiters]) wake();
  }

  /** Resolves true once nothing is running, or false when `timeoutMs` passed first. */
  settled(timeoutMs: number): Promise<boolean> {
    if (this.#isIdle()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (result: boolean) => {
        clearTimeout(timer);
        this.#waiters.delete(wake);
        resolve(result);
      };
      const wake = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.#waiters.add(wake);
    });
  }
}
