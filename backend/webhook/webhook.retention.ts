import { setImmediate as yieldToOthers } from 'node:timers/promises';
import type { Db } from '../db/database.ts';

/** Finished deliveries and applied inbound messages are kept this long, then deleted. */
export const KEEP_DAYS = 90;
/** Rows deleted per statement, so a large backlog never holds the database for long. */
const PRUNE_BATCH = 500;

/**
 * Deletes, in small batches, the webhook deliveries that finished (delivered or failed) and
 * the inbound messages recorded more than KEEP_DAYS before `now`. Waiting deliveries stay
 * whatever their age. An ERP that sends an id again after that is applied again.
 */
export async function pruneOld(
  db: Db,
  now: Date,
  stopped: () => boolean,
): Promise<{ deliveries: number; messages: number }> {
  const before = new Date(now.getTime() - KEEP_DAYS * 86_400_000).toISOString();
  const deliveries = await inBatches(stopped, async () => {
    const rows = await db
      .selectFrom('webhookDelivery')
      .select('id')
      .where('status', 'in', ['delivered', 'failed'])
      .where('createdAt', '<', before)
      .orderBy('createdAt')
      .limit(PRUNE_BATCH)
      .execute();
    if (rows.length === 0) return 0;
    const ids = rows.map((row) => row.id);
    await db.deleteFrom('webhookDelivery').where('id', 'in', ids).execute();
    return ids.length;
  });
  const messages = await inBatches(stopped, async () => {
    const rows = await db
      .selectFrom('inboundMessage')
      .select('id')
      .where('createdAt', '<', before)
      .orderBy('createdAt')
      .limit(PRUNE_BATCH)
      .execute();
    if (rows.length === 0) return 0;
    const ids = rows.map((row) => row.id);
    await db.deleteFrom('inboundMessage').where('id', 'in', ids).execute();
    return ids.length;
  });
  return { deliveries, messages };
}

/** Runs `batch` until it deletes less than a full batch, letting other work in between. */
async function inBatches(stopped: () => boolean, batch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await batch();
    total += deleted;
    if (deleted < PRUNE_BATCH || stopped()) return total;
    await yieldToOthers();
  }
}
