import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { DEMO_SIGN_INS } from '../backend/seed/demo.seed.ts';

/*
 * One load of the host page and what it measured: the probe the page runs before any script,
 * the requests seen over CDP, and the checks that the page worked.
 */

/** Every customer element, in the order a vendor's page might place them. */
export const EMBEDDED = [
  'portico-announcements',
  'portico-notifications',
  'portico-login',
  'portico-account-summary',
  'portico-order-form',
  'portico-ticket-inbox',
  'portico-help-search',
  'portico-chat',
] as const;

/**
 * The page counts as settled once nothing in any element changed and no request (live streams
 * aside) was open for this long.
 */
export const QUIET_MS = 500;
/** A load that has not settled by then is reported as such. */
export const SETTLE_TIMEOUT_MS = 30_000;

export type Session = 'signed out' | 'signed in';
export type Cache = 'cold' | 'warm';

export interface LongTask {
  startMs: number;
  durationMs: number;
  /** What the page probe saw happen inside it, to tell which work it was. */
  during: string[];
}

/** What one page load measured; times are ms on the page's clock (0 = navigation start). */
export interface EmbedLoad {
  /** When the browser asked for portico.js: the script's start. */
  scriptStartMs: number;
  scriptResponseEndMs: number;
  /** The first element whose shadow root got rendered content (an element, or text). */
  firstRenderMs: number;
  firstRenderElement: string;
  /** The last change inside any element's shadow root before the page stayed still. */
  allRenderedMs: number;
  lastRenderedElement: string;
  settled: boolean;
  /** Requests the browser started before the first render (the host page itself not counted). */
  requestsBeforeFirstRender: number;
  /** Of those, the ones not answered from the browser's cache. */
  networkRequestsBeforeFirstRender: number;
  requestsBeforeFirstRenderByType: Record<string, number>;
  /** JavaScript loaded before the first render: as served, and as gzip (level 9) would send it. */
  jsFilesBeforeFirstRender: number;
  jsRawBytesBeforeFirstRender: number;
  jsGzipBytesBeforeFirstRender: number;
  /** Bytes that came over the network before the first render (headers included; 0 from cache). */
  transferredBytesBeforeFirstRender: number;
  requestsUntilSettled: number;
  jsGzipBytesUntilSettled: number;
  /** Requests still open when the page settled: live streams (server-sent events). */
  openStreams: number;
  longTasks: LongTask[];
  /** Per element: when its chunk defined the tag and when its shadow root first had content. */
  elements: Record<string, { definedMs: number | null; firstContentMs: number | null }>;
}

/** Records, from the first line any script runs, what the measurement needs from the page. */
export const PAGE_PROBE = `(() => {
  const probe = { firstRender: null, lastMutation: 0, lastTag: null, defined: {}, content: {}, changes: [], longTasks: [] };
  window.__porticoBench = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      probe.longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const define = CustomElementRegistry.prototype.define;
  CustomElementRegistry.prototype.define = function (name, ...rest) {
    if (name.startsWith('portico-') && !(name in probe.defined)) probe.defined[name] = performance.now();
    return define.call(this, name, ...rest);
  };
  // The outermost Portico element a node renders for, through nested shadow roots.
  const outerHost = (node) => {
    let host = null;
    for (let root = node.getRootNode(); root instanceof ShadowRoot; root = host.getRootNode()) host = root.host;
    return host && host.localName.startsWith('portico-') ? host.localName : null;
  };
  const hasContent = (node) =>
    node.nodeType === Node.ELEMENT_NODE || (node.nodeType === Node.TEXT_NODE && node.data.trim() !== '');
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    const changed = new Set();
    for (const record of records) {
      const tag = outerHost(record.target);
      if (!tag) continue;
      probe.lastMutation = now;
      probe.lastTag = tag;
      if (!changed.has(tag)) probe.changes.push([now, tag]);
      changed.add(tag);
      if (tag in probe.content) continue;
      const added = record.type === 'childList' ? [...record.addedNodes].some(hasContent)
        : record.type === 'characterData' && hasContent(record.target);
      if (!added) continue;
      probe.content[tag] = now;
      performance.mark('portico-rendered:' + tag, { startTime: now });
      if (probe.firstRender === null) {
        probe.firstRender = { tag, at: now };
        performance.mark('portico-first-render', { startTime: now });
      }
    }
  });
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    return root;
  };
})();`;

interface NetworkRequest {
  id: string;
  url: string;
  type: string;
  /** Seconds on the browser's monotonic clock. */
  start: number;
  mimeType: string;
  status: number;
  encodedBytes: number;
  fromCache: boolean;
  finished: boolean;
  /** Why the browser gave up on it (not set for requests it cancelled itself). */
  failure?: string;
  body?: Buffer;
}

