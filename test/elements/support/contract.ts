import { expect, nextFrame } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { directionOf } from '../../../elements/shared/locale.ts';
import { axeProblems } from './contract.axe.ts';
import { contrastProblems } from './contract.contrast.ts';
import { directionProblems, type MirrorAnchor } from './contract.direction.ts';
import { fieldsProblems } from './contract.fields.ts';
import { focusProblems } from './contract.focus.ts';
import { overflowProblems, targetProblems, type Sideways } from './contract.layout.ts';
import { motionProblems } from './contract.motion.ts';
import { stylesProblems } from './contract.styles.ts';
import { deepElements } from './contract.tree.ts';
import { useLocale } from './contract.page.ts';

export type { MirrorAnchor } from './contract.direction.ts';
export { useLocale } from './contract.page.ts';

/**
 * The contract every customer element keeps in every state: axe-clean (WCAG 2.2 AA), no
 * sideways scrolling and 44 px targets on a 320 px phone, the right autocomplete and keyboard
 * for each field, nothing moving when the customer asked for reduced motion, and laid out right
 * to left in Persian. `contractSuite` runs a file's states once per locale.
 */

/** The locales the contract runs in: the source, and the right-to-left one. */
export const CONTRACT_LOCALES = ['en', 'fa'] as const;
export type ContractLocale = (typeof CONTRACT_LOCALES)[number];

/** The phone the contract is measured on: the narrowest WCAG's reflow asks for (1.4.10). */
export const PHONE = { width: 320, height: 640 };

/** What a state of an element needs besides its rendering. */
export interface StateOptions {
  /**
   * Where the element's start is, for the mirroring check; by default its first short line of
   * text. `null` skips the check, for a state with nothing directional to show (say why).
   */
  mirror?: (host: Element) => MirrorAnchor | null;
  /** Boxes that may scroll sideways inside the element, each with the reason it is right. */
  sideways?: Sideways[];
}

/** Work to undo once the state was checked, such as answers held back; see `afterState`. */
const cleanups: (() => void | Promise<void>)[] = [];

/** Runs `cleanup` after the current state was checked, whether it passed or not. */
export function afterState(cleanup: () => void | Promise<void>): void {
  cleanups.push(cleanup);
}

async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

/** Waits until the element and the elements inside it have rendered and laid out. */
async function settle(host: Element): Promise<void> {
  for (const element of [host, ...deepElements(host)]) {
    const pending = (element as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
    if (pending) await pending;
  }
  await document.fonts.ready;
  await nextFrame();
  await nextFrame();
}

/** Every way the element breaks the contract as it is on screen now, one line each. */
export async function contractProblems(
  host: Element,
  options: StateOptions = {},
): Promise<string[]> {
  await settle(host);
  return [
    ...(await axeProblems(host)),
    ...contrastProblems(host),
    ...overflowProblems(host, options.sideways),
    ...targetProblems(host),
    ...fieldsProblems(host),
    ...motionProblems(host),
    ...directionProblems(host, options.mirror ? options.mirror(host) : undefined),
    ...stylesProblems(host),
    // Last: focusing a control may open or move things the checks above measured.
    ...focusProblems(host),
  ];
}

/** Fails with every problem at once, so one run lists all that needs fixing. */
export async function expectContract(host: Element, options: StateOptions = {}): Promise<void> {
  const problems = await contractProblems(host, options);
  const where = `<${host.localName}> in ${document.documentElement.lang}`;
  expect(problems, `${where} breaks the contract:\n  ${problems.join('\n  ')}\n`).to.deep.equal([]);
}

/** Declares one state: render it, then check the contract. */
export type StateDeclaration = (
  name: string,
  render: () => Promise<Element>,
  options?: StateOptions,
) => void;

/**
 * Runs `states` once per contract locale on a 320 px phone with reduced motion, each state as
 * its own test. `states` declares them with `state(name, render, options)`; `render` makes the
 * element show that state (with real data from the real backend) and answers it.
 */
export function contractSuite(title: string, states: (state: StateDeclaration) => void): void {
  for (const locale of CONTRACT_LOCALES) {
    describe(`${title} in ${locale} (${directionOf(locale)})`, () => {
      let original = { width: window.innerWidth, height: window.innerHeight };
      before(async () => {
        original = { width: window.innerWidth, height: window.innerHeight };
        await useLocale(locale);
        await setViewport(PHONE);
        await emulateMedia({ reducedMotion: 'reduce' });
      });
      after(async () => {
        await emulateMedia({ reducedMotion: 'no-preference' });
        await setViewport(original);
        await useLocale('en');
      });
      states((name, render, options) => {
        it(name, async () => {
          try {
            const host = await render();
            await expectContract(host, options);
          } finally {
            await cleanUp();
          }
        });
      });
    });
  }
}

/**
 * Holds the backend's answers to this page until `release()` (or the state was checked), so a
 * loading state stays on screen for as long as the test looks at it. The requests reach the
 * real server; only their answers wait.
 */
export function holdAnswers(): { release(): void } {
  const realFetch = window.fetch;
  let open = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  window.fetch = async (input, init) => {
    const answer = realFetch(input, init);
    answer.catch(() => {});
    await gate;
    return answer;
  };
  const release = () => {
    window.fetch = realFetch;
    open();
  };
  afterState(release);
  return { release };
}

/**
 * A backend address nothing answers on (the discard port, closed on these machines, as the
 * orders test uses it too): every call fails as a lost connection would.
 */
export const UNREACHABLE = 'http://localhost:9';
