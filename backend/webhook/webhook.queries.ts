import type { Db } from '../db/database.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';
import { decodeCursor, page } from '../db/cursor.ts';
import { refuse } from '../errors.ts';
import type { WebhookDeliveryTable, WebhookEndpointTable } from './webhook.tables.ts';
import { WebhookError } from './webhook.errors.ts';
import {
  newSecret,
  type DeliveriesInput,
  type UpdateEndpointInput,
  type WebhookEventType,
} from './webhook.schema.ts';

/** A delivery of one event to one endpoint, due at `now` and not tried yet. */
export function pendingDelivery(
  what: Pick<WebhookDeliveryTable, 'endpointId' | 'eventId' | 'eventType' | 'payload'>,
  now: string,
): WebhookDeliveryTable {
  return {
    id: newId(),
    ...what,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lastAttemptAt: null,
    lockedUntil: null,
    responseStatus: null,
    responseBody: null,
    error: null,
    createdAt: now,
  };
}

/** At most this many endpoints: each event is queued once per endpoint. */
export const MAX_ENDPOINTS = 20;

const ENDPOINT_COLUMNS = ['id', 'url', 'description', 'events', 'active', 'createdAt'] as const;

type EndpointRow = Pick<WebhookEndpointTable, (typeof ENDPOINT_COLUMNS)[number]>;

async function endpointView(db: Db, row: EndpointRow) {
  const last = await db
    .selectFrom('webhookDelivery')
    .select(['status', 'lastAttemptAt', 'createdAt', 'responseStatus'])
    .where('endpointId', '=', row.id)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: JSON.parse(row.events) as WebhookEventType[],
    active: row.active === 1,
    createdAt: row.createdAt,
    lastDelivery: last
      ? {
          status: last.status,
          at: last.lastAttemptAt ?? last.createdAt,
          responseStatus: last.responseStatus,
        }
      : null,
  };
}

export type EndpointView = Awaited<ReturnType<typeof endpointView>>;

/** The endpoints not removed, oldest first. */
export async function listEndpoints(db: Db): Promise<{ items: EndpointView[] }> {
  const rows = await db
    .selectFrom('webhookEndpoint')
    .select(ENDPOINT_COLUMNS)
    .where('removedAt', 'is', null)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return { items: await Promise.all(rows.map((row) => endpointView(db, row))) };
}

async function liveEndpoint(db: Db, id: string): Promise<EndpointRow> {
  const row = await db
    .selectFrom('webhookEndpoint')
    .select(ENDPOINT_COLUMNS)
    .where('id', '=', id)
    .where('removedAt', 'is', null)
    .executeTakeFirst();
  if (!row) throw refuse('NOT_FOUND', WebhookError, 'ENDPOINT_NOT_FOUND');
  return row;
}

export async function createEndpoint(
  db: Db,
  input: { url: string; description: string; events: WebhookEventType[]; active: boolean },
  createdBy: string,
): Promise<{ endpoint: EndpointView; secret: string }> {
  const secret = newSecret();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const { n } = await trx
      .selectFrom('webhookEndpoint')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('removedAt', 'is', null)
      .executeTakeFirstOrThrow();
    if (n >= MAX_ENDPOINTS) throw refuse('CONFLICT', WebhookError, 'TOO_MANY_ENDPOINTS');
    const now = timestamp();
    await trx
      .insertInto('webhookEndpoint')
      .values({
        id,
        url: input.url,
        description: input.description,
        events: JSON.stringify(input.events),
        secret,
        active: input.active ? 1 : 0,
        createdBy,
        createdAt: now,
        updatedAt: now,
        removedAt: null,
      })
      .execute();
  });
  return { endpoint: await endpointView(db, await liveEndpoint(db, id)), secret };
}

export async function updateEndpoint(db: Db, input: UpdateEndpointInput): Promise<EndpointView> {
  await liveEndpoint(db, input.id);
  await db
    .updateTable('webhookEndpoint')
    .set({
      ...(input.url === undefined ? {} : { url: input.url }),
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.events === undefined ? {} : { events: JSON.stringify(input.events) }),
      ...(input.active === undefined ? {} : { active: input.active ? 1 : 0 }),
      updatedAt: timestamp(),
    })
    .where('id', '=', input.id)
    .where('removedAt', 'is', null)
    .execute();
  return endpointView(db, await liveEndpoint(db, input.id));
}

