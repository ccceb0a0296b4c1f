import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Services } from '../../backend/services.ts';
import { isPostgres } from '../../backend/db/dialect.ts';

/**
 * Every table of the database by name: on SQLite FTS shadow tables included, on PostgreSQL the
 * tables of the current schema.
 */
export async function tableNames(services: Services): Promise<string[]> {
  const { rows } = isPostgres(services.db)
    ? await sql<{ name: string }>`
        select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(services.db)
    : await sql<{ name: string }>`
        select name from sqlite_master
        where type = 'table' and name not like 'sqlite_%'`.execute(services.db);
  return rows.map((row) => row.name).sort();
}

/**
 * Every row of a table. The pool's type parsers already give times, counts and flags as on SQLite;
 * the order is the digest's business, which sorts them.
 */
async function rowsOf(services: Services, table: string): Promise<unknown[]> {
  const { rows } = await sql`select * from ${sql.table(table)}`.execute(services.db);
  return rows;
}

/** Rows in every table but the `except` ones, to show a run of requests wrote nothing. */
export async function rowCounts(
  services: Services,
  except: readonly string[] = [],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tableNames(services)) {
    if (except.includes(table)) continue;
    counts[table] = await rowCount(services, table);
  }
  return counts;
}

/** The rows one table holds now. */
export async function rowCount(services: Services, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    select count(*) as n from ${sql.table(table)}`.execute(services.db);
  return Number(rows[0]!.n);
}

/**
 * A digest of every row of every table but the `except` ones: equal digests mean no request in
 * between inserted, changed or deleted anything.
 */
export async function contents(
  services: Services,
  except: readonly string[] = [],
): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of await tableNames(services)) {
    if (except.includes(table)) continue;
    const rows = (await rowsOf(services, table)).map((row) => JSON.stringify(row)).sort();
    digests[table] = createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16);
  }
  return digests;
}

/** The tables whose digests differ between two `contents` snapshots. */
export function changedTables(
  before: Record<string, string>,
  after: Record<string, string>,
): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...tables].filter((table) => before[table] !== after[table]).sort();
}
