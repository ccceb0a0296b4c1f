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

/**
 * Something happened in a chat. The stream that hears it reads the messages themselves from the
 * database (after the last one it sent), so order and exactly-once never depend on the bus.
 */
export type ChatSignal =
  | { type: 'message'; conversationId: string; seq: number }
  /** Status, agent or receipts changed. */
  | { type: 'conversation'; conversationId: string }
  | {
      type: 'typing';
      conversationId: string;
      role: 'customer' | 'staff';
      name: string;
      typing: boolean;
    };

/** An order was placed, or changed by its customer or by staff (its timeline has the details). */
export interface OrderChange {
  orderId: string;
  accountId: string;
  type: 'placed' | 'changed';
  /** Who made the change; their own views need no notice of it. */
  actorId: string;
}

/** New notifications, or read marks, for one person: their bells count again. */
export interface NotificationSignal {
  userId: string;
}

/** Announcements were published, changed or ended: for everyone (`null`) or some accounts. */
export interface AnnouncementSignal {
  accountIds: string[] | null;
}

/** Agents came online or went away. */
export interface PresenceSignal {
  type: 'presence';
}

type Events = {
  ticket: [TicketChange];
  order: [OrderChange];
  chat: [ChatSignal | PresenceSignal];
  announcement: [AnnouncementSignal];
} & Record<`notification:${string}`, [NotificationSignal]> &
  Record<`chat:${string}`, [ChatSignal]>;

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
  ticketChanges(signal: AbortSignal | undefined): AsyncGenerator<TicketChange> {
    return this.#listen<TicketChange>('ticket', signal);
  }

  publishOrder(change: OrderChange): void {
    this.#emitter.emit('order', change);
  }

  /** Order changes until the signal aborts. */
  orderChanges(signal: AbortSignal | undefined): AsyncGenerator<OrderChange> {
    return this.#listen<OrderChange>('order', signal);
  }

  /** Tells one conversation's streams, and every staff stream. */
  publishChat(signal: ChatSignal | PresenceSignal): void {
    if (signal.type !== 'presence') this.#emitter.emit(`chat:${signal.conversationId}`, signal);
    this.#emitter.emit('chat', signal);
  }

  /** One conversation's signals (a customer's stream), or every chat's (`null`, staff). */
  chatSignals(
    conversationId: string | null,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<ChatSignal | PresenceSignal> {
    return this.#listen(conversationId === null ? 'chat' : `chat:${conversationId}`, signal);
  }

  publishNotification(signal: NotificationSignal): void {
    this.#emitter.emit(`notification:${signal.userId}`, signal);
  }

  /** One person's notification signals until the signal aborts. */
  notificationSignals(
    userId: string,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<NotificationSignal> {
    return this.#listen(`notification:${userId}`, signal);
  }

  publishAnnouncement(signal: AnnouncementSignal): void {
    this.#emitter.emit('announcement', signal);
  }

  /** Every announcement change until the signal aborts. */
  announcementSignals(signal: AbortSignal | undefined): AsyncGenerator<AnnouncementSignal> {
    return this.#listen('announcement', signal);
  }

  /** Listens from this call on (not from the first `next`), so nothing in between is missed. */
  #listen<Event>(name: keyof Events, signal: AbortSignal | undefined): AsyncGenerator<Event> {
    const events = on(this.#emitter, name, { signal });
    return (async function* () {
      try {
        for await (const [event] of events) yield event as Event;
      } catch (error) {
        // The listener went away (the stream closed): that is how every subscription ends.
        if (!signal?.aborted) throw error;
      }
    })();
  }
}
