import { EventEmitter, on } from 'node:events';

/** Something changed on a ticket. `internal` changes (notes, assignment) are for staff only. */
export interface TicketChange {
  ticketId: string;
  accountId: string;
  /** `sync`: what the reader sees may have changed in ways the bus missed; read it all again. */
  type: 'created' | 'message' | 'status' | 'changed' | 'merged' | 'read' | 'sync';
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
  /** `sync`: changes may have been missed; whatever is on screen should be read again. */
  type: 'placed' | 'changed' | 'sync';
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

/**
 * Chat signals may have been missed (see `Bus.resync`): staff consoles, which get no replay,
 * read their queue again. Only ever emitted by this instance for its own streams.
 */
export interface ChatSyncSignal {
  type: 'sync';
}

/**
 * What one instance tells the others: every change as it was published, that sessions changed
 * (their caches drop what they hold), and `peer` messages between the instances' own parts
 * (chat presence). `resync` stands in for a message too large to send (never a `peer` one, whose
 * senders keep theirs small): everything is read again.
 */
export type BusMessage =
  | { kind: 'ticket'; change: TicketChange }
  | { kind: 'order'; change: OrderChange }
  | { kind: 'chat'; signal: ChatSignal | PresenceSignal }
  | { kind: 'notification'; signal: NotificationSignal }
  | { kind: 'announcement'; signal: AnnouncementSignal }
  | { kind: 'sessions' }
  | { kind: 'peer'; topic: string; body: unknown }
  | { kind: 'resync' };

/** Carries this instance's messages to the other instances, and theirs to `Bus.receive`. */
export interface Relay {
  send(message: BusMessage): void;
  close(): Promise<void>;
}

type Events = {
  ticket: [TicketChange];
  order: [OrderChange];
  chat: [ChatSignal | PresenceSignal | ChatSyncSignal];
  announcement: [AnnouncementSignal];
} & Record<`notification:${string}`, [NotificationSignal]> &
  Record<`chat:${string}`, [ChatSignal]>;

/** Signals for this instance's own parts, never for a stream. */
type InstanceEvents = {
  sessions: [];
  resync: [];
  reconnected: [];
} & Record<`peer:${string}`, [unknown]>;

/**
 * Changes that open views want to hear about at once. Within one process an event emitter; with
 * a relay (PostgreSQL's NOTIFY, see `bus.postgres.ts`) every publish also reaches the other
 * instances, whose listeners hear it as if it were their own. The publisher's own listeners hear
 * it at once, without the round trip. Streams read what changed from the database after a
 * signal, so a signal never needs to carry more than ids.
 */
export class Bus {
  readonly #emitter = new EventEmitter<Events>();
  readonly #instance = new EventEmitter<InstanceEvents>();
  #relay: Relay | null = null;

  constructor() {
    // Every open thread or inbox is one listener; there is no leak to warn about.
    this.#emitter.setMaxListeners(0);
    this.#instance.setMaxListeners(0);
  }

  /** From now on publishes reach the other instances too. */
  connect(relay: Relay): void {
    this.#relay = relay;
  }

  /** Whether other instances may be listening (PostgreSQL), or this process is alone. */
  get shared(): boolean {
    return this.#relay !== null;
  }

  /** Another instance's message: heard here as if it had been published here. */
  receive(message: BusMessage): void {
    switch (message.kind) {
      case 'ticket':
        return void this.#emitter.emit('ticket', message.change);
      case 'order':
        return void this.#emitter.emit('order', message.change);
      case 'chat':
        return this.#emitChat(message.signal);
      case 'notification':
        return void this.#emitter.emit(`notification:${message.signal.userId}`, message.signal);
      case 'announcement':
        return void this.#emitter.emit('announcement', message.signal);
      case 'sessions':
        return void this.#instance.emit('sessions');
      case 'peer':
        return void this.#instance.emit(`peer:${message.topic}`, message.body);
      case 'resync':
        // Another instance's message that did not fit: read again, but ask nobody anything, so
        // no answer of this instance can ever start another instance's resync.
        return this.#catchUp();
    }
  }

  /**
   * This instance's listener came back after its connection dropped, so signals may have been
   * missed: everything here reads its state again, and its parts ask the other instances again
   * (presence says hello). Only the relay calls this, for its own reconnect.
   */
  resync(): void {
    this.#catchUp();
    this.#instance.emit('reconnected');
  }

