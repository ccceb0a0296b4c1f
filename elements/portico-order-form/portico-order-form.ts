import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { apiContext, sessionContext } from '../context.ts';
import { BusyNotice } from '../shared/busy.ts';
import { OrderPlacedEvent } from '../events.ts';
import { CartController, CartStore, type CartLine } from '../shared/cart.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
// The address step signs customers in right there; the login is a small element of its own.
import '../portico-login/portico-login.ts';
import { styles } from './portico-order-form.styles.ts';
import {
  apiLocale,
  renderTaskError,
  snapshotOf,
  type Address,
  type CartItem,
  type CatalogItem,
  type Placed,
} from './order-form.api.ts';
import { AddressController } from './order-form.address.ts';
import { CatalogController } from './order-form.catalog.ts';
import { lineName, renderCart } from './order-form.cart.ts';
import { ReviewController, renderDone } from './order-form.review.ts';
import { formatNumber } from '../shared/format.ts';
import { isolate } from '../shared/bidi.ts';
import { firstUpdateInNextTask } from '../shared/first-update.ts';

type Step = 'catalog' | 'address' | 'review' | 'done';

const STEPS: readonly Step[] = ['catalog', 'address', 'review', 'done'];

/** The step's name in the step indicator. */
function stepLabel(step: Step): string {
  switch (step) {
    case 'catalog':
      return msg('Products');
    case 'address':
      return msg('Address');
    case 'review':
      return msg('Review');
    case 'done':
      return msg('Confirmation');
  }
}

/** The step's heading, which takes focus when the step opens. */
function stepTitle(step: Step): string {
  switch (step) {
    case 'catalog':
      return msg('Choose products');
    case 'address':
      return msg('Where should we deliver?');
    case 'review':
      return msg('Review your order');
    case 'done':
      return msg('Thank you for your order');
  }
}

/**
 * Browse and search the vendor's catalog, fill a cart that survives a reload, choose a delivery
 * address, review the order as the server prices it, and place it. Signed-out customers are asked
 * to sign in at the address step and continue there with their cart.
 *
 * @summary Place an order.
 * @event portico-order-placed - The server accepted an order; `event.order` has id, number, total
 *   (minor units) and currency.
 * @csspart steps - The step indicator, an ordered list; the current step has `aria-current`.
 * @csspart step - One step of the indicator.
 * @csspart heading - The current step's heading; it takes focus when the step changes.
 * @csspart loading - A line shown while something loads or prices are checked.
 * @csspart back - The button that goes back a step.
 * @csspart search-form - The catalog's search form.
 * @csspart category - One category filter button (`aria-pressed` when chosen).
 * @csspart product-name - A product's name on its card.
 * @csspart cart-heading - "Your cart (N)".
 * @csspart cart-lines - The list of the cart's lines.
 * @csspart address-step - The address step's form.
 * @csspart lines - The review's list of priced lines.
 * @csspart problems - The review's list of lines the server cannot fulfil.
 * @csspart fix-quantity - "Change to N" on a line with too little stock.
 * @csspart fix-remove - "Remove" on a line the server cannot fulfil.
 * @csspart search - The catalog's search field.
 * @csspart categories - The category filter buttons.
 * @csspart products - The grid of product cards.
 * @csspart product - One product card.
 * @csspart featured - The card of the product named by the `product` attribute.
 * @csspart product-image - A product's picture (or its empty placeholder).
 * @csspart price - A product's unit price.
 * @csspart badge - "Sold out", "Only N left" or "Service" on a card.
 * @csspart add - A card's "Add to cart" button.
 * @csspart more - The "Show more" button under the products.
 * @csspart cart - The cart panel.
 * @csspart cart-line - One line of the cart.
 * @csspart quantity - A cart line's quantity field.
 * @csspart remove - A cart line's remove button.
 * @csspart subtotal - The cart's subtotal at catalog prices.
 * @csspart continue - The button that moves on to the next step.
 * @csspart addresses - The choice among saved addresses.
 * @csspart address-form - The fields of a new address.
 * @csspart field-error - The server's message about one address field.
 * @csspart review - The review step's content.
 * @csspart line - One priced line of the review.
 * @csspart problem - A cart line the server cannot fulfil, with ways to fix it.
 * @csspart totals - Subtotal, tax, shipping and total of the review.
 * @csspart total - The amount to pay.
 * @csspart note - The note for the vendor.
 * @csspart submit - The "Place order" button.
 * @csspart confirmation - The confirmation after the order was placed.
 * @csspart order-number - The new order's number.
 * @csspart view-order - The link to the order, when `order-href` is set.
 * @csspart new-order - The "Start a new order" button.
 * @csspart error - The message shown when something failed, with `role="alert"`.
 * @cssproperty --gap - Space between the blocks of a step. Default: `var(--portico-space, 1rem)`.
 * @cssproperty --card-min-width - The narrowest a product card gets before the grid has fewer
 *   columns. Default: `13rem`.
 * @cssproperty --cart-width - The cart panel's width beside the products on wide containers.
 *   Default: `20rem`.
 * @cssproperty --image-aspect-ratio - The shape of product pictures. Default: `4 / 3`.
 * @cssproperty --highlight - The border of the preselected product's card.
 *   Default: `var(--portico-color-brand, #1d4ed8)`.
 */
