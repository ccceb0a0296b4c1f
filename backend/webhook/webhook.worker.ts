import type { Services } from '../services.ts';
import { signatureHeader } from './webhook.signature.ts';
import { sendingRefusal } from './webhook.address.ts';
import { pruneOld } from './webhook.retention.ts';

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
/** Old finished deliveries and inbound messages are looked for at most this often. */
const PRUNE_EVERY_MS = 3_600_000;

interface Outcome {
  delivered: boolean;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
}

interface Claimed {
  payload: string;
  eventType: string;
  attempts: number;
  url: string;
  secret: string;
  active: number;
  removedAt: string | null;
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
 * so several processes over one database never send it twice at once; a lease, like the times
 * of an attempt, always goes by the wall clock. Deliveries of an inactive endpoint wait, unsent,
 * until it is active again. Once an hour it also deletes what is past keeping (see
 * webhook.retention.ts).
 */
export class WebhookWorker {
  readonly #services: Services;
  #timer: NodeJS.Timeout | undefined;
  #current: Promise<void> = Promise.resolve();
  #queued: Promise<void> | null = null;
  #stopped = false;
  /** Aborted by `stop`: the attempts under way end at once instead of within 10 s. */
  readonly #stopping = new AbortController();
  #prunedAt = Number.NEGATIVE_INFINITY;

  constructor(services: Services) {
    this.#services = services;
  }

  /** Sends what is due now, then looks again every two seconds. */
  start(): void {
    this.wake();
    this.#timer = setInterval(() => this.wake(), POLL_MS);
    this.#timer.unref();
  }

  /**
   * No new runs or attempts; the attempts under way are cut off (their deliveries stay due, to
   * be sent again by the next process) and it resolves once the run under way has ended.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#stopping.abort();
    await this.#current;
  }

  /** Starts a run soon without waiting for it (after an event queued deliveries). */
  wake(): void {
    void this.runNow();
  }

  /**
   * Sends every pending delivery due at `dueAt`, by default now (a test passes a later time to
   * reach the next retry; leases and attempt times still go by the wall clock). Runs one after
   * another; calls without a time while one is queued share it. Never rejects: failures are
   * recorded on their deliveries.
   */
  runNow(dueAt?: Date): Promise<void> {
    if (this.#stopped) return this.#current;
    if (dueAt === undefined && this.#queued) return this.#queued;
    const run: Promise<void> = this.#current.then(() => {
      if (this.#queued === run) this.#queued = null;
      return this.#drain(dueAt).catch((error: unknown) => {
        this.#services.logger.error({ err: error }, 'webhooks: a delivery run failed');
      });
    });
    if (dueAt === undefined) this.#queued = run;
    this.#current = run;
    return run;
  }

