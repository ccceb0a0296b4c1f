import { sql, type Kysely } from 'kysely';

/** Announcements staff publish, the accounts chosen for each, and who dismissed which. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('announcement')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('severity', 'text', (col) =>
      col.notNull().check(sql`severity in ('info', 'warning', 'outage')`),
    )
    .addColumn('audience', 'text', (col) =>
      col.notNull().check(sql`audience in ('all', 'accounts')`),
    )
    .addColumn('startsAt', 'text', (col) => col.notNull())
    .addColumn('endsAt', 'text')
    .addColumn('createdById', 'text', (col) => col.notNull())
    .addColumn('createdBy', 'text', (col) => col.notNull())
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .addColumn('updatedAt', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('announcement_window')
    .on('announcement')
    .columns(['startsAt', 'endsAt'])
    .execute();

  await db.schema
    .createTable('announcementAccount')
    .addColumn('announcementId', 'text', (col) =>
      col.notNull().references('announcement.id').onDelete('cascade'),
    )
    .addColumn('accountId', 'text', (col) => col.notNull().references('organization.id'))
    .addPrimaryKeyConstraint('announcementAccount_pk', ['announcementId', 'accountId'])
    .execute();
  await db.schema
    .createIndex('announcementAccount_account')
    .on('announcementAccount')
    .columns(['accountId', 'announcementId'])
    .execute();

  await db.schema
    .createTable('announcementDismissal')
    .addColumn('announcementId', 'text', (col) =>
      col.notNull().references('announcement.id').onDelete('cascade'),
    )
    .addColumn('userId', 'text', (col) => col.notNull().references('user.id').onDelete('cascade'))
    .addColumn('dismissedAt', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('announcementDismissal_pk', ['announcementId', 'userId'])
    .execute();
}
