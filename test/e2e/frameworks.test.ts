import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startDemoProcess, type DemoProcess } from '../support/demo-process.ts';
import { closeServer, listenOn } from '../../backend/listen.ts';
import { DEMO_SIGN_INS } from '../../backend/seed/demo.seed.ts';
import { bundleApps, type Framework } from '../frameworks/bundle.ts';
import { BUTTONS, FIRST, NEXT, headers } from '../frameworks/shop.ts';

const { customer } = DEMO_SIGN_INS;
const FRAMEWORKS: { name: Framework; label: string }[] = [
  { name: 'react', label: 'React 19' },
  { name: 'vue', label: 'Vue 3' },
];

/**
 * Counts the page's live streams (tRPC subscriptions are EventSources): how many were opened,
 * and how many are open now. Runs before any of the page's scripts.
 */
function countStreams() {
  const Native = window.EventSource;
  const streams = { opened: 0, open: 0 };
  Object.assign(window, { porticoStreams: streams });
  window.EventSource = class extends Native {
    #closed = false;
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      streams.opened += 1;
      streams.open += 1;
    }
    override close() {
      if (!this.#closed) streams.open -= 1;
      this.#closed = true;
      super.close();
    }
  };
}

/** Waits until `check` holds, asking again every 50 ms; fails with `what` after 15 s. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the elements inside a React 19 page and a Vue 3 page', () => {
  let demo: DemoProcess;
  let browser: Browser;
  let site: Server;
  let siteUrl: string;

  before(async () => {
    let apps: Record<Framework, string> | undefined;
    let porticoUrl = '';
    site = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://site').pathname;
      const framework = FRAMEWORKS.find(({ name }) => path.startsWith(`/${name}.`));
      if (!framework || !apps) {
        response.writeHead(404).end();
      } else if (path.endsWith('.js')) {
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(apps[framework.name]);
      } else {
        response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A ${framework.label} shop</title>
    <link rel="icon" href="data:," />
    <script type="module" src="${porticoUrl}/portico.js"></script>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/${framework.name}.js"></script>
  </body>
</html>`);
      }
    });
    siteUrl = `http://localhost:${await listenOn(site, 0)}`;
    // Each is kept as it starts, so `after` closes it even when another fails to start.
    await Promise.all([
      bundleApps().then((bundled) => (apps = bundled)),
      startDemoProcess({ TRUSTED_ORIGINS: siteUrl }).then((started) => (demo = started)),
      launchChromium().then((launched) => (browser = launched)),
    ]);
    porticoUrl = demo.portico;
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
    if (site) await closeServer(site);
  });

  for (const { name, label } of FRAMEWORKS) {
    describe(`in ${label}`, () => {
      let context: BrowserContext;
      let page: Page;
      const problems: string[] = [];
      const header = headers(name === 'react' ? 'React' : 'Vue');

      const login = () => page.locator('#login');
      const press = (id: string) => page.locator(`#${id}`).click();
      const streams = () =>
        page.evaluate(
          () =>
            (window as unknown as { porticoStreams: { opened: number; open: number } })
              .porticoStreams,
        );
      const products = () => page.locator('#shop [part~="products"] > [part~="product"]');
      const launcherSide = async () => {
        const box = await page.locator('#chat [part~="launcher"]').boundingBox();
        const width = page.viewportSize()!.width;
        assert.ok(box, 'the chat launcher is on screen');
        return box.x + box.width / 2 < width / 2 ? 'left' : 'right';
      };
      const showsProducts = (count: number) =>
        until(
          async () =>
            (await page.locator('#shop [part~="products"][aria-busy="false"]').count()) === 1 &&
            (await products().count()) === count,
          `${count} products`,
        );

      before(async () => {
        context = await browser.newContext();
        page = await context.newPage();
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('console', (message) => {
          const text = message.text();
          if (message.type() === 'error' || /\[Vue warn\]|Warning:/.test(text))
            problems.push(`console ${message.type()}: ${text}`);
        });
        await page.addInitScript(countStreams);
        await page.goto(`${siteUrl}/${name}.html`);
      });
      after(async () => {
        await context?.close();
      });

      it('passes attributes and properties, first and after a change of state', async () => {
        const search = page.locator('#help').getByLabel('Search the help centre');
        await until(async () => (await search.inputValue()) === FIRST.query, 'the first query');
        await showsProducts(FIRST.pageSize);
        assert.equal(await launcherSide(), 'right');
        const signUp = login().getByRole('button', { name: 'New here? Create an account' });
        await signUp.waitFor();

        await press(BUTTONS.nextQuery);
        await until(async () => (await search.inputValue()) === NEXT.query, 'the next query');
        await page
          .locator('#help [part~="result"]', { hasText: 'Track a shipment' })
          .first()
          .waitFor();
        await press(BUTTONS.biggerPage);
        await showsProducts(NEXT.pageSize);
        await press(BUTTONS.chatStart);
        await until(async () => (await launcherSide()) === 'left', 'the launcher on the left');
        await press(BUTTONS.hideSignUp);
        await signUp.waitFor({ state: 'detached' });

        const values = await page.evaluate(() => ({
          query: document.querySelector('portico-help-search')!.query,
          pageSize: document.querySelector('portico-order-form')!.pageSize,
          position: document.querySelector('portico-chat')!.position,
          withoutSignUp: document.querySelector('portico-login')!.withoutSignUp,
        }));
        assert.deepEqual(values, NEXT);
      });

      it('shows the header each framework slots in, instead of the vendor name', async () => {
        const slotted = (id: string, text: string) =>
          page.locator(`#${id} > [slot="header"]`, { hasText: text });
        const assigned = (id: string) =>
          page.locator(`#${id}`).evaluate((element) =>
            element
              .shadowRoot!.querySelector<HTMLSlotElement>('slot[name="header"]')!
              .assignedElements()
              .map((node) => node.textContent),
          );
        await slotted('login', header.login).waitFor();
        assert.deepEqual(await assigned('login'), [header.login]);
        assert.equal(await page.locator('#login [part~="vendor-name"]').isVisible(), false);

        await page.locator('#chat [part~="launcher"]').click();
        await slotted('chat', header.chat).waitFor();
        assert.deepEqual(await assigned('chat'), [header.chat]);
        assert.equal(await page.locator('#chat [part~="vendor-name"]').isVisible(), false);
        await page.locator('#chat [part~="launcher"]').click();
        await slotted('chat', header.chat).waitFor({ state: 'hidden' });
      });

      it('hears portico-signed-in through the framework’s own listener', async () => {
        await page.evaluate(() => {
          Object.assign(window, { firstLogin: document.querySelector('portico-login') });
        });
        assert.equal(await page.locator('#status').innerText(), 'Signed out');
        await login().getByLabel('Email').fill(customer.email);
        await login().getByLabel('Password', { exact: true }).fill(customer.password);
        await login().getByRole('button', { name: 'Sign in' }).click();
        await page.locator('#status', { hasText: `Signed in: ${customer.email}` }).waitFor();
        assert.equal(await page.locator('#signed-in-count').innerText(), '1');
        await login().getByText(`Signed in as ${customer.name}`).waitFor();
        // The bell opens its live stream for the signed-in customer.
        await until(async () => (await streams()).open > 0, 'a live stream');
      });

      it('keeps the same elements, signed in, when the framework renders again', async () => {
        // What the customer typed is the element's own state: an unrelated render keeps it.
        const search = page.locator('#help').getByLabel('Search the help centre');
        await search.fill(`${NEXT.query}ing`);
        const before = await streams();
        for (let count = 1; count <= 3; count += 1) {
          await press(BUTTONS.rerender);
          await page.locator('#renders', { hasText: String(count) }).waitFor();
        }
        const same = await page.evaluate(
          () =>
            document.querySelector('portico-login') ===
            (window as unknown as { firstLogin: Element }).firstLogin,
        );
        assert.ok(same, 'the framework kept the element it first made');
        await login().getByText(`Signed in as ${customer.name}`).waitFor();
        assert.equal(await page.locator('#signed-in-count').innerText(), '1');
        assert.deepEqual(await streams(), before, 'no stream was closed or opened again');
        assert.equal(await search.inputValue(), `${NEXT.query}ing`);
      });

      it('cleans up when the framework removes the elements, and works again when it adds them', async () => {
        await press(BUTTONS.toggle);
        await page.locator('#portal').waitFor({ state: 'detached' });
        await until(async () => (await streams()).open === 0, 'every live stream closed');
        const opened = (await streams()).opened;

        await press(BUTTONS.toggle);
        await login().getByText(`Signed in as ${customer.name}`).waitFor();
        await until(async () => (await streams()).open > 0, 'the live stream again');
        assert.ok((await streams()).opened > opened, 'a new stream was opened');
        const search = page.locator('#help').getByLabel('Search the help centre');
        assert.equal(await search.inputValue(), NEXT.query);
        await showsProducts(NEXT.pageSize);
        assert.equal(await launcherSide(), 'left');

        await login().getByRole('button', { name: 'Sign out' }).click();
        await page.locator('#status', { hasText: 'Signed out' }).waitFor();
        await until(async () => (await streams()).open === 0, 'the stream closed on sign-out');
      });

      it('wrote no errors to the console', () => {
        assert.deepEqual(problems, []);
      });
    });
  }
});
