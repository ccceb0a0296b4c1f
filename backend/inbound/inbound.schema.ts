import { createHash } from 'node:crypto';
import { z } from 'zod';
import { orderNumber } from '../order/order.schema.ts';
import { day, invoiceInput, paymentInput } from '../ledger/ledger.schema.ts';

/** The ERP's own id of a message: what makes a retry a retry. */
const externalId = z
  .string()
  .min(1, 'Every message needs the id your system gave it.')
  .max(100)
  .regex(/^[\x21-\x7e]+$/, 'Printable ASCII without spaces.');

const trackingNumber = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[\p{L}\p{N} ._/-]+$/u, 'Letters, digits, spaces and . _ / - only.');

export const INBOUND_ORDER_STATUSES = ['confirmed', 'shipped', 'delivered', 'cancelled'] as const;

export const orderUpdateInput = z
  .strictObject({
    id: externalId,
    orderNumber,
    status: z.enum(INBOUND_ORDER_STATUSES).optional(),
    trackingNumber: trackingNumber.optional(),
    /** The day delivery is promised; null takes the promise back. */
    promisedOn: day.nullable().optional(),
    /** Shown on the timeline of a cancelled order. */
    reason: z.string().trim().max(500).optional(),
  })
  .refine(
    (input) =>
      input.status !== undefined ||
      input.trackingNumber !== undefined ||
      input.promisedOn !== undefined,
    { message: 'Send a status, a tracking number or a promised day.', path: ['status'] },
  )
  .refine(
    (input) =>
      input.status !== 'cancelled' ||
      (input.trackingNumber === undefined && input.promisedOn === undefined),
    { message: 'A cancellation comes without tracking or promised day.', path: ['status'] },
  )
  .refine((input) => input.reason === undefined || input.status === 'cancelled', {
    message: 'A reason goes with a cancellation only.',
    path: ['reason'],
  });

export type OrderUpdateInput = z.infer<typeof orderUpdateInput>;

/** An invoice written in the ERP, optionally for one of the account's orders. */
export const inboundInvoiceInput = invoiceInput.extend({
  id: externalId,
  orderNumber: orderNumber.optional(),
});

export type InboundInvoiceInput = z.infer<typeof inboundInvoiceInput>;

/** A payment booked in the ERP; the ERP's id is its request key. */
export const inboundPaymentInput = paymentInput.omit({ idempotencyKey: true }).extend({
  id: externalId,
});

export type InboundPaymentInput = z.infer<typeof inboundPaymentInput>;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, entry]) => [key, canonical(entry)]),
    );
  }
  return value;
}

/**
 * A digest of what a message means, after validation: the same message sent again with its
 * keys in another order or its text trimmed differently is the same message.
 */
export function requestHash(input: object): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(input)))
    .digest('hex');
}
