import type { EventHandler } from '../events/event.dispatch.ts';
import type { Services } from '../services.ts';

/** Turns events into notifications for the people who should hear of them. */
export function notificationHandler(_services: Services): EventHandler {
  return { name: 'notifications', handle: async () => {} };
}
