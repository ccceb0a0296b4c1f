import { deepElements, nameOf, isShown, isVisuallyHidden, parentOf } from './contract.tree.ts';

/** Where an element's layout starts, for the mirroring check. */
export interface MirrorAnchor {
  /** The element whose position tells; by default the first short line of text in `within`. */
  element?: Element;
  /** The side of `within` it must hug: its inline start (the default) or end. */
  side?: 'start' | 'end';
  /** The box it is placed in; by default the host's. */
  within?: DOMRect;
}

/**
 * Fields Chromium itself lays out left to right in any page (phone numbers, dates, addresses
 * and numbers are written so in Persian too): the browser's choice, not the element's.
 */
const LTR_BY_BROWSER = new Set([
  'tel',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
  'email',
  'url',
  'number',
]);

/** Whether something between the element and the host says its own direction (content). */
function hasOwnDirection(element: Element, host: Element): boolean {
  if (element instanceof HTMLInputElement && LTR_BY_BROWSER.has(element.type)) return true;
  for (let node: Element | null = element; node && node !== host; node = parentOf(node)) {
    if (node.hasAttribute('dir')) return true;
  }
  return false;
}

/** The box of the element's first line of text, or null when it has no text of its own. */
function firstLine(element: Element): DOMRect | null {
  const text = [...element.childNodes].find(
    (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
  );
  if (!text) return null;
  const range = document.createRange();
  range.selectNodeContents(text);
  const line = range.getClientRects()[0];
  return line && line.width > 0 ? line : null;
}

/** The host's box, or its content's when the host itself draws no box (display: contents). */
function boxOf(host: Element): DOMRect {
  const own = host.getBoundingClientRect();
  if (own.width > 0) return own;
  const children = host.shadowRoot?.children ?? host.children;
  const parts = [...children]
    .map((child) => child.getBoundingClientRect())
    .filter((box) => box.width > 0);
  if (!parts.length) return own;
  const left = Math.min(...parts.map((box) => box.left));
  const right = Math.max(...parts.map((box) => box.right));
  return new DOMRect(left, own.top, right - left, own.height);
}

/**
 * The first text a reader meets that leaves room on its line to show which side it starts
 * from (a line that fills the element's width could start from either).
 */
function defaultAnchor(host: Element, within: DOMRect): { line: DOMRect; element: Element } | null {
  for (const element of deepElements(host)) {
    if (!isShown(element) || isVisuallyHidden(element) || hasOwnDirection(element, host)) continue;
    if (getComputedStyle(element).textAlign === 'center') continue;
    const line = firstLine(element);
    const inside = line && line.left >= within.left - 1 && line.right <= within.right + 1;
    if (line && inside && line.width < within.width - 24) return { line, element };
  }
  return null;
}

/**
 * Right to left is laid out right to left: every box inherits the page's direction (only
 * content with a `dir` of its own may differ), and the element's start (its first text, or the
 * anchor a state names) is on the right in RTL and on the left in LTR.
 */
export function directionProblems(host: Element, anchor?: MirrorAnchor | null): string[] {
  const problems: string[] = [];
  const direction = getComputedStyle(document.documentElement).direction;
  for (const element of deepElements(host)) {
    if (!isShown(element) || hasOwnDirection(element, host)) continue;
    if (getComputedStyle(element).direction !== direction) {
      problems.push(`direction: ${nameOf(element)} is not ${direction} like the page`);
    }
  }
  if (anchor === null) return problems;
  const within = anchor?.within ?? boxOf(host);
  const found = anchor?.element
    ? { line: anchor.element.getBoundingClientRect(), element: anchor.element }
    : defaultAnchor(host, within);
  if (!found) return [...problems, 'mirroring: no text narrow enough to tell which side it starts'];
  const left = found.line.left - within.left;
  const right = within.right - found.line.right;
  const [start, end] = direction === 'rtl' ? [right, left] : [left, right];
  const [near, far] = anchor?.side === 'end' ? [end, start] : [start, end];
  if (near >= far) {
    problems.push(
      `mirroring: ${nameOf(found.element)} should be at the ${anchor?.side ?? 'start'} (${direction}); ` +
        `${Math.round(left)} px from the left, ${Math.round(right)} px from the right`,
    );
  }
  return problems;
}
