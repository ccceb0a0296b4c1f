import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { apiContext, sessionContext } from '../context.ts';
import { addressFieldStyles } from '../shared/address-fields.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { HistoryController } from './account-order-history.ts';
import { DetailController } from './account-order-detail.ts';
import type { ViewEffects } from './account-orders.api.ts';
import { styles } from './account-orders.styles.ts';
import { statusBadgeStyles } from '../shared/status.styles.ts';

/**
 * The customer's orders inside `<portico-account-summary>`: the whole history with search,
 * filters and pages, or one order's detail with its timeline, where the address can still be
 * changed or the order cancelled before it ships, the same items ordered again, and a ticket
 * opened about it. Links between the two are URL fragments (see `account.routes.ts`); the host
 * follows them and sets `number`.
 *
 * @summary Order history and order detail.
 * @csspart history - The order history: heading, filters, summary and list.
 * @csspart filters - The search and filter form above the list.
 * @csspart search - The search field (order number or product).
 * @csspart status-filter - The status select.
 * @csspart from - The "placed from" date field.
 * @csspart to - The "placed until" date field.
 * @csspart summary - The polite live line that says what is loading or how many orders are shown.
 * @csspart list - The list of orders, newest first.
 * @csspart order - One order in the list.
 * @csspart order-link - The link to an order's detail, its number as text.
 * @csspart order-total - An order's total in the list.
 * @csspart status - An order's status badge (also `status-<status>`).
 * @csspart status-placed - The badge of a placed order.
 * @csspart status-confirmed - The badge of a confirmed order.
 * @csspart status-shipped - The badge of a shipped order.
 * @csspart status-delivered - The badge of a delivered order.
 * @csspart status-cancelled - The badge of a cancelled order.
 * @csspart more - The "Show more" button under the list.
 * @csspart clear-filters - The button that clears the filters when nothing matches them.
 * @csspart shop - The link to the shop (`shop-href`): under an empty history or a reorder.
 * @csspart detail - One order's detail.
 * @csspart back - The "Back to all orders" link.
 * @csspart heading - The view's heading: "Your orders", or the order number, which takes focus
 *   when the detail opens.
 * @csspart lines - The ordered items.
 * @csspart line - One ordered item: name, quantity × unit price, line total.
 * @csspart totals - Subtotal, tax, shipping and total.
 * @csspart total - The order's total.
 * @csspart address - The delivery address.
 * @csspart tracking - The parcel's tracking number, once there is one.
 * @csspart promised - "Delivery promised by …" while a promised order is on its way.
 * @csspart note - The customer's note on the order.
 * @csspart actions - What the customer may do with the order.
 * @csspart change-address - The button that opens the change-address form.
 * @csspart address-form - The change-address form.
 * @csspart saved-addresses - The choice among the account's saved addresses.
 * @csspart field-error - The server's message about one address field.
 * @csspart save-address - The change-address form's submit button.
 * @csspart cancel - The button that asks to cancel the order.
 * @csspart cancel-confirm - The confirmation step before cancelling.
 * @csspart cancel-reason - The optional reason for cancelling.
 * @csspart confirm-cancel - The button that cancels the order.
 * @csspart reorder - The "Order again" button.
 * @csspart reorder-result - What "Order again" put in the cart, and what it could not.
 * @csspart ticket - The link to open a ticket about the order (`ticket-href`).
 * @csspart timeline - The order's events, oldest first.
 * @csspart event - One event of the timeline.
 * @csspart error - The message shown when something failed, with `role="alert"`.
 * @csspart retry - The "Try again" button beside a failed read.
 * @csspart signed-out - The hint shown to someone not signed in.
 * @cssproperty --gap - Space between the blocks. Default: `var(--portico-space, 1rem)`.
 * @cssproperty --status-color - The colour of a status badge's border and dot; set per status
 *   with `::part(status-shipped)` and the like. Default: by status, from the global tokens.
 */
@customElement('portico-account-orders')
@localized()
export class PorticoAccountOrders extends LitElement {
  static override styles = [hostStyles, formStyles, addressFieldStyles, statusBadgeStyles, styles];

  /** The number of the order to show; without one the history shows. */
  @property() number: string | null = null;

  /** Where "Go to the shop" leads, after a reorder or under an empty history. */
  @property({ attribute: 'shop-href' }) shopHref?: string;

  /** Where "Open a ticket about this order" leads; `{number}` is filled in. */
  @property({ attribute: 'ticket-href' }) ticketHref?: string;

  /** How many orders each page of the history shows, 1 to 50. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /** The API client, from the page or the nearest `<portico-portal>`. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: PorticoApi;

  /** Who is signed in, from the page or the nearest `<portico-portal>`. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session: SessionState = { status: 'unknown' };

  /** What the live region last said, such as "Address changed". */
  @state() private announcement = '';

  private effects: ViewEffects = {
    focusSoon: (selector) => {
      this.focusTarget = selector;
      this.requestUpdate();
    },
    announce: (text) => (this.announcement = text),
  };

  private history = new HistoryController(this, this.effects);
  private detail = new DetailController(this, this.effects);

  /** What takes focus once it is on screen: a heading, a form's field, the next page's order. */
  private focusTarget: string | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('number')) {
      const before = changed.get('number');
      this.announcement = '';
      // The detail's heading takes focus when the customer moved to it, never when the page
      // just opened on an order's link (focus is still on the page itself then).
      const moved = this.hasUpdated || (document.activeElement ?? document.body) !== document.body;
      if (this.number && moved) this.focusTarget = '#detail-title';
      else if (before) this.focusTarget = '#orders-title';
    }
  }

  protected override updated(): void {
    if (!this.focusTarget) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusTarget);
    if (!target) return;
    this.focusTarget = null;
    target.focus();
  }

  override render() {
    switch (this.session.status) {
      case 'unknown':
        return html`<p part="signed-out" role="status">${msg('Loading your orders…')}</p>`;
      case 'signed-out':
        return html`<p part="signed-out">${msg('Sign in to see your orders.')}</p>`;
      case 'signed-in':
        return html`
          <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
          ${this.number ? this.detail.render() : this.history.render()}
        `;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-account-orders': PorticoAccountOrders;
  }
}