/** Follows every request of a page over CDP; bodies of scripts are read when they finish. */
export class NetworkLog {
  readonly requests = new Map<string, NetworkRequest>();
  lastActivity = performance.now();
  private readonly reading: Promise<void>[] = [];

  constructor(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (event) => {
      this.lastActivity = performance.now();
      // A redirect reuses the id; the final request is the one that counts.
      this.requests.set(event.requestId, {
        id: event.requestId,
        url: event.request.url,
        type: event.type ?? 'Other',
        start: event.timestamp,
        mimeType: '',
        status: 0,
        encodedBytes: 0,
        fromCache: false,
        finished: false,
      });
    });
    cdp.on('Network.responseReceived', (event) => {
      this.lastActivity = performance.now();
      const request = this.requests.get(event.requestId);
      if (!request) return;
      request.mimeType = event.response.mimeType;
      request.status = event.response.status;
      if (event.response.fromDiskCache) request.fromCache = true;
    });
    const finish = (requestId: string, encodedBytes: number) => {
      this.lastActivity = performance.now();
      const request = this.requests.get(requestId);
      if (!request) return;
      request.finished = true;
      request.encodedBytes = encodedBytes;
      // Scripts to size them; the session's answer to check who the page is signed in as.
      if (request.type === 'Script' || request.url.includes('session.me')) {
        this.reading.push(
          cdp.send('Network.getResponseBody', { requestId }).then(
            ({ body, base64Encoded }) => {
              request.body = Buffer.from(body, base64Encoded ? 'base64' : 'utf8');
            },
            () => {},
          ),
        );
      }
    };
    cdp.on('Network.requestServedFromCache', (event) => {
      const request = this.requests.get(event.requestId);
      if (request) request.fromCache = true;
    });
    cdp.on('Network.loadingFinished', (event) => finish(event.requestId, event.encodedDataLength));
    cdp.on('Network.loadingFailed', (event) => {
      const request = this.requests.get(event.requestId);
      if (request && !event.canceled) request.failure = event.errorText;
      finish(event.requestId, 0);
    });
  }

  /** Requests still open that are not live streams. */
  pending(): number {
    return [...this.requests.values()].filter((request) => !request.finished && !isStream(request))
      .length;
  }

  async bodies(): Promise<void> {
    await Promise.all(this.reading);
  }

  clear(): void {
    this.requests.clear();
    this.reading.length = 0;
  }
}

function isStream(request: NetworkRequest): boolean {
  return request.mimeType === 'text/event-stream' || request.type === 'EventSource';
}

const gzipCache = new Map<string, number>();
function gzipBytes(body: Buffer): number {
  const key = body.toString('latin1');
  let size = gzipCache.get(key);
  if (size === undefined) {
    size = gzipSync(body, { level: 9 }).byteLength;
    gzipCache.set(key, size);
  }
  return size;
}

interface Probe {
  firstRender: { tag: string; at: number } | null;
  lastMutation: number;
  lastTag: string | null;
  defined: Record<string, number>;
  content: Record<string, number>;
  /** When each element's shadow roots changed, one entry per element per observer callback. */
  changes: [number, string][];
  longTasks: { startMs: number; durationMs: number }[];
}

