import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startDemoProcess, type DemoProcess } from '../support/demo-process.ts';
import { Mailbox } from '../support/mailbox.ts';
import { listenOn, closeServer } from '../../backend/listen.ts';
import { DEMO_SIGN_INS } from '../../backend/seed/demo.seed.ts';

const { customer } = DEMO_SIGN_INS;

async function signIn(page: Page, email: string, password: string) {
  const login = page.locator('portico-login');
  await login.getByLabel('Email').fill(email);
  await login.getByLabel('Password', { exact: true }).fill(password);
  await login.getByRole('button', { name: 'Sign in' }).click();
}

describe('a customer signs in on the demo vendor site', () => {
  let demo: DemoProcess;
  let browser: Browser;
  let mailbox: Mailbox;
  const pageErrors: string[] = [];

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

  async function newPage(path: string): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(demo.demo + path);
    return page;
  }

  it('signs in, updates the other element, survives a reload and signs out', async () => {
    const page = await newPage('/signin.html');
    const summary = page.locator('portico-account-summary');
    await summary.getByText('Sign in to see your account.').waitFor();

    const signedIn = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          document.addEventListener('portico-signed-in', (event) =>
            resolve((event as Event & { user: { email: string } }).user.email),
          ),
        ),
    );
    await signIn(page, customer.email, customer.password);
    assert.equal(await signedIn, customer.email);
    await summary.getByRole('heading', { name: `Hello, ${customer.name}` }).waitFor();
    await page.locator('portico-login').getByText(`Signed in as ${customer.name}`).waitFor();

    await page.reload();
    await summary.getByRole('heading', { name: `Hello, ${customer.name}` }).waitFor();

    await page.locator('portico-login').getByRole('button', { name: 'Sign out' }).click();
    await summary.getByText('Sign in to see your account.').waitFor();
    await page.reload();
    await page.locator('portico-login').getByRole('button', { name: 'Sign in' }).waitFor();
    await summary.getByText('Sign in to see your account.').waitFor();
    await page.context().close();
  });

  it('shows a clear error for a wrong password and stays signed out', async () => {
    const page = await newPage('/signin.html');
    await signIn(page, customer.email, 'not the password');
    const error = page.locator('portico-login').getByRole('alert');
    await error.waitFor();
    assert.match(await error.innerText(), /do not match/);
    await page
      .locator('portico-account-summary')
      .getByText('Sign in to see your account.')
      .waitFor();
    await page.context().close();
  });

  it('works when the tags come before the script', async () => {
    const page = await newPage('/markup-first.html');
    const html = await page.content();
    assert.ok(
      html.indexOf('<portico-login') < html.indexOf('portico.js'),
      'markup precedes the script',
    );
    await signIn(page, customer.email, customer.password);
    await page
      .locator('portico-account-summary')
      .getByRole('heading', { name: `Hello, ${customer.name}` })
      .waitFor();
    await page.context().close();
  });

  it('lets no page from another origin use the API with the customer’s cookies', async () => {
    const page = await newPage('/signin.html');
    await signIn(page, customer.email, customer.password);
    await page.locator('portico-login').getByText(`Signed in as ${customer.name}`).waitFor();

    const foreign: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end('<!doctype html><title>elsewhere</title>');
    });
    const port = await listenOn(foreign, 0, '127.0.0.1');
    try {
      const other = await page.context().newPage();
      await other.goto(`http://127.0.0.1:${port}/`);
      const outcome = await other.evaluate(async (api) => {
        try {
          const response = await fetch(`${api}/api/trpc/session.me`, { credentials: 'include' });
          return `read ${response.status}: ${await response.text()}`;
        } catch {
          return 'blocked';
        }
      }, demo.portico);
      assert.equal(outcome, 'blocked');
      const write = await other.evaluate(async (api) => {
        const response = await fetch(`${api}/api/auth/sign-out`, {
          method: 'POST',
          mode: 'no-cors',
          credentials: 'include',
          body: '{}',
        });
        return response.type;
      }, demo.portico);
      assert.equal(write, 'opaque');
      await page.reload();
      await page.locator('portico-login').getByText(`Signed in as ${customer.name}`).waitFor();
    } finally {
      await closeServer(foreign);
    }
    await page.context().close();
  });

  it('resets a forgotten password through the emailed link back to the vendor page', async () => {
    const page = await newPage('/signin.html');
    const login = page.locator('portico-login');
    await login.getByRole('button', { name: 'Forgot your password?' }).click();
    await login.getByLabel('Email').fill(customer.email);
    await login.getByRole('button', { name: 'Send the link' }).click();
    await login
      .getByRole('status')
      .getByText(/we sent it a link/)
      .waitFor();

    const mail = await mailbox.next(customer.email, /reset/i);
    const link = mail.links.find((url) => url.includes('/reset-password/'));
    assert.ok(link);
    await page.goto(link);
    assert.ok(page.url().startsWith(`${demo.demo}/signin.html`), page.url());
    await login.getByRole('textbox', { name: /New password/ }).fill('a brand new password');
    await login.getByRole('button', { name: 'Save the new password' }).click();
    await login.getByText('Your password is changed').waitFor();
    assert.ok(!page.url().includes('token='), 'the token leaves the address bar');

    await signIn(page, customer.email, customer.password);
    await login.getByRole('alert').waitFor();
    await signIn(page, customer.email, 'a brand new password');
    await login.getByText(`Signed in as ${customer.name}`).waitFor();
    await page.context().close();
  });

  it('raised no script errors on any page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
