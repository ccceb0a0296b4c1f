import { msg, str } from '@lit/localize';
import type { StaffAgent, StaffChatSummary, StaffQueue } from './staff-chat.api.ts';

/**
 * Every chat the agent's view knows of, kept current from the queue and the live stream: the
 * waiting ones with how long they have waited, this agent's, and the ended ones of this agent
 * not yet put away.
 */
export class ChatBoard {
  agents: StaffAgent[] = [];

  readonly #staffId: () => string | null;
  readonly #openId: () => string | null;
  #summaries = new Map<string, StaffChatSummary>();
  /** When each summary arrived, so a wait keeps counting from the server's figure. */
  #receivedAt = new Map<string, number>();
  /** This agent's ended chats, kept in "Your chats" until put away. */
  readonly #kept = new Set<string>();

  constructor(staffId: () => string | null, openId: () => string | null) {
    this.#staffId = staffId;
    this.#openId = openId;
  }

  /** Waiting chats, longest waiting first. */
  waiting(): StaffChatSummary[] {
    return [...this.#summaries.values()]
      .filter((chat) => chat.status === 'waiting')
      .sort((a, b) => this.waited(b) - this.waited(a));
  }

  /** This agent's active chats, and the ended ones not yet put away, oldest first. */
  mine(): StaffChatSummary[] {
    const staffId = this.#staffId();
    return [...this.#summaries.values()]
      .filter(
        (chat) =>
          chat.agent?.id === staffId &&
          (chat.status === 'active' || (chat.status === 'ended' && this.#kept.has(chat.id))),
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** How long a chat has waited by now, in seconds. */
  waited(summary: StaffChatSummary): number {
    const since = this.#receivedAt.get(summary.id) ?? Date.now();
    return (summary.waitingSeconds ?? 0) + (Date.now() - since) / 1000;
  }

  /** The queue as the server read it; ended chats kept or on screen stay. */
  applyQueue(queue: StaffQueue): void {
    const previous = this.#summaries;
    this.#summaries = new Map();
    this.#receivedAt = new Map();
    for (const chat of [...queue.waiting, ...queue.active]) this.#remember(chat);
    for (const id of [...this.#kept, this.#openId()]) {
      const known = id ? previous.get(id) : undefined;
      if (known && !this.#summaries.has(known.id)) this.#remember(known);
    }
    this.agents = queue.agents;
  }

  /**
   * A chat's new state, from the stream or from the answer to the agent's own move. Answers
   * what is worth announcing about it, or ''.
   */
  upsert(summary: StaffChatSummary): string {
    const staffId = this.#staffId();
    const before = this.#summaries.get(summary.id);
    const wasMine = before?.agent?.id === staffId && before?.status === 'active';
    const isMine = summary.agent?.id === staffId;
    if (summary.status === 'ended' && (wasMine || (isMine && before))) this.#kept.add(summary.id);
    const gone = summary.status === 'ended' && !this.#kept.has(summary.id);
    if (gone && summary.id !== this.#openId()) this.#summaries.delete(summary.id);
    else this.#remember(summary);
    if (summary.status === 'waiting' && before?.status !== 'waiting') {
      return msg(str`${summary.customerName} is waiting for a person.`);
    }
    if (summary.status === 'active' && isMine && before?.agent && !wasMine) {
      return msg(str`${summary.customerName}'s chat was passed to you.`);
    }
    return '';
  }

  /** Puts an ended chat away. */
  dismiss(id: string): void {
    this.#kept.delete(id);
    this.#summaries.delete(id);
  }

  /** A customer wrote in a chat that is not on screen; false when the chat is unknown. */
  countUnread(id: string): boolean {
    const summary = this.#summaries.get(id);
    if (!summary) return false;
    this.#summaries.set(id, { ...summary, unread: summary.unread + 1 });
    return true;
  }

  /** The chat is on screen: what is in it counts as seen. */
  clearUnread(id: string): void {
    const summary = this.#summaries.get(id);
    if (summary?.unread) this.#summaries.set(id, { ...summary, unread: 0 });
  }

  #remember(summary: StaffChatSummary): void {
    this.#summaries.set(summary.id, summary);
    this.#receivedAt.set(summary.id, Date.now());
  }
}
