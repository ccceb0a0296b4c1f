import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPortico, TEST_ORIGIN, type TestPortico } from '../support/portico.ts';

const STACK_TRACE = /\bat [\w.<>]+ \(|\.ts:\d+:\d+|node_modules|SqliteError|SELECT /;

async function assertClearRefusal(response: Response, status: number | RegExp) {
  const text = await response.text();
  if (typeof status === 'number') assert.equal(response.status, status, text);
  else assert.match(String(response.status), status, text);
  assert.doesNotMatch(text, STACK_TRACE, 'no internals in the answer');
  assert.ok(text.length > 0 && text.length < 4000, 'a short, non-empty answer');
  return text;
}

describe('hostile and malformed requests', () => {
  let portico: TestPortico;
  before(async () => {
    portico = await startTestPortico();
    await portico.personWithSession({ email: 'real@cafe.test', password: 'the right password' });
  });
  after(() => portico.close());

  const signIn = (body: unknown, origin?: string | null) =>
    portico.client().post('/api/auth/sign-in/email', body, { origin });

  it('refuses empty, over-long and malformed sign-in input with a 4xx', async () => {
    await assertClearRefusal(await signIn({}), 400);
    await assertClearRefusal(await signIn({ email: '', password: '' }), 400);
    await assertClearRefusal(await signIn({ email: 'not-an-email', password: 'whatever1' }), 400);
    await assertClearRefusal(
      await signIn({ email: `${'a'.repeat(300)}@cafe.test`, password: 'x'.repeat(10_000) }),
      /^4\d\d$/,
    );
    await assertClearRefusal(await signIn('{"email": "real@cafe.test", '), /^4\d\d$/);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const wrong = await signIn({ email: 'real@cafe.test', password: 'not the password' });
    const unknown = await signIn({ email: 'ghost@cafe.test', password: 'not the password' });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.deepEqual(await wrong.json(), await unknown.json());
  });

  it('refuses state-changing requests without an Origin or from a foreign one', async () => {
    const body = { email: 'real@cafe.test', password: 'the right password' };
    const missing = await assertClearRefusal(await signIn(body, null), 403);
    assert.match(missing, /Origin/);
    const foreign = await assertClearRefusal(await signIn(body, 'https://evil.test'), 403);
    assert.match(foreign, /not allowed/);
    const trpc = await portico
      .client()
      .post('/api/trpc/staff.portal.update', {}, { origin: 'https://evil.test' });
    await assertClearRefusal(trpc, 403);
  });

  it('gives foreign pages no CORS permission, and the vendor page credentials', async () => {
    const preflight = (origin: string) =>
      portico.client().request('/api/trpc/session.me', {
        method: 'OPTIONS',
        origin,
        headers: {
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'content-type',
        },
      });
    const foreign = await preflight('https://evil.test');
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    const vendor = await preflight(TEST_ORIGIN);
    assert.equal(vendor.headers.get('access-control-allow-origin'), TEST_ORIGIN);
    assert.equal(vendor.headers.get('access-control-allow-credentials'), 'true');
    const read = await portico
      .client()
      .request('/api/trpc/session.me', { origin: 'https://evil.test' });
    assert.equal(read.headers.get('access-control-allow-origin'), null);
  });

  it('refuses malformed tRPC calls, unknown procedures and unknown paths with clear messages', async () => {
    const client = portico.client();
    await assertClearRefusal(
      await client.request('/api/trpc/session.me?batch=1&input=%7Bnot-json'),
      400,
    );
    const admin = await portico.personWithSession({ email: 'admin@vendor.test', role: 'admin' });
    const garbled = await admin.post('/api/trpc/staff.portal.update', '{"vendorName": "x",');
    assert.match(await assertClearRefusal(garbled, 400), /PARSE_ERROR|JSON/);
    const batch = await admin.post(
      '/api/trpc/staff.portal.update,staff.portal.update?batch=1',
      '[1, 2]',
    );
    await assertClearRefusal(batch, /^(400|207)$/);
    const unknown = await assertClearRefusal(await client.request('/api/trpc/order.steal'), 404);
    assert.match(unknown, /No procedure|not found/i);
    // Queries may come as POST (a long search); a mutation never comes as GET.
    await assertClearRefusal(await client.request('/api/trpc/help.feedback'), /^40[45]$/);
    await assertClearRefusal(await client.request('/api/nothing-here'), 404);
  });

  it('keeps serving after all of that', async () => {
    const health = await portico.client().request('/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { ok: true });
    const ok = await signIn({ email: 'real@cafe.test', password: 'the right password' });
    assert.equal(ok.status, 200);
  });

  it('sends security headers and no server fingerprint', async () => {
    const response = await portico.client().request('/healthz');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('x-powered-by'), null);
  });
});

describe('request size limit', () => {
  // Its own server: after refusing a body the server closes that connection, which must not
  // disturb the connection pool the other tests share.
  let portico: TestPortico;
  before(async () => {
    portico = await startTestPortico();
  });
  after(() => portico.close());

  it('refuses a body over the limit with 413 and the limit in the message', async () => {
    const response = await portico
      .client()
      .post('/api/trpc/staff.portal.update', 'x'.repeat(300 * 1024));
    assert.match(await assertClearRefusal(response, 413), /256 KB/);
  });
});

describe('rate limits on sign-in', () => {
  let portico: TestPortico;
  before(async () => {
    portico = await startTestPortico({ rateLimit: true });
  });
  after(() => portico.close());

  it('slows down repeated sign-in attempts from one address, whatever X-Forwarded-For says', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const response = await portico.client().post(
        '/api/auth/sign-in/email',
        { email: 'guess@cafe.test', password: `guess-${attempt}-password` },
        {
          headers: {
            'x-forwarded-for': `203.0.113.${attempt}`,
            'x-portico-client-ip': `198.51.100.${attempt}`,
          },
        },
      );
      statuses.push(response.status);
    }
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
    assert.deepEqual(statuses.slice(10), [429, 429]);
  });
});
