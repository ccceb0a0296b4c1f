import { startTestPortico, TEST_ORIGIN, type TestPortico } from '../test/support/portico.ts';
import { freshPostgresDatabase, type TestDatabase } from '../test/support/postgres.ts';
import { fillAccount } from './account.ts';
import { measureChatDelivery, type ChatDeliveryOptions, type ChatPercentiles } from './chat.ts';
import { BENCH_ENV, percentile, runLoad, type LoadOptions } from './load.ts';
import { measureOrderPlace } from './orders.ts';
import { formatTable } from './table.ts';

/** account.summary: connections spread over the instances, for an account with 50 orders. */
const SUMMARY_LOAD: LoadOptions = { concurrency: 20, warmupRequests: 500, requests: 4_000 };
const SUMMARY_ORDERS = 50;
const PLACING = { customers: 20, ordersPerCustomer: 25 } as const;
/** Customers on instance A, agents on instance B: every message crosses between them. */
const CROSS_CHAT: ChatDeliveryOptions = {
  customers: 100,
  agents: 2,
  messages: 600,
  warmupMessages: 60,
  perSecond: 40,
  fromCustomers: 0.5,
};

export interface InstancesRow {
  setup: 'sqlite ×1' | 'postgres ×1' | 'postgres ×2';
  summaryRequestsPerSecond: number;
  summaryP50Ms: number;
  summaryP99Ms: number;
  summaryErrors: number;
  ordersPerSecond: number;
  orderP99Ms: number;
  orderErrors: number;
}

export interface InstancesResult {
  rows: InstancesRow[];
  /** Customer on A to agent on B and back, over LISTEN/NOTIFY. */
  crossInstanceChat: {
    messages: number;
    all: ChatPercentiles;
    customerToAgent: ChatPercentiles;
    agentToCustomer: ChatPercentiles;
    lost: number;
    duplicated: number;
    missing: number;
    p95TargetMs: number;
  };
  notes: string;
}

/** `account.summary` GETs spread round-robin over `urls`, in one measured run per instance. */
async function summaryThroughput(portico: TestPortico, urls: string[]) {
  const client = await portico.personWithSession({ email: 'instances-summary@bench.test' });
  const me = await client.query('session.me');
  const accountId = (me.body.result?.data as { account: { id: string } }).account.id;
  await fillAccount(portico, accountId, SUMMARY_ORDERS);
  const headers = {
    origin: TEST_ORIGIN,
    cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
  };
  const share = (total: number) => Math.ceil(total / urls.length);
  const results = await Promise.all(
    urls.map(async (base) => {
      const url = new URL('/api/trpc/account.summary', base);
      url.hostname = '127.0.0.1';
      const expected = await fetch(url, { headers });
      const body = Buffer.from(await expected.arrayBuffer());
      if (expected.status !== 200 || !body.includes('"balance"')) {
        throw new Error(`account.summary did not answer on ${base}: ${expected.status}`);
      }
      return runLoad(
        { url: url.href, headers, expectedBody: body },
        {
          concurrency: share(SUMMARY_LOAD.concurrency),
          warmupRequests: share(SUMMARY_LOAD.warmupRequests),
          requests: share(SUMMARY_LOAD.requests),
        },
      );
    }),
  );
  const wall = Math.max(...results.map((result) => result.seconds));
  const requests = results.reduce((sum, result) => sum + result.requests, 0);
  const latencies = Float64Array.from(results.flatMap((result) => [...result.latencies])).sort();
  return {
    requestsPerSecond: Math.round(requests / wall),
    p50Ms: round(percentile(latencies, 0.5)),
    p99Ms: round(percentile(latencies, 0.99)),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Starts the instances of one setup: their own database each time, closed by `close`. */
async function startSetup(setup: InstancesRow['setup']) {
  let database: TestDatabase | undefined;
  if (setup !== 'sqlite ×1') database = await freshPostgresDatabase();
  const options = {
    env: BENCH_ENV,
    ...(database ? { databaseUrl: database.url } : { sqlite: true }),
  };
  const first = await startTestPortico(options);
  const instances = [first];
  if (setup === 'postgres ×2') instances.push(await startTestPortico(options));
  return {
    instances,
    async close() {
      for (const instance of instances.reverse()) await instance.close();
      await database?.drop();
    },
  };
}

/**
 * `account.summary` and `order.place` throughput for one instance on SQLite, one on PostgreSQL
 * and two on one PostgreSQL database, and chat delivery from one instance to the other.
 *
 * All instances run in this process, beside the load they are given, on a machine whose cores
 * also run PostgreSQL: the two-instance numbers show what sharing a database costs, not how far
 * more machines would carry. Each setup starts from an empty database.
 */
export async function measureInstances(): Promise<InstancesResult> {
  const rows: InstancesRow[] = [];
  for (const setup of ['sqlite ×1', 'postgres ×1', 'postgres ×2'] as const) {
    const { instances, close } = await startSetup(setup);
    try {
      const urls = instances.map((instance) => instance.url);
      const summary = await summaryThroughput(instances[0]!, urls);
      const placing = await measureOrderPlace(
        instances[0]!,
        PLACING.customers,
        PLACING.ordersPerCustomer,
        urls,
      );
      rows.push({
        setup,
        summaryRequestsPerSecond: summary.requestsPerSecond,
        summaryP50Ms: summary.p50Ms,
        summaryP99Ms: summary.p99Ms,
        summaryErrors: summary.errors,
        ordersPerSecond: placing.ordersPerSecond,
        orderP99Ms: placing.p99Ms,
        orderErrors: placing.errors,
      });
    } finally {
      await close();
    }
  }
  const { instances, close } = await startSetup('postgres ×2');
  try {
    const chat = await measureChatDelivery(instances[0]!, {
      ...CROSS_CHAT,
      agentUrl: instances[1]!.url,
    });
    return {
      rows,
      crossInstanceChat: {
        messages: chat.messages,
        ...chat.delivery,
        lost: chat.lost,
        duplicated: chat.duplicated,
        missing: chat.missing,
        p95TargetMs: 100,
      },
      notes:
        'Every instance runs in the bench process on the same cores as PostgreSQL and the load; ' +
        'the two-instance rows measure the cost of sharing one database, not scaling out.',
    };
  } finally {
    await close();
  }
}

export function printInstances(result: InstancesResult): void {
  console.log('\nSeveral instances: account.summary and order.place, by setup');
  console.log(
    formatTable(
      [
        'setup',
        'summary req/s',
        'summary p50 ms',
        'summary p99 ms',
        'orders/s',
        'order p99 ms',
        'errors',
      ],
      result.rows.map((row) => [
        row.setup,
        row.summaryRequestsPerSecond,
        row.summaryP50Ms,
        row.summaryP99Ms,
        row.ordersPerSecond,
        row.orderP99Ms,
        row.summaryErrors + row.orderErrors,
      ]),
    ),
  );
  const chat = result.crossInstanceChat;
  const line = (name: string, p: ChatPercentiles) =>
    `  ${name}: p50 ${p.p50Ms} ms, p95 ${p.p95Ms} ms, p99 ${p.p99Ms} ms, max ${p.maxMs} ms`;
  console.log(
    [
      `Chat across instances (customers on A, agents on B), ${chat.messages} messages:`,
      line('all', chat.all),
      line('customer on A → agent on B', chat.customerToAgent),
      line('agent on B → customer on A', chat.agentToCustomer),
      `  lost ${chat.lost}, duplicated ${chat.duplicated}, missing ${chat.missing}; target p95 ≤ ${chat.p95TargetMs} ms`,
    ].join('\n'),
  );
  console.log(result.notes);
}
