import { createServer } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Browser, BrowserContext } from 'playwright-core';
import { closeServer, listenOn } from '../backend/listen.ts';
import { DEMO_SIGN_INS, seedDemo } from '../backend/seed/demo.seed.ts';
import { launchChromium } from '../test/support/browser.ts';
import { startTestPortico, type TestPortico } from '../test/support/portico.ts';
import {
  EMBEDDED,
  load,
  NetworkLog,
  PAGE_PROBE,
  QUIET_MS,
  round,
  SETTLE_TIMEOUT_MS,
  type Cache,
  type EmbedLoad,
  type LongTask,
  type Session,
} from './embed.load.ts';
import { formatTable } from './table.ts';

/** The CPU slowdown the long-task target is about, and the longest a task may take there. */
const SLOWDOWN = 4;
const LONG_TASK_TARGET_MS = 50;

interface Summary {
  session: Session;
  cache: Cache;
  slowdown: number;
  runs: number;
  settledRuns: number;
  firstRenderElement: string;
  lastRenderedElement: string;
  requestsBeforeFirstRender: number;
  networkRequestsBeforeFirstRender: number;
  requestsBeforeFirstRenderByType: Record<string, number>;
  jsFilesBeforeFirstRender: number;
  jsGzipBytesBeforeFirstRender: number;
  jsRawBytesBeforeFirstRender: number;
  transferredBytesBeforeFirstRender: number;
  requestsUntilSettled: number;
  jsGzipBytesUntilSettled: number;
  openStreams: number;
  navigationToFirstRenderMs: number;
  scriptStartToFirstRenderMs: number;
  scriptStartToAllRenderedMs: number;
  /** When portico.js had arrived (its Resource Timing `responseEnd`), from navigation. */
  navigationToScriptLoadedMs: number;
  /**
   * Per element, from navigation: when its tag was defined and when its shadow root first had
   * content (null when it never had any: a bell hidden from visitors, no announcements).
   */
  elements: Record<string, { definedMs: number | null; firstContentMs: number | null }>;
  /** Median count; the longest and those over the target across all runs; the worst run's. */
  longTasks: {
    count: number;
    longestMs: number;
    overTarget: number;
    worstRun: LongTask[];
  };
}

export interface EmbedResult {
  elements: readonly string[];
  definitions: Record<string, string>;
  runs: Record<string, number>;
  /**
   * The machine's one-minute load average as the part began and ended, against its cores:
   * other work on the machine (a test run, a build) slows the browser and shows up here.
   */
  load: { cores: number; before: number; after: number };
  results: Summary[];
  longTaskTarget: {
    slowdown: number;
    maxMs: number;
    /** Whether no load at that slowdown had a task over the target. */
    met: boolean;
    longestMs: number;
    /** The long tasks of the load that had the longest one, for finding it. */
    worstLoad: { session: Session; cache: Cache; tasks: LongTask[] };
  };
  seconds: number;
}

