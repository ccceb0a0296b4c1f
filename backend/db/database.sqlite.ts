import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';
import { fold } from './fold.ts';
import { FOLD_SQL_FUNCTION } from './match.ts';

import type { OpenedDatabase } from './database.ts';

/**
 * Opens the SQLite file with the settings Portico relies on: WAL so readers never wait for the
 * writer, foreign keys enforced, a busy timeout instead of immediate SQLITE_BUSY, and
 * synchronous=FULL so an acknowledged write survives a power cut (the cost is measured in the
 * README's durability notes).
 */
export function openSqlite(path: string): OpenedDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  // Set per connection: this is the one the server writes through (the durability test reads it).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.function(FOLD_SQL_FUNCTION, { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? fold(text) : null,
  );
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return {
    engine: 'sqlite',
    db,
    authDb: db,
    sqlite,
    postgres: null,
    async close() {
      await db.destroy();
    },
  };
}

/**
 * better-sqlite3 compiles a statement on every `prepare`, and Kysely prepares every query it
 * runs; compiling was a third of the time of placing an order. Statements are reused by their
 * SQL text (Kysely runs each one to completion synchronously, so sharing is safe).
 */
function withStatementCache(sqlite: SqliteDatabase.Database, size = 500) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteDatabase.Statement {
      let statement = statements.get(sql);
      if (statement) {
        // Most recently used last, so the oldest is the first to go.
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= size) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
