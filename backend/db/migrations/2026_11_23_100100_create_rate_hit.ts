import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

/**
 * On PostgreSQL, the procedure and chat budgets every instance counts against together: one row
 * per limited key with the times (milliseconds) of its recent takes, and when the row is of no
 * more use, so a sweep can drop it. SQLite runs one process, which counts in memory: nothing here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`
    create table "rateHit" (
      "key" text primary key,
      "hits" bigint[] not null,
      "expiresAt" bigint not null
    )
  `.execute(db);
  await sql`create index "rateHit_expiresAt" on "rateHit" ("expiresAt")`.execute(db);
}
