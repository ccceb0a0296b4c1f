import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { DATABASE_URL_FILE, onPostgres, startTestPortico } from '../support/portico.ts';
import { seedTestCatalog } from '../support/catalog.ts';
import { data, openTicket } from '../support/tickets.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import {
  idOf,
  runLoad,
  send,
  WriteLog,
  type Acked,
  type LoadPlan,
  type Write,
  type Writer,
} from '../support/crash-load.ts';
import { seededRandom } from '../support/seeded.ts';

/** Kills, each followed by a restart and the checks. */
const KILLS = 20;
/** When in the load the kill comes, in milliseconds after it started. */
const KILL_WINDOW = { from: 50, to: 700 };

const isMessage = (write: Write) => write.kind !== 'order' && write.kind !== 'payment';

/**
 * What the checks read from the data the server left, as a second reader next to it would: the
 * SQLite file, or the PostgreSQL database the server's data folder notes.
 */
interface Reader {
  /** What a write left in the database: the order, the payment, or the ticket of the message. */
  rowsOf(write: Write): Promise<string[]>;
  /** Messages with the write's words, key or no key: each body names its key, so one at most. */
  messagesSaying(write: Write): Promise<number>;
  /** The storage itself is intact (SQLite only, see `sqliteReader`). */
  checkStorage(where: string): Promise<void>;
  close(): Promise<void>;
}

/** The database file opened read-only next to the running server. */
function sqliteReader(path: string): Reader {
  const db = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
  return {
    async rowsOf(write) {
      const rows = (
        write.kind === 'order'
          ? db
              .prepare('select id from "order" where accountId = ? and idempotencyKey = ?')
              .all(write.writer.accountId, write.key)
          : write.kind === 'payment'
            ? db.prepare('select id from payment where idempotencyKey = ?').all(write.key)
            : db
                .prepare(
                  'select ticketId as id from ticketMessage where authorId = ? and idempotencyKey = ?',
                )
                .all(write.writer.userId, write.key)
      ) as { id: string }[];
      return rows.map((row) => row.id);
    },
    async messagesSaying(write) {
      const row = db
        .prepare('select count(*) as n from ticketMessage where body = ?')
        .get(write.input['body']) as { n: number };
      return row.n;
    },
    // A torn page or a dangling reference would be the file's own damage. PostgreSQL has no such
    // check to run from outside: its server keeps its files and enforces the foreign keys itself.
    async checkStorage(where) {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok', where);
      assert.deepEqual(db.pragma('foreign_key_check'), [], where);
    },
    async close() {
      db.close();
    },
  };
}

/**
 * A connection of its own to the server's PostgreSQL database, reading in one read-only snapshot
 * as the SQLite reader does.
 */
async function postgresReader(url: string): Promise<Reader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
  } catch (error) {
    await client.end();
    throw error;
  }
  const ids = async (sql: string, values: unknown[]) =>
    (await client.query<{ id: string }>(sql, values)).rows.map((row) => row.id);
  return {
    rowsOf(write) {
      return write.kind === 'order'
        ? ids('select id from "order" where "accountId" = $1 and "idempotencyKey" = $2', [
            write.writer.accountId,
            write.key,
          ])
        : write.kind === 'payment'
          ? ids('select id from payment where "idempotencyKey" = $1', [write.key])
          : ids(
              'select "ticketId" as id from "ticketMessage" where "authorId" = $1 and "idempotencyKey" = $2',
              [write.writer.userId, write.key],
            );
    },
    async messagesSaying(write) {
      const { rows } = await client.query<{ n: number }>(
        'select count(*)::int as n from "ticketMessage" where body = $1',
        [write.input['body']],
      );
      return rows[0]!.n;
    },
    async checkStorage() {},
    async close() {
      await client.end();
    },
  };
}

/** The PostgreSQL database the test server on `dataDir` used (`startTestPortico` notes it). */
const notedUrl = (dataDir: string) => readFileSync(join(dataDir, DATABASE_URL_FILE), 'utf8').trim();

/** Reads the data the server on `dataDir` left, on whichever engine it runs. */
async function reading<T>(dataDir: string, read: (reader: Reader) => Promise<T>): Promise<T> {
  const reader = onPostgres
    ? await postgresReader(notedUrl(dataDir))
    : sqliteReader(join(dataDir, 'portico.db'));
  try {
    return await read(reader);
  } finally {
    await reader.close();
  }
}

/** The data is intact, and every acknowledged write is in it once, as it was acknowledged. */
async function checkData(dataDir: string, acked: readonly Acked[], where: string): Promise<void> {
  await reading(dataDir, async (reader) => {
    await reader.checkStorage(where);
    for (const write of acked) {
      const what = `${where}: acknowledged ${write.path} ${write.key}`;
      assert.deepEqual(await reader.rowsOf(write), [write.id], what);
      if (isMessage(write)) assert.equal(await reader.messagesSaying(write), 1, what);
    }
  });
}

/**
 * The load is sized to the budgets of one server run (see `LoadPlan`). On SQLite they live in the
 * server's memory, so each restart starts them afresh; on PostgreSQL every instance shares them in
 * the database, where they outlast a restart, and twenty runs in a minute would spend them. This
 * test is about durability, not budgets: while no server runs, it gives each run what a restarted
 * SQLite server has.
 */
