import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startTestPortico, type TestPortico } from '../support/portico.ts';

interface ManifestElement {
  tagName?: string;
  customElement?: boolean;
  attributes?: unknown[];
  cssParts?: unknown[];
}

/** What the page shows for one tag: its heading and the tables under it. */
interface Shown {
  tag: string;
  heading: string;
  tables: string[];
  rows: Record<string, number>;
}

// `npm test` builds dist/ and custom-elements.json before this runs.
describe('the elements reference page', () => {
  let portico: TestPortico;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  let tags: string[] = [];
  let manifestElements: ManifestElement[] = [];

  before(async () => {
    [portico, browser] = await Promise.all([startTestPortico(), launchChromium()]);
    const manifest = (await (await fetch(`${portico.url}/custom-elements.json`)).json()) as {
      modules: { declarations?: ManifestElement[] }[];
    };
    manifestElements = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.tagName);
    tags = manifestElements.map((declaration) => declaration.tagName!);
    context = await browser.newContext({ viewport: { width: 320, height: 800 } });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') {
        problems.push(`console error: ${message.text()} (${message.location().url})`);
      }
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    await page.goto(`${portico.url}/elements`);
    await page.locator('#status', { hasText: /elements\.$/ }).waitFor();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await portico?.close();
  });

  it('lists every tag of the manifest, each with a link from the contents', async () => {
    assert.ok(tags.includes('portico-login') && tags.includes('portico-staff-console'));
    const sections = await page
      .locator('article.element')
      .evaluateAll((articles) => articles.map((article) => article.id));
    assert.deepEqual([...sections].sort(), [...tags].sort());
    const links = await page
      .locator('nav a[href^="#portico-"]')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!.slice(1)));
    assert.deepEqual([...links].sort(), [...tags].sort());
  });

  it('shows each tag’s attributes, parts and tokens in tables with headers', async () => {
    const shown: Shown[] = await page.locator('article.element').evaluateAll((articles) =>
      articles.map((article) => {
        const tables = [...article.querySelectorAll('table')];
        const titleOf = (table: Element) =>
          document.getElementById(table.getAttribute('aria-labelledby') ?? '')?.textContent ?? '';
        return {
          tag: article.id,
          heading: article.querySelector('h3')?.textContent ?? '',
          tables: tables.map(titleOf),
          rows: Object.fromEntries(
            tables.map((table) => [titleOf(table), table.querySelectorAll('tbody tr').length]),
          ),
        };
      }),
    );
    for (const element of manifestElements) {
      const entry = shown.find((candidate) => candidate.tag === element.tagName);
      assert.ok(entry, element.tagName);
      assert.equal(entry.heading, `<${element.tagName}>`);
      assert.equal(entry.rows['Attributes'] ?? 0, element.attributes?.length ?? 0, entry.tag);
      assert.equal(entry.rows['CSS parts'] ?? 0, element.cssParts?.length ?? 0, entry.tag);
    }
    const login = shown.find((entry) => entry.tag === 'portico-login')!;
    for (const title of ['Attributes', 'Properties', 'Events', 'CSS parts']) {
      assert.ok(login.tables.includes(title), `<portico-login> has a ${title} table`);
    }
    const tokens = await page.locator('#tokens tbody th').allInnerTexts();
    assert.ok(tokens.includes('--portico-color-brand'), 'the tokens table lists the brand colour');
    const headers = await page
      .locator('table')
      .evaluateAll((tables) =>
        tables.every((table) => table.querySelectorAll('thead th[scope="col"]').length > 0),
      );
    assert.ok(headers, 'every table has column headers');
    const event = page.locator('#portico-login-events-title + .scroll tbody tr', {
      hasText: 'portico-signed-in',
    });
    assert.match(await event.innerText(), /SignedInEvent[\s\S]*event\.user/);
  });

  it('renders a live example of every element a vendor’s page can use', async () => {
    const examples = page.locator('.example');
    assert.ok((await examples.count()) >= 9, 'one example per element for vendors’ pages');
    // Each example's elements are defined by /portico.js and render into their shadow roots.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.example')].every((example) =>
        [...example.querySelectorAll('*')]
          .filter((node) => node.localName.startsWith('portico-'))
          .every((node) => customElements.get(node.localName) !== undefined),
      ),
    );
    const unrendered = await examples.evaluateAll(async (boxes) => {
      const empty: string[] = [];
      for (const box of boxes) {
        const elements = [...box.querySelectorAll('*')].filter(
          (node) => node.localName.startsWith('portico-') && node.localName !== 'portico-portal',
        ) as (HTMLElement & { updateComplete?: Promise<unknown> })[];
        for (const element of elements) {
          await element.updateComplete;
          // The bell hides itself from visitors: rendered, with nothing to show.
          if (element.hidden && element.shadowRoot) continue;
          const root = element.shadowRoot;
          const content = root ? [...root.childNodes].some((n) => n.nodeType === 1) : false;
          if (!content) empty.push(element.localName);
        }
      }
      return empty;
    });
    assert.deepEqual(unrendered, [], 'each example renders into its shadow root');
  });

  it('fits a 320 px screen, loads nothing from elsewhere and logs no errors', async () => {
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    const foreign = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((url) => new URL(url).origin !== location.origin),
    );
    assert.deepEqual(foreign, []);
    assert.deepEqual(problems, []);
  });

  it('opens a tag from its anchor, with the heading in view', async () => {
    const second = await context.newPage();
    await second.goto(`${portico.url}/elements#portico-help-search`);
    await second.locator('#portico-help-search').waitFor();
    await second.waitForFunction(() => {
      const heading = document.querySelector('#portico-help-search h3');
      const top = heading?.getBoundingClientRect().top ?? -1;
      return top >= 0 && top < innerHeight;
    });
    await second.close();
  });
});
