import type { Kysely } from 'kysely';

/** The day delivery was promised, if one was: an order undelivered after it is late. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('order').addColumn('promisedOn', 'text').execute();
}
