import type { Services } from '../../backend/services.ts';
import type { Database } from '../../backend/db/schema.ts';

/** Rows in every ledger table, to show that a refused request wrote nothing. */
export function ledgerCounts(services: Services): Promise<Record<string, number>> {
  return countRows(services, [
    'invoice',
    'invoiceLine',
    'payment',
    'creditNote',
    'allocation',
    'ledgerCounter',
  ]);
}

/** Rows in each of the tables, by name. */
export async function countRows(
  services: Services,
  tables: readonly (keyof Database)[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await services.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