  async #drain(dueAt: Date | undefined): Promise<void> {
    await this.#pruneHourly();
    const tried = new Set<string>();
    while (!this.#stopped) {
      const due = await this.#due(dueAt ?? new Date(), tried);
      if (due.length === 0) return;
      for (const id of due) tried.add(id);
      await Promise.all(due.map((id) => this.#attempt(id)));
      if (due.length < BATCH) return;
    }
  }

  async #pruneHourly(): Promise<void> {
    const now = Date.now();
    if (now - this.#prunedAt < PRUNE_EVERY_MS) return;
    this.#prunedAt = now;
    try {
      const pruned = await pruneOld(this.#services.db, new Date(now), () => this.#stopped);
      if (pruned.deliveries + pruned.messages > 0) {
        this.#services.logger.info(pruned, 'webhooks: deleted old deliveries and inbound messages');
      }
    } catch (error) {
      this.#services.logger.error({ err: error }, 'webhooks: deleting old rows failed');
    }
  }

  async #due(dueAt: Date, tried: ReadonlySet<string>): Promise<string[]> {
    const now = new Date().toISOString();
    const rows = await this.#services.db
      .selectFrom('webhookDelivery as delivery')
      .innerJoin('webhookEndpoint as endpoint', 'endpoint.id', 'delivery.endpointId')
      .select('delivery.id')
      .where('delivery.status', '=', 'pending')
      .where('delivery.nextAttemptAt', '<=', dueAt.toISOString())
      .where((eb) =>
        eb.or([eb('delivery.lockedUntil', 'is', null), eb('delivery.lockedUntil', '<', now)]),
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

  /**
   * Claims one delivery (another process may have it), sends it and records how it went, if
   * the claim is still this one's: a process that lost its lease records nothing.
   */
  async #attempt(id: string): Promise<void> {
    if (this.#stopped) return;
    const { db, logger } = this.#services;
    const claimedAt = new Date();
    const lease = new Date(claimedAt.getTime() + LEASE_MS).toISOString();
    const claimed = await db
      .updateTable('webhookDelivery')
      .set({ lockedUntil: lease })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where((eb) =>
        eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', claimedAt.toISOString())]),
      )
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) return;
    const delivery: Claimed = await db
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
    const mine = { id, lease, attempts: delivery.attempts };
    if (delivery.active !== 1 || delivery.removedAt !== null || this.#stopped) {
      // Made inactive (or removed) since it was found: it waits, or was failed by the removal.
      await this.#release(mine);
      return;
    }
    const outcome = await this.#send(id, delivery);
    if (!outcome) {
      // Cut off by a stop: not the endpoint's failure. It stays due for the next process.
      await this.#release(mine);
      return;
    }
    const attempts = delivery.attempts + 1;
    const last = attempts >= MAX_ATTEMPTS;
    const wait = BACKOFF_MINUTES[attempts - 1] ?? 0;
    const recorded = await db
      .updateTable('webhookDelivery')
      .set({
        status: outcome.delivered ? 'delivered' : last ? 'failed' : 'pending',
        attempts,
        lastAttemptAt: claimedAt.toISOString(),
        nextAttemptAt:
          outcome.delivered || last
            ? null
            : new Date(claimedAt.getTime() + wait * 60_000).toISOString(),
        lockedUntil: null,
        responseStatus: outcome.responseStatus,
        responseBody: outcome.responseBody,
        error: outcome.error,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('lockedUntil', '=', lease)
      .where('attempts', '=', delivery.attempts)
      .executeTakeFirst();
    if (recorded.numUpdatedRows === 0n) {
      logger.warn(
        { deliveryId: id, url: delivery.url, delivered: outcome.delivered },
        'webhooks: the lease on a delivery ran out during its attempt; its outcome is not recorded',
      );
      return;
    }
    if (!outcome.delivered) {
      logger.warn(
        { deliveryId: id, url: delivery.url, attempts, status: outcome.responseStatus },
        last ? 'webhooks: a delivery failed for good' : 'webhooks: a delivery failed; retrying',
      );
    }
  }

  /** Gives a claimed delivery back unchanged, if the lease is still this one's. */
  async #release(claim: { id: string; lease: string; attempts: number }): Promise<void> {
    await this.#services.db
      .updateTable('webhookDelivery')
      .set({ lockedUntil: null })
      .where('id', '=', claim.id)
      .where('lockedUntil', '=', claim.lease)
      .where('attempts', '=', claim.attempts)
      .execute();
  }

  /**
   * One POST, signed now by the wall clock (a receiver checks the time against its own), with
   * no redirect followed: an endpoint that moved must be changed in the console. In production
   * the address's name must not lead to this machine or an internal network. Null when a stop
   * cut it off.
   */
  async #send(
    id: string,
    delivery: { payload: string; eventType: string; url: string; secret: string },
  ): Promise<Outcome | null> {
    const refused = await sendingRefusal(delivery.url, this.#services.config.production);
    if (refused) {
      return { delivered: false, responseStatus: null, responseBody: null, error: refused };
    }
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
        signal: AbortSignal.any([this.#stopping.signal, AbortSignal.timeout(TIMEOUT_MS)]),
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
      if (this.#stopping.signal.aborted) return null;
      return {
        delivered: false,
        responseStatus: null,
        responseBody: null,
        error: failureText(error),
      };
    }
  }
}
