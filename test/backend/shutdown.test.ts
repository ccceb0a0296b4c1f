import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest, get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import {
  DATABASE_URL_FILE,
  onPostgres,
  startTestPortico,
  TEST_ORIGIN,
  type TestClient,
} from '../support/portico.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { png } from '../support/files.ts';
import { openLiveStream } from '../support/live-stream.ts';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A POST whose body is only half sent: it resolves once the server has read its headers and is
 * handling it (the server's `100 Continue` says so), and `finish` sends the rest and reads the
 * answer. Each has its own connection, as separate browsers would.
 */
async function heldRequest(
  base: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<{ finish(): Promise<Answer> }> {
  const request = httpRequest(new URL(path, base), {
    method: 'POST',
    agent: false,
    headers: { ...headers, 'content-length': String(body.length), expect: '100-continue' },
  });
  const answered = new Promise<Answer>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(parts).toString('utf8'),
        }),
      );
    });
  });
  // Read by the test only through `finish`; an early failure must not go unhandled meanwhile.
  answered.catch(() => {});
  await new Promise<void>((resolve, reject) => {
    request.once('continue', resolve);
    request.once('error', reject);
    request.flushHeaders();
  });
  const half = Math.floor(body.length / 2);
  request.write(body.subarray(0, half));
  return {
    finish() {
      request.end(body.subarray(half));
      return answered;
    },
  };
}

