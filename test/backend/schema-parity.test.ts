import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { startTestPortico, type TestPortico } from '../support/portico.ts';
import { postgresForTests } from '../support/postgres.ts';

/**
 * Tables only one engine has, each standing in for the other engine's way of doing the same:
 * SQLite's FTS5 index and its shadow tables against PostgreSQL's `helpIndex` of tsvectors, and
 * the shared rate budgets (ours and the sign-in library's) and which chats are open on which
 * instance, which SQLite's one process keeps in memory.
 */
const SQLITE_ONLY = /^help(Index|TitleIndex)(_\w+)?$|^helpIndexVocab$/;
const POSTGRES_ONLY = new Set(['helpIndex', 'rateHit', 'rateLimit', 'chatWatch']);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database's handle
async function columnsByTable(db: Kysely<any>): Promise<Map<string, string[]>> {
  const tables = await db.introspection.getTables();
  return new Map(
    // Names only: types are named differently, and SQLite lets a primary key without NOT NULL
    // be empty where PostgreSQL never does.
    tables.map((table) => [table.name, table.columns.map((column) => column.name).sort()]),
  );
}

const postgres = postgresForTests();

describe(
  'the same migrations make the same schema on both engines',
  { skip: postgres.skip },
  () => {
    let onSqlite: TestPortico;
    let onPostgres: TestPortico;

    before(async () => {
      [onSqlite, onPostgres] = await Promise.all([
        startTestPortico({ sqlite: true }),
        startTestPortico(),
      ]);
    });
    after(async () => {
      await onSqlite?.close();
      await onPostgres?.close();
    });

    it('has every table, with the same columns, on SQLite and on PostgreSQL', async () => {
      assert.equal(onSqlite.services.engine, 'sqlite');
      assert.equal(onPostgres.services.engine, 'postgres');
      const sqlite = await columnsByTable(onSqlite.services.db);
      const pg = await columnsByTable(onPostgres.services.db);
      const shared = (names: Iterable<string>, only: (name: string) => boolean) =>
        [...names].filter((name) => !only(name)).sort();
      const sqliteTables = shared(sqlite.keys(), (name) => SQLITE_ONLY.test(name));
      const pgTables = shared(pg.keys(), (name) => POSTGRES_ONLY.has(name));
      assert.deepEqual(pgTables, sqliteTables);
      assert.ok(sqliteTables.length > 40, `${sqliteTables.length} tables`);
      for (const table of sqliteTables) {
        assert.deepEqual(pg.get(table), sqlite.get(table), `the columns of ${table}`);
      }
      // Every migration of ours ran on both (better-auth keeps no list of its own).
      const applied = (db: TestPortico['services']['db']) =>
        db
          .selectFrom('kysely_migration' as never)
          .select('name' as never)
          .orderBy('name' as never)
          .execute();
      assert.deepEqual(await applied(onPostgres.services.db), await applied(onSqlite.services.db));
    });

    it('has PostgreSQL write help articles straight into their GIN indexes, with no pending list', async () => {
      // A pending list is read through by every search until a vacuum merges it: after a burst
      // of new articles, searches were many times slower (see the migration).
      const { rows } = await sql<{ name: string; options: string[] | null }>`
        select relname as "name", reloptions as "options" from pg_class
        where relname in ('helpIndex_document', 'helpIndex_titleDocument')
        order by relname
      `.execute(onPostgres.services.db);
      assert.deepEqual(rows, [
        { name: 'helpIndex_document', options: ['fastupdate=off'] },
        { name: 'helpIndex_titleDocument', options: ['fastupdate=off'] },
      ]);
    });
  },
);
