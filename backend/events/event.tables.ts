import type { PorticoEventType } from './event.types.ts';

export interface EventTables {
  domainEvent: DomainEventTable;
}

/**
 * The outbox: every event, written in the transaction of the change it tells of. `handledAt`
 * is set, in the transaction that writes what the event means, by whichever process claims it.
 */
export interface DomainEventTable {
  id: string;
  type: PorticoEventType;
  accountId: string;
  /** The whole event as JSON (its type and account included). */
  data: string;
  at: string;
  handledAt: string | null;
  /** Failed handlings so far; at `MAX_ATTEMPTS` the event is set aside (`failedAt`). */
  attempts: number;
  /** When the event was given up on after failing `MAX_ATTEMPTS` times (its `handledAt` too). */
  failedAt: string | null;
}
