import type { Services } from '../../backend/services.ts';

/** Rows in every ledger table, to show that a refused request wrote nothing. */
export async function ledgerCounts(services: Services): Promise<Record<string, number>> {
  const tables = [
    'invoice',
    'invoiceLine',
    'payment',
    'creditNote',
    'allocation',
    'ledgerCounter',
  ] as const;
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
