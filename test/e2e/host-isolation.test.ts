import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { signInOnPage, startDemoProcess, type DemoProcess } from '../support/demo-process.ts';
import { DEMO_SIGN_INS } from '../../backend/seed/demo.seed.ts';
import {
  comparePngs,
  documentStyles,
  holdPorticoScript,
  pictureAlone,
  settle,
  type Difference,
} from '../support/pixels.ts';

type Mode = 'clean' | 'hostile';
type Shots = Map<string, Buffer>;

/**
 * What each element shows once it has rendered, signed out and signed in. The page is
 * demo/site/hostile.html; `?clean` is the same page without its stylesheet and its `dir="rtl"`.
 */
const READY = {
  'signed-out': {
    'portico-login': '[part~="submit"]',
    'portico-announcements': '[part~="announcement"]',
    'portico-account-summary': '[part~="signed-out"]:text("Sign in")',
    'portico-order-form': '[part~="product"]',
    'portico-ticket-inbox': '[part~="signed-out"]:text("Sign in")',
    'portico-help-search': '[part~="category"]',
    'portico-chat': '[part~="launcher"]',
  },
  'signed-in': {
    'portico-login': '[part~="sign-out"]',
    'portico-announcements': '[part~="announcement"]',
    'portico-account-summary': '[part~="open-invoices"] [part~="invoice"]',
    'portico-order-form': '[part~="product"]',
    'portico-ticket-inbox': '[part~="ticket"]',
    'portico-help-search': '[part~="category"]',
    'portico-notifications': '[part~="badge"]',
    'portico-chat': '[part~="launcher"]',
  },
} as const;

type State = keyof typeof READY;

