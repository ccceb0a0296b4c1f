import { randomUUID } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { startTestPortico, TEST_ORIGIN, type TestClient } from '../test/support/portico.ts';
import { startServerProcess, type ServerProcess } from '../test/support/server-process.ts';
import { ADDRESS, seedTestCatalog } from '../test/support/catalog.ts';
import { publishedArticle, testCategory } from '../test/support/help.ts';
import { data, openTicket } from '../test/support/tickets.ts';
import { openStream, type EventStream, type StreamEvent } from './chat.ts';
import { percentile } from './load.ts';
import { formatTable } from './table.ts';

const REPORT = fileURLToPath(new URL('./soak-report.json', import.meta.url));
const PROBE = new URL('./soak-probe.ts', import.meta.url).href;
/** Calls per second of each kind; every customer stays well inside its own rate limits. */
const RATES = {
  read: 30,
  search: 5,
  order: 1,
  ticketReply: 1,
  chatCustomer: 2,
  chatAgent: 0.5,
} as const;
type Kind = keyof typeof RATES;
const WORDS = ['grinder', 'descaling', 'delivery', 'invoice', 'warranty', 'milk', 'espresso'];
/** Past this many calls waiting for an answer the server is not keeping up: counted as errors. */
const MAX_IN_FLIGHT = 300;

interface Customer {
  cookie: string;
  /** Each customer calls from its own address, as real customers do, through a trusted proxy. */
  address: string;
  ticketId: string;
  conversationId?: string;
}

interface Window {
  minute: number;
  latencies: number[];
  /** The same latencies by kind of call, to tell which one slowed if the whole did. */
  latenciesByKind: Record<Kind, number[]>;
  errors: number;
  byKind: Record<Kind, number>;
}

interface Sample {
  second: number;
  rssMb: number;
  walMb: number;
  databaseMb: number;
  inFlight: number;
}

/**
 * `npm run bench -- soak [--minutes 10]`: the real server in its own process under a steady mix
 * of reads, searches, orders, ticket replies and live chat (customers and an agent with their
 * streams open) for a set time. Reports errors, p99 per minute (the first minute is warm-up),
 * the server's memory and the write-ahead log's size over time, against the targets: no errors,
 * the last minute's p99 within 20% of the second's, memory growth under 10%.
 */
