import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../db/database.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';
import type { PorticoEvent } from './event.types.ts';

/** The ids of the events a piece of work emitted (see `emittedBy`). */
const emitted = new AsyncLocalStorage<string[]>();

/**
 * Records an event with the change it tells of, in that change's transaction: if the change is
 * undone, so is the event, and a committed change always has its event. What it means for
 * people and other systems is worked out once, after the commit (`EventDispatcher`).
 */
export async function emitEvent(trx: Db, event: PorticoEvent, at = timestamp()): Promise<void> {
  const id = newId();
  await trx
    .insertInto('domainEvent')
    .values({
      id,
      type: event.type,
      accountId: event.accountId,
      data: JSON.stringify(event),
      at,
      handledAt: null,
      attempts: 0,
      failedAt: null,
    })
    .execute();
  emitted.getStore()?.push(id);
}

/**
 * Runs `work` and names the events it emitted, so that a request can have its own handled
 * before it answers without waiting for anyone else's. An id whose transaction was rolled back
 * names no event and is simply not found.
 */
export async function emittedBy<T>(work: () => Promise<T>): Promise<{ result: T; ids: string[] }> {
  const ids: string[] = [];
  const result = await emitted.run(ids, work);
  return { result, ids };
}
