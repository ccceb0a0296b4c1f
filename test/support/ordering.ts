import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TestClient } from './portico.ts';
import { ADDRESS } from './address.ts';

export type CartItems = { productId: string; quantity: number }[];

/** `order.quote` for a cart, failing the test when the server refuses it. */
export async function quoteFor<Quote = { total: number }>(
  client: TestClient,
  items: CartItems,
  address = ADDRESS,
): Promise<Quote> {
  const { body } = await client.query('order.quote', { items, address });
  assert.ok(body.result, JSON.stringify(body.error));
  return body.result.data as Quote;
}

/** Quotes, then places exactly what was quoted, as the order form does; returns the envelope. */
export async function placeQuoted(
  client: TestClient,
  items: CartItems,
  extra: Record<string, unknown> = {},
) {
  const { total } = await quoteFor(client, items);
  return client.mutate('order.place', {
    idempotencyKey: randomUUID(),
    items,
    address: ADDRESS,
    expectedTotal: total,
    ...extra,
  });
}

/** `placeQuoted`, failing the test unless the order was placed; returns the order. */
export async function placedOrder<Order = { id: string; number: string }>(
  client: TestClient,
  items: CartItems,
): Promise<Order> {
  const { body } = await placeQuoted(client, items);
  assert.ok(body.result, JSON.stringify(body.error));
  return (body.result.data as { order: Order }).order;
}
