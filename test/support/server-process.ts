import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DATABASE_URL_FILE, TEST_ORIGIN } from './portico.ts';

/** The environment a test server process gets unless a test says otherwise. */
export const PROCESS_ENV = {
  PORT: '0',
  AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
  TRUSTED_ORIGINS: TEST_ORIGIN,
  CHAT_AWAY_AFTER_SECONDS: '0',
  BACKUP_INTERVAL_MINUTES: '0',
  LOG_LEVEL: 'warn',
} as const;

export interface ServerProcess {
  /** The server's base URL, such as http://localhost:41234. */
  readonly url: string;
  readonly child: ChildProcess;
  /** Every line it wrote to stdout and stderr so far, in order. */
  readonly output: string[];
  /** Resolves with the exit code and signal once the process has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal; SIGKILL ends it at once, SIGTERM asks it to finish and stop. */
  kill(signal: NodeJS.Signals): void;
  /** Resolves with the first line written after now that matches, or rejects when it exits. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGTERM, then SIGKILL after a grace period; resolves when it has exited. */
  stop(): Promise<void>;
}

/** The PostgreSQL database a test server on `dataDir` used (see `startTestPortico`), if any. */
function notedDatabase(dataDir: string): Record<string, string> {
  try {
    const url = readFileSync(join(dataDir, DATABASE_URL_FILE), 'utf8').trim();
    return url ? { DATABASE_URL: url } : {};
  } catch {
    return {};
  }
}

/**
 * Runs the real entry point (`backend/main.ts`, no demo) in a child process over `dataDir` (and
 * the PostgreSQL database a test server on it used), on a free port, and resolves once it
 * answers. Node is spawned directly, never through a shell, so a
 * signal reaches the server itself.
 */
export async function startServerProcess(
  dataDir: string,
  env: Record<string, string> = {},
  /** Options for Node itself, before the entry point (such as `--expose-gc`). */
  nodeArgs: readonly string[] = [],
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, 'backend/main.ts'], {
    env: { ...process.env, ...PROCESS_ENV, DATA_DIR: dataDir, ...notedDatabase(dataDir), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const output: string[] = [];
  const listeners = new Set<(line: string) => void>();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      process.off('exit', killOnExit);
      resolve({ code, signal });
    }),
  );
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      for (const listener of listeners) listener(line);
    });
  }
  const waitForLine = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<string>((resolve, reject) => {
      const done = () => {
        listeners.delete(listener);
        clearTimeout(timer);
      };
      const listener = (line: string) => {
        if (!pattern.test(line)) return;
        done();
        resolve(line);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`No line matched ${pattern}:\n${output.join('\n')}`));
      }, timeoutMs);
      listeners.add(listener);
      void exited.then(({ code, signal }) => {
        if (!listeners.has(listener)) return;
        done();
        reject(new Error(`The server exited (${signal ?? code}):\n${output.join('\n')}`));
      });
    });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };
  let url: string;
  try {
    const line = await waitForLine(/^\{"portico"/);
    url = (JSON.parse(line) as { portico: string }).portico;
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  return { url, child, output, exited, kill: (signal) => child.kill(signal), waitForLine, stop };
}
