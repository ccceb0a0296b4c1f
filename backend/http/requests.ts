import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { requestIdFor, withRequestId, type Logger } from '../log.ts';

/**
 * Every request as the HTTP server sees it, from its first byte to its last: its id (echoed in
 * `X-Request-Id` and on every log line written while it runs), its one log line when it ends,
 * and the set of requests in flight that a graceful stop waits for.
 */
export class RequestTracker {
  readonly #logger: Logger;
  readonly #inFlight = new Set<ServerResponse>();
  readonly #settledWaiters = new Set<() => void>();
  #stopping = false;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Requests whose response has not ended yet. */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Wraps the app's listener with the id, the log line and the in-flight count. */
  listener(handle: RequestListener): RequestListener {
    return (request, response) => {
      const requestId = requestIdFor(request.headers['x-request-id']);
      const started = performance.now();
      response.setHeader('x-request-id', requestId);
      // Once stopping, no connection is kept for another request: each closes after its answer.
      if (this.#stopping) response.setHeader('connection', 'close');
      this.#inFlight.add(response);
      response.once('close', () => {
        this.#inFlight.delete(response);
        withRequestId(requestId, () => this.#logEnd(request, response, started));
        if (this.#inFlight.size === 0) for (const settled of this.#settledWaiters) settled();
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
    if (this.#inFlight.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (result: boolean) => {
        clearTimeout(timer);
        this.#settledWaiters.delete(onSettled);
        resolve(result);
      };
      const onSettled = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.#settledWaiters.add(onSettled);
    });
  }

  /** The path only: a query string may hold personal data (a searched name, an email). */
  #logEnd(request: IncomingMessage, response: ServerResponse, started: number): void {
    const path = (request.url ?? '/').split('?')[0];
    this.#logger.info(
      {
        method: request.method,
        path,
        status: response.statusCode,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        // The client went away (or the stop's grace ran out) before the answer was complete.
        ...(response.writableFinished ? {} : { aborted: true }),
      },
      'request',
    );
  }
}
