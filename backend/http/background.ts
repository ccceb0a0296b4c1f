import type { Logger } from '../log.ts';
import { IdleSignal } from './idle.ts';

/**
 * Work a request starts and leaves running after its answer: the mail about a new ticket, an
 * answer, an order, an invitation, a new device, and better-auth's own mail. The answer must not
 * wait for a mail server, but a graceful stop must: it waits (within SHUTDOWN_GRACE_SECONDS) for
 * every task here before it closes the mailer and the database, so a stop never drops a mail
 * whose change was already acknowledged.
 */
export class BackgroundTasks {
  readonly #logger: Logger;
  /** Each running task and what it is, for the log when a stop has to abandon it. */
  readonly #running = new Map<Promise<void>, string>();
  readonly #idle = new IdleSignal(() => this.#running.size === 0);

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Tasks still running. */
  get pending(): number {
    return this.#running.size;
  }

  /** What the running tasks are, such as `['new-ticket mail']`. */
  names(): string[] {
    return [...this.#running.values()];
  }

  /**
   * Runs `task` without waiting for it. A failure it did not handle itself is logged with
   * `what` (a few words, never an address: `'order mail'`). The log lines it writes keep the
   * id of the request that started it.
   */
  run(what: string, task: () => Promise<unknown>): void {
    let started: Promise<unknown>;
    try {
      started = task();
    } catch (error) {
      started = Promise.reject(error);
    }
    this.track(what, started);
  }

  /** Counts a promise someone else started (better-auth's background tasks) as a task. */
  track(what: string, task: Promise<unknown>): void {
    const running: Promise<void> = task.then(
      () => undefined,
      (error: unknown) => {
        this.#logger.warn({ err: error, task: what }, `${what} failed`);
      },
    );
    this.#running.set(running, what);
    void running.finally(() => {
      this.#running.delete(running);
      this.#idle.check();
    });
  }

  /** Resolves true once no task is running, or false when `timeoutMs` passed first. */
  settled(timeoutMs: number): Promise<boolean> {
    return this.#idle.settled(timeoutMs);
  }
}
