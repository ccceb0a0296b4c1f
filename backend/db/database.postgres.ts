import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  PostgresDriver,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely';
import type { Database } from './schema.ts';
import type { OpenedDatabase } from './database.ts';

/** The key of the advisory lock every write transaction holds (see `SerialWrites`). */
export const WRITE_LOCK_KEY = 7_265_812_001;

const { types } = pg;
const number = (value: string) => Number(value);
const isoTime = (value: string) => new Date(value).toISOString();

/**
 * How Portico's own queries read PostgreSQL values, so domain code sees what SQLite gives it:
 * counts and sums as numbers (not bigint strings), times as ISO-8601 UTC text, flags as 0/1.
 * better-auth's tables hold `timestamptz` and `boolean` columns; its own pool keeps pg's defaults.
 */
const portableTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case types.builtins.INT8:
      case types.builtins.NUMERIC:
        return number;
      case types.builtins.TIMESTAMPTZ:
      case types.builtins.TIMESTAMP:
        return isoTime;
      case types.builtins.BOOL:
        return (value: string) => (value === 't' ? 1 : 0);
      default:
        return types.getTypeParser(oid, format);
    }
  },
} as pg.CustomTypesConfig;

/**
 * Every transaction starts by taking one advisory lock, so write transactions run one at a time
 * across every instance, as they do in one SQLite file. The domain code reads, checks and writes
 * inside a transaction (stock, credit, idempotency keys, counters) and relies on nothing changing
 * in between; this keeps that true at PostgreSQL's default isolation, with no retry loops.
 * Statements outside a transaction, reads above all, never wait for it.
 */
class SerialWrites implements Driver {
  readonly #driver: Driver;
  constructor(driver: Driver) {
    this.#driver = driver;
  }
  init = () => this.#driver.init();
  acquireConnection = () => this.#driver.acquireConnection();
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    await this.#driver.beginTransaction(connection, settings);
    await connection.executeQuery(
      CompiledQuery.raw(`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`),
    );
  }
  commitTransaction = (connection: DatabaseConnection) =>
    this.#driver.commitTransaction(connection);
  rollbackTransaction = (connection: DatabaseConnection) =>
    this.#driver.rollbackTransaction(connection);
  releaseConnection = (connection: DatabaseConnection) =>
    this.#driver.releaseConnection(connection);
  destroy = () => this.#driver.destroy();
  savepoint = (
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) => this.#driver.savepoint!(connection, name, compile);
  rollbackToSavepoint = (
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) => this.#driver.rollbackToSavepoint!(connection, name, compile);
  releaseSavepoint = (
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) => this.#driver.releaseSavepoint!(connection, name, compile);
}

class PorticoPostgresDialect extends PostgresDialect {
  readonly #pool: pg.Pool;
  constructor(pool: pg.Pool) {
    super({ pool });
    this.#pool = pool;
  }
  override createDriver(): Driver {
    return new SerialWrites(new PostgresDriver({ pool: this.#pool }));
  }
}

function pool(url: string, max: number, types?: pg.CustomTypesConfig): pg.Pool {
  const created = new pg.Pool({
    connectionString: url,
    max,
    types,
    // Every connection agrees on UTC, whatever the server's own time zone.
    options: '-c TimeZone=UTC',
  });
  // An idle connection the server dropped (a restart, a failover) is replaced on next use.
  created.on('error', () => {});
  return created;
}

/**
 * Opens a PostgreSQL database: one pool for Portico's queries and a small one for better-auth,
 * so one instance holds at most `max + authMax` connections (the README sizes the server by it).
 */
export function openPostgres(url: string, { max = 10, authMax = 4 } = {}): OpenedDatabase {
  const appPool = pool(url, max, portableTypes);
  const authPool = pool(url, authMax);
  const db = new Kysely<Database>({ dialect: new PorticoPostgresDialect(appPool) });
  const authDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: authPool }) });
  return {
    engine: 'postgres',
    db,
    authDb,
    sqlite: null,
    postgres: { pool: appPool, url },
    async close() {
      await Promise.all([db.destroy(), authDb.destroy()]);
    },
  };
}