async function forgetBudgets(dataDir: string): Promise<void> {
  if (!onPostgres) return;
  const client = new pg.Client({ connectionString: notedUrl(dataDir) });
  await client.connect();
  try {
    await client.query('delete from "rateHit"');
  } finally {
    await client.end();
  }
}

/**
 * Sends every write whose answer was lost again, with its key, to the restarted server: each
 * is answered now, an order or payment says whether it had been written before the kill, and
 * afterwards each one is there once. Returns how many had been written before.
 */
async function resendLost(dataDir: string, url: string, log: WriteLog, where: string) {
  const lost = log.lost.splice(0);
  const before = await reading(dataDir, async (reader) => {
    const rows: string[][] = [];
    for (const write of lost) rows.push(await reader.rowsOf(write));
    return rows;
  });
  let written = 0;
  for (const [index, write] of lost.entries()) {
    const what = `${where}: resent ${write.path} ${write.key}`;
    const answer = await send(write, write.writer.client.at(url));
    assert.equal(answer.outcome, 'acked', `${what}: ${JSON.stringify(answer)}`);
    if (answer.outcome !== 'acked') continue;
    const earlier = before[index] ?? [];
    assert.ok(earlier.length <= 1, what);
    if (earlier.length) written++;
    if (write.kind === 'order' || write.kind === 'payment') {
      assert.equal((answer.data as { replayed: boolean }).replayed, earlier.length === 1, what);
    }
    const id = idOf(write.kind, answer.data);
    if (earlier.length) assert.equal(id, earlier[0], what);
    log.acked.push({ ...write, id });
  }
  return { resent: lost.length, written };
}

describe('crash: a server killed under write load loses no acknowledged write', () => {
  let dataDir: string;
  let plan: LoadPlan;
  let server: ServerProcess | null = null;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'portico-crash-'));
    const portico = await startTestPortico({ dataDir });
    try {
      const { service } = await seedTestCatalog(portico.services);
      const writer = async (email: string, name: string, role?: 'agent'): Promise<Writer> => {
        const client = await portico.personWithSession({ email, name, ...(role && { role }) });
        const me = data<{ user: { id: string }; account: { id: string } | null }>(
          await client.query('session.me'),
        );
        return { name, userId: me.user.id, accountId: me.account?.id ?? null, client };
      };
      const customers = [];
      for (const name of ['Anna', 'Ben', 'Chloe']) {
        const customer = await writer(`${name.toLowerCase()}@crash.test`, name);
        const ticket = await openTicket(customer.client, { subject: `${name}'s open ticket` });
        customers.push({ ...customer, ticketId: ticket.id });
      }
      const agent = await writer('jonas@vendor.test', 'Jonas', 'agent');
      plan = { customers, agent, productId: service, ordersPerRun: 8, ticketsPerRun: 2 };
    } finally {
      await portico.close();
    }
  });

  after(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  // Bounded: about 40 seconds on two cores; a hang fails instead of holding `npm test` up.
  it(
    `keeps every acknowledged write exactly once over ${KILLS} kills`,
    { timeout: 300_000 },
    async (t) => {
      const seed = process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) : randomInt(2 ** 31);
      t.diagnostic(`kill moments from seed ${seed}; CRASH_SEED=${seed} replays them`);
      const random = seededRandom(seed);
      const log = new WriteLog();
      let lostInTotal = 0;
      let writtenButLost = 0;
      for (let run = 0; run <= KILLS; run++) {
        const where = `seed ${seed}, after kill ${run}`;
        await forgetBudgets(dataDir);
        server = await startServerProcess(dataDir);
        await checkData(dataDir, log.acked, where);
        const { resent, written } = await resendLost(dataDir, server.url, log, where);
        lostInTotal += resent;
        writtenButLost += written;
        await checkData(dataDir, log.acked, where);
        if (run === KILLS) break;

        let stopped = false;
        const load = runLoad(plan, server.url, () => stopped, log);
        const killAfter = KILL_WINDOW.from + random() * (KILL_WINDOW.to - KILL_WINDOW.from);
        await new Promise((resolve) => setTimeout(resolve, killAfter));
        stopped = true;
        server.kill('SIGKILL');
        assert.equal((await server.exited).signal, 'SIGKILL', where);
        await load;
        assert.deepEqual(log.unexpected, [], `seed ${seed}, kill ${run + 1}`);
      }
      await server?.stop();
      server = null;
      await checkData(dataDir, log.acked, `seed ${seed}, after the last stop`);
      t.diagnostic(
        `${log.acked.length} writes acknowledged; ${lostInTotal} answers lost to a kill, ` +
          `${writtenButLost} of them written before it`,
      );
      // The kills cut writes off: a load that was idle at every kill would prove nothing.
      assert.ok(lostInTotal > 0, `seed ${seed}: no kill cut a write off`);
      const kinds = new Set(log.acked.map((write) => write.kind));
      assert.deepEqual([...kinds].sort(), ['order', 'payment', 'reply', 'staffReply', 'ticket']);
    },
  );
});
