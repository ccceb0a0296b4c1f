import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestPortico } from '../test/support/portico.ts';
import { createEndpoint } from '../backend/webhook/webhook.queries.ts';
import { closeServer } from '../backend/listen.ts';
import { measureOrderPlace } from './orders.ts';
import { BENCH_ENV, percentile } from './load.ts';

type Mode = 'without' | 'with';

export interface WebhookResult {
  customers: number;
  ordersPerCustomer: number;
  /** Endpoints subscribed to `order.placed` in the runs with webhooks. */
  endpoints: number;
  /** Each mode's runs, alternated so a noisy moment does not land on one mode only. */
  runs: { mode: Mode; ordersPerSecond: number; p99Ms: number; errors: number }[];
  /** Orders per second with the endpoints over without them: 1 means webhooks cost nothing. */
  throughputRatio: number;
  /** From the event's time to its arrival at the receiver, over every delivery of every run. */
  delivery: { count: number; p50Ms: number; p95Ms: number; maxMs: number; missing: number };
}

/** A receiver on a free port that answers 200 at once and notes how late each delivery came. */
async function receiver(): Promise<{ server: Server; url: string; lateness: number[] }> {
  const lateness: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { createdAt } = JSON.parse(Buffer.concat(chunks).toString()) as { createdAt: string };
      lateness.push(Date.now() - Date.parse(createdAt));
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/hook`, lateness };
}

async function arrived(lateness: number[], expected: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (lateness.length < expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * What webhooks cost the customer who orders, and how soon they reach the vendor: `order.place`
 * on a fresh server without endpoints and with `endpoints` subscribed to `order.placed` (each
 * order queues that many signed deliveries in the event's transaction), runs alternated.
 */
export async function measureWebhooks(
  customers: number,
  ordersPerCustomer: number,
  endpoints = 3,
  rounds = 2,
): Promise<WebhookResult> {
  const runs: WebhookResult['runs'] = [];
  const lateness: number[] = [];
  let missing = 0;
  // Round -1 warms the process up and is dropped.
  for (let round = -1; round < rounds; round++) {
    for (const mode of ['without', 'with'] as const) {
      const portico = await startTestPortico({ env: BENCH_ENV, sqlite: true });
      const hook = mode === 'with' ? await receiver() : null;
      try {
        for (let i = 0; hook && i < endpoints; i++) {
          const input = { url: hook.url, description: 'bench', events: ['order.placed' as const] };
          await createEndpoint(portico.services.db, { ...input, active: true }, 'bench');
        }
        const result = await measureOrderPlace(portico, customers, ordersPerCustomer);
        if (hook) {
          // The warm-up placed one order per customer too.
          const expected = (result.orders + customers) * endpoints;
          await arrived(hook.lateness, expected, 60_000);
          if (round >= 0) {
            lateness.push(...hook.lateness);
            missing += expected - hook.lateness.length;
          }
        }
        if (round < 0) continue;
        const { ordersPerSecond, p99Ms, errors } = result;
        runs.push({ mode, ordersPerSecond, p99Ms, errors });
      } finally {
        await portico.close();
        if (hook) await closeServer(hook.server);
      }
    }
  }
  const mean = (mode: Mode) => {
    const values = runs.filter((run) => run.mode === mode).map((run) => run.ordersPerSecond);
    return values.reduce((sum, value) => sum + value, 0) / values.length;
  };
  const sorted = Float64Array.from(lateness).sort();
  return {
    customers,
    ordersPerCustomer,
    endpoints,
    runs,
    throughputRatio: Math.round((mean('with') / mean('without')) * 1000) / 1000,
    delivery: {
      count: sorted.length,
      p50Ms: Math.round(percentile(sorted, 0.5)),
      p95Ms: Math.round(percentile(sorted, 0.95)),
      maxMs: Math.round(sorted[sorted.length - 1] ?? Number.NaN),
      missing,
    },
  };
}
