import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Pool } from 'pg';
import type { Database } from './schema.ts';
import { isPostgresUrl } from '../config.ts';
import { openSqlite } from './database.sqlite.ts';
import { openPostgres } from './database.postgres.ts';

export type Db = Kysely<Database>;

/** The two engines Portico runs on: one SQLite file, or a PostgreSQL database shared by several instances. */
export type Engine = 'sqlite' | 'postgres';

export interface OpenedDatabase {
  readonly engine: Engine;
  /** The query builder every domain module uses. */
  readonly db: Db;
  /**
   * better-auth's: the same as `db` on SQLite. On PostgreSQL its own small pool, where times
   * come back as `Date` and flags as booleans, as better-auth expects; `db` reads the same
   * columns as ISO text and 0/1, as on SQLite.
   */
  readonly authDb: Db;
  /** The raw SQLite handle, for pragmas, backups and checkpoints; null on PostgreSQL. */
  readonly sqlite: SqliteDatabase.Database | null;
  /** The pool and the URL a listening connection opens; null on SQLite. */
  readonly postgres: { readonly pool: Pool; readonly url: string } | null;
  close(): Promise<void>;
}

/** Opens the database a `DATABASE_URL` names: `sqlite:<path>`, `file:<path>` or `postgres://…`. */
export function openDatabase(url: string, { poolSize = 10 } = {}): OpenedDatabase {
  if (isPostgresUrl(url)) return openPostgres(url, { max: poolSize });
  return openSqlite(url.replace(/^(sqlite|file):(\/\/)?/, ''));
}
