import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Hono } from 'hono';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';

const SITE = fileURLToPath(new URL('./site/', import.meta.url));

/**
 * The demo vendor's website: an ordinary static site. The only dynamic step is writing the
 * portal's URL into each page's script tag, since the backend's port is chosen at start.
 */
export function attachDemoSite(server: Server, porticoUrl: string): void {
  const app = new Hono();
  app.get('/', (c) => c.redirect('/index.html'));
  app.get('/:page{[a-z0-9-]+\\.html}', async (c) => {
    try {
      const html = await readFile(join(SITE, c.req.param('page')), 'utf8');
      return c.html(html.replaceAll('%PORTICO_URL%', porticoUrl));
    } catch {
      return c.text('Page not found', 404);
    }
  });
  app.use('*', serveStatic({ root: SITE }));
  server.on('request', getRequestListener(app.fetch));
}

export function createDemoServer(): Server {
  return createServer();
}
