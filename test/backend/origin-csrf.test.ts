import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { appRouter } from '../../backend/router.ts';
import {
  startTestPortico,
  TEST_ORIGIN,
  type TestClient,
  type TestPortico,
  type TrpcEnvelope,
} from '../support/portico.ts';
import { data, openTicket } from '../support/tickets.ts';
import { png } from '../support/files.ts';
import { contents } from '../support/snapshot.ts';

const SHOP = 'https://shop.example.test';

/** Origins a page could send a request from that are not on the list, and no origin at all. */
const UNTRUSTED: [label: string, origin: string | null][] = [
  ['a foreign origin', 'https://evil.test'],
  ['no Origin header', null],
  ['Origin: null (a sandboxed frame or a file)', 'null'],
  ['a look-alike host', 'http://vendor.test.evil.test'],
  ['the trusted host over another scheme', 'https://vendor.test'],
  ['the trusted host on another port', 'http://vendor.test:8080'],
];

/** Places a link could send someone after signing up, confirming or resetting: none trusted. */
const UNTRUSTED_URLS = [
  'https://evil.test/welcome',
  'HTTPS://EVIL.TEST/',
  '//evil.test/welcome',
  '/\\evil.test',
  '/%5Cevil.test',
  'https:/\\evil.test',
  'http:evil.test',
  'http://vendor.test.evil.test/',
  'http://vendor.test@evil.test/',
  'https://vendor.test/',
  'javascript:alert(document.cookie)',
];

const mutations = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
)
  .filter(([, procedure]) => procedure._def.type === 'mutation')
  .map(([path]) => path)
  .sort();

/** better-auth's endpoints that change something, as they are mounted under /api/auth. */
function authPosts(portico: TestPortico): string[] {
  const api = portico.services.auth.api as Record<
    string,
    { path?: string; options?: { method?: unknown } }
  >;
  return Object.values(api)
    .filter((endpoint) => {
      if (!endpoint.path) return false;
      const method = endpoint.options?.method;
      return Array.isArray(method) ? method.includes('POST') : method === 'POST';
    })
    .map((endpoint) => endpoint.path!.replace(/:\w+/g, 'x'))
    .sort();
}

/**
 * A digest of every row of every table and of every stored file: equal before and after means
 * nothing was written, changed or deleted.
 */
async function fingerprint(portico: TestPortico): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(await contents(portico.services)));
  const files = await readdir(portico.dataDir, { recursive: true }).catch(() => []);
  hash.update(
    JSON.stringify(files.filter((file) => !/\.db(-wal|-shm|-journal)?$/.test(file)).sort()),
  );
  return hash.digest('hex');
}

/** Whether a redirect stays on the trusted list (a path on the portal itself is fine). */
function trustedLocation(portico: TestPortico, location: string | null, trusted: string[]) {
  if (location === null) return true;
  const target = new URL(location, portico.url);
  return target.origin === new URL(portico.url).origin || trusted.includes(target.origin);
}

async function refusedStatus(response: Response): Promise<{ status: number; code: unknown }> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: unknown };
    code?: unknown;
  } | null;
  return { status: response.status, code: body?.error?.code ?? body?.code };
}

/** A fresh server with a signed-in customer and an administrator. */
async function customerAndAdmin() {
  const portico = await startTestPortico();
  const customer = await portico.personWithSession({ email: 'anna@cafe.test', name: 'Anna' });
  const admin = await portico.personWithSession({
    email: 'ada@vendor.test',
    name: 'Ada',
    role: 'admin',
  });
  return { portico, customer, admin };
}

