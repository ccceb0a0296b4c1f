import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * The Content Security Policy a strict vendor page sends, with only what Portico needs added
 * for the portal at `portal` (the README lists the same directives). Nothing inline, no eval,
 * and Trusted Types enforced: only Lit's policy and Portico's own may turn strings into HTML.
 */
export function strictPolicy(portal: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' ${portal}`,
    "style-src 'self'",
    `connect-src ${portal}`,
    `img-src 'self' ${portal}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html portico-html',
  ].join('; ');
}

/**
 * The vendor's page: every customer element, the vendor's own script and style sheet from its
 * origin, and one inline script that the policy must stop (it would set `inlineScriptRan`).
 */
function hostPage(portal: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Strict shop</title>
    <link rel="stylesheet" href="/shop.css">
    <script>window.inlineScriptRan = true;</script>
    <script src="/shop.js"></script>
    <script type="module" src="${portal}/portico.js"></script>
  </head>
  <body>
    <header>
      <label>Language <select id="language"><option value="en">English</option><option value="fa">فارسی</option></select></label>
      <portico-notifications></portico-notifications>
    </header>
    <portico-announcements></portico-announcements>
    <main>
      <portico-login></portico-login>
      <portico-order-form></portico-order-form>
      <portico-account-summary></portico-account-summary>
      <portico-help-search></portico-help-search>
      <portico-ticket-inbox></portico-ticket-inbox>
      <portico-chat></portico-chat>
    </main>
  </body>
</html>
`;
}

/** The vendor's own script: a language switcher, as a shop would have. */
const SHOP_SCRIPT = `
document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('language').addEventListener('change', (event) => {
    const language = event.target.value;
    document.documentElement.lang = language;
    document.documentElement.dir = language === 'fa' ? 'rtl' : 'ltr';
  });
});
`;

const SHOP_CSS = 'body { font-family: sans-serif; margin: 0 auto; max-width: 60rem; }\n';

export interface StrictHost {
  /** The page's origin, such as http://localhost:40123. */
  readonly origin: string;
  /** Points the page at the portal; the policy names its origin. */
  usePortal(portal: string): void;
  close(): Promise<void>;
}

/**
 * The vendor's site on a port of its own: another origin than the portal's, every answer under
 * the strict policy (enforced, not report-only).
 */
export async function startStrictHost(): Promise<StrictHost> {
  let portal = '';
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    response.setHeader('content-security-policy', strictPolicy(portal));
    response.setHeader('cache-control', 'no-store');
    const [type, body] =
      path === '/'
        ? ['text/html; charset=utf-8', hostPage(portal)]
        : path === '/shop.js'
          ? ['text/javascript; charset=utf-8', SHOP_SCRIPT]
          : path === '/shop.css'
            ? ['text/css; charset=utf-8', SHOP_CSS]
            : ['text/plain; charset=utf-8', 'Not found'];
    response.writeHead(type.startsWith('text/plain') ? 404 : 200, { 'content-type': type });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    usePortal: (url) => {
      portal = new URL(url).origin;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A violation as the page reported it. */
export interface Violation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
  disposition: string;
}

/**
 * Everything a page of `context` reports against its policy, and every console error and
 * uncaught exception, from before its first script runs. The listener is added by the browser
 * tooling, outside the page's policy; the events bubble out of shadow roots (they are composed).
 */
export async function watchViolations(context: BrowserContext) {
  const violations: Violation[] = [];
  const errors: string[] = [];
  await context.exposeFunction('reportViolationToTest', (violation: Violation) => {
    violations.push(violation);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as Record<string, (v: unknown) => void>)
          .reportViolationToTest;
        report?.({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          source: `${event.sourceFile}:${event.lineNumber}`,
          sample: event.sample,
          disposition: event.disposition,
        });
      },
      true,
    );
  });
  const watch = (page: Page) => {
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url } = message.location();
      // The browser asks every site for an icon; neither page has one.
      if (new URL(url || 'about:blank').pathname === '/favicon.ico') return;
      errors.push(`console: ${message.text()} (${url})`);
    });
  };
  context.on('page', watch);
  return { violations, errors, watch };
}
