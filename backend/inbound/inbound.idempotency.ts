import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
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

export interface Outcome {
  answer: Answer;
  replayed: boolean;
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
 * Applies a message once per id, all or nothing, in one transaction that first claims the id
 * (inserts its row), then runs `apply` and stores the answer on that row. A retry that comes
 * while the first is still running waits on the claim (or, on SQLite, for the transaction) and
 * then gets the first answer with `replayed: true`; other content under the id is refused. Any
 * refusal in `apply` rolls everything back, the claim too, so the id stays free.
 */
export async function applyOnce(
  db: Db,
  message: Message,
  apply: (trx: Transaction<Database>) => Promise<Answer>,
): Promise<Outcome> {
  const earlier = await earlierAnswer(db, message);
  if (earlier) return { answer: earlier, replayed: true };
  const id = newId();
  try {
    return await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('inboundMessage')
        .values({
          id,
          kind: message.kind,
          externalId: message.externalId,
          requestHash: message.requestHash,
          // Never seen outside this transaction: the answer replaces it before the commit.
          status: 0,
          response: 'null',
          keyId: message.keyId,
          createdAt: timestamp(),
        })
        .execute();
      const answer = await apply(trx);
      await trx
        .updateTable('inboundMessage')
        .set({ status: answer.status, response: JSON.stringify(answer.body) })
        .where('id', '=', id)
        .execute();
      return { answer, replayed: false };
    });
  } catch (error) {
    // A unique violation may also be `apply`'s own (an order invoiced meanwhile): then there
    // is no message under the id, and the caller says what it means.
    if (!isUniqueViolation(error)) throw error;
    const overtaken = await earlierAnswer(db, message);
    if (overtaken) return { answer: overtaken, replayed: true };
    throw error;
  }
}
