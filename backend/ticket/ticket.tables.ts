export type TicketKind = 'question' | 'complaint' | 'concern';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';
export type TicketStatus = 'open' | 'pending' | 'resolved' | 'closed';
export type AuthorRole = 'customer' | 'staff' | 'system';

/** The ticket tables, as `Database` includes them. */
export interface TicketTables {
  ticket: TicketTable;
  ticketTag: { ticketId: string; tag: string };
  ticketMessage: TicketMessageTable;
  ticketEvent: TicketEventTable;
  ticketRead: { ticketId: string; userId: string; readAt: string };
  upload: UploadTable;
  cannedReply: CannedReplyTable;
}

export interface TicketTable {
  id: string;
  /** What people quote in a mail or on the phone; random like order numbers. */
  number: string;
  accountId: string;
  createdBy: string;
  subject: string;
  kind: TicketKind;
  /** One of the vendor's configured categories, when it has any. */
  category: string | null;
  priority: TicketPriority;
  status: TicketStatus;
  orderId: string | null;
  assigneeId: string | null;
  /** The ticket this one was merged into as a duplicate. */
  mergedInto: string | null;
  /** The vendor's page the ticket was opened on; answer mails link back to it. */
  pageUrl: string | null;
  searchText: string;
  customerAt: string;
  staffAt: string | null;
  resolvedAt: string | null;
  rating: number | null;
  ratingComment: string | null;
  ratedBy: string | null;
  ratedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TicketMessageTable {
  id: string;
  ticketId: string;
  authorId: string | null;
  authorName: string;
  authorRole: AuthorRole;
  body: string;
  internal: number;
  folded: string;
  createdAt: string;
  /** The author's request key, when the message was sent with one; a retry finds it. */
  idempotencyKey: string | null;
  /** What was asked under that key, so that another request with the same key is refused. */
  requestHash: string | null;
}

export interface TicketEventTable {
  id: string;
  ticketId: string;
  type: string;
  actorId: string | null;
  actorName: string;
  actorRole: AuthorRole;
  detail: string;
  internal: number;
  at: string;
}

export interface UploadTable {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  name: string;
  uploadedBy: string;
  accountId: string | null;
  messageId: string | null;
  /** The chat message carrying the file, when it was sent in a chat. */
  chatMessageId: string | null;
  createdAt: string;
}

export interface CannedReplyTable {
  id: string;
  title: string;
  body: string;
  updatedBy: string;
  updatedAt: string;
}
