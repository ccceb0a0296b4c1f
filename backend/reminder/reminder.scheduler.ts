import type { Services } from '../services.ts';
import { sendReminders, type TickResult } from './reminder.tick.ts';

/** The first look, soon after start: what came due while the server was down. */
const FIRST_MS = 1_000;

/**
 * Sends invoice and delayed-order reminders by the vendor's rules, each once however many
 * processes run it (see `sendReminders`). Ticks of one process do not overlap; a tick's events
 * are handled right after it (notifications, mail).
 */
export class ReminderScheduler {
  readonly #services: Services;
  readonly #running = new Set<Promise<unknown>>();
  #first: NodeJS.Timeout | undefined;
  #timer: NodeJS.Timeout | undefined;
  #ticking = false;
  #stopped = false;

  constructor(services: Services) {
    this.#services = services;
  }

  /** Looks now and then every `REMINDER_INTERVAL_SECONDS` (none when that is 0). */
  start(): void {
    const seconds = this.#services.config.reminderIntervalSeconds;
    if (seconds === 0) return;
    this.#stopped = false;
    this.#first = setTimeout(() => this.#tick(), FIRST_MS);
    this.#first.unref();
    this.#timer = setInterval(() => this.#tick(), seconds * 1000);
    this.#timer.unref();
  }

  /** No more ticks; resolves once any tick under way finished. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#first);
    clearInterval(this.#timer);
    await Promise.allSettled([...this.#running]);
  }

  /** One tick as of `now` (tests choose the day); rejects when it fails. */
  runNow(now = new Date()): Promise<TickResult> {
    const run = this.#run(now);
    this.#running.add(run);
    void run.finally(() => this.#running.delete(run)).catch(() => {});
    return run;
  }

  async #run(now: Date): Promise<TickResult> {
    const result = await sendReminders(this.#services.db, now);
    await this.#services.events.runNow();
    return result;
  }

  #tick(): void {
    if (this.#stopped || this.#ticking) return;
    this.#ticking = true;
    this.runNow()
      .catch((error: unknown) => {
        this.#services.logger.error(
          { err: error },
          'reminders: a tick failed; the next one retries',
        );
      })
      .finally(() => {
        this.#ticking = false;
      });
  }
}
