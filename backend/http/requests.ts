import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { requestIdFor, withRequestId, type Logger } from '../log.ts';
import { clientAddress } from '../client-address.ts';
import { IdleSignal } from './idle.ts';

/**
 * Path segments that are secrets: better-auth's password-reset links, which the staff welcome
 * mail also uses and which stay valid for days, carry their token in the path
 * (`/api/auth/reset-password/<token>?callbackURL=…`). Whoever reads the log must not be able to
 * follow one, so the token is logged as `:token`. Every other secret travels in a query string
 * (never logged), a body or a cookie.
 */
const SECRET_SEGMENTS = /(\/reset-password\/)[^/]+/gi;

/**
 * The path of a request as the log shows it: without the query string (it may hold personal
 * data: a searched name, an email, a verification token) and with secret segments replaced.
 */
export function loggedPath(url: string): string {
  return (url.split('?')[0] ?? '/').replace(SECRET_SEGMENTS, '$1:token');
}

/**
 * Every request as the HTTP server sees it, from its first byte to its last: its id (echoed in
 * `X-Request-Id` and on every log line written while it runs), its one log line when it ends,
 * and the set of requests in flight that a graceful stop waits for.
 */
export class RequestTracker {
  readonly #logger: Logger;
  readonly #trustedProxies: readonly string[];
  readonly #inFlight = new Set<ServerResponse>();
  readonly #idle = new IdleSignal(() => this.#inFlight.size === 0);
  #stopping = false;

  /**
   * `trustedProxies` (TRUSTED_PROXIES) are the only peers whose `X-Request-Id` is kept: the
   * vendor's own proxy or load balancer numbers requests, a client could only use one to make
   * its requests look like another's in the log.
   */
  constructor(logger: Logger, trustedProxies: readonly string[] = []) {
    this.#logger = logger;
    this.#trustedProxies = trustedProxies;
  }

  /** Requests whose response has not ended yet. */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Wraps the app's listener with the id, the log line and the in-flight count. */
  listener(handle: RequestListener): RequestListener {
    return (request, response) => {
      const peer = clientAddress(request.socket.remoteAddress, undefined, []);
      const requestId = requestIdFor(
        this.#trustedProxies.includes(peer) ? request.headers['x-request-id'] : undefined,
      );
      const started = performance.now();
      response.setHeader('x-request-id', requestId);
      // Once stopping, no connection is kept for another request: each closes after its answer.
      if (this.#stopping) response.setHeader('connection', 'close');
      this.#inFlight.add(response);
      response.once('close', () => {
        this.#inFlight.delete(response);
        withRequestId(requestId, () => this.#logEnd(request, response, started));
        this.#idle.check();
      });
      withRequestId(requestId, () => handle(request, response));
    };
  }

  /**
   * From now on every response asks its client to close the connection, so keep-alive
   * connections end as their last request is answered instead of waiting for another.
   */
  beginStopping(): void {
    this.#stopping = true;
    for (const response of this.#inFlight) {
      if (!response.headersSent) response.setHeader('connection', 'close');
    }
  }

  /** Resolves true once no request is in flight, or false when `timeoutMs` passed first. */
  settled(timeoutMs: number): Promise<boolean> {
    return this.#idle.settled(timeoutMs);
  }

  #logEnd(request: IncomingMessage, response: ServerResponse, started: number): void {
    this.#logger.info(
      {
        method: request.method,
        path: loggedPath(request.url ?? '/'),
        status: response.statusCode,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        // The client went away (or the stop's grace ran out) before the answer was complete.
        ...(response.writableFinished ? {} : { aborted: true }),
      },
      'request',
    );
  }
}
