// Renders each customer element in English and in Persian (right to left), on a phone and on a
// desktop, for the README's gallery: `npm run screenshots:locales`.
//
// Everything is found by `part` attributes, roles and input names, never by English text, so the
// Persian run follows the same path. Before a Persian picture is taken the element's own text
// (through its shadow roots) must contain Persian letters: the translation loads after the first
// render, and a picture of the English fallback would look right to no one.
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../test/support/browser.ts';
import { startDemoProcess, type DemoProcess } from '../test/support/demo-process.ts';
import { DEMO_SIGN_INS } from '../backend/seed/demo.seed.ts';

const LOCALES = ['en', 'fa'] as const;
const WIDTHS = [360, 1280] as const;
/** A word a few of the demo's help articles use in each language ("refund"). */
const HELP_QUERY: Record<Locale, string> = { en: 'refund', fa: 'بازپرداخت' };
/** Two coffees from the demo catalog, found by SKU so the grid beside the cart stays short. */
const PRODUCTS = ['NL-COF-001', 'NL-COF-004'];
const PERSIAN = /[\u0600-\u06FF]/;

type Locale = (typeof LOCALES)[number];
interface Shot {
  locale: Locale;
  width: number;
  page: Page;
}

const out = new URL('../docs/screenshots/locales/', import.meta.url).pathname;
/** What a reader of the pictures should know: overflow on phones, Latin text in Persian. */
const findings: string[] = [];

const browser = await launchChromium();
try {
  for (const locale of LOCALES) {
    for (const width of WIDTHS) {
      // A fresh demo each time: every picture shows the same unread answers and history.
      const demo = await startDemoProcess();
      try {
        await shootAll(browser, demo, locale, width);
      } finally {
        await demo.stop();
      }
    }
  }
  console.log(`Screenshots written to ${out}`);
  console.log(findings.length ? `Findings:\n${findings.join('\n')}` : 'No findings.');
} finally {
  await browser.close();
}

