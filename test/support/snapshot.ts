import { createHash } from 'node:crypto';
import type { Services } from '../../backend/services.ts';

/** Every table of the database, FTS shadow tables included, by name. */
export function tableNames(services: Services): string[] {
  return (
    services.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[]
  )
    .map((row) => row.name)
    .sort();
}

const rowsOf = (services: Services, table: string) =>
  services.sqlite.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).all();

/** Rows in every table but the `except` ones, to show a run of requests wrote nothing. */
export function rowCounts(
  services: Services,
  except: readonly string[] = [],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of tableNames(services)) {
    if (except.includes(table)) continue;
    const row = services.sqlite
      .prepare(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}"`)
      .get() as { n: number };
    counts[table] = row.n;
  }
  return counts;
}

/**
 * A digest of every row of every table but the `except` ones: equal digests mean no request in
 * between inserted, changed or deleted anything.
 */
export function contents(services: Services, except: readonly string[] = []) {
  const digests: Record<string, string> = {};
  for (const table of tableNames(services)) {
    if (except.includes(table)) continue;
    const rows = rowsOf(services, table)
      .map((row) => JSON.stringify(row))
      .sort();
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
