import type { Db } from '../db/database.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';
import { isUniqueViolation } from '../db/constraint.ts';
import { refuse } from '../errors.ts';
import type { InboundKind } from './inbound.tables.ts';
import { InboundError } from './inbound.errors.ts';

/** What a message was answered: its HTTP status and JSON body (without `replayed`). */
export interface Answer {
  status: 200 | 201;
  body: Record<string, unknown>;
}

export interface Message {
  kind: InboundKind;
  externalId: string;
  requestHash: string;
  keyId: string;
}

/**
 * The answer an earlier message under the same id got, or null for a new id. Other content
 * under a used id is refused: the ERP reused an id, and applying it could double a change.
 */
export async function earlierAnswer(db: Db, message: Message): Promise<Answer | null> {
  const earlier = await db
    .selectFrom('inboundMessage')
    .select(['requestHash', 'status', 'response'])
    .where('kind', '=', message.kind)
    .where('externalId', '=', message.externalId)
    .executeTakeFirst();
  if (!earlier) return null;
  if (earlier.requestHash !== message.requestHash) {
    throw refuse('CONFLICT', InboundError, 'IDEMPOTENCY_KEY_REUSED');
  }
  return {
    status: earlier.status === 201 ? 201 : 200,
    body: JSON.parse(earlier.response) as Record<string, unknown>,
  };
}

/**
 * Keeps a message's answer under its id, in the transaction of its change when there is one.
 * Throws a unique violation when another request recorded the same id first: see `raced`.
 */
export async function recordAnswer(db: Db, message: Message, answer: Answer): Promise<void> {
  await db
    .insertInto('inboundMessage')
    .values({
      id: newId(),
      kind: message.kind,
      externalId: message.externalId,
      requestHash: message.requestHash,
      status: answer.status,
      response: JSON.stringify(answer.body),
      keyId: message.keyId,
      createdAt: timestamp(),
    })
    .execute();
}

/**
 * The answer of the request that recorded the same id while this one worked (a retry that
 * overtook the first), when `error` says so; null for any other failure.
 */
export async function raced(db: Db, message: Message, error: unknown): Promise<Answer | null> {
  if (!isUniqueViolation(error)) return null;
  return earlierAnswer(db, message);
}