/** One fresh browser context (no cookies, no stored language or cart) per locale and width. */
async function shootAll(browser: Browser, demo: DemoProcess, locale: Locale, width: number) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    deviceScaleFactor: 1,
    locale,
  });
  // What the page said about its languages, for the message when a translation never shows.
  await context.addInitScript(() => {
    const log: string[] = [];
    Object.assign(window, { porticoLocaleLog: log });
    addEventListener('lit-localize-status', (event) => {
      log.push(
        `${JSON.stringify((event as CustomEvent).detail)} at ${Math.round(performance.now())}ms`,
      );
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error')
      console.error(`page (${locale}, ${width}px): ${message.text()}`);
  });
  page.on('pageerror', (error) => console.error(`page (${locale}, ${width}px): ${error.message}`));
  const shot = { locale, width, page };
  const open = (path: string) => {
    const [file, hash = ''] = path.split('#');
    return openPage(shot, `${demo.demo}/${file}?lang=${locale}${hash && `#${hash}`}`);
  };
  try {
    await open('signin.html');
    await shootLogin(shot);
    await open('account.html');
    await shootAccount(shot);
    await open('index.html');
    await shootAnnouncements(shot);
    await shootNotifications(shot);
    await open('shop.html');
    await shootOrderForm(shot);
    await open('support.html#tickets');
    await shootTickets(shot);
    await open('support.html');
    await shootHelp(shot, HELP_QUERY[locale]);
    await shootChat(shot);
  } finally {
    await context.close();
  }
}

/**
 * Loads `url`; on a Persian page, also waits until every Portico element that shows text shows
 * Persian. One that stays English is a defect: the run stops and names it.
 */
async function openPage(shot: Shot, url: string) {
  await shot.page.goto(url);
  if (shot.locale === 'en') return;
  try {
    await shot.page.waitForFunction(
      ({ walker, letters }) => {
        const deep = new Function(`return (${walker})`)() as (root: Element) => string;
        const tags = [...document.body.querySelectorAll('*')].filter((element) =>
          element.localName.startsWith('portico-'),
        );
        const texts = tags.map((element) =>
          customElements.get(element.localName) ? deep(element).trim() : null,
        );
        if (texts.includes(null)) return false;
        const shown = texts.filter((text) => text);
        return shown.length > 0 && shown.every((text) => new RegExp(letters).test(text!));
      },
      { walker: deepText.toString(), letters: PERSIAN.source },
      { timeout: 10_000 },
    );
  } catch (error) {
    const english = await shot.page.evaluate(
      ({ walker, letters }) => {
        const deep = new Function(`return (${walker})`)() as (root: Element) => string;
        return [...document.body.querySelectorAll('*')]
          .filter((element) => element.localName.startsWith('portico-'))
          .filter((element) => !new RegExp(letters).test(deep(element)) && deep(element).trim())
          .map((element) => element.localName);
      },
      { walker: deepText.toString(), letters: PERSIAN.source },
    );
    throw new Error(`Still English on ${url.replace(/^.*\//, '')} (${shot.width}px): ${english}`, {
      cause: error,
    });
  }
}

/** The signed-out form on the sign-in page, then signing the demo customer in through it. */
async function shootLogin(shot: Shot) {
  const login = shot.page.locator('portico-login');
  await login.locator('[part~="form"] [part~="submit"]').waitFor();
  await save(shot, login, 'portico-login');
  await login.locator('input[name="email"]').fill(DEMO_SIGN_INS.customer.email);
  await login.locator('input[name="password"]').fill(DEMO_SIGN_INS.customer.password);
  await login.locator('[part~="submit"]').click();
  await login.locator('[part~="sign-out"]').waitFor();
}

/** The overview with balance, open invoices and recent orders; then one order's detail. */
async function shootAccount(shot: Shot) {
  const summary = shot.page.locator('portico-account-summary');
  await summary.locator('[part~="balance-amount"]').waitFor();
  await summary.locator('[part~="open-invoices"] [part~="invoice"]').first().waitFor();
  await summary.locator('[part~="recent-orders"] [part~="order-link"]').first().waitFor();
  await save(shot, summary, 'portico-account-summary');
  await summary.locator('[part~="recent-orders"] [part~="order-link"]').first().click();
  await summary.locator('portico-account-orders [part~="timeline"]').waitFor();
  await save(shot, summary, 'portico-account-summary-order');
}

/** The demo's banner under the site header. */
async function shootAnnouncements(shot: Shot) {
  const announcements = shot.page.locator('portico-announcements');
  await announcements.locator('[part~="announcement"]').first().waitFor();
  await save(shot, announcements, 'portico-announcements');
}

/** The bell's panel, open on the newest notifications. */
async function shootNotifications(shot: Shot) {
  const bell = shot.page.locator('portico-notifications');
  await bell.locator('[part~="badge"]').waitFor();
  await bell.locator('[part~="bell"]').click();
  const panel = bell.locator('[part~="panel"]');
  await panel.locator('[part~="item-button"]').first().waitFor();
  await save(shot, bell, 'portico-notifications', panel);
  await shot.page.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden' });
}

/** Two products in the cart beside the catalog, then the review step with its quote. */
async function shootOrderForm(shot: Shot) {
  const form = shot.page.locator('portico-order-form');
  const products = form.locator('[part~="products"] > [part~="product"]');
  await products.first().waitFor();
  // Each search shows one card; one not yet in the cart is the new search's answer.
  const notInCart = products.filter({ hasNot: shot.page.locator('.in-cart') });
  for (const [index, sku] of PRODUCTS.entries()) {
    await form.locator('[part~="search"]').fill(sku);
    await waitForCount(products, 1);
    await notInCart.locator('[part~="add"]').click();
    await waitForCount(form.locator('[part~="cart"] [part~="cart-line"]'), index + 1);
  }
  await save(shot, form, 'portico-order-form');
  await form.locator('[part~="cart"] [part~="continue"]').click();
  await form.locator('[part~="addresses"]').waitFor();
  await form.locator('[part~="continue"]:enabled').click();
  await form.locator('[part~="review"] [part~="totals"] [part~="total"]').waitFor();
  await save(shot, form, 'portico-order-form-review');
}

/** Results for a word the demo's articles use in this language. */
async function shootHelp(shot: Shot, query: string) {
  const help = shot.page.locator('portico-help-search');
  await help.locator('[part~="category"]').first().waitFor();
  await help.locator('[part~="input"]').pressSequentially(query, { delay: 30 });
  await help.locator('[part~="results"] [part~="result"]').first().waitFor();
  await help.locator('[part~="match"]').first().waitFor();
  await save(shot, help, 'portico-help-search');
}

/** The chat panel as it opens: the bot's introduction above the composer. */
async function shootChat(shot: Shot) {
  const chat = shot.page.locator('portico-chat');
  await chat.locator('[part~="launcher"]').click();
  const panel = chat.locator('[part~="panel"]');
  await panel.locator('[part~="intro"]').waitFor();
  await panel.locator('[part~="composer"]').waitFor();
  await save(shot, chat, 'portico-chat', panel);
}

/** The list of the customer's tickets, then the thread with the agent's unread answer. */
async function shootTickets(shot: Shot) {
  const inbox = shot.page.locator('portico-ticket-inbox');
  const unread = inbox.locator('[part~="list"] [part~="ticket-unread"]');
  await unread.first().waitFor();
  await save(shot, inbox, 'portico-ticket-inbox');
  await unread.first().locator('[part~="ticket-link"]').click();
  await inbox
    .locator('portico-ticket-thread [part~="messages"] [part~="message"]')
    .first()
    .waitFor();
  await save(shot, inbox, 'portico-ticket-inbox-thread');
}

/**
 * Waits until `element` speaks the shot's language and its fonts have loaded, checks it for
 * horizontal overflow on a phone, and writes `<name>-<locale>-<width>.png` of `area` (the
 * element itself unless a part of it, such as a panel, is the thing to show).
 */
async function save(shot: Shot, element: Locator, name: string, area: Locator = element) {
  await waitForLanguage(shot, element, name);
  await shot.page.evaluate(() => document.fonts.ready);
  if (shot.width < 400) await checkOverflow(shot, element, name);
  if (shot.locale === 'fa') await noteLatin(element, name);
  const path = `${out}${name}-${shot.locale}-${shot.width}.png`;
  // The chat's launcher floats over every page; only the chat's own picture shows it.
  const style = name === 'portico-chat' ? '' : 'portico-chat { visibility: hidden !important; }';
  await area.screenshot({ path, scale: 'css', animations: 'disabled', style });
  console.log(`wrote ${path.slice(out.length)}`);
}

/** Waits until `locator` matches exactly `count` elements (lists re-render after a read). */
async function waitForCount(locator: Locator, count: number) {
  const deadline = Date.now() + 10_000;
  while ((await locator.count()) !== count) {
    if (Date.now() > deadline) throw new Error(`Expected ${count} of ${locator.toString()}`);
    await locator.page().waitForTimeout(50);
  }
}

/** The text of an element and everything in its shadow roots, in document order. */
function deepText(root: Element): string {
  const walk = (node: Node): string => {
    let text = node instanceof Element && node.shadowRoot ? walk(node.shadowRoot) : '';
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) text += child.textContent ?? '';
      else if (child.nodeName !== 'STYLE' && child.nodeName !== 'SCRIPT') text += walk(child);
    }
    return text;
  };
  return walk(root);
}

