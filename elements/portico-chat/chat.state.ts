import {
  TYPING_SHOWN,
  bySeq,
  type ChatAttachment,
  type ChatAvailability,
  type ChatConversation,
  type ChatEvent,
  type ChatMessage,
  type ChatView,
  type ChatVisitor,
} from './chat.api.ts';

/** A message the customer wrote that the server has not confirmed yet. */
export interface Outgoing {
  /** Sent with the message, so a retry is stored once. */
  clientId: string;
  body: string;
  /** The uploaded files it carries. */
  files: ChatAttachment[];
  /** Set when the message starts a new conversation (`chat.start`), with a guest's contact. */
  start: { visitor: ChatVisitor | null } | null;
  state: 'sending' | 'failed';
  /** Still sending after a few seconds. */
  slow: boolean;
  /** Why it failed, as a sentence. */
  error: string;
  /** Whether sending it again can help. */
  retry: boolean;
}

const NO_AVAILABILITY: ChatAvailability = {
  online: false,
  agentsOnline: 0,
  expectedWaitSeconds: null,
};

/**
 * What the chat knows: the conversation, its messages keyed by seq (so a message heard twice,
 * from the stream and from a reply, shows once), the customer's messages still on their way, and
 * whether the agent is typing. Every change asks the element to render.
 */
export class ChatState {
  conversation: ChatConversation | null = null;
  visitor: ChatVisitor | null = null;
  availability: ChatAvailability = NO_AVAILABILITY;
  hasEarlier = false;
  pending: Outgoing[] = [];
  /** Who on the agent's side is typing, or null. */
  typing: string | null = null;

  readonly #messages = new Map<number, ChatMessage>();
  #sorted: ChatMessage[] = [];
  #loads = 0;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #changed: () => void;

  constructor(changed: () => void) {
    this.#changed = changed;
  }

  /** The messages, oldest first. */
  get messages(): readonly ChatMessage[] {
    return this.#sorted;
  }

  /** The highest seq on screen, 0 for none. */
  get maxSeq(): number {
    return this.#sorted.at(-1)?.seq ?? 0;
  }

  get open(): boolean {
    return this.conversation !== null && this.conversation.status !== 'ended';
  }

  /** Messages from the agent's side the customer has not read. */
  get unread(): number {
    const read = this.conversation?.readByCustomer ?? 0;
    return this.#sorted.filter(
      (message) =>
        message.seq > read && (message.author.role === 'staff' || message.author.role === 'bot'),
    ).length;
  }

  /**
   * How many answers `load` has taken. A `chat.current` read begun before the latest load (a chat
   * started while it was on its way) is out of date and is dropped.
   */
  get loads(): number {
    return this.#loads;
  }

  /** What `chat.current` or `chat.start` answered replaces everything but unsent messages. */
  load(view: ChatView): void {
    this.#loads += 1;
    const same = view.conversation?.id === this.conversation?.id;
    this.conversation = view.conversation;
    this.visitor = view.visitor;
    this.availability = view.availability;
    this.hasEarlier = view.hasEarlier;
    if (!same) this.#messages.clear();
    this.#add(view.messages);
    this.#changed();
  }

  /** Forgets the conversation, for "Start a new chat" or another person on the page. */
  clear(): void {
    this.conversation = null;
    this.hasEarlier = false;
    this.pending = [];
    this.#messages.clear();
    this.#sorted = [];
    this.#setTyping(null);
    this.#changed();
  }

  setAvailability(availability: ChatAvailability): void {
    this.availability = availability;
    this.#changed();
  }

  /** Messages of the current conversation, from the stream, a reply or the history. */
  merge(messages: readonly ChatMessage[], earlier?: { hasEarlier: boolean }): void {
    if (!this.conversation) return;
    this.#add(messages);
    this.#settle(messages);
    if (earlier) this.hasEarlier = earlier.hasEarlier;
    if (messages.some((message) => message.author.role === 'staff')) this.#setTyping(null);
    this.#changed();
  }

  /**
   * The conversation as the server last described it. An answer that crossed a newer event on
   * the way (it knows fewer messages) changes only what can only grow: the read marks.
   */
  setConversation(next: ChatConversation): void {
    const known = this.conversation;
    if (!known || known.id !== next.id) return;
    const receipts = {
      deliveredToStaff: Math.max(known.deliveredToStaff, next.deliveredToStaff),
      readByStaff: Math.max(known.readByStaff, next.readByStaff),
      deliveredToCustomer: Math.max(known.deliveredToCustomer, next.deliveredToCustomer),
      readByCustomer: Math.max(known.readByCustomer, next.readByCustomer),
    };
    this.conversation =
      next.lastSeq < known.lastSeq ? { ...known, ...receipts } : { ...next, ...receipts };
    if (this.conversation.status === 'ended') this.#setTyping(null);
    this.#changed();
  }

  /** What the conversation's stream said. */
  apply(event: ChatEvent): void {
    switch (event.type) {
      case 'message':
        return this.merge([event.message]);
      case 'conversation':
        return this.setConversation(event.conversation);
      case 'typing':
        if (event.role === 'staff') this.showTyping(event.name, event.typing);
        return;
    }
  }

  /** The customer has read up to `seq`, as the server was just told. */
  markedRead(seq: number): void {
    const known = this.conversation;
    if (!known || known.readByCustomer >= seq) return;
    this.conversation = { ...known, readByCustomer: seq };
    this.#changed();
  }

  /** The agent's side started or stopped typing; it stops by itself after a few seconds. */
  showTyping(name: string, typing: boolean): void {
    this.#setTyping(typing ? name : null);
    this.#changed();
  }

  addPending(item: Outgoing): void {
    this.pending = [...this.pending, item];
    this.#changed();
  }

  updatePending(clientId: string, change: Partial<Outgoing>): void {
    this.pending = this.pending.map((item) =>
      item.clientId === clientId ? { ...item, ...change } : item,
    );
    this.#changed();
  }

  removePending(clientId: string): void {
    this.pending = this.pending.filter((item) => item.clientId !== clientId);
    this.#changed();
  }

  #add(messages: readonly ChatMessage[]): void {
    for (const message of messages) this.#messages.set(message.seq, message);
    this.#sorted = bySeq(this.#messages.values());
  }

  /**
   * The stream can bring the customer's own message before the answer to sending it does; the
   * `clientId` it was sent with says which unsent one it stands for.
   */
  #settle(messages: readonly ChatMessage[]): void {
    const arrived = new Set(messages.map((message) => message.clientId).filter(Boolean));
    if (arrived.size === 0) return;
    this.pending = this.pending.filter((item) => !arrived.has(item.clientId));
  }

  #setTyping(name: string | null): void {
    clearTimeout(this.#typingTimer);
    this.typing = name;
    if (name === null) return;
    this.#typingTimer = setTimeout(() => {
      this.typing = null;
      this.#changed();
    }, TYPING_SHOWN);
  }

  /** Stops the typing timer, when the element leaves the page. */
  dispose(): void {
    clearTimeout(this.#typingTimer);
  }
}
