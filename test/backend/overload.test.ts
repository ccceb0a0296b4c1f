import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  startTestPortico,
  TEST_ORIGIN,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { startSlowUpload, type SlowUpload } from '../support/slow-upload.ts';
import {
  AdmissionGate,
  OVERLOADED,
  slotsPerAddress,
  type Release,
} from '../../backend/http/admission.ts';
import { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '../../backend/listen.ts';

/** Asserts the server's "busy" refusal: 503, a small Retry-After, the JSON error, no caching. */
async function assertOverloaded(response: Response): Promise<void> {
  const text = await response.text();
  assert.equal(response.status, 503, text);
  const seconds = Number(response.headers.get('retry-after'));
  assert.ok(Number.isInteger(seconds) && seconds >= 1 && seconds <= 5, `Retry-After ${seconds}`);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.deepEqual(JSON.parse(text), { error: OVERLOADED });
}

describe('request admission over HTTP (one slot, no queue)', () => {
  let portico: TestPortico;
  let customer: TestClient;

  before(async () => {
    portico = await startTestPortico({
      env: { MAX_CONCURRENT_REQUESTS: '1', MAX_QUEUED_REQUESTS: '0' },
    });
    customer = await portico.personWithSession({ email: 'anna@cafe.test' });
  });
  after(() => portico.close());

  /** Runs `check` while a slow upload holds the only slot, then lets the upload finish. */
  async function whileBusy(check: () => Promise<void>): Promise<{ status: number; body: string }> {
    const upload: SlowUpload = await startSlowUpload(customer);
    try {
      await check();
    } catch (error) {
      upload.abort();
      throw error;
    }
    return upload.finish();
  }

  it('answers the next request at once with 503, Retry-After and CORS for the vendor page', async () => {
    const held = await whileBusy(async () => {
      const query = await customer.query('session.me');
      assert.equal(query.status, 503);
      await assertOverloaded(await customer.request('/api/trpc/session.me'));
      const refused = await customer.post('/api/auth/sign-in/email', {
        email: 'anna@cafe.test',
        password: 'correct horse battery',
      });
      // A page on the vendor's origin can read the refusal and how long to wait.
      assert.equal(refused.headers.get('access-control-allow-origin'), TEST_ORIGIN);
      assert.equal(refused.headers.get('access-control-allow-credentials'), 'true');
      assert.match(refused.headers.get('access-control-expose-headers') ?? '', /retry-after/i);
      await assertOverloaded(refused);
      // A foreign page learns nothing it could read.
      const foreign = await customer.request('/api/trpc/session.me', {
        origin: 'https://evil.test',
      });
      assert.equal(foreign.headers.get('access-control-allow-origin'), null);
      await assertOverloaded(foreign);
    });
    // The request that held the slot was served in full.
    assert.equal(held.status, 200, held.body);
    assert.match(held.body, /"fileId"|"id"/);
  });

  it('always answers health checks, CORS preflights and live-update streams', async () => {
    const held = await whileBusy(async () => {
      const health = await customer.request('/healthz');
      assert.equal(health.status, 200);
      const ready = await customer.request('/readyz');
      assert.notEqual(ready.status, 503, 'readiness is not refused as busy');
      const preflight = await customer.request('/api/trpc/order.place', {
        method: 'OPTIONS',
        headers: {
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), TEST_ORIGIN);
      // Streams have their own limit; a signed-out one opens and says why it ends.
      const stream = await portico.client().request('/api/trpc/ticket.onUpdate?input=%7B%7D', {
        headers: { accept: 'text/event-stream' },
        signal: AbortSignal.timeout(5_000),
      });
      const text = await stream.text();
      assert.notEqual(stream.status, 503);
      assert.doesNotMatch(text, /OVERLOADED/);
      assert.match(text, /UNAUTHORIZED/);
    });
    assert.equal(held.status, 200, held.body);
  });

  it('counts every request that merely asks for events, other than a live stream', async () => {
    const events = { accept: 'text/event-stream' };
    const held = await whileBusy(async () => {
      await assertOverloaded(
        await customer.post(
          '/api/auth/sign-in/email',
          { email: 'anna@cafe.test', password: 'correct horse battery' },
          { headers: events },
        ),
      );
      await assertOverloaded(await customer.request('/api/trpc/session.me', { headers: events }));
      await assertOverloaded(await customer.request('/api/files/any-file', { headers: events }));
      await assertOverloaded(await customer.request('/api/statement.csv', { headers: events }));
      // A subscription asked for as a stream is the one thing let through.
      const stream = await customer.request('/api/trpc/ticket.onUpdate?input=%7B%7D', {
        headers: events,
      });
      assert.equal(stream.status, 200);
      await stream.body?.cancel();
    });
    assert.equal(held.status, 200, held.body);
  });

  it('refuses a streamed batch, whose calls would run after the answer frees the slot', async () => {
    const batch = `/api/trpc/session.me,session.me?batch=1&input=${encodeURIComponent('{}')}`;
    const streamed = await customer.request(batch, {
      headers: { 'trpc-accept': 'application/jsonl' },
    });
    assert.equal(streamed.status, 406);
    const body = (await streamed.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'STREAMING_NOT_SUPPORTED');
    assert.match(body.error.message, /without the trpc-accept header\.$/);
    // The same batch as the elements send it is answered in one piece.
    const plain = await customer.request(batch);
    assert.equal(plain.status, 200);
    assert.equal(((await plain.json()) as unknown[]).length, 2);
  });

  it('recovers by itself once the slot is free', async () => {
    await whileBusy(async () => {
      assert.equal((await customer.query('session.me')).status, 503);
    });
    const me = await customer.query('session.me');
    assert.equal(me.status, 200);
    for (let i = 0; i < 5; i++) assert.equal((await customer.query('session.me')).status, 200);
  });

  it('a client that went away frees its slot', async () => {
    const upload = await startSlowUpload(customer);
    assert.equal((await customer.query('session.me')).status, 503);
    upload.abort();
    // The server notices the closed connection on its own time: ask until it has.
    let status = 503;
    for (let i = 0; i < 100 && status === 503; i++) {
      status = (await customer.query('session.me')).status;
      if (status === 503) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(status, 200);
  });
});

describe('request admission over HTTP (one slot, a queue of one)', () => {
  let portico: TestPortico;
  let customer: TestClient;

  before(async () => {
    portico = await startTestPortico({
      env: { MAX_CONCURRENT_REQUESTS: '1', MAX_QUEUED_REQUESTS: '1' },
    });
    customer = await portico.personWithSession({ email: 'ben@cafe.test' });
  });
  after(() => portico.close());

  it('lets one request wait its turn and refuses the one after it at once', async () => {
    const upload = await startSlowUpload(customer);
    // Whichever of the two the server reads first waits; the other finds the queue full.
    const both = [0, 1].map(() => customer.request('/api/trpc/session.me'));
    const refused = await Promise.race(both);
    await assertOverloaded(refused);
    assert.equal((await upload.finish()).status, 200);
    const served = (await Promise.all(both)).find((answer) => answer !== refused);
    assert.equal(served?.status, 200, 'the queued request was served once the slot freed');
  });

  it('survives a burst: every answer is a result or a well-formed refusal, then all is well', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => customer.request('/api/trpc/session.me')),
    );
    for (const answer of answers) {
      if (answer.status === 503) await assertOverloaded(answer);
      else {
        assert.equal(answer.status, 200);
        await answer.body?.cancel();
      }
    }
    assert.equal((await customer.query('session.me')).status, 200);
  });
});

