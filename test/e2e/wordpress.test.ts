import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startDemoProcess, type DemoProcess } from '../support/demo-process.ts';
import { startWordPress, wordpressMissing, type WordPressSite } from '../support/wordpress.ts';
import { DEMO_SIGN_INS } from '../../backend/seed/demo.seed.ts';

const PLUGIN = resolve(import.meta.dirname, '../../wordpress/portico');
const { customer } = DEMO_SIGN_INS;

/** The page an author publishes: every shortcode, as the block editor stores them. */
const PORTAL_PAGE = [
  '[portico_announcements]',
  '[portico_login without-sign-up onclick="alert(1)"]',
  '[portico_order_form page-size="6" order-href="/portal/#order={number}"]',
  '[portico_account shop-href="/shop/" ticket-href="javascript:alert(1)"]',
  '[portico_tickets page-size="5"]',
  '[portico_help query="invoice" ask-href="/portal/#new-ticket&subject={query}"]',
  '[portico_notifications]',
  '[portico_chat position="start" style="display:none"]',
]
  .map((shortcode) => `<!-- wp:shortcode -->\n${shortcode}\n<!-- /wp:shortcode -->`)
  .join('\n\n');

const missing = wordpressMissing();
// CI installs WordPress (.ci/run), so there a missing piece is a failure, not a reason to skip.
if (missing && process.env.CI === 'true') {
  throw new Error(`The WordPress test cannot run: it ${missing}.`);
}

