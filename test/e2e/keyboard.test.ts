import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startDemoProcess, type DemoProcess } from '../support/demo-process.ts';
import { assertFocusVisible, expectFocus, focused, tabTo, typeText } from '../support/keyboard.ts';
import { totpCode } from '../support/totp.ts';
import { DEMO_SIGN_INS } from '../../backend/seed/demo.seed.ts';

const { customer } = DEMO_SIGN_INS;
/** A colleague of Anna's from the demo seed, who turns on an authenticator app in `before`. */
const colleague = {
  email: 'peteris@cafe-aurora.example',
  password: 'demo-colleague-1',
  name: 'Pēteris Kalniņš',
};

/**
 * Turns on an authenticator app for `person` over HTTP, as the profile would, and returns the
 * app's `otpauth://` address so the test can compute codes as the person's phone does.
 */
async function enableAuthenticator(
  demo: DemoProcess,
  person: { email: string; password: string },
): Promise<string> {
  const origin = new URL(demo.demo).origin;
  let cookie = '';
  const post = async (path: string, body: object) => {
    const response = await fetch(`${demo.portico}/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, cookie },
      body: JSON.stringify(body),
    });
    const fresh = response.headers.getSetCookie().map((line) => line.split(';')[0]!);
    if (fresh.length) cookie = fresh.join('; ');
    assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  await post('/sign-in/email', { email: person.email, password: person.password });
  const { totpURI } = await post('/two-factor/enable', {
    password: person.password,
    method: 'totp',
  });
  assert.equal(typeof totpURI, 'string');
  await post('/two-factor/verify-totp', { code: totpCode(totpURI as string) });
  return totpURI as string;
}

/** Waits until a live region (`role=status`/`alert` or `aria-live`) inside `scope` says `text`. */
async function announced(scope: Locator, text: string | RegExp): Promise<void> {
  await scope
    .locator('[role="status"], [role="alert"], [aria-live]:not([aria-live="off"])')
    .filter({ hasText: text })
    .first()
    .waitFor({ state: 'attached' });
}

/** The password step of a `<portico-login>`, by keyboard from wherever focus is before it. */
async function signInByKeyboard(
  page: Page,
  login: Locator,
  person: { email: string; password: string },
): Promise<void> {
  await tabTo(page, login.getByRole('textbox', { name: 'Email' }), { what: 'the email field' });
  await typeText(page, person.email);
  await tabTo(page, login.getByLabel('Password', { exact: true }), { max: 1, what: 'password' });
  await typeText(page, person.password);
  await page.keyboard.press('Enter');
}

describe('every customer flow by keyboard alone, on the demo vendor site', () => {
  let demo: DemoProcess;
  let browser: Browser;
  let colleagueApp: string;
  const pageErrors: string[] = [];

  before(async () => {
    [demo, browser] = await Promise.all([startDemoProcess(), launchChromium()]);
    colleagueApp = await enableAuthenticator(demo, colleague);
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  async function open(path: string): Promise<Page> {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
    await page.goto(demo.demo + path);
    return page;
  }

  it('signs in with a password, and with a code from an app, and signs out', async () => {
    const page = await open('/signin.html');
    const login = page.locator('portico-login');

    // A wrong password: the alert says so and the keyboard stays in the form.
    await signInByKeyboard(page, login, { email: customer.email, password: 'not the password' });
    await announced(login, /do not match/);
    await assertFocusVisible(page, 'after a refused sign-in');
    assert.ok((await focused(page))?.host === 'portico-login', 'focus stays in the form');

    await tabTo(page, login.getByRole('textbox', { name: 'Email' }), {
      backwards: true,
      max: 4,
      what: 'the email field, backwards',
    });
    await page.keyboard.press('ControlOrMeta+A');
    await typeText(page, customer.email);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await typeText(page, customer.password);
    await page.keyboard.press('Enter');
    const signOut = login.getByRole('button', { name: 'Sign out' });
    await signOut.waitFor();
    await expectFocus(page, login.locator('[part~="signed-in"] [tabindex="-1"]'), {
      what: 'the signed-in line',
    });
    await announced(login, 'Signed in.');
    await tabTo(page, signOut, { max: 2, what: 'Sign out' });
    await page.keyboard.press('Enter');
    await expectFocus(page, login.getByRole('textbox', { name: 'Email' }), {
      what: 'the email field after signing out',
    });

    // Pēteris has an authenticator app: the code's field takes focus after the password.
    await signInByKeyboard(page, login, colleague);
    const code = login.getByRole('textbox', { name: 'Code from your app' });
    await expectFocus(page, code, { what: 'the code field' });
    await typeText(page, totpCode(colleagueApp));
    await page.keyboard.press('Enter');
    await signOut.waitFor();
    await login.getByText(`Signed in as ${colleague.name}`).waitFor();
    await expectFocus(page, login.locator('[part~="signed-in"] [tabindex="-1"]'), {
      what: 'the signed-in line',
    });
    await tabTo(page, signOut, { max: 2, what: 'Sign out' });
    await page.keyboard.press('Enter');
    await expectFocus(page, login.getByRole('textbox', { name: 'Email' }));
    await page.context().close();
  });

  it('orders: search, add to cart, sign in, address, review, place, confirmation', async () => {
    const page = await open('/shop.html');
    const form = page.locator('portico-order-form');
    const heading = (name: string) => form.getByRole('heading', { name, level: 2 });

    await tabTo(page, form.getByRole('searchbox', { name: 'Search products' }));
    await typeText(page, 'espresso beans');
    const add = form.getByRole('button', { name: /^Add to cart\s*: Espresso beans/ });
    await add.first().waitFor();
    await tabTo(page, add.first(), { what: 'the first espresso beans' });
    await page.keyboard.press('Enter');
    await announced(form, /Added Espresso beans.* to your cart/);
    await form.getByRole('heading', { name: 'Your cart (1)' }).waitFor();
    await expectFocus(page, add.first(), { what: 'the same Add to cart, still' });

    await tabTo(page, form.getByRole('button', { name: 'Continue', exact: true }), {
      max: 60,
      what: 'Continue under the cart',
    });
    await page.keyboard.press('Enter');
    await expectFocus(page, heading('Where should we deliver?'), { what: 'the address heading' });

    // Signed out: the form's own sign-in, then focus goes back to the step's heading.
    await signInByKeyboard(page, form.locator('portico-login'), customer);
    await expectFocus(page, heading('Where should we deliver?'), {
      what: 'the address heading after signing in',
    });
    const saved = form.getByRole('radio', { name: /Brīvības iela 42/ });
    await tabTo(page, saved, { what: 'the saved address' });
    assert.equal(await saved.isChecked(), true, 'Anna’s saved address is chosen');
    await tabTo(page, form.getByRole('button', { name: 'Continue to review' }), {
      what: 'Continue to review',
    });
    await page.keyboard.press('Enter');
    await expectFocus(page, heading('Review your order'), { what: 'the review heading' });
    await form.locator('[part~="total"]').waitFor();
    assert.equal(await form.locator('[part~="line"]').count(), 1);

    const place = form.getByRole('button', { name: 'Place order' });
    await tabTo(page, place, { what: 'Place order' });
    await page.keyboard.press('Enter');
    await expectFocus(page, heading('Thank you for your order'), {
      what: 'the confirmation heading',
    });
    const number = (await form.locator('[part~="order-number"]').innerText()).trim();
    await announced(form, number);
    await tabTo(page, form.getByRole('link', { name: 'View your order' }), { max: 3 });
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`account\\.html#order=${number}$`));
    await page
      .locator('portico-account-summary')
      .getByRole('heading', { name: new RegExp(number) })
      .waitFor();
    await page.context().close();
  });

  it('account: finds an order, cancels it in its dialog, and opens the invoices', async () => {
    const page = await open('/account.html');
    await signInByKeyboard(page, page.locator('portico-login'), customer);
    const account = page.locator('portico-account-summary');
    await account.getByRole('heading', { name: `Hello, ${customer.name}` }).waitFor();

    const number = await page.evaluate(async (api) => {
      const input = encodeURIComponent(JSON.stringify({ status: ['placed'] }));
      const response = await fetch(`${api}/api/trpc/order.list?input=${input}`, {
        credentials: 'include',
      });
      const body = (await response.json()) as { result: { data: { items: { number: string }[] } } };
      return body.result.data.items.at(-1)!.number;
    }, demo.portico);

    const nav = account.locator('[part~="nav"]');
    await tabTo(page, nav.getByRole('link', { name: 'Orders', exact: true }));
    await page.keyboard.press('Enter');
    const orders = account.locator('portico-account-orders');
    await expectFocus(page, orders.getByRole('heading', { name: 'Your orders' }));
    await tabTo(page, orders.getByRole('searchbox').first(), { what: 'the order search' });
    await typeText(page, number);
    const link = orders.getByRole('link', { name: new RegExp(number) });
    await link.first().waitFor();
    await orders.locator('[part~="order"]').nth(1).waitFor({ state: 'detached' });
    await tabTo(page, link.first(), { what: `the order ${number}` });
    await page.keyboard.press('Enter');
    const detail = orders.getByRole('heading', { name: new RegExp(number), level: 2 });
    await expectFocus(page, detail, { what: 'the order’s heading' });

    // The cancel dialog takes focus; Escape closes it and gives focus back to its opener.
    const cancel = orders.getByRole('button', { name: 'Cancel order' });
    await tabTo(page, cancel);
    await page.keyboard.press('Enter');
    const question = orders.getByRole('heading', { name: 'Cancel this order?' });
    await expectFocus(page, question, { what: 'the cancel question' });
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    await expectFocus(page, cancel, { what: 'Cancel order, after Escape' });

    await page.keyboard.press('Enter');
    await expectFocus(page, question);
    await tabTo(page, orders.getByRole('textbox', { name: 'Reason (optional)' }), { max: 2 });
    await typeText(page, 'Ordered twice by mistake');
    await tabTo(page, orders.getByRole('button', { name: 'Yes, cancel the order' }), { max: 2 });
    await page.keyboard.press('Enter');
    await announced(account, 'Order cancelled');
    await expectFocus(page, detail, { what: 'the order’s heading after cancelling' });
    await orders.locator('[part~="status"]', { hasText: 'Cancelled' }).first().waitFor();

    await tabTo(page, nav.getByRole('link', { name: 'Billing', exact: true }), {
      backwards: true,
      what: 'Billing, backwards',
    });
    await page.keyboard.press('Enter');
    const billing = account.locator('portico-account-billing');
    await expectFocus(page, billing.getByRole('heading', { level: 2 }), {
      what: 'the billing heading',
    });
    await tabTo(page, billing.getByRole('button', { name: /Download PDF/ }).first(), {
      what: 'the first invoice’s PDF',
    });
    await page.context().close();
  });

  it('ticket: writes a new one with every field, sends it, reads the thread and replies', async () => {
    const page = await open('/signin.html');
    await signInByKeyboard(page, page.locator('portico-login'), customer);
    await page.locator('portico-login').getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${demo.demo}/support.html`);
    const inbox = page.locator('portico-ticket-inbox');

    await tabTo(page, inbox.getByRole('link', { name: 'New ticket' }), { max: 60 });
    await page.keyboard.press('Enter');
    await expectFocus(page, inbox.getByRole('heading', { name: 'New ticket' }));
    const form = inbox.locator('[part~="new-form"]');

    await tabTo(page, form.getByRole('textbox', { name: 'Subject' }));
    await typeText(page, 'The grinder squeaks');
    await tabTo(page, form.getByRole('radio', { name: /Question/ }), { max: 1 });
    await page.keyboard.press('ArrowDown');
    assert.equal(await form.getByRole('radio', { name: /Complaint/ }).isChecked(), true);
    const category = form.getByRole('combobox', { name: 'Category' });
    await tabTo(page, category, { max: 1 });
    await page.keyboard.press('ArrowDown');
    assert.notEqual(await category.inputValue(), '', 'a category is chosen with an arrow');
    await tabTo(page, form.getByRole('combobox', { name: 'Priority' }), { max: 1 });
    await page.keyboard.type('High');
    assert.equal(await form.getByRole('combobox', { name: 'Priority' }).inputValue(), 'high');
    await tabTo(page, form.getByRole('textbox', { name: /Tags/ }), { max: 1 });
    await typeText(page, 'noise');
    await page.keyboard.press('Enter');
    await form.locator('[part~="tag"]', { hasText: 'noise' }).waitFor();
    await announced(inbox, 'Tag noise added.');
    await expectFocus(page, form.getByRole('textbox', { name: /Tags/ }), {
      what: 'the tag field, for the next tag',
    });
    await tabTo(page, form.getByRole('textbox', { name: 'Your message' }), { max: 5 });
    await typeText(page, 'Since Monday the grinder squeaks when it starts.');
    await tabTo(page, form.getByRole('button', { name: 'Send ticket' }), { max: 20 });
    await page.keyboard.press('Enter');

    const thread = inbox.locator('portico-ticket-thread');
    const subject = thread.getByRole('heading', { name: 'The grinder squeaks' });
    await expectFocus(page, subject, { what: 'the new thread’s heading' });
    await announced(inbox, /Ticket .* sent/);
    await thread.getByText('high priority', { exact: false }).first().waitFor();

    await tabTo(page, thread.getByRole('textbox', { name: 'Your message' }), { max: 40 });
    await typeText(page, 'It is the left one of the two.');
    await tabTo(page, thread.getByRole('button', { name: 'Send reply' }), { max: 10 });
    await page.keyboard.press('Enter');
    await announced(thread, 'Your reply was sent.');
    await thread.getByText('It is the left one of the two.').waitFor();
    await assertFocusVisible(page, 'after the reply was sent');
    await page.context().close();
  });

  it('help: types a search, arrows to a result, reads it and goes back', async () => {
    const page = await open('/support.html');
    const help = page.locator('portico-help-search');
    const box = help.getByRole('combobox', { name: 'Search the help centre' });
    await tabTo(page, box);
    await page.keyboard.type('trac');
    const result = help.locator('[part~="result"]', { hasText: 'Track a shipment' });
    await result.waitFor();
    // Arrows move the active option while focus stays in the box, as a combobox does.
    for (let presses = 0; presses < 10; presses++) {
      await page.keyboard.press('ArrowDown');
      const active = await box.getAttribute('aria-activedescendant');
      if (active && (await help.locator(`#${active}`).innerText()).includes('Track a shipment'))
        break;
    }
    await expectFocus(page, box, { what: 'the search box, while arrowing' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/#help=track-a-shipment$/);
    const title = help.getByRole('heading', { name: 'Track a shipment' });
    await expectFocus(page, title, { what: 'the article’s title' });

    await page.keyboard.press('Escape');
    await title.waitFor({ state: 'detached' });
    await expectFocus(page, box, { what: 'the search box, back from the article' });
    assert.equal(await box.inputValue(), 'trac', 'the search is still there');
    await result.waitFor();
    await page.context().close();
  });

  it('chat: opens with Enter, sends with Enter, closes with Escape back to the launcher', async () => {
    const page = await open('/signin.html');
    await signInByKeyboard(page, page.locator('portico-login'), customer);
    await page.locator('portico-login').getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${demo.demo}/support.html`);
    const chat = page.locator('portico-chat');
    const launcher = chat.locator('[part~="launcher"]');
    await tabTo(page, launcher, { max: 80, what: 'the chat launcher' });
    await page.keyboard.press('Enter');
    const composer = chat.getByRole('textbox', { name: 'Message' });
    await expectFocus(page, composer, { what: 'the message field' });
    await typeText(page, 'How do I descale the espresso machine?');
    await page.keyboard.press('Enter');
    const log = chat.getByRole('log');
    await log.getByText('How do I descale the espresso machine?').waitFor();
    await expectFocus(page, composer, { what: 'the message field, for the next message' });
    await chat.getByRole('button', { name: 'Talk to a person' }).waitFor();
    // A non-modal panel: Tab goes on to the page after it, and Shift+Tab comes back.
    await tabTo(page, page.locator('footer a[href^="mailto:"]'), {
      max: 25,
      what: 'the page after the chat panel (the panel must not trap focus)',
    });
    await tabTo(page, composer, { backwards: true, max: 25, what: 'the message field, back' });
    await page.keyboard.press('Escape');
    await composer.waitFor({ state: 'hidden' });
    await expectFocus(page, launcher, { what: 'the launcher, after Escape' });
    await page.context().close();
  });

  it('raised no script errors on any page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
