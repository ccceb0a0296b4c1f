import type { OpenedDatabase } from '../db/database.ts';
import { Bus } from './bus.ts';
import { relayBus } from './bus.postgres.ts';
import { ChatWatches } from './chat-watches.ts';
import { RateHits } from './rate-hits.ts';

/**
 * What several instances on one database share beyond the tables: signals, budgets, and which
 * chats customers have open.
 */
export interface SharedState {
  bus: Bus;
  /** The budgets in the database; null on SQLite, whose one process counts in memory. */
  hits: RateHits | null;
  /** Which chats are open on which instance; null on SQLite, whose one process knows. */
  watches: ChatWatches | null;
  /** Sends what is still queued and stops listening; before the database closes. */
  close(): Promise<void>;
}

/**
 * On PostgreSQL, a bus that reaches every instance (resolved once it listens), budgets and chat
 * watchers in the database; on SQLite, the in-process bus and nothing shared.
 */
export async function openShared(
  postgres: OpenedDatabase['postgres'],
  log: (line: string) => void,
): Promise<SharedState> {
  const bus = new Bus();
  if (!postgres) return { bus, hits: null, watches: null, close: async () => {} };
  await relayBus(bus, postgres, log);
  const hits = new RateHits(postgres.pool, log);
  const watches = new ChatWatches(postgres.pool, log);
  return {
    bus,
    hits,
    watches,
    async close() {
      hits.close();
      await watches.close();
      await bus.close();
    },
  };
}
