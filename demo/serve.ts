import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Hono } from 'hono';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { DEMO_SIGN_INS } from '../backend/seed/demo.seed.ts';

const SITE = fileURLToPath(new URL('./site/', import.meta.url));

/**
 * The demo vendor's website: an ordinary static site. The only dynamic step is writing the
 * portal's URL into each page's script tag, since the backend's port is chosen at start.
 */
export function attachDemoSite(
  server: Server,
  porticoUrl: string,
  { handoffSecret }: { handoffSecret?: string } = {},
): void {
  const app = new Hono();
  // The shop's own sign-in, played by the demo: Anna is signed in at the shop, and its server
  // hands her to the portal with a token signed with the secret the two share.
  app.post('/shop/handoff-token', async (c) => {
    if (!handoffSecret) return c.json({ message: 'The hand-off is not set up.' }, 404);
    const { customer } = DEMO_SIGN_INS;
    const token = await new SignJWT({
      email: customer.email,
      email_verified: true,
      name: customer.name,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('shop-customer-1042')
      .setAudience(porticoUrl)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime('2m')
      .sign(new TextEncoder().encode(handoffSecret));
    return c.json({ token });
  });
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