function hostPage(scriptUrl: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>A vendor's page with every Portico element</title>
    <script type="module" src="${scriptUrl}"></script>
  </head>
  <body>
    <header><h1>Nordlicht Supply</h1></header>
    <portico-announcements></portico-announcements>
    <nav><portico-notifications></portico-notifications></nav>
    <main>
      <portico-login></portico-login>
      <portico-account-summary></portico-account-summary>
      <portico-order-form></portico-order-form>
      <portico-ticket-inbox></portico-ticket-inbox>
      <portico-help-search></portico-help-search>
    </main>
    <portico-chat></portico-chat>
  </body>
</html>
`;
}

/** One fresh browser context: a cold load, then the same page again with the cache warm. */
async function coldAndWarm(
  browser: Browser,
  site: EmbedHost,
  session: Session,
  slowdown: number,
): Promise<Record<Cache, EmbedLoad>> {
  const { pageUrl: url, scriptUrl } = site;
  const context = await browser.newContext();
  try {
    if (session === 'signed in') await context.addCookies(site.signedIn);
    await context.addInitScript(PAGE_PROBE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const network = new NetworkLog(cdp);
    await cdp.send('Network.enable');
    await cdp.send('Performance.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    const cold = await load(page, cdp, network, url, scriptUrl, session);
    const warm = await load(page, cdp, network, url, scriptUrl, session);
    return { cold, warm };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

function summarize(session: Session, cache: Cache, slowdown: number, loads: EmbedLoad[]): Summary {
  const med = (pick: (load: EmbedLoad) => number) => round(median(loads.map(pick)));
  const types = new Set(loads.flatMap((load) => Object.keys(load.requestsBeforeFirstRenderByType)));
  const tasks = loads.flatMap((load) => load.longTasks);
  const longest = (load: EmbedLoad) =>
    Math.max(0, ...load.longTasks.map((task) => task.durationMs));
  const worstRun = loads.reduce((worst, load) => (longest(load) > longest(worst) ? load : worst));
  return {
    session,
    cache,
    slowdown,
    runs: loads.length,
    settledRuns: loads.filter((load) => load.settled).length,
    firstRenderElement: mostCommon(loads.map((load) => load.firstRenderElement)),
    lastRenderedElement: mostCommon(loads.map((load) => load.lastRenderedElement)),
    requestsBeforeFirstRender: med((load) => load.requestsBeforeFirstRender),
    networkRequestsBeforeFirstRender: med((load) => load.networkRequestsBeforeFirstRender),
    requestsBeforeFirstRenderByType: Object.fromEntries(
      [...types]
        .sort()
        .map((type) => [type, med((load) => load.requestsBeforeFirstRenderByType[type] ?? 0)]),
    ),
    jsFilesBeforeFirstRender: med((load) => load.jsFilesBeforeFirstRender),
    jsGzipBytesBeforeFirstRender: med((load) => load.jsGzipBytesBeforeFirstRender),
    jsRawBytesBeforeFirstRender: med((load) => load.jsRawBytesBeforeFirstRender),
    transferredBytesBeforeFirstRender: med((load) => load.transferredBytesBeforeFirstRender),
    requestsUntilSettled: med((load) => load.requestsUntilSettled),
    jsGzipBytesUntilSettled: med((load) => load.jsGzipBytesUntilSettled),
    openStreams: med((load) => load.openStreams),
    navigationToFirstRenderMs: med((load) => load.firstRenderMs),
    scriptStartToFirstRenderMs: med((load) => load.firstRenderMs - load.scriptStartMs),
    scriptStartToAllRenderedMs: med((load) => load.allRenderedMs - load.scriptStartMs),
    navigationToScriptLoadedMs: med((load) => load.scriptResponseEndMs),
    elements: Object.fromEntries(
      EMBEDDED.map((tag) => {
        const times = (pick: 'definedMs' | 'firstContentMs') => {
          const known = loads.map((load) => load.elements[tag]![pick]).filter((at) => at !== null);
          return known.length ? round(median(known)) : null;
        };
        return [tag, { definedMs: times('definedMs'), firstContentMs: times('firstContentMs') }];
      }),
    ),
    longTasks: {
      count: med((load) => load.longTasks.length),
      longestMs: round(Math.max(0, ...tasks.map((task) => task.durationMs))),
      overTarget: tasks.filter((task) => task.durationMs > LONG_TASK_TARGET_MS).length,
      worstRun: worstRun.longTasks,
    },
  };
}

export interface EmbedHost {
  /** The vendor's page, on its own origin. */
  pageUrl: string;
  scriptUrl: string;
  /** The demo customer's session cookies, for a browser context that should be signed in. */
  signedIn: Parameters<BrowserContext['addCookies']>[0];
  close(): Promise<void>;
}

/**
 * The real backend with the demo vendor's data, and a host page on another origin of the same
 * site (another port of localhost, as a portal on the vendor's subdomain would be).
 */
export async function startEmbedHost(): Promise<EmbedHost> {
  let scriptUrl = '';
  const host = createServer((req, res) => {
    if (req.url !== '/') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(hostPage(scriptUrl));
  });
  const hostPort = await listenOn(host, 0, '127.0.0.1');
  const pageUrl = `http://localhost:${hostPort}/`;
  let portico: TestPortico | undefined;
  try {
    portico = await startTestPortico({
      env: { TRUSTED_ORIGINS: new URL(pageUrl).origin },
      sqlite: true,
    });
    await seedDemo(portico.services);
    const origin = new URL(portico.url).origin;
    scriptUrl = `${origin}/portico.js`;
    const client = portico.client();
    const { customer } = DEMO_SIGN_INS;
    const signIn = await client.post('/api/auth/sign-in/email', {
      email: customer.email,
      password: customer.password,
    });
    if (!signIn.ok) throw new Error(`The demo customer could not sign in: ${signIn.status}`);
    const signedIn = [...client.cookies].map(([name, value]) => ({
      name,
      value,
      url: origin,
      httpOnly: true,
      sameSite: 'Lax' as const,
    }));
    const running = portico;
    return {
      pageUrl,
      scriptUrl,
      signedIn,
      async close() {
        await running.close();
        await closeServer(host);
      },
    };
  } catch (error) {
    await portico?.close();
    await closeServer(host);
    throw error;
  }
}

