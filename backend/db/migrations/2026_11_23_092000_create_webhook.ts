import { sql, type Kysely } from 'kysely';

/**
 * Webhooks: the vendor's endpoints (each with the secret its deliveries are signed with) and
 * every delivery of an event to one of them, with its attempts and the last answer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhookEndpoint')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('events', 'text', (col) => col.notNull())
    .addColumn('secret', 'text', (col) => col.notNull())
    .addColumn('active', 'integer', (col) => col.notNull().check(sql`active in (0, 1)`))
    .addColumn('createdBy', 'text', (col) => col.notNull())
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .addColumn('updatedAt', 'text', (col) => col.notNull())
    .addColumn('removedAt', 'text')
    .execute();

  await db.schema
    .createTable('webhookDelivery')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('endpointId', 'text', (col) => col.notNull().references('webhookEndpoint.id'))
    .addColumn('eventId', 'text', (col) => col.notNull())
    .addColumn('eventType', 'text', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('pending', 'delivered', 'failed')`),
    )
    .addColumn('attempts', 'integer', (col) => col.notNull())
    .addColumn('nextAttemptAt', 'text')
    .addColumn('lastAttemptAt', 'text')
    .addColumn('lockedUntil', 'text')
    .addColumn('responseStatus', 'integer')
    .addColumn('responseBody', 'text')
    .addColumn('error', 'text')
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('webhookDelivery_due')
    .on('webhookDelivery')
    .columns(['status', 'nextAttemptAt'])
    .execute();
  await db.schema
    .createIndex('webhookDelivery_endpoint')
    .on('webhookDelivery')
    .columns(['endpointId', 'createdAt', 'id'])
    .execute();
  await db.schema
    .createIndex('webhookDelivery_created')
    .on('webhookDelivery')
    .columns(['createdAt', 'id'])
    .execute();
}
