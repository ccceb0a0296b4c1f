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
        return isoTime;
      // A time without a zone is UTC here (every connection's TimeZone is UTC), never local.
      case types.builtins.TIMESTAMP:
        return (value: string) => isoTime(`${value.replace(' ', 'T')}Z`);
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
 * Statements outside a transaction, reads above all, never wait for the lock; `TransactionGate`
 * keeps transactions waiting for it from holding every connection they share with those reads.
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
    try {
      await connection.executeQuery(
        CompiledQuery.raw(`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`),
      );
    } catch (error) {
      // Kysely rolls back only what began; the connection must not go back to the pool inside
      // an aborted transaction (a lock timeout, a cancelled query).
      await this.#driver.rollbackTransaction(connection).catch(() => {});
      throw error;
    }
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

/** How long a query waits for a free connection, or a transaction for the write lock. */
const WAIT_MS = 30_000;

function pool(url: string, max: number, types?: pg.CustomTypesConfig): pg.Pool {
  const created = new pg.Pool({
    connectionString: url,
    max,
    types,
    connectionTimeoutMillis: WAIT_MS,
    // Every connection agrees on UTC, whatever the server's own time zone; nothing waits for a
    // lock forever.
    options: `-c TimeZone=UTC -c lock_timeout=${WAIT_MS}`,
  });
  // A connection the server dropped (a restart, a failover, a timeout) fails the query using it,
  // if any, and is replaced; its error event must not end the process.
  created.on('error', () => {});
  created.on('connect', (client) => client.on('error', () => {}));
  return created;
}

/**
 * At most `limit` transactions of this instance at a time, the others waiting here rather than
 * holding a pooled connection while they wait for the write lock: reads keep the rest.
 */
class TransactionGate {
  readonly #limit: number;
  readonly #waiting: (() => void)[] = [];
  #running = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#limit) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}

/** Portico's handle: every `transaction()` passes the instance's gate first. */
class GatedKysely extends Kysely<Database> {
  readonly #gate: TransactionGate;

  constructor(dialect: PostgresDialect, gate: TransactionGate) {
    super({ dialect });
    this.#gate = gate;
  }

  override transaction(): ReturnType<Kysely<Database>['transaction']> {
    const builder = super.transaction();
    const execute = builder.execute.bind(builder);
    builder.execute = (callback) => this.#gate.run(() => execute(callback));
    return builder;
  }
}

/**
 * Opens a PostgreSQL database: one pool for Portico's queries and a small one for better-auth,
 * so one instance holds at most `max + authMax` connections (the README sizes the server by it).
 */
export function openPostgres(url: string, { max = 10, authMax = 4 } = {}): OpenedDatabase {
  const appPool = pool(url, max, portableTypes);
  const authPool = pool(url, authMax);
  // Two connections stay free of transactions for reads, the bus and readiness checks.
  const gate = new TransactionGate(Math.max(1, max - 2));
  const db = new GatedKysely(new PorticoPostgresDialect(appPool), gate);
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
