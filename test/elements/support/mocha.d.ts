// The few Mocha globals the element tests use; WTR provides Mocha itself in the browser.
type MochaCallback = () => void | Promise<void>;
/** What a hook's `this` holds: the test that just ran, with its error if it failed. */
interface MochaHookContext {
  currentTest?: { title: string; err?: unknown };
}

declare function describe(title: string, suite: () => void): void;
declare function it(title: string, test: MochaCallback): void;
declare function before(hook: MochaCallback): void;
declare function after(hook: MochaCallback): void;
declare function beforeEach(hook: MochaCallback): void;
declare function afterEach(hook: MochaCallback | ((this: MochaHookContext) => void)): void;
