import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { closeServer, listenOn } from '../backend/listen.ts';
import { startTestPortico, TEST_ORIGIN, type TestPortico } from '../test/support/portico.ts';
import { watchCpu, type CpuShare } from './machine.ts';
import {
  BENCH_ENV,
  percentile,
  runLoad,
  type LoadOptions,
  type LoadResult,
  type Target,
} from './load.ts';
import { measureSizes, type SizeReport } from './size.ts';
import { measureStaffOrderSearch, type StaffSearchResult } from './staff.ts';
import { formatTable } from './table.ts';
import { measureOrderPlace, type PlaceResult } from './orders.ts';
import { measureDurability, type DurabilityResult } from './durability.ts';
import { measureWebhooks, type WebhookResult } from './webhooks.ts';
import { runSoak } from './soak.ts';
import { measureEmbed, printEmbed } from './embed.ts';
import { measureInstances, printInstances } from './instances.ts';
import { measureAccountSummary, type SummaryResult } from './account.ts';
import { measureTicketList, type TicketListResult } from './tickets.ts';
import { measureHelpSearch, type HelpSearchResult } from './help.ts';
import { measureAuthTiming, type AuthTimingResult } from './auth-timing.ts';
import {
  measureChatDelivery,
  type ChatDeliveryOptions,
  type ChatDeliveryResult,
  type ChatPercentiles,
} from './chat.ts';

/*
 * Fixed request counts keep the whole run bounded: on 2 cores the throughput part takes
 * well under a minute (it is timed and printed).
 */
const LOAD: LoadOptions = { concurrency: 20, warmupRequests: 1_000, requests: 5_000 };
const ROUNDS = 3;
const PAGES = [
  'portico-login',
  'portico-order-form',
  'portico-account-summary',
  'portico-ticket-inbox',
  'portico-help-search',
] as const;
/** ticket.list: the account's number of tickets (three messages each). */
const TICKETS = 2_000;
/** help.search: generated articles to search (the target is p95 ≤ 15 ms at 100,000). */
const HELP_ARTICLES = 100_000;
/**
 * help.search on PostgreSQL: fewer articles, as indexing there takes about 6 ms an article
 * (`npm run bench -- search-postgres 100000` for the full corpus, about ten minutes).
 */
const POSTGRES_HELP_ARTICLES = 20_000;
/** account.summary: the account's number of orders (each with an invoice), small and large. */
const SUMMARY_SIZES = [50, 5_000] as const;
/** order.place: customers ordering at once, and orders each places in the measured part. */
const PLACING = { customers: 20, ordersPerCustomer: 50 } as const;
/** Live chat: customers and agents with their streams open, messages both ways (about 80 s). */
const CHAT: ChatDeliveryOptions = {
  customers: 500,
  agents: 2,
  messages: 2_000,
  warmupMessages: 100,
  perSecond: 40,
  fromCustomers: 0.3,
};
const CHAT_P95_TARGET_MS = 100;
/** staff.order.list: every account's orders, as the staff console searches them. */
const STAFF_SEARCH = { accounts: 20, ordersEach: 1_000 } as const;
/** synchronous=FULL against NORMAL: customers placing orders at once, and orders each. */
const DURABILITY = { customers: 20, ordersPerCustomer: 25 } as const;
/** A host page with every element: fresh browser contexts at full speed and at 4× slowdown. */
const EMBED = { runs: 4, slowRuns: 3 } as const;

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const REPORT = fileURLToPath(new URL('./report.json', import.meta.url));
const ME_PATH = '/api/trpc/session.me';

