import { fileURLToPath } from 'node:url';
import { Hono, type Context as HonoContext } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AnyProcedure } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from './router.ts';
import { INTERNAL_MESSAGE } from './trpc.ts';
import { createRequestContext } from './context.ts';
import { CLIENT_IP_HEADER } from './auth.ts';
import { clientAddress } from './client-address.ts';
import type { Services } from './services.ts';
import { mountLedgerDownloads } from './ledger/ledger.http.ts';
import { mountFileDownloads } from './file/file.http.ts';
import { MAX_UPLOAD_BYTES, uploadLimit } from './file/file.inspect.ts';
import { FileError } from './file/file.errors.ts';
import { ServerError } from './errors.ts';
import { waitOf } from './i18n/format.ts';
import { acceptedLocale, type Locale } from './i18n/locale.ts';
import { sentenceIn } from './i18n/refusal.ts';
import { mountStaffPage } from './staff/staff.page.ts';
import { mountElementsDocs } from './docs/docs.page.ts';
import { mountInbound } from './inbound/inbound.http.ts';
import { isTrustedOrigin } from './settings/settings.origins.ts';
import { pendingMigrations } from './db/migrate.ts';
import { admitRequests } from './http/admission.ts';
import { loggedPath } from './http/requests.ts';
import { emittedBy } from './events/event.emit.ts';
import { holdsNul } from './http/nul-text.ts';
import { changesSessions } from './session/session.changes.ts';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const API_BODY_LIMIT = 256 * 1024;
/** The most calls one tRPC request may batch; the elements send at most MAX_BATCH_ITEMS. */
const MAX_BATCH = 50;
const UPLOAD_PATH = '/api/trpc/file.upload';
/** Inline style only, for better-auth's own error page: no script, no request, no frame. */
const FALLBACK_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** One file and the multipart framing around it. */
const UPLOAD_BODY_LIMIT = MAX_UPLOAD_BYTES + 64 * 1024;

function problem(
  c: HonoContext,
  status: 400 | 403 | 404 | 406 | 413 | 500,
  code: string,
  message: string,
) {
  return c.json({ error: { code, message } }, status);
}

/**
 * better-auth's 429, with the standard `Retry-After` and a sentence that says how long, in the
 * language the sign-in page asked for.
 */
function tooManyAttempts(response: Response, locale: Locale): Response {
  const seconds = Math.max(1, Number(response.headers.get('x-retry-after')) || 60);
  const headers = new Headers(response.headers);
  headers.set('retry-after', String(seconds));
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  const message = sentenceIn(locale, ServerError, 'RATE_LIMITED', { when: waitOf(seconds) });
  return new Response(JSON.stringify({ code: 'TOO_MANY_REQUESTS', message }), {
    status: 429,
    headers,
  });
}

/** Why this instance should get no traffic now, or null when it is ready. */
async function notReadyReason(
  services: Services,
): Promise<{ code: string; message: string } | null> {
  if (services.stopping.aborted) {
    return {
      code: 'SHUTTING_DOWN',
      message: 'This instance is shutting down. Send requests to another one.',
    };
  }
  let pending: string[];
  try {
    pending = await pendingMigrations(services.db);
  } catch (error) {
    services.logger.error({ err: error }, 'readiness: the database did not answer');
    return {
      code: 'DATABASE_UNAVAILABLE',
      message: 'The database does not answer. Check the data folder and the server log.',
    };
  }
  if (pending.length > 0) {
    return {
      code: 'MIGRATIONS_PENDING',
      message: `The database is missing ${pending.length === 1 ? 'a migration' : `${pending.length} migrations`} (${pending.join(', ')}). Run npm run portico -- migrate, then restart.`,
    };
  }
  return null;
}

/**
 * The tRPC paths of subscription procedures: the only calls answered with a live stream. The
 * router's procedure table is flat at run time, one entry per dotted path (`ticket.onUpdate`),
 * though its type mirrors the nesting of the routers.
 */
const SUBSCRIPTIONS = new Set(
  Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>)
    .filter(([, procedure]) => procedure._def.type === 'subscription')
    .map(([path]) => path),
);
const isSubscription = (path: string) => SUBSCRIPTIONS.has(path);

/**
 * The request as the browser sent it, before the vendor's proxy took `prefix` off the path:
 * better-auth serves the paths of its base URL, which carries the prefix.
 */
