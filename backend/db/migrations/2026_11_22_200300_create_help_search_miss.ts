import type { Kysely } from 'kysely';

/**
 * Customer searches of the help centre that found nothing: one row per folded query and
 * language, counted, so the authors see which articles are missing. Searches that found something
 * are not recorded, and a repeated miss updates its row rather than adding one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('helpSearchMiss')
    .addColumn('query', 'text', (col) => col.notNull())
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('count', 'integer', (col) => col.notNull())
    .addColumn('lastAt', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('helpSearchMiss_pk', ['query', 'locale'])
    .execute();
  await db.schema
    .createIndex('helpSearchMiss_count')
    .on('helpSearchMiss')
    .columns(['count', 'lastAt'])
    .execute();
}
