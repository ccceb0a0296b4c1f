import { backdrop, contrast, rgba } from './contract.contrast.ts';
import { deepElements, isShown, nameOf } from './contract.tree.ts';

/** A focus indicator needs 3:1 against what it is drawn on (WCAG 1.4.11, 2.4.7). */
const NON_TEXT = 3;

/** The element focus is on, looking through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether the element draws a ring a keyboard user can see, and what is wrong if not. */
function ringProblem(element: HTMLElement): string | null {
  const style = getComputedStyle(element);
  const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  if (!outlined) {
    return style.boxShadow !== 'none' ? null : 'shows no focus outline';
  }
  const ring = rgba(style.outlineColor);
  // An outline inside the box (negative offset) is drawn on the element's own background.
  const behind =
    parseFloat(style.outlineOffset) < 0 ? rgba(style.backgroundColor) : backdrop(element);
  const ratio = contrast(ring, behind[3] > 0.5 ? behind : [255, 255, 255, 1]);
  return ratio < NON_TEXT ? `has a focus outline of ${ratio.toFixed(2)}:1, under 3:1` : null;
}

/**
 * Every control shows where the keyboard is: focused, it matches :focus-visible and draws an
 * outline (or a shadow) of 3:1 against its surroundings. Runs last: focusing may open things.
 */
export function focusProblems(host: Element): string[] {
  const problems: string[] = [];
  const before = deepActive();
  for (const element of deepElements(host)) {
    if (!(element instanceof HTMLElement) || element.tabIndex < 0 || !isShown(element)) continue;
    if ((element as HTMLButtonElement).disabled) continue;
    element.focus({ preventScroll: true });
    if (deepActive() !== element) continue;
    if (!element.matches(':focus-visible')) {
      // Chromium shows the ring for focus moved by script after keyboard use, as a test is.
      problems.push(`focus: ${nameOf(element)} took focus but is not :focus-visible`);
      continue;
    }
    const problem = ringProblem(element);
    if (problem) problems.push(`focus: ${nameOf(element)} ${problem}`);
  }
  (before as HTMLElement | null)?.focus?.({ preventScroll: true });
  if (!before || before === document.body) (deepActive() as HTMLElement | null)?.blur();
  return problems;
}
