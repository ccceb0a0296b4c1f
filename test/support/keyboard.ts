import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

/** What has focus, read through every open shadow root, as a failure message shows it. */
export interface Focused {
  tag: string;
  role: string;
  name: string;
  /** The element's `part` attribute, and the tag of the shadow host it lives in. */
  part: string;
  host: string;
  /** Whether the browser draws a focus indicator: `:focus-visible` with an outline or shadow. */
  visible: boolean;
  /** Whether Tab reaches it; a heading given focus by script (`tabindex="-1"`) is not. */
  tabbable: boolean;
}

/** Where the keyboard should go: a Playwright locator (role and name as Playwright computes them), or a test on what has focus. */
export type FocusTarget = Locator | ((focused: Focused) => boolean);

/** Runs in the page: the innermost focused element and what a person would call it. */
function describeActive(): Focused | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active || active === document.body || active === document.documentElement) return null;
  const element = active as HTMLElement;
  const tag = element.localName;
  const type = element.getAttribute('type') ?? '';
  const implicit: Record<string, string> = {
    a: element.hasAttribute('href') ? 'link' : '',
    button: 'button',
    select: 'combobox',
    textarea: 'textbox',
    summary: 'button',
    input:
      {
        checkbox: 'checkbox',
        radio: 'radio',
        search: 'searchbox',
        number: 'spinbutton',
        range: 'slider',
        submit: 'button',
        button: 'button',
      }[type] ?? 'textbox',
  };
  const heading = /^h[1-6]$/.test(tag) ? 'heading' : '';
  const role = element.getAttribute('role') ?? (implicit[tag] || heading || '');
  const root = element.getRootNode() as Document | ShadowRoot;
  const byIds = (ids: string) =>
    ids
      .split(/\s+/)
      .map((id) => root.getElementById(id)?.textContent ?? '')
      .join(' ');
  const labels = (element as HTMLInputElement).labels;
  const name =
    element.getAttribute('aria-label') ??
    (element.getAttribute('aria-labelledby')
      ? byIds(element.getAttribute('aria-labelledby')!)
      : labels?.length
        ? [...labels].map((label) => label.textContent).join(' ')
        : (element.textContent ?? element.getAttribute('title') ?? ''));
  const style = getComputedStyle(element);
  const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
  const shadowed = style.boxShadow !== 'none';
  const host = root instanceof ShadowRoot ? root.host.localName : '';
  return {
    tag,
    role,
    name: name.replace(/\s+/g, ' ').trim().slice(0, 80),
    part: element.getAttribute('part') ?? '',
    host,
    visible: element.matches(':focus-visible') && (outlined || shadowed),
    tabbable: element.tabIndex >= 0,
  };
}

/** Runs in the page: whether one of `elements` is the innermost focused element. */
function holdsFocus(elements: Element[]): boolean {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return elements.some((element) => element === active);
}

/** One line per focused element, for failure messages. */
export function describe(focused: Focused | null): string {
  if (!focused) return '<body> (focus lost)';
  const where = focused.host ? ` in <${focused.host}>` : '';
  const part = focused.part ? ` part="${focused.part}"` : '';
  return `${focused.role || focused.tag} "${focused.name}" <${focused.tag}${part}>${where}`;
}

/** The innermost focused element, or null when focus is on the page's body. */
export function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(describeActive);
}

async function matches(page: Page, target: FocusTarget): Promise<boolean> {
  if (typeof target === 'function') {
    const now = await focused(page);
    return !!now && target(now);
  }
  return target.evaluateAll(holdsFocus);
}

/**
 * Fails unless what has focus shows it: `:focus-visible` and a drawn outline or shadow. A
 * heading that script gave focus to (so that a screen reader reads where the customer is now)
 * is not a control, and may go without a ring; the next Tab goes on from it.
 */
export async function assertFocusVisible(page: Page, where = ''): Promise<Focused> {
  const now = await focused(page);
  const at = where ? ` ${where}` : '';
  assert.ok(now, `focus is on an element${at}, not lost to <body>`);
  assert.ok(now.visible || !now.tabbable, `focus is visible on ${describe(now)}${at}`);
  return now;
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, at most `max` times, then checks that the
 * focus is visible. Fails with every element the keyboard passed, so a missing or unreachable
 * control reads as a path, not as a timeout.
 */
export async function tabTo(
  page: Page,
  target: FocusTarget,
  { max = 40, backwards = false, what = 'the target' } = {},
): Promise<Focused> {
  // Tabbing before the target is rendered would pass it by; the wait is not a focus change.
  if (typeof target !== 'function') await target.first().waitFor();
  const passed: string[] = [];
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    passed.push(describe(now));
    if (now && (await matches(page, target))) return assertFocusVisible(page);
  }
  assert.fail(
    `${what} was not reached in ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}; focus went to:\n  ${passed.join('\n  ')}`,
  );
}

/**
 * Waits until `target` has focus (after a step that moves it, such as a server's answer), then
 * checks that the focus is visible. Fails with where focus is instead.
 */
export async function expectFocus(
  page: Page,
  target: FocusTarget,
  { timeout = 10_000, what = 'the target' } = {},
): Promise<Focused> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await matches(page, target)) return assertFocusVisible(page, `on ${what}`);
    if (Date.now() > deadline) {
      assert.fail(`focus did not move to ${what}; it is on ${describe(await focused(page))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Types `text` where focus is and checks it arrived (a focus change mid-typing would scatter it). */
export async function typeText(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  const value = await page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return (active as HTMLInputElement | null)?.value ?? null;
  });
  assert.ok(value?.includes(text), `the focused field holds "${text}" (it holds "${value}")`);
}
