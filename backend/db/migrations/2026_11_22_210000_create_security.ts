import type { Kysely } from 'kysely';

/**
 * Security: the events a person sees in their security activity, an account owner's rule that
 * every member uses security codes, and the vendor's sign-in hand-offs (each token once, and the
 * vendor's own customer id linked to the person it named).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('securityEvent')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('userId', 'text', (col) => col.notNull().references('user.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('ipAddress', 'text')
    .addColumn('userAgent', 'text')
    .execute();
  await db.schema
    .createIndex('securityEvent_user_at')
    .on('securityEvent')
    .columns(['userId', 'at', 'id'])
    .execute();
  await db.schema
    .createTable('accountSecurity')
    .addColumn('accountId', 'text', (col) =>
      col.primaryKey().references('organization.id').onDelete('cascade'),
    )
    .addColumn('requireSecondFactor', 'integer', (col) => col.notNull())
    .addColumn('updatedAt', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('handoffToken')
    .addColumn('jti', 'text', (col) => col.primaryKey())
    .addColumn('expiresAt', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('handoffLink')
    .addColumn('subject', 'text', (col) => col.primaryKey())
    .addColumn('userId', 'text', (col) => col.notNull().references('user.id').onDelete('cascade'))
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .execute();
}
