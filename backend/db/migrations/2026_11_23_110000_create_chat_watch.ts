import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

/**
 * On PostgreSQL, which instances have a customer's chat open: one row per conversation and
 * instance with how many of its streams show it, and when that instance last said so (in
 * milliseconds of the database's clock). An agent's answer is mailed only when no instance shows
 * the chat. SQLite runs one process, which keeps this in memory: nothing here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`
    create table "chatWatch" (
      "conversationId" text not null,
      "instance" text not null,
      "streams" integer not null,
      "seenAt" bigint not null,
      primary key ("conversationId", "instance")
    )
  `.execute(db);
  await sql`create index "chatWatch_instance" on "chatWatch" ("instance")`.execute(db);
}