describe('the elements on a hostile host page', () => {
  let demo: DemoProcess;
  let browser: Browser;
  let context: BrowserContext;
  let lab: Page;
  const shots = new Map<string, Shots>();

  before(async () => {
    // Nothing changes while the pages are compared: the demo's seeded agent leaves at once (the
    // chat says "Nobody is online" throughout) and no reminder arrives in between.
    // Each is kept as it starts, so `after` closes it even when the other fails to start.
    await Promise.all([
      startDemoProcess({ CHAT_AWAY_AFTER_SECONDS: '0', REMINDER_INTERVAL_SECONDS: '0' }).then(
        (started) => (demo = started),
      ),
      launchChromium().then((launched) => (browser = launched)),
    ]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    lab = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  const url = (mode: Mode) => `${demo.demo}/hostile.html${mode === 'clean' ? '?clean' : ''}`;

  /**
   * Opens the page with Portico's script held back, pictures the page's own content and notes its
   * style sheets, then lets the script run and waits for every element; the content must not
   * have changed by a pixel, nor the document's style sheets.
   */
  async function open(page: Page, mode: Mode, state: State): Promise<void> {
    const release = await holdPorticoScript(page, demo.portico);
    await page.goto(url(mode), { waitUntil: 'commit' });
    const content = page.locator('#host-content');
    await content.waitFor();
    await settle(page, { network: false });
    const before = await pictureAlone(content);
    const stylesBefore = await documentStyles(page);
    release();
    for (const [tag, ready] of Object.entries(READY[state])) {
      await page.locator(tag).locator(ready).first().waitFor();
    }
    await settle(page);
    const afterShot = await pictureAlone(content);
    assertSame(await comparePngs(lab, before, afterShot), `${mode}, ${state}: the page's content`);
    assert.deepEqual(await documentStyles(page), stylesBefore, `${mode}: document styles`);
  }

  /** Each element, the notifications panel and the chat panel, pictured by themselves. */
  async function shoot(page: Page, state: State): Promise<Shots> {
    const taken: Shots = new Map();
    for (const tag of Object.keys(READY[state])) {
      if (tag !== 'portico-chat') taken.set(tag, await pictureAlone(page.locator(tag)));
    }
    if (state === 'signed-in') {
      const bell = page.locator('portico-notifications');
      const panel = bell.locator('[part~="panel"]');
      const opened = pictureAlone(bell, panel, async () => {
        await bell.locator('[part~="bell"]').click();
        await bell.locator('[part~="item"]').first().waitFor();
        await settle(page);
      });
      taken.set('notifications panel', await opened);
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
    }
    const chat = page.locator('portico-chat');
    const panel = chat.locator('[part~="panel"]');
    const opened = pictureAlone(chat, panel, async () => {
      await chat.locator('[part~="launcher"]').click();
      await chat.getByRole('textbox', { name: 'Message' }).waitFor();
      await chat.locator('[part~="availability"]').waitFor();
      await settle(page);
    });
    taken.set('chat panel', await opened);
    await chat.locator('[part~="close"]').click();
    return taken;
  }

  /** A folder of this run's own for the pictures of failed comparisons. */
  let folder: Promise<string> | undefined;

  /** Writes the two pictures of a failed comparison where a person can look at them. */
  async function keep(name: string, clean: Buffer, hostile: Buffer): Promise<string> {
    folder ??= mkdtemp(join(tmpdir(), 'portico-host-isolation-'));
    const base = join(await folder, name.replaceAll(/[^a-z0-9-]+/gi, '-'));
    await Promise.all([
      writeFile(`${base}.clean.png`, clean),
      writeFile(`${base}.hostile.png`, hostile),
    ]);
    return `${base}.{clean,hostile}.png`;
  }

  function assertSame(difference: Difference, what: string): void {
    assert.equal(difference.same, true, `${what} differs: ${difference.detail}`);
  }

  for (const state of ['signed-out', 'signed-in'] as const) {
    it(`renders every element the same on both pages, ${state}`, async () => {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      if (state === 'signed-in') {
        await page.goto(url('hostile'));
        // Signing in works through the hostile page's CSS, too.
        await signInOnPage(demo, page, DEMO_SIGN_INS.customer);
      }
      for (const mode of ['clean', 'hostile'] as const) {
        await open(page, mode, state);
        if (mode === 'hostile') {
          assert.deepEqual(
            await page.evaluate(() => {
              const { fontSize, direction } = getComputedStyle(document.documentElement);
              return { fontSize, direction };
            }),
            { fontSize: '11px', direction: 'rtl' },
            'the hostile theme is applied',
          );
        }
        shots.set(`${mode} ${state}`, await shoot(page, state));
      }
      const clean = shots.get(`clean ${state}`)!;
      const hostile = shots.get(`hostile ${state}`)!;
      assert.deepEqual([...hostile.keys()], [...clean.keys()]);
      const failures: string[] = [];
      for (const [name, picture] of clean) {
        const difference = await comparePngs(lab, picture, hostile.get(name)!);
        if (difference.same) continue;
        const saved = await keep(`${state} ${name}`, picture, hostile.get(name)!);
        failures.push(`${name}: ${difference.detail} (see ${saved})`);
      }
      assert.deepEqual(failures, [], 'elements that look different on the hostile page');
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  it('would notice a one-rule change inside a shadow root, and an unguarded shadow root', async () => {
    // A context of its own: signed out, whatever ran before.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const pictures: Record<string, Buffer> = {};
    for (const mode of ['clean', 'hostile'] as const) {
      await page.goto(url(mode));
      const login = page.locator('portico-login');
      await login.locator('[part~="submit"]').waitFor();
      // A shadow root without Portico's guard: the page's inherited text styles reach into it.
      await page.evaluate(() => {
        const box = document.createElement('div');
        box.id = 'unguarded';
        box.style.cssText = 'inline-size: 480px; padding: 0';
        box.attachShadow({ mode: 'open' }).innerHTML =
          '<p style="margin: 0">Welcome back. Sign in with your email.</p>';
        document.querySelector('main')!.prepend(box);
      });
      await settle(page);
      pictures[`unguarded ${mode}`] = await pictureAlone(page.locator('#unguarded'));
      pictures[`login ${mode}`] = await pictureAlone(login);
    }
    const unguarded = await comparePngs(
      lab,
      pictures['unguarded clean']!,
      pictures['unguarded hostile']!,
    );
    assert.equal(unguarded.same, false, 'the hostile page reaches an unguarded shadow root');

    // One letter-spacing rule inside the element's shadow root must show.
    await page.locator('portico-login').evaluate((host) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('[part~="form"] { letter-spacing: 0.02em; }');
      host.shadowRoot!.adoptedStyleSheets = [...host.shadowRoot!.adoptedStyleSheets, sheet];
    });
    await settle(page);
    const changed = await pictureAlone(page.locator('portico-login'));
    const before = await comparePngs(lab, pictures['login clean']!, pictures['login hostile']!);
    const saved = before.same
      ? ''
      : ` (see ${await keep('self-check login', pictures['login clean']!, pictures['login hostile']!)})`;
    assert.equal(
      before.same,
      true,
      `the login looks the same on both pages: ${before.detail}${saved}`,
    );
    const difference = await comparePngs(lab, pictures['login clean']!, changed);
    assert.equal(difference.same, false, 'a letter-spacing change inside the shadow root shows');

    // The guard holds `display` against the page, yet margins still place, and `hidden` and an
    // inline `display: none` (Vue's v-show, jQuery's hide(), either spelling) still hide.
    const login = page.locator('portico-login');
    const display = () => login.evaluate((host) => getComputedStyle(host).display);
    await login.evaluate((host) => (host.style.marginBlockStart = '13px'));
    assert.equal(await login.evaluate((host) => getComputedStyle(host).marginTop), '13px');
    assert.equal(await display(), 'block');
    await login.evaluate((host: HTMLElement) => (host.style.display = 'none'));
    await login.waitFor({ state: 'hidden' });
    await login.evaluate((host: HTMLElement) => host.style.removeProperty('display'));
    await login.waitFor({ state: 'visible' });
    assert.equal(await display(), 'block');
    await login.evaluate((host) => host.setAttribute('style', 'margin-top:13px;display:none'));
    await login.waitFor({ state: 'hidden' });
    await login.evaluate((host) => host.removeAttribute('style'));
    await login.waitFor({ state: 'visible' });
    await login.evaluate((host: HTMLElement) => (host.hidden = true));
    await login.waitFor({ state: 'hidden' });
    await page.close();
  });
});