describe('state changes from pages that are not trusted', () => {
  let portico: TestPortico;
  let customer: TestClient;
  let admin: TestClient;
  before(async () => ({ portico, customer, admin } = await customerAndAdmin()));
  after(() => portico.close());

  const caller = (path: string) => (path.startsWith('staff.') ? admin : customer);

  it('the fingerprint notices a change (so the checks below can fail)', async () => {
    const before = await fingerprint(portico);
    await openTicket(customer);
    assert.notEqual(await fingerprint(portico), before);
  });

  it('refuses every tRPC mutation with 403 and changes nothing', async () => {
    assert.ok(mutations.length > 50, `found ${mutations.length} mutations`);
    assert.ok(mutations.includes('order.place') && mutations.includes('staff.settings.addOrigin'));
    const before = await fingerprint(portico);
    for (const [label, origin] of UNTRUSTED) {
      for (const path of mutations) {
        const response = await caller(path).post(`/api/trpc/${path}`, {}, { origin });
        const { status, code } = await refusedStatus(response);
        assert.equal(status, 403, `${path} from ${label}`);
        assert.ok(
          code === 'MISSING_ORIGIN' || code === 'INVALID_ORIGIN',
          `${path}: ${String(code)}`,
        );
      }
      // A batch is no way round it.
      const batch = await customer.post(
        '/api/trpc/ticket.create,order.place?batch=1',
        { 0: {}, 1: {} },
        { origin },
      );
      assert.equal(batch.status, 403, `a batch from ${label}`);
    }
    assert.equal(await fingerprint(portico), before);
  });

  it('refuses every better-auth POST with 403 and changes nothing', async () => {
    const paths = authPosts(portico);
    assert.ok(paths.includes('/sign-in/email') && paths.includes('/two-factor/disable'));
    const before = await fingerprint(portico);
    const mails = portico.mailbox.received.length;
    for (const [label, origin] of UNTRUSTED) {
      for (const path of paths) {
        const client = path.startsWith('/admin/') ? admin : customer;
        const response = await client.post(
          `/api/auth${path}`,
          { email: 'anna@cafe.test', password: 'correct horse battery', name: 'Hijacked' },
          { origin },
        );
        assert.equal(response.status, 403, `${path} from ${label}`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(portico.mailbox.received.length, mails, 'no mail was sent');
    assert.equal(await fingerprint(portico), before);
    assert.equal(
      data<{ user: { name: string } } | null>(await customer.query('session.me'))?.user.name,
      'Anna',
    );
  });

  it('refuses a file upload with 403 and keeps no file', async () => {
    const before = await fingerprint(portico);
    for (const [label, origin] of UNTRUSTED) {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(png())]), 'photo.png');
      const response = await customer.request('/api/trpc/file.upload', {
        method: 'POST',
        body: form,
        origin,
      });
      assert.equal(response.status, 403, `an upload from ${label}`);
    }
    assert.equal(await fingerprint(portico), before);
  });
});

describe('a GET cannot change anything', () => {
  let portico: TestPortico;
  let customer: TestClient;
  let admin: TestClient;
  before(async () => ({ portico, customer, admin } = await customerAndAdmin()));
  after(() => portico.close());

  it('answers every tRPC mutation called with GET 405, from a trusted page or none', async () => {
    const before = await fingerprint(portico);
    for (const origin of [TEST_ORIGIN, null]) {
      for (const path of mutations) {
        const client = path.startsWith('staff.') ? admin : customer;
        const input = encodeURIComponent(
          JSON.stringify({ subject: 'By GET', kind: 'complaint', body: 'Written by a link.' }),
        );
        const response = await client.request(`/api/trpc/${path}?input=${input}`, { origin });
        const body = (await response.json()) as TrpcEnvelope;
        assert.equal(response.status, 405, path);
        assert.equal(body.error?.data.code, 'METHOD_NOT_SUPPORTED', path);
      }
      const batch = await customer.request(
        '/api/trpc/ticket.create,order.cancel?batch=1&input={}',
        { origin },
      );
      const answers = (await batch.json()) as TrpcEnvelope[];
      assert.ok(answers.every((answer) => answer.error?.data.code === 'METHOD_NOT_SUPPORTED'));
    }
    assert.equal(await fingerprint(portico), before);
  });

  it('answers better-auth’s POST-only endpoints called with GET without doing anything', async () => {
    const before = await fingerprint(portico);
    for (const path of authPosts(portico)) {
      const client = path.startsWith('/admin/') ? admin : customer;
      const response = await client.request(`/api/auth${path}?email=anna%40cafe.test`);
      assert.ok(
        response.status === 404 ||
          response.status === 405 ||
          (path === '/get-session' && response.status === 200) ||
          (path === '/callback/x' && response.status >= 300),
        `${path}: GET answered ${response.status}`,
      );
    }
    assert.equal(await fingerprint(portico), before);
    assert.equal((await customer.query('session.me')).status, 200, 'still signed in');
  });

  it('keeps the session cookie from scripts and from other sites’ requests', async () => {
    const client = portico.client();
    const response = await client.post('/api/auth/sign-in/email', {
      email: 'anna@cafe.test',
      password: 'correct horse battery',
    });
    const cookie = response.headers
      .getSetCookie()
      .find((line) => line.startsWith('portico.session_token='));
    assert.ok(cookie, 'a session cookie');
    assert.match(cookie, /;\s*HttpOnly/i);
    assert.match(cookie, /;\s*SameSite=(Lax|Strict)/i);
  });
});

