import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type OpenedDatabase } from '../../backend/db/database.ts';
import { WRITE_LOCK_KEY } from '../../backend/db/database.postgres.ts';
import { freshPostgresDatabase, postgresForTests, type TestDatabase } from '../support/postgres.ts';

const postgres = postgresForTests();

/** Polls `check` until it holds; fails after five seconds. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > 5_000) assert.fail(`${what}: not within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The write lock every transaction takes on PostgreSQL (`database.postgres.ts`), with another
 * session holding it the way a long transaction on another instance would.
 */
describe('PostgreSQL: the write lock and the pool', { skip: postgres.skip }, () => {
  let database: TestDatabase;
  let opened: OpenedDatabase;
  let holder: pg.Client;
  const POOL = 4;

  before(async () => {
    database = await freshPostgresDatabase();
    opened = openDatabase(database.url, { poolSize: POOL });
    holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
  });
  after(async () => {
    await holder?.end();
    await opened?.close();
    await database?.drop();
  });

  /** Sessions of the pool waiting for the write lock right now. */
  const waiting = async () => {
    const { rows } = await holder.query<{ pid: number }>(
      `select pid from pg_locks
       where locktype = 'advisory' and not granted and objid::bigint = $1::bigint % 4294967296`,
      [WRITE_LOCK_KEY],
    );
    return rows.map((row) => row.pid);
  };

  it('lets at most pool − 2 transactions wait for the lock, and reads go on meanwhile', async () => {
    await holder.query('select pg_advisory_lock($1)', [WRITE_LOCK_KEY]);
    const { db } = opened;
    const writes = Array.from({ length: 6 }, (_, index) =>
      db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ n: number }>`select ${index}::int as n`.execute(trx);
        return rows[0]!.n;
      }),
    );
    await until(async () => (await waiting()).length === POOL - 2, 'two transactions waiting');
    // The others wait in the instance, not in the database: a read still finds a connection.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal((await waiting()).length, POOL - 2);
    const read = await sql<{ one: number }>`select 1 as one`.execute(db);
    assert.equal(read.rows[0]!.one, 1);

    await holder.query('select pg_advisory_unlock($1)', [WRITE_LOCK_KEY]);
    assert.deepEqual(await Promise.all(writes), [0, 1, 2, 3, 4, 5]);
  });

  it('gives back a usable connection when a wait for the lock fails', async () => {
    await holder.query('select pg_advisory_lock($1)', [WRITE_LOCK_KEY]);
    const { db } = opened;
    const cancelled = db.transaction().execute(async () => 'never');
    await until(async () => (await waiting()).length === 1, 'one transaction waiting');
    const [pid] = await waiting();
    await holder.query('select pg_cancel_backend($1)', [pid]);
    await assert.rejects(cancelled, /cancel/i);
    await holder.query('select pg_advisory_unlock($1)', [WRITE_LOCK_KEY]);

    // Every connection of the pool answers: none went back inside an aborted transaction.
    const answers = await Promise.all(
      Array.from({ length: POOL * 3 }, (_, index) =>
        db.transaction().execute(async (trx) => {
          const { rows } = await sql<{ n: number }>`select ${index}::int as n`.execute(trx);
          return rows[0]!.n;
        }),
      ),
    );
    assert.equal(answers.length, POOL * 3);
  });
});
