import type { Services } from '../services.ts';
import { refuse } from '../errors.ts';
import { ChatError } from './chat.errors.ts';
import { expectedWait, queuePosition, type ConversationRow } from './chat.queries.ts';

export interface ChatConversation {
  id: string;
  status: ConversationRow['status'];
  subject: string;
  customerName: string;
  agent: { name: string } | null;
  ticket: { id: string; number: string } | null;
  lastSeq: number;
  deliveredToStaff: number;
  readByStaff: number;
  deliveredToCustomer: number;
  readByCustomer: number;
  position: number | null;
  expectedWaitSeconds: number | null;
  createdAt: string;
  endedAt: string | null;
}

export interface StaffChatSummary extends Omit<ChatConversation, 'agent'> {
  customerEmail: string;
  account: { id: string; name: string } | null;
  visitor: boolean;
  agent: { id: string; name: string } | null;
  queuedAt: string | null;
  waitingSeconds: number | null;
  lastMessageAt: string;
  unread: number;
}

export async function conversationRow(services: Services, conversationId: string) {
  const row = await services.db
    .selectFrom('chatConversation')
    .selectAll()
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (!row) throw refuse('NOT_FOUND', ChatError, 'NOT_FOUND');
  return row;
}

export async function conversationView(
  services: Services,
  row: ConversationRow,
): Promise<ChatConversation> {
  const { db, chat } = services;
  const position = await queuePosition(db, row);
  const delivered = chat.delivered(row.id);
  const ticket = row.ticketId
    ? await db
        .selectFrom('ticket')
        .select(['id', 'number'])
        .where('id', '=', row.ticketId)
        .executeTakeFirst()
    : undefined;
  return {
    id: row.id,
    status: row.status,
    subject: row.subject,
    customerName: row.customerName,
    agent: row.agentName ? { name: row.agentName } : null,
    ticket: ticket ?? null,
    lastSeq: row.lastSeq,
    deliveredToStaff: Math.max(row.deliveredToStaff, delivered.toStaff),
    readByStaff: row.readByStaff,
    deliveredToCustomer: Math.max(row.deliveredToCustomer, delivered.toCustomer),
    readByCustomer: row.readByCustomer,
    position,
    expectedWaitSeconds:
      position === null ? null : await expectedWait(db, chat.onlineAgents().size, position),
    createdAt: row.createdAt,
    endedAt: row.endedAt,
  };
}

export async function staffSummary(
  services: Services,
  row: ConversationRow,
): Promise<StaffChatSummary> {
  const { db } = services;
  const view = await conversationView(services, row);
  const account = row.accountId
    ? await db
        .selectFrom('organization')
        .select(['id', 'name'])
        .where('id', '=', row.accountId)
        .executeTakeFirst()
    : undefined;
  const unread = await db
    .selectFrom('chatMessage')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('conversationId', '=', row.id)
    .where('authorRole', '=', 'customer')
    .where('seq', '>', row.readByStaff)
    .executeTakeFirstOrThrow();
  return {
    ...view,
    customerEmail: row.customerEmail,
    account: account ?? null,
    visitor: row.accountId === null,
    agent: row.agentId ? { id: row.agentId, name: row.agentName ?? '' } : null,
    queuedAt: row.queuedAt,
    waitingSeconds:
      row.status === 'waiting' && row.queuedAt
        ? Math.max(0, Math.round((Date.now() - Date.parse(row.queuedAt)) / 1000))
        : null,
    lastMessageAt: row.lastMessageAt,
    unread: Number(unread.n),
  };
}
