import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, crossSiteWarning, isCrossSite, loadConfig } from '../../backend/config.ts';
import { createPerson } from '../../backend/session/people.ts';
import { enrollTotp, startTestPortico, TestClient, type TestPortico } from '../support/portico.ts';
import { totpCode } from '../support/totp.ts';

const secret = 'x'.repeat(32);
const PASSWORD = 'correct horse battery';

function withDataDir<T>(run: (dataDir: string) => T): T {
  const dataDir = mkdtempSync(join(tmpdir(), 'portico-config-'));
  try {
    return run(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const configWith = (env: Record<string, string>) =>
  withDataDir((DATA_DIR) => loadConfig({ DATA_DIR, AUTH_SECRET: secret, ...env }));

/** The client talking to the server's own port, whatever PUBLIC_URL says browsers use. */
function directClient(portico: TestPortico): TestClient {
  const { port } = portico.server.address() as { port: number };
  return new TestClient(`http://127.0.0.1:${port}`);
}

/** The Set-Cookie lines of a response for cookies whose name contains `name`. */
const setCookies = (response: Response, name: string) =>
  response.headers.getSetCookie().filter((line) => line.split('=')[0]!.includes(name));

describe('deployment settings: a path in PUBLIC_URL and cross-site cookies', () => {
  it('takes a path in PUBLIC_URL as the prefix a proxy serves Portico under', () => {
    const proxied = configWith({ PUBLIC_URL: 'https://shop.example/portico/' });
    assert.equal(proxied.publicUrl, 'https://shop.example/portico');
    assert.equal(proxied.publicPath, '/portico');
    assert.ok(proxied.trustedOrigins.includes('https://shop.example'));

    const own = configWith({ PUBLIC_URL: 'https://portal.vendor.example' });
    assert.equal(own.publicPath, '');
    assert.equal(own.crossSiteCookies, 'off');

    for (const bad of ['https://shop.example/portico?x=1', 'https://shop.example/portico#top']) {
      assert.throws(
        () => configWith({ PUBLIC_URL: bad }),
        (error: unknown) =>
          error instanceof ConfigError && /^PUBLIC_URL is invalid/.test(error.message),
      );
    }
  });

  it('turns partitioned cookies on only with an https PUBLIC_URL, and says why otherwise', () => {
    const on = configWith({
      PUBLIC_URL: 'https://portal.example',
      CROSS_SITE_COOKIES: 'partitioned',
    });
    assert.equal(on.crossSiteCookies, 'partitioned');
    assert.throws(
      () => configWith({ PUBLIC_URL: 'http://portal.example', CROSS_SITE_COOKIES: 'partitioned' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /CROSS_SITE_COOKIES=partitioned needs an https PUBLIC_URL/.test(error.message),
    );
    assert.throws(
      () => configWith({ CROSS_SITE_COOKIES: 'partitioned' }),
      /CROSS_SITE_COOKIES=partitioned needs an https PUBLIC_URL/,
    );
    assert.throws(
      () => configWith({ CROSS_SITE_COOKIES: 'yes' }),
      /CROSS_SITE_COOKIES is invalid: expected off, or partitioned/,
    );
  });

  it('tells a page on another site from one on the same site', () => {
    const portal = 'https://portal.vendor.example';
    assert.equal(isCrossSite('https://www.vendor.example', portal), false);
    assert.equal(isCrossSite('https://vendor.example:8443', portal), false);
    assert.equal(isCrossSite('https://portal.vendor.example', portal), false);
    assert.equal(isCrossSite('http://www.vendor.example', portal), true, 'another scheme');
    assert.equal(isCrossSite('https://shop.example', portal), true);
    assert.equal(isCrossSite('https://vendor.other', portal), true);
    assert.equal(isCrossSite('http://127.0.0.1:3000', 'http://localhost:8787'), true);
    assert.equal(isCrossSite('http://localhost:3000', 'http://localhost:8787'), false);
  });

  it('warns at start when trusted pages are on another site and cookies are not partitioned', () => {
    const sameSite = configWith({
      PUBLIC_URL: 'https://portal.vendor.example',
      TRUSTED_ORIGINS: 'https://www.vendor.example',
    });
    assert.equal(crossSiteWarning(sameSite), null);
    const env = { PUBLIC_URL: 'https://portal.example', TRUSTED_ORIGINS: 'https://shop.example' };
    assert.match(
      crossSiteWarning(configWith(env)) ?? '',
      /https:\/\/shop\.example.*CROSS_SITE_COOKIES=partitioned/,
    );
    assert.equal(crossSiteWarning(configWith({ ...env, CROSS_SITE_COOKIES: 'partitioned' })), null);
  });
});

describe('the cookies Portico sets', () => {
  let same: TestPortico;
  let cross: TestPortico;
  let proxied: TestPortico;
  let secureProxied: TestPortico;

  before(async () => {
    // Each is kept as it starts, so `after` closes it even when another fails to start.
    await Promise.all([
      startTestPortico().then((started) => (same = started)),
      startTestPortico({
        env: { PUBLIC_URL: 'https://portal.example', CROSS_SITE_COOKIES: 'partitioned' },
      }).then((started) => (cross = started)),
      startTestPortico({ env: { PUBLIC_URL: 'http://shop.example/portico' } }).then(
        (started) => (proxied = started),
      ),
      startTestPortico({ env: { PUBLIC_URL: 'https://shop.example/portico' } }).then(
        (started) => (secureProxied = started),
      ),
    ]);
  });
  after(async () => {
    await Promise.all([same?.close(), cross?.close(), proxied?.close(), secureProxied?.close()]);
  });

  async function signedIn(portico: TestPortico, email: string) {
    await createPerson(portico.services.auth, {
      name: 'Cookie Person',
      email,
      password: PASSWORD,
      role: 'customer',
    });
    const client = directClient(portico);
    const response = await client.post('/api/auth/sign-in/email', { email, password: PASSWORD });
    assert.equal(response.status, 200);
    return { client, response };
  }

  it('keeps the same-site default as it was: Lax, HttpOnly, path /', async () => {
    const { response } = await signedIn(same, 'lax@customer.test');
    const [session] = setCookies(response, 'session_token');
    assert.match(
      session ?? '',
      /^portico\.session_token=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    const visitor = await directClient(same).mutate('chat.start', {
      message: 'Hello?',
      visitor: { name: 'Vic', email: 'vic@visitor.test' },
    });
    assert.equal(visitor.status, 200);
  });

  it('partitions every cookie in cross-site mode: session, second step, trusted device, chat', async () => {
    const { client, response } = await signedIn(cross, 'chips@customer.test');
    const expectPartitioned = (lines: string[], what: string) => {
      assert.ok(lines.length > 0, `${what} sets a cookie`);
      for (const line of lines) {
        assert.match(line, /; HttpOnly/i, what);
        assert.match(line, /; Secure/i, what);
        assert.match(line, /; SameSite=None/i, what);
        assert.match(line, /; Partitioned/i, what);
      }
    };
    expectPartitioned(setCookies(response, '__Secure-portico.session_token'), 'sign-in');

    // The second step's cookie and the trusted device's.
    const { uri } = await enrollTotp(client, PASSWORD);
    const again = directClient(cross);
    const first = await again.post('/api/auth/sign-in/email', {
      email: 'chips@customer.test',
      password: PASSWORD,
    });
    assert.equal(first.status, 200);
    expectPartitioned(setCookies(first, 'two_factor'), 'the second step');
    const verified = await again.post('/api/auth/two-factor/verify-totp', {
      code: totpCode(uri),
      trustDevice: true,
    });
    assert.equal(verified.status, 200, await verified.clone().text());
    expectPartitioned(setCookies(verified, 'trust_device'), 'trust this device');
    expectPartitioned(setCookies(verified, 'session_token'), 'the finished sign-in');

    const signedOut = await again.post('/api/auth/sign-out', {});
    expectPartitioned(setCookies(signedOut, 'session_token'), 'sign-out, which expires it');

    const visitor = directClient(cross);
    const chat = await visitor.request('/api/trpc/chat.start', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Hi', visitor: { name: 'Vic', email: 'vic@visitor.test' } }),
    });
    assert.equal(chat.status, 200, await chat.clone().text());
    const [line] = setCookies(chat, 'portico_chat');
    assert.match(
      line ?? '',
      /^portico_chat=[\w-]+; Path=\/api; Max-Age=\d+; HttpOnly; SameSite=None; Secure; Partitioned$/,
    );
  });

  it('serves the API behind a proxy that strips the path, with cookies and links under it', async () => {
    const { client, response } = await signedIn(proxied, 'proxied@customer.test');
    const [session] = setCookies(response, 'session_token');
    assert.match(session ?? '', /; Path=\/portico\/api;/);
    const me = await client.query('session.me');
    assert.equal(
      (me.body.result?.data as { user?: { email: string } } | null)?.user?.email,
      'proxied@customer.test',
    );

    const visitor = await directClient(proxied).mutate('chat.start', {
      message: 'Hello?',
      visitor: { name: 'Vic', email: 'vic2@visitor.test' },
    });
    assert.equal(visitor.status, 200);

    // A mailed link leads through the proxy: the prefix is in it.
    const reset = await directClient(proxied).post('/api/auth/request-password-reset', {
      email: 'proxied@customer.test',
      redirectTo: 'http://shop.example/account',
    });
    assert.equal(reset.status, 200);
    const mail = await proxied.mailbox.next('proxied@customer.test', /./);
    assert.ok(
      mail.links.some((link) =>
        link.startsWith('http://shop.example/portico/api/auth/reset-password/'),
      ),
      mail.links.join(' '),
    );

    // The staff page finds its script and style sheet beside it, under the prefix.
    const page = await (await directClient(proxied).request('/staff')).text();
    assert.match(page, /<script type="module" src="staff\.js">/);
    assert.match(page, /<link rel="stylesheet" href="staff\.css">/);
  });

  it('sends HSTS on an https origin of its own, never under a path on the vendor’s origin', async () => {
    const hsts = async (portico: TestPortico) =>
      (await directClient(portico).request('/healthz')).headers.get('strict-transport-security');
    assert.equal(await hsts(cross), 'max-age=31536000');
    assert.equal(await hsts(secureProxied), null);
    assert.equal(await hsts(proxied), null);
  });
});