interface ServerResult {
  name: string;
  rounds: { requestsPerSecond: number; errors: number }[];
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

async function main(): Promise<void> {
  if (process.argv[2] === 'soak') return runSoak(process.argv.slice(3));
  if (process.argv[2] === 'embed') return runEmbedOnly();
  if (process.argv[2] === 'instances') return runInstancesOnly();
  if (process.argv[2] === 'search-postgres') return runSearchPostgresOnly(process.argv.slice(3));
  const startedAt = new Date();
  const sizes = measureSizes(DIST, PAGES);
  printSizes(sizes);
  const embed = await measureEmbed(EMBED);
  printEmbed(embed);

  const cpu = watchCpu();
  const portico = await startTestPortico({ env: BENCH_ENV, sqlite: true });
  const bare = createServer();
  try {
    const throughput = await measureThroughput(portico, bare);
    const placing = await measureOrderPlace(portico, PLACING.customers, PLACING.ordersPerCustomer);
    const summaries: SummaryResult[] = [];
    for (const orders of SUMMARY_SIZES)
      summaries.push(await measureAccountSummary(portico, orders));
    const ticketLists = await measureTicketList(portico, TICKETS);
    const staffSearch = await measureStaffOrderSearch(
      portico,
      STAFF_SEARCH.accounts,
      STAFF_SEARCH.ordersEach,
    );
    const share = cpu.stop();
    const durability = await measureDurability(DURABILITY.customers, DURABILITY.ordersPerCustomer);
    const webhooks = await measureWebhooks(DURABILITY.customers, DURABILITY.ordersPerCustomer);
    const authTiming = await measureAuthTiming(portico);
    const chatDelivery = await measureChatDelivery(portico, CHAT);
    const instances = await measureInstances();
    // Last and outside the CPU share: building its corpus takes minutes and is not under test.
    const helpSearch = await measureHelpSearch(portico, HELP_ARTICLES);
    const helpSearchPostgres = await measureHelpSearchOnPostgres(POSTGRES_HELP_ARTICLES);
    printThroughput(throughput, share);
    printPlacing(placing, throughput.servers[0]!.requestsPerSecond);
    printDurability(durability);
    printWebhooks(webhooks);
    printSummaries(summaries);
    printTicketLists(ticketLists);
    printStaffSearch(staffSearch);
    printChatDelivery(chatDelivery);
    printInstances(instances);
    printHelpSearch(helpSearch, 'SQLite');
    printHelpSearch(helpSearchPostgres, 'PostgreSQL');
    printAuthTiming(authTiming);
    const model = cpus()[0]?.model ?? 'unknown';
    const report = {
      date: startedAt.toISOString(),
      node: process.version,
      cpu: { model, cores: cpus().length, availableParallelism: availableParallelism() },
      sizes,
      embed,
      orderPlace: {
        ...placing,
        ratioToBareRequests: round(
          placing.ordersPerSecond / throughput.servers[0]!.requestsPerSecond,
          4,
        ),
      },
      durability,
      webhooks,
      accountSummary: summaries,
      ticketList: ticketLists,
      staffOrderSearch: staffSearch,
      chatDelivery: { ...chatDelivery, targetP95Ms: CHAT_P95_TARGET_MS },
      instances,
      helpSearch,
      helpSearchPostgres,
      authTiming,
      throughput: {
        ...throughput,
        cpuSeconds: {
          wall: round(share.seconds, 2),
          available: round(share.available, 2),
          thisProcess: round(share.thisProcess, 2),
          otherProcesses: share.otherProcesses === null ? null : round(share.otherProcesses, 2),
        },
      },
    };
    await writeReport(report);
    console.log(
      `\nNode ${process.version}, ${model}, ${cpus().length} cores. Wrote bench/report.json.`,
    );
  } finally {
    await closeServer(bare);
    await portico.close();
  }
}

/** Formatted as `prettier --check .` expects, so a bench run leaves the lint green. */
async function writeReport(report: object): Promise<void> {
  const options = await resolveConfig(REPORT);
  writeFileSync(REPORT, await format(JSON.stringify(report), { ...options, filepath: REPORT }));
}

/**
 * `node bench/run.ts instances`: one instance on SQLite, one and two on PostgreSQL, written into
 * the last full report. Needs PORTICO_TEST_DATABASE_URL (a PostgreSQL server it may create
 * databases on), as `npm run bench:instances` sets by starting a throw-away server.
 */
async function runInstancesOnly(): Promise<void> {
  const instances = await measureInstances();
  printInstances(instances);
  await writeReport({ ...lastReport(), instances });
  console.log('\nWrote the instances part into bench/report.json.');
}

/** The last report's parts, to write one part into; none before the first full run. */
function lastReport(): Record<string, unknown> {
  if (!existsSync(REPORT)) return {};
  return JSON.parse(readFileSync(REPORT, 'utf8')) as Record<string, unknown>;
}

/** `help.search` on a server of its own on PostgreSQL (PORTICO_TEST_DATABASE_URL). */
async function measureHelpSearchOnPostgres(articles: number): Promise<HelpSearchResult> {
  const portico = await startTestPortico({ env: BENCH_ENV });
  try {
    if (portico.services.engine !== 'postgres') {
      throw new Error(
        'help.search on PostgreSQL needs PORTICO_TEST_DATABASE_URL: run `npm run bench`',
      );
    }
    return await measureHelpSearch(portico, articles);
  } finally {
    await portico.close();
  }
}

/**
 * `node bench/run.ts search-postgres [articles]`: only `help.search` on PostgreSQL, written into
 * the last full report.
 */
async function runSearchPostgresOnly(args: string[]): Promise<void> {
  const articles = Number(args[0] ?? POSTGRES_HELP_ARTICLES);
  if (!Number.isSafeInteger(articles) || articles < 1) {
    throw new Error(`search-postgres takes a number of articles, not ${args[0]}`);
  }
  const helpSearchPostgres = await measureHelpSearchOnPostgres(articles);
  printHelpSearch(helpSearchPostgres, 'PostgreSQL');
  await writeReport({ ...lastReport(), helpSearchPostgres });
  console.log('\nWrote the PostgreSQL search part into bench/report.json.');
}

/** `node bench/run.ts embed`: only the host-page part, written into the last full report. */
async function runEmbedOnly(): Promise<void> {
  const embed = await measureEmbed(EMBED);
  printEmbed(embed);
  await writeReport({ ...lastReport(), embed });
  console.log('\nWrote the embed part into bench/report.json.');
}

async function measureThroughput(portico: TestPortico, bare: Server) {
  const client = await portico.personWithSession({ email: 'bench@cafe.test', name: 'Bench Café' });
  const headers = {
    origin: TEST_ORIGIN,
    cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
  };
  const porticoUrl = new URL(ME_PATH, portico.url);
  porticoUrl.hostname = '127.0.0.1';
  const recorded = await recordResponse(porticoUrl, headers);
  if (recorded.status !== 200 || !recorded.body.toString('utf8').includes('"bench@cafe.test"')) {
    throw new Error(`session.me did not answer for the signed-in customer: ${recorded.status}`);
  }

  bare.on('request', (_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': recorded.body.byteLength,
    });
    res.end(recorded.body);
  });
  const barePort = await listenOn(bare, 0);
  const bareRecorded = await recordResponse(
    new URL(`http://127.0.0.1:${barePort}${ME_PATH}`),
    headers,
  );

  const targets: Record<'bare' | 'portico', Target> = {
    bare: { url: `http://127.0.0.1:${barePort}${ME_PATH}`, headers, expectedBody: recorded.body },
    portico: { url: porticoUrl.href, headers, expectedBody: recorded.body },
  };
  const sessionLookups = countSessionLookups(portico);
  const runs: Record<keyof typeof targets, LoadResult[]> = { bare: [], portico: [] };
  for (let index = 0; index < ROUNDS; index++) {
    for (const name of ['bare', 'portico'] as const) {
      runs[name].push(await runLoad(targets[name], LOAD));
    }
  }

  const results = {
    bare: summarize('bare node:http', runs.bare),
    portico: summarize('portico session.me', runs.portico),
  };
  return {
    load: { ...LOAD, rounds: ROUNDS },
    response: {
      body: recorded.body.toString('utf8'),
      bodyBytes: recorded.body.byteLength,
      bareHeaderBytes: bareRecorded.headerBytes,
      porticoHeaderBytes: recorded.headerBytes,
      porticoHeaders: recorded.headerNames,
    },
    servers: [results.bare, results.portico],
    ratio: round(results.portico.requestsPerSecond / results.bare.requestsPerSecond, 3),
    sessionLookups: {
      total: sessionLookups.count(),
      note: 'better-auth getSession calls during warm-up and measured requests (session cache misses)',
    },
  };
}

