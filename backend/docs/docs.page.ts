import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { OWN_PAGE_CSP } from '../http/page-csp.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGE = fileURLToPath(new URL('../../docs/elements/', import.meta.url));

/** Revalidated often, like `/portico.js`: these files change with each release. */
const REVALIDATE = 'public, max-age=300, must-revalidate';

/**
 * `GET /elements`: the elements' reference for integrators (every tag's attributes, properties,
 * events, slots, parts and tokens, with a live example), rendered in the browser from
 * `GET /custom-elements.json`, the manifest `npm run build` writes. It renders the manifest with its
 * own module script and style sheet and shows each element live from this backend's `/portico.js`.
 */
export function mountElementsDocs(app: Hono): void {
  app.use(
    '/custom-elements.json',
    serveStatic({
      root: ROOT,
      onFound: (_path, c) => {
        // Editors and documentation tools on any origin may read it.
        c.header('Access-Control-Allow-Origin', '*');
        c.header('Cache-Control', REVALIDATE);
      },
    }),
  );
  const page = serveStatic({
    root: PAGE,
    // `/elements` and `/elements/` are the page (index.html); its script and style sheet beside it.
    rewriteRequestPath: (path) => path.replace(/^\/elements\/?/, '/'),
    onFound: (_path, c) => {
      c.header('Content-Security-Policy', OWN_PAGE_CSP);
      c.header('Cache-Control', REVALIDATE);
    },
  });
  app.use('/elements', page);
  app.use('/elements/*', page);
}
