export type ChatStatus = 'bot' | 'waiting' | 'active' | 'ended';
export type ChatRole = 'customer' | 'staff' | 'bot' | 'system';
export type ChatMessageKind = 'text' | 'articles' | 'notice';

/** The chat tables, as `Database` includes them. */
export interface ChatTables {
  chatContact: ChatContactTable;
  chatConversation: ChatConversationTable;
  chatMessage: ChatMessageTable;
}

/**
 * Someone who chatted without signing in: a name, an email, and the hash of the token their
 * browser keeps in a cookie. Joins an account when they sign in with the same email.
 */
export interface ChatContactTable {
  id: string;
  name: string;
  email: string;
  tokenHash: string;
  accountId: string | null;
  userId: string | null;
  createdAt: string;
}

export interface ChatConversationTable {
  id: string;
  /** Null while the conversation is a visitor's. */
  accountId: string | null;
  /** The signed-in person who started it, or the person the visitor became. */
  userId: string | null;
  contactId: string | null;
  customerName: string;
  customerEmail: string;
  status: ChatStatus;
  subject: string;
  locale: string;
  pageUrl: string | null;
  agentId: string | null;
  agentName: string | null;
  ticketId: string | null;
  /** The highest message number; every message takes the next one. */
  lastSeq: number;
  deliveredToStaff: number;
  readByStaff: number;
  deliveredToCustomer: number;
  readByCustomer: number;
  createdAt: string;
  queuedAt: string | null;
  pickedAt: string | null;
  endedAt: string | null;
  lastMessageAt: string;
}

export interface ChatMessageTable {
  id: string;
  conversationId: string;
  seq: number;
  kind: ChatMessageKind;
  authorRole: ChatRole;
  authorId: string | null;
  authorName: string;
  body: string;
  /** JSON: a notice's code and parameters, or the bot's articles. */
  detail: string | null;
  /** The sender's own id for the message, so a retried send is not stored twice. */
  clientId: string | null;
  createdAt: string;
}
