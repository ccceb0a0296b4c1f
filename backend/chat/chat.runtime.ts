import { SharedLimiter } from '../rate-limit.ts';
import type { Bus } from '../realtime/bus.ts';
import type { ChatWatches } from '../realtime/chat-watches.ts';
import type { RateHits } from '../realtime/rate-hits.ts';
import { PresenceBoard } from './chat.presence.ts';

interface Delivered {
  toStaff: number;
  toCustomer: number;
}

/** Messages one side of a conversation may send in a burst before it must slow down. */
export const SEND_LIMIT = { messages: 8, windowMs: 10_000 };
/** The peer topic on which a delivered mark moved on one instance reaches the others. */
const DELIVERED_TOPIC = 'chat-delivered';

/** A delivered mark as peers send it. */
type DeliveredMark = [conversationId: string, to: keyof Delivered, seq: number];

function isDeliveredMark(body: unknown): body is DeliveredMark {
  return (
    Array.isArray(body) &&
    body.length === 3 &&
    typeof body[0] === 'string' &&
    (body[1] === 'toStaff' || body[1] === 'toCustomer') &&
    Number.isSafeInteger(body[2])
  );
}

/** New conversations one person or address may start in an hour. */
export const START_LIMIT = { chats: 10, windowMs: 3_600_000 };

/**
 * What this process knows about chats beyond the database: which agents have their console
 * open, which customers are watching their conversation, the flood limits, and the timers that
 * turn an unanswered chat into a ticket.
 *
 * With several instances (PostgreSQL: `bus`, `hits` and `watches` given) all of it is shared
 * but the timers: an agent whose console is open on any instance is online on all of them (see
 * `PresenceBoard`), every instance counts against the same budgets, a chat open on any instance
 * is watched (`ChatWatches`), and a delivered mark moved on one instance reaches the others
 * before the signal that has their streams show it. A timer stays with the instance that set
 * it; its fallback reads the chat's state from the database before it does anything, and
 * another instance falls back in its place when it died (`watchOverdueChats`).
 */
export class ChatRuntime {
  readonly #agents = new Map<string, number>();
  readonly #leaving = new Map<string, NodeJS.Timeout>();
  /** Online elsewhere, and every agent's away switch (customers are not offered an away agent). */
  readonly #presence: PresenceBoard;
  readonly #awayAfterMs: number;
  readonly #watchers = new Map<string, number>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #delivered = new Map<string, Delivered>();
  readonly #bus: Bus | null;
  readonly #watches: ChatWatches | null;
  readonly sends: SharedLimiter;
  readonly starts: SharedLimiter;
  /** New visitors one address may become in an hour (each could otherwise start afresh). */
  readonly newVisitors: SharedLimiter;
  /** Typing signals past a few a second are dropped, not refused: they only say "still typing". */
  readonly typing: SharedLimiter;
  /** At most one "you have an answer" mail per conversation in a while. */
  readonly replyMails: SharedLimiter;

