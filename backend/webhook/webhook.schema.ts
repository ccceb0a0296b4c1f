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

/**
 * Where deliveries go: an http(s) address with a host and no user name or password (the
 * signature is the authentication). Which schemes and hosts are allowed depends on whether this
 * is production: see `addressRefusal` in webhook.address.ts, applied by the router.
 */
export const webhookUrl = z
  .string()
  .trim()
  .max(2000, 'At most 2000 characters.')
  .refine((value) => URL.canParse(value), 'A full address such as https://erp.vendor.example/hook.')
  .transform((value) => new URL(value))
  .refine(
    (url) => url.protocol === 'https:' || url.protocol === 'http:',
    'The address must start with https://.',
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
  /** False makes it paused from the start: nothing is queued for it until it is made active. */
  active: z.boolean().default(true),
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
