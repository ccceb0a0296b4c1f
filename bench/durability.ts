import { startTestPortico } from '../test/support/portico.ts';
import { measureOrderPlace, type PlaceResult } from './orders.ts';
import { BENCH_ENV } from './load.ts';

type Mode = 'FULL' | 'NORMAL';

export interface DurabilityResult {
  customers: number;
  ordersPerCustomer: number;
  /** Each mode's runs, alternated so a noisy moment does not land on one mode only. */
  runs: { mode: Mode; ordersPerSecond: number; p50Ms: number; p99Ms: number; errors: number }[];
  full: { ordersPerSecond: number; p99Ms: number };
  normal: { ordersPerSecond: number; p99Ms: number };
  /** FULL's orders per second over NORMAL's: 1 would mean durability costs nothing. */
  throughputRatio: number;
}

/**
 * What `synchronous=FULL` (every commit waits for the write-ahead log to reach the disk) costs
 * against `NORMAL` (the log is synced only at checkpoints, so a power cut may lose the last
 * commits), measured on `order.place`, the write a customer most needs to be kept.
 * Each run gets a fresh server and database in the temporary folder, on the same disk.
 */
export async function measureDurability(
  customers: number,
  ordersPerCustomer: number,
  rounds = 2,
): Promise<DurabilityResult> {
  const runs: DurabilityResult['runs'] = [];
  // Round -1 warms the process up (the first server started pays for compiling) and is dropped.
  for (let round = -1; round < rounds; round++) {
    for (const mode of ['FULL', 'NORMAL'] as const) {
      const portico = await startTestPortico({ env: BENCH_ENV, sqlite: true });
      try {
        portico.services.sqlite?.pragma(`synchronous = ${mode}`);
        const result: PlaceResult = await measureOrderPlace(portico, customers, ordersPerCustomer);
        if (round < 0) continue;
        runs.push({
          mode,
          ordersPerSecond: result.ordersPerSecond,
          p50Ms: result.p50Ms,
          p99Ms: result.p99Ms,
          errors: result.errors,
        });
      } finally {
        await portico.close();
      }
    }
  }
  const mean = (mode: Mode, key: 'ordersPerSecond' | 'p99Ms') => {
    const values = runs.filter((run) => run.mode === mode).map((run) => run[key]);
    return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100;
  };
  const full = { ordersPerSecond: mean('FULL', 'ordersPerSecond'), p99Ms: mean('FULL', 'p99Ms') };
  const normal = {
    ordersPerSecond: mean('NORMAL', 'ordersPerSecond'),
    p99Ms: mean('NORMAL', 'p99Ms'),
  };
  return {
    customers,
    ordersPerCustomer,
    runs,
    full,
    normal,
    throughputRatio: Math.round((full.ordersPerSecond / normal.ordersPerSecond) * 1000) / 1000,
  };
}
