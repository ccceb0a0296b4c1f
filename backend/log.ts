import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

interface RequestScope {
  readonly requestId: string;
}

const scope = new AsyncLocalStorage<RequestScope>();

/**
 * An incoming id (from one of the vendor's own proxies only, see `RequestTracker`) we pass on so
 * one request can be followed through the vendor's proxies into our log. Anything else (long, spaces, quotes, control characters) could forge or garble log lines,
 * so it is replaced by one of ours.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The proxy's `X-Request-Id` when there is one and it is sane, else a fresh one. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Runs `handle` with `requestId` attached to every log line written while it (and anything it
 * awaits) runs, so a line from deep inside a procedure can be tied to its request.
 */
export function withRequestId<T>(requestId: string, handle: () => T): T {
  return scope.run({ requestId }, handle);
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

/**
 * The process's logger: one JSON object a line, to stdout unless `write` takes the lines (tests
 * silence it that way). Writes are synchronous so the last lines before an exit are not lost.
 */
export function createLogger(level: LevelWithSilent, write?: (line: string) => void): Logger {
  const destination: DestinationStream = write
    ? { write }
    : pino.destination({ dest: 1, sync: true });
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"warn" rather than pino's 40, for people reading and filtering the log.
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    destination,
  );
}