describe('links that return to a page: only to trusted origins', () => {
  let portico: TestPortico;
  let customer: TestClient;
  const trusted = () => [TEST_ORIGIN];
  before(async () => {
    portico = await startTestPortico();
    customer = await portico.personWithSession({ email: 'anna@cafe.test', name: 'Anna' });
  });
  after(() => portico.close());

  /** A refusal that redirects nowhere and writes nothing. */
  async function assertRefused(label: string, send: () => Promise<Response>) {
    const before = await fingerprint(portico);
    const response = await send();
    assert.equal(response.status, 403, `${label}: ${response.status}`);
    assert.ok(trustedLocation(portico, response.headers.get('location'), trusted()), label);
    assert.equal(response.headers.get('location'), null, label);
    assert.equal(await fingerprint(portico), before, `${label}: nothing written`);
  }

  /** Mail may go out just after the answer: wait a little before counting. */
  async function mailCount() {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return portico.mailbox.received.length;
  }

  it('refuses untrusted callback URLs in every request that takes one', async () => {
    const client = portico.client();
    const mails = await mailCount();
    for (const url of UNTRUSTED_URLS) {
      await assertRefused(`sign-up to ${url}`, () =>
        client.post('/api/auth/sign-up/email', {
          email: 'new@cafe.test',
          password: 'a new password',
          name: 'New',
          callbackURL: url,
        }),
      );
      await assertRefused(`sign-in to ${url}`, () =>
        client.post('/api/auth/sign-in/email', {
          email: 'anna@cafe.test',
          password: 'correct horse battery',
          callbackURL: url,
        }),
      );
      await assertRefused(`confirmation mail to ${url}`, () =>
        client.post('/api/auth/send-verification-email', {
          email: 'anna@cafe.test',
          callbackURL: url,
        }),
      );
      await assertRefused(`reset mail to ${url}`, () =>
        client.post('/api/auth/request-password-reset', {
          email: 'anna@cafe.test',
          redirectTo: url,
        }),
      );
      await assertRefused(`change of address to ${url}`, () =>
        customer.post('/api/auth/change-email', {
          newEmail: 'anna.new@cafe.test',
          callbackURL: url,
        }),
      );
      await assertRefused(`an error page at ${url}`, () =>
        client.post('/api/auth/sign-in/social', {
          provider: 'google',
          callbackURL: `${TEST_ORIGIN}/in`,
          errorCallbackURL: url,
        }),
      );
      await assertRefused(`reset link to ${url}`, () =>
        client.request(
          `/api/auth/reset-password/some-token?callbackURL=${encodeURIComponent(url)}`,
        ),
      );
      await assertRefused(`confirmation link to ${url}`, () =>
        client.request(`/api/auth/verify-email?token=bad&callbackURL=${encodeURIComponent(url)}`),
      );
    }
    assert.equal(await mailCount(), mails, 'no mail was sent');
  });

  it('a real confirmation link with its return address changed does not confirm or redirect', async () => {
    const client = portico.client();
    const signUp = await client.post('/api/auth/sign-up/email', {
      email: 'bea@cafe.test',
      password: 'a new password',
      name: 'Bea',
      callbackURL: `${TEST_ORIGIN}/welcome`,
    });
    assert.equal(signUp.status, 200);
    const mail = await portico.mailbox.next('bea@cafe.test', /./);
    const link = new URL(mail.links.find((href) => href.includes('/verify-email'))!);
    for (const url of UNTRUSTED_URLS) {
      link.searchParams.set('callbackURL', url);
      await assertRefused(`confirmation to ${url}`, () =>
        client.request(link.pathname + link.search),
      );
    }
    link.searchParams.set('callbackURL', `${TEST_ORIGIN}/welcome`);
    const confirmed = await client.request(link.pathname + link.search);
    assert.equal(confirmed.status, 302);
    assert.equal(new URL(confirmed.headers.get('location')!).origin, TEST_ORIGIN);
  });

  it('redirects to trusted pages, which shows the refusals above are about the address', async () => {
    const client = portico.client();
    const reset = await client.request(
      `/api/auth/reset-password/some-token?callbackURL=${encodeURIComponent(`${TEST_ORIGIN}/reset`)}`,
    );
    assert.equal(reset.status, 302);
    assert.ok(reset.headers.get('location')!.startsWith(`${TEST_ORIGIN}/reset?`));
  });
});

