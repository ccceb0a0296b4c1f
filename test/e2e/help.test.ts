import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { staffSession, startDemoProcess, type DemoProcess } from '../support/demo-process.ts';
import { DEMO_SIGN_INS } from '../../backend/seed/demo.seed.ts';

describe('the demo help centre, searched as a visitor types', () => {
  let demo: DemoProcess;
  let browser: Browser;

  before(async () => {
    [demo, browser] = await Promise.all([startDemoProcess(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('finds articles from a partial word, opens one and records that it helped', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${demo.demo}/support.html`);
    const help = page.locator('portico-help-search');
    // While the box is empty, the categories are there to browse.
    await help.locator('[part~="category"]').first().waitFor();
    await help.getByLabel('Search the help centre').pressSequentially('trac', { delay: 40 });
    const result = help.locator('[part~="result"]', { hasText: 'Track a shipment' });
    await result.waitFor();
    assert.ok(
      (await result.locator('[part~="match"]').allInnerTexts()).some((word) => /^trac/i.test(word)),
      'the typed letters are marked in the result',
    );
    await result.click();
    await page.waitForURL(/#help=track-a-shipment$/);
    await help.getByRole('heading', { name: 'Track a shipment' }).waitFor();
    const staff = await staffSession(demo, DEMO_SIGN_INS.agent);
    const counts = async () => {
      const listed = (await (await staff('staff.help.list', { q: 'track a shipment' })).json()) as {
        result: { data: { articles: { slug: string; helpfulCount: number; viewCount: number }[] } };
      };
      return listed.result.data.articles.find((row) => row.slug === 'track-a-shipment')!;
    };
    const before = await counts();
    await help.getByRole('button', { name: 'Yes' }).click();
    await help.locator('[part~="thanks"]').waitFor();

    const article = await counts();
    assert.equal(article.helpfulCount, before.helpfulCount + 1);
    assert.ok(article.viewCount >= 1);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  it('searches in Persian on a right-to-left page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        document.documentElement.lang = 'fa';
        document.documentElement.dir = 'rtl';
      });
    });
    await page.goto(`${demo.demo}/support.html`);
    const help = page.locator('portico-help-search');
    // The page is Persian, so the search box is labelled in Persian too.
    await help.getByLabel('جستجو در مرکز راهنما').pressSequentially('رهگیر', { delay: 40 });
    const result = help.locator('[part~="result"]', { hasText: 'رهگیری مرسوله' });
    await result.waitFor();
    const layout = await result.evaluate((element) => {
      const box = element.getBoundingClientRect();
      // The words themselves, not their box (which may fill the line).
      const words = document.createRange();
      words.selectNodeContents(element.querySelector('[part~="result-title"]')!);
      const title = words.getBoundingClientRect();
      return {
        direction: getComputedStyle(element).direction,
        // Right to left: the title starts at the right edge of its result.
        gapRight: Math.round(box.right - title.right),
        gapLeft: Math.round(title.left - box.left),
      };
    });
    assert.equal(layout.direction, 'rtl');
    assert.ok(layout.gapRight < layout.gapLeft, JSON.stringify(layout));
    await result.click();
    const body = help.locator('[part~="body"]');
    await body.waitFor();
    assert.equal(await body.getAttribute('dir'), 'rtl');
    assert.equal(await body.getAttribute('lang'), 'fa');
    await context.close();
  });
});