  constructor({
    awayAfterMs = 15_000,
    bus = null,
    hits = null,
    watches = null,
  }: {
    awayAfterMs?: number;
    bus?: Bus | null;
    hits?: RateHits | null;
    watches?: ChatWatches | null;
  } = {}) {
    this.#awayAfterMs = awayAfterMs;
    this.#bus = bus;
    this.#watches = watches;
    watches?.countFrom(() => this.#watchers);
    bus?.onPeers(DELIVERED_TOPIC, (body) => {
      if (isDeliveredMark(body)) this.#mark(...body);
    });
    const { messages, windowMs } = SEND_LIMIT;
    this.sends = new SharedLimiter('chat.send', messages, windowMs, hits);
    this.starts = new SharedLimiter('chat.start', START_LIMIT.chats, START_LIMIT.windowMs, hits);
    const visitors = START_LIMIT.chats * 3;
    this.newVisitors = new SharedLimiter('chat.visitor', visitors, START_LIMIT.windowMs, hits);
    this.typing = new SharedLimiter('chat.typing', 4, 2_000, hits);
    this.replyMails = new SharedLimiter('chat.replyMail', 1, 10 * 60_000, hits);
    this.#presence = new PresenceBoard(bus, () => [...this.#agents.keys()], awayAfterMs);
  }

  /** Counts an open agent console; returns whether that agent just came online. */
  agentConnected(agentId: string): boolean {
    const returning = this.#leaving.has(agentId);
    clearTimeout(this.#leaving.get(agentId));
    this.#leaving.delete(agentId);
    const count = (this.#agents.get(agentId) ?? 0) + 1;
    this.#agents.set(agentId, count);
    const arrived = count === 1 && !returning;
    if (arrived) {
      // Back after leaving everywhere: not away any more. Still open elsewhere: as they were.
      if (!this.#presence.elsewhere(agentId)) this.#presence.forget(agentId);
      this.#presence.changed();
    }
    return arrived;
  }

  /**
   * An agent's console closed. When it was their last, they stay online for a grace period
   * (a reload or a stream's routine reconnect is not going away); `gone` runs when they left.
   */
  agentDisconnected(agentId: string, gone: () => void): void {
    const count = (this.#agents.get(agentId) ?? 1) - 1;
    if (count > 0) {
      this.#agents.set(agentId, count);
      return;
    }
    const leave = () => {
      this.#leaving.delete(agentId);
      if (this.#agents.get(agentId) === 0) {
        this.#agents.delete(agentId);
        if (!this.#presence.elsewhere(agentId)) this.#presence.forget(agentId);
        this.#presence.changed();
        gone();
      }
    };
    this.#agents.set(agentId, 0);
    if (this.#awayAfterMs === 0) return leave();
    const timer = setTimeout(leave, this.#awayAfterMs);
    timer.unref();
    this.#leaving.set(agentId, timer);
  }

  /** The agents customers can reach: console open (on any instance), not away. */
  onlineAgents(): ReadonlySet<string> {
    const online = new Set([...this.#agents.keys(), ...this.#presence.remoteAgents()]);
    return new Set([...online].filter((agentId) => !this.#presence.isAway(agentId)));
  }

  /**
   * An agent with the console open (on any instance) steps away or comes back; returns whether
   * that changed.
   */
  setAway(agentId: string, away: boolean): boolean {
    const open = this.#agents.has(agentId) || this.#presence.elsewhere(agentId);
    if (!open || this.isAway(agentId) === away) return false;
    this.#presence.setAway(agentId, away);
    return true;
  }

  isAway(agentId: string): boolean {
    const open = this.#agents.has(agentId) || this.#presence.elsewhere(agentId);
    return open && this.#presence.isAway(agentId);
  }

  /** A customer's stream of this conversation opened (+1) or closed (-1). */
  watch(conversationId: string, delta: 1 | -1): void {
    const count = (this.#watchers.get(conversationId) ?? 0) + delta;
    if (count > 0) this.#watchers.set(conversationId, count);
    else this.#watchers.delete(conversationId);
    this.#watches?.changed(conversationId);
  }

  /** Whether the customer has this conversation open, here or on another instance. */
  async isWatched(conversationId: string): Promise<boolean> {
    if (this.#watchers.has(conversationId)) return true;
    return (await this.#watches?.shownElsewhere(conversationId)) ?? false;
  }

  /**
   * A stream handed messages up to `seq` to the other side. Kept in memory, not written: a
   * delivered mark is a courtesy, and a disk wait per message would slow every chat. Read marks
   * (which also mean delivered) are written. Returns whether the mark moved; the other
   * instances hear of it before any signal sent after this.
   */
  deliver(conversationId: string, to: keyof Delivered, seq: number): boolean {
    if (!this.#mark(conversationId, to, seq)) return false;
    this.#bus?.tellPeers(DELIVERED_TOPIC, [conversationId, to, seq] satisfies DeliveredMark);
    return true;
  }

  #mark(conversationId: string, to: keyof Delivered, seq: number): boolean {
    const marks = this.#delivered.get(conversationId) ?? { toStaff: 0, toCustomer: 0 };
    if (marks[to] >= seq) return false;
    marks[to] = seq;
    this.#delivered.delete(conversationId);
    this.#delivered.set(conversationId, marks);
    // The oldest conversations' marks go first; their read marks remain.
    if (this.#delivered.size > 50_000) {
      this.#delivered.delete(this.#delivered.keys().next().value!);
    }
    return true;
  }

  delivered(conversationId: string): Delivered {
    return this.#delivered.get(conversationId) ?? { toStaff: 0, toCustomer: 0 };
  }

  /** Runs `task` after `ms` unless cancelled; a second schedule replaces the first. */
  schedule(conversationId: string, ms: number, task: () => Promise<void>): void {
    this.cancel(conversationId);
    const timer = setTimeout(() => {
      this.#timers.delete(conversationId);
      void task();
    }, ms);
    timer.unref();
    this.#timers.set(conversationId, timer);
  }

  /** Whether this instance has a timer for the conversation. */
  isScheduled(conversationId: string): boolean {
    return this.#timers.has(conversationId);
  }

  cancel(conversationId: string): void {
    clearTimeout(this.#timers.get(conversationId));
    this.#timers.delete(conversationId);
  }

  close(): void {
    this.#presence.close();
    for (const timer of [...this.#timers.values(), ...this.#leaving.values()]) {
      clearTimeout(timer);
    }
    this.#timers.clear();
    this.#leaving.clear();
  }
}
