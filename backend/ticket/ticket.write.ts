import type { Db } from '../db/database.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';
import { fold } from '../db/fold.ts';
import { refuse } from '../errors.ts';
import { emitEvent } from '../events/event.emit.ts';
import { newOrderNumber } from '../order/order.place.ts';
import { attachUploads } from '../file/file.store.ts';
import type { TicketChange } from '../realtime/bus.ts';
import type { TicketReader } from './ticket.queries.ts';
import type { CreateInput } from './ticket.schema.ts';
import type { AuthorRole, TicketStatus } from './ticket.tables.ts';
import { TicketError } from './ticket.errors.ts';
import {
  createKey,
  earlierMessage,
  messageKey,
  type RequestKey,
  type Written,
} from './ticket.replay.ts';

export interface TicketActor {
  id: string;
  name: string;
  role: Exclude<AuthorRole, 'system'>;
}

/** The ticket, locked to the reader's scope, or NOT_FOUND: another account's looks missing. */
export async function ticketInScope(trx: Db, reader: TicketReader, ticketId: string) {
  const ticket = await trx
    .selectFrom('ticket')
    .selectAll()
    .where('id', '=', ticketId)
    .$if(reader.kind === 'customer', (query) =>
      query.where('accountId', '=', reader.kind === 'customer' ? reader.accountId : ''),
    )
    .executeTakeFirst();
  if (!ticket) throw refuse('NOT_FOUND', TicketError, 'NOT_FOUND');
  return ticket;
}

function writable(ticket: { mergedInto: string | null; status: TicketStatus }): void {
  if (ticket.mergedInto) throw refuse('CONFLICT', TicketError, 'MERGED');
  if (ticket.status === 'closed') throw refuse('CONFLICT', TicketError, 'CLOSED');
}

export async function addEvent(
  trx: Db,
  ticketId: string,
  actor: TicketActor | null,
  type: string,
  detail: Record<string, unknown>,
  internal = false,
  at = timestamp(),
): Promise<void> {
  await trx
    .insertInto('ticketEvent')
    .values({
      id: newId(),
      ticketId,
      type,
      actorId: actor?.id ?? null,
      actorName: actor?.name ?? 'System',
      actorRole: actor?.role ?? 'system',
      detail: JSON.stringify(detail),
      internal: internal ? 1 : 0,
      at,
    })
    .execute();
}

export async function markRead(trx: Db, ticketId: string, userId: string, at = timestamp()) {
  await trx
    .insertInto('ticketRead')
    .values({ ticketId, userId, readAt: at })
    .onConflict((oc) => oc.columns(['ticketId', 'userId']).doUpdateSet({ readAt: at }))
    .execute();
}

export async function searchTextOf(trx: Db, ticketId: string): Promise<string> {
  const ticket = await trx
    .selectFrom('ticket')
    .select(['number', 'subject', 'category'])
    .where('id', '=', ticketId)
    .executeTakeFirstOrThrow();
  const tags = await trx
    .selectFrom('ticketTag')
    .select('tag')
    .where('ticketId', '=', ticketId)
    .execute();
  return fold(
    [ticket.number, ticket.subject, ticket.category ?? '', ...tags.map((t) => t.tag)].join(' '),
  );
}

async function writeMessage(
  trx: Db,
  ticketId: string,
  actor: TicketActor,
  body: string,
  attachmentIds: readonly string[],
  owner: { accountId: string | null },
  internal: boolean,
  at: string,
  key: RequestKey | null,
): Promise<string> {
  const id = newId();
  await trx
    .insertInto('ticketMessage')
    .values({
      id,
      ticketId,
      authorId: actor.id,
      authorName: actor.name,
      authorRole: actor.role,
      body,
      internal: internal ? 1 : 0,
      folded: fold(body),
      createdAt: at,
      idempotencyKey: key?.idempotencyKey ?? null,
      requestHash: key?.requestHash ?? null,
    })
    .execute();
  if (!(await attachUploads(trx, attachmentIds, id, { userId: actor.id, ...owner }))) {
    throw refuse('BAD_REQUEST', TicketError, 'UPLOAD_NOT_FOUND');
  }
  return id;
}

/** The ticket an earlier request with the same key opened, or null; see `createTicket`. */
export async function earlierTicket(
  db: Db,
  accountId: string,
  actor: TicketActor,
  input: CreateInput,
): Promise<string | null> {
  return (await earlierMessage(db, actor.id, createKey(input, accountId)))?.ticketId ?? null;
}

/**
 * Opens a ticket with its first message, tags and files, in one transaction. A repeated request
 * key finds the ticket it opened (its first message carries the key) and writes nothing.
 */
export function createTicket(
  db: Db,
  accountId: string,
  actor: TicketActor,
  input: CreateInput,
): Promise<Written> {
  const key = createKey(input, accountId);
  return db.transaction().execute(async (trx) => {
    const earlier = await earlierMessage(trx, actor.id, key);
    if (earlier) {
      const { ticketId, accountId, id: messageId } = earlier;
      const change = { ticketId, accountId, messageId, actorId: actor.id };
      return { ...change, type: 'created', internal: false, replayed: true };
    }
    return { ...(await insertTicket(trx, accountId, actor, input, key)), replayed: false };
  });
}

