import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ChatConversationTable, ChatMessageTable, ChatRole } from './chat.tables.ts';

export type ConversationRow = Selectable<ChatConversationTable>;
export type MessageRow = Selectable<ChatMessageTable>;

export interface ChatAttachment {
  id: string;
  name: string;
  size: number;
  mediaType: string;
}

export interface ChatArticle {
  slug: string;
  title: string;
  snippet: string;
  locale: string;
}

export interface ChatNotice {
  code: string;
  params: Record<string, string | number | null>;
}

export interface ChatMessage {
  id: string;
  seq: number;
  kind: MessageRow['kind'];
  author: { role: ChatRole; name: string };
  body: string;
  notice: ChatNotice | null;
  articles: ChatArticle[];
  attachments: ChatAttachment[];
  /** The sender's own id for the message, so their screen can match it to what it showed. */
  clientId: string | null;
  createdAt: string;
}

export interface ChatAvailability {
  online: boolean;
  agentsOnline: number;
  /** How long a newly queued chat can expect to wait; null when nobody is online. */
  expectedWaitSeconds: number | null;
}

/** How long agents took to pick up recent chats, used when there is no history: two minutes. */
const DEFAULT_PICKUP_SECONDS = 120;

async function attachmentsOf(db: Db, messageIds: string[]) {
  const found = new Map<string, ChatAttachment[]>();
  if (messageIds.length === 0) return found;
  const rows = await db
    .selectFrom('upload')
    .select(['id', 'name', 'size', 'mediaType', 'chatMessageId'])
    .where('chatMessageId', 'in', messageIds)
    .orderBy('createdAt')
    .execute();
  for (const { chatMessageId, ...file } of rows) {
    const list = found.get(chatMessageId!) ?? [];
    list.push(file);
    found.set(chatMessageId!, list);
  }
  return found;
}

async function toMessages(db: Db, rows: MessageRow[]): Promise<ChatMessage[]> {
  const files = await attachmentsOf(
    db,
    rows.filter((row) => row.kind === 'text').map((row) => row.id),
  );
  return rows.map((row) => {
    const detail = row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null;
    return {
      id: row.id,
      seq: row.seq,
      kind: row.kind,
      author: { role: row.authorRole, name: row.authorName },
      body: row.body,
      notice: row.kind === 'notice' ? (detail as unknown as ChatNotice) : null,
      articles: row.kind === 'articles' ? (detail!.articles as ChatArticle[]) : [],
      attachments: files.get(row.id) ?? [],
      clientId: row.clientId,
      createdAt: row.createdAt,
    };
  });
}

/** Messages after `seq`, in order: what a stream owes a reader. */
export async function messagesAfter(
  db: Db,
  conversationId: string,
  seq: number,
  limit = 200,
): Promise<ChatMessage[]> {
  const rows = await db
    .selectFrom('chatMessage')
    .selectAll()
    .where('conversationId', '=', conversationId)
    .where('seq', '>', seq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return toMessages(db, rows);
}

/** The latest messages before `before` (or the latest of all), oldest first. */
export async function messagePage(
  db: Db,
  conversationId: string,
  before: number | undefined,
  limit: number,
): Promise<{ messages: ChatMessage[]; hasEarlier: boolean }> {
  const rows = await db
    .selectFrom('chatMessage')
    .selectAll()
    .where('conversationId', '=', conversationId)
    .$if(before !== undefined, (query) => query.where('seq', '<', before!))
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const hasEarlier = rows.length > limit;
  return { messages: await toMessages(db, rows.slice(0, limit).reverse()), hasEarlier };
}

export async function findMessageByClientId(db: Db, conversationId: string, clientId: string) {
  const row = await db
    .selectFrom('chatMessage')
    .selectAll()
    .where('conversationId', '=', conversationId)
    .where('clientId', '=', clientId)
    .executeTakeFirst();
  return row ? (await toMessages(db, [row]))[0]! : null;
}

export async function messageBySeq(db: Db, conversationId: string, seq: number) {
  const rows = await db
    .selectFrom('chatMessage')
    .selectAll()
    .where('conversationId', '=', conversationId)
    .where('seq', '=', seq)
    .execute();
  return (await toMessages(db, rows))[0]!;
}

/** The average pick-up time of the last twenty chats agents took. */
async function pickupSeconds(db: Db): Promise<number> {
  const recent = await db
    .selectFrom('chatConversation')
    .select(['queuedAt', 'pickedAt'])
    .where('pickedAt', 'is not', null)
    .where('queuedAt', 'is not', null)
    .orderBy('pickedAt', 'desc')
    .limit(20)
    .execute();
  if (recent.length === 0) return DEFAULT_PICKUP_SECONDS;
  const total = recent.reduce(
    (sum, row) => sum + (Date.parse(row.pickedAt!) - Date.parse(row.queuedAt!)) / 1000,
    0,
  );
  return Math.max(10, Math.round(total / recent.length));
}

/** The wait a chat at `position` in the queue (1 = next) can expect with `agents` online. */
export async function expectedWait(
  db: Db,
  agents: number,
  position: number,
): Promise<number | null> {
  if (agents === 0) return null;
  return Math.round(((await pickupSeconds(db)) * position) / agents);
}

export async function availability(db: Db, agents: number): Promise<ChatAvailability> {
  const waiting = await db
    .selectFrom('chatConversation')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'waiting')
    .executeTakeFirstOrThrow();
  return {
    online: agents > 0,
    agentsOnline: agents,
    expectedWaitSeconds: await expectedWait(db, agents, Number(waiting.n) + 1),
  };
}

/** Where a waiting chat stands in the queue: 1 is next. */
export async function queuePosition(db: Db, row: ConversationRow): Promise<number | null> {
  if (row.status !== 'waiting' || !row.queuedAt) return null;
  const ahead = await db
    .selectFrom('chatConversation')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'waiting')
    .where('queuedAt', '<', row.queuedAt)
    .executeTakeFirstOrThrow();
  return Number(ahead.n) + 1;
}
