import { WindowLimiter } from '../rate-limit.ts';

interface Delivered {
  toStaff: number;
  toCustomer: number;
}

/** Messages one side of a conversation may send in a burst before it must slow down. */
export const SEND_LIMIT = { messages: 8, windowMs: 10_000 };
/** New conversations one person or address may start in an hour. */
export const START_LIMIT = { chats: 10, windowMs: 3_600_000 };

/**
 * What this process knows about chats beyond the database: which agents have their console
 * open, which customers are watching their conversation, the flood limits, and the timers that
 * turn an unanswered chat into a ticket.
 */
export class ChatRuntime {
  readonly #agents = new Map<string, number>();
  readonly #leaving = new Map<string, NodeJS.Timeout>();
  /** Agents with the console open who said they are away: customers are not offered them. */
  readonly #away = new Set<string>();
  readonly #awayAfterMs: number;
  readonly #watchers = new Map<string, number>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #delivered = new Map<string, Delivered>();
  readonly sends = new WindowLimiter(SEND_LIMIT.messages, SEND_LIMIT.windowMs);
  readonly starts = new WindowLimiter(START_LIMIT.chats, START_LIMIT.windowMs);
  /** New visitors one address may become in an hour (each could otherwise start afresh). */
  readonly newVisitors = new WindowLimiter(START_LIMIT.chats * 3, START_LIMIT.windowMs);
  /** Typing signals past a few a second are dropped, not refused: they only say "still typing". */
  readonly typing = new WindowLimiter(4, 2_000);
  /** At most one "you have an answer" mail per conversation in a while. */
  readonly replyMails = new WindowLimiter(1, 10 * 60_000);

  constructor({ awayAfterMs = 15_000 }: { awayAfterMs?: number } = {}) {
    this.#awayAfterMs = awayAfterMs;
  }

  /** Counts an open agent console; returns whether that agent just came online. */
  agentConnected(agentId: string): boolean {
    const returning = this.#leaving.has(agentId);
    clearTimeout(this.#leaving.get(agentId));
    this.#leaving.delete(agentId);
    const count = (this.#agents.get(agentId) ?? 0) + 1;
    this.#agents.set(agentId, count);
    return count === 1 && !returning;
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
        this.#away.delete(agentId);
        gone();
      }
    };
    this.#agents.set(agentId, 0);
    if (this.#awayAfterMs === 0) return leave();
    const timer = setTimeout(leave, this.#awayAfterMs);
    timer.unref();
    this.#leaving.set(agentId, timer);
  }

  /** The agents customers can reach: console open, not away. */
  onlineAgents(): ReadonlySet<string> {
    return new Set([...this.#agents.keys()].filter((agentId) => !this.#away.has(agentId)));
  }

  /** An agent with the console open steps away or comes back; returns whether that changed. */
  setAway(agentId: string, away: boolean): boolean {
    if (!this.#agents.has(agentId) || this.#away.has(agentId) === away) return false;
    if (away) this.#away.add(agentId);
    else this.#away.delete(agentId);
    return true;
  }

  isAway(agentId: string): boolean {
    return this.#away.has(agentId);
  }

  /** A customer's stream of this conversation opened (+1) or closed (-1). */
  watch(conversationId: string, delta: 1 | -1): void {
    const count = (this.#watchers.get(conversationId) ?? 0) + delta;
    if (count > 0) this.#watchers.set(conversationId, count);
    else this.#watchers.delete(conversationId);
  }

  isWatched(conversationId: string): boolean {
    return this.#watchers.has(conversationId);
  }

  /**
   * A stream handed messages up to `seq` to the other side. Kept in memory, not written: a
   * delivered mark is a courtesy, and a disk wait per message would slow every chat. Read marks
   * (which also mean delivered) are written. Returns whether the mark moved.
   */
  deliver(conversationId: string, to: keyof Delivered, seq: number): boolean {
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

  cancel(conversationId: string): void {
    clearTimeout(this.#timers.get(conversationId));
    this.#timers.delete(conversationId);
  }

  close(): void {
    for (const timer of [...this.#timers.values(), ...this.#leaving.values()]) {
      clearTimeout(timer);
    }
    this.#timers.clear();
    this.#leaving.clear();
  }
}
