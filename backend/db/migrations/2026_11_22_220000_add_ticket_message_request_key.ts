import { sql, type Kysely } from 'kysely';

/**
 * A request key on ticket messages, so that a customer or agent who sends a ticket or a reply
 * again after a lost answer finds the first one instead of posting it twice. The key is the
 * author's: unique per author, and empty for messages written without one (older ones, a chat
 * turned into a ticket). `requestHash` tells a retry from another message under the same key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ticketMessage').addColumn('idempotencyKey', 'text').execute();
  await db.schema.alterTable('ticketMessage').addColumn('requestHash', 'text').execute();
  await db.schema
    .createIndex('ticketMessage_idempotency')
    .unique()
    .on('ticketMessage')
    .columns(['authorId', 'idempotencyKey'])
    .where(sql.ref('idempotencyKey'), 'is not', null)
    .execute();
}