function behindPrefix(raw: Request, prefix: string, headers: Headers): Request {
  const url = new URL(raw.url);
  url.pathname = prefix + url.pathname;
  return new Request(url, {
    method: raw.method,
    headers,
    body: raw.body,
    signal: raw.signal,
    duplex: 'half',
  } as RequestInit);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The HTTP surface: better-auth under /api/auth, tRPC under /api/trpc, the element bundle,
 * /healthz and /readyz. Browsers may call the API with credentials only from the trusted origins.
 */
export function createApp(services: Services): Hono {
  const { config } = services;
  // The environment's origins and those an administrator added in the console's settings.
  const trusted = (origin: string) => isTrustedOrigin(services.db, config.trustedOrigins, origin);
  const app = new Hono();
  // The language a refusal outside tRPC is worded in: the page's (the elements send it).
  const localeOf = (c: HonoContext) =>
    acceptedLocale(c.req.header('accept-language')) ?? services.portalSettings().defaultLocale;
  // The client's address, seen through the vendor's own reverse proxies when there are any.
  const addressOf = (c: HonoContext) =>
    clientAddress(
      getConnInfo(c).remote.address,
      c.req.header('x-forwarded-for'),
      config.trustedProxies,
    );

  app.use(
    '*',
    secureHeaders({
      crossOriginResourcePolicy: 'cross-origin',
      crossOriginEmbedderPolicy: false,
      // Behind a path on the vendor's own origin, HSTS is the vendor's choice for its whole site.
      strictTransportSecurity:
        config.publicUrl.startsWith('https:') && config.publicPath === ''
          ? 'max-age=31536000'
          : false,
    }),
  );
  // Pages set their own policy (the staff console, the reference, files); anything else opened
  // in a tab (an API answer, better-auth's error page) may run and load nothing, nor be framed.
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('content-security-policy')) {
      c.res.headers.set('content-security-policy', FALLBACK_CSP);
    }
  });

  app.use('*', admitRequests(config, { trusted, addressOf, isSubscription }));

  // The ERP's API, server to server: a key instead of a session, so no CORS and no Origin check.
  mountInbound(app, services);

  app.use(
    '/api/*',
    cors({
      origin: async (origin) => ((await trusted(origin)) ? origin : null),
      credentials: true,
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['content-type', 'trpc-accept', 'last-event-id', 'x-trpc-source'],
      // A page on another origin may read how long a refused (429) call must wait.
      exposeHeaders: ['retry-after', 'x-retry-after'],
      maxAge: 600,
    }),
  );

  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS')
      return next();
    const origin = c.req.header('origin');
    if (!origin || origin === 'null') {
      return problem(
        c,
        403,
        'MISSING_ORIGIN',
        'Requests that change data must send an Origin header.',
      );
    }
    if (!(await trusted(origin))) {
      return problem(
        c,
        403,
        'INVALID_ORIGIN',
        `The origin ${origin} is not allowed to use this portal.`,
      );
    }
    return next();
  });

  const apiBodyLimit = bodyLimit({
    maxSize: API_BODY_LIMIT,
    onError: (c) =>
      problem(
        c,
        413,
        'PAYLOAD_TOO_LARGE',
        `Request bodies are limited to ${API_BODY_LIMIT / 1024} KB.`,
      ),
  });
  const uploadBodyLimit = bodyLimit({
    maxSize: UPLOAD_BODY_LIMIT,
    onError: (c) => {
      const values = { limit: uploadLimit };
      const message = sentenceIn(localeOf(c), FileError, 'BODY_TOO_LARGE', values);
      return problem(c, 413, 'PAYLOAD_TOO_LARGE', message);
    },
  });
  app.use('/api/*', (c, next) =>
    c.req.path === UPLOAD_PATH ? uploadBodyLimit(c, next) : apiBodyLimit(c, next),
  );

  // Customer accounts and their members are managed through Portico's own `account.*`
  // procedures, which know its roles; better-auth's generic organization endpoints stay shut.
  app.all('/api/auth/organization/*', (c) =>
    problem(c, 404, 'NOT_FOUND', `There is no API at ${c.req.path}.`),
  );
  // Staff are managed through Portico's own `staff.settings.*` procedures, which keep its rules
  // (an administrator always stays, the staff's sessions end); better-auth's admin API is shut.
  app.all('/api/auth/admin/*', (c) =>
    problem(c, 404, 'NOT_FOUND', `There is no API at ${c.req.path}.`),
  );
  // Codes by mail are only a way to sign in: better-auth's other uses of them (confirming an
  // email, resetting a password, changing an email) would each be a way around the password and
  // the security codes, so they are shut. Email confirmation and resets work by link.
  app.all('/api/auth/email-otp/*', async (c, next) =>
    c.req.path === '/api/auth/email-otp/send-verification-otp'
      ? next()
      : problem(c, 404, 'NOT_FOUND', `There is no API at ${c.req.path}.`),
  );
  app.all('/api/auth/forget-password/*', (c) =>
    problem(c, 404, 'NOT_FOUND', `There is no API at ${c.req.path}.`),
  );

  app.on(['GET', 'POST'], '/api/auth/*', async (c) => {
    // As for tRPC (trpc.ts): a NUL in a name or an address is refused, on either engine alike.
    if (
      c.req.method === 'POST' &&
      holdsNul(
        await c.req.raw
          .clone()
          .json()
          .catch(() => null),
      )
    ) {
      const message = sentenceIn(localeOf(c), ServerError, 'NUL_CHARACTER');
      return problem(c, 400, 'NUL_CHARACTER', message);
    }
    const headers = new Headers(c.req.raw.headers);
    headers.set(CLIENT_IP_HEADER, addressOf(c));
    const request = config.publicPath
      ? behindPrefix(c.req.raw, config.publicPath, headers)
      : new Request(c.req.raw, { headers });
    const { result: response, ids } = await emittedBy(() => services.auth.handler(request));
    const endpoint = c.req.path.slice('/api/auth'.length).replace(/\/+$/, '');
    if (changesSessions(endpoint, c.req.raw, response)) services.sessions.clear();
    // A first sign-in makes the customer's account: its sign-up event is handled before the answer.
    await services.events.handleNow(ids);
    if (response.status === 429) return tooManyAttempts(response, localeOf(c));
    return response;
  });

  // tRPC reads input lazily, so a procedure without input would ignore a garbled one; refuse it.
  // A streamed batch (`trpc-accept: application/jsonl`) is answered before its calls finish, so
  // they would run outside the concurrent-request limit; the elements never ask for one.
  app.use('/api/trpc/*', async (c, next) => {
    if (c.req.header('trpc-accept')?.includes('application/jsonl')) {
      return problem(
        c,
        406,
        'STREAMING_NOT_SUPPORTED',
        'Streamed batches are not supported. Send the calls without the trpc-accept header.',
      );
    }
    const input = c.req.query('input');
    if (input !== undefined && !isJson(input)) {
      return problem(c, 400, 'PARSE_ERROR', 'The input parameter is not valid JSON.');
    }
    return next();
  });

  // Live streams hold a connection for minutes: they have their own limit.
  app.use('/api/trpc/*', services.liveStreams.middleware());

  app.all('/api/trpc/*', (c) =>
    fetchRequestHandler({
      endpoint: '/api/trpc',
      req: c.req.raw,
      router: appRouter,
      // A query whose input would not fit a URL (a pasted paragraph searched) may come as a POST.
      allowMethodOverride: true,
      // One request runs at most this many calls: a batch of thousands would hold the server.
      maxBatchSize: MAX_BATCH,
      createContext: ({ req, resHeaders }) =>
        createRequestContext(services, req, resHeaders, addressOf(c)),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          services.logger.error({ err: error.cause ?? error, procedure: path }, 'tRPC call failed');
        }
      },
    }),
  );

  mountLedgerDownloads(app, services);
  mountFileDownloads(app, services);
  mountStaffPage(app, services);
  mountElementsDocs(app);

  app.all('/api/*', (c) => problem(c, 404, 'NOT_FOUND', `There is no API at ${c.req.path}.`));

  // Liveness: the process answers. The database is /readyz's business, so a slow disk makes an
  // orchestrator stop sending traffic rather than restart a healthy process.
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    const reason = await notReadyReason(services);
    if (reason) return c.json({ ok: false, error: reason }, 503);
    return c.json({ ok: true });
  });

  app.use(
    '/portico.js',
    serveStatic({
      root: DIST,
      onFound: (_path, c) => {
        c.header('Access-Control-Allow-Origin', '*');
        c.header('Cache-Control', 'public, max-age=300, must-revalidate');
      },
    }),
  );
  app.use(
    '/chunks/*',
    serveStatic({
      root: DIST,
      onFound: (_path, c) => {
        c.header('Access-Control-Allow-Origin', '*');
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );

  // Product images and other vendor media. Served inert: an SVG here can never run a script.
  app.use(
    '/media/*',
    serveStatic({
      root: config.dataDir,
      onFound: (_path, c) => {
        c.header('Access-Control-Allow-Origin', '*');
        c.header('Cache-Control', 'public, max-age=86400');
        c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      },
    }),
  );

  app.notFound((c) => problem(c, 404, 'NOT_FOUND', `Nothing is served at ${c.req.path}.`));
  app.onError((error, c) => {
    services.logger.error(
      { err: error, method: c.req.method, path: loggedPath(c.req.path) },
      'request failed',
    );
    return problem(c, 500, 'INTERNAL', INTERNAL_MESSAGE);
  });
  return app;
}
