import type { Kysely } from 'kysely';

/**
 * The reminder steps already sent. The unique key is the once-only guarantee: the scheduler
 * inserts a step's row with its event, and a process that loses the race inserts neither.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reminderSent')
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('subjectId', 'text', (col) => col.notNull())
    .addColumn('step', 'text', (col) => col.notNull())
    .addColumn('accountId', 'text', (col) => col.notNull())
    .addColumn('sentAt', 'text', (col) => col.notNull())
    .addUniqueConstraint('reminderSent_step', ['kind', 'subjectId', 'step'])
    .execute();
}
