import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestPortico, type TestPortico } from '../support/portico.ts';
import {
  forwardTo,
  launchSitesBrowser,
  selfSignedCertificate,
  servePage,
  startFront,
  type Front,
  type Handler,
  type SitesBrowser,
} from '../support/sites.ts';
import { createPerson } from '../../backend/session/people.ts';
import { ensureCustomerAccount } from '../../backend/account/account.queries.ts';
import { announcementInput } from '../../backend/announcement/announcement.schema.ts';
import { createAnnouncement } from '../../backend/announcement/announcement.staff.queries.ts';
import { saveCategory, saveProduct } from '../../backend/catalog/catalog.write.ts';

/**
 * The three ways a vendor deploys Portico, each in Chromium with third-party cookies blocked:
 * the portal on a subdomain of the shop (same site), the shop proxying `/portico/` to the
 * backend (same origin), and the portal on another site with partitioned cookies.
 */

const SHOP = 'shop.test';
const PORTAL_SUBDOMAIN = 'portal.shop.test';
const PORTAL_ELSEWHERE = 'portal.test';
/** A site that is in no TRUSTED_ORIGINS. */
const STRANGER = 'stranger.test';
const PASSWORD = 'correct horse battery';

interface Deployment {
  name: string;
  /** PUBLIC_URL: where browsers reach the backend. */
  publicUrl: string;
  /** The vendor's page that embeds the elements. */
  page: string;
  /** The same page on a site no one trusted. */
  strangerPage: string;
  portico: TestPortico;
}

