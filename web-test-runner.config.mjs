// @ts-check
// Web Test Runner looks only for .mjs/.cjs/.js configs; this one loads the typed plugin from
// test/elements/support through Node's own type stripping (run it with `npm run test:elements`).
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { porticoBackendPlugin } from './test/elements/support/portico-backend.plugin.ts';

/** No test tool may download a browser here, so we use the system's Chromium. */
function chromiumPath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter(Boolean);
  const found = candidates.find((path) => path && existsSync(path));
  if (found) return found;
  throw new Error(
    `No Chromium found (looked at ${candidates.join(', ')}). Install one with ` +
      '`sudo apt-get update && sudo apt-get install -y chromium`, or set CHROME_PATH to a ' +
      'Chrome or Chromium binary.',
  );
}

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
        executablePath: chromiumPath(),
        headless: true,
        args: [
          '--headless=new',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-quic',
          '--no-first-run',
        ],
      },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }), porticoBackendPlugin()],
  // Lit's development build is what we want under test; its one-line notice is not news.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 10_000 } },
  testsFinishTimeout: 60_000,
};
