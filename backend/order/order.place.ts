import { createHash, randomInt } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { newId } from '../db/id.ts';
import { fold } from '../db/fold.ts';
import { saveAddressIn } from '../address/address.queries.ts';
import { localizedProducts } from '../catalog/catalog.queries.ts';
import { refuse } from '../errors.ts';
import { OrderError } from './order.errors.ts';
import { priceCart, type PricedProduct, type Quote } from './order.pricing.ts';
import type { PlaceInput } from './order.schema.ts';
import { recordEvent, type Actor } from './order.lifecycle.ts';
import { emitEvent } from '../events/event.emit.ts';
import { timestamp } from '../db/clock.ts';
import { addDays } from '../ledger/ledger.settle.ts';
import { readReminderRules } from '../reminder/reminder.rules.ts';

/** The catalog facts for the given products, names in `locale` (English when untranslated). */
export async function loadPricedProducts(
  db: Db,
  productIds: string[],
  locale: string,
): Promise<Map<string, PricedProduct>> {
  if (productIds.length === 0) return new Map();
  const rows = await localizedProducts(db, locale).where('product.id', 'in', productIds).execute();
  return new Map(
    rows.map(({ description: _description, categoryId: _category, ...row }) => [
      row.id,
      { ...row, active: row.active === 1 },
    ]),
  );
}

export async function quoteCart(
  db: Db,
  input: Pick<PlaceInput, 'items' | 'address'>,
  locale: string,
  currency: string,
): Promise<Quote> {
  const products = await loadPricedProducts(
    db,
    input.items.map((item) => item.productId),
    locale,
  );
  return priceCart(products, input.items, input.address, currency);
}

const NUMBER_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Eight characters without look-alikes (0/O, 1/I), e.g. `K7M2-9QXD`: easy to read aloud. */
export function newOrderNumber(): string {
  const chars = Array.from({ length: 8 }, () => NUMBER_ALPHABET[randomInt(32)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

function requestHash(input: PlaceInput): string {
  const { idempotencyKey: _key, expectedTotal: _total, locale: _locale, ...request } = input;
  return createHash('sha256').update(JSON.stringify(request)).digest('base64url');
}

export interface Placed {
  orderId: string;
  /** True when this request repeated one already placed: nothing new was written. */
  replayed: boolean;
  /** False when the address book was full or no address was to be saved. */
  addressSaved: boolean;
}

/**
 * Places an order in one transaction: the price is computed here, stock is taken only if every
 * line still has enough, and the order, its lines, its first timeline entry and any saved
 * address are written together. A repeated idempotency key returns the first order.
 */
export async function placeOrder(
  db: Db,
  accountId: string,
  actor: Actor,
  input: PlaceInput,
  options: { locale: string; currency: string },
): Promise<Placed> {
  const hash = requestHash(input);
  return db.transaction().execute(async (trx) => {
    const earlier = await trx
      .selectFrom('order')
      .select(['id', 'requestHash'])
      .where('accountId', '=', accountId)
      .where('idempotencyKey', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (earlier) {
      if (earlier.requestHash !== hash) {
        throw refuse('CONFLICT', OrderError, 'IDEMPOTENCY_KEY_REUSED');
      }
      return { orderId: earlier.id, replayed: true, addressSaved: false };
    }

    const products = await loadPricedProducts(
      trx,
      input.items.map((item) => item.productId),
      options.locale,
    );
    const quote = priceCart(products, input.items, input.address, options.currency);
    if (quote.problems.length) {
      const soldOut = quote.problems.some((problem) => problem.reason !== 'UNAVAILABLE');
      throw refuse('CONFLICT', OrderError, soldOut ? 'OUT_OF_STOCK' : 'UNAVAILABLE', {
        problems: quote.problems,
      });
    }
    if (quote.total !== input.expectedTotal) {
      throw refuse('CONFLICT', OrderError, 'PRICE_CHANGED', { quote });
    }
    // Taken only if still there: the condition makes the check and the write one step, on
    // SQLite and on engines where transactions run side by side.
    for (const line of quote.lines) {
      if (products.get(line.productId)?.stock === null) continue;
      const taken = await trx
        .updateTable('product')
        .set((eb) => ({ stock: eb('stock', '-', line.quantity) }))
        .where('id', '=', line.productId)
        .where('stock', '>=', line.quantity)
        .executeTakeFirst();
      if (taken.numUpdatedRows === 0n) {
        throw refuse('CONFLICT', OrderError, 'OUT_OF_STOCK', { problems: [] });
      }
    }

    const now = timestamp();
    const { promiseDays } = await readReminderRules(trx);
    const orderId = newId();
    const number = newOrderNumber();
    await trx
      .insertInto('order')
      .values({
        id: orderId,
        number,
        accountId,
        placedBy: actor.id,
        status: 'placed',
        currency: quote.currency,
        subtotal: quote.subtotal,
        tax: quote.tax,
        shipping: quote.shipping,
        total: quote.total,
        address: JSON.stringify(input.address),
        note: input.note,
        trackingNumber: null,
        // The vendor's usual delivery time, counted from the (UTC) day it was placed.
        promisedOn: promiseDays === null ? null : addDays(now.slice(0, 10), promiseDays),
        idempotencyKey: input.idempotencyKey,
        requestHash: hash,
        searchText: fold([number, ...quote.lines.flatMap((l) => [l.sku, l.name])].join(' ')),
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await trx
      .insertInto('orderLine')
      .values(
        quote.lines.map((line, position) => ({
          id: newId(),
          orderId,
          position,
          productId: line.productId,
          sku: line.sku,
          name: line.name,
          kind: line.kind,
          quantity: line.quantity,
          unitPrice: line.unitPrice,
          taxRate: line.taxRate,
          subtotal: line.subtotal,
          tax: line.tax,
        })),
      )
      .execute();
    await recordEvent(trx, orderId, actor, 'placed', { total: quote.total }, now);
    await emitEvent(trx, { type: 'order.placed', accountId, actorId: actor.id, orderId }, now);
    const addressSaved =
      input.saveAddressAs !== undefined &&
      typeof (await saveAddressIn(trx, accountId, {
        label: input.saveAddressAs,
        isDefault: false,
        address: input.address,
      })) === 'object';
    return { orderId, replayed: false, addressSaved };
  });
}
