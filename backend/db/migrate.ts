import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { getMigrations } from 'better-auth/db/migration';
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { isPostgres } from './dialect.ts';
import { WideIntegers } from './wide-integers.ts';
import type { PorticoAuth } from '../auth.ts';

const folder = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Loads `migrations/*.ts` in name order; the names start with their timestamp. */
class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(folder)).filter((name) =>
      /^\d{4}_\d\d_\d\d_\d{6}_.+\.ts$/.test(name),
    );
    const entries = await Promise.all(
      files.map(async (name) => {
        const migration = (await import(pathToFileURL(join(folder, name)).href)) as Migration;
        return [name.replace(/\.ts$/, ''), migration] as const;
      }),
    );
    return Object.fromEntries(entries);
  }
}

/**
 * Brings the database up to date: better-auth's tables first (ours reference them), then
 * Portico's own migrations. Throws with the failing migration's name.
 */
export async function migrate(db: Db, auth: PorticoAuth): Promise<void> {
  await oneInstanceAtATime(db, async () => {
    const { runMigrations } = await getMigrations(auth.options);
    await runMigrations();
    const migrator = new Migrator({
      db: isPostgres(db) ? db.withPlugin(new WideIntegers()) : db,
      provider: new FolderMigrationProvider(),
    });
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((result) => result.status === 'Error');
    if (error) {
      throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed`, { cause: error });
    }
  });
}

/** The advisory lock instances starting together take in turn, so one of them migrates. */
const MIGRATION_LOCK_KEY = 7_265_812_002;

/**
 * Runs `work` while holding a lock no other instance on the same PostgreSQL database can take:
 * better-auth's migrations have no lock of their own, and two instances creating the same table
 * at once would fail. SQLite has one process per file, so there it simply runs.
 */
async function oneInstanceAtATime(db: Db, work: () => Promise<void>): Promise<void> {
  if (!isPostgres(db)) return work();
  await db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(connection);
    try {
      await work();
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(connection);
    }
  });
}

/** Portico's migrations this database has not applied yet; /readyz is not ready while any are. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider() });
  const migrations = await migrator.getMigrations();
  return migrations.filter((migration) => !migration.executedAt).map(({ name }) => name);
}
