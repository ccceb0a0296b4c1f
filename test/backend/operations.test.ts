import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { startPortico, type RunningPortico } from '../../backend/listen.ts';
import { LiveStreams } from '../../backend/http/live-streams.ts';
import { INTERNAL_MESSAGE } from '../../backend/trpc.ts';
import { startTestPortico, TEST_ORIGIN, TestClient, type TestPortico } from '../support/portico.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { openLiveStream } from '../support/live-stream.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface LogLine {
  level: string;
  time: string;
  msg: string;
  requestId?: string;
  method?: string;
  path?: string;
  status?: number;
  durationMs?: number;
  err?: { type: string; message: string; stack: string };
}

/** Waits (bounded) until the server has let go of closed streams. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    assert.ok(Date.now() < deadline, `timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A local port nothing listens on, so a mail server there refuses at once. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('health and readiness', () => {
  let portico: TestPortico;
  let anna: TestClient;
  before(async () => {
    portico = await startTestPortico();
    anna = await portico.personWithSession({ email: 'anna@cafe.test', name: 'Anna' });
  });
  after(() => portico.close());

  it('answers /healthz and /readyz with { ok: true } when all is well', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const response = await portico.client().request(path);
      assert.equal(response.status, 200, path);
      assert.deepEqual(await response.json(), { ok: true });
    }
  });

  it("replaces an X-Request-Id sent by anyone but the vendor's own proxies (TRUSTED_PROXIES)", async () => {
    const response = await portico.client().request('/healthz', {
      headers: { 'x-request-id': 'lb-7f3a9c2e' },
    });
    assert.match(response.headers.get('x-request-id') ?? '', UUID);
  });

  it('is not ready while a migration is missing from the database, and says which', async () => {
    // Kysely's own table, which Portico's schema does not type.
    const migrations = portico.services.db.withTables<{
      kysely_migration: { name: string; timestamp: string };
    }>();
    const last = await migrations
      .selectFrom('kysely_migration')
      .select(['name', 'timestamp'])
      .orderBy('name', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await migrations.deleteFrom('kysely_migration').where('name', '=', last.name).execute();
    try {
      const response = await portico.client().request('/readyz');
      assert.equal(response.status, 503);
      const body = (await response.json()) as {
        ok: boolean;
        error: { code: string; message: string };
      };
      assert.equal(body.ok, false);
      assert.equal(body.error.code, 'MIGRATIONS_PENDING');
      assert.ok(body.error.message.includes(last.name), body.error.message);
      // Liveness is the process, not the database: it stays up.
      assert.equal((await portico.client().request('/healthz')).status, 200);
    } finally {
      await migrations.insertInto('kysely_migration').values(last).execute();
    }
    assert.equal((await portico.client().request('/readyz')).status, 200);
  });

  it('is not ready once a stop has begun, ends open live streams with a reconnect hint, and stays alive', async () => {
    const stream = await openLiveStream((path, init) => anna.request(path, init));
    portico.services.beginStopping();
    const ready = await portico.client().request('/readyz');
    assert.equal(ready.status, 503);
    const body = (await ready.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'SHUTTING_DOWN');
    assert.equal((await portico.client().request('/healthz')).status, 200);
    assert.match(await stream.rest(), /^retry: \d+$/m);
  });
});

describe('request ids and the JSON log', () => {
  let dataDir: string;
  let owner: TestClient;
  let admin: TestClient;
  let server: ServerProcess;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'portico-ops-'));
    const portico = await startTestPortico({ dataDir });
    owner = await portico.personWithSession({ email: 'olga@aurora.test', name: 'Olga' });
    admin = await portico.personWithSession({
      email: 'ilze@vendor.test',
      name: 'Ilze',
      role: 'admin',
    });
    await portico.close();
    server = await startServerProcess(dataDir, {
      LOG_LEVEL: 'info',
      // The test speaks as the vendor's load balancer, whose request ids are kept.
      TRUSTED_PROXIES: '127.0.0.1,::1',
      // Mail fails at once, so the invitation below writes a warning from inside its procedure.
      SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`,
    });
    owner = owner.at(server.url);
    admin = admin.at(server.url);
  });
  after(async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const logLines = () =>
    server.output
      .filter((line) => line.startsWith('{"level"'))
      .map((line) => JSON.parse(line) as LogLine);

  it("keeps a sane X-Request-Id from the vendor's proxy, replaces any other, and makes one when there is none", async () => {
    const asked = async (id?: string) => {
      const response = await owner.request('/healthz', {
        headers: id === undefined ? {} : { 'x-request-id': id },
      });
      return response.headers.get('x-request-id') ?? '';
    };
    assert.equal(await asked('lb-7f3a9c2e'), 'lb-7f3a9c2e');
    assert.match(await asked(), UUID);
    for (const insane of [
      'short',
      'has spaces in it',
      '"quoted-value"',
      'x'.repeat(200),
      'a{b}c=d;e',
    ]) {
      assert.match(await asked(insane), UUID, insane);
    }
    // Even a refused call has one.
    const refused = await owner.request('/api/nothing-here');
    assert.equal(refused.status, 404);
    assert.match(refused.headers.get('x-request-id') ?? '', UUID);
  });

  it('writes one JSON line per request with method, path without the query, status, duration and id', async () => {
    const id = 'search-0123456789';
    const input = encodeURIComponent(JSON.stringify({ query: 'private.person@secret.test' }));
    const logged = server.waitForLine(new RegExp(`"requestId":"${id}"`));
    const response = await owner.request(`/api/trpc/ticket.list?input=${input}`, {
      headers: { 'x-request-id': id },
    });
    assert.equal(response.status, 200, await response.text());
    await logged;
    const lines = logLines();
    const line = lines.find((each) => each.requestId === id && each.msg === 'request');
    assert.ok(line, 'a request line');
    assert.equal(line.level, 'info');
    assert.equal(line.method, 'GET');
    assert.equal(line.path, '/api/trpc/ticket.list');
    assert.equal(line.status, 200);
    assert.equal(typeof line.durationMs, 'number');
    assert.ok(!Number.isNaN(Date.parse(line.time)));
    assert.ok(
      !server.output.some((each) => each.includes('secret.test')),
      'no query string logged',
    );
    // The human lines and the machine-readable start line stay as they were.
    assert.ok(server.output.includes(`Portico is running at ${server.url}`));
    assert.ok(server.output.some((each) => each.startsWith('{"portico":')));
  });

  it("tags a line written deep inside a procedure with its request's id", async () => {
    const id = 'invite-0123456789';
    const failed = server.waitForLine(/invitation \S+: the mail was not sent/);
    const invited = await owner.request('/api/trpc/account.invite', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': id },
      body: JSON.stringify({
        email: 'pavel@aurora.test',
        role: 'viewer',
        returnTo: `${TEST_ORIGIN}/account.html`,
      }),
    });
    assert.equal(invited.status, 200, await invited.text());
    const warning = JSON.parse(await failed) as LogLine;
    assert.equal(warning.level, 'warn');
    assert.equal(warning.requestId, id);
    assert.ok(!warning.msg.includes('pavel@aurora.test'), warning.msg);
  });

  it('logs the token of a password-reset link as :token, never the token itself', async () => {
    const token = 'Zq8vN3xTkP0sWmR7bY2cLd5e';
    const id = 'reset-0123456789';
    const logged = server.waitForLine(new RegExp(`"requestId":"${id}".*"msg":"request"`));
    const callback = encodeURIComponent(`${server.url}/staff?portico-action=reset-password`);
    const response = await new TestClient(server.url).request(
      `/api/auth/reset-password/${token}?callbackURL=${callback}`,
      { headers: { 'x-request-id': id } },
    );
    await response.body?.cancel();
    const line = JSON.parse(await logged) as LogLine;
    assert.equal(line.path, '/api/auth/reset-password/:token');
    assert.ok(!server.output.some((each) => each.includes(token)), 'the token is in the log');
  });

  it('names people in the log by id when their mail fails, never by address', async () => {
    // A sign-in from a browser Olga has not used before: the new-device mail fails.
    const newDevice = server.waitForLine(/the new-device mail was not sent/);
    const signIn = await new TestClient(server.url).post(
      '/api/auth/sign-in/email',
      { email: 'olga@aurora.test', password: 'correct horse battery' },
      { headers: { 'user-agent': 'Another Browser/1.0' } },
    );
    assert.equal(signIn.status, 200, await signIn.text());
    await newDevice;
    // A new staff member whose welcome mail fails.
    const welcome = server.waitForLine(/the welcome mail was not sent/);
    const added = await admin.mutate('staff.settings.people.add', {
      name: 'Nora',
      email: 'nora@vendor.test',
      role: 'agent',
    });
    assert.equal(added.body.error?.data.reason, 'INVITE_NOT_SENT');
    await welcome;
    for (const address of ['olga@aurora.test', 'nora@vendor.test', 'pavel@aurora.test']) {
      const lines = server.output.filter((line) => line.includes(address));
      assert.deepEqual(lines, [], `${address} is in the log`);
    }
  });
});

describe('errors in the log', () => {
  let dataDir: string;
  let portico: RunningPortico;
  const lines: LogLine[] = [];
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'portico-ops-'));
    portico = await startPortico(
      {
        PORT: '0',
        DATA_DIR: dataDir,
        AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
        TRUSTED_ORIGINS: TEST_ORIGIN,
        TRUSTED_PROXIES: '127.0.0.1,::1',
        LOG_LEVEL: 'info',
      },
      { log: (line) => lines.push(JSON.parse(line) as LogLine) },
    );
  });
  after(async () => {
    await portico.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('logs a failed call at error level with its stack and request id; the caller sees a plain sentence', async () => {
    const { db } = portico.services;
    await db.schema.alterTable('product').renameTo('product_away').execute();
    try {
      const response = await new TestClient(portico.url).request(
        '/api/trpc/catalog.list?input=%7B%7D',
        {
          headers: { 'x-request-id': 'broken-0123456789' },
        },
      );
      assert.equal(response.status, 500);
      const body = (await response.json()) as { error: { message: string } };
      assert.equal(body.error.message, INTERNAL_MESSAGE);
      assert.ok(!JSON.stringify(body).includes('product'), 'no SQL reaches the caller');
    } finally {
      await db.schema.alterTable('product_away').renameTo('product').execute();
    }
    const error = lines.find((line) => line.level === 'error');
    assert.ok(error?.err, JSON.stringify(lines));
    assert.equal(error.requestId, 'broken-0123456789');
    assert.match(error.err.stack, /no such table: product|relation "product" does not exist/);
    assert.match(error.err.stack, /\n\s+at /);
  });
});

describe('live-stream limit', () => {
  let portico: TestPortico;
  let anna: TestClient;
  before(async () => {
    portico = await startTestPortico({ env: { MAX_LIVE_STREAMS: '2' } });
    anna = await portico.personWithSession({ email: 'anna@cafe.test', name: 'Anna' });
  });
  after(() => portico.close());

  it('refuses a stream past MAX_LIVE_STREAMS with 503 and Retry-After a page can read, and recovers when one closes', async () => {
    const first = await openLiveStream((path, init) => anna.request(path, init));
    const second = await openLiveStream((path, init) => anna.request(path, init));
    assert.equal(portico.services.liveStreams.count, 2);

    const refused = await anna.request('/api/trpc/ticket.onUpdate?input=%7B%7D', {
      headers: { accept: 'text/event-stream' },
    });
    assert.equal(refused.status, 503);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    assert.equal(refused.headers.get('access-control-allow-origin'), TEST_ORIGIN);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'OVERLOADED');
    assert.match(body.error.message, /\.$/);

    // A client that does not say it wants a stream is counted by the answer it gets.
    const unannounced = await anna.request('/api/trpc/ticket.onUpdate?input=%7B%7D');
    assert.equal(unannounced.status, 503);
    assert.equal(unannounced.headers.get('access-control-allow-origin'), TEST_ORIGIN);
    assert.equal(unannounced.headers.get('content-type'), 'application/json');
    assert.equal(((await unannounced.json()) as typeof body).error.code, 'OVERLOADED');

    // Ordinary calls are not streams and still go through.
    assert.equal((await anna.query('ticket.list', {})).status, 200);

    first.close();
    await until(() => portico.services.liveStreams.count === 1, 'the closed stream is let go');
    const third = await openLiveStream((path, init) => anna.request(path, init));
    assert.equal(portico.services.liveStreams.count, 2);
    second.close();
    third.close();
    await until(() => portico.services.liveStreams.count === 0, 'every stream is let go');
  });
});

describe('a live stream being set up when the stop begins', () => {
  it('ends at once with the reconnect hint instead of staying open', async () => {
    const streams = new LiveStreams(10);
    const app = new Hono();
    let settingUp!: () => void;
    const inSetUp = new Promise<void>((resolve) => (settingUp = resolve));
    let proceed!: () => void;
    const goOn = new Promise<void>((resolve) => (proceed = resolve));
    app.use('*', streams.middleware());
    app.get('/stream', async () => {
      settingUp();
      await goOn;
      // A subscription's stream: it sends and never ends by itself.
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(new TextEncoder().encode(': ping\n\n')),
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const answering = app.request('/stream', { headers: { accept: 'text/event-stream' } });
    await inSetUp;
    streams.closeAll();
    proceed();
    const response = await answering;
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the stream stayed open after the stop')), 5_000);
    });
    try {
      assert.match(await Promise.race([response.text(), stuck]), /^retry: \d+$/m);
    } finally {
      clearTimeout(timer);
    }
    assert.equal(streams.count, 0);
  });
});
