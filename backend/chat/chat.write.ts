import type { Db } from '../db/database.ts';
import { isPostgres } from '../db/dialect.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';
import { refuse } from '../errors.ts';
import { attachUploads } from '../file/file.store.ts';
import { ChatError } from './chat.errors.ts';
import type { ConversationRow } from './chat.queries.ts';
import type { ChatMessageKind, ChatRole } from './chat.tables.ts';

export interface ChatAuthor {
  role: ChatRole;
  id: string | null;
  name: string;
}

export const BOT: ChatAuthor = { role: 'bot', id: null, name: 'Answer bot' };
export const SYSTEM: ChatAuthor = { role: 'system', id: null, name: 'Support' };

export interface NewMessage {
  kind: ChatMessageKind;
  body: string;
  detail?: Record<string, unknown>;
  clientId?: string;
  attachmentIds?: readonly string[];
}

type Params = Record<string, string | number | null>;

/** The sentence each notice shows; the elements may word it in the reader's language. */
const NOTICES: Record<string, (params: Params) => string> = {
  queued: ({ expectedWaitSeconds: wait }) =>
    typeof wait === 'number'
      ? `You are in the queue. Someone will be with you in about ${Math.max(1, Math.round(wait / 60))} min.`
      : 'You are in the queue. Someone will be with you as soon as possible.',
  joined: ({ agent }) => `${agent} joined the chat.`,
  transferred: ({ agent }) => `${agent} took over the chat.`,
  offline: ({ email }) =>
    `Nobody from support is online right now. Your messages are kept; we will answer by email at ${email}.`,
  ticket: ({ number, by }) =>
    by === 'staff'
      ? `This chat is now ticket ${number}. The answer will come by email and in your tickets.`
      : `Nobody could answer live, so this chat is now ticket ${number}. The answer will come by email and in your tickets.`,
  solved: () => 'Glad that helped. The chat has ended.',
  ended: ({ by, agent }) => (by === 'staff' ? `${agent} ended the chat.` : 'You ended the chat.'),
};

export function notice(code: keyof typeof NOTICES & string, params: Params = {}): NewMessage {
  return { kind: 'notice', body: NOTICES[code]!(params), detail: { code, params } };
}

/**
 * Adds a message with the conversation's next number, in the caller's transaction. Files must
 * be the author's own unsent uploads (for a customer, in the conversation's account).
 */
export async function appendMessage(
  trx: Db,
  conversation: ConversationRow,
  author: ChatAuthor,
  message: NewMessage,
): Promise<number> {
  const at = timestamp();
  const { lastSeq: seq } = await trx
    .updateTable('chatConversation')
    .set((eb) => ({ lastSeq: eb('lastSeq', '+', 1), lastMessageAt: at }))
    .where('id', '=', conversation.id)
    .returning('lastSeq')
    .executeTakeFirstOrThrow();
  const id = newId();
  await trx
    .insertInto('chatMessage')
    .values({
      id,
      conversationId: conversation.id,
      seq,
      kind: message.kind,
      authorRole: author.role,
      authorId: author.id,
      authorName: author.name,
      body: message.body,
      detail: message.detail ? JSON.stringify(message.detail) : null,
      clientId: message.clientId ?? null,
      createdAt: at,
    })
    .execute();
  const files = message.attachmentIds ?? [];
  const owner = {
    userId: author.id ?? '',
    accountId: author.role === 'staff' ? null : conversation.accountId,
  };
  if (!(await attachUploads(trx, files, id, owner, 'chatMessageId'))) {
    throw refuse('BAD_REQUEST', ChatError, 'UPLOAD_NOT_FOUND');
  }
  // Writing means having read everything before.
  if (author.role === 'customer') {
    await setReceipt(trx, conversation.id, 'readByCustomer', seq);
  } else if (author.role === 'staff') {
    await setReceipt(trx, conversation.id, 'readByStaff', seq);
  }
  return seq;
}

export type Receipt = 'deliveredToStaff' | 'readByStaff' | 'deliveredToCustomer' | 'readByCustomer';

/** Moves a receipt forward (never back, never past the last message); true when it moved. */
export async function setReceipt(
  db: Db,
  conversationId: string,
  receipt: Receipt,
  upTo: number,
): Promise<boolean> {
  const result = await db
    .updateTable('chatConversation')
    .set((eb) => ({
      [receipt]: eb.fn(isPostgres(db) ? 'least' : 'min', [eb.val(upTo), eb.ref('lastSeq')]),
    }))
    .where('id', '=', conversationId)
    .where(receipt, '<', upTo)
    .where(receipt, '<', (eb) => eb.ref('lastSeq'))
    .executeTakeFirst();
  // A read message was delivered too.
  if (receipt.startsWith('read')) {
    const delivered = receipt === 'readByStaff' ? 'deliveredToStaff' : 'deliveredToCustomer';
    await db
      .updateTable('chatConversation')
      .set((eb) => ({ [delivered]: eb.ref(receipt) }))
      .where('id', '=', conversationId)
      .where(delivered, '<', (eb) => eb.ref(receipt))
      .execute();
  }
  return Number(result.numUpdatedRows) > 0;
}

export async function updateConversation(
  trx: Db,
  conversationId: string,
  changes: Partial<Omit<ConversationRow, 'id'>>,
): Promise<void> {
  await trx.updateTable('chatConversation').set(changes).where('id', '=', conversationId).execute();
}

export async function lockedConversation(trx: Db, conversationId: string) {
  const row = await trx
    .selectFrom('chatConversation')
    .selectAll()
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (!row) throw refuse('NOT_FOUND', ChatError, 'NOT_FOUND');
  return row;
}
