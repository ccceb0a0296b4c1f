import { shadowRoots } from './contract.tree.ts';

/** Left and right of one property: set on one side only, or differently, is a physical layout. */
const SIDED: [string, string][] = [
  ['margin-left', 'margin-right'],
  ['padding-left', 'padding-right'],
  ['left', 'right'],
  ['border-left-width', 'border-right-width'],
  ['border-left-style', 'border-right-style'],
  ['border-left-color', 'border-right-color'],
  ['border-top-left-radius', 'border-top-right-radius'],
  ['border-bottom-left-radius', 'border-bottom-right-radius'],
  ['scroll-margin-left', 'scroll-margin-right'],
  ['scroll-padding-left', 'scroll-padding-right'],
];

/** A media query about the window's size: the element should ask its container instead. */
const VIEWPORT_QUERY = /\b(min-|max-)?(width|height|aspect-ratio|orientation)\b/;

/**
 * Elements that may ask the window's size, with the reason. The chat's panel floats over the
 * window (position: fixed), so the window is exactly the space it has; no container of the
 * vendor's page could tell it more.
 */
const WINDOW_SIZED: Record<string, string> = {
  'portico-chat': 'its panel is fixed over the window and fills it on a phone',
};

/** Every style rule in a sheet, nested rules and those in @media/@container/@supports included. */
function* styleRules(rules: CSSRuleList): Generator<CSSStyleRule | CSSMediaRule> {
  for (const rule of rules) {
    if (rule instanceof CSSStyleRule || rule instanceof CSSMediaRule) yield rule;
    if (rule instanceof CSSGroupingRule || rule instanceof CSSStyleRule) {
      yield* styleRules(rule.cssRules);
    }
  }
}

/** What is wrong with one rule for right-to-left pages and keyboard users. */
function ruleProblems(rule: CSSStyleRule): string[] {
  const problems: string[] = [];
  const { style, selectorText } = rule;
  const where = `css "${selectorText}"`;
  for (const [left, right] of SIDED) {
    const [a, b] = [style.getPropertyValue(left), style.getPropertyValue(right)];
    if ((a || b) && a !== b) {
      problems.push(
        `${where}: ${left}: ${a || '—'} / ${right}: ${b || '—'}; use the logical property`,
      );
    }
  }
  for (const property of ['float', 'clear', 'text-align']) {
    if (/^(left|right)$/.test(style.getPropertyValue(property))) {
      problems.push(`${where}: ${property}: ${style.getPropertyValue(property)}; use start or end`);
    }
  }
  const hidesOutline =
    style.getPropertyValue('outline-style') === 'none' ||
    style.getPropertyValue('outline-width') === '0px';
  // Headings that take focus only for screen readers, and the mouse-only state, may hide it.
  const allowed = /tabindex|:not\(:focus-visible\)/.test(selectorText);
  if (hidesOutline && !allowed) problems.push(`${where}: hides the focus outline`);
  return problems;
}

/**
 * The rules the element's shadow roots use: logical properties only (so right to left mirrors),
 * container queries rather than the window's size, and focus outlines kept.
 */
export function stylesProblems(host: Element): string[] {
  /** Each sheet, with whether its element may ask the window's size. */
  const sheets = new Map<CSSStyleSheet, boolean>();
  const problems = new Set<string>();
  for (const root of shadowRoots(host)) {
    const windowSized = root.host.localName in WINDOW_SIZED;
    const add = (sheet: CSSStyleSheet) => sheets.set(sheet, windowSized || !!sheets.get(sheet));
    root.adoptedStyleSheets.forEach(add);
    root.querySelectorAll('style').forEach((style) => style.sheet && add(style.sheet));
    const focusable = root.querySelector('button, a[href], input, select, textarea, [tabindex]');
    const outlined = [...root.adoptedStyleSheets].some((sheet) =>
      [...styleRules(sheet.cssRules)].some(
        (rule) => rule instanceof CSSStyleRule && rule.selectorText.includes(':focus-visible'),
      ),
    );
    if (focusable && !outlined) {
      problems.add(`css: <${root.host.localName}> has controls but no :focus-visible outline`);
    }
  }
  for (const [sheet, windowSized] of sheets) {
    for (const rule of styleRules(sheet.cssRules)) {
      if (rule instanceof CSSMediaRule) {
        if (!windowSized && VIEWPORT_QUERY.test(rule.conditionText)) {
          problems.add(`css @media ${rule.conditionText}: use a container query`);
        }
        continue;
      }
      ruleProblems(rule).forEach((problem) => problems.add(problem));
    }
  }
  return [...problems];
}
