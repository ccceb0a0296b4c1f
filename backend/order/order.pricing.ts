import type { Address } from '../address/address.schema.ts';
import type { Product } from '../db/schema.ts';
import { LineProblem, type LineProblemKey } from './order.errors.ts';

/** The product facts pricing needs, read inside the same transaction that places the order. */
export type PricedProduct = Pick<
  Product,
  'id' | 'sku' | 'kind' | 'unitPrice' | 'currency' | 'taxRate' | 'stock' | 'image'
> & { name: string; active: boolean };

export interface QuoteLine {
  productId: string;
  sku: string;
  name: string;
  kind: 'product' | 'service';
  image: string | null;
  quantity: number;
  unitPrice: number;
  taxRate: number;
  subtotal: number;
  tax: number;
  total: number;
}

export interface QuoteProblem {
  productId: string;
  sku: string | null;
  name: string | null;
  reason: LineProblemKey;
  message: string;
  /** Units still available, when some are. */
  available: number | null;
}

export interface Quote {
  currency: string;
  lines: QuoteLine[];
  problems: QuoteProblem[];
  subtotal: number;
  tax: number;
  shipping: number;
  total: number;
}

/**
 * Shipping, gross, in minor units: goods ship at a flat rate inside the EU and a higher one
 * elsewhere, free above a threshold; services never ship.
 */
export const SHIPPING = {
  domestic: 690,
  international: 2490,
  freeFrom: 15000,
  zone: new Set(
    'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
  ),
} as const;

export function shippingFor(lines: QuoteLine[], address: Pick<Address, 'country'>): number {
  const goods = lines.filter((line) => line.kind === 'product');
  if (goods.length === 0) return 0;
  const goodsTotal = goods.reduce((sum, line) => sum + line.total, 0);
  if (goodsTotal >= SHIPPING.freeFrom) return 0;
  return shippingRate(address.country);
}

export function shippingRate(country: string): number {
  return SHIPPING.zone.has(country) ? SHIPPING.domestic : SHIPPING.international;
}

/** Tax per line, rounded half away from zero to the minor unit. */
function taxOf(amount: number, basisPoints: number): number {
  return Math.round((amount * basisPoints) / 10000);
}

/** Prices a cart from the catalog's facts; lines that cannot be fulfilled become problems. */
export function priceCart(
  products: Map<string, PricedProduct>,
  items: { productId: string; quantity: number }[],
  address: Pick<Address, 'country'>,
  currency: string,
): Quote {
  const lines: QuoteLine[] = [];
  const problems: QuoteProblem[] = [];
  for (const item of items) {
    const product = products.get(item.productId);
    const problem = (reason: LineProblemKey, available: number | null = null) =>
      problems.push({
        productId: item.productId,
        sku: product?.sku ?? null,
        name: product?.name ?? null,
        reason,
        message: LineProblem[reason],
        available,
      });
    if (!product || !product.active || product.currency !== currency) {
      problem('UNAVAILABLE');
      continue;
    }
    if (product.stock !== null && product.stock < item.quantity) {
      if (product.stock === 0) problem('OUT_OF_STOCK', 0);
      else problem('NOT_ENOUGH_STOCK', product.stock);
      continue;
    }
    const subtotal = product.unitPrice * item.quantity;
    const tax = taxOf(subtotal, product.taxRate);
    lines.push({
      productId: product.id,
      sku: product.sku,
      name: product.name,
      kind: product.kind,
      image: product.image,
      quantity: item.quantity,
      unitPrice: product.unitPrice,
      taxRate: product.taxRate,
      subtotal,
      tax,
      total: subtotal + tax,
    });
  }
  const subtotal = lines.reduce((sum, line) => sum + line.subtotal, 0);
  const tax = lines.reduce((sum, line) => sum + line.tax, 0);
  const shipping = shippingFor(lines, address);
  return { currency, lines, problems, subtotal, tax, shipping, total: subtotal + tax + shipping };
}

/**
 * An earlier order's lines as a new cart at today's prices: what is no longer sold or sold out is
 * listed apart, and quantities are cut to what is in stock.
 */
export function cartAgain(
  products: Map<string, PricedProduct>,
  lines: { productId: string | null; sku: string; name: string; quantity: number }[],
  currency: string,
) {
  const items = [];
  const skipped: { sku: string; name: string; reason: LineProblemKey; message: string }[] = [];
  for (const line of lines) {
    const product = line.productId ? products.get(line.productId) : undefined;
    const skip = (reason: LineProblemKey) =>
      skipped.push({
        sku: line.sku,
        name: product?.name ?? line.name,
        reason,
        message: LineProblem[reason],
      });
    if (!product?.active || product.currency !== currency) {
      skip('UNAVAILABLE');
      continue;
    }
    if (product.stock === 0) {
      skip('OUT_OF_STOCK');
      continue;
    }
    const { active: _active, ...item } = product;
    const quantity =
      product.stock === null ? line.quantity : Math.min(line.quantity, product.stock);
    items.push({ ...item, productId: product.id, quantity, requestedQuantity: line.quantity });
  }
  return { items, skipped };
}
