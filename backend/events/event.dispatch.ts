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

const BATCH = 100;

/**
 * Works out what each recorded event means, exactly once however many processes share the
 * database: an event is claimed by the transaction that writes its handlers' rows, so a crash
 * or a failed handler leaves it for the next run. Mutations run it before they answer (see
 * `trpc.ts`), other writers after their commit; a sweep catches what a crash left behind.
 */
export class EventDispatcher {
  readonly #db: Db;
  readonly #logger: Logger;
  readonly #handlers: EventHandler[] = [];
  #current: Promise<void> = Promise.resolve();
  #queued: Promise<void> | null = null;
  #timer: NodeJS.Timeout | undefined;
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

  /** No new runs; resolves when the one under way finished. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#current;
  }

  /**
   * Handles every event recorded before this call. Never rejects: a failing event is logged and
   * stays waiting for the next run. Calls while a run is queued share it.
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

  async #drain(): Promise<void> {
    const failed = new Set<string>();
    for (;;) {
      const waiting = await this.#waiting(failed).catch((error: unknown) => {
        this.#logger.error({ err: error }, 'events: could not read the waiting events');
        return [];
      });
      if (waiting.length === 0) return;
      for (const row of waiting) {
        const event: StoredEvent = {
          ...(JSON.parse(row.data) as PorticoEvent),
          id: row.id,
          at: row.at,
        };
        try {
          const effects = await this.#handle(event);
          for (const effect of effects) await this.#afterCommit(event, effect);
        } catch (error) {
          failed.add(row.id);
          this.#logger.error(
            { err: error, eventId: row.id, eventType: row.type },
            'events: an event could not be handled; it is tried again later',
          );
        }
      }
      if (waiting.length < BATCH) return;
    }
  }

  #waiting(failed: ReadonlySet<string>) {
    return this.#db
      .selectFrom('domainEvent')
      .select(['id', 'type', 'data', 'at'])
      .where('handledAt', 'is', null)
      .$if(failed.size > 0, (query) => query.where('id', 'not in', [...failed]))
      .orderBy('at')
      .orderBy('id')
      .limit(BATCH)
      .execute();
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
}
