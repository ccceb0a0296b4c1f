import type { Entry, Kind } from './procedures.ts';
import { data } from './tickets.ts';
import { unique, type World } from './world.ts';
import { newId } from '../../backend/db/id.ts';

type Build = (w: World) => unknown;

/** Where the matrix's endpoints point: nothing listens there, so an attempt fails at once. */
const hookUrl = () => `http://127.0.0.1:9/${unique('hook')}`;

const admin = (kind: Kind, input?: Build): Entry => ({ kind, access: 'admin', input });

/**
 * A webhook endpoint of its own for a call that changes or removes one. It is made inactive,
 * so nothing is queued for it and the worker never touches its deliveries: the tests that
 * compare the database before and after a call see only that call's writes.
 */
async function newEndpoint(w: World): Promise<string> {
  const created = data<{ endpoint: { id: string } }>(
    await w.admin.client.mutate('staff.webhook.create', {
      url: hookUrl(),
      events: ['ticket.created'],
      active: false,
    }),
  );
  return created.endpoint.id;
}

/**
 * One endpoint per world for the calls that leave it there (an update, a rotation), so the
 * matrix stays under the limit on endpoints.
 */
const shared = new WeakMap<World, Promise<string>>();
function sharedEndpoint(w: World): Promise<string> {
  let id = shared.get(w);
  if (!id) {
    id = newEndpoint(w);
    shared.set(w, id);
  }
  return id;
}

const deliveries = new WeakMap<World, Promise<string>>();
function failedDelivery(w: World): Promise<string> {
  let id = deliveries.get(w);
  if (!id) {
    id = writeFailedDelivery(w);
    deliveries.set(w, id);
  }
  return id;
}

/** A finished delivery to replay, written as the worker leaves one (nothing is sent for it). */
async function writeFailedDelivery(w: World): Promise<string> {
  const endpointId = await sharedEndpoint(w);
  const id = newId();
  const now = new Date().toISOString();
  await w.portico.services.db
    .insertInto('webhookDelivery')
    .values({
      id,
      endpointId,
      eventId: newId(),
      eventType: 'ticket.created',
      payload: '{}',
      status: 'failed',
      attempts: 7,
      nextAttemptAt: null,
      lastAttemptAt: now,
      lockedUntil: null,
      responseStatus: 500,
      responseBody: '',
      error: null,
      createdAt: now,
    })
    .execute();
  return id;
}

async function newKey(w: World): Promise<string> {
  return data<{ item: { id: string } }>(
    await w.admin.client.mutate('staff.inbound.createKey', { name: unique('ERP') }),
  ).item.id;
}

/** The integration procedures' entries of the authorization matrix (see `PROCEDURES`). */
export function integrationProcedures(): Record<string, Entry> {
  return {
    'staff.webhook.list': admin('query'),
    'staff.webhook.create': admin('mutation', () => ({
      url: hookUrl(),
      description: 'New customers to the CRM',
      events: ['customer.signed_up'],
      // Paused from the start, like every endpoint of the matrix: calls that make a customer
      // account (a member who leaves gets one) must queue nothing the worker would then send.
      active: false,
    })),
    'staff.webhook.update': admin('mutation', async (w) => ({
      id: await sharedEndpoint(w),
      active: false,
    })),
    'staff.webhook.rotateSecret': admin('mutation', async (w) => ({
      id: await sharedEndpoint(w),
    })),
    'staff.webhook.remove': admin('mutation', async (w) => ({ id: await newEndpoint(w) })),
    'staff.webhook.deliveries': admin('query', () => ({ status: 'failed', limit: 5 })),
    'staff.webhook.replay': admin('mutation', async (w) => ({
      deliveryId: await failedDelivery(w),
    })),
    'staff.inbound.keys': admin('query'),
    'staff.inbound.createKey': admin('mutation', () => ({ name: 'Acme ERP' })),
    'staff.inbound.revokeKey': admin('mutation', async (w) => ({ id: await newKey(w) })),
  };
}
