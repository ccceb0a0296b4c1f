import type { Db } from '../db/database.ts';
import type { TicketReader } from './ticket.queries.ts';
import type { AuthorRole } from './ticket.tables.ts';

export interface Attachment {
  id: string;
  name: string;
  size: number;
  mediaType: string;
}

export interface ThreadMessage {
  id: string;
  author: { name: string; role: AuthorRole };
  body: string;
  /** A staff note the customer never sees; always false in a customer's thread. */
  internal: boolean;
  attachments: Attachment[];
  createdAt: string;
}

/** Which of a ticket's rows a reader may see: a customer only their account's, no notes. */
function scoped(db: Db, reader: TicketReader, ticketId: string) {
  return db
    .selectFrom('ticket')
    .where('ticket.id', '=', ticketId)
    .$if(reader.kind === 'customer', (query) =>
      query.where('ticket.accountId', '=', reader.kind === 'customer' ? reader.accountId : ''),
    );
}

/**
 * One ticket with its thread (oldest first, in a stable order), attachments, tags, linked order,
 * audit and what the reader may do next; null when the reader may not see it.
 */
export async function findTicket(db: Db, reader: TicketReader, ticketId: string) {
  const row = await scoped(db, reader, ticketId)
    .innerJoin('organization', 'organization.id', 'ticket.accountId')
    .leftJoin('order', 'order.id', 'ticket.orderId')
    .leftJoin('ticket as target', 'target.id', 'ticket.mergedInto')
    .leftJoin('user as assignee', 'assignee.id', 'ticket.assigneeId')
    .leftJoin('user as creator', 'creator.id', 'ticket.createdBy')
    .select([
      'ticket.id',
      'ticket.number',
      'ticket.subject',
      'ticket.kind',
      'ticket.category',
      'ticket.priority',
      'ticket.status',
      'ticket.accountId',
      'organization.name as accountName',
      'ticket.orderId',
      'order.number as orderNumber',
      'ticket.mergedInto',
      'target.number as mergedIntoNumber',
      'ticket.assigneeId',
      'assignee.name as assigneeName',
      'creator.name as creatorName',
      'ticket.resolvedAt',
      'ticket.rating',
      'ticket.ratingComment',
      'ticket.ratedAt',
      'ticket.createdAt',
      'ticket.updatedAt',
    ])
    .executeTakeFirst();
  if (!row) return null;
  const { orderNumber, mergedIntoNumber, assigneeName, ratingComment, ratedAt, ...ticket } = row;
  const customer = reader.kind === 'customer';
  const [messages, files, tags, events] = await Promise.all([
    db
      .selectFrom('ticketMessage')
      .select(['id', 'authorName', 'authorRole', 'body', 'internal', 'createdAt'])
      .where('ticketId', '=', ticketId)
      .$if(customer, (query) => query.where('internal', '=', 0))
      .orderBy('createdAt')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('upload')
      .innerJoin('ticketMessage', 'ticketMessage.id', 'upload.messageId')
      .select(['upload.id', 'upload.name', 'upload.size', 'upload.mediaType', 'upload.messageId'])
      .where('ticketMessage.ticketId', '=', ticketId)
      .$if(customer, (query) => query.where('ticketMessage.internal', '=', 0))
      .orderBy('upload.createdAt')
      .execute(),
    db
      .selectFrom('ticketTag')
      .select('tag')
      .where('ticketId', '=', ticketId)
      .orderBy('tag')
      .execute(),
    db
      .selectFrom('ticketEvent')
      .select(['id', 'type', 'actorName', 'actorRole', 'detail', 'at'])
      .where('ticketId', '=', ticketId)
      .$if(customer, (query) => query.where('internal', '=', 0))
      .orderBy('at')
      .orderBy('id')
      .execute(),
  ]);
  const filesOf = new Map<string, Attachment[]>();
  for (const { messageId, ...file } of files) {
    const list = filesOf.get(messageId!) ?? [];
    list.push(file);
    filesOf.set(messageId!, list);
  }
  const open = ticket.mergedInto === null && ticket.status !== 'closed';
  const resolvedOnce = ticket.resolvedAt !== null;
  return {
    ...ticket,
    order: ticket.orderId ? { id: ticket.orderId, number: orderNumber ?? '' } : null,
    mergedInto: ticket.mergedInto
      ? { id: ticket.mergedInto, number: mergedIntoNumber ?? '' }
      : null,
    assignee: ticket.assigneeId ? { id: ticket.assigneeId, name: assigneeName ?? '' } : null,
    tags: tags.map((row) => row.tag),
    messages: messages.map((message): ThreadMessage => ({
      id: message.id,
      author: { name: message.authorName, role: message.authorRole },
      body: message.body,
      internal: message.internal === 1,
      attachments: filesOf.get(message.id) ?? [],
      createdAt: message.createdAt,
    })),
    timeline: events.map((event) => ({
      id: event.id,
      type: event.type,
      at: event.at,
      actor: { name: event.actorName, role: event.actorRole },
      detail: JSON.parse(event.detail) as Record<string, unknown>,
    })),
    rating:
      ticket.rating === null
        ? null
        : { stars: ticket.rating, comment: ratingComment ?? '', at: ratedAt! },
    can: {
      reply: open,
      close: open,
      reopen:
        ticket.mergedInto === null && (ticket.status === 'resolved' || ticket.status === 'closed'),
      rate:
        ticket.rating === null &&
        resolvedOnce &&
        (ticket.status === 'resolved' || ticket.status === 'closed'),
    },
  };
}

export type TicketDetail = NonNullable<Awaited<ReturnType<typeof findTicket>>>;
