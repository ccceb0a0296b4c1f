// Renders each customer element under very different vendor brands, from the demo's theming page:
// `npm run screenshots:brands` writes docs/screenshots/brands/<brand>-<element>.png.
import { mkdir } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { launchChromium } from '../test/support/browser.ts';
import { startDemoProcess } from '../test/support/demo-process.ts';
import { DEMO_SIGN_INS } from '../backend/seed/demo.seed.ts';

const out = new URL('../docs/screenshots/brands/', import.meta.url).pathname;

/** The file name's brand, and the theming page's brand and colour scheme. */
const BRANDS = [
  { name: 'foundry', brand: 'foundry', scheme: 'light' },
  { name: 'meadow', brand: 'meadow', scheme: 'light' },
  { name: 'meadow-dark', brand: 'meadow', scheme: 'dark' },
  { name: 'nordlicht-dark', brand: 'nordlicht', scheme: 'dark' },
] as const;

/** The tallest picture: the top of a long element shows how it is styled. */
const MAX_HEIGHT = 900;

await mkdir(out, { recursive: true });
const demo = await startDemoProcess();
const browser = await launchChromium();
try {
  // The page's first section: three brands' sign-in forms side by side.
  const overview = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await overview.goto(`${demo.demo}/theming.html`);
  const row = overview.locator('.brand-row');
  await row.locator('portico-login').nth(2).getByRole('button', { name: 'Sign in' }).waitFor();
  await overview.evaluate(() => document.fonts.ready);
  await row.screenshot({ path: `${out}side-by-side.png` });
  await overview.close();

  for (const { name, brand, scheme } of BRANDS) {
    // Each brand in a fresh context: signed out first, then as the demo customer.
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const open = async () => {
      await page.goto(
        `${demo.demo}/theming.html?brand=${brand}&scheme=${encodeURIComponent(scheme)}`,
      );
      await page.evaluate(() => document.fonts.ready);
    };
    const stage = (tag: string) => page.locator(`#stage ${tag}`);
    const shoot = async (element: string, target: Locator) => {
      await target.scrollIntoViewIfNeeded();
      // The element's box on the page, cut at MAX_HEIGHT so that long lists stay small files.
      const box = await target.evaluate((node) => {
        const rect = node.getBoundingClientRect();
        return {
          x: rect.left + scrollX,
          y: rect.top + scrollY,
          width: rect.width,
          height: rect.height,
        };
      });
      const clip = { ...box, height: Math.min(box.height, MAX_HEIGHT) };
      await page.screenshot({ path: `${out}${name}-${element}.png`, clip, fullPage: true });
    };

    await open();
    const login = stage('portico-login');
    await login.getByRole('button', { name: 'Sign in' }).waitFor();
    await login.locator('[part~="brand"]').waitFor();
    await shoot('login', login);
    const help = stage('portico-help-search');
    await help.locator('[part~="result"]').first().waitFor();
    await shoot('help-search', help);
    const form = stage('portico-order-form');
    await form.locator('[part~="product"]').first().waitFor();
    await shoot('order-form', form);
    const banner = stage('portico-announcements').locator('[part~="announcement"]').first();
    await banner.waitFor();
    await shoot('announcements', stage('portico-announcements'));
    await page.locator('#open-chat').click();
    const panel = stage('portico-chat').locator('[part~="panel"]');
    await panel.locator('[part~="visitor"]').waitFor();
    await shoot('chat', panel);
    await page.keyboard.press('Escape');

    const { email, password } = DEMO_SIGN_INS.customer;
    await login.getByLabel('Email').fill(email);
    await login.getByLabel('Password', { exact: true }).fill(password);
    await login.getByRole('button', { name: 'Sign in' }).click();
    await login.getByRole('button', { name: 'Sign out' }).waitFor();
    await open();
    const summary = stage('portico-account-summary');
    await summary
      .locator('[part~="open-invoices"]')
      .getByText(/Invoice \d/)
      .first()
      .waitFor();
    await shoot('account-summary', summary);
    const inbox = stage('portico-ticket-inbox');
    await inbox.locator('[part~="ticket"]').first().waitFor();
    await shoot('ticket-inbox', inbox);
    const bell = stage('portico-notifications');
    await bell.locator('[part~="badge"]').waitFor();
    await bell.locator('[part~="bell"]').click();
    await bell.locator('[part~="item"]').first().waitFor();
    await shoot('notifications', bell.locator('[part~="panel"]'));
    await context.close();
  }
  console.log(`Screenshots written to ${out}`);
} finally {
  await browser.close();
  await demo.stop();
}