function multipartPng(name: string, bytes: Buffer): { type: string; body: Buffer } {
  const boundary = `----portico-${name}`;
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
          'Content-Type: image/png\r\n\r\n',
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

/** How many of the uploads are in the PostgreSQL database the server on `dataDir` used. */
async function uploadsIn(dataDir: string, ids: readonly string[]): Promise<number> {
  const url = (await readFile(join(dataDir, DATABASE_URL_FILE), 'utf8')).trim();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      'select count(*)::int as n from upload where id = any($1)',
      [ids],
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

const cookieOf = (client: TestClient) =>
  [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');

/** Whether a brand-new connection to the server is refused. */
function connectionRefused(base: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = httpGet(new URL('/healthz', base), { agent: false }, (response) => {
      response.resume();
      resolve(false);
    });
    probe.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/**
 * A real SMTP server that holds every connection before its greeting until `release`, so a mail
 * can be caught half-sent; it keeps the recipients of every message it accepts.
 */
async function heldMailServer() {
  const recipients: string[] = [];
  let connected!: () => void;
  const firstConnection = new Promise<void>((resolve) => (connected = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect: (_session, callback) => {
      connected();
      void released.then(() => callback());
    },
    onData: (stream, session, callback) => {
      stream.resume();
      stream.on('end', () => {
        recipients.push(...session.envelope.rcptTo.map((to) => to.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    recipients,
    firstConnection,
    release,
    stop: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

describe('graceful shutdown', () => {
  let dataDir: string;
  let cookie: string;
  let server: ServerProcess;
  const started: ServerProcess[] = [];
  const start = async (env: Record<string, string>) => {
    server = await startServerProcess(dataDir, env);
    started.push(server);
    return server;
  };

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'portico-shutdown-'));
    const portico = await startTestPortico({ dataDir });
    cookie = cookieOf(await portico.personWithSession({ email: 'anna@cafe.test', name: 'Anna' }));
    await portico.close();
  });

  after(async () => {
    for (const each of started) {
      each.kill('SIGKILL');
      await each.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it(`on SIGTERM finishes every request in flight, ends live streams with a reconnect hint, ${onPostgres ? 'keeps every upload' : 'empties the WAL'} and exits 0`, async () => {
    await start({
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_SECONDS: '60',
    });
    const base = server.url;
    const stream = await openLiveStream((path, init) =>
      fetch(new URL(path, base), {
        ...init,
        headers: { ...(init.headers as Record<string, string>), cookie, origin: TEST_ORIGIN },
      }),
    );
    const uploads = await Promise.all(
      [0, 1, 2].map((n) => {
        const { type, body } = multipartPng(`photo-${n}.png`, png(8, [n * 60, 90, 200]));
        return heldRequest(
          base,
          '/api/trpc/file.upload',
          { 'content-type': type, cookie, origin: TEST_ORIGIN },
          body,
        );
      }),
    );
    const calls = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        heldRequest(
          base,
          n % 2 ? '/api/trpc/ticket.list' : '/api/trpc/catalog.list',
          { 'content-type': 'application/json', cookie, origin: TEST_ORIGIN },
          Buffer.from('{}'),
        ),
      ),
    );

    const stopping = server.waitForLine(/no new connections/);
    server.kill('SIGTERM');
    const logged = JSON.parse(await stopping) as { inFlight: number };
    assert.ok(logged.inFlight >= 15, `requests in flight at the stop: ${logged.inFlight}`);
    assert.equal(await connectionRefused(base), true, 'a new connection is refused');

    const streamed = await stream.rest();
    assert.match(streamed, /^retry: \d+$/m, 'the stream ends with a reconnect hint');

    const uploaded = await Promise.all(uploads.map((upload) => upload.finish()));
    const answered = await Promise.all(calls.map((call) => call.finish()));
    for (const answer of [...uploaded, ...answered]) {
      assert.equal(answer.status, 200, answer.body);
      assert.ok(JSON.parse(answer.body).result, answer.body);
      // The connection is not kept for another request to a server that is going away.
      assert.equal(answer.headers.connection, 'close');
    }
    // A customer's call: the session was read after the stop began.
    assert.ok(JSON.parse(answered[1]!.body).result.data.items, answered[1]!.body);

    assert.deepEqual(await server.exited, { code: 0, signal: null });
    assert.ok(server.output.some((line) => line === 'SIGTERM: stopping'));

    const ids = uploaded.map((answer) => JSON.parse(answer.body).result.data.id as string);
    if (onPostgres) {
      // The server's own files, and their log, belong to PostgreSQL: only the rows are ours.
      assert.equal(
        await uploadsIn(dataDir, ids),
        3,
        'every acknowledged upload is in the database',
      );
      return;
    }
    const wal = join(dataDir, 'portico.db-wal');
    assert.ok(!existsSync(wal) || statSync(wal).size === 0, 'the write-ahead log is empty');
    const db = new SqliteDatabase(join(dataDir, 'portico.db'), { readonly: true });
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      const kept = db
        .prepare(`SELECT id FROM upload WHERE id IN (${ids.map(() => '?').join(',')})`)
        .all(...ids);
      assert.equal(kept.length, 3, 'every acknowledged upload is in the database');
    } finally {
      db.close();
    }
  });

  it('waits for a mail a request left sending after its answer before it closes the mailer', async () => {
    const smtp = await heldMailServer();
    try {
      await start({ LOG_LEVEL: 'info', SHUTDOWN_GRACE_SECONDS: '30', SMTP_URL: smtp.url });
      const invited = await fetch(new URL('/api/trpc/account.invite', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: TEST_ORIGIN },
        body: JSON.stringify({
          email: 'pavel@cafe.test',
          role: 'viewer',
          returnTo: `${TEST_ORIGIN}/account.html`,
        }),
      });
      assert.equal(invited.status, 200, await invited.text());
      // Answered; the invitation mail is still on its way to a mail server that is slow.
      await smtp.firstConnection;
      const waiting = server.waitForLine(/finishing the work requests left running/);
      server.kill('SIGTERM');
      const line = JSON.parse(await waiting) as { pending: number };
      assert.equal(line.pending, 1);
      smtp.release();
      assert.deepEqual(await server.exited, { code: 0, signal: null });
      assert.deepEqual(smtp.recipients, ['pavel@cafe.test']);
    } finally {
      smtp.release();
      await smtp.stop();
    }
  });

  it('cuts off a request that outlasts SHUTDOWN_GRACE_SECONDS, then still exits 0 (SIGINT too)', async () => {
    await start({ SHUTDOWN_GRACE_SECONDS: '1' });
    const { type, body } = multipartPng('stuck.png', png(8));
    const stuck = await heldRequest(
      server.url,
      '/api/trpc/file.upload',
      { 'content-type': type, cookie, origin: TEST_ORIGIN },
      body,
    );
    const cutOff = server.waitForLine(/were cut off/);
    server.kill('SIGINT');
    const warning = JSON.parse(await cutOff) as { level: string; inFlight: number };
    assert.equal(warning.level, 'warn');
    assert.equal(warning.inFlight, 1);
    assert.deepEqual(await server.exited, { code: 0, signal: null });
    // The half-sent upload never got an answer; the client sees its connection closed.
    await assert.rejects(stuck.finish());
  });
});