export async function load(
  page: Page,
  cdp: CDPSession,
  network: NetworkLog,
  url: string,
  scriptUrl: string,
  session: Session,
): Promise<EmbedLoad> {
  network.clear();
  await page.goto(url, { waitUntil: 'load' });
  const started = performance.now();
  let settled = false;
  for (;;) {
    // Only what the wait needs: reading the whole probe would be more work on the page.
    const state = await page.evaluate((tags) => {
      const { defined, firstRender, lastMutation } = (
        window as unknown as { __porticoBench: Probe }
      ).__porticoBench;
      return {
        quietFor: performance.now() - lastMutation,
        rendered: firstRender !== null,
        defined: tags.every((tag) => tag in defined),
      };
    }, EMBEDDED);
    const quietNetwork =
      network.pending() === 0 && performance.now() - network.lastActivity >= QUIET_MS;
    if (state.defined && state.rendered && state.quietFor >= QUIET_MS && quietNetwork) {
      settled = true;
      break;
    }
    if (performance.now() - started > SETTLE_TIMEOUT_MS) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const probe = await page.evaluate(
    () => (window as unknown as { __porticoBench: Probe }).__porticoBench,
  );
  const { metrics } = await cdp.send('Performance.getMetrics');
  const navigationStart = metrics.find((metric) => metric.name === 'NavigationStart')!.value;
  const script = await page.evaluate((name) => {
    const entry = performance.getEntriesByName(name)[0] as PerformanceResourceTiming | undefined;
    return entry ? { start: entry.startTime, end: entry.responseEnd } : null;
  }, scriptUrl);
  if (!script) throw new Error(`The page did not load ${scriptUrl}.`);
  await network.bodies();
  if (!probe.firstRender) throw new Error('No Portico element rendered on the host page.');
  const firstRender = probe.firstRender.at;
  // The host page's own requests (the page, its icon) are the vendor's, not Portico's.
  const pageOrigin = new URL(url).origin;
  const all = [...network.requests.values()].filter(
    (request) => new URL(request.url).origin !== pageOrigin,
  );
  checkPage(all, session);
  const before = all.filter((request) => (request.start - navigationStart) * 1000 <= firstRender);
  const scripts = (list: NetworkRequest[]) =>
    list.filter((request) => request.type === 'Script' && request.body);
  const byType: Record<string, number> = {};
  for (const request of before) byType[request.type] = (byType[request.type] ?? 0) + 1;
  const jsBefore = scripts(before);
  return {
    scriptStartMs: script.start,
    scriptResponseEndMs: script.end,
    firstRenderMs: firstRender,
    firstRenderElement: probe.firstRender.tag,
    allRenderedMs: probe.lastMutation,
    lastRenderedElement: probe.lastTag ?? '',
    settled,
    requestsBeforeFirstRender: before.length,
    networkRequestsBeforeFirstRender: before.filter((request) => !request.fromCache).length,
    requestsBeforeFirstRenderByType: byType,
    jsFilesBeforeFirstRender: jsBefore.length,
    jsRawBytesBeforeFirstRender: jsBefore.reduce((sum, r) => sum + r.body!.byteLength, 0),
    jsGzipBytesBeforeFirstRender: jsBefore.reduce((sum, r) => sum + gzipBytes(r.body!), 0),
    transferredBytesBeforeFirstRender: before.reduce((sum, r) => sum + r.encodedBytes, 0),
    requestsUntilSettled: all.length,
    jsGzipBytesUntilSettled: scripts(all).reduce((sum, r) => sum + gzipBytes(r.body!), 0),
    openStreams: all.filter((request) => !request.finished && isStream(request)).length,
    longTasks: probe.longTasks
      .filter((task) => task.startMs <= probe.lastMutation + QUIET_MS)
      .map((task) => ({
        startMs: round(task.startMs),
        durationMs: round(task.durationMs),
        during: happenedDuring(probe, task),
      })),
    elements: Object.fromEntries(
      EMBEDDED.map((tag) => [
        tag,
        {
          definedMs: probe.defined[tag] === undefined ? null : round(probe.defined[tag]),
          firstContentMs: probe.content[tag] === undefined ? null : round(probe.content[tag]),
        },
      ]),
    ),
  };
}

/**
 * Numbers from a broken page would mean nothing: every request must have succeeded, and the
 * session's answer must name the demo customer exactly when the page is meant to be signed in.
 */
function checkPage(requests: NetworkRequest[], session: Session): void {
  const failed = requests.filter((request) => request.failure || request.status >= 400);
  if (failed.length) {
    const list = failed.map((request) => `${request.failure ?? request.status} ${request.url}`);
    throw new Error(`Requests of the host page failed:\n${list.join('\n')}`);
  }
  const answer = requests.find((request) => request.url.includes('session.me') && request.body);
  if (!answer) throw new Error('The host page never asked the backend who is signed in.');
  const named = answer.body!.toString('utf8').includes(DEMO_SIGN_INS.customer.email);
  if (named !== (session === 'signed in')) {
    throw new Error(`The host page was meant to be ${session}, but session.me answered otherwise.`);
  }
}

/**
 * What the probe saw happen inside a long task: the loader starting (it defines
 * `<portico-portal>` first), an element's chunk defining its tag, an element's first content,
 * later changes to what an element shows (data arriving).
 */
function happenedDuring(probe: Probe, task: { startMs: number; durationMs: number }): string[] {
  const inside = (at: number | undefined) =>
    at !== undefined && at >= task.startMs && at <= task.startMs + task.durationMs;
  const seen: string[] = [];
  if (inside(probe.defined['portico-portal'])) seen.push('loader start');
  for (const tag of EMBEDDED) {
    if (inside(probe.defined[tag])) seen.push(`${tag} defined`);
    if (inside(probe.content[tag])) seen.push(`${tag} rendered`);
    else if (probe.changes.some(([at, changed]) => changed === tag && inside(at))) {
      seen.push(`${tag} changed`);
    }
  }
  return seen;
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
