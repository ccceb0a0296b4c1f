import type { Services } from '../services.ts';
import { signatureHeader } from './webhook.signature.ts';

/** Minutes to wait after the nth failed attempt; 7 attempts in all, over about 21 hours. */
export const BACKOFF_MINUTES = [1, 5, 30, 120, 360, 720] as const;
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;

/** How long an endpoint has to answer. */
export const TIMEOUT_MS = 10_000;
/** How much of an answer's body is kept. */
export const KEPT_BODY_BYTES = 2048;

const POLL_MS = 2_000;
/** A claim outlives the longest attempt; a process that died mid-attempt frees it by then. */
const LEASE_MS = TIMEOUT_MS * 6;
const BATCH = 10;

interface Outcome {
  delivered: boolean;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
}

/** The first KEPT_BODY_BYTES of a body, without reading the rest of a large one. */
async function keptBody(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < KEPT_BODY_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  const bytes = Buffer.concat(chunks).subarray(0, KEPT_BODY_BYTES);
  // A cut in the middle of a character leaves a replacement mark, not an error.
  return new TextDecoder().decode(bytes);
}

function failureText(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `No answer within ${TIMEOUT_MS / 1000} seconds.`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const text = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : '');
  return `The request failed: ${text || String(error)}`.slice(0, KEPT_BODY_BYTES);
}

/**
 * Sends queued webhook deliveries: one POST per delivery, signed when it is sent, retried on
 * BACKOFF_MINUTES until MAX_ATTEMPTS, then failed. Each delivery is claimed with a lease first,
 * so several processes over one database never send it twice at once. Deliveries of an
 * inactive endpoint wait, unsent, until it is active again.
 */
export class WebhookWorker {
  readonly #services: Services;
  #timer: NodeJS.Timeout | undefined;
  #current: Promise<void> = Promise.resolve();
  #queued: Promise<void> | null = null;
  #stopped = false;

  constructor(services: Services) {
    this.#services = services;
  }

  /** Sends what is due now, then looks again every two seconds. */
  start(): void {
    this.wake();
    this.#timer = setInterval(() => this.wake(), POLL_MS);
    this.#timer.unref();
  }

  /** No new runs; resolves when the one under way finished (its attempts end within 10 s). */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#current;
  }

  /** Starts a run soon without waiting for it (after an event queued deliveries). */
  wake(): void {
    void this.runNow();
  }

  /**
   * Sends every pending delivery due at `now` (a test passes a later time to reach the next
   * retry). Runs one after another; calls without a time while one is queued share it. Never
   * rejects: failures are recorded on their deliveries.
   */
  runNow(now?: Date): Promise<void> {
    if (this.#stopped) return this.#current;
    if (now === undefined && this.#queued) return this.#queued;
    const run: Promise<void> = this.#current.then(() => {
      if (this.#queued === run) this.#queued = null;
      return this.#drain(now ?? new Date()).catch((error: unknown) => {
        this.#services.logger.error({ err: error }, 'webhooks: a delivery run failed');
      });
    });
    if (now === undefined) this.#queued = run;
    this.#current = run;
    return run;
  }

  async #drain(now: Date): Promise<void> {
    const tried = new Set<string>();
    for (;;) {
      const due = await this.#due(now, tried);
      if (due.length === 0) return;
      for (const id of due) tried.add(id);
      await Promise.all(due.map((id) => this.#attempt(id, now)));
      if (due.length < BATCH) return;
    }
  }

  async #due(now: Date, tried: ReadonlySet<string>): Promise<string[]> {
    const at = now.toISOString();
    const rows = await this.#services.db
      .selectFrom('webhookDelivery as delivery')
      .innerJoin('webhookEndpoint as endpoint', 'endpoint.id', 'delivery.endpointId')
      .select('delivery.id')
      .where('delivery.status', '=', 'pending')
      .where('delivery.nextAttemptAt', '<=', at)
      .where((eb) =>
        eb.or([eb('delivery.lockedUntil', 'is', null), eb('delivery.lockedUntil', '<', at)]),
      )
      .where('endpoint.active', '=', 1)
      .where('endpoint.removedAt', 'is', null)
      .$if(tried.size > 0, (query) => query.where('delivery.id', 'not in', [...tried]))
      .orderBy('delivery.nextAttemptAt')
      .orderBy('delivery.id')
      .limit(BATCH)
      .execute();
    return rows.map((row) => row.id);
  }

  /** Claims one delivery (another process may have it), sends it and records how it went. */
  async #attempt(id: string, now: Date): Promise<void> {
    const { db } = this.#services;
    const at = now.toISOString();
    const claimed = await db
      .updateTable('webhookDelivery')
      .set({ lockedUntil: new Date(now.getTime() + LEASE_MS).toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', at)]))
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) return;
    const delivery = await db
      .selectFrom('webhookDelivery as delivery')
      .innerJoin('webhookEndpoint as endpoint', 'endpoint.id', 'delivery.endpointId')
      .select([
        'delivery.payload',
        'delivery.eventType',
        'delivery.attempts',
        'endpoint.url',
        'endpoint.secret',
        'endpoint.active',
        'endpoint.removedAt',
      ])
      .where('delivery.id', '=', id)
      .executeTakeFirstOrThrow();
    if (delivery.active !== 1 || delivery.removedAt !== null) {
      // Made inactive (or removed) since it was found: it waits, or was failed by the removal.
      await db
        .updateTable('webhookDelivery')
        .set({ lockedUntil: null })
        .where('id', '=', id)
        .execute();
      return;
    }
    const outcome = await this.#send(id, delivery);
    const attempts = delivery.attempts + 1;
    const last = attempts >= MAX_ATTEMPTS;
    const wait = BACKOFF_MINUTES[attempts - 1] ?? 0;
    await db
      .updateTable('webhookDelivery')
      .set({
        status: outcome.delivered ? 'delivered' : last ? 'failed' : 'pending',
        attempts,
        lastAttemptAt: at,
        nextAttemptAt:
          outcome.delivered || last ? null : new Date(now.getTime() + wait * 60_000).toISOString(),
        lockedUntil: null,
        responseStatus: outcome.responseStatus,
        responseBody: outcome.responseBody,
        error: outcome.error,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .execute();
    if (!outcome.delivered) {
      this.#services.logger.warn(
        { deliveryId: id, url: delivery.url, attempts, status: outcome.responseStatus },
        last ? 'webhooks: a delivery failed for good' : 'webhooks: a delivery failed; retrying',
      );
    }
  }

  /**
   * One POST, signed now by the wall clock (a receiver checks the time against its own), with
   * no redirect followed: an endpoint that moved must be changed in the console.
   */
  async #send(
    id: string,
    delivery: { payload: string; eventType: string; url: string; secret: string },
  ): Promise<Outcome> {
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Portico-Webhooks/1',
          'portico-event': delivery.eventType,
          'portico-delivery': id,
          'portico-signature': signatureHeader(delivery.secret, delivery.payload, new Date()),
        },
        body: delivery.payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const responseBody = await keptBody(response).catch(() => '');
      const delivered = response.status >= 200 && response.status < 300;
      const redirected = response.status >= 300 && response.status < 400;
      return {
        delivered,
        responseStatus: response.status,
        responseBody,
        error: redirected
          ? 'Redirects are not followed: set the new address in the console.'
          : null,
      };
    } catch (error) {
      return {
        delivered: false,
        responseStatus: null,
        responseBody: null,
        error: failureText(error),
      };
    }
  }
}