function hostPage(publicUrl: string, lang = 'en', more = ''): string {
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8">
    <title>Shop</title>
    <script type="module" src="${publicUrl}/portico.js"></script>
  </head>
  <body>
    <portico-announcements></portico-announcements>
    <portico-login></portico-login>
    <portico-account-summary></portico-account-summary>
    ${more}
  </body>
</html>
`;
}

/** Pages by path, for a host name. */
function pages(byPath: Record<string, string>, fallback?: Handler): Handler {
  return (req, res) => {
    const html = byPath[req.url ?? ''];
    if (html) return servePage(html)(req, res);
    if (fallback) return fallback(req, res);
    res.writeHead(404).end();
  };
}

/**
 * On the portal's host, beside the backend: a plain `SameSite=None; Secure` cookie and a
 * partitioned one, and a way to see which of them come back from a page on another site.
 */
function cookieProbe(backend: Handler): Handler {
  return (req, res) => {
    if (!req.url?.startsWith('/probe/')) return backend(req, res);
    res.setHeader('access-control-allow-origin', req.headers.origin ?? '');
    res.setHeader('access-control-allow-credentials', 'true');
    if (req.url === '/probe/set') {
      res.setHeader('set-cookie', [
        'probe-plain=1; Path=/probe; SameSite=None; Secure',
        'probe-partitioned=1; Path=/probe; SameSite=None; Secure; Partitioned',
      ]);
    }
    res.end(req.headers.cookie ?? '');
  };
}

const signInPrompt = (page: Page) =>
  page.locator('portico-account-summary').getByText('Sign in to see your account.');
const greeting = (page: Page, name: string) =>
  page.locator('portico-account-summary').getByRole('heading', { name: `Hello, ${name}` });

async function signIn(page: Page, email: string) {
  const login = page.locator('portico-login');
  await login.getByLabel('Email').fill(email);
  await login.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await login.getByRole('button', { name: 'Sign in' }).click();
}

describe('three deployments, each on two sites, with third-party cookies blocked', () => {
  let plain: Front;
  let secure: Front;
  let browser: SitesBrowser;
  const deployments: Record<'subdomain' | 'proxied' | 'crossSite', Deployment> = {} as never;
  const problems: string[] = [];
  // Every backend that started, so `after` closes them even when another failed to start.
  const running: TestPortico[] = [];

  before(async () => {
    const tls = await selfSignedCertificate([SHOP, PORTAL_ELSEWHERE, STRANGER]);
    // Each is kept as it starts, so `after` closes it even when another fails to start.
    await Promise.all([
      startFront().then((front) => (plain = front)),
      startFront(tls).then((front) => (secure = front)),
      launchSitesBrowser([SHOP, PORTAL_SUBDOMAIN, PORTAL_ELSEWHERE, STRANGER]).then(
        (launched) => (browser = launched),
      ),
    ]);
    // Every step takes well under a second here; a broken one should fail soon.
    browser.context.setDefaultTimeout(15_000);
    const plans = {
      subdomain: {
        publicUrl: plain.origin(PORTAL_SUBDOMAIN),
        shop: plain.origin(SHOP),
        stranger: plain.origin(STRANGER),
        env: { TRUSTED_ORIGINS: plain.origin(SHOP) },
      },
      proxied: {
        publicUrl: `${plain.origin(SHOP)}/portico`,
        shop: plain.origin(SHOP),
        stranger: plain.origin(STRANGER),
        env: {},
      },
      crossSite: {
        publicUrl: secure.origin(PORTAL_ELSEWHERE),
        shop: secure.origin(SHOP),
        stranger: secure.origin(STRANGER),
        env: { TRUSTED_ORIGINS: secure.origin(SHOP), CROSS_SITE_COOKIES: 'partitioned' },
      },
    };
    const started = await Promise.all(
      Object.values(plans).map(({ publicUrl, env }) =>
        startTestPortico({ env: { PUBLIC_URL: publicUrl, ...env } }).then((portico) => {
          running.push(portico);
          return portico;
        }),
      ),
    );
    for (const [index, [name, plan]] of Object.entries(plans).entries()) {
      deployments[name as keyof typeof plans] = {
        name,
        publicUrl: plan.publicUrl,
        page: `${plan.shop}/${name}.html`,
        strangerPage: `${plan.stranger}/${name}.html`,
        portico: started[index]!,
      };
    }
    const backend = (deployment: Deployment) => {
      const { port } = deployment.portico.server.address() as { port: number };
      return `http://127.0.0.1:${port}`;
    };
    const { subdomain, proxied, crossSite } = deployments;
    // The proxied page names the script by its path on the shop, as a vendor would write it.
    const plainPages = pages({
      '/subdomain.html': hostPage(subdomain.publicUrl),
      '/proxied.html': hostPage(
        proxied.publicUrl,
        'en',
        '<portico-order-form page-size="5"></portico-order-form>',
      ),
      '/proxied-de.html': hostPage(proxied.publicUrl, 'de'),
    });
    const portico = forwardTo(backend(proxied), '/portico');
    plain.hosts.set(SHOP, (req, res) =>
      req.url?.startsWith('/portico/') ? portico(req, res) : plainPages(req, res),
    );
    plain.hosts.set(STRANGER, plainPages);
    plain.hosts.set(PORTAL_SUBDOMAIN, forwardTo(backend(subdomain)));
    const securePages = pages({ '/crossSite.html': hostPage(crossSite.publicUrl) });
    secure.hosts.set(SHOP, securePages);
    secure.hosts.set(STRANGER, securePages);
    secure.hosts.set(PORTAL_ELSEWHERE, cookieProbe(forwardTo(backend(crossSite))));

    // A product with a picture under the backend's /media/, for the proxied shop.
    const { services, dataDir } = proxied.portico;
    await mkdir(join(dataDir, 'media'), { recursive: true });
    await writeFile(
      join(dataDir, 'media', 'bean.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>',
    );
    await saveCategory(services.db, { id: 'coffee', position: 1, names: { en: 'Coffee' } });
    await saveProduct(services.db, {
      sku: 'T-BEANS',
      categoryId: 'coffee',
      kind: 'product',
      unitPrice: 2450,
      currency: 'EUR',
      taxRate: 1200,
      stock: 10,
      image: '/media/bean.svg',
      texts: { en: { name: 'Espresso beans 1 kg' } },
    });
  });

  after(async () => {
    await browser?.close();
    await Promise.all(running.map((portico) => portico.close()));
    await Promise.all([plain?.close(), secure?.close()]);
  });

  async function newPage(): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    return page;
  }

  /**
   * A customer signs in on the vendor's page, sees their account and a banner that arrives live,
   * keeps the session over a reload without the page's scripts seeing it, and signs out.
   */
  async function journey(
    deployment: Deployment,
    whileSignedIn: (page: Page) => Promise<void> = async () => {},
  ): Promise<void> {
    const { services } = deployment.portico;
    const email = `${deployment.name.toLowerCase()}@customer.test`;
    const name = `Customer of ${deployment.name}`;
    const userId = await createPerson(services.auth, {
      name,
      email,
      password: PASSWORD,
      role: 'customer',
    });
    const accountId = await ensureCustomerAccount(services.db, { id: userId, name });

    const page = await newPage();
    await page.goto(deployment.page);
    await signInPrompt(page).waitFor();
    await signIn(page, email);
    await greeting(page, name).waitFor();

    const seen = await page.evaluate(() => document.cookie);
    assert.doesNotMatch(seen, /session|portico/, 'the host page can read the session');
    await whileSignedIn(page);

    // Only for this account: the live stream must carry the session to bring it.
    const title = `Closed on ${deployment.name}`;
    const input = announcementInput.parse({
      title,
      body: 'Back tomorrow.',
      severity: 'info',
      audience: 'accounts',
      accountIds: [accountId],
    });
    const change = await createAnnouncement(services.db, { id: userId, name }, input);
    services.bus.publishAnnouncement({ accountIds: change.audience });
    await page.locator('portico-announcements').getByText(title, { exact: true }).waitFor();

    await page.reload();
    await greeting(page, name).waitFor();

    await page.locator('portico-login').getByRole('button', { name: 'Sign out' }).click();
    await signInPrompt(page).waitFor();
    await page.reload();
    await signInPrompt(page).waitFor();
    await page.locator('portico-login').getByRole('button', { name: 'Sign in' }).waitFor();
    const left = await browser.context.cookies(`${deployment.publicUrl}/api/trpc`);
    assert.deepEqual(
      left.filter((cookie) => cookie.name.endsWith('session_token')),
      [],
      'signed out, the session cookie is gone',
    );
    await page.close();
  }

  /** The session cookie the browser keeps for requests to the backend's API. */
  async function sessionCookie(deployment: Deployment) {
    const cookies = await browser.context.cookies(`${deployment.publicUrl}/api/trpc`);
    const session = cookies.find((cookie) => cookie.name.endsWith('session_token'));
    assert.ok(session, 'the browser keeps a session cookie for the API');
    return session;
  }

  /** A page on a site nobody trusted: the API refuses it, the elements say so, nobody signs in. */
  async function stranger(deployment: Deployment) {
    const email = `${deployment.name.toLowerCase()}@customer.test`;
    const page = await newPage();
    await page.goto(deployment.strangerPage);
    await signInPrompt(page).waitFor();
    await signIn(page, email);
    const alert = page.locator('portico-login').getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /could not be reached/);
    assert.equal(await greeting(page, `Customer of ${deployment.name}`).count(), 0);
    const read = await page.evaluate(async (api) => {
      try {
        await fetch(`${api}/api/trpc/session.me`, { credentials: 'include' });
        return 'read';
      } catch {
        return 'refused';
      }
    }, deployment.publicUrl);
    assert.equal(read, 'refused');
    await page.close();
  }

  it('(1) the portal on a subdomain of the shop: first-party cookies', async () => {
    const { subdomain } = deployments;
    await journey(subdomain, async () => {
      const session = await sessionCookie(subdomain);
      assert.equal(session.domain, PORTAL_SUBDOMAIN, 'only the portal’s host receives it');
      assert.equal(session.sameSite, 'Lax');
      assert.equal(session.httpOnly, true);
      assert.equal(session.partitionKey, undefined);
    });
    await stranger(subdomain);
  });

  it('(2) the shop proxies /portico/ to the backend: one origin', async () => {
    const { proxied } = deployments;
    const shop = plain.origin(SHOP);
    const requests: { url: string; status: number }[] = [];
    const record = (page: Page) =>
      page.on('response', (response) =>
        requests.push({ url: response.url(), status: response.status() }),
      );

    // The order form's product picture comes from /portico/media/ through the proxy.
    const page = await newPage();
    record(page);
    const picture = page.waitForResponse((response) => response.url().endsWith('/media/bean.svg'));
    await page.goto(proxied.page);
    assert.equal((await picture).url(), `${proxied.publicUrl}/media/bean.svg`);
    assert.equal((await picture).status(), 200);
    await page.close();

    await journey(proxied, async (signedIn) => {
      record(signedIn);
      const session = await sessionCookie(proxied);
      assert.equal(session.path, '/portico/api', 'the shop’s own pages never receive it');
      assert.equal(session.sameSite, 'Lax');
      assert.equal(session.httpOnly, true);
    });

    // A translation, fetched as a chunk from under /portico/ like the rest of the code.
    const german = await newPage();
    record(german);
    await german.goto(`${shop}/proxied-de.html`);
    await german
      .locator('portico-login')
      .getByRole('button', { name: 'Anmelden' })
      .first()
      .waitFor();
    await german.close();

    // The staff console, under the prefix too: its script, chunks and API calls.
    const staff = await newPage();
    record(staff);
    await staff.goto(`${proxied.publicUrl}/staff`);
    await staff.locator('portico-login').getByRole('button', { name: 'Sign in' }).waitFor();
    assert.ok(
      requests.some((request) =>
        request.url.startsWith(`${proxied.publicUrl}/api/trpc/session.me`),
      ),
      'the console asked the backend under /portico/ who is signed in',
    );
    await staff.close();

    const fromPortal = requests.filter(
      (request) => request.url.startsWith(shop) && !/\/proxied(-de)?\.html$/.test(request.url),
    );
    assert.ok(fromPortal.length > 5, 'the elements fetched their code and data from the shop');
    assert.deepEqual(
      fromPortal.filter((request) => !request.url.startsWith(`${shop}/portico/`)),
      [],
      'every request went under /portico/',
    );
    assert.deepEqual(
      fromPortal.filter((request) => request.status >= 400),
      [],
      'no request under /portico/ failed',
    );
    await stranger(proxied);
  });

  it('(3) the portal on another site: partitioned cookies where third-party ones are blocked', async () => {
    const { crossSite } = deployments;
    const probe = await newPage();
    await probe.goto(crossSite.page);
    const sent = await probe.evaluate(async (portal) => {
      await (await fetch(`${portal}/probe/set`, { credentials: 'include' })).text();
      const echo = await fetch(`${portal}/probe/echo`, { credentials: 'include' });
      return echo.text();
    }, crossSite.publicUrl);
    assert.match(sent, /probe-partitioned=1/, 'the probe works: its partitioned cookie came back');
    assert.doesNotMatch(sent, /probe-plain/, 'third-party cookies are blocked');
    await probe.close();

    await journey(crossSite, async () => {
      const session = await sessionCookie(crossSite);
      assert.equal(session.httpOnly, true);
      assert.equal(session.secure, true);
      assert.equal(session.sameSite, 'None');
      assert.equal(session.partitionKey, `https://${SHOP}`, 'kept for the shop’s pages only');
    });
    await stranger(crossSite);
  });

  it('left no errors on any page', () => {
    assert.deepEqual(problems, []);
  });
});
