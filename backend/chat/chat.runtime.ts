import { WindowLimiter } from '../rate-limit.ts';

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
  readonly #watchers = new Map<string, number>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly sends = new WindowLimiter(SEND_LIMIT.messages, SEND_LIMIT.windowMs);
  readonly starts = new WindowLimiter(START_LIMIT.chats, START_LIMIT.windowMs);
  /** New visitors one address may become in an hour (each could otherwise start afresh). */
  readonly newVisitors = new WindowLimiter(START_LIMIT.chats * 3, START_LIMIT.windowMs);
  /** At most one "you have an answer" mail per conversation in a while. */
  readonly replyMails = new WindowLimiter(1, 10 * 60_000);

  /** Counts an open agent console; returns whether that agent just came online. */
  agentConnected(agentId: string): boolean {
    const count = (this.#agents.get(agentId) ?? 0) + 1;
    this.#agents.set(agentId, count);
    return count === 1;
  }

  /** Returns whether that agent just went offline (their last console closed). */
  agentDisconnected(agentId: string): boolean {
    const count = (this.#agents.get(agentId) ?? 1) - 1;
    if (count > 0) this.#agents.set(agentId, count);
    else this.#agents.delete(agentId);
    return count <= 0;
  }

  onlineAgents(): ReadonlySet<string> {
    return new Set(this.#agents.keys());
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
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
