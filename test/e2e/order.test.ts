import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startDemoProcess, type DemoProcess } from '../support/demo-process.ts';
import { Mailbox } from '../support/mailbox.ts';
import { DEMO_SIGN_INS } from '../../backend/seed/demo.seed.ts';

const { customer } = DEMO_SIGN_INS;

describe('a customer orders on the demo vendor site', () => {
  let demo: DemoProcess;
  let browser: Browser;
  let mailbox: Mailbox;

  before(async () => {
    mailbox = new Mailbox();
    const smtpUrl = await mailbox.start();
    [demo, browser] = await Promise.all([
      startDemoProcess({ SMTP_URL: smtpUrl }),
      launchChromium(),
    ]);
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
    await mailbox?.stop();
  });

  it('searches, fills the cart, signs in, reviews the server’s prices and places the order', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${demo.demo}/shop.html`);
    const form = page.locator('portico-order-form');

    await form.getByRole('searchbox', { name: 'Search products' }).fill('espresso beans');
    const add = form.getByRole('button', { name: /^Add to cart\s*: Espresso beans/ });
    await add.first().waitFor();
    assert.ok((await add.count()) >= 2, 'two kinds of espresso beans are found');
    await add.nth(0).click();
    await add.nth(1).click();
    await form.getByRole('heading', { name: 'Your cart (2)' }).waitFor();
    await form.getByRole('button', { name: 'Continue', exact: true }).click();

    // Signed out: the form asks for a sign-in right where the customer is.
    const login = form.locator('portico-login');
    await login.getByLabel('Email').fill(customer.email);
    await login.getByLabel('Password', { exact: true }).fill(customer.password);
    await login.getByRole('button', { name: 'Sign in' }).click();
    await form.getByRole('heading', { name: 'Where should we deliver?' }).waitFor();
    // Anna's saved address is chosen for her.
    assert.equal(await form.getByRole('radio', { name: /Brīvības iela 42/ }).isChecked(), true);
    await form.getByRole('button', { name: 'Continue to review' }).click();

    await form.getByRole('heading', { name: 'Review your order' }).waitFor();
    assert.equal(await form.locator('[part~="line"]').count(), 2);
    const shownTotal = (await form.locator('[part~="total"]').innerText()).trim();

    const placed = page.evaluate(
      () =>
        new Promise<{ number: string; total: number }>((resolve) =>
          document.addEventListener(
            'portico-order-placed',
            (event) =>
              resolve((event as Event & { order: { number: string; total: number } }).order),
            { once: true },
          ),
        ),
    );
    await form.getByRole('button', { name: 'Place order' }).click();
    await form.getByRole('heading', { name: 'Thank you for your order' }).waitFor();
    const order = await placed;
    assert.equal((await form.locator('[part~="order-number"]').innerText()).trim(), order.number);
    assert.equal(
      await form.getByRole('link', { name: 'View your order' }).getAttribute('href'),
      `account.html#order=${order.number}`,
    );

    // The order is the customer's newest, at the total they reviewed.
    const listed = await page.evaluate(async (api) => {
      const response = await fetch(`${api}/api/trpc/order.list?input=${encodeURIComponent('{}')}`, {
        credentials: 'include',
      });
      return (await response.json()) as {
        result: { data: { items: { number: string; total: number; currency: string }[] } };
      };
    }, demo.portico);
    const newest = listed.result.data.items[0]!;
    assert.equal(newest.number, order.number);
    assert.equal(newest.total, order.total);
    assert.equal(
      shownTotal,
      new Intl.NumberFormat('en', { style: 'currency', currency: newest.currency }).format(
        newest.total / 100,
      ),
    );
    const mail = await mailbox.next(customer.email, new RegExp(order.number));
    assert.match(mail.subject ?? '', /Nordlicht Supply/);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
