import { Agent, request } from 'node:http';

/**
 * The benchmarks' server settings. Every load comes from this one machine's address, which may
 * hold only a quarter of the request slots; with 128 slots its 32 cover the 20 to 32 connections
 * a measurement opens, so they measure the server, not the per-address queue that stands in for
 * other clients.
 */
export const BENCH_ENV = { MAX_CONCURRENT_REQUESTS: '128' } as const;

export interface Target {
  url: string;
  headers: Record<string, string>;
  /** The body every answer must carry; anything else counts as an error. */
  expectedBody: Buffer;
}

export interface LoadOptions {
  concurrency: number;
  warmupRequests: number;
  requests: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  /** Milliseconds per request, one entry per measured request. */
  latencies: Float64Array;
}

/**
 * Sends `requests` GETs over `concurrency` keep-alive connections, each connection sending its
 * next request as soon as the previous answer has been read. A warm-up on the same connections
 * comes first, so connection setup and JIT warm-up stay out of the measured part.
 */
export async function runLoad(target: Target, options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  try {
    await drive(target, agent, options.concurrency, options.warmupRequests);
    const started = performance.now();
    const result = await drive(target, agent, options.concurrency, options.requests);
    return { ...result, seconds: (performance.now() - started) / 1000 };
  } finally {
    agent.destroy();
  }
}

async function drive(
  target: Target,
  agent: Agent,
  concurrency: number,
  total: number,
): Promise<Omit<LoadResult, 'seconds'>> {
  const url = new URL(target.url);
  const latencies = new Float64Array(total);
  let issued = 0;
  let errors = 0;
  const worker = async () => {
    while (issued < total) {
      const index = issued++;
      const started = performance.now();
      const ok = await get(url, target, agent);
      latencies[index] = performance.now() - started;
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { requests: total, errors, latencies };
}

function get(url: URL, target: Target, agent: Agent): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        headers: target.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve(res.statusCode === 200 && Buffer.concat(chunks).equals(target.expectedBody)),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The value below which `fraction` of the samples lie (nearest rank). */
export function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}