@customElement('portico-order-form')
@localized()
@firstUpdateInNextTask
export class PorticoOrderForm extends LitElement {
  static override styles = [hostStyles, formStyles, styles];

  /** The id of the category to show first. */
  @property() category?: string;

  /** The SKU of a product to show first, highlighted, with focus on its "Add to cart". */
  @property() product?: string;

  /** Where "View your order" leads; `{id}` and `{number}` are filled in. */
  @property({ attribute: 'order-href' }) orderHref?: string;

  /** How many products each page of the catalog shows, 1 to 50. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 12;

  /** The API client, from the page or the nearest `<portico-portal>`. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: PorticoApi;

  /** Who is signed in, from the page or the nearest `<portico-portal>`. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session: SessionState = { status: 'unknown' };

  @state() private step: Step = 'catalog';
  /** What the live region last said, such as "Added … to your cart". */
  @state() private announcement = '';
  @state() private placed: Placed | null = null;

  private busyNotice = new BusyNotice(this);
  private cart = new CartController(this, () => this.handleCartChange());

  private catalog = new CatalogController(this, {
    add: (item) => this.handleAdd(item),
    quantityOf: (productId) => this.cart.store?.quantityOf(productId) ?? 0,
  });

  private address = new AddressController(this, {
    needed: () => this.step === 'address' || this.step === 'review',
    submit: (address) => void this.handleAddressSubmit(address),
    back: () => this.go('catalog'),
  });

  private review = new ReviewController(this, {
    placed: (placed) => this.handlePlaced(placed),
    nameOf: (productId) => {
      const line = this.cart.lines.find((candidate) => candidate.productId === productId);
      return line ? lineName(line) : msg('An item');
    },
    setQuantity: (productId, quantity) => this.cart.store?.set(productId, quantity),
    remove: (productId) => this.cart.store?.remove(productId),
    back: () => this.go('address'),
  });

  /** Lines put into the cart by id alone (a reorder, another tab) learn their name and price. */
  private describeTask = new Task(this, {
    args: () => [this.api, this.undescribed()] as const,
    task: async ([api, ids], { signal }) => {
      if (!api || !ids) return;
      const locale = apiLocale();
      const found = await api.trpc.catalog.byIds.query({ ids: ids.split(' '), locale }, { signal });
      for (const item of found) this.cart.store?.describe(item.id, snapshotOf(item));
    },
  });

