import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startDemoProcess, type DemoProcess } from '../support/demo-process.ts';
import { totpCode } from '../support/totp.ts';
import { DEMO_SIGN_INS } from '../../backend/seed/demo.seed.ts';

const { customer } = DEMO_SIGN_INS;

/** The password step of `<portico-login>`; what follows is up to the caller. */
async function passwordStep(login: Locator): Promise<void> {
  await login.getByLabel('Email').fill(customer.email);
  await login.getByLabel('Password', { exact: true }).fill(customer.password);
  await login.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(login: Locator): Promise<void> {
  await login.getByRole('button', { name: 'Sign out' }).click();
  await login.getByRole('button', { name: 'Sign in' }).waitFor();
}

describe('security codes and the shop’s hand-off, in Chromium on the demo site', () => {
  let demo: DemoProcess;
  let browser: Browser;
  let page: Page;

  before(async () => {
    demo = await startDemoProcess();
    browser = await launchChromium();
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('the shop hands Anna over without a second sign-in', async () => {
    await page.goto(`${demo.demo}/signin.html`);
    const login = page.locator('portico-login');
    await login.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.getByRole('button', { name: 'Continue as Anna' }).click();
    await login.getByRole('button', { name: 'Sign out' }).waitFor();
    await signOut(login);
  });

  it('Anna turns on an authenticator app, then signs in with password and code, and a backup code once', async () => {
    await page.goto(`${demo.demo}/account.html#profile`);
    const login = page.locator('portico-login');
    await passwordStep(login);
    await login.getByRole('button', { name: 'Sign out' }).waitFor();

    const summary = page.locator('portico-account-summary');
    await summary.getByRole('button', { name: 'Use an authenticator app' }).click();
    await summary.getByLabel('Your password').fill(customer.password);
    await summary.getByRole('button', { name: 'Continue' }).click();
    // The app is set up from the key shown beside the QR code, as a person without a camera would.
    const secret = (await summary.locator('[part~="totp-secret"]').textContent())!.replace(
      /\s/g,
      '',
    );
    const app = `otpauth://totp/Portico?secret=${secret}`;
    await summary.getByLabel('The 6-digit code the app shows').fill(totpCode(app));
    await summary.getByRole('button', { name: 'Turn on' }).click();
    const list = summary.locator('[part~="backup-code-list"] li');
    await list.first().waitFor();
    const backupCodes = (await list.allTextContents()).map((code) => code.trim());
    assert.equal(backupCodes.length, 10);
    await summary.getByRole('button', { name: 'I have stored them' }).click();

    // Password and a code from the app.
    await signOut(login);
    await passwordStep(login);
    await login.getByLabel('Code from your app').fill(totpCode(app));
    await login.getByRole('button', { name: 'Verify' }).click();
    await login.getByRole('button', { name: 'Sign out' }).waitFor();

    // Password and a backup code: once it works, the second time it does not.
    for (const works of [true, false]) {
      await signOut(login);
      await passwordStep(login);
      await login.getByRole('button', { name: 'Use a backup code' }).click();
      await login.getByLabel('Backup code').fill(backupCodes[0]!);
      await login.getByRole('button', { name: 'Verify' }).click();
      if (works) {
        await login.getByRole('button', { name: 'Sign out' }).waitFor();
      } else {
        await login.getByText('That backup code is not right, or it was already used.').waitFor();
        assert.equal(await login.getByRole('button', { name: 'Sign out' }).count(), 0);
      }
    }
  });
});
