import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { cursorInput, pageLimit } from '../db/cursor.ts';
import type { PorticoEventType } from '../events/event.types.ts';

/** The events an endpoint may ask for (the others are for customers only). */
export const WEBHOOK_EVENTS = [
  'order.placed',
  'order.changed',
  'invoice.issued',
  'payment.posted',
  'ticket.created',
  'ticket.answered',
  'customer.signed_up',
] as const satisfies readonly PorticoEventType[];

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export const isWebhookEvent = (type: string): type is WebhookEventType =>
  (WEBHOOK_EVENTS as readonly string[]).includes(type);

/** Hosts plain http is allowed to, for a vendor trying webhooks out on their own machine. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where deliveries go: https, or http to this machine only (as the trusted origins allow
 * http://localhost). No user name or password in it: the signature is the authentication.
 */
export const webhookUrl = z
  .string()
  .trim()
  .max(2000, 'At most 2000 characters.')
  .refine((value) => URL.canParse(value), 'A full address such as https://erp.vendor.example/hook.')
  .transform((value) => new URL(value))
  .refine(
    (url) => url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)),
    'The address must start with https:// (http:// only for localhost, to try things out).',
  )
  .refine((url) => !url.username && !url.password, 'No user name or password in the address.')
  .refine((url) => url.hostname.length > 0, 'The address needs a host.')
  .transform((url) => {
    url.hash = '';
    return url.href;
  });

const events = z
  .array(z.enum(WEBHOOK_EVENTS))
  .min(1, 'Choose at least one event.')
  .max(WEBHOOK_EVENTS.length)
  .transform((list) => [...new Set(list)].sort());

const description = z.string().trim().max(200);

export const endpointId = z.string().min(1).max(64);

export const createEndpointInput = z.strictObject({
  url: webhookUrl,
  description: description.default(''),
  events,
});

export const updateEndpointInput = z.strictObject({
  id: endpointId,
  url: webhookUrl.optional(),
  description: description.optional(),
  events: events.optional(),
  active: z.boolean().optional(),
});

export type UpdateEndpointInput = z.infer<typeof updateEndpointInput>;

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

export const deliveriesInput = z.strictObject({
  endpointId: endpointId.optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  cursor: cursorInput,
  limit: pageLimit(20),
});

export type DeliveriesInput = z.infer<typeof deliveriesInput>;

/** A new signing secret: `whsec_` and 32 random bytes. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
