// The few Mocha globals the element tests use; WTR provides Mocha itself in the browser.
type MochaCallback = () => void | Promise<void>;
/** What a hook's `this` holds: the test that just ran, with its error if it failed. */
interface MochaHookContext {
  currentTest?: { title: string; err?: unknown };
}

declare function describe(title: string, suite: () => void): void;

/** What a test's `this` holds: a test that waits on purpose may raise its time limit. */
interface MochaTestContext {
  timeout(ms: number): void;
}

declare function it(title: string, test: (this: MochaTestContext) => void | Promise<void>): void;
declare function before(hook: MochaCallback): void;
declare function after(hook: MochaCallback): void;
declare function beforeEach(hook: MochaCallback): void;
declare function afterEach(hook: MochaCallback | ((this: MochaHookContext) => void)): void;
