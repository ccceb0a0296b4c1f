import { deepElements, nameOf, isShown, isVisuallyHidden, parentOf } from './contract.tree.ts';

/** WCAG 2.5.5's size (AAA), which Portico holds itself to: fingers, not mouse pointers. */
const TARGET = 44;

/** What a customer can click, tap or tab to. */
const INTERACTIVE = [
  'button',
  'a[href]',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  '[role="button"]',
  '[role="link"]',
  '[role="tab"]',
  '[role="option"]',
  '[role="menuitem"]',
  '[role="checkbox"]',
  '[role="switch"]',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** Subpixel layout: a box of 43.99 px is a 44 px box. */
const EPSILON = 0.5;

/** A box that may scroll sideways inside an element, with the reason it is right there. */
export interface Sideways {
  selector: string;
  why: string;
}

/** Whether the element is, or is inside, one of the allowed sideways scrollers. */
function inAllowedScroller(element: Element, allowed: Sideways[]): boolean {
  for (let node: Element | null = element; node; node = parentOf(node)) {
    if (allowed.some(({ selector }) => node!.matches(selector))) return true;
  }
  return false;
}

/**
 * No sideways scrolling: the page, the host and every box inside it stay within the viewport's
 * width, and nothing inside is a sideways scroller either, but for the `allowed` ones.
 */
export function overflowProblems(host: Element, allowed: Sideways[] = []): string[] {
  const problems: string[] = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth + EPSILON) {
    problems.push(
      `overflow: the page scrolls sideways (${page.scrollWidth} > ${page.clientWidth})`,
    );
  }
  if (host.scrollWidth > host.clientWidth + EPSILON && host.clientWidth > 0) {
    problems.push(
      `overflow: <${host.localName}> scrolls sideways (${host.scrollWidth} > ${host.clientWidth})`,
    );
  }
  const width = page.clientWidth;
  for (const element of deepElements(host)) {
    if (!isShown(element) || isVisuallyHidden(element)) continue;
    if (inAllowedScroller(element, allowed)) continue;
    const box = element.getBoundingClientRect();
    if (box.left < -EPSILON || box.right > width + EPSILON) {
      problems.push(
        `overflow: ${nameOf(element)} reaches ${Math.round(box.left)}…${Math.round(box.right)} px, outside the ${width} px screen`,
      );
    }
    const style = getComputedStyle(element);
    const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
    if (scrolls && element.scrollWidth > element.clientWidth + 1) {
      problems.push(`overflow: ${nameOf(element)} scrolls sideways`);
    }
  }
  return problems;
}

/**
 * The box a tap lands in. A checkbox or radio inside its label, or a file input hidden behind
 * its label, is operated through the label: the label is the target.
 */
function targetBox(element: Element): DOMRect {
  const own = element.getBoundingClientRect();
  if (element instanceof HTMLInputElement && element.labels?.length) {
    const label = [...element.labels].find((candidate) => candidate.contains(element));
    const hidden = own.width <= 1 || getComputedStyle(element).opacity === '0';
    if (label && (hidden || ['checkbox', 'radio', 'file'].includes(element.type))) {
      return label.getBoundingClientRect();
    }
  }
  return own;
}

/**
 * A link inside a sentence: WCAG 2.5.8 exempts it (its size is set by the line of text it sits
 * in, and growing it would push the lines apart). Only `<a>` with running text around it counts.
 */
function isInlineLink(element: Element): boolean {
  if (element.localName !== 'a' || getComputedStyle(element).display !== 'inline') return false;
  const block = parentOf(element);
  const around = (block?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const own = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  return around.length > own.length + 2;
}

/**
 * Whether a finger or a keyboard can reach the element at all. A file input that lets no
 * pointer through and takes no focus, opened by a button beside it, is not a target: the
 * button is.
 */
function isOperable(element: Element): boolean {
  if (!element.checkVisibility()) return false;
  const untouchable = getComputedStyle(element).pointerEvents === 'none';
  return !(untouchable && (element as HTMLElement).tabIndex < 0);
}

/** Every interactive target at least 44 × 44 px. */
export function targetProblems(host: Element): string[] {
  const problems: string[] = [];
  for (const element of deepElements(host)) {
    if (!element.matches(INTERACTIVE) || isInlineLink(element) || !isOperable(element)) continue;
    const hiddenInput = element instanceof HTMLInputElement && isVisuallyHidden(element);
    if (!hiddenInput && (!isShown(element) || isVisuallyHidden(element))) continue;
    const box = targetBox(element);
    if (hiddenInput && box === element.getBoundingClientRect()) continue;
    if (box.width + EPSILON < TARGET || box.height + EPSILON < TARGET) {
      problems.push(
        `target: ${nameOf(element)} is ${box.width.toFixed(1)} × ${box.height.toFixed(1)} px, under ${TARGET} × ${TARGET}`,
      );
    }
  }
  return problems;
}