describe('request admission per client address (four slots, one each)', () => {
  let portico: TestPortico;
  let customer: TestClient;
  const from = (address: string) => ({ 'x-forwarded-for': address });

  before(async () => {
    portico = await startTestPortico({
      env: {
        MAX_CONCURRENT_REQUESTS: '4',
        MAX_QUEUED_REQUESTS: '0',
        // The test speaks as the vendor's proxy, so each request names its own client.
        TRUSTED_PROXIES: '127.0.0.1,::1',
      },
    });
    customer = await portico.personWithSession({ email: 'cleo@cafe.test' });
  });
  after(() => portico.close());

  it('lets one address hold at most a quarter of the slots; the others stay open to everyone else', async () => {
    assert.equal(slotsPerAddress(4), 1);
    const upload = await startSlowUpload(customer, from('203.0.113.7'));
    try {
      await assertOverloaded(
        await customer.request('/api/trpc/session.me', { headers: from('203.0.113.7') }),
      );
      const other = await customer.request('/api/trpc/session.me', {
        headers: from('198.51.100.9'),
      });
      assert.equal(other.status, 200, 'another address still gets a slot');
      await other.body?.cancel();
    } catch (error) {
      upload.abort();
      throw error;
    }
    assert.equal((await upload.finish()).status, 200);
    const again = await customer.request('/api/trpc/session.me', { headers: from('203.0.113.7') });
    assert.equal(again.status, 200, 'the address has its slot back');
  });

  it('gives a client a minute to send its whole request and 20 seconds for its headers', () => {
    assert.equal(REQUEST_TIMEOUT_MS, 60_000);
    assert.equal(HEADERS_TIMEOUT_MS, 20_000);
    assert.equal(portico.server.requestTimeout, REQUEST_TIMEOUT_MS);
    assert.equal(portico.server.headersTimeout, HEADERS_TIMEOUT_MS);
  });
});

