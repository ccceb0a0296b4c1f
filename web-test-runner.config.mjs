// @ts-check
// Web Test Runner looks only for .mjs/.cjs/.js configs; this one loads the typed plugin from
// test/elements/support through Node's own type stripping (run it with `npm run test:elements`).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { porticoBackendPlugin } from './test/elements/support/portico-backend.plugin.ts';
import { busyBackendPlugin } from './test/elements/support/busy-backend.plugin.ts';
import { CHROMIUM_ARGS, findChromium } from './test/support/browser.ts';

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/elements/**/*.test.ts'],
  nodeResolve: true,
  // Cookies are the session and pages share one browser context: one test file at a time.
  concurrency: 1,
  // The backend's cookies reach it only when page and API are both on `localhost`.
  hostname: 'localhost',
  browsers: [
    chromeLauncher({
      launchOptions: {
        // No test tool may download a browser here: the system's Chromium it is.
        executablePath: findChromium(),
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }),
    porticoBackendPlugin(),
    busyBackendPlugin(),
  ],
  // Lit's development build is what we want under test; its one-line notice is not news.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 10_000 } },
  testsFinishTimeout: 60_000,
};
