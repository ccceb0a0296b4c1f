import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../../backend/config.ts';
import { createServices } from '../../backend/services.ts';

/**
 * The PostgreSQL server the backend tests run against (`postgres://…/postgres`, a superuser), or
 * undefined to run them on SQLite. Each test server gets a database of its own on it.
 */
export const testDatabaseUrl = process.env.PORTICO_TEST_DATABASE_URL || undefined;

/** Whether this run is on PostgreSQL: SQLite-only tests skip themselves with `{ skip: … }`. */
export const onPostgres = testDatabaseUrl !== undefined;

/**
 * For a test that needs PostgreSQL itself (several instances on one database): the server, or a
 * skip reason on a SQLite run. The SQLite pass of `npm test` sets PORTICO_TEST_DATABASE_URL empty
 * on purpose; in CI, a variable not set at all means the PostgreSQL server is missing, and these
 * tests fail rather than skip.
 */
export function postgresForTests(): { url: string | undefined; skip: string | false } {
  if (process.env.CI === 'true' && process.env.PORTICO_TEST_DATABASE_URL === undefined) {
    throw new Error(
      'CI must run the tests that need PostgreSQL: PORTICO_TEST_DATABASE_URL is not set (.ci/run starts a server and sets it)',
    );
  }
  return {
    url: testDatabaseUrl,
    skip: onPostgres
      ? false
      : 'needs PostgreSQL: set PORTICO_TEST_DATABASE_URL (npm run test:backend:postgres sets it)',
  };
}

export interface TestDatabase {
  readonly url: string;
  /** Drops the database, closing whatever connections are still open to it. */
  drop(): Promise<void>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const TEMPLATE_PREFIX = 'portico_tpl_';
const DATABASE_PREFIX = 'portico_t_';
/** Held while one process checks, builds or replaces the template; others wait their turn. */
const TEMPLATE_LOCK_KEY = 7_265_812_101;
/** A test database this old was left behind by a process that died before its cleanup. */
const ABANDONED_AFTER_MS = 2 * 60 * 60 * 1000;

/**
 * A superuser pool on the server's maintenance database. It lets the process exit while idle,
 * so a test file ends as soon as its tests do.
 */
let adminPool: pg.Pool | undefined;
function admin(): pg.Pool {
  if (!testDatabaseUrl) throw new Error('PORTICO_TEST_DATABASE_URL is not set');
  adminPool ??= new pg.Pool({ connectionString: testDatabaseUrl, max: 2, allowExitOnIdle: true });
  adminPool.on('error', () => {});
  return adminPool;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

function urlOf(database: string): string {
  const url = new URL(testDatabaseUrl!);
  url.pathname = `/${database}`;
  return url.href;
}

/**
 * The template's name changes with anything that changes the migrated schema: the migrations'
 * names and text, better-auth's version (its own tables) and the auth setup (its plugins' tables).
 */
async function templateName(): Promise<string> {
  const hash = createHash('sha256');
  const folder = join(root, 'backend/db/migrations');
  for (const name of (await readdir(folder)).sort()) {
    hash
      .update(name)
      .update('\0')
      .update(await readFile(join(folder, name)))
      .update('\0');
  }
  const authPackage = join(root, 'node_modules/better-auth/package.json');
  hash.update((JSON.parse(await readFile(authPackage, 'utf8')) as { version: string }).version);
  hash.update(await readFile(join(root, 'backend/auth.ts')));
  return TEMPLATE_PREFIX + hash.digest('hex').slice(0, 16);
}

/** Migrates a new database the way a server's start does: by building the services once. */
async function migrateInto(url: string): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-template-'));
  try {
    const config = loadConfig({
      DATA_DIR: dataDir,
      DATABASE_URL: url,
      AUTH_SECRET: 'template-secret-template-secret-0123',
    });
    const services = await createServices(config, { log: () => {} });
    await services.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function databaseNames(client: pg.PoolClient, prefix: string): Promise<string[]> {
  const { rows } = await client.query<{ datname: string }>(
    'select datname from pg_database where starts_with(datname, $1)',
    [prefix],
  );
  return rows.map((row) => row.datname);
}

/**
 * Makes sure the migrated template exists, building it under a lock every test process takes, so
 * parallel processes build it once. A template of other migrations is dropped, and so are test
 * databases that dead processes left behind. It is built under another name and renamed when
 * done, so a run that dies half-way never leaves a half-migrated template.
 */
async function ensureTemplate(): Promise<string> {
  const name = await templateName();
  const client = await admin().connect();
  try {
    await client.query(`select pg_advisory_lock(${TEMPLATE_LOCK_KEY})`);
    try {
      for (const database of await databaseNames(client, DATABASE_PREFIX)) {
        const born = parseInt(database.slice(DATABASE_PREFIX.length).split('_')[0]!, 36);
        if (Date.now() - born > ABANDONED_AFTER_MS) {
          await client.query(`drop database if exists ${quoted(database)} with (force)`);
        }
      }
      const templates = await databaseNames(client, TEMPLATE_PREFIX);
      if (templates.includes(name)) return name;
      for (const stale of templates) {
        await client.query(`drop database if exists ${quoted(stale)} with (force)`);
      }
      const building = `${name}_building`;
      await client.query(`create database ${quoted(building)}`);
      await migrateInto(urlOf(building));
      await client.query(`alter database ${quoted(building)} rename to ${quoted(name)}`);
      return name;
    } finally {
      await client.query(`select pg_advisory_unlock(${TEMPLATE_LOCK_KEY})`);
    }
  } finally {
    client.release();
  }
}

let template: Promise<string> | undefined;
/** Databases this process made and has not dropped yet; dropped when it is about to exit. */
const undropped = new Set<string>();

/**
 * A new database, already migrated (a copy of the template), that the caller drops. Each test
 * server gets one, so no test sees another's rows; a test that needs a database of its own (two
 * servers on one database) asks for one here.
 */
export async function freshPostgresDatabase(): Promise<TestDatabase> {
  const name = `${DATABASE_PREFIX}${Date.now().toString(36)}_${randomBytes(6).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    template ??= ensureTemplate();
    try {
      await admin().query(`create database ${quoted(name)} template ${quoted(await template)}`);
      break;
    } catch (error) {
      template = undefined;
      // Another process with other migrations may have replaced the template in between.
      if (attempt > 0 || (error as { code?: string }).code !== '3D000') throw error;
    }
  }
  undropped.add(name);
  let dropped: Promise<void> | undefined;
  return {
    url: urlOf(name),
    drop() {
      dropped ??= admin()
        .query(`drop database if exists ${quoted(name)} with (force)`)
        .then(() => {
          undropped.delete(name);
        });
      return dropped;
    },
  };
}

// A database kept for a later server on the same data folder (or one a test forgot to close)
// is dropped once the tests of this process are done. A connection of its own, not the pool's
// idle one, which would let the process end before the drop is sent.
process.on('beforeExit', () => {
  if (undropped.size === 0) return;
  const names = [...undropped];
  undropped.clear();
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  client.on('error', () => {});
  void (async () => {
    try {
      await client.connect();
      for (const name of names) {
        await client.query(`drop database if exists ${quoted(name)} with (force)`);
      }
    } catch (error) {
      console.error(`Could not drop the test databases ${names.join(', ')}:`, error);
    } finally {
      await client.end().catch(() => {});
    }
  })();
});
