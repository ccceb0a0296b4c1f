import type { Context as HonoContext, MiddlewareHandler } from 'hono';

/**
 * How long a browser waits before it reconnects a stream the server ended (the SSE `retry`
 * field). Short, because the stream usually ends for a restart that takes seconds.
 */
export const RECONNECT_AFTER_MS = 2_000;

/** Seconds a client refused a live stream should wait before it tries again. */
const RETRY_AFTER_SECONDS = 5;

const OVERLOADED_MESSAGE = 'The portal is busy. Try again in a few seconds.';

/**
 * Whether a request asks for server-sent events: a browser's EventSource (which tRPC's
 * subscription link uses) always sends this Accept header.
 */
export function isLiveStreamRequest(request: Request): boolean {
  return request.headers.get('accept')?.includes('text/event-stream') ?? false;
}

function isEventStream(response: Response): boolean {
  return response.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
}

/**
 * The server-sent-event streams (live ticket answers, chat, unread counts) open right now. Each
 * holds a connection and a subscription for minutes, so they are limited apart from ordinary
 * requests: past the limit a new one is refused at once with 503 and `Retry-After`. On shutdown
 * every stream is ended with a reconnect hint, so browsers come back to the next instance.
 */
export class LiveStreams {
  readonly #max: number;
  /** One entry per counted stream; calling it ends the stream with the reconnect hint. */
  readonly #open = new Set<() => void>();
  /** Streams announced by their Accept header and counted before their response exists. */
  #reserved = 0;
  #stopped = false;

  constructor(max: number) {
    this.#max = max;
  }

  /** Streams open or about to open. */
  get count(): number {
    return this.#open.size + this.#reserved;
  }

  /**
   * Counts every event-stream response under the path it is mounted on. A request that says it
   * wants a stream is refused before any work is done; one that did not say so is still counted
   * (and refused) once its response shows it is a stream.
   */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const announced = isLiveStreamRequest(c.req.raw);
      if (announced) {
        if (!this.#hasRoom()) return this.#refusal(c);
        this.#reserved += 1;
      }
      try {
        await next();
      } finally {
        // From here the stream (if it is one) is counted as open instead.
        if (announced) this.#reserved -= 1;
      }
      const body = c.res.body;
      if (!body || !isEventStream(c.res)) return;
      if (!announced && !this.#hasRoom()) {
        await body.cancel();
        // Hono carries the stream's other headers (CORS among them) over to the refusal.
        c.res = this.#refusal(c);
        return;
      }
      c.res = new Response(this.#follow(body), c.res);
    };
  }

  /**
   * Ends every open stream with the reconnect hint and refuses new ones from now on. The
   * subscriptions behind them are cancelled, which stops their database and bus listeners.
   */
  closeAll(): void {
    this.#stopped = true;
    for (const end of [...this.#open]) end();
  }

  #hasRoom(): boolean {
    return !this.#stopped && this.count < this.#max;
  }

  #refusal(c: HonoContext): Response {
    return c.json({ error: { code: 'OVERLOADED', message: OVERLOADED_MESSAGE } }, 503, {
      'retry-after': String(RETRY_AFTER_SECONDS),
    });
  }

  /** The same bytes as `source`, counted while open, and endable by `closeAll`. */
  #follow(source: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
    const reader = source.getReader();
    let finished = false;
    let end: () => void = () => {};
    const finish = () => {
      finished = true;
      this.#open.delete(end);
    };
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        end = () => {
          if (finished) return;
          finish();
          controller.enqueue(new TextEncoder().encode(`retry: ${RECONNECT_AFTER_MS}\n\n`));
          controller.close();
          reader.cancel().catch(() => {});
        };
        this.#open.add(end);
        // `closeAll` ran while this stream was being set up: it ends at once, with the hint,
        // rather than staying open (and holding up the stop) until its client goes away.
        if (this.#stopped) end();
      },
      pull: async (controller) => {
        try {
          const { value, done } = await reader.read();
          if (finished) return;
          if (done) {
            finish();
            controller.close();
          } else {
            controller.enqueue(value);
          }
        } catch (error) {
          if (finished) return;
          finish();
          controller.error(error);
        }
      },
      cancel: async (reason) => {
        finish();
        await reader.cancel(reason);
      },
    });
  }
}
