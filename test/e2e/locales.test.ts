import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startDemoProcess, type DemoProcess } from '../support/demo-process.ts';
import { expectFocus, tabTo, typeText } from '../support/keyboard.ts';
import { DEMO_CUSTOMERS } from '../../backend/seed/demo.orders.ts';

/** A demo customer's sign-in, as the seed creates it (`demo-customer-<position>`). */
function demoCustomer(email: string): { email: string; password: string } {
  const index = DEMO_CUSTOMERS.findIndex((customer) => customer.email === email);
  assert.ok(index >= 0, `${email} is a demo customer`);
  return { email, password: `demo-customer-${index + 1}` };
}

interface Language {
  lang: 'fa' | 'el';
  name: string;
  /** Letters of the language's script: translated text has some, English has none. */
  script: RegExp;
  direction: 'rtl' | 'ltr';
  customer: { email: string; password: string };
  /** The order total (EUR) as the language writes money. */
  money: RegExp;
  /** A date as the language writes it: Persian digits, or a Greek month. */
  date: RegExp;
}

const LANGUAGES: Language[] = [
  {
    lang: 'fa',
    name: 'Persian',
    script: /[\u0600-\u06FF]/,
    direction: 'rtl',
    customer: demoCustomer('shirin@cafe-sahar.example'),
    // Persian digits only (۰-۹), with the Persian decimal separator.
    money: /^[^0-9]*[۰-۹][۰-۹٬]*٫[۰-۹]{2}[^0-9]*$/,
    date: /^[^0-9]*[۰-۹][^0-9]*$/,
  },
  {
    lang: 'el',
    name: 'Greek',
    script: /[\u0370-\u03FF]/,
    direction: 'ltr',
    customer: demoCustomer('eleni@kafeneio.example'),
    // 1.234,56 € : a point for thousands, a comma for decimals, the sign after the number.
    money: /^\d{1,3}(\.\d{3})*,\d{2}\s€$/,
    date: /[\u0370-\u03FF]/,
  },
];

/** The visible text of `locator`, spaces made plain. */
async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** Asserts that a piece of the interface is in the language: its script, and not the English. */
async function assertTranslated(locator: Locator, english: string, language: Language) {
  await locator.first().waitFor();
  const text = await textOf(locator.first());
  assert.notEqual(text, english, `"${english}" is translated into ${language.name}`);
  assert.match(text, language.script, `"${text}" is written in ${language.name}`);
}

/** Where the words of `locator` sit in its box: a start-aligned text hugs the start edge. */
async function textGaps(locator: Locator): Promise<{ left: number; right: number }> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const words = document.createRange();
    words.selectNodeContents(element);
    const text = words.getBoundingClientRect();
    return { left: Math.round(text.left - box.left), right: Math.round(box.right - text.right) };
  });
}

/** The password step of a `<portico-login>`, found by structure rather than English names. */
async function signIn(page: Page, login: Locator, person: { email: string; password: string }) {
  await tabTo(page, login.locator('input[type="email"]'), { what: 'the email field' });
  await typeText(page, person.email);
  await tabTo(page, login.locator('input[type="password"]'), { max: 1, what: 'password' });
  await typeText(page, person.password);
  await page.keyboard.press('Enter');
}

