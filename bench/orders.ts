import { randomUUID } from 'node:crypto';
import type { TestPortico, TestClient } from '../test/support/portico.ts';
import { ADDRESS, seedTestCatalog } from '../test/support/catalog.ts';
import { percentile } from './load.ts';

export interface PlaceResult {
  customers: number;
  ordersPerCustomer: number;
  orders: number;
  errors: number;
  seconds: number;
  ordersPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * `order.place` over real HTTP by `customers` signed-in customers at once, each placing its
 * orders one after another (a two-line cart, stock taken, full durability), after a warm-up.
 */
export async function measureOrderPlace(
  portico: TestPortico,
  customers: number,
  ordersPerCustomer: number,
  /** Instances on the same database to spread the customers over (the first by default). */
  urls: readonly string[] = [portico.url],
): Promise<PlaceResult> {
  const ids = await seedTestCatalog(portico.services);
  await portico.services.db
    .updateTable('product')
    .set({ stock: 10_000_000 })
    .where('id', '=', ids.beans)
    .execute();
  const items = [
    { productId: ids.beans, quantity: 1 },
    { productId: ids.service, quantity: 1 },
  ];
  const clients = await Promise.all(
    Array.from({ length: customers }, async (_, i) =>
      (await portico.personWithSession({ email: `orders${i}@bench.test` })).at(
        urls[i % urls.length]!,
      ),
    ),
  );
  const quote = await clients[0]!.query('order.quote', { items, address: ADDRESS });
  const { total } = quote.body.result?.data as { total: number };

  const placeOne = async (client: TestClient) => {
    const started = performance.now();
    const { status } = await client.mutate('order.place', {
      idempotencyKey: randomUUID(),
      items,
      address: ADDRESS,
      expectedTotal: total,
    });
    return { ok: status === 200, ms: performance.now() - started };
  };
  await Promise.all(clients.map((client) => placeOne(client)));

  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (let i = 0; i < ordersPerCustomer; i++) {
        const { ok, ms } = await placeOne(client);
        latencies.push(ms);
        if (!ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    customers,
    ordersPerCustomer,
    orders: latencies.length,
    errors,
    seconds: round(seconds),
    ordersPerSecond: Math.round(latencies.length / seconds),
    p50Ms: round(percentile(sorted, 0.5)),
    p99Ms: round(percentile(sorted, 0.99)),
    maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}
