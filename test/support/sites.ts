import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import {
  createServer as createHttpServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { closeServer, listenOn } from '../../backend/listen.ts';
import { CHROMIUM_ARGS, findChromium } from './browser.ts';

/**
 * Several sites on the loopback address, told apart by host name as a browser told by
 * `--host-resolver-rules` reaches them: a vendor's shop, the portal on its own host, a vendor
 * proxying the portal under a path.
 */

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface Front {
  readonly port: number;
  /** `scheme://host:port` for a host name this front answers. */
  origin(host: string): string;
  /** What answers for a host name; filled in once the backends behind it have started. */
  readonly hosts: Map<string, Handler>;
  close(): Promise<void>;
}

/**
 * An HTTP (or, with a certificate, HTTPS) server on a free port that hands each request to the
 * handler of its `Host`, as a vendor's web server or TLS terminator would.
 */
export async function startFront(tls?: { key: string; cert: string }): Promise<Front> {
  const hosts = new Map<string, Handler>();
  const listener: Handler = (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const handler = hosts.get(host);
    if (handler) return handler(req, res);
    res.writeHead(421, { 'content-type': 'text/plain' }).end(`No site ${host} here.`);
  };
  const server: Server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
  const port = await listenOn(server, 0, '127.0.0.1');
  const scheme = tls ? 'https' : 'http';
  return {
    port,
    hosts,
    origin: (host) => `${scheme}://${host}:${port}`,
    close: () => closeServer(server),
  };
}

/**
 * Forwards each request to the backend at `target` (`http://127.0.0.1:<port>`), taking `strip`
 * off the front of the path first, as nginx's `location /portico/ { proxy_pass …/; }` does.
 * Streams both ways, so uploads and live updates pass as they come.
 */
export function forwardTo(target: string, strip = ''): Handler {
  return (req, res) => {
    const path = strip && req.url?.startsWith(`${strip}/`) ? req.url.slice(strip.length) : req.url;
    const outgoing = request(
      `${target}${path}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    outgoing.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    res.on('close', () => outgoing.destroy());
    req.pipe(outgoing);
  };
}

/** A fixed page, such as the vendor's HTML. */
export function servePage(html: string): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  };
}

/** A throw-away self-signed certificate for `names`, made with openssl. */
export async function selfSignedCertificate(
  names: string[],
): Promise<{ key: string; cert: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'portico-tls-'));
  try {
    const made = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=portico-test',
        '-addext',
        `subjectAltName=${names.map((name) => `DNS:${name}`).join(',')}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { encoding: 'utf8' },
    );
    if (made.error || made.status !== 0) {
      throw new Error(
        `openssl could not make a test certificate (apt-get install -y openssl): ${made.error?.message ?? made.stderr}`,
      );
    }
    const [key, cert] = await Promise.all(
      ['key.pem', 'cert.pem'].map((file) => readFile(join(dir, file), 'utf8')),
    );
    return { key: key!, cert: cert! };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface SitesBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Chromium that resolves `names` to the loopback address, accepts the test certificate, and
 * blocks third-party cookies as a customer may have chosen (and as several browsers do by
 * default): a fresh profile whose preferences say "Block third-party cookies".
 */
export async function launchSitesBrowser(names: string[]): Promise<SitesBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'portico-profile-'));
  await mkdir(join(profile, 'Default'));
  // 1 is "Block third-party cookies" (0 allows them, 2 blocks them in incognito windows only).
  await writeFile(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: 1 } }),
  );
  const rules = names.map((name) => `MAP ${name} 127.0.0.1`).join(', ');
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: findChromium(),
      headless: true,
      ignoreHTTPSErrors: true,
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=${rules}`, '--ignore-certificate-errors'],
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
