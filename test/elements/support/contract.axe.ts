import type * as Axe from 'axe-core';
import type { AxeResults, RunOptions } from 'axe-core';
// axe-core's browser build registers itself as `window.axe`; chai-a11y-axe loads the same file.
import 'axe-core/axe.min.js';

declare global {
  interface Window {
    axe: typeof Axe;
  }
}

/**
 * WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices. Asking by tag is what turns on the
 * rules axe leaves off by default, such as `target-size` (WCAG 2.2's 2.5.8), which
 * `expect(el).to.be.accessible()` does not run; color-contrast runs in shadow roots too.
 */
const AXE_OPTIONS: RunOptions = {
  runOnly: {
    type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  },
  resultTypes: ['violations'],
  rules: {
    // The fixture is one element on a bare test page; landmarks and the page's one h1 are the
    // vendor's page's business, not the element's.
    region: { enabled: false },
    'page-has-heading-one': { enabled: false },
    'landmark-one-main': { enabled: false },
  },
};

/** Every axe violation in the element and its shadow roots, one line per offending node. */
export async function axeProblems(host: Element): Promise<string[]> {
  const results: AxeResults = await window.axe.run(host, AXE_OPTIONS);
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const why = (node.failureSummary ?? '').split('\n').slice(1, 3).join(' ').trim();
      return `axe ${violation.id}: ${violation.help} — ${JSON.stringify(node.target)} ${node.html.slice(0, 160)} ${why}`;
    }),
  );
}