/**
 * Loads a vendor's page that embeds every customer element from another origin, signed out
 * and signed in as the demo customer, each in a fresh browser context (cold cache) and then
 * again in the same one (warm cache), at full speed and with the CPU slowed down four times.
 */
export async function measureEmbed(options: {
  runs: number;
  slowRuns: number;
}): Promise<EmbedResult> {
  const began = performance.now();
  const loadBefore = loadavg()[0]!;
  const site = await startEmbedHost();
  const { pageUrl, scriptUrl } = site;
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    // The first load after the browser starts pays for starting its processes: not counted.
    await coldAndWarm(browser, site, 'signed out', 1);

    const results: Summary[] = [];
    const worst = {
      longest: 0,
      session: 'signed out' as Session,
      cache: 'cold' as Cache,
      tasks: [] as EmbedLoad['longTasks'],
    };
    for (const slowdown of [1, SLOWDOWN]) {
      const runs = slowdown === 1 ? options.runs : options.slowRuns;
      for (const session of ['signed out', 'signed in'] as const) {
        const loads: Record<Cache, EmbedLoad[]> = { cold: [], warm: [] };
        for (let run = 0; run < runs; run++) {
          const pair = await coldAndWarm(browser, site, session, slowdown);
          for (const cache of ['cold', 'warm'] as const) {
            loads[cache].push(pair[cache]);
            if (slowdown !== SLOWDOWN) continue;
            for (const task of pair[cache].longTasks) {
              if (task.durationMs <= worst.longest) continue;
              Object.assign(worst, {
                longest: task.durationMs,
                session,
                cache,
                tasks: pair[cache].longTasks,
              });
            }
          }
        }
        for (const cache of ['cold', 'warm'] as const) {
          results.push(summarize(session, cache, slowdown, loads[cache]));
        }
      }
    }
    return {
      elements: EMBEDDED,
      definitions: {
        host: `${pageUrl} (host page) embedding ${scriptUrl}: two origins of one site`,
        firstRender:
          'the first moment any Portico element’s shadow root (or one nested in it) received an element or non-blank text, seen by a MutationObserver attached as each shadow root is created; marked portico-first-render',
        allRendered: `the last change inside any Portico element’s shadow roots, once all ${EMBEDDED.length} tags are defined and nothing changed and no request (other than live streams) was open for ${QUIET_MS} ms`,
        scriptStart:
          'startTime of the Resource Timing entry of portico.js (the browser asks for it)',
        jsGzip:
          'the server sends JavaScript uncompressed; each script body is gzipped here at level 9, as a compressing proxy or CDN would send it',
        requests:
          'every request CDP saw start before the first render, the host page itself not counted (CORS preflights are counted where Chromium reports them)',
        cold: 'a fresh browser context (empty cache, no cookies but the session’s)',
        warm: 'the same page loaded again in that context',
        longTasks: `PerformanceObserver 'longtask' entries from navigation until the page settled, with Emulation.setCPUThrottlingRate ${SLOWDOWN}`,
      },
      runs: { fullSpeed: options.runs, slowedDown: options.slowRuns },
      load: {
        cores: availableParallelism(),
        before: round(loadBefore),
        after: round(loadavg()[0]!),
      },
      results,
      longTaskTarget: {
        slowdown: SLOWDOWN,
        maxMs: LONG_TASK_TARGET_MS,
        met: worst.longest <= LONG_TASK_TARGET_MS,
        longestMs: worst.longest,
        worstLoad: { session: worst.session, cache: worst.cache, tasks: worst.tasks },
      },
      seconds: round((performance.now() - began) / 1000),
    };
  } finally {
    await browser?.close();
    await site.close();
  }
}

