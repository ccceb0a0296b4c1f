import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { staffSession, startDemoProcess, type DemoProcess } from '../support/demo-process.ts';
import { pdf } from '../support/files.ts';
import { DEMO_SIGN_INS } from '../../backend/seed/demo.seed.ts';

const { customer, agent } = DEMO_SIGN_INS;

describe('a complaint, from the demo customer’s order to a rated answer', () => {
  let demo: DemoProcess;
  let browser: Browser;
  let folder: string;

  before(async () => {
    [demo, browser, folder] = await Promise.all([
      startDemoProcess(),
      launchChromium(),
      mkdtemp(join(tmpdir(), 'portico-e2e-')),
    ]);
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('opens a high-priority complaint about an order with a tag and a PDF, sees the answer live, rates it', async () => {
    const photo = join(folder, 'delivery-note.pdf');
    await writeFile(photo, await pdf('Delivery note: two bags torn'));
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${demo.demo}/account.html`);
    const login = page.locator('portico-login');
    await login.getByLabel('Email').fill(customer.email);
    await login.getByLabel('Password', { exact: true }).fill(customer.password);
    await login.getByRole('button', { name: 'Sign in' }).click();

    // From an order's detail in the account, to a new ticket with that order linked.
    const account = page.locator('portico-account-summary');
    await account
      .locator('[part~="nav"]')
      .getByRole('link', { name: 'Orders', exact: true })
      .click();
    const firstOrder = account.locator('portico-account-orders [part~="order"] a').first();
    const number = /[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(await firstOrder.innerText())![0];
    await firstOrder.click();
    await account.getByRole('link', { name: 'Open a ticket about this order' }).first().click();
    await page.waitForURL(/support\.html#new-ticket&order=/);

    const inbox = page.locator('portico-ticket-inbox');
    const form = inbox.locator('[part~="new-form"]');
    await form.waitFor();
    const orderSelect = form.locator('[part~="order-select"]');
    await orderSelect.locator('option:checked', { hasText: number }).waitFor({ state: 'attached' });
    await form.getByLabel('Subject').fill('Two bags arrived torn again');
    await form.getByRole('radio', { name: /Complaint/ }).check();
    await form.getByLabel('Priority').selectOption('high');
    await form.getByLabel('Tags (optional)').fill('Packaging');
    await form.getByLabel('Tags (optional)').press('Enter');
    await form.locator('[part~="tag"]', { hasText: 'packaging' }).waitFor();
    await form
      .getByLabel('Your message')
      .fill('The same courier again: two bags torn. Note attached.');
    await form.locator('input[type="file"]').setInputFiles(photo);
    await form.getByRole('listitem', { name: /delivery-note\.pdf: attached/ }).waitFor();
    await form.getByRole('button', { name: 'Send ticket' }).click();

    const thread = inbox.locator('portico-ticket-thread');
    await thread.getByRole('heading', { name: 'Two bags arrived torn again' }).waitFor();
    await page.waitForURL(/#ticket=/);
    const ticketId = decodeURIComponent(/#ticket=(.+)$/.exec(page.url())![1]!);
    await thread.locator('[part~="priority"]', { hasText: 'High priority' }).first().waitFor();
    await thread.getByText('packaging', { exact: true }).first().waitFor();
    await thread.getByRole('button', { name: /delivery-note\.pdf/ }).waitFor();

    // The agent answers from the staff API; the thread shows it without a reload.
    const staff = await staffSession(demo, agent);
    const answered = await staff('staff.ticket.reply', {
      ticketId,
      body: 'Sorry! New bags are on their way, and we have spoken to the courier.',
      status: 'resolved',
    });
    assert.equal(answered.status, 200, await answered.clone().text());
    await thread.getByText('New bags are on their way', { exact: false }).waitFor();
    // Still the same page: the answer came over the open stream, not by navigating.
    assert.match(page.url(), /support\.html#ticket=/);

    // Resolved: the customer rates the answer, once.
    const rating = thread
      .locator('[part~="rating-form"], form[aria-labelledby="rating-title"]')
      .first();
    await rating.waitFor();
    await rating.getByRole('radio', { name: '5 stars' }).check();
    await rating.getByLabel('Comment (optional)').fill('Quick and kind.');
    await rating.getByRole('button', { name: 'Send rating' }).click();
    await thread.getByText('You rated the answer 5 out of 5.').waitFor();

    assert.equal(await rating.count(), 0, 'the rating form is gone once rated');
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