describe('the order and the ticket flows in Persian (right to left) and Greek', () => {
  let demo: DemoProcess;
  let browser: Browser;
  const pageErrors: string[] = [];

  before(async () => {
    [demo, browser] = await Promise.all([startDemoProcess(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  /** Opens a page of the demo site in `language`, through its language switch (`?lang=`). */
  async function open(path: string, language: Language): Promise<Page> {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
    await page.goto(`${demo.demo}${path}?lang=${language.lang}`);
    const root = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
    }));
    assert.deepEqual(root, { lang: language.lang, dir: language.direction });
    return page;
  }

  for (const language of LANGUAGES) {
    it(`orders in ${language.name}: translated steps, ${language.direction} layout, local money`, async () => {
      const page = await open('/shop.html', language);
      const form = page.locator('portico-order-form');
      const title = form.locator('#step-title');
      await assertTranslated(title, 'Choose products', language);
      assert.equal(
        await form.evaluate((element) => getComputedStyle(element).direction),
        language.direction,
      );
      // The step indicator runs from the start edge: right to left in Persian.
      const steps = form.locator('[part~="steps"] > li');
      const [first, second] = [await steps.nth(0).boundingBox(), await steps.nth(1).boundingBox()];
      assert.ok(first && second);
      if (language.direction === 'rtl') assert.ok(first.x > second.x, 'step 1 is right of step 2');
      else assert.ok(first.x < second.x, 'step 1 is left of step 2');
      const gaps = await textGaps(title);
      if (language.direction === 'rtl') assert.ok(gaps.right < gaps.left, JSON.stringify(gaps));
      else assert.ok(gaps.left < gaps.right, JSON.stringify(gaps));

      await tabTo(page, form.locator('[part~="add"]:not([disabled])').first(), {
        what: 'the first Add to cart',
      });
      await page.keyboard.press('Enter');
      await form.locator('[part~="cart-line"]').waitFor();
      await tabTo(page, form.locator('[part~="cart"] [part~="continue"]'), { max: 60 });
      await page.keyboard.press('Enter');
      await expectFocus(page, title, { what: 'the address step’s heading' });
      await assertTranslated(title, 'Where should we deliver?', language);

      const login = form.locator('portico-login');
      await assertTranslated(login.locator('[part~="submit"]'), 'Sign in', language);
      await signIn(page, login, language.customer);
      await form.locator('[part~="addresses"] input[type="radio"]:checked').waitFor();
      await tabTo(page, form.locator('[part~="continue"]'), { what: 'Continue to review' });
      await page.keyboard.press('Enter');
      const total = form.locator('[part~="total"]');
      await total.waitFor();
      await assertTranslated(title, 'Review your order', language);
      const shown = (await textOf(total)).replace(/[\u200e\u200f\u061c]/g, '');
      assert.match(shown, language.money, `the total ${shown} is written as ${language.name} does`);

      await tabTo(page, form.locator('[part~="submit"]'), { what: 'Place order' });
      await page.keyboard.press('Enter');
      await form.locator('[part~="confirmation"]').waitFor();
      await assertTranslated(title, 'Thank you for your order', language);
      const status = form.locator('[role="status"]').filter({ hasText: language.script });
      await status.first().waitFor({ state: 'attached' });
      await page.context().close();
    });

    it(`opens a ticket in ${language.name} and reads its thread, dates as the language writes them`, async () => {
      const page = await open('/signin.html', language);
      const login = page.locator('portico-login');
      await assertTranslated(login.locator('[part~="submit"]'), 'Sign in', language);
      await signIn(page, login, language.customer);
      await login.locator('[part~="sign-out"]').waitFor();
      await assertTranslated(login.locator('[part~="sign-out"]'), 'Sign out', language);

      await page.goto(`${demo.demo}/support.html?lang=${language.lang}`);
      const inbox = page.locator('portico-ticket-inbox');
      assert.equal(
        await inbox.evaluate((element) => getComputedStyle(element).direction),
        language.direction,
      );
      const newTicket = inbox.locator('[part~="new-ticket"]');
      await assertTranslated(newTicket, 'New ticket', language);
      await tabTo(page, newTicket, { max: 60 });
      await page.keyboard.press('Enter');
      const form = inbox.locator('[part~="new-form"]');
      await tabTo(page, form.locator('[part~="subject-input"]'));
      const subject = language.lang === 'fa' ? 'آسیاب صدا می‌دهد' : 'Ο μύλος τρίζει';
      await typeText(page, subject);
      await tabTo(page, form.locator('[part~="kind"] input[type="radio"]').first(), { max: 1 });
      await page.keyboard.press('ArrowDown');
      await tabTo(page, form.locator('[part~="priority-select"]'), { max: 3 });
      await page.keyboard.press('ArrowDown');
      await tabTo(page, form.locator('[part~="new-body"]'), { max: 6 });
      await typeText(page, language.lang === 'fa' ? 'از دوشنبه صدا می‌دهد.' : 'Από τη Δευτέρα.');
      await tabTo(page, form.locator('[part~="submit"]'), { max: 20 });
      await assertTranslated(form.locator('[part~="submit"]'), 'Send ticket', language);
      await page.keyboard.press('Enter');

      const thread = inbox.locator('portico-ticket-thread');
      await thread.locator('#thread-title', { hasText: subject }).waitFor();
      const said = inbox.locator('[role="status"]').filter({ hasText: language.script });
      await said.first().waitFor({ state: 'attached' });
      const date = (await textOf(thread.locator('[part~="facts"] time').first())).replace(
        /[\u200e\u200f\u061c]/g,
        '',
      );
      assert.match(date, language.date, `the date ${date} is written as ${language.name} does`);
      await assertTranslated(thread.locator('[part~="back"]'), 'Back to tickets', language);
      await page.context().close();
    });
  }

  it('raised no script errors on any page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