  /**
   * Every open stream here is told to read its state again, each in the shape it already answers
   * by reading the database, and this instance's session cache empties.
   */
  #catchUp(): void {
    this.#emitter.emit('ticket', {
      type: 'sync',
      ticketId: '',
      accountId: '',
      internal: false,
      actorId: null,
    });
    this.#emitter.emit('order', { type: 'sync', orderId: '', accountId: '', actorId: '' });
    for (const name of this.#emitter.eventNames()) {
      if (typeof name !== 'string') continue;
      if (name.startsWith('notification:')) {
        this.#emitter.emit(name as `notification:${string}`, { userId: name.slice(13) });
      } else if (name.startsWith('chat:')) {
        const conversationId = name.slice(5);
        // A customer's stream reads every message after the last it sent, then the state.
        const chat = name as `chat:${string}`;
        this.#emitter.emit(chat, { type: 'message', conversationId, seq: Number.MAX_SAFE_INTEGER });
        this.#emitter.emit(chat, { type: 'conversation', conversationId });
      }
    }
    this.#emitter.emit('chat', { type: 'presence' });
    this.#emitter.emit('chat', { type: 'sync' });
    this.#emitter.emit('announcement', { accountIds: null });
    this.#instance.emit('resync');
  }

  /** Ends the relay (services.close): what it still had to send goes first. */
  async close(): Promise<void> {
    const relay = this.#relay;
    this.#relay = null;
    await relay?.close();
  }

  /** Sessions ended or changed here: the other instances' session caches drop what they hold. */
  publishSessionsChanged(): void {
    this.#relay?.send({ kind: 'sessions' });
  }

  /** Runs when another instance changed sessions, or signals may have been missed. */
  onSessionsChanged(listener: () => void): void {
    this.#instance.on('sessions', listener);
    this.#instance.on('resync', listener);
  }

  /** Tells the other instances' parts that listen on `topic` (never this instance's). */
  tellPeers(topic: string, body: unknown): void {
    this.#relay?.send({ kind: 'peer', topic, body });
  }

  /** What other instances tell this one on `topic`. */
  onPeers(topic: string, listener: (body: unknown) => void): void {
    this.#instance.on(`peer:${topic}`, listener);
  }

  /** Runs after this instance's own listener reconnected (see `resync`), never for another's. */
  onReconnected(listener: () => void): void {
    this.#instance.on('reconnected', listener);
  }

  publish(change: TicketChange): void {
    this.#emitter.emit('ticket', change);
    this.#relay?.send({ kind: 'ticket', change });
  }

  /** Ticket changes until the signal aborts. */
  ticketChanges(signal: AbortSignal | undefined): AsyncGenerator<TicketChange> {
    return this.#listen<TicketChange>('ticket', signal);
  }

  publishOrder(change: OrderChange): void {
    this.#emitter.emit('order', change);
    this.#relay?.send({ kind: 'order', change });
  }

  /** Order changes until the signal aborts. */
  orderChanges(signal: AbortSignal | undefined): AsyncGenerator<OrderChange> {
    return this.#listen<OrderChange>('order', signal);
  }

  /** Tells one conversation's streams, and every staff stream. */
  publishChat(signal: ChatSignal | PresenceSignal): void {
    this.#emitChat(signal);
    this.#relay?.send({ kind: 'chat', signal });
  }

  #emitChat(signal: ChatSignal | PresenceSignal): void {
    if (signal.type !== 'presence') this.#emitter.emit(`chat:${signal.conversationId}`, signal);
    this.#emitter.emit('chat', signal);
  }

  /** One conversation's signals (a customer's stream), or every chat's (`null`, staff). */
  chatSignals(
    conversationId: string | null,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<ChatSignal | PresenceSignal | ChatSyncSignal> {
    return this.#listen(conversationId === null ? 'chat' : `chat:${conversationId}`, signal);
  }

  publishNotification(signal: NotificationSignal): void {
    this.#emitter.emit(`notification:${signal.userId}`, signal);
    this.#relay?.send({ kind: 'notification', signal });
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
    this.#relay?.send({ kind: 'announcement', signal });
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
