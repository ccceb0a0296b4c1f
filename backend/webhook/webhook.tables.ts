import type { PorticoEventType } from '../events/event.types.ts';

export interface WebhookTables {
  webhookEndpoint: WebhookEndpointTable;
  webhookDelivery: WebhookDeliveryTable;
}

/** An address of the vendor's that hears of events; removed ones stay for their deliveries. */
export interface WebhookEndpointTable {
  id: string;
  url: string;
  description: string;
  /** The event types it asked for, as a JSON array. */
  events: string;
  /** `whsec_…`: kept, since every delivery is signed with it; blanked when removed. */
  secret: string;
  active: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  removedAt: string | null;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event for one endpoint: the exact body sent, and how its attempts went. */
export interface WebhookDeliveryTable {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: PorticoEventType;
  /** The JSON body, byte for byte as sent (a replay sends it again). */
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  /** When a pending delivery is due; null once delivered or failed. */
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  /** A worker's lease on it while it is being sent, so no other process sends it too. */
  lockedUntil: string | null;
  responseStatus: number | null;
  /** The first 2 KB of the last answer's body. */
  responseBody: string | null;
  /** Why the last attempt failed when there was no answer (timeout, refused connection). */
  error: string | null;
  createdAt: string;
}
