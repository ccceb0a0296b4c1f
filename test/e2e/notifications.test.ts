import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import {
  signInOnPage,
  startDemoProcess,
  staffSession,
  type DemoProcess,
} from '../support/demo-process.ts';
import { DEMO_SIGN_INS } from '../../backend/seed/demo.seed.ts';

const { customer, agent } = DEMO_SIGN_INS;

/** The `result.data` of a tRPC answer, or a failure with the error it carried. */
async function dataOf<T>(response: Response): Promise<T> {
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  assert.ok(body.result, JSON.stringify(body.error));
  return body.result.data;
}

/** The number of unread notifications the bell's name says. */
async function unreadOnBell(page: Page): Promise<number> {
  const name = await page
    .locator('portico-notifications')
    .getByRole('button', { name: /^Notifications/ })
    .getAttribute('aria-label');
  return Number(/(\d+) unread/.exec(name ?? '')?.[1] ?? 0);
}

describe('notifications and announcements reach the customer’s page live', () => {
  let demo: DemoProcess;
  let browser: Browser;

  before(async () => {
    [demo, browser] = await Promise.all([startDemoProcess(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('staff ship an order and publish an announcement; the bell and the banner follow', async () => {
    const anna = await staffSession(demo, customer);
    const orders = await dataOf<{ items: { id: string; number: string; status: string }[] }>(
      await anna('order.list', { status: ['placed', 'confirmed'] }),
    );
    const order = orders.items.find((item) => item.status === 'confirmed') ?? orders.items[0];
    assert.ok(order, 'the demo gives Anna an order that has not shipped');

    const problems: string[] = [];
    const watch = (page: Page, who: string) => {
      page.on('pageerror', (error) => problems.push(`${who}: ${error.message}`));
    };

    // Anna signs in on the vendor's site and stays on its home page.
    const customerContext = await browser.newContext();
    const page = await customerContext.newPage();
    watch(page, 'customer');
    await page.goto(`${demo.demo}/signin.html`);
    await signInOnPage(demo, page, customer);
    await page.goto(`${demo.demo}/index.html`);
    const bell = page
      .locator('portico-notifications')
      .getByRole('button', { name: /^Notifications/ });
    await bell.waitFor();
    const before = await unreadOnBell(page);
    // Anything that reloads the page would lose this.
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    // The agent ships the order in the staff console.
    const staffContext = await browser.newContext();
    const staffPage = await staffContext.newPage();
    watch(staffPage, 'agent');
    await staffPage.goto(`${demo.portico}/staff`);
    await signInOnPage(demo, staffPage, agent);
    const staffConsole = staffPage.locator('portico-staff-console');
    const nav = staffConsole.getByRole('navigation', { name: 'Staff console' });
    await nav.getByRole('link', { name: 'Orders' }).click();
    const orderView = staffConsole.locator('portico-staff-orders');
    await orderView.getByLabel('Search orders').fill(order.number);
    await orderView.getByRole('link', { name: `Order ${order.number}` }).click();
    await orderView.getByRole('heading', { name: `Order ${order.number}` }).waitFor();
    if (order.status === 'placed') {
      await orderView.getByRole('button', { name: 'Mark as confirmed' }).click();
      await orderView.locator('[part~="status"]', { hasText: 'Confirmed' }).first().waitFor();
    }
    await orderView.getByRole('button', { name: 'Mark as shipped' }).click();
    await orderView.getByRole('button', { name: 'Confirm shipment' }).click();
    await orderView.locator('[part~="status"]', { hasText: 'Shipped' }).first().waitFor();

    // Anna's bell counts it, and its panel says what happened.
    await page.waitForFunction(
      (count) => {
        const element = document.querySelector('portico-notifications') as
          (Element & { unread: number | null }) | null;
        return (element?.unread ?? 0) > count;
      },
      before,
      { timeout: 15_000 },
    );
    assert.ok((await unreadOnBell(page)) > before);
    await bell.click();
    const panel = page.locator('portico-notifications').locator('[part~="panel"]');
    await panel.getByText(`Order ${order.number} was shipped.`).waitFor();
    await page.keyboard.press('Escape');

    // The agent publishes an announcement for everyone.
    const title = `Holiday hours ${Date.now()}`;
    await nav.getByRole('link', { name: 'Announcements' }).click();
    const notices = staffConsole.locator('portico-staff-notices');
    const form = notices.getByRole('form', { name: 'Publish an announcement' });
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Text').fill('We close at noon on 24 December.');
    await form.getByLabel('Severity').selectOption('warning');
    await form.getByRole('button', { name: 'Publish' }).click();

    // Anna's page shows the banner, on the same page she never left.
    const banner = page.locator('portico-announcements').locator('[part~="announcement"]', {
      hasText: title,
    });
    await banner.waitFor({ timeout: 15_000 });
    assert.equal(await banner.getAttribute('data-severity'), 'warning');
    assert.equal(await page.evaluate(() => 'stillTheSamePage' in window), true);

    // Dismissed, it stays away on the next page.
    await banner.getByRole('button', { name: `Dismiss: ${title}` }).click();
    await banner.waitFor({ state: 'detached' });
    await page.goto(`${demo.demo}/support.html`);
    await page.locator('portico-notifications').getByRole('button').first().waitFor();
    await page.waitForFunction(() => {
      const element = document.querySelector('portico-announcements') as
        (Element & { updateComplete: Promise<boolean>; shown: unknown[] }) | null;
      return element?.matches(':state(live)');
    });
    assert.equal(
      await page.locator('portico-announcements').getByText(title).count(),
      0,
      'the dismissed banner came back',
    );

    assert.deepEqual(problems, []);
  });
});
