import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { refuse } from '../errors.ts';
import type { TicketChange } from '../realtime/bus.ts';
import type { CreateInput } from './ticket.schema.ts';
import { TicketError } from './ticket.errors.ts';

/** A request key and a digest of what was asked under it, as a message keeps them. */
export interface RequestKey {
  idempotencyKey: string;
  requestHash: string;
}

/** A change a write made, or found already made by an earlier request with the same key. */
export type Written = TicketChange & {
  /** True when this request repeated one already done: nothing new was written. */
  replayed: boolean;
};

/**
 * The key and digest of a request, or null without a key. The digest starts with what kind of
 * write it is, so a key that opened a ticket cannot come back as a reply.
 */
function requestKey(
  what: 'create' | 'message',
  idempotencyKey: string | undefined,
  request: Record<string, unknown>,
): RequestKey | null {
  if (idempotencyKey === undefined) return null;
  const requestHash = createHash('sha256')
    .update(JSON.stringify([what, request]))
    .digest('base64url');
  return { idempotencyKey, requestHash };
}

/**
 * The key of a new ticket. The page it was opened on is left out: it only lets answer mails
 * link back, and a client may send the ticket again without it when the page is not trusted.
 * The account is in: a person in several accounts who sends a key again from another one is
 * refused as reusing it, rather than answered with a ticket that account cannot see.
 */
export function createKey(input: CreateInput, accountId: string): RequestKey | null {
  const { subject, kind, category, priority, tags, orderId, body, attachmentIds } = input;
  return requestKey('create', input.idempotencyKey, {
    accountId,
    subject,
    kind,
    category,
    priority,
    tags,
    orderId,
    body,
    attachmentIds,
  });
}

/** The key of a message added to a thread: a reply, a staff answer or a staff note. */
export function messageKey(
  ticketId: string,
  input: {
    idempotencyKey?: string | undefined;
    body: string;
    attachmentIds: readonly string[];
    status?: string | undefined;
  },
  internal: boolean,
): RequestKey | null {
  const { body, attachmentIds, status } = input;
  return requestKey('message', input.idempotencyKey, {
    ticketId,
    body,
    attachmentIds,
    internal,
    status: status ?? null,
  });
}

/**
 * The message an earlier request of this author with the same key wrote, with its ticket's
 * account, or null when there is none. The same key for another request is refused, as orders
 * and payments refuse it: the client mixed up two submissions.
 */
export async function earlierMessage(trx: Db, authorId: string, key: RequestKey | null) {
  if (!key) return null;
  const earlier = await trx
    .selectFrom('ticketMessage')
    .innerJoin('ticket', 'ticket.id', 'ticketMessage.ticketId')
    .select([
      'ticketMessage.id',
      'ticketMessage.ticketId',
      'ticketMessage.requestHash',
      'ticket.accountId',
    ])
    .where('ticketMessage.authorId', '=', authorId)
    .where('ticketMessage.idempotencyKey', '=', key.idempotencyKey)
    .executeTakeFirst();
  if (!earlier) return null;
  if (earlier.requestHash !== key.requestHash) {
    throw refuse('CONFLICT', TicketError, 'IDEMPOTENCY_KEY_REUSED');
  }
  return earlier;
}

/**
 * Whether this author already wrote something under the key: the rate limit lets such a call
 * through uncounted, since it is answered without a write (or refused as a reused key).
 */
export async function keyUsedBy(db: Db, authorId: string, idempotencyKey: string) {
  const found = await db
    .selectFrom('ticketMessage')
    .select('id')
    .where('authorId', '=', authorId)
    .where('idempotencyKey', '=', idempotencyKey)
    .executeTakeFirst();
  return found !== undefined;
}
