import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { signInOnPage, startDemoProcess, type DemoProcess } from '../support/demo-process.ts';
import {
  startStrictHost,
  watchViolations,
  type StrictHost,
  type Violation,
} from '../support/csp-host.ts';
import { pdf } from '../support/files.ts';
import { DEMO_SIGN_INS } from '../../backend/seed/demo.seed.ts';

/** Waits up to five seconds for `condition`: a report is an event of its own, a moment later. */
async function eventually(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    assert.ok(Date.now() < deadline, what);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs `steps`; a failure also says what the page reported until then. */
async function reporting(
  seen: { violations: unknown[]; errors: string[] },
  steps: () => Promise<void>,
): Promise<void> {
  try {
    await steps();
  } catch (error) {
    const report = `violations: ${JSON.stringify(seen.violations, null, 1)}\nerrors: ${seen.errors.join('\n')}`;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n${report}`, { cause: error });
  }
}

const { customer, agent } = DEMO_SIGN_INS;

describe('a vendor page with a strict Content Security Policy and Trusted Types enforced', () => {
  let host: StrictHost;
  let demo: DemoProcess;
  let browser: Browser;
  let folder: string;

  before(async () => {
    // The page's origin must be known before the portal starts, to be among its trusted ones.
    host = await startStrictHost();
    // Each is kept as it comes, so that `after` closes what started even when another failed.
    await Promise.all([
      startDemoProcess({ TRUSTED_ORIGINS: host.origin }).then((started) => (demo = started)),
      launchChromium().then((launched) => (browser = launched)),
      mkdtemp(join(tmpdir(), 'portico-csp-')).then((made) => (folder = made)),
    ]);
    host.usePortal(demo.portico);
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
    await host?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('a customer uses every element without one violation, and the policy is enforced', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const seen = await watchViolations(context);
    const { violations, errors } = seen;
    const page = await context.newPage();
    await reporting(seen, async () => {
      const response = await page.goto(host.origin);
      assert.match(
        response!.headers()['content-security-policy'] ?? '',
        /require-trusted-types-for 'script'/,
      );

      // The page's own inline script was stopped, and reported: the policy is in force.
      await page.locator('portico-login').getByLabel('Email').waitFor();
      assert.equal(await page.evaluate(() => 'inlineScriptRan' in window), false);
      const isInline = (v: Violation) =>
        v.directive === 'script-src-elem' && v.blocked === 'inline';
      await eventually(() => violations.some(isInline), 'the inline script was reported');
      const inline = violations.filter(isInline);
      assert.equal(inline.length, 1, JSON.stringify(violations));
      assert.equal(inline[0]!.disposition, 'enforce');
      violations.splice(violations.indexOf(inline[0]!), 1);
      const inlineError = errors.findIndex((text) => /Executing inline script violates/.test(text));
      assert.ok(inlineError >= 0, `the browser logged the blocked script: ${errors.join('\n')}`);
      errors.splice(inlineError, 1);

      await signInOnPage(demo, page, customer);

      // An order, from the catalog (product images from the portal) to the confirmation.
      const form = page.locator('portico-order-form');
      await form.getByRole('searchbox', { name: 'Search products' }).fill('espresso beans');
      const add = form.getByRole('button', { name: /^Add to cart\s*: Espresso beans/ });
      await add.first().click();
      await form.getByRole('heading', { name: 'Your cart (1)' }).waitFor();
      const picture = form.locator('img[part~="product-image"]').first();
      await picture.scrollIntoViewIfNeeded();
      // decode() fails when the image could not be loaded, as when img-src refuses it.
      assert.ok(await picture.evaluate((img: HTMLImageElement) => img.decode().then(() => true)));
      await form.getByRole('button', { name: 'Continue', exact: true }).click();
      await form.getByRole('button', { name: 'Continue to review' }).click();
      await form.getByRole('heading', { name: 'Review your order' }).waitFor();
      await form.getByRole('button', { name: 'Place order' }).click();
      await form.getByRole('heading', { name: 'Thank you for your order' }).waitFor();

      // The account: balance, open invoices, and an invoice's PDF saved through a Blob URL.
      const account = page.locator('portico-account-summary');
      await account
        .locator('[part~="balance-amount"]')
        .getByText(/You owe|Credit|Nothing/)
        .waitFor();
      const downloading = page.waitForEvent('download');
      await account
        .locator('[part~="open-invoices"]')
        .getByRole('button', { name: /Download PDF/ })
        .first()
        .click();
      const download = await downloading;
      const bytes = await readFile((await download.path())!);
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');

      // Help: search as you type, then an article, whose HTML the server sanitised.
      const help = page.locator('portico-help-search');
      await help.getByLabel('Search the help centre').pressSequentially('trac', { delay: 30 });
      await help.locator('[part~="result"]', { hasText: 'Track a shipment' }).click();
      await help.getByRole('heading', { name: 'Track a shipment' }).waitFor();
      const body = help.locator('[part~="body"]');
      assert.ok(
        await body.evaluate((element) => element.querySelectorAll('p, li').length > 0),
        'the article is rendered as HTML, not as text',
      );

      // A ticket with a file: the suggested articles open inline, then the thread.
      const note = join(folder, 'delivery-note.pdf');
      await writeFile(note, await pdf('Delivery note: parcel not tracked'));
      const inbox = page.locator('portico-ticket-inbox');
      await inbox.getByRole('link', { name: 'New ticket' }).click();
      const ticketForm = inbox.locator('[part~="new-form"]');
      await ticketForm.getByLabel('Subject').fill('Cannot track my shipment');
      await ticketForm.getByRole('radio', { name: /Question/ }).check();
      await ticketForm.getByLabel('Your message').fill('The tracking link shows nothing yet.');
      const suggestion = ticketForm.locator('[part~="suggestion-toggle"]').first();
      await suggestion.click();
      const suggested = ticketForm.locator('[part~="suggestion-article"]:not([aria-busy])');
      await suggested.waitFor();
      assert.ok(await suggested.evaluate((element) => element.querySelector('p, li') !== null));
      await ticketForm.locator('input[type="file"]').setInputFiles(note);
      await ticketForm.getByRole('listitem', { name: /delivery-note\.pdf: attached/ }).waitFor();
      await ticketForm.getByRole('button', { name: 'Send ticket' }).click();
      const thread = inbox.locator('portico-ticket-thread');
      await thread.getByRole('heading', { name: 'Cannot track my shipment' }).waitFor();
      await thread.getByRole('button', { name: /delivery-note\.pdf/ }).waitFor();

      // Chat: the panel opens, a message goes out, the answer bot replies over the live stream.
      const chat = page.locator('portico-chat');
      await chat.getByRole('button', { name: /Chat/ }).click();
      await chat.getByRole('textbox', { name: 'Message' }).fill('Where is my parcel?');
      await chat.getByRole('button', { name: 'Send' }).click();
      await chat.getByText('Where is my parcel?', { exact: true }).waitFor();
      await chat.getByRole('button', { name: 'Talk to a person' }).waitFor();

      // The bell opens its panel.
      const bell = page.locator('portico-notifications');
      await bell.getByRole('button', { name: /^Notifications/ }).click();
      await bell.locator('[part~="panel"]').waitFor();
      await page.keyboard.press('Escape');

      // Persian: the translation is a chunk loaded from the portal, and the page turns right to left.
      await page.locator('#language').selectOption('fa');
      await help.getByLabel('جستجو در مرکز راهنما').waitFor();
      assert.equal(await help.evaluate((element) => getComputedStyle(element).direction), 'rtl');

      assert.deepEqual(violations, [], 'no element broke the policy');
      assert.deepEqual(errors, [], 'no console errors and no uncaught exceptions');

      // Trusted Types are in force too: a plain string written as HTML is refused and reported.
      const refused = await page.evaluate(() => {
        try {
          document.createElement('div').innerHTML = '<b>plain</b>';
          return 'accepted';
        } catch (error) {
          return (error as Error).name;
        }
      });
      assert.equal(refused, 'TypeError');
      await eventually(
        () => seen.violations.some((v) => v.directive === 'require-trusted-types-for'),
        'the refused HTML was reported as a violation',
      );
    });
    await context.close();
  });

  it('the staff console runs under its own strict policy with Trusted Types', async () => {
    const context = await browser.newContext();
    const seen = await watchViolations(context);
    const { violations, errors } = seen;
    const page = await context.newPage();
    await reporting(seen, async () => {
      const response = await page.goto(`${demo.portico}/staff`);
      const policy = response!.headers()['content-security-policy'] ?? '';
      assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
      assert.match(policy, /require-trusted-types-for 'script'/);
      assert.match(policy, /trusted-types [^;]*lit-html/);
      await signInOnPage(demo, page, agent);

      // A help article's preview: the server's sanitised HTML, shown as the author types.
      const staffConsole = page.locator('portico-staff-console');
      const nav = staffConsole.getByRole('navigation', { name: 'Staff console' });
      await nav.getByRole('link', { name: 'Help' }).click();
      const helpDesk = staffConsole.locator('portico-staff-help');
      await helpDesk.locator('[part~="open"]').first().click();
      const bodyField = helpDesk.locator('[part~="body"]').first();
      await bodyField.fill('**Strict** pages work. <img src="x" onerror="window.hacked = 1">');
      const preview = helpDesk.locator('[part~="preview-body"]').first();
      await preview.locator('strong', { hasText: 'Strict' }).waitFor();
      assert.equal(await preview.locator('[onerror]').count(), 0);
      assert.equal(await page.evaluate(() => 'hacked' in window), false);

      assert.deepEqual(violations, [], 'the console broke no rule of its policy');
      assert.deepEqual(errors, [], 'no console errors and no uncaught exceptions');
    });
    await context.close();
  });
});
