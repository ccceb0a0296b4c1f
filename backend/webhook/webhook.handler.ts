import type { EventHandler } from '../events/event.dispatch.ts';
import type { StoredEvent } from '../events/event.types.ts';
import type { Services } from '../services.ts';
import { timestamp } from '../db/clock.ts';
import { isWebhookEvent, type WebhookEventType } from './webhook.schema.ts';
import { webhookBody } from './webhook.payload.ts';
import { pendingDelivery } from './webhook.queries.ts';

/**
 * Queues a delivery of each event to every active endpoint that asked for it, in the claim's
 * transaction (so each event is queued once), with the body built there too; the worker is
 * woken once that transaction has committed.
 */
export function webhookHandler(services: Services): EventHandler {
  return {
    name: 'webhooks',
    handle: async (trx, event) => {
      if (!isWebhookEvent(event.type)) return;
      const endpoints = await trx
        .selectFrom('webhookEndpoint')
        .select(['id', 'events'])
        .where('active', '=', 1)
        .where('removedAt', 'is', null)
        .execute();
      const listening = endpoints.filter((endpoint) =>
        (JSON.parse(endpoint.events) as string[]).includes(event.type),
      );
      if (listening.length === 0) return;
      const payload = await webhookBody(
        trx,
        event as Extract<StoredEvent, { type: WebhookEventType }>,
      );
      const now = timestamp();
      const base = { eventId: event.id, eventType: event.type, payload };
      await trx
        .insertInto('webhookDelivery')
        .values(
          listening.map((endpoint) => pendingDelivery({ ...base, endpointId: endpoint.id }, now)),
        )
        .execute();
      return () => services.webhooks.wake();
    },
  };
}