export function printEmbed(result: EmbedResult): void {
  const target = result.longTaskTarget;
  console.log(
    `\nA vendor's page embedding all ${result.elements.length} customer elements from another ` +
      `origin of the same site; medians of ${result.runs.fullSpeed} fresh browser contexts at ` +
      `full speed and ${result.runs.slowedDown} with the CPU slowed ${target.slowdown}×, each ` +
      'loading the page cold and then again warm\n',
  );
  console.log(
    formatTable(
      [
        'session',
        'cache',
        'CPU',
        'requests (network)',
        'JS files',
        'JS gzip B',
        'nav → first ms',
        'script → first ms',
        'script → all ms',
        'long tasks',
        'longest ms',
      ],
      result.results.map((row) => [
        row.session,
        row.cache,
        `${row.slowdown}×`,
        `${row.requestsBeforeFirstRender} (${row.networkRequestsBeforeFirstRender})`,
        row.jsFilesBeforeFirstRender,
        row.jsGzipBytesBeforeFirstRender,
        row.navigationToFirstRenderMs.toFixed(0),
        row.scriptStartToFirstRenderMs.toFixed(0),
        row.scriptStartToAllRenderedMs.toFixed(0),
        row.longTasks.count,
        row.longTasks.longestMs.toFixed(0),
      ]),
      'lllrrrrrrrr',
    ),
  );
  const unsettled = result.results.filter((row) => row.settledRuns < row.runs);
  for (const row of unsettled) {
    console.log(
      `\n${row.session}, ${row.cache}, ${row.slowdown}×: ${row.runs - row.settledRuns} of ` +
        `${row.runs} loads never stayed still within ${SETTLE_TIMEOUT_MS / 1000} s; "all" is ` +
        'their last change before the bench stopped waiting.',
    );
  }
  const first = mostCommon(result.results.map((row) => row.firstRenderElement));
  console.log(
    `\nRequests, JS files and gzipped JS (what the server sends uncompressed, gzipped here at ` +
      `level 9) count what started before the first render, the host page not counted; ` +
      `"network" leaves out answers from the browser's cache. Script = the browser asking for ` +
      `portico.js; first = the first element with content in its shadow root (mostly <${first}>); ` +
      `all = the last change in any element before the page stayed still for ${QUIET_MS} ms. ` +
      'Long tasks: median count per load, and the longest in any load.',
  );
  console.log(
    `Long tasks at ${target.slowdown}× (target: none over ${target.maxMs} ms): ` +
      `${target.met ? 'met' : 'MISSED'}; longest ${target.longestMs.toFixed(0)} ms ` +
      `(${target.worstLoad.session}, ${target.worstLoad.cache}). The part took ${result.seconds} s; ` +
      `load average ${result.load.before} before and ${result.load.after} after, on ` +
      `${result.load.cores} cores (other work on the machine slows every number here).`,
  );
  console.log(
    `That load's long tasks, with what happened in each:\n` +
      target.worstLoad.tasks
        .map(
          (task) =>
            `  at ${task.startMs.toFixed(0)} ms, ${task.durationMs.toFixed(0)} ms: ` +
            (task.during.join(', ') || 'no element defined or rendered'),
        )
        .join('\n'),
  );
}
