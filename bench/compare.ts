import { createServer } from 'node:http';
import { closeServer, listenOn } from '../backend/listen.ts';
import { percentile, runLoad, type LoadOptions } from './load.ts';

export interface Comparison {
  bodyBytes: number;
  requestsPerSecond: number;
  bareRequestsPerSecond: number;
  ratioToBare: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/**
 * Loads one GET endpoint of the running portal, then a bare node:http server that sends the
 * same recorded bytes, and compares: the ratio is what the machine's noise cannot move much.
 * `check` must accept the recorded body (a failed call would make the run meaningless).
 */
export async function compareWithBare(
  url: URL,
  headers: Record<string, string>,
  load: LoadOptions,
  check: (body: Buffer) => boolean,
): Promise<Comparison> {
  const recorded = Buffer.from(await (await fetch(url, { headers })).arrayBuffer());
  if (!check(recorded)) throw new Error(`${url.pathname} failed: ${recorded}`);
  const bare = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': recorded.byteLength,
    });
    res.end(recorded);
  });
  const barePort = await listenOn(bare, 0);
  try {
    const bareUrl = new URL(url);
    bareUrl.port = String(barePort);
    const bareRun = await runLoad({ url: bareUrl.href, headers, expectedBody: recorded }, load);
    const run = await runLoad({ url: url.href, headers, expectedBody: recorded }, load);
    const latencies = Float64Array.from(run.latencies).sort();
    const perSecond = (r: { requests: number; seconds: number }) =>
      Math.round(r.requests / r.seconds);
    const round = (value: number) => Math.round(value * 100) / 100;
    return {
      bodyBytes: recorded.byteLength,
      requestsPerSecond: perSecond(run),
      bareRequestsPerSecond: perSecond(bareRun),
      ratioToBare: Math.round((perSecond(run) / perSecond(bareRun)) * 1000) / 1000,
      p50Ms: round(percentile(latencies, 0.5)),
      p99Ms: round(percentile(latencies, 0.99)),
      errors: run.errors,
    };
  } finally {
    await closeServer(bare);
  }
}