describe('AdmissionGate', () => {
  const gate = (queued: number, waitMs = 10_000) =>
    new AdmissionGate({ concurrent: 1, queued, waitMs });

  it('admits waiting requests first come, first served', async () => {
    const admission = gate(3);
    const first = (await admission.enter()) as Release;
    const order: number[] = [];
    // From three addresses: one address may have only one request waiting.
    const waiting = [1, 2, 3].map((n) =>
      admission.enter(`client-${n}`).then((release) => {
        order.push(n);
        release?.();
      }),
    );
    assert.equal(admission.waiting, 3);
    assert.equal(await admission.enter('client-4'), null, 'the queue is full');
    first();
    await Promise.all(waiting);
    assert.deepEqual(order, [1, 2, 3]);
    assert.equal(admission.active, 0);
  });

  it('refuses a request that waited too long, or whose client went away', async () => {
    const admission = gate(2, 10);
    const release = (await admission.enter()) as Release;
    const controller = new AbortController();
    const abandoned = admission.enter('client-1', () => controller.signal);
    const timedOut = admission.enter('client-2');
    assert.equal(admission.waiting, 2);
    controller.abort();
    assert.equal(await abandoned, null);
    assert.equal(await timedOut, null);
    assert.equal(admission.waiting, 0);
    release();
    release();
    assert.equal(admission.active, 0, 'a second release changes nothing');
    assert.notEqual(await admission.enter(), null);
  });

  it('keeps each address to its share of slots and of the queue, and admits the others past it', async () => {
    assert.deepEqual([1, 2, 3, 4, 8, 64].map(slotsPerAddress), [1, 1, 1, 1, 2, 16]);
    const admission = new AdmissionGate({ concurrent: 4, queued: 4, waitMs: 10_000 });
    const first = (await admission.enter('a')) as Release;
    const second = admission.enter('a');
    assert.equal(admission.waiting, 1, "a's second request waits for a's slot");
    assert.equal(await admission.enter('a'), null, 'a may not fill the queue either');
    const other = (await admission.enter('b')) as Release;
    assert.equal(admission.active, 2, 'b went past the waiting request of a');
    first();
    const admitted = (await second) as Release;
    assert.equal(admission.active, 2);
    for (const release of [admitted, other]) release();
    assert.equal(admission.active, 0);
  });

  it('asks refused clients to wait between 1 and 5 seconds', async () => {
    const admission = gate(0);
    assert.equal(admission.retryAfter(), 1);
    const release = (await admission.enter()) as Release;
    release();
    assert.ok(admission.retryAfter() >= 1 && admission.retryAfter() <= 5);
  });
});
