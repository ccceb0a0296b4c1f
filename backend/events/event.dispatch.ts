import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { timestamp } from '../db/clock.ts';
import type { Logger } from '../log.ts';
import type { PorticoEvent, StoredEvent } from './event.types.ts';

/** Work for after the event's transaction committed: live signals, mail, waking a worker. */
export type AfterCommit = () => void | Promise<void>;

/** One meaning of events (notifications, webhook deliveries), written in the claim's transaction. */
export interface EventHandler {
  readonly name: string;
  handle(trx: Transaction<Database>, event: StoredEvent): Promise<AfterCommit | void>;
}

interface EventRow {
  id: string;
  type: string;
  data: string;
  at: string;
  attempts: number;
}

const BATCH = 100;
/** Failed handlings after which an event is set aside (logged, `failedAt` set) for good. */
export const MAX_ATTEMPTS = 5;
/** How long handled events are kept (for looking into what happened), then deleted. */
const KEEP_MS = 30 * 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;

/**
 * Works out what each recorded event means, exactly once however many processes share the
 * database: an event is claimed by the transaction that writes its handlers' rows, so a crash
 * or a failed handler leaves it for the next run. A request has its own events handled before
 * it answers (`handleNow`, see `trpc.ts`); other writers run the whole queue after their commit
 * (`runNow`), and a sweep catches what a crash left.
 */
export class EventDispatcher {
  readonly #db: Db;
  readonly #logger: Logger;
  readonly #handlers: EventHandler[] = [];
  #current: Promise<void> = Promise.resolve();
  #queued: Promise<void> | null = null;
  #timer: NodeJS.Timeout | undefined;
  #prunedAt = 0;
  #stopped = false;

  constructor(db: Db, logger: Logger) {
    this.#db = db;
    this.#logger = logger;
  }

  register(handler: EventHandler): void {
    this.#handlers.push(handler);
  }

  /** Handles what is waiting now, then sweeps every `intervalMs` for what a crash left. */
  start(intervalMs = 10_000): void {
    void this.runNow();
    this.#timer = setInterval(() => void this.runNow(), intervalMs);
    this.#timer.unref();
  }

  /** No new runs, and the one under way ends after its current event. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#current;
  }

  /**
   * Handles every event recorded before this call. Never rejects: a failing event is logged and
   * stays waiting for a later run. Calls while a run is queued share it.
   */
  runNow(): Promise<void> {
    if (this.#stopped) return this.#current;
    this.#queued ??= this.#current.then(() => {
      this.#queued = null;
      return this.#drain();
    });
    this.#current = this.#queued;
    return this.#queued;
  }

  /**
   * Handles these events (a request's own, see `emittedBy`) now, ahead of any queue, and
   * leaves the rest to the runs. One another process claimed first is skipped. Never rejects.
   */
  async handleNow(ids: readonly string[]): Promise<void> {
    if (ids.length === 0 || this.#stopped) return;
    const rows = await this.#waiting()
      .where('id', 'in', [...ids])
      .execute()
      .catch((error: unknown) => {
        this.#logger.error({ err: error }, 'events: could not read a request’s events');
        return [];
      });
    for (const row of rows) await this.#process(row);
  }

  async #drain(): Promise<void> {
    await this.#prune();
    const failed = new Set<string>();
    while (!this.#stopped) {
      const waiting = await this.#waiting()
        .$if(failed.size > 0, (query) => query.where('id', 'not in', [...failed]))
        .limit(BATCH)
        .execute()
        .catch((error: unknown) => {
          this.#logger.error({ err: error }, 'events: could not read the waiting events');
          return [];
        });
      for (const row of waiting) {
        if (this.#stopped) return;
        if (!(await this.#process(row))) failed.add(row.id);
      }
      if (waiting.length < BATCH) return;
    }
  }

  /** Events not handled yet, oldest first. */
  #waiting() {
    return this.#db
      .selectFrom('domainEvent')
      .select(['id', 'type', 'data', 'at', 'attempts'])
      .where('handledAt', 'is', null)
      .orderBy('at')
      .orderBy('id');
  }

  /** Handles one event and runs its work after the commit; false when it failed. */
  async #process(row: EventRow): Promise<boolean> {
    try {
      const event: StoredEvent = {
        ...(JSON.parse(row.data) as PorticoEvent),
        id: row.id,
        at: row.at,
      };
      const effects = await this.#handle(event);
      for (const effect of effects) await this.#afterCommit(event, effect);
      return true;
    } catch (error) {
      await this.#failed(row, error);
      return false;
    }
  }

  /** Claims and handles one event in one transaction; the work for after its commit. */
  #handle(event: StoredEvent): Promise<AfterCommit[]> {
    return this.#db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('domainEvent')
        .set({ handledAt: timestamp() })
        .where('id', '=', event.id)
        .where('handledAt', 'is', null)
        .executeTakeFirst();
      // Another process (or an earlier run) handled it in the meantime.
      if (claimed.numUpdatedRows === 0n) return [];
      const effects: AfterCommit[] = [];
      for (const handler of this.#handlers) {
        const effect = await handler.handle(trx, event);
        if (effect) effects.push(effect);
      }
      return effects;
    });
  }

  /** Counts a failed handling; after `MAX_ATTEMPTS` the event is set aside, so it blocks nothing. */
  async #failed(row: EventRow, error: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const givenUp = attempts >= MAX_ATTEMPTS;
    const at = timestamp();
    this.#logger.error(
      { err: error, eventId: row.id, eventType: row.type, attempts },
      givenUp
        ? `events: an event failed ${attempts} times and is set aside; nobody is told of it`
        : 'events: an event could not be handled; it is tried again later',
    );
    await this.#db
      .updateTable('domainEvent')
      .set(givenUp ? { attempts, handledAt: at, failedAt: at } : { attempts })
      .where('id', '=', row.id)
      .where('handledAt', 'is', null)
      .execute()
      .catch((cause: unknown) => {
        this.#logger.error({ err: cause, eventId: row.id }, 'events: the failure was not counted');
      });
  }

  async #afterCommit(event: StoredEvent, effect: AfterCommit): Promise<void> {
    try {
      await effect();
    } catch (error) {
      this.#logger.error(
        { err: error, eventId: event.id, eventType: event.type },
        'events: work after an event failed',
      );
    }
  }

  /** Deletes events handled more than 30 days ago, at most once an hour. */
  async #prune(): Promise<void> {
    if (Date.now() - this.#prunedAt < PRUNE_EVERY_MS) return;
    this.#prunedAt = Date.now();
    const before = new Date(Date.now() - KEEP_MS).toISOString();
    await this.#db
      .deleteFrom('domainEvent')
      .where('handledAt', 'is not', null)
      .where('handledAt', '<', before)
      .execute()
      .catch((error: unknown) => {
        this.#logger.error({ err: error }, 'events: old events were not deleted');
      });
  }
}