/** One request with the benchmark's headers, keeping the exact bytes the endpoint sends. */
function recordResponse(url: URL, headers: Record<string, string>) {
  return new Promise<{ status: number; body: Buffer; headerBytes: number; headerNames: string[] }>(
    (resolve, reject) => {
      const req = request(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const lines = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`);
          }
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks),
            headerBytes: Buffer.byteLength(lines.join('')),
            headerNames: res.rawHeaders.filter((_, i) => i % 2 === 0).map((h) => h.toLowerCase()),
          });
        });
      });
      req.on('error', reject);
      req.end();
    },
  );
}

/** Counts better-auth session lookups, which the session cache should make rare. */
function countSessionLookups(portico: TestPortico): { count(): number } {
  const api = portico.services.auth.api;
  const getSession = api.getSession;
  let calls = 0;
  api.getSession = ((...args: Parameters<typeof getSession>) => {
    calls++;
    return getSession(...args);
  }) as typeof getSession;
  return { count: () => calls };
}

function summarize(name: string, runs: LoadResult[]): ServerResult {
  const requests = runs.reduce((sum, run) => sum + run.requests, 0);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const latencies = new Float64Array(requests);
  let offset = 0;
  for (const run of runs) {
    latencies.set(run.latencies, offset);
    offset += run.latencies.length;
  }
  latencies.sort();
  return {
    name,
    rounds: runs.map((run) => ({
      requestsPerSecond: Math.round(run.requests / run.seconds),
      errors: run.errors,
    })),
    requests,
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    requestsPerSecond: Math.round(requests / seconds),
    p50Ms: round(percentile(latencies, 0.5), 2),
    p99Ms: round(percentile(latencies, 0.99), 2),
    maxMs: round(latencies[latencies.length - 1] ?? Number.NaN, 2),
  };
}

function printSizes(sizes: SizeReport): void {
  console.log('\nBundle size (dist/, gzip level 9)\n');
  console.log(
    formatTable(
      ['file', 'raw B', 'gzip B', 'static imports', 'dynamic imports', ''],
      sizes.files.map((file) => [
        file.file,
        file.raw,
        file.gzip,
        file.staticImports.map(shortName).join(', ') || '-',
        file.dynamicImports.map(shortName).join(', ') || '-',
        file.reachable ? '' : 'stale',
      ]),
    ),
  );
  const stale = sizes.files.filter((file) => !file.reachable).length;
  if (stale) {
    console.log(
      `\n${stale} file(s) marked stale are not reachable from dist/portico.js or staff.js: left over from ` +
        'earlier builds (rollup does not empty dist/); they are not counted below.',
    );
  }
  for (const page of sizes.pages) {
    console.log(
      `\nA page with <${page.element}> loads ${page.files.length} files: ` +
        `${page.gzip} B gzipped (${page.raw} B raw)\n  ${page.files.join(' + ')}`,
    );
  }
  const { customer, staff, shared } = sizes;
  const leaked = staff.files.filter(
    (file) => customer.files.includes(file) && /portico-staff-/.test(file),
  );
  console.log(
    `\nEverything a customer page could ever load (portico.js and all its chunks): ` +
      `${customer.files.length} files, ${customer.gzip} B gzipped (${customer.raw} B raw)` +
      `\nThe staff console (staff.js and every view): ${staff.files.length} files, ` +
      `${staff.gzip} B gzipped (${staff.raw} B raw), built apart so it changes nothing in ` +
      `the customer bundle; files in both: ${shared.files.length}` +
      `\nStaff views in the customer bundle: ${leaked.length ? leaked.join(', ') : 'none'}`,
  );
}

function printThroughput(
  throughput: Awaited<ReturnType<typeof measureThroughput>>,
  cpu: CpuShare,
): void {
  const { load, response } = throughput;
  console.log(
    `\nThroughput: GET ${ME_PATH} as a signed-in customer, ${load.concurrency} keep-alive ` +
      `connections, ${load.requests} requests per run after ${load.warmupRequests} warm-up, ` +
      `${load.rounds} rounds alternating bare/portico\n`,
  );
  console.log(
    formatTable(
      ['server', 'req/s', 'per round', 'p50 ms', 'p99 ms', 'max ms', 'errors'],
      throughput.servers.map((server) => [
        server.name,
        server.requestsPerSecond,
        server.rounds.map((r) => r.requestsPerSecond).join(' / '),
        server.p50Ms.toFixed(2),
        server.p99Ms.toFixed(2),
        server.maxMs.toFixed(2),
        server.errors,
      ]),
      'lrrrrrr',
    ),
  );
  console.log(`\nportico / bare: ${throughput.ratio.toFixed(3)}`);
  console.log(
    `Body ${response.bodyBytes} B on both; headers ${response.bareHeaderBytes} B on bare, ` +
      `${response.porticoHeaderBytes} B on portico (${response.porticoHeaders.length} headers: ` +
      'security headers, CORS, Vary).',
  );
  console.log(
    `better-auth getSession calls (session cache misses): ${throughput.sessionLookups.total}`,
  );
  console.log(
    'Note: the load generator runs in the same process (node:http, keep-alive Agent), so its ' +
      'cost is included in both numbers and both servers share the event loop with it; ' +
      `the throughput part took ${cpu.seconds.toFixed(1)} s.`,
  );
  const others = cpu.otherProcesses === null ? 'unknown' : `${cpu.otherProcesses.toFixed(1)} CPU-s`;
  console.log(
    `CPU in that time: this process ${cpu.thisProcess.toFixed(1)} CPU-s, other processes ` +
      `${others}, of ${cpu.available.toFixed(1)} available; other load shows up as spread ` +
      'between rounds.',
  );
}

function printPlacing(result: PlaceResult, bareRequestsPerSecond: number): void {
  console.log(
    `\norder.place: ${result.customers} customers at once, ${result.ordersPerCustomer} orders ` +
      'each (two-line cart, stock taken, synchronous=FULL), over HTTP after one warm-up order each\n',
  );
  console.log(
    formatTable(
      ['orders', 'orders/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'vs bare req/s'],
      [
        [
          result.orders,
          result.ordersPerSecond,
          result.p50Ms.toFixed(2),
          result.p99Ms.toFixed(2),
          result.maxMs.toFixed(2),
          result.errors,
          (result.ordersPerSecond / bareRequestsPerSecond).toFixed(4),
        ],
      ],
      'rrrrrrr',
    ),
  );
}

function printDurability(result: DurabilityResult): void {
  console.log(
    `\nDurability: order.place with synchronous=FULL (every commit synced to disk, what Portico ` +
      `runs) against NORMAL (synced at checkpoints), ${result.customers} customers × ` +
      `${result.ordersPerCustomer} orders, a fresh database per run, runs alternated\n`,
  );
  console.log(
    formatTable(
      ['mode', 'orders/s', 'p50 ms', 'p99 ms', 'errors'],
      result.runs.map((run) => [
        run.mode,
        run.ordersPerSecond,
        run.p50Ms.toFixed(2),
        run.p99Ms.toFixed(2),
        run.errors,
      ]),
      'lrrrr',
    ),
  );
  console.log(`FULL keeps ${(result.throughputRatio * 100).toFixed(0)}% of NORMAL's throughput.`);
}

function printWebhooks(result: WebhookResult): void {
  console.log(
    `\nWebhooks: order.place without endpoints and with ${result.endpoints} subscribed to ` +
      `order.placed (a signed delivery each per order), ${result.customers} customers × ` +
      `${result.ordersPerCustomer} orders, a fresh database per run, runs alternated\n`,
  );
  console.log(
    formatTable(
      ['endpoints', 'orders/s', 'p99 ms', 'errors'],
      result.runs.map((run) => [run.mode, run.ordersPerSecond, run.p99Ms.toFixed(2), run.errors]),
      'lrrr',
    ),
  );
  const { delivery } = result;
  console.log(
    `With them ordering keeps ${(result.throughputRatio * 100).toFixed(0)}% of its throughput. ` +
      `${delivery.count} deliveries reached the receiver ${delivery.p50Ms} ms (p50), ` +
      `${delivery.p95Ms} ms (p95), at most ${delivery.maxMs} ms after their event; ` +
      `${delivery.missing} never arrived.`,
  );
}

function shortName(file: string): string {
  return file.replace(/^chunks\//, '');
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

await main();

function printSummaries(summaries: SummaryResult[]): void {
  console.log('\naccount.summary for one customer (balance, open invoices, payments, orders)\n');
  console.log(
    formatTable(
      ['orders', 'SQL statements', 'req/s', 'bare req/s', 'ratio', 'p50 ms', 'p99 ms', 'errors'],
      summaries.map((s) => [
        s.orders,
        s.statements,
        s.requestsPerSecond,
        s.bareRequestsPerSecond,
        s.ratioToBare.toFixed(3),
        s.p50Ms.toFixed(2),
        s.p99Ms.toFixed(2),
        s.errors,
      ]),
      'rrrrrrrr',
    ),
  );
}

function printTicketLists(results: TicketListResult[]): void {
  console.log('\nticket.list for one customer account (unread first, then latest)\n');
  console.log(
    formatTable(
      ['tickets', 'list', 'SQL', 'req/s', 'bare req/s', 'ratio', 'p50 ms', 'p99 ms', 'errors'],
      results.map((r) => [
        r.tickets,
        r.query,
        r.statements,
        r.requestsPerSecond,
        r.bareRequestsPerSecond,
        r.ratioToBare.toFixed(3),
        r.p50Ms.toFixed(2),
        r.p99Ms.toFixed(2),
        r.errors,
      ]),
      'rlrrrrrrr',
    ),
  );
}

function printStaffSearch(result: StaffSearchResult): void {
  console.log(
    `\nstaff.order.list over ${result.orders} orders in ${result.accounts} accounts, ` +
      'first page of 20, one request at a time\n',
  );
  console.log(
    formatTable(
      ['search', 'query', 'rows', 'p50 ms', 'p95 ms'],
      result.cases.map((c) => [
        c.search,
        c.query || '-',
        c.matched,
        c.p50Ms.toFixed(2),
        c.p95Ms.toFixed(2),
      ]),
      'llrrr',
    ),
  );
}

function printHelpSearch(result: HelpSearchResult, engine: string): void {
  console.log(
    `\nhelp.search on ${engine} over ${result.articles} generated articles (indexed in ${result.indexSeconds} s), one request at a time\n`,
  );
  console.log(
    formatTable(
      ['queries', 'requests', 'HTTP p50', 'p95', 'p99', 'search module p50', 'p95', 'p99'],
      Object.keys(result.http).map((kind) => {
        const http = result.http[kind]!;
        const engine = result.engine[kind]!;
        return [
          kind === 'all' ? 'rare + common + prefix' : kind,
          http.requests,
          http.p50Ms.toFixed(2),
          http.p95Ms.toFixed(2),
          http.p99Ms.toFixed(2),
          engine.p50Ms.toFixed(2),
          engine.p95Ms.toFixed(2),
          engine.p99Ms.toFixed(2),
        ];
      }),
      'lrrrrrrr',
    ),
  );
}

function printChatDelivery(result: ChatDeliveryResult): void {
  console.log(
    `\nChat delivery: ${result.customers} customers with chat.onEvent open and ${result.agents} ` +
      `agents with staff.chat.onEvent open (${result.streams} SSE streams), ${result.messages} ` +
      `messages to random chats at ${result.perSecond}/s (${Math.round(CHAT.fromCustomers * 100)}% ` +
      `from customers) after ${CHAT.warmupMessages} warm-up; from just before the send request ` +
      "to the other side's stream\n",
  );
  const { delivery, sendRequest } = result;
  const rows: [string, ChatPercentiles][] = [
    ['agent → customer', delivery.agentToCustomer],
    ['customer → agent', delivery.customerToAgent],
    ['all', delivery.all],
    ['send request alone', sendRequest],
  ];
  console.log(
    formatTable(
      ['', 'messages', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      rows.map(([name, row]) => [
        name,
        row.count,
        row.p50Ms.toFixed(2),
        row.p95Ms.toFixed(2),
        row.p99Ms.toFixed(2),
        row.maxMs.toFixed(2),
      ]),
      'lrrrrr',
    ),
  );
  const met = delivery.all.p95Ms <= CHAT_P95_TARGET_MS ? 'met' : 'MISSED';
  console.log(
    `\nTarget p95 ≤ ${CHAT_P95_TARGET_MS} ms: ${met} (${delivery.all.p95Ms.toFixed(2)} ms).`,
  );
  console.log(
    `Sent at ${result.sentPerSecond}/s; send errors ${result.sendErrors}; lost ${result.lost}, ` +
      `duplicated ${result.duplicated}, out of order ${result.outOfOrder}, missing ` +
      `${result.missing} (every stream, every conversation); stream failures: ` +
      `${result.streamFailures.join('; ') || 'none'}.`,
  );
  const { cpuSeconds: cpu, eventLoopDelay: loop } = result;
  const others = cpu.otherProcesses === null ? 'unknown' : `${cpu.otherProcesses} CPU-s`;
  console.log(
    `Setup (people, chats, streams, pick-ups) took ${result.setupSeconds} s. While measured: ` +
      `event loop delay p99 ${loop.p99Ms} ms, max ${loop.maxMs} ms; this process ` +
      `${cpu.thisProcess} CPU-s, other processes ${others}, in ${cpu.wall} s.`,
  );
}

function printAuthTiming(result: AuthTimingResult): void {
  console.log(
    `\nSign-in paths for an address with an account and one without, ${result.rounds} calls ` +
      'each, alternating; the same answer and a ratio near 1 tell an attacker nothing\n',
  );
  console.log(
    formatTable(
      ['path', 'known', 'unknown', 'statuses', 'known p50 ms', 'unknown p50 ms', 'ratio'],
      result.cases.map((c) => [
        c.path,
        c.known,
        c.unknown,
        c.statuses.join(' / '),
        c.knownMedianMs.toFixed(2),
        c.unknownMedianMs.toFixed(2),
        c.ratio.toFixed(3),
      ]),
      'llllrrr',
    ),
  );
}
