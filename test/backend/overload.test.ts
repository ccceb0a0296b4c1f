import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  startTestPortico,
  TEST_ORIGIN,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { startSlowUpload, type SlowUpload } from '../support/slow-upload.ts';
import { AdmissionGate, OVERLOADED, type Release } from '../../backend/http/admission.ts';

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

describe('AdmissionGate', () => {
  const gate = (queued: number, waitMs = 10_000) =>
    new AdmissionGate({ concurrent: 1, queued, waitMs });

  it('admits waiting requests first come, first served', async () => {
    const admission = gate(3);
    const first = (await admission.enter()) as Release;
    const order: number[] = [];
    const waiting = [1, 2, 3].map((n) =>
      admission.enter().then((release) => {
        order.push(n);
        release?.();
      }),
    );
    assert.equal(admission.waiting, 3);
    assert.equal(await admission.enter(), null, 'the queue is full');
    first();
    await Promise.all(waiting);
    assert.deepEqual(order, [1, 2, 3]);
    assert.equal(admission.active, 0);
  });

  it('refuses a request that waited too long, or whose client went away', async () => {
    const admission = gate(2, 10);
    const release = (await admission.enter()) as Release;
    const controller = new AbortController();
    const abandoned = admission.enter(() => controller.signal);
    const timedOut = admission.enter();
    controller.abort();
    assert.equal(await abandoned, null);
    assert.equal(await timedOut, null);
    assert.equal(admission.waiting, 0);
    release();
    release();
    assert.equal(admission.active, 0, 'a second release changes nothing');
    assert.notEqual(await admission.enter(), null);
  });

  it('asks refused clients to wait between 1 and 5 seconds', async () => {
    const admission = gate(0);
    assert.equal(admission.retryAfter(), 1);
    const release = (await admission.enter()) as Release;
    release();
    assert.ok(admission.retryAfter() >= 1 && admission.retryAfter() <= 5);
  });
});
