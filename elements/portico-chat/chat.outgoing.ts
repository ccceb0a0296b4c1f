import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import type { ContentLocale } from '../shared/locale.ts';
import {
  SLOW_SEND,
  TYPING_EVERY,
  pageUrl,
  sendFailure,
  type ChatAttachment,
  type ChatConversation,
  type ChatVisitor,
} from './chat.api.ts';
import type { ChatState, Outgoing } from './chat.state.ts';

export interface OutgoingHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  /** The language the bot answers in and the conversation is kept in. */
  readonly chatLocale: ContentLocale;
}

/** The customer's moves besides writing: "That solved it", "Talk to a person", "End chat". */
export type Move = 'resolve' | 'queue' | 'end';

/**
 * Everything the customer sends: messages (shown at once as "Sending…", confirmed by the server,
 * retried under the same `clientId`), the typing signal, read marks, and the moves that change
 * the conversation. The answers go into the shared `ChatState`.
 */
export class ChatOutgoing implements ReactiveController {
  readonly moveTask: Task<[PorticoApi, string, Move], ChatConversation>;
  readonly earlierTask: Task<[PorticoApi, string, number], void>;

  readonly #host: OutgoingHost;
  readonly #state: ChatState;
  readonly #slow = new Map<string, ReturnType<typeof setTimeout>>();
  /** When `chat.typing` last said true, or 0 while it says false. */
  #typingSince = 0;
  /** The conversation and seq the server was last told were read. */
  #marked = { id: '', upTo: 0 };

  /** `moved` hears each move the server accepted: its button is gone, focus must go on. */
  constructor(
    host: OutgoingHost,
    state: ChatState,
    moved: (conversation: ChatConversation) => void,
  ) {
    this.#host = host;
    this.#state = state;
    host.addController(this);
    this.moveTask = new Task(host, {
      autoRun: false,
      task: async ([api, conversationId, move], { signal }) => {
        const input = { conversationId };
        const conversation =
          move === 'resolve'
            ? await api.trpc.chat.resolve.mutate(input, { signal })
            : move === 'queue'
              ? await api.trpc.chat.queue.mutate(input, { signal })
              : await api.trpc.chat.end.mutate(input, { signal });
        this.#state.setConversation(conversation);
        await this.#catchUp(api, conversation, signal);
        moved(conversation);
        return conversation;
      },
    });
    this.earlierTask = new Task(host, {
      autoRun: false,
      task: async ([api, conversationId, before], { signal }) => {
        const page = await api.trpc.chat.history.query({ conversationId, before }, { signal });
        this.#state.merge(page.messages, { hasEarlier: page.hasEarlier });
      },
    });
  }

  hostDisconnected(): void {
    for (const timer of this.#slow.values()) clearTimeout(timer);
    this.#slow.clear();
  }

  /** True while a message that starts a conversation is on its way: the next one waits for it. */
  get starting(): boolean {
    return this.#state.pending.some((item) => item.start && item.state === 'sending');
  }

  /** Sends a message: into the open conversation, or as the start of a new one. */
  send(body: string, files: ChatAttachment[], visitor: ChatVisitor | null): void {
    const item: Outgoing = {
      clientId: crypto.randomUUID(),
      body,
      files,
      start: this.#state.open ? null : { visitor },
      state: 'sending',
      slow: false,
      error: '',
      retry: false,
    };
    this.#state.addPending(item);
    this.typing(false);
    void this.#deliver(item);
  }

  /** Sends a failed message again, under the same `clientId`. */
  retry(clientId: string): void {
    const item = this.#state.pending.find((candidate) => candidate.clientId === clientId);
    if (!item || item.state !== 'failed') return;
    this.#state.updatePending(clientId, { state: 'sending', error: '', slow: false });
    void this.#deliver(item);
  }

  /** Tells the agent the customer is typing (at most every two seconds), or stopped. */
  typing(active: boolean): void {
    const { api } = this.#host;
    const conversation = this.#state.conversation;
    if (!api || !conversation || !this.#state.open) return;
    const now = Date.now();
    if (active && this.#typingSince && now - this.#typingSince < TYPING_EVERY) return;
    if (!active && !this.#typingSince) return;
    this.#typingSince = active ? now : 0;
    api.trpc.chat.typing.mutate({ conversationId: conversation.id, typing: active }).catch(() => {
      // Only the agent's hint is late; the message itself is what counts.
    });
  }

  /** Marks everything on screen read, when the agent's side wrote something new. */
  markRead(): void {
    const { api } = this.#host;
    const conversation = this.#state.conversation;
    if (!api || !conversation || this.#state.unread === 0) return;
    const upTo = this.#state.maxSeq;
    const marked = this.#marked;
    if (marked.id === conversation.id && marked.upTo >= upTo) return;
    this.#marked = { id: conversation.id, upTo };
    api.trpc.chat.markRead
      .mutate({ conversationId: conversation.id, upTo })
      .then(() => this.#state.markedRead(upTo))
      .catch(() => {
        // The badge stays until the next message or visit marks it.
        this.#marked = marked;
      });
  }

  move(move: Move): void {
    const { api } = this.#host;
    const conversation = this.#state.conversation;
    if (!api || !conversation) return;
    void this.moveTask.run([api, conversation.id, move]);
  }

  /** Reads the page of messages before the first one on screen. */
  loadEarlier(): void {
    const { api } = this.#host;
    const conversation = this.#state.conversation;
    const first = this.#state.messages[0]?.seq;
    if (!api || !conversation || !first) return;
    void this.earlierTask.run([api, conversation.id, first]);
  }

  async #deliver(item: Outgoing): Promise<void> {
    const { api, chatLocale } = this.#host;
    if (!api) return;
    const { clientId } = item;
    clearTimeout(this.#slow.get(clientId));
    this.#slow.set(
      clientId,
      setTimeout(() => this.#state.updatePending(clientId, { slow: true }), SLOW_SEND),
    );
    try {
      if (item.start) {
        const visitor = item.start.visitor;
        const view = await api.trpc.chat.start.mutate({
          message: item.body,
          locale: chatLocale,
          pageUrl: pageUrl(),
          ...(visitor ? { visitor } : {}),
        });
        this.#state.removePending(clientId);
        this.#state.load(view);
      } else {
        const conversation = this.#state.conversation;
        if (!conversation) throw new Error('No conversation to send to');
        const message = await api.trpc.chat.send.mutate({
          conversationId: conversation.id,
          body: item.body,
          attachmentIds: item.files.map((file) => file.id),
          clientId,
        });
        this.#state.removePending(clientId);
        this.#state.merge([message]);
      }
    } catch (error) {
      const failure = sendFailure(error);
      this.#state.updatePending(clientId, {
        state: 'failed',
        slow: false,
        error: failure.text,
        retry: failure.retry,
      });
    } finally {
      clearTimeout(this.#slow.get(clientId));
      this.#slow.delete(clientId);
    }
  }

  /**
   * A move adds notices ("solved", "ended", the ticket) that the stream brings too; when the
   * stream is not there to bring them, they are read here. Seen twice, a message shows once.
   */
  async #catchUp(api: PorticoApi, conversation: ChatConversation, signal: AbortSignal) {
    if (conversation.lastSeq <= this.#state.maxSeq) return;
    try {
      const page = await api.trpc.chat.history.query(
        { conversationId: conversation.id },
        { signal },
      );
      this.#state.merge(page.messages);
    } catch {
      // The notices come with the stream or the next visit.
    }
  }
}
