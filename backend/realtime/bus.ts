import { EventEmitter, on } from 'node:events';

/** Something changed on a ticket. `internal` changes (notes, assignment) are for staff only. */
export interface TicketChange {
  ticketId: string;
  accountId: string;
  type: 'created' | 'message' | 'status' | 'changed' | 'merged' | 'read';
  internal: boolean;
  /** The public message that was added, when there is one. */
  messageId?: string;
  /** Who made the change; their own views need no notice of it. */
  actorId: string | null;
}

interface Events {
  ticket: [TicketChange];
}

/**
 * Changes that open views want to hear about at once. In one process this is an event emitter;
 * several processes would carry the same events over the database (see DESIGN.md).
 */
export class Bus {
  readonly #emitter = new EventEmitter<Events>();

  constructor() {
    // Every open thread or inbox is one listener; there is no leak to warn about.
    this.#emitter.setMaxListeners(0);
  }

  publish(change: TicketChange): void {
    this.#emitter.emit('ticket', change);
  }

  /** Ticket changes until the signal aborts. */
  async *ticketChanges(signal: AbortSignal | undefined): AsyncGenerator<TicketChange> {
    try {
      for await (const [change] of on(this.#emitter, 'ticket', { signal })) {
        yield change as TicketChange;
      }
    } catch (error) {
      // The listener went away (the stream closed): that is how every subscription ends.
      if (!signal?.aborted) throw error;
    }
  }
}
