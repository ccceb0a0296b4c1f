import type { Db } from '../db/database.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';
import type { PorticoEvent } from './event.types.ts';

/**
 * Records an event with the change it tells of, in that change's transaction: if the change is
 * undone, so is the event, and a committed change always has its event. What it means for
 * people and other systems is worked out once, after the commit (`EventDispatcher`).
 */
export async function emitEvent(trx: Db, event: PorticoEvent, at = timestamp()): Promise<void> {
  await trx
    .insertInto('domainEvent')
    .values({
      id: newId(),
      type: event.type,
      accountId: event.accountId,
      data: JSON.stringify(event),
      at,
      handledAt: null,
    })
    .execute();
}
