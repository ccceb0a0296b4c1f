import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { staffSession, startDemoProcess, type DemoProcess } from '../support/demo-process.ts';
import { DEMO_SIGN_INS } from '../../backend/seed/demo.seed.ts';

const { customer, agent } = DEMO_SIGN_INS;

describe('the demo customer’s account', () => {
  let demo: DemoProcess;
  let browser: Browser;

  before(async () => {
    [demo, browser] = await Promise.all([startDemoProcess(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('shows balance and invoices, downloads a PDF, changes an order’s address, and sees a payment', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${demo.demo}/account.html`);

    const login = page.locator('portico-login');
    await login.getByLabel('Email').fill(customer.email);
    await login.getByLabel('Password', { exact: true }).fill(customer.password);
    await login.getByRole('button', { name: 'Sign in' }).click();

    const account = page.locator('portico-account-summary');
    const balance = account.locator('[part~="balance-amount"]');
    await balance.getByText(/You owe/).waitFor();
    const owedBefore = (await balance.innerText()).trim();
    assert.match(await account.locator('[part~="balance"]').innerText(), /Overdue/);
    const invoices = account.locator('[part~="open-invoices"]');
    await invoices
      .getByText(/Invoice \d{4}-\d{5}/)
      .first()
      .waitFor();

    // The PDF arrives as a real file.
    const downloading = page.waitForEvent('download');
    await invoices
      .getByRole('button', { name: /Download PDF/ })
      .first()
      .click();
    const download = await downloading;
    assert.match(download.suggestedFilename(), /^invoice-\d{4}-\d{5}\.pdf$/);
    const bytes = await readFile((await download.path())!);
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');

    // An order that has not shipped: change its address and see it on the timeline.
    const placed = await page.evaluate(async (api) => {
      const input = encodeURIComponent(JSON.stringify({ status: ['placed', 'confirmed'] }));
      const response = await fetch(`${api}/api/trpc/order.list?input=${input}`, {
        credentials: 'include',
      });
      const body = (await response.json()) as { result: { data: { items: { number: string }[] } } };
      return body.result.data.items[0]!.number;
    }, demo.portico);
    await account
      .locator('[part~="nav"]')
      .getByRole('link', { name: 'Orders', exact: true })
      .click();
    await account
      .getByRole('link', { name: new RegExp(placed) })
      .first()
      .click();
    const orders = account.locator('portico-account-orders');
    await orders.getByRole('heading', { name: new RegExp(placed) }).waitFor();
    await orders.getByRole('button', { name: 'Change address' }).click();
    const city = `Jūrmala ${randomUUID().slice(0, 4)}`;
    await orders.locator('[part~="address-form"]').getByLabel('City', { exact: true }).fill(city);
    await orders.getByRole('button', { name: 'Save the new address' }).click();
    await orders.locator('[part~="timeline"]').getByText(new RegExp(city)).waitFor();
    assert.match(await orders.locator('[part~="address"]').innerText(), new RegExp(city));

    // Staff post a payment; back on the overview the balance has changed.
    const accountId = await page.evaluate(async (api) => {
      const response = await fetch(`${api}/api/trpc/session.me`, { credentials: 'include' });
      return ((await response.json()) as { result: { data: { account: { id: string } } } }).result
        .data.account.id;
    }, demo.portico);
    const staff = await staffSession(demo, agent);
    const posted = await staff('staff.payment.post', {
      accountId,
      amount: 1000,
      receivedOn: new Date().toISOString().slice(0, 10),
      method: 'bank_transfer',
      reference: 'E2E',
      idempotencyKey: randomUUID(),
    });
    assert.equal(posted.status, 200, await posted.clone().text());
    await account
      .locator('[part~="nav"]')
      .getByRole('link', { name: 'Overview', exact: true })
      .click();
    await account.getByRole('button', { name: 'Refresh' }).click();
    await balance.filter({ hasNotText: owedBefore }).waitFor();
    assert.notEqual((await balance.innerText()).trim(), owedBefore);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
