import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
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

/**
 * The newest code mailed to `to` after `since` (ms), read from the demo's outbox (the demo has
 * no SMTP server: each mail is an .eml file in the data folder), waiting up to ten seconds.
 */
export async function mailedCode(demo: DemoProcess, to: string, since: number): Promise<string> {
  const outbox = join(demo.dataDir, 'mail');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const files = await readdir(outbox).catch(() => [] as string[]);
    for (const name of files.sort().reverse()) {
      const path = join(outbox, name);
      if ((await stat(path)).mtimeMs < since - 1_000) continue;
      const mail = await simpleParser(await readFile(path));
      const addressed = JSON.stringify(mail.to ?? '').includes(to);
      const code = /\b(\d{6})\b/.exec(mail.text ?? '')?.[1];
      if (addressed && code && /code/i.test(mail.subject ?? '')) return code;
    }
    if (Date.now() > deadline) throw new Error(`No code was mailed to ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A person's side over plain HTTP from the vendor's origin, as the elements call it. Staff
 * finish the second step with the security code the demo mails them.
 */
export async function staffSession(demo: DemoProcess, person: { email: string; password: string }) {
  const origin = new URL(demo.demo).origin;
  let cookie = '';
  const post = async (path: string, body: object) => {
    const response = await fetch(`${demo.portico}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, cookie },
      body: JSON.stringify(body),
    });
    const fresh = response.headers.getSetCookie().map((line) => line.split(';')[0]!);
    if (fresh.length) cookie = fresh.join('; ');
    return response;
  };
  const signIn = await post('/api/auth/sign-in/email', {
    email: person.email,
    password: person.password,
  });
  assert.equal(signIn.status, 200);
  const answer = (await signIn.json()) as { twoFactorRedirect?: boolean };
  if (answer.twoFactorRedirect) {
    const since = Date.now();
    assert.equal((await post('/api/auth/two-factor/send-otp', {})).status, 200);
    const code = await mailedCode(demo, person.email, since);
    assert.equal((await post('/api/auth/two-factor/verify-otp', { code })).status, 200);
  }
  return (path: string, input: object) => post(`/api/trpc/${path}`, input);
}

/**
 * Signs a person in with the page's `<portico-login>` as they would: email and password, then,
 * for staff, the code the demo mailed them.
 */
export async function signInOnPage(
  demo: DemoProcess,
  page: Page,
  person: { email: string; password: string },
): Promise<void> {
  const login = page.locator('portico-login');
  await login.getByLabel('Email').fill(person.email);
  await login.getByLabel('Password', { exact: true }).fill(person.password);
  const since = Date.now();
  await login.getByRole('button', { name: 'Sign in' }).click();
  const signedIn = login.getByRole('button', { name: 'Sign out' });
  // Someone whose only security codes come by mail is sent one as the code step opens.
  const codeField = login.getByLabel('Code from the email');
  await signedIn.or(codeField).waitFor();
  if (await codeField.isVisible()) {
    await codeField.fill(await mailedCode(demo, person.email, since));
    await login.getByRole('button', { name: 'Verify' }).click();
  }
  await signedIn.waitFor();
}
