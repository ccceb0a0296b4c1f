import { z } from 'zod';
import { addressSchema } from '../address/address.schema.ts';
import { cursorInput, pageLimit } from '../db/cursor.ts';
import { LOCALES } from '../portal/portal.schema.ts';

export const ORDER_STATUSES = ['placed', 'confirmed', 'shipped', 'delivered', 'cancelled'] as const;
export const MAX_QUANTITY = 9999;
export const MAX_LINES = 100;

export const orderId = z.string().min(1).max(64);
export const orderNumber = z.string().trim().toUpperCase().min(1).max(32);

const cartItem = z.strictObject({
  productId: z.string().min(1).max(64),
  quantity: z
    .number()
    .int('Quantities are whole numbers.')
    .min(1, 'Order at least one.')
    .max(MAX_QUANTITY, `At most ${MAX_QUANTITY} per line.`),
});

/** A cart as the client sends it: products and quantities only, never a price. */
export const cartItems = z
  .array(cartItem)
  .min(1, 'Your cart is empty.')
  .max(MAX_LINES, `At most ${MAX_LINES} different items per order.`)
  .refine(
    (items) => new Set(items.map((item) => item.productId)).size === items.length,
    'Each product may appear once; change its quantity instead.',
  );

export const quoteInput = z.strictObject({
  items: cartItems,
  address: addressSchema,
  locale: z.enum(LOCALES).optional(),
});

export const placeInput = z.strictObject({
  /** Made once per review by the client; a retry with the same key returns the same order. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'A 16 to 64 character request key.'),
  items: cartItems,
  address: addressSchema,
  /** Adds the address to the account's address book under this label. */
  saveAddressAs: z.string().trim().max(60).optional(),
  note: z.string().trim().max(1000, 'Notes are limited to 1000 characters.').default(''),
  /** The total the customer reviewed; a different price refuses with PRICE_CHANGED. */
  expectedTotal: z.number().int().min(0),
  locale: z.enum(LOCALES).optional(),
});

export type PlaceInput = z.infer<typeof placeInput>;

const isoDate = z.iso.date('A date as YYYY-MM-DD.');

export const listInput = z.strictObject({
  status: z.array(z.enum(ORDER_STATUSES)).max(ORDER_STATUSES.length).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  query: z.string().trim().max(100).optional(),
  cursor: cursorInput,
  limit: pageLimit(20),
});

export type ListInput = z.infer<typeof listInput>;

export const ORDER_SORTS = ['newest', 'oldest', 'total'] as const;

/** The staff list: every account's orders, one account's, sorted by date or by total. */
export const staffListInput = listInput.extend({
  accountId: z.string().min(1).max(64).optional(),
  sort: z.enum(ORDER_SORTS).default('newest'),
});

export type StaffListInput = z.infer<typeof staffListInput>;
