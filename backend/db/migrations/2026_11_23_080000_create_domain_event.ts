import { sql, type Kysely } from 'kysely';

/** The outbox of events (see `backend/events/`): written with each change, handled once. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('domainEvent')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('accountId', 'text', (col) => col.notNull())
    .addColumn('data', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('handledAt', 'text')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('failedAt', 'text')
    .execute();
  await db.schema
    .createIndex('domainEvent_waiting')
    .on('domainEvent')
    .columns(['at', 'id'])
    .where(sql.ref('handledAt'), 'is', null)
    .execute();
  // The sweep deletes handled events after a while (see `EventDispatcher`).
  await db.schema
    .createIndex('domainEvent_handled')
    .on('domainEvent')
    .column('handledAt')
    .where(sql.ref('handledAt'), 'is not', null)
    .execute();
}