  /** What takes focus after the next render: a step's heading, or the cart after a removal. */
  private focusTarget: string | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api')) this.cart.use(this.api ? CartStore.for(this.api.url) : undefined);
    if (changed.has('category')) this.catalog.category = this.category ?? '';
    if (changed.has('session')) this.followSession(changed.get('session'));
  }

  protected override updated(): void {
    if (!this.focusTarget) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusTarget);
    this.focusTarget = null;
    target?.focus();
  }

  override render() {
    return html`
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      <ol part="steps" aria-label=${msg('Order steps')}>
        ${STEPS.map(
          (step) =>
            html`<li part="step" aria-current=${step === this.step ? 'step' : nothing}>
              ${stepLabel(step)}
            </li>`,
        )}
      </ol>
      <section class="step" aria-labelledby="step-title">
        <h2 id="step-title" part="heading" tabindex="-1">${stepTitle(this.step)}</h2>
        ${this.renderStep()}
      </section>
    `;
  }

  private renderStep() {
    switch (this.step) {
      case 'catalog':
        return html`
          ${renderTaskError(this.describeTask)}
          <div class="catalog-layout">
            <div class="catalog">${this.catalog.render()}</div>
            ${renderCart({
              lines: this.cart.lines,
              onQuantity: (line, quantity) => this.cart.store?.set(line.productId, quantity),
              onRemove: (line) => this.handleRemove(line),
              onContinue: () => this.go('address'),
            })}
          </div>
        `;
      case 'address':
        return this.renderAddress();
      case 'review':
        return this.review.render(this.session.status === 'signed-in', () => this.handlePlace());
      case 'done':
        return this.placed
          ? renderDone(this.placed, this.orderHref, () => this.handleNewOrder())
          : nothing;
    }
  }

  private renderAddress() {
    switch (this.session.status) {
      case 'unknown':
        return html`<p part="loading" role="status">${msg('Loading…')}</p>`;
      case 'signed-out':
        return html`
          <p class="sign-in-hint">
            ${msg('Sign in to choose where your order goes. Your cart stays as it is.')}
          </p>
          <portico-login></portico-login>
          <div class="actions">
            <button type="button" part="back" class="secondary" @click=${() => this.go('catalog')}>
              ${msg('Back to cart')}
            </button>
          </div>
        `;
      case 'signed-in': {
        const quote = this.review.quoteTask;
        return this.address.render(
          this.review.fieldErrors(),
          quote.status === TaskStatus.PENDING,
          renderTaskError(quote),
        );
      }
    }
  }

  private go(step: Step) {
    this.step = step;
    this.focusTarget = '#step-title';
  }

  /** The cart as the server takes it: products and quantities, never a price. */
  private items(): CartItem[] {
    return this.cart.lines.map(({ productId, quantity }) => ({ productId, quantity }));
  }

  /** Ids of the cart's lines that came without a snapshot, space-separated. */
  private undescribed(): string {
    return this.cart.lines
      .filter((line) => !line.snapshot)
      .map((line) => line.productId)
      .join(' ');
  }

  /** Sign-out sends a reviewing customer back to sign in; sign-in continues at the address. */
  private followSession(previous: SessionState | undefined) {
    const now = this.session.status;
    if (now === 'signed-out' && this.step === 'review') this.step = 'address';
    const signedInHere =
      now === 'signed-in' &&
      previous?.status === 'signed-out' &&
      this.step === 'address' &&
      (this.shadowRoot?.activeElement || document.activeElement === document.body);
    if (signedInHere) this.focusTarget = '#step-title';
  }

  private handleAdd(item: CatalogItem) {
    const store = this.cart.store;
    if (!store) return;
    const { name } = item;
    this.announcement = store.add(item.id, 1, snapshotOf(item))
      ? msg(str`Added ${name} to your cart. Items in cart: ${formatNumber(store.count)}.`)
      : msg(str`${name} could not be added: your cart is full.`);
  }

  private handleRemove(line: CartLine) {
    const store = this.cart.store;
    if (!store?.remove(line.productId)) return;
    this.announcement = msg(
      str`Removed ${lineName(line)} from your cart. Items in cart: ${formatNumber(store.count)}.`,
    );
    this.focusTarget = '#cart-title';
  }

  /** The cart changed, here or in another tab: what is under review is priced again. */
  private handleCartChange() {
    if (this.step !== 'address' && this.step !== 'review') return;
    if (this.cart.lines.length === 0) {
      this.go('catalog');
      return;
    }
    if (this.step === 'review' && this.api) void this.review.requote(this.api, this.items());
  }

  private async handleAddressSubmit(address: Address) {
    if (!this.api) return;
    const priced = await this.review.requote(this.api, this.items(), address);
    if (this.step !== 'address') return;
    if (priced) this.go('review');
    else if (Object.keys(this.review.fieldErrors()).length) this.address.focusFirstInvalid();
  }

  private handlePlace() {
    if (this.api) this.review.place(this.api, this.items(), this.address.saveAs());
  }

  private handlePlaced(placed: Placed) {
    const { order } = placed;
    this.placed = placed;
    this.go('done');
    // The heading that takes focus thanks; the live region says what happened, with the number.
    this.announcement = msg(str`Your order ${isolate(order.number)} is placed.`);
    this.cart.store?.clear();
    this.dispatchEvent(
      new OrderPlacedEvent({
        id: order.id,
        number: order.number,
        total: order.total,
        currency: order.currency,
      }),
    );
  }

  private handleNewOrder() {
    this.placed = null;
    this.review.reset();
    this.address.reset();
    this.go('catalog');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-order-form': PorticoOrderForm;
  }
}