describe('the WordPress plugin in a real WordPress', { skip: missing ?? false }, () => {
  let wordpress: WordPressSite;
  let portico: DemoProcess;
  let browser: Browser;
  let admin: BrowserContext;
  let portalPage: { id: number; url: string };
  let plainPage: { id: number; url: string };

  before(async () => {
    // WordPress first: Portico must trust its origin from the start.
    const starting = startWordPress({ plugins: { portico: PLUGIN } });
    const launching = launchChromium();
    wordpress = await starting.catch(async (error: unknown) => {
      await (await launching).close();
      throw error;
    });
    // Each is kept as it starts, so `after` closes it even when the other fails to start.
    await Promise.all([
      startDemoProcess({ TRUSTED_ORIGINS: wordpress.url }).then((started) => (portico = started)),
      launching.then((launched) => (browser = launched)),
    ]);
    [portalPage, plainPage] = await Promise.all([
      wordpress.cli<{ id: number; url: string }>('page', 'Portal', PORTAL_PAGE),
      wordpress.cli<{ id: number; url: string }>('page', 'About us', 'We roast coffee.'),
    ]);
    admin = await signedInContext(wordpress.admin);
  });

  after(async () => {
    await browser?.close();
    await Promise.all([portico?.stop(), wordpress?.stop()]);
  });

  async function signedInContext(person: { name: string; password: string }) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${wordpress.url}/wp-login.php`);
    // The login page moves the focus to the name field 200 ms after it loads. Typing before that
    // could put the password into the name field on a slow machine: wait for it first.
    await page.waitForFunction(() => document.activeElement?.id === 'user_login');
    await page.locator('#user_login').fill(person.name);
    await page.locator('#user_pass').fill(person.password);
    await Promise.all([page.waitForURL(/\/wp-admin\//), page.click('#wp-submit')]);
    await page.close();
    return context;
  }

  /** The stored option; null when there is none. */
  const storedUrl = async () =>
    (await wordpress.cli<{ value: unknown }>('option', 'portico_portal_url')).value;
  /** The portal URL in effect ('' until one is saved). */
  const savedUrl = async () => (await storedUrl()) ?? '';

  /** Submits the settings form and waits for the page WordPress redirects back to. */
  async function saveSettings(page: Page) {
    await Promise.all([
      page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame()),
      page.getByRole('button', { name: 'Save Changes' }).click(),
    ]);
    await page.waitForLoadState('load');
  }

  it('asks for the portal URL and saves only a valid one under Settings → Portico', async () => {
    const page = await admin.newPage();
    await page.goto(`${wordpress.url}/wp-admin/`);
    const notice = page.locator('#portico-missing-portal-url');
    await notice.waitFor();
    assert.match(await notice.innerText(), /enter the address of your portal/);

    await page.goto(`${wordpress.url}/wp-admin/options-general.php`);
    await page.locator('#adminmenu a[href="options-general.php?page=portico"]').click();
    await page.getByRole('heading', { name: 'Portico', level: 1 }).waitFor();
    assert.equal(await notice.count(), 0, 'the settings page itself asks with its form');
    assert.match(
      await page.locator('#portico-trusted-origins').innerText(),
      new RegExp(`TRUSTED_ORIGINS=${wordpress.url.replace(/[.]/g, '\\.')}\\b`),
    );
    assert.equal(await page.locator('#portico-shortcodes tbody tr').count(), 8);

    const field = page.getByLabel('Portal URL');
    for (const bad of [
      'ftp://portal.example',
      'javascript:alert(1)',
      'https://portal.example/?a=1',
    ]) {
      await field.fill(bad);
      await saveSettings(page);
      const error = page.locator('#setting-error-portico_invalid_portal_url');
      await error.waitFor();
      assert.equal(await error.count(), 1);
      assert.equal(await page.locator('#setting-error-settings_updated').count(), 0);
      assert.equal(await savedUrl(), '', `${bad} is refused`);
    }

    await field.fill(`${portico.portico}/`);
    await saveSettings(page);
    await page.locator('#setting-error-settings_updated').waitFor();
    assert.equal(await field.inputValue(), portico.portico, 'stored without the trailing slash');
    assert.equal(await savedUrl(), portico.portico);

    await page.goto(`${wordpress.url}/wp-admin/`);
    await page.locator('#wpbody-content').waitFor();
    assert.equal(await notice.count(), 0);
    await page.close();
  });

  it('takes the portal URL only from an administrator through the form with its nonce', async () => {
    const forged = await admin.request.post(`${wordpress.url}/wp-admin/options.php`, {
      form: {
        option_page: 'portico',
        action: 'update',
        portico_portal_url: 'https://evil.example',
      },
      maxRedirects: 0,
    });
    assert.equal(forged.status(), 403);
    assert.equal(await savedUrl(), portico.portico);

    await wordpress.cli('user', 'reader', 'reader@shop.test', 'reader password 1', 'subscriber');
    const reader = await signedInContext({ name: 'reader', password: 'reader password 1' });
    const page = await reader.newPage();
    const response = await page.goto(`${wordpress.url}/wp-admin/options-general.php?page=portico`);
    assert.equal(response?.status(), 403);
    assert.equal(await page.getByLabel('Portal URL').count(), 0);
    await reader.close();
  });

  it('renders every element on a page with the shortcodes, and a customer signs in there', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const pageConsole: string[] = [];
    page.on('console', (message) => pageConsole.push(message.text()));
    await page.goto(portalPage.url);

    const scripts = page.locator('script[src*="/portico.js"]');
    assert.equal(await scripts.count(), 1);
    assert.equal(await scripts.getAttribute('type'), 'module');
    assert.equal(await scripts.getAttribute('src'), `${portico.portico}/portico.js`);

    // The attributes each element documents pass through; anything else stays out.
    const attributes = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('[class~="entry-content"] *')]
          .filter((element) => element.localName.startsWith('portico-'))
          .map((element) => [
            element.localName,
            Object.fromEntries([...element.attributes].map((a) => [a.name, a.value])),
          ]),
      ),
    );
    assert.deepEqual(
      Object.fromEntries(
        Object.entries(attributes).map(([tag, values]) => [
          tag,
          // The elements' own: language and direction when they differ from the page, and
          // `hidden` while there is nothing to show.
          Object.fromEntries(
            Object.entries(values).filter(([name]) => !['lang', 'dir', 'hidden'].includes(name)),
          ),
        ]),
      ),
      {
        'portico-announcements': {},
        'portico-login': { 'without-sign-up': '' },
        'portico-order-form': { 'page-size': '6', 'order-href': '/portal/#order={number}' },
        'portico-account-summary': { 'shop-href': '/shop/' },
        'portico-ticket-inbox': { 'page-size': '5' },
        'portico-help-search': {
          query: 'invoice',
          'ask-href': '/portal/#new-ticket&subject={query}',
        },
        'portico-notifications': {},
        'portico-chat': { position: 'start' },
      },
    );

    // Each element shows what the portal answered a visitor (locators pierce shadow roots).
    await Promise.all([
      page
        .locator('portico-announcements [part~="announcement"]', { hasText: 'Holiday hours' })
        .waitFor(),
      page.locator('portico-order-form [part~="products"] [part~="product"]').first().waitFor(),
      page.locator('portico-account-summary').getByText('Sign in to see your account.').waitFor(),
      page.locator('portico-ticket-inbox').getByText('Sign in to see your tickets.').waitFor(),
      page.locator('portico-help-search [part~="result"]').first().waitFor(),
      page.locator('portico-chat [part~="launcher"]').waitFor(),
    ]).catch((error: Error) => {
      throw new Error(`${error.message}\nThe page's console:\n${pageConsole.join('\n')}`);
    });
    assert.ok(
      (await page.locator('portico-order-form [part~="products"] [part~="product"]').count()) <= 6,
      'page-size arrived',
    );
    assert.equal(await page.locator('portico-help-search [part~="input"]').inputValue(), 'invoice');

    const login = page.locator('portico-login');
    await login.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.equal(await login.getByText('Create an account').count(), 0, 'without-sign-up arrived');
    await login.getByLabel('Email').fill(customer.email);
    await login.getByLabel('Password', { exact: true }).fill(customer.password);
    await login.getByRole('button', { name: 'Sign in' }).click();
    await login.getByRole('button', { name: 'Sign out' }).waitFor();
    await page
      .locator('portico-account-summary')
      .getByRole('heading', { name: `Hello, ${customer.name}` })
      .waitFor();
    await page
      .locator('portico-notifications')
      .getByRole('button', { name: /^Notifications/ })
      .waitFor();

    assert.deepEqual(errors, []);
    await context.close();
  });

  it('loads portico.js only on pages with a shortcode', async () => {
    for (const url of [plainPage.url, `${wordpress.url}/`]) {
      const html = await (await fetch(url)).text();
      assert.match(html, /<\/html>/);
      assert.doesNotMatch(html, /portico\.js/, url);
    }
    const portal = await (await fetch(portalPage.url)).text();
    assert.equal(portal.match(/portico\.js/g)?.length, 1);
  });

  it('makes its own script tag a module in place, keeping what other plugins added', async () => {
    const { html } = await wordpress.cli<{ html: string }>('script-tag', 'https://portal.example');
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(tags.length, 3, html);
    const [before, own, after] = tags as [string, string, string];
    assert.match(own, /^<script type="module" /, html);
    assert.match(own, /src=["']https:\/\/portal\.example\/portico\.js["']/);
    assert.match(own, / nonce="n0nce"/, 'another filter’s attribute stays');
    assert.equal(own.match(/\stype=/g)?.length, 1, 'one type only');
    for (const inline of [before, after]) {
      assert.match(inline, / nonce="n0nce"/);
      assert.doesNotMatch(inline, /module/);
    }
    assert.match(html, /window\.before = 1;[\s\S]*portico\.js[\s\S]*window\.after = 1;/);
  });

  it('refuses an http portal URL on a site served over https', async () => {
    const saved = await savedUrl();
    const sanitize = (...args: string[]) =>
      wordpress.cli<{ saved: string; errors: string[] }>('sanitize-portal-url', ...args);
    assert.deepEqual(await sanitize('http://portal.example', 'https'), {
      saved,
      errors: ['portico_insecure_portal_url'],
    });
    assert.deepEqual(await sanitize('https://portal.example', 'https'), {
      saved: 'https://portal.example',
      errors: [],
    });
    assert.deepEqual(await sanitize('http://portal.example'), {
      saved: 'http://portal.example',
      errors: [],
    });
  });

  it('speaks the site language through the page', async () => {
    await wordpress.cli('site-language', 'de_DE');
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(portalPage.url);
      assert.equal(await page.locator('html').getAttribute('lang'), 'de-DE');
      await page.locator('portico-login').getByRole('button', { name: 'Anmelden' }).waitFor();
      await context.close();
    } finally {
      await wordpress.cli('site-language', '');
    }
  });

  it('drops attribute values that could run script, however they are written', async () => {
    const { html } = await wordpress.cli<{ html: string }>(
      'shortcode',
      [
        '[portico_account ticket-href="java&amp;#115;cript:alert(1)" shop-href=" JaVaScRiPt:alert(1)"]',
        '[portico_chat help-href="data:text/html,x" ticket-href="java\tscript:alert(1)"]',
        `[portico_help query='"><script>alert(1)</script>' ask-href="mailto:help@shop.test"]`,
        '[portico_tickets page-size="0"][portico_notifications page-size="12abc"]',
        '[portico_chat position="middle" without-launcher="no" locale="de_DE"]',
        `[portico_login lang="pt_BR"][portico_login lang='en" onfocus="alert(1)']`,
      ].join(''),
    );
    assert.doesNotMatch(html, /script:|data:|<script/i);
    assert.deepEqual(html.match(/<[a-z-]+[^>]*>/g), [
      '<portico-account-summary>',
      '<portico-chat>',
      '<portico-help-search query="&quot;&gt;" ask-href="mailto:help@shop.test">',
      '<portico-ticket-inbox>',
      '<portico-notifications>',
      '<portico-chat locale="de-DE">',
      '<portico-login lang="pt-BR">',
      '<portico-login>',
    ]);
  });

  it('logs no PHP warning from the plugin', async () => {
    const lines = (await wordpress.debugLog()).split('\n');
    assert.deepEqual(
      lines.filter((line) => /plugins\/portico\/|PHP (Fatal|Parse) error/.test(line)),
      [],
    );
  });

  it('removes its option when deleted', async () => {
    const { active } = await wordpress.cli<{ active: boolean }>('uninstall', 'portico/portico.php');
    assert.equal(active, false);
    assert.equal(await storedUrl(), null);
  });
});
