// The elements on demo/site/hostile.html, a page whose CSS does its worst, for the README:
// `npm run screenshots:hostile` writes docs/screenshots/hostile/.
import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { launchChromium } from '../test/support/browser.ts';
import { signInOnPage, startDemoProcess } from '../test/support/demo-process.ts';
import { DEMO_SIGN_INS } from '../backend/seed/demo.seed.ts';

const out = new URL('../docs/screenshots/hostile/', import.meta.url).pathname;
await mkdir(out, { recursive: true });
// The chat says "Nobody is online" and no reminder lands while the pictures are taken.
const demo = await startDemoProcess({
  CHAT_AWAY_AFTER_SECONDS: '0',
  REMINDER_INTERVAL_SECONDS: '0',
});
const browser = await launchChromium();

/** Everything drawn, fonts in, the network quiet (live streams never end: a few seconds at most). */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => {});
  await page.evaluate(() => document.fonts.ready);
}

/** The element on the page as it is, the page's background behind it; the chat's launcher hidden. */
async function shoot(target: Locator, name: string): Promise<void> {
  await target.screenshot({
    path: `${out}${name}.png`,
    animations: 'disabled',
    caret: 'hide',
    style: 'portico-chat { visibility: hidden; }',
  });
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${demo.demo}/hostile.html`);
  const login = page.locator('portico-login');
  await login.locator('[part~="submit"]').waitFor();
  await page.locator('portico-help-search [part~="category"]').first().waitFor();
  await settle(page);
  // The window as a visitor first sees it: the page's own content beside the elements.
  await page.screenshot({ path: `${out}page.png`, animations: 'disabled', caret: 'hide' });
  await shoot(login, 'portico-login');

  await signInOnPage(demo, page, DEMO_SIGN_INS.customer);
  await page.goto(`${demo.demo}/hostile.html`);
  const ready = [
    'portico-announcements [part~="announcement"]',
    'portico-account-summary [part~="open-invoices"] [part~="invoice"]',
    'portico-order-form [part~="product"]',
    'portico-ticket-inbox [part~="ticket"]',
    'portico-help-search [part~="category"]',
    'portico-notifications [part~="badge"]',
  ];
  for (const selector of ready) await page.locator(selector).first().waitFor();
  await settle(page);
  for (const tag of [
    'portico-announcements',
    'portico-account-summary',
    'portico-order-form',
    'portico-ticket-inbox',
    'portico-help-search',
  ]) {
    await shoot(page.locator(tag), tag);
  }

  const bell = page.locator('portico-notifications');
  await bell.locator('[part~="bell"]').click();
  await bell.locator('[part~="item"]').first().waitFor();
  await settle(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(bell.locator('[part~="panel"]'), 'portico-notifications');
  await page.keyboard.press('Escape');

  const chat = page.locator('portico-chat');
  await chat.locator('[part~="launcher"]').click();
  await chat.getByRole('textbox', { name: 'Message' }).waitFor();
  await settle(page);
  await chat.locator('[part~="panel"]').screenshot({
    path: `${out}portico-chat.png`,
    animations: 'disabled',
    caret: 'hide',
  });
} finally {
  await browser.close();
  await demo.stop();
}