/** Persian pages: Persian letters in the element and `rtl` as its direction; English: neither. */
async function waitForLanguage(shot: Shot, element: Locator, name: string) {
  const handle = await element.elementHandle();
  const rtl = shot.locale === 'fa';
  try {
    await shot.page.waitForFunction(
      ({ host, rtl, walker, letters }) => {
        const deep = new Function(`return (${walker})`)() as (root: Element) => string;
        const persian = new RegExp(letters).test(deep(host));
        return persian === rtl && (getComputedStyle(host).direction === 'rtl') === rtl;
      },
      { host: handle, rtl, walker: deepText.toString(), letters: PERSIAN.source },
      { timeout: 10_000 },
    );
  } catch {
    const seen = await element.evaluate(
      (host, walker) => ({
        page: document.documentElement.lang,
        events: (window as unknown as { porticoLocaleLog?: string[] }).porticoLocaleLog,
        direction: getComputedStyle(host).direction,
        text: (new Function(`return (${walker})`)() as (root: Element) => string)(host)
          .replace(/\s+/g, ' ')
          .slice(0, 200),
      }),
      deepText.toString(),
    );
    throw new Error(
      `${name} (${shot.locale}, ${shot.width}px) never rendered in ${shot.locale}: ${JSON.stringify(seen)}`,
    );
  }
}

/**
 * On a phone nothing may stick out sideways: the page must not scroll horizontally, and no
 * visible box inside the element may leave the viewport unless a scrolling ancestor holds it.
 */
async function checkOverflow(shot: Shot, element: Locator, name: string) {
  const problems = await element.evaluate((host) => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) {
      found.push(`page scrolls sideways (${document.documentElement.scrollWidth}px > ${width}px)`);
    }
    const clipped = (el: Element) => {
      // The page's own body and root do not count: sideways scrolling there is the bug.
      const above = (node: Element) =>
        node.parentElement ?? (node.getRootNode() as ShadowRoot).host;
      for (let up = above(el); up && up !== document.body; up = above(up)) {
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      }
      return false;
    };
    const label = (el: Element) => {
      const part = el.getAttribute('part');
      const text = (el.textContent ?? '').trim().slice(0, 40);
      return `<${el.localName}${part ? ` part="${part}"` : ''}> "${text}"`;
    };
    const visit = (root: Element | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height || box.width <= 1 || box.height <= 1) continue;
        if (box.left >= -1 && box.right <= width + 1) continue;
        if (getComputedStyle(el).visibility === 'hidden' || clipped(el)) continue;
        found.push(`${label(el)} spans ${Math.round(box.left)}..${Math.round(box.right)}px`);
      }
    };
    visit(host.shadowRoot ?? host);
    return found.slice(0, 5);
  });
  for (const problem of problems) {
    findings.push(`overflow ${name}-${shot.locale}-${shot.width}: ${problem}`);
  }
}

/** Latin words left in a Persian picture: untranslated strings, or content that is English. */
async function noteLatin(element: Locator, name: string) {
  const text = await element.evaluate(
    (host, walker) => (new Function(`return (${walker})`)() as (root: Element) => string)(host),
    deepText.toString(),
  );
  const runs = text.match(/[A-Za-z][a-z'’]+(?:[ ,]+[A-Za-z][a-z'’]*)*/g) ?? [];
  const words = [...new Set(runs.map((run) => run.trim()))].filter((run) => run.length > 2);
  if (words.length) findings.push(`latin in ${name}-fa: ${words.slice(0, 25).join(' | ')}`);
}
