import type { OpenedDatabase } from '../db/database.ts';
import { Bus } from './bus.ts';
import { relayBus } from './bus.postgres.ts';
import { RateHits } from './rate-hits.ts';

/** What several instances on one database share beyond the tables: signals and budgets. */
export interface SharedState {
  bus: Bus;
  /** The budgets in the database; null on SQLite, whose one process counts in memory. */
  hits: RateHits | null;
  /** Sends what is still queued and stops listening; before the database closes. */
  close(): Promise<void>;
}

/**
 * On PostgreSQL, a bus that reaches every instance (resolved once it listens) and budgets in
 * the database; on SQLite, the in-process bus and no shared budgets.
 */
export async function openShared(
  postgres: OpenedDatabase['postgres'],
  log: (line: string) => void,
): Promise<SharedState> {
  const bus = new Bus();
  if (!postgres) return { bus, hits: null, close: async () => {} };
  await relayBus(bus, postgres, log);
  const hits = new RateHits(postgres.pool, log);
  return {
    bus,
    hits,
    async close() {
      hits.close();
      await bus.close();
    },
  };
}
