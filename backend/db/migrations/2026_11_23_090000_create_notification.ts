import { sql, type Kysely } from 'kysely';

/**
 * The notification centre: one row per event and person who should hear of it (the unique index
 * keeps it so however many processes handle events), and each person's choice of mail per kind.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('eventId', 'text', (col) => col.notNull())
    .addColumn('userId', 'text', (col) => col.notNull().references('user.id').onDelete('cascade'))
    .addColumn('accountId', 'text', (col) =>
      col.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('subjectType', 'text', (col) =>
      col.notNull().check(sql`"subjectType" in ('order', 'invoice', 'payment', 'ticket', 'chat')`),
    )
    .addColumn('subjectId', 'text', (col) => col.notNull())
    .addColumn('params', 'text', (col) => col.notNull())
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .addColumn('readAt', 'text')
    .execute();
  await db.schema
    .createIndex('notification_event_user')
    .on('notification')
    .columns(['eventId', 'userId'])
    .unique()
    .execute();
  await db.schema
    .createIndex('notification_person')
    .on('notification')
    .columns(['userId', 'accountId', 'createdAt', 'id'])
    .execute();
  await db.schema
    .createIndex('notification_unread')
    .on('notification')
    .columns(['userId', 'accountId'])
    .where(sql.ref('readAt'), 'is', null)
    .execute();

  await db.schema
    .createTable('notificationPreference')
    .addColumn('userId', 'text', (col) => col.notNull().references('user.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('mail', 'integer', (col) => col.notNull().check(sql`mail in (0, 1)`))
    .addColumn('updatedAt', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('notificationPreference_pk', ['userId', 'kind'])
    .execute();
}
