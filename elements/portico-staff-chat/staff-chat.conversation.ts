import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import {
  mergeMessages,
  type ChatMessage,
  type StaffChatSummary,
  type StaffConversation,
} from './staff-chat.api.ts';

/** How long "typing…" stays without news: the customer's side repeats it every ~2 s. */
const TYPING_SHOWN_MS = 6_000;

export interface ConversationHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly staffId: string | null;
  /** The conversation on screen, or null. */
  readonly openId: string | null;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The conversation on screen: read when it opens, read again when the live stream reconnects,
 * and kept current from the stream in between. Messages are held once each, in seq order,
 * however often they arrive (the send's answer, the stream, a re-read). The agent's reads are
 * told to the customer while the agent has the chat and the page is in view.
 */
export class ConversationController implements ReactiveController {
  conversation: StaffChatSummary | null = null;
  messages: ChatMessage[] = [];
  hasEarlier = false;
  /** The customer's name while they are typing, else ''. */
  typing = '';

  readonly loadTask: Task<readonly [PorticoApi | undefined, string | null, string | null], unknown>;
  readonly earlierTask: Task<[PorticoApi, string, number], unknown>;

  readonly #host: ConversationHost;
  /** The backend, staff member and conversation the fields above belong to. */
  #key = '';
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #shownCount = 0;
  /** The highest seq this side already told the server it read. */
  #readUpTo = 0;
  /** Counts the changes heard since the open conversation was read (a pick-up, an event). */
  #changes = 0;
  /** The last change heard, which a reading sent before it must not undo. */
  #latest: StaffChatSummary | null = null;

  constructor(host: ConversationHost) {
    this.#host = host;
    host.addController(this);
    this.loadTask = new Task(host, {
      args: () => [host.api, host.staffId, host.openId] as const,
      task: async ([api, staffId, id], { signal }) => {
        const key = `${api?.url} ${staffId} ${id}`;
        if (key !== this.#key) this.#reset(key);
        if (!api || !staffId || !id) return initialState;
        const changes = this.#changes;
        const view = await api.trpc.staff.chat.byId.query({ conversationId: id }, { signal });
        if (key === this.#key) this.#apply(view, changes);
        return view;
      },
    });
    this.earlierTask = new Task(host, {
      autoRun: false,
      task: async ([api, conversationId, before], { signal }) => {
        const key = this.#key;
        const page = await api.trpc.staff.chat.history.query(
          { conversationId, before, limit: 50 },
          { signal },
        );
        if (key !== this.#key) return page;
        this.messages = mergeMessages(this.messages, page.messages);
        this.hasEarlier = page.hasEarlier;
        // Earlier messages go above: the log keeps its place instead of jumping to the end.
        this.#shownCount = this.messages.length;
        return page;
      },
    });
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#handleVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#handleVisibility);
    clearTimeout(this.#typingTimer);
  }

  /** New messages scroll into view; the log is a polite live region, so they are also read. */
  hostUpdated(): void {
    if (this.messages.length === this.#shownCount) return;
    this.#shownCount = this.messages.length;
    const log = this.#host.renderRoot.querySelector<HTMLElement>("[part~='messages']");
    if (log) log.scrollTop = log.scrollHeight;
  }

  /** Reads the open conversation again without a loading state: after a reconnection. */
  async refresh(): Promise<void> {
    const { api } = this.#host;
    const id = this.conversation?.id;
    const key = this.#key;
    if (!api || !id) return;
    const changes = this.#changes;
    try {
      const view = await api.trpc.staff.chat.byId.query({ conversationId: id });
      if (key === this.#key) this.#apply(view, changes);
    } catch {
      // The conversation stays as it was; the next event or a reload reads it again.
    }
  }

  loadEarlier(): void {
    const { api } = this.#host;
    const first = this.messages[0];
    if (!api || !this.conversation || !first) return;
    void this.earlierTask.run([api, this.conversation.id, first.seq]);
  }

  /** A message of the open conversation, from the stream or from the agent's own send. */
  receive(conversationId: string, message: ChatMessage): void {
    if (conversationId !== this.conversation?.id) return;
    if (message.author.role === 'customer') this.#setTyping('');
    this.messages = mergeMessages(this.messages, [message]);
    this.#markRead();
    this.#host.requestUpdate();
  }

  /** The open conversation's status, agent or receipts changed. */
  changed(summary: StaffChatSummary): void {
    // A change may arrive while the conversation is still being read (a pick-up from the list).
    if (summary.id !== this.#host.openId) return;
    this.#changes += 1;
    this.#latest = summary;
    if (summary.id !== this.conversation?.id) return;
    this.conversation = summary;
    if (summary.status === 'ended') this.#setTyping('');
    this.#markRead();
    this.#host.requestUpdate();
  }

  typingChanged(conversationId: string, name: string, typing: boolean): void {
    if (conversationId !== this.conversation?.id) return;
    this.#setTyping(typing ? name : '');
  }

  #reset(key: string): void {
    this.#key = key;
    this.#latest = null;
    this.conversation = null;
    this.messages = [];
    this.hasEarlier = false;
    this.#readUpTo = 0;
    this.#shownCount = 0;
    this.#setTyping('');
  }

  /**
   * Takes a reading of the conversation. Its messages always merge in; its status and agent only
   * when nothing changed while it was on its way, so a reading sent before a pick-up cannot undo
   * the pick-up that answered first.
   */
  #apply(view: StaffConversation, changesBefore: number): void {
    const latest = view.messages;
    const known = this.messages;
    const lastKnown = known.at(-1)?.seq ?? 0;
    const firstLatest = latest[0]?.seq ?? 0;
    // More was missed than one page holds: the older messages on screen would leave a gap.
    const gap = known.length > 0 && firstLatest > lastKnown + 1;
    this.messages = gap ? latest : mergeMessages(known, latest);
    this.hasEarlier = gap || !known.length ? view.hasEarlier : this.hasEarlier;
    const newer = changesBefore !== this.#changes && this.#latest?.id === view.conversation.id;
    this.conversation = newer ? this.#latest : view.conversation;
    this.#markRead();
    this.#host.requestUpdate();
  }

  #setTyping(name: string): void {
    clearTimeout(this.#typingTimer);
    if (name) this.#typingTimer = setTimeout(() => this.#setTyping(''), TYPING_SHOWN_MS);
    if (this.typing === name) return;
    this.typing = name;
    this.#host.requestUpdate();
  }

  /** The customer may see "read" only for what the agent who has the chat had on screen. */
  #markRead(): void {
    const { api, staffId } = this.#host;
    const conversation = this.conversation;
    const last = this.messages.at(-1)?.seq ?? 0;
    if (!api || !conversation || conversation.status !== 'active') return;
    if (conversation.agent?.id !== staffId || document.visibilityState !== 'visible') return;
    if (last <= Math.max(conversation.readByStaff, this.#readUpTo)) return;
    this.#readUpTo = last;
    api.trpc.staff.chat.markRead
      .mutate({ conversationId: conversation.id, upTo: last })
      .catch(() => {
        this.#readUpTo = 0;
      });
  }

  #handleVisibility = (): void => this.#markRead();
}
