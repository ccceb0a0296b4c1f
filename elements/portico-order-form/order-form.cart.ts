import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { isolate, ownDirection } from '../shared/bidi.ts';
import { formatMoney, formatNumber } from '../shared/format.ts';
import { MAX_QUANTITY, type CartLine } from '../shared/cart.ts';

export interface CartView {
  lines: readonly CartLine[];
  onQuantity(line: CartLine, quantity: number): void;
  onRemove(line: CartLine): void;
  onContinue(): void;
}

/** A line's name as the catalog showed it; a line added elsewhere may come without one. */
export function lineName(line: CartLine): string {
  return line.snapshot?.name ?? msg('An item');
}

/** The catalog prices of the cart, per currency: a guide only, the quote decides. */
function subtotalText(lines: readonly CartLine[]): string {
  const sums = new Map<string, number>();
  for (const { snapshot, quantity } of lines) {
    if (snapshot)
      sums.set(
        snapshot.currency,
        (sums.get(snapshot.currency) ?? 0) + snapshot.unitPrice * quantity,
      );
  }
  return [...sums].map(([currency, sum]) => formatMoney(sum, currency)).join(' + ');
}

/** The cart panel of the catalog step: lines with quantities, a subtotal, and "Continue". */
export function renderCart(view: CartView) {
  const { lines } = view;
  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  return html`
    <section part="cart" aria-labelledby="cart-title">
      <h3 id="cart-title" part="cart-heading" tabindex="-1">
        ${msg(str`Your cart (${formatNumber(count)})`)}
      </h3>
      ${
        lines.length === 0
          ? html`<p class="empty">${msg('Your cart is empty. Add products to start an order.')}</p>`
          : html`
              <ul part="cart-lines" class="cart-lines">
                ${lines.map((line) => renderLine(line, view))}
              </ul>
              <p part="subtotal">
                <span>${msg('Subtotal')}</span>
                <strong>${subtotalText(lines)}</strong>
              </p>
              <p class="hint">
                ${msg('Before tax and shipping. You see the final price on review.')}
              </p>
              <button part="continue" type="button" class="primary" @click=${view.onContinue}>
                ${msg('Continue')}
              </button>
            `
      }
    </section>
  `;
}

function renderLine(line: CartLine, view: CartView) {
  const name = lineName(line);
  const { snapshot } = line;
  const max = snapshot?.stock ? Math.min(snapshot.stock, MAX_QUANTITY) : MAX_QUANTITY;
  return html`
    <li part="cart-line">
      <span class="name">${ownDirection(name)}</span>
      ${
        snapshot
          ? html`<span class="each">${formatMoney(snapshot.unitPrice, snapshot.currency)}</span>`
          : nothing
      }
      <label class="quantity">
        <span>${msg('Quantity')}</span>
        <input
          part="quantity"
          type="number"
          name="quantity"
          min="1"
          max=${max}
          step="1"
          inputmode="numeric"
          autocomplete="off"
          aria-label=${msg(str`Quantity of ${isolate(name)}`)}
          .value=${String(line.quantity)}
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            const quantity = Number.parseInt(input.value, 10);
            if (Number.isFinite(quantity) && quantity >= 1) view.onQuantity(line, quantity);
            // Whatever the store kept (a valid number, clamped) is what the field shows.
            input.value = String(line.quantity);
          }}
        />
      </label>
      <button part="remove" type="button" class="link" @click=${() => view.onRemove(line)}>
        ${msg(html`Remove<span class="visually-hidden">: ${name}</span>`)}
      </button>
    </li>
  `;
}
