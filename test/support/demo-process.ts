import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface DemoProcess {
  portico: string;
  demo: string;
  dataDir: string;
  output: string[];
  stop(): Promise<void>;
}

/**
 * Runs Portico as `npm start` does (the real entry point, the demo seed, both servers) in a
 * child process on free ports with a fresh data folder. Node is spawned directly, never
 * through a shell, so stopping it stops the server.
 */
export async function startDemoProcess(env: Record<string, string> = {}): Promise<DemoProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['backend/main.ts', '--with-demo'], {
    env: { ...process.env, PORT: '0', DEMO_PORT: '0', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  process.once('exit', () => child.kill('SIGKILL'));

  const urls = await new Promise<{ portico: string; demo: string }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Portico did not start:\n${output.join('')}`)),
      30_000,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Portico exited with ${code}:\n${output.join('')}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      if (!line.startsWith('{"portico"')) return;
      clearTimeout(timer);
      resolve(JSON.parse(line) as { portico: string; demo: string });
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { ...urls, dataDir, output, stop };
}

/** The agent's side, over plain HTTP from the vendor's origin, as the staff console will call it. */
export async function staffSession(demo: DemoProcess, agent: { email: string; password: string }) {
  const origin = new URL(demo.demo).origin;
  const signIn = await fetch(`${demo.portico}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: agent.email, password: agent.password }),
  });
  assert.equal(signIn.status, 200);
  const cookie = signIn.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return (path: string, input: object) =>
    fetch(`${demo.portico}/api/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, cookie },
      body: JSON.stringify(input),
    });
}
