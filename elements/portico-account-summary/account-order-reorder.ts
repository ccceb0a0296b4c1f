import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { CartStore } from '../shared/cart.ts';
import type { Reordered } from './account-orders.api.ts';
import { isolate, ownDirection } from '../shared/bidi.ts';
import { formatNumber } from '../shared/format.ts';

/** What a reorder put in the cart, and what it could not, with why. */
export interface ReorderReport {
  /** The order that was ordered again. */
  orderId: string;
  added: { name: string; quantity: number; requested: number }[];
  skipped: { name: string; why: string }[];
}

function skippedWhy(reason: string): string {
  switch (reason) {
    case 'OUT_OF_STOCK':
      return msg('Sold out.');
    case 'NOT_ENOUGH_STOCK':
      return msg('Not enough in stock.');
    default:
      return msg('No longer sold.');
  }
}

/**
 * Puts an earlier order's items, as the server priced them today, into the cart; what the cart
 * cannot take joins what the server could not offer.
 */
export function fillCart(store: CartStore, again: Reordered, orderId: string): ReorderReport {
  const report: ReorderReport = { orderId, added: [], skipped: [] };
  for (const item of again.items) {
    const { name, unitPrice, currency, image, kind, stock, quantity } = item;
    const snapshot = { name, unitPrice, currency, image, kind, stock };
    if (store.add(item.productId, quantity, snapshot)) {
      report.added.push({ name, quantity, requested: item.requestedQuantity });
    } else {
      report.skipped.push({ name, why: msg('Your cart is full.') });
    }
  }
  for (const line of again.skipped) {
    report.skipped.push({ name: line.name, why: skippedWhy(line.reason) });
  }
  return report;
}

/** What a reorder added to the cart, what it could not and why, and the way to the shop. */
export function renderReorderReport(report: ReorderReport, shop: string | undefined) {
  return html`
    <div part="reorder-result" class="panel">
      ${
        report.added.length
          ? html`<p>${msg('Added to your cart:')}</p>
              <ul>
                ${report.added.map(
                  ({ name, quantity, requested }) =>
                    html`<li>
                      ${msg(str`${formatNumber(quantity)} × ${isolate(name)}`)}
                      ${
                        quantity < requested
                          ? msg(
                              str`(only ${formatNumber(quantity)} of ${formatNumber(requested)} in stock)`,
                            )
                          : nothing
                      }
                    </li>`,
                )}
              </ul>`
          : html`<p>${msg('Nothing could be added to your cart.')}</p>`
      }
      ${
        report.skipped.length
          ? html`<p>${msg('Not added:')}</p>
              <ul>
                ${report.skipped.map(({ name, why }) => html`<li>${ownDirection(name)}: ${why}</li>`)}
              </ul>`
          : nothing
      }
      ${
        shop && report.added.length
          ? html`<a part="shop" class="button" href=${shop}>${msg('Go to the shop')}</a>`
          : nothing
      }
    </div>
  `;
}
