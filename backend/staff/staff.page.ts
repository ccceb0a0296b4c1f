import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Services } from '../services.ts';
import { escapeHtml } from '../mail/templates.ts';
import { OWN_PAGE_CSP } from '../http/page-csp.ts';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const FRAME_CSS = readFileSync(new URL('./staff.css', import.meta.url), 'utf8');

function staffPage(vendorName: string): string {
  const vendor = escapeHtml(vendorName);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>${vendor} · staff console</title>
    <link rel="stylesheet" href="staff.css">
    <script type="module" src="staff.js"></script>
  </head>
  <body>
    <header class="bar">
      <h1>${vendor} · staff console</h1>
    </header>
    <main>
      <section class="sign-in" aria-labelledby="sign-in-title">
        <h2 id="sign-in-title" class="visually-hidden">Staff sign-in</h2>
        <portico-login without-sign-up></portico-login>
      </section>
      <portico-staff-console></portico-staff-console>
    </main>
  </body>
</html>
`;
}

/** The vendor's brand colours on the frame; the settings only allow `#rrggbb` colours. */
function brandCss(services: Services): string {
  const { brand, brandContrast } = services.portalSettings().colors;
  return `:root {\n  --portico-color-brand: ${brand};\n  --portico-color-brand-contrast: ${brandContrast};\n}\n\n`;
}

/**
 * `GET /staff`: the agents' page (sign-in and the console) under a strict CSP, with its frame's
 * style sheet at `/staff.css` and its script, the `staff` bundle entry, at `/staff.js`. The
 * script's chunks are the ones `/chunks/*` already serves.
 */
export function mountStaffPage(app: Hono, services: Services): void {
  app.get('/staff', (c) => {
    c.header('Content-Security-Policy', OWN_PAGE_CSP);
    c.header('Cache-Control', 'no-store');
    return c.html(staffPage(services.portalSettings().vendorName));
  });
  app.get('/staff.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(brandCss(services) + FRAME_CSS);
  });
  app.use(
    '/staff.js',
    serveStatic({
      root: DIST,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=300, must-revalidate');
      },
    }),
  );
}
