import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
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

/** The balance line the customer's account overview shows, in the demo's language and currency. */
function balanceLine(minor: number): string {
  const money = (value: number) =>
    new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(value / 100);
  if (minor > 0) return `You owe ${money(minor)}`;
  if (minor < 0) return `Credit of ${money(-minor)}`;
  return 'Nothing to pay';
}

describe('the staff console, from a complaint to a payment the customer sees', () => {
  let demo: DemoProcess;
  let browser: Browser;

  before(async () => {
    [demo, browser] = await Promise.all([startDemoProcess(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('an agent answers an urgent complaint, ships an order and posts a payment', async () => {
    // Anna's side of the story, over the API as her browser would: an urgent complaint, an
    // order waiting to ship, and what she owes.
    const anna = await staffSession(demo, customer);
    const subject = `Crushed crate ${Date.now()}`;
    const ticket = await dataOf<{ id: string }>(
      await anna('ticket.create', {
        subject,
        kind: 'complaint',
        priority: 'urgent',
        body: 'The crate of oat milk arrived crushed and leaking.',
      }),
    );
    const orders = await dataOf<{ items: { id: string; number: string; status: string }[] }>(
      await anna('order.list', { status: ['placed', 'confirmed'] }),
    );
    const order = orders.items[0];
    assert.ok(order, 'the demo gives Anna an order that has not shipped');
    const balance = async () =>
      (await dataOf<{ balance: number }>(await anna('account.summary', {}))).balance;

    const problems: string[] = [];
    const page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        problems.push(message.text());
      }
    });
    await page.goto(`${demo.portico}/staff`);
    await signInOnPage(demo, page, agent);
    const staffConsole = page.locator('portico-staff-console');
    const nav = staffConsole.getByRole('navigation', { name: 'Staff console' });

    // The queue, narrowed to urgent complaints; the new one is there and opens.
    await nav.getByRole('link', { name: 'Tickets' }).click();
    const tickets = staffConsole.locator('portico-staff-tickets');
    const filters = tickets.getByRole('search', { name: 'Filter the ticket queue' });
    await filters.getByLabel('Priority').selectOption('urgent');
    await filters.getByLabel('Kind').selectOption('complaint');
    const rows = tickets.locator('[part~="row"]');
    await rows.filter({ hasText: subject }).waitFor();
    // Each filter re-reads the queue: read the rows in one go once the list has settled.
    const shown = () =>
      rows.evaluateAll((elements) =>
        elements.map((row) =>
          ['priority', 'kind'].map(
            (name) => row.querySelector(`[part~="${name}"]`)?.textContent?.trim() ?? '',
          ),
        ),
      );
    await rows
      .filter({ hasNotText: /complaint/i })
      .first()
      .waitFor({ state: 'detached' });
    await rows
      .filter({ hasNotText: /urgent/i })
      .first()
      .waitFor({ state: 'detached' });
    const settled = await shown();
    assert.ok(settled.length > 0);
    for (const [priority, kind] of settled) {
      assert.match(priority!, /urgent/i);
      assert.match(kind!, /complaint/i);
    }
    await tickets.getByRole('link', { name: new RegExp(subject) }).click();
    await page.waitForURL(new RegExp(`#ticket=${ticket.id}$`));

    // Answered with a saved reply.
    await tickets.getByLabel('Canned reply').selectOption({ label: 'Damaged in transit' });
    await tickets.getByRole('button', { name: 'Insert' }).click();
    const message = tickets.getByLabel('Message to the customer');
    assert.match(await message.inputValue(), /replacement is on its way/);
    await tickets.getByRole('button', { name: 'Send reply' }).click();
    await tickets.getByText('Your reply was sent.').waitFor();

    // The order ships with a tracking number.
    await nav.getByRole('link', { name: 'Orders' }).click();
    const orderView = staffConsole.locator('portico-staff-orders');
    await orderView.getByLabel('Search orders').fill(order.number);
    await orderView.getByRole('link', { name: `Order ${order.number}` }).click();
    await orderView.getByRole('heading', { name: `Order ${order.number}` }).waitFor();
    await orderView.getByRole('button', { name: 'Mark as shipped' }).click();
    await orderView.getByLabel('Tracking number (optional)').fill('LV123456789EE');
    await orderView.getByRole('button', { name: 'Confirm shipment' }).click();
    await orderView.locator('[part~="status"]', { hasText: 'Shipped' }).first().waitFor();

    // Shipping issued the order's invoice; what Anna owes now is what the payment goes against.
    const owed = await balance();
    // A payment of €10.00 on the account, from the order's billing link.
    await orderView.getByRole('link', { name: 'Account’s billing' }).click();
    const billing = staffConsole.locator('portico-staff-billing');
    const payment = billing.getByRole('form', { name: 'Post a payment' });
    await payment.getByLabel('Amount (EUR)').fill('10.00');
    await payment.getByRole('button', { name: 'Post payment' }).click();
    await billing
      .locator('[part~="announcement"]', { hasText: 'Payment of €10.00 posted' })
      .waitFor();
    assert.deepEqual(problems, [], 'the console ran without errors or CSP violations');

    // Anna's own pages show all three.
    const annaPage = await browser.newPage();
    await annaPage.goto(`${demo.demo}/account.html`);
    await signInOnPage(demo, annaPage, customer);
    const account = annaPage.locator('portico-account-summary');
    await account
      .locator('[part~="balance-amount"]')
      .getByText(balanceLine(owed - 1000))
      .waitFor();
    await account
      .locator('[part~="nav"]')
      .getByRole('link', { name: 'Orders', exact: true })
      .click();
    await account.getByRole('link', { name: new RegExp(order.number) }).click();
    const orderDetail = account.locator('portico-account-orders');
    await orderDetail.getByRole('heading', { name: new RegExp(order.number) }).waitFor();
    await orderDetail.getByText('LV123456789EE').first().waitFor();
    await orderDetail.locator('[part~="status"]', { hasText: 'Shipped' }).first().waitFor();

    await annaPage.goto(`${demo.demo}/support.html#ticket=${ticket.id}`);
    const thread = annaPage.locator('portico-ticket-inbox portico-ticket-thread');
    await thread.getByRole('heading', { name: subject }).waitFor();
    await thread.getByText(/A replacement is on its way today/).waitFor();
    await page.close();
    await annaPage.close();
  });
});