describe('origins an administrator adds in the settings', () => {
  let portico: TestPortico;
  let customer: TestClient;
  let admin: TestClient;
  before(async () => ({ portico, customer, admin } = await customerAndAdmin()));
  after(() => portico.close());

  /** What a page on SHOP can do: a tRPC change, a better-auth call, a link back to it. */
  async function fromShop() {
    const ticket = await customer.post(
      '/api/trpc/ticket.create',
      { subject: 'From the shop', kind: 'complaint', body: 'Asked on the shop page.' },
      { origin: SHOP },
    );
    const signIn = await portico
      .client()
      .post(
        '/api/auth/sign-in/email',
        { email: 'anna@cafe.test', password: 'not the password' },
        { origin: SHOP },
      );
    const reset = await portico.client().post('/api/auth/request-password-reset', {
      email: 'anna@cafe.test',
      redirectTo: `${SHOP}/reset`,
    });
    const resetLink = await portico
      .client()
      .request(
        `/api/auth/reset-password/some-token?callbackURL=${encodeURIComponent(`${SHOP}/reset`)}`,
      );
    return {
      ticket: ticket.status,
      signIn: signIn.status,
      reset: reset.status,
      resetLink: resetLink.status,
      location: resetLink.headers.get('location'),
    };
  }

  it('trusts an added origin for every kind of call, and stops when it is removed', async () => {
    assert.deepEqual(await fromShop(), {
      ticket: 403,
      signIn: 403,
      reset: 403,
      resetLink: 403,
      location: null,
    });

    data(await admin.mutate('staff.settings.addOrigin', { origin: SHOP }));
    const allowed = await fromShop();
    assert.equal(allowed.ticket, 200);
    assert.equal(allowed.signIn, 401, 'a wrong password, no longer a refused origin');
    assert.equal(allowed.reset, 200);
    assert.equal(allowed.resetLink, 302);
    assert.ok(allowed.location?.startsWith(`${SHOP}/reset?`));

    data(await admin.mutate('staff.settings.removeOrigin', { origin: SHOP }));
    const before = await fingerprint(portico);
    assert.deepEqual(await fromShop(), {
      ticket: 403,
      signIn: 403,
      reset: 403,
      resetLink: 403,
      location: null,
    });
    assert.equal(await fingerprint(portico), before);
  });
});