/** A new secret, in force for the next attempt; the old one stops working at once. */
export async function rotateSecret(db: Db, id: string): Promise<{ secret: string }> {
  await liveEndpoint(db, id);
  const secret = newSecret();
  await db
    .updateTable('webhookEndpoint')
    .set({ secret, updatedAt: timestamp() })
    .where('id', '=', id)
    .execute();
  return { secret };
}

/**
 * Removes an endpoint: nothing more is queued or sent to it, its waiting deliveries fail and
 * its secret is forgotten. Its deliveries stay in the list, with its address.
 */
export async function removeEndpoint(db: Db, id: string): Promise<{ ok: true }> {
  await db.transaction().execute(async (trx) => {
    const now = timestamp();
    const removed = await trx
      .updateTable('webhookEndpoint')
      .set({ removedAt: now, active: 0, secret: '', updatedAt: now })
      .where('id', '=', id)
      .where('removedAt', 'is', null)
      .executeTakeFirst();
    if (removed.numUpdatedRows === 0n)
      throw refuse('NOT_FOUND', WebhookError, 'ENDPOINT_NOT_FOUND');
    await trx
      .updateTable('webhookDelivery')
      .set({ status: 'failed', nextAttemptAt: null, error: 'The endpoint was removed.' })
      .where('endpointId', '=', id)
      .where('status', '=', 'pending')
      .execute();
  });
  return { ok: true };
}

function deliveryQuery(db: Db) {
  return db
    .selectFrom('webhookDelivery as delivery')
    .innerJoin('webhookEndpoint as endpoint', 'endpoint.id', 'delivery.endpointId')
    .select([
      'delivery.id',
      'delivery.endpointId',
      'endpoint.url',
      'delivery.eventType',
      'delivery.eventId',
      'delivery.status',
      'delivery.attempts',
      'delivery.nextAttemptAt',
      'delivery.lastAttemptAt',
      'delivery.responseStatus',
      'delivery.responseBody',
      'delivery.error',
      'delivery.createdAt',
    ]);
}

export type DeliveryView = Awaited<ReturnType<ReturnType<typeof deliveryQuery>['execute']>>[number];

/** Deliveries, newest first, of one endpoint or all, in one status or any. */
export async function listDeliveries(db: Db, input: DeliveriesInput) {
  const after = decodeCursor(input.cursor);
  let query = deliveryQuery(db);
  if (input.endpointId) query = query.where('delivery.endpointId', '=', input.endpointId);
  if (input.status) query = query.where('delivery.status', '=', input.status);
  if (after) {
    const [createdAt = '', id = ''] = after;
    query = query.where((eb) =>
      eb.or([
        eb('delivery.createdAt', '<', createdAt),
        eb.and([eb('delivery.createdAt', '=', createdAt), eb('delivery.id', '<', id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('delivery.createdAt', 'desc')
    .orderBy('delivery.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  return page(rows, input.limit, (row) => [row.createdAt, row.id]);
}

/**
 * Queues the same body again as a new delivery, due now: the event's id stays, so a receiver
 * that handled it already can tell; the signature is made afresh when it is sent.
 */
export async function replayDelivery(db: Db, deliveryId: string): Promise<DeliveryView> {
  const original = await db
    .selectFrom('webhookDelivery as delivery')
    .innerJoin('webhookEndpoint as endpoint', 'endpoint.id', 'delivery.endpointId')
    .select([
      'delivery.endpointId',
      'delivery.eventId',
      'delivery.eventType',
      'delivery.payload',
      'endpoint.removedAt',
    ])
    .where('delivery.id', '=', deliveryId)
    .executeTakeFirst();
  if (!original) throw refuse('NOT_FOUND', WebhookError, 'DELIVERY_NOT_FOUND');
  if (original.removedAt) throw refuse('NOT_FOUND', WebhookError, 'ENDPOINT_NOT_FOUND');
  const { endpointId, eventId, eventType, payload } = original;
  const delivery = pendingDelivery({ endpointId, eventId, eventType, payload }, timestamp());
  await db.insertInto('webhookDelivery').values(delivery).execute();
  return deliveryQuery(db).where('delivery.id', '=', delivery.id).executeTakeFirstOrThrow();
}