export async function runSoak(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      minutes: { type: 'string', default: '10' },
      customers: { type: 'string', default: '30' },
      chatters: { type: 'string', default: '20' },
    },
  });
  // Minute one is warm-up and minute two the start the end is compared with: three at least.
  const minutes = Math.max(3, Math.round(Number(values.minutes)) || 10);
  const customerCount = Math.max(1, Number(values.customers));
  const chatterCount = Math.min(customerCount, Math.max(0, Number(values.chatters)));
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-soak-'));
  let server: ServerProcess | null = null;
  const streams: LastingStream[] = [];
  const http = new Agent({ keepAlive: true, maxSockets: 64 });
  const streamAgent = new Agent({ keepAlive: false });
  try {
    console.log(`Soak: preparing ${customerCount} customers, an agent and 40 help articles…`);
    const fixtures = await prepare(dataDir, customerCount);
    server = await startServerProcess(
      dataDir,
      { TRUSTED_PROXIES: '127.0.0.1', LOG_LEVEL: 'warn', MAX_LIVE_STREAMS: '10000' },
      ['--expose-gc', `--import=${PROBE}`],
    );
    const running = server;
    const base = new URL(server.url);
    base.hostname = '127.0.0.1';
    const call = (who: { cookie: string; address?: string }, path: string, input?: unknown) =>
      callTrpc(http, base, who, path, input);

    // Customer messages the agent's console received, and those the server took.
    const delivered = new Set<string>();
    const sent = new Set<string>();
    const agentStream = lastingStream(
      streamAgent,
      base,
      fixtures.agentCookie,
      'staff.chat.onEvent',
      {},
      (event: StreamEvent) => {
        if (event.type === 'message' && event.message.body.startsWith('Soak message')) {
          delivered.add(event.message.body);
        }
      },
    );
    streams.push(agentStream);
    await agentStream.first;
    const chatters = fixtures.customers.slice(0, chatterCount);
    for (const [index, chatter] of chatters.entries()) {
      const view = (await call(chatter, 'chat.start', {
        message: `Soak chat ${index}: a question for a person`,
      })) as { conversation: { id: string; lastSeq: number } };
      chatter.conversationId = view.conversation.id;
      const input = { conversationId: view.conversation.id };
      const stream = lastingStream(streamAgent, base, chatter.cookie, 'chat.onEvent', input);
      streams.push(stream);
      await stream.first;
      await call({ cookie: fixtures.agentCookie }, 'staff.chat.pickUp', {
        conversationId: view.conversation.id,
      });
    }

    const windows: Window[] = [];
    const samples: Sample[] = [];
    const failures = new Map<string, number>();
    let inFlight = 0;
    let seq = 0;
    const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
    const operation = (kind: Kind): Promise<unknown> => {
      const customer = pick(fixtures.customers);
      switch (kind) {
        case 'read':
          return pick([
            () => call(customer, 'session.me'),
            () => call(customer, 'account.summary'),
            () => call(customer, 'order.list', {}),
            () => call(customer, 'ticket.list', {}),
            () => call(customer, 'catalog.list', {}),
          ])();
        case 'search':
          return call(customer, 'help.search', { q: pick(WORDS) });
        case 'order':
          return call(customer, 'order.place', {
            idempotencyKey: randomUUID(),
            items: [{ productId: fixtures.productId, quantity: 1 }],
            address: ADDRESS,
            expectedTotal: fixtures.total,
          });
        case 'ticketReply':
          return call(customer, 'ticket.reply', {
            ticketId: customer.ticketId,
            body: `Soak reply ${++seq}`,
            idempotencyKey: randomUUID(),
          });
        case 'chatCustomer': {
          if (!chatters.length) return Promise.resolve();
          const chatter = pick(chatters);
          const body = `Soak message ${++seq}`;
          return call(chatter, 'chat.send', {
            conversationId: chatter.conversationId,
            body,
            clientId: randomUUID(),
          }).then(() => sent.add(body));
        }
        case 'chatAgent': {
          if (!chatters.length) return Promise.resolve();
          return call({ cookie: fixtures.agentCookie }, 'staff.chat.send', {
            conversationId: pick(chatters).conversationId,
            body: `Soak answer ${++seq}`,
            clientId: randomUUID(),
          });
        }
      }
    };

    let memoryAtStart: Promise<Memory> | null = null;
    const started = performance.now();
    const totalMs = minutes * 60_000;
    const owed = Object.fromEntries(Object.keys(RATES).map((kind) => [kind, 0])) as Record<
      Kind,
      number
    >;
    let nextSample = 0;
    console.log(`Soak: ${minutes} minutes against ${server.url} (pid ${server.child.pid})`);
    while (performance.now() - started < totalMs) {
      const elapsed = performance.now() - started;
      const minute = Math.floor(elapsed / 60_000);
      const window = (windows[minute] ??= {
        minute: minute + 1,
        latencies: [],
        latenciesByKind: Object.fromEntries(
          Object.keys(RATES).map((kind) => [kind, [] as number[]]),
        ) as Record<Kind, number[]>,
        errors: 0,
        byKind: Object.fromEntries(Object.keys(RATES).map((kind) => [kind, 0])) as Record<
          Kind,
          number
        >,
      });
      if (elapsed >= nextSample) {
        samples.push(sample(server, dataDir, elapsed, inFlight));
        nextSample += 5_000;
      }
      // Late in the warm-up minute, so its pause lands there and not in the minute compared.
      if (!memoryAtStart && elapsed >= 55_000) {
        memoryAtStart = measureMemory(running);
      }
      for (const kind of Object.keys(RATES) as Kind[]) {
        owed[kind] += RATES[kind] / 20;
        while (owed[kind] >= 1) {
          owed[kind] -= 1;
          window.byKind[kind]++;
          if (inFlight >= MAX_IN_FLIGHT) {
            window.errors++;
            count(failures, `${kind}: more than ${MAX_IN_FLIGHT} calls waiting`);
            continue;
          }
          inFlight++;
          const begun = performance.now();
          operation(kind)
            .then(() => {
              const took = performance.now() - begun;
              window.latencies.push(took);
              window.latenciesByKind[kind].push(took);
            })
            .catch((error: unknown) => {
              window.errors++;
              count(failures, `${kind}: ${(error as Error).message.slice(0, 160)}`);
            })
            .finally(() => inFlight--);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const drainUntil = performance.now() + 30_000;
    while (inFlight > 0 && performance.now() < drainUntil) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    samples.push(sample(server, dataDir, performance.now() - started, inFlight));
    if (inFlight > 0) count(failures, `calls: ${inFlight} still unanswered 30 s after the end`);
    const undelivered = () => [...sent].filter((body) => !delivered.has(body)).length;
    const deliveryUntil = performance.now() + 5_000;
    while (undelivered() > 0 && performance.now() < deliveryUntil) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const streamFailures = streams.flatMap((stream) => stream.failure() ?? []);
    for (const failure of streamFailures) count(failures, `stream: ${failure.slice(0, 160)}`);
    if (undelivered() > 0) count(failures, `chat: ${undelivered()} messages never delivered`);
    const memory = {
      start: await (memoryAtStart ?? measureMemory(running)),
      end: await measureMemory(running),
    };
    const reconnects = streams.reduce((sum, stream) => sum + stream.reconnects(), 0);
    await report({
      minutes,
      customerCount,
      chatterCount,
      windows,
      samples,
      failures,
      memory,
      reconnects,
      chatMessages: sent.size,
    });
  } finally {
    for (const stream of streams) stream.close();
    http.destroy();
    streamAgent.destroy();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** People, a catalog, help articles and a ticket per customer, made in-process before the run. */
async function prepare(dataDir: string, customerCount: number) {
  const portico = await startTestPortico({ dataDir, sqlite: true });
  try {
    const products = await seedTestCatalog(portico.services);
    await portico.services.db
      .updateTable('product')
      .set({ stock: 10_000_000 })
      .where('id', '=', products.beans)
      .execute();
    const admin = await portico.personWithSession({
      email: 'soak-admin@vendor.test',
      role: 'admin',
    });
    await testCategory(admin);
    for (let index = 0; index < 40; index++) {
      const word = WORDS[index % WORDS.length]!;
      await publishedArticle(admin, {
        slug: `soak-${index}`,
        title: `The ${word} guide, part ${index}`,
        body: `Everything about the ${word}: how it works, what to check and whom to ask. `.repeat(
          8,
        ),
      });
    }
    const agent = await portico.personWithSession({
      email: 'soak-agent@vendor.test',
      role: 'agent',
    });
    const customers: Customer[] = [];
    let total = 0;
    for (let index = 0; index < customerCount; index++) {
      const client = await portico.personWithSession({ email: `soak${index}@cafe.test` });
      if (index === 0) {
        const items = [{ productId: products.beans, quantity: 1 }];
        total = data<{ total: number }>(
          await client.query('order.quote', { items, address: ADDRESS }),
        ).total;
      }
      const ticket = await openTicket(client);
      customers.push({
        cookie: cookieOf(client),
        address: `10.0.${Math.floor(index / 250)}.${(index % 250) + 1}`,
        ticketId: ticket.id,
      });
    }
    return { customers, agentCookie: cookieOf(agent), productId: products.beans, total };
  } finally {
    await portico.close();
  }
}

const cookieOf = (client: TestClient) =>
  [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');

function count(failures: Map<string, number>, key: string): void {
  failures.set(key, (failures.get(key) ?? 0) + 1);
}

interface Memory {
  heapUsedMb: number;
  rssMb: number;
}

/** Asks the server process (through the soak's probe) to collect garbage and say what is left. */
async function measureMemory(server: ServerProcess): Promise<Memory> {
  const line = server.waitForLine(/"soakMemory"/, 10_000);
  server.kill('SIGUSR2');
  const { soakMemory } = JSON.parse(await line) as {
    soakMemory: { heapUsed: number; rss: number };
  };
  return {
    heapUsedMb: round(soakMemory.heapUsed / 1024 / 1024),
    rssMb: round(soakMemory.rss / 1024 / 1024),
  };
}

interface LastingStream {
  first: Promise<void>;
  failure(): string | null;
  reconnects(): number;
  close(): void;
}

/**
 * A live stream kept open as a browser keeps it: when the server ends it (streams last five
 * minutes, so a revoked session stops hearing), it is opened again from the last event id.
 */
function lastingStream(
  agent: Agent,
  base: URL,
  cookie: string,
  path: string,
  input: Record<string, unknown>,
  onEvent: (event: StreamEvent) => void = () => {},
): LastingStream {
  let lastEventId: string | null = null;
  let reconnects = 0;
  let current: EventStream;
  const open = (): EventStream => {
    current = openStream(
      agent,
      base,
      cookie,
      path,
      { ...input, lastEventId },
      (event, id) => {
        if (id !== null) lastEventId = id;
        onEvent(event);
      },
      () => {
        reconnects += 1;
        open().first.catch(() => {});
      },
    );
    return current;
  };
  const first = open().first;
  return {
    first,
    failure: () => current.failure,
    reconnects: () => reconnects,
    close: () => current.close(),
  };
}

/** The server process's resident memory and the database files' sizes now. */
function sample(server: ServerProcess, dataDir: string, elapsedMs: number, inFlight: number) {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  const size = (name: string) => {
    try {
      return statSync(join(dataDir, name)).size / 1024 / 1024;
    } catch {
      return 0;
    }
  };
  return {
    second: Math.round(elapsedMs / 1000),
    rssMb: round(rssKb / 1024),
    walMb: round(size('portico.db-wal')),
    databaseMb: round(size('portico.db')),
    inFlight,
  };
}

/**
 * A tRPC call over plain node:http from the customer's own address (the server trusts this
 * machine as a proxy for the run); queries are GETs, mutations POSTs. Resolves with the data.
 */
function callTrpc(
  agent: Agent,
  base: URL,
  who: { cookie: string; address?: string },
  path: string,
  input?: unknown,
): Promise<unknown> {
  const mutation = /\.(place|reply|send|start|pickUp)$/.test(path);
  const url = new URL(`/api/trpc/${path}`, base);
  if (!mutation && input !== undefined) url.searchParams.set('input', JSON.stringify(input));
  const body = mutation ? JSON.stringify(input ?? {}) : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method: mutation ? 'POST' : 'GET',
        headers: {
          origin: TEST_ORIGIN,
          cookie: who.cookie,
          ...(who.address ? { 'x-forwarded-for': who.address } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('error', reject);
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`${res.statusCode} ${text.slice(0, 120)}`));
          else resolve((JSON.parse(text) as { result: { data: unknown } }).result.data);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function report(run: {
  minutes: number;
  customerCount: number;
  chatterCount: number;
  windows: Window[];
  samples: Sample[];
  failures: Map<string, number>;
  memory: { start: Memory; end: Memory };
  reconnects: number;
  chatMessages: number;
}): Promise<void> {
  const p99Of = (latencies: number[]) =>
    round(percentile(Float64Array.from(latencies).sort(), 0.99));
  const byKind = (window: Window | undefined) =>
    Object.fromEntries(
      Object.entries(window?.latenciesByKind ?? {}).map(([kind, list]) => [kind, p99Of(list)]),
    );
  const rows = run.windows.map((window) => {
    const sorted = Float64Array.from(window.latencies).sort();
    const calls = Object.values(window.byKind).reduce((sum, value) => sum + value, 0);
    return {
      minute: window.minute,
      calls,
      errors: window.errors,
      p50Ms: round(percentile(sorted, 0.5)),
      p99Ms: round(percentile(sorted, 0.99)),
    };
  });
  // Minute one is warm-up (compiling, caches filling); the comparison starts at minute two.
  const start = rows[1] ?? rows[0]!;
  const end = rows.at(-1)!;
  const perMinute = minuteFloors(run.samples);
  // Resident memory rises and falls with each garbage collection, so growth is measured on what
  // is still in use right after a full collection: late in the warm-up, and after the load.
  const { start: warm, end: last } = run.memory;
  const growth = round((last.heapUsedMb - warm.heapUsedMb) / warm.heapUsedMb);
  const errors = rows.reduce((sum, row) => sum + row.errors, 0) + streamAndChatErrors(run.failures);
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    minutes: run.minutes,
    customers: run.customerCount,
    chatStreams: run.chatterCount + 1,
    chatMessages: run.chatMessages,
    /** Streams the server ended after their longest duration, reopened from their last event. */
    streamReconnects: run.reconnects,
    ratesPerSecond: RATES,
    errors,
    failures: Object.fromEntries(run.failures),
    p99: {
      startMs: start.p99Ms,
      endMs: end.p99Ms,
      ratio: round(end.p99Ms / start.p99Ms),
      byKindAtStart: byKind(run.windows[1]),
      byKindAtEnd: byKind(run.windows.at(-1)),
    },
    memory: { afterWarmUp: warm, end: last, heapGrowth: growth },
    walMaxMb: Math.max(...run.samples.map((entry) => entry.walMb)),
    targets: {
      noErrors: errors === 0,
      p99WithinTwentyPercent: end.p99Ms <= start.p99Ms * 1.2,
      memoryGrowthUnderTenPercent: growth < 0.1,
    },
    minutesTable: rows,
    memoryTable: perMinute,
    samples: run.samples,
  };
  console.log('\nPer minute (minute 1 is warm-up):\n');
  console.log(
    formatTable(
      ['minute', 'calls', 'errors', 'p50 ms', 'p99 ms'],
      rows.map((row) => [row.minute, row.calls, row.errors, row.p50Ms, row.p99Ms]),
    ),
  );
  console.log('\nServer process and database per minute (samples every 5 s):\n');
  console.log(
    formatTable(
      ['minute', 'RSS floor MB', 'RSS peak MB', 'WAL peak MB', 'database MB', 'most in flight'],
      perMinute.map((entry) => [
        entry.minute,
        entry.rssMb,
        entry.rssPeakMb,
        entry.walMb,
        entry.databaseMb,
        entry.inFlight,
      ]),
    ),
  );
  for (const [failure, times] of run.failures) console.log(`  ${times} × ${failure}`);
  console.log(
    `\nErrors: ${errors}. p99 ${start.p99Ms} ms at minute 2, ${end.p99Ms} ms at minute ` +
      `${end.minute} (×${result.p99.ratio}). Heap in use after a full collection: ` +
      `${warm.heapUsedMb} MB after warm-up, ${last.heapUsedMb} MB at the end ` +
      `(${(growth * 100).toFixed(1)}%; resident ${warm.rssMb} → ${last.rssMb} MB). ` +
      `${run.reconnects} streams reopened after their longest duration.`,
  );
  console.log(
    `Targets: no errors ${ok(result.targets.noErrors)}, p99 within 20% ` +
      `${ok(result.targets.p99WithinTwentyPercent)}, memory growth under 10% ` +
      `${ok(result.targets.memoryGrowthUnderTenPercent)}. Wrote bench/soak-report.json.`,
  );
  const options = await resolveConfig(REPORT);
  writeFileSync(REPORT, await format(JSON.stringify(result), { ...options, filepath: REPORT }));
}

/** Per minute: the lowest and highest memory, and the largest log, database and backlog seen. */
function minuteFloors(samples: Sample[]) {
  const minutes = new Map<number, Sample[]>();
  for (const entry of samples) {
    const minute = Math.min(
      Math.floor(entry.second / 60),
      Math.floor((samples.at(-1)!.second - 1) / 60),
    );
    minutes.set(minute, [...(minutes.get(minute) ?? []), entry]);
  }
  return [...minutes].map(([minute, entries]) => ({
    minute: minute + 1,
    rssMb: Math.min(...entries.map((entry) => entry.rssMb)),
    rssPeakMb: Math.max(...entries.map((entry) => entry.rssMb)),
    walMb: Math.max(...entries.map((entry) => entry.walMb)),
    databaseMb: Math.max(...entries.map((entry) => entry.databaseMb)),
    inFlight: Math.max(...entries.map((entry) => entry.inFlight)),
  }));
}

/** Failures outside the per-minute call counts: broken streams, lost messages, unanswered calls. */
function streamAndChatErrors(failures: Map<string, number>): number {
  let total = 0;
  for (const [key, times] of failures) {
    if (/^(stream|chat|calls):/.test(key)) total += times;
  }
  return total;
}

const ok = (passed: boolean) => (passed ? 'met' : 'MISSED');
const round = (value: number) => Math.round(value * 100) / 100;