/** Opens a ticket inside the caller's transaction (a chat that becomes a ticket). */
export async function insertTicket(
  trx: Db,
  accountId: string,
  actor: TicketActor,
  input: CreateInput,
  key: RequestKey | null = null,
): Promise<TicketChange> {
  if (input.orderId) {
    const order = await trx
      .selectFrom('order')
      .select('id')
      .where('id', '=', input.orderId)
      .where('accountId', '=', accountId)
      .executeTakeFirst();
    if (!order) throw refuse('NOT_FOUND', TicketError, 'ORDER_NOT_FOUND');
  }
  const id = newId();
  const at = timestamp();
  await trx
    .insertInto('ticket')
    .values({
      id,
      number: `T-${newOrderNumber()}`,
      accountId,
      createdBy: actor.id,
      subject: input.subject,
      kind: input.kind,
      category: input.category ?? null,
      priority: input.priority,
      status: 'open',
      orderId: input.orderId ?? null,
      assigneeId: null,
      mergedInto: null,
      pageUrl: input.pageUrl ?? null,
      searchText: '',
      customerAt: at,
      staffAt: null,
      resolvedAt: null,
      rating: null,
      ratingComment: null,
      ratedBy: null,
      ratedAt: null,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  if (input.tags.length) {
    await trx
      .insertInto('ticketTag')
      .values(input.tags.map((tag) => ({ ticketId: id, tag })))
      .execute();
  }
  await trx
    .updateTable('ticket')
    .set({ searchText: await searchTextOf(trx, id) })
    .where('id', '=', id)
    .execute();
  const messageId = await writeMessage(
    trx,
    id,
    actor,
    input.body,
    input.attachmentIds,
    { accountId },
    false,
    at,
    key,
  );
  await addEvent(
    trx,
    id,
    actor,
    'created',
    { priority: input.priority, kind: input.kind },
    false,
    at,
  );
  await markRead(trx, id, actor.id, at);
  await emitEvent(trx, { type: 'ticket.created', accountId, actorId: actor.id, ticketId: id }, at);
  return {
    ticketId: id,
    accountId,
    type: 'created',
    internal: false,
    messageId,
    actorId: actor.id,
  };
}

export interface MessageInput {
  /** The client's key for this submission; a retry with it finds the first message. */
  idempotencyKey?: string | undefined;
  body: string;
  attachmentIds: readonly string[];
  /** A staff note the customer never sees. */
  internal?: boolean;
  /** For a staff answer: what it leaves the ticket as. */
  status?: 'open' | 'pending' | 'resolved';
}

/**
 * Adds a message. A customer's message puts the ticket back in the queue (`open`); a staff
 * answer leaves it `pending` on the customer unless the agent says otherwise; a note changes
 * nothing the customer can see. A repeated request key finds the first message and writes
 * nothing, even when the ticket has been closed since.
 */
export async function addMessage(
  db: Db,
  reader: TicketReader,
  actor: TicketActor,
  ticketId: string,
  input: MessageInput,
): Promise<Written> {
  const internal = actor.role === 'staff' && input.internal === true;
  const key = messageKey(ticketId, input, internal);
  return db.transaction().execute(async (trx) => {
    const earlier = await earlierMessage(trx, actor.id, key);
    if (earlier) {
      const { accountId, id: messageId } = earlier;
      const change = { ticketId: earlier.ticketId, accountId, messageId, actorId: actor.id };
      return { ...change, type: 'message', internal, replayed: true };
    }
    const ticket = await ticketInScope(trx, reader, ticketId);
    writable(ticket);
    const at = timestamp();
    const owner = { accountId: actor.role === 'staff' ? null : ticket.accountId };
    const messageId = await writeMessage(
      trx,
      ticketId,
      actor,
      input.body,
      input.attachmentIds,
      owner,
      internal,
      at,
      key,
    );
    await markRead(trx, ticketId, actor.id, at);
    if (internal) {
      await addEvent(trx, ticketId, actor, 'note', {}, true, at);
      return {
        ticketId,
        accountId: ticket.accountId,
        type: 'message',
        internal,
        messageId,
        actorId: actor.id,
        replayed: false,
      };
    }
    const status: TicketStatus = actor.role === 'customer' ? 'open' : (input.status ?? 'pending');
    await trx
      .updateTable('ticket')
      .set({
        status,
        updatedAt: at,
        ...(actor.role === 'customer' ? { customerAt: at } : { staffAt: at }),
        ...(status === 'resolved' ? { resolvedAt: at } : {}),
      })
      .where('id', '=', ticketId)
      .execute();
    if (status !== ticket.status) {
      await addEvent(
        trx,
        ticketId,
        actor,
        'status',
        { from: ticket.status, to: status },
        false,
        at,
      );
    }
    if (actor.role === 'staff') {
      const answer = { ticketId, messageId, actorId: actor.id, accountId: ticket.accountId };
      await emitEvent(trx, { type: 'ticket.answered', ...answer }, at);
    }
    return {
      ticketId,
      accountId: ticket.accountId,
      type: 'message',
      internal,
      messageId,
      actorId: actor.id,
      replayed: false,
    };
  });
}
