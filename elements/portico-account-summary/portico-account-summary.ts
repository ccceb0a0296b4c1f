import { LitElement, html, nothing, type ReactiveElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import { mustSetUpSecondFactor, type SessionState } from '../api/session.ts';
import { secondFactorRequiredSentence } from '../api/errors.ts';
import { apiContext, sessionContext } from '../context.ts';
import { isolate } from '../shared/bidi.ts';
import { BusyNotice } from '../shared/busy.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
// The views other than the overview are elements of their own; importing them defines them.
import './account-orders.ts';
import './account-billing.ts';
import './account-profile.ts';
import { parseRoute, routeHref, type AccountRoute, type AccountView } from './account.routes.ts';
import { OverviewController } from './account-overview.ts';
import { BILLING_PARTS, ORDERS_PARTS, PROFILE_PARTS } from './portico-account-summary.parts.ts';
import { styles } from './portico-account-summary.styles.ts';
import { firstUpdateInNextTask } from '../shared/first-update.ts';

/** The views the navigation leads to; an order's detail is reached from the orders. */
const NAV_VIEWS = ['overview', 'orders', 'billing', 'profile'] as const satisfies AccountView[];

function navLabel(view: (typeof NAV_VIEWS)[number]): string {
  switch (view) {
    case 'overview':
      return msg('Overview');
    case 'orders':
      return msg('Orders');
    case 'billing':
      return msg('Billing');
    case 'profile':
      return msg('Profile');
  }
}

/**
 * The customer's account: an overview of what they owe and what they ordered, the full order
 * history and each order's detail, invoices, payments and statements, and their profile. Each
 * view has a URL fragment (`#orders`, `#order=AB12-CD34`, `#billing`, `#profile`), so links,
 * bookmarks and the back button work; the overview reads again when the page is shown again.
 *
 * @summary The customer's account: balance, invoices, orders and profile.
 * @csspart section-heading - The heading of each block of the overview (balance, invoices,
 *   payments, orders).
 * @csspart nav - The navigation between the views; the current link has `aria-current="page"`.
 * @csspart nav-link - A link in the navigation (also `nav-link-current` on the current one).
 * @csspart nav-link-current - The navigation link of the view on screen.
 * @csspart view - The view on screen.
 * @csspart greeting - The overview's heading with the person's name.
 * @csspart heading - A view's heading; it takes focus when the customer moves to the view.
 * @csspart account - The name of the customer account.
 * @csspart second-factor-gate - What shows instead of the account while the person must set up
 *   security codes first (also `view`): a heading, why, and the profile's security sections.
 * @csspart second-factor-required - "Your company asks everyone to use security codes. …"
 * @csspart no-account - The hint shown to staff and others signed in without a customer account.
 * @csspart summary - The polite status line that says what is loading or that all is up to date.
 * @csspart status - An order's status badge (also `status-<status>`).
 * @csspart refresh - The overview's "Refresh" button.
 * @csspart skeleton - The grey placeholder while the overview loads the first time.
 * @csspart balance - The balance card.
 * @csspart balance-amount - "You owe …", "Nothing to pay" or "Credit of …".
 * @csspart overdue - The overdue amount, with its word and mark.
 * @csspart billing-link - The link to the billing view.
 * @csspart open-invoices - The overview's open invoices card.
 * @csspart invoices - A list of invoices.
 * @csspart invoice - One invoice: number, status, due date, amount due and its PDF.
 * @csspart invoice-status - An invoice's status badge (also `invoice-status-<status>`).
 * @csspart invoice-status-open - The badge of an open invoice.
 * @csspart invoice-status-overdue - The badge of an overdue invoice.
 * @csspart invoice-status-paid - The badge of a paid invoice.
 * @csspart invoice-status-void - The badge of a void invoice.
 * @csspart amount-due - What is still to pay on an invoice.
 * @csspart all-invoices - The link to billing when there are more open invoices than shown.
 * @csspart download - A "Download PDF" button; `aria-busy` while the file is on its way.
 * @csspart download-error - Why a download failed (also `error`).
 * @csspart recent-payments - The overview's payments card.
 * @csspart payments - A list of payments.
 * @csspart payment - One payment: amount, date, method and the invoices it paid.
 * @csspart recent-orders - The overview's recent orders card.
 * @csspart orders - The overview's list of recent orders.
 * @csspart order - One order, in the overview or the history.
 * @csspart order-link - The link to an order's detail.
 * @csspart order-total - An order's total.
 * @csspart status-placed - The badge of a placed order.
 * @csspart status-confirmed - The badge of a confirmed order.
 * @csspart status-shipped - The badge of a shipped order.
 * @csspart status-delivered - The badge of a delivered order.
 * @csspart status-cancelled - The badge of a cancelled order.
 * @csspart steps - A recent order's small timeline; the step it is at has `aria-current`.
 * @csspart step - One step of it (also `step-done` once reached).
 * @csspart step-done - A step the order has reached.
 * @csspart all-orders - The link to the full order history.
 * @csspart invoices-section - Billing: the invoices with their filter.
 * @csspart status-filter - The select that filters by status (invoices, or orders).
 * @csspart invoice-order - Billing: the link to the order an invoice bills.
 * @csspart payments-section - Billing: the payments.
 * @csspart more - A "Show more" button (also `more-invoices` or `more-payments` in billing).
 * @csspart more-invoices - Billing: "Show more" under the invoices.
 * @csspart more-payments - Billing: "Show more" under the payments.
 * @csspart statement - Billing: the statement form.
 * @csspart statement-from - The statement's first day.
 * @csspart statement-to - The statement's last day.
 * @csspart statement-download - The button that downloads the statement as CSV.
 * @csspart error - The message shown when something failed, with `role="alert"`.
 * @csspart retry - The "Try again" button beside a failed read.
 * @csspart signed-out - The hint shown to someone not signed in.
 * @cssproperty --gap - Space between the blocks of a view. Default: `var(--portico-space, 1rem)`.
 * @cssproperty --card-min-width - The narrowest an overview card gets before the overview has
 *   fewer columns. Default: `18rem`.
 *
 * The orders, billing and profile views export their parts under their own names too: see
 * `<portico-account-orders>`, `<portico-account-billing>` and `<portico-account-profile>`
 * (the profile's `account`, one account the person belongs to, is `profile-account` here).
 */
@customElement('portico-account-summary')
@localized()
@firstUpdateInNextTask
export class PorticoAccountSummary extends LitElement {
  static override styles = [hostStyles, formStyles, styles];

  /** Where "Go to the shop" leads after "Order again" put items into the cart. */
  @property({ attribute: 'shop-href' }) shopHref?: string;

  /** Where "Open a ticket about this order" leads; `{number}` is filled in. */
  @property({ attribute: 'ticket-href' }) ticketHref?: string;

  /** The API client, from the page or the nearest `<portico-portal>`. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: PorticoApi;

  /** Who is signed in, from the page or the nearest `<portico-portal>`. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session: SessionState = { status: 'unknown' };

  /** The view the page's URL fragment names. */
  @state() private route: AccountRoute = parseRoute(location.hash);

  private busyNotice = new BusyNotice(this);
  private overview = new OverviewController(this);

  /** Set when the customer moved to another view, so its heading takes focus once shown. */
  private focusHeading = false;

  /** Whether the overview is on screen; it reads the account only then. */
  get overviewShown(): boolean {
    return (
      this.route.view === 'overview' &&
      this.session.status === 'signed-in' &&
      !mustSetUpSecondFactor(this.session)
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.route = parseRoute(location.hash);
    window.addEventListener('hashchange', this.handleHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
  }

  protected override updated(): void {
    if (!this.focusHeading) return;
    this.focusHeading = false;
    void this.focusViewHeading();
  }

  override render() {
    switch (this.session.status) {
      case 'unknown':
        return html`<p part="signed-out" role="status">${msg('Loading your account…')}</p>`;
      case 'signed-out':
        return html`<p part="signed-out">${msg('Sign in to see your account.')}</p>`;
      case 'signed-in': {
        if (mustSetUpSecondFactor(this.session)) return this.renderSecondFactorGate();
        const { user, account } = this.session.me;
        if (!account) {
          return html`
            <h2 part="greeting">${msg(str`Hello, ${user.name}`)}</h2>
            <p part="no-account">${msg('This sign-in has no customer account to show.')}</p>
          `;
        }
        return html`
          ${this.renderNav()}
          <div part="view" class="view">${this.renderView(user.name, account.name)}</div>
        `;
      }
    }
  }

  /** All the account waits behind: the server refuses it until security codes are set up. */
  private renderSecondFactorGate() {
    return html`
      <section part="view second-factor-gate" class="view" aria-labelledby="view-title">
        <h2 id="view-title" part="heading" tabindex="-1">${msg('Set up security codes')}</h2>
        <p part="second-factor-required">${secondFactorRequiredSentence()}</p>
        <portico-account-profile exportparts=${PROFILE_PARTS}></portico-account-profile>
      </section>
    `;
  }

  private renderNav() {
    const { view } = this.route;
    return html`
      <nav part="nav" aria-label=${msg('Your account')}>
        <ul>
          ${NAV_VIEWS.map((target) => {
            const current = target === view;
            // An order's detail lies within the orders: their link is current in a wider sense.
            const within = target === 'orders' && view === 'order';
            return html`<li>
              <a
                part=${current ? 'nav-link nav-link-current' : 'nav-link'}
                href=${routeHref({ view: target } as AccountRoute)}
                aria-current=${current ? 'page' : within ? 'true' : nothing}
                >${navLabel(target)}</a
              >
            </li>`;
          })}
        </ul>
      </nav>
    `;
  }

  private renderView(name: string, accountName: string) {
    const route = this.route;
    switch (route.view) {
      case 'overview':
        return html`
          <section class="overview-view" aria-labelledby="view-title">
            <div class="greeting">
              <h2 id="view-title" part="greeting heading" tabindex="-1">
                ${msg(str`Hello, ${isolate(name)}`)}
              </h2>
              <p part="account">${msg(str`Account: ${isolate(accountName)}`)}</p>
            </div>
            ${this.overview.render()}
          </section>
        `;
      case 'orders':
      case 'order':
        // One template for both, so moving between history and detail keeps the element.
        return html`<portico-account-orders
          data-view
          .number=${route.view === 'order' ? route.number : null}
          shop-href=${ifDefined(this.shopHref)}
          ticket-href=${ifDefined(this.ticketHref)}
          exportparts=${ORDERS_PARTS}
        ></portico-account-orders>`;
      case 'billing':
        return html`<portico-account-billing
          data-view
          exportparts=${BILLING_PARTS}
        ></portico-account-billing>`;
      case 'profile':
        // The profile's sections are h3s under this heading.
        return html`
          <section class="profile-view" aria-labelledby="view-title">
            <h2 id="view-title" part="heading" tabindex="-1">${msg('Your profile')}</h2>
            <portico-account-profile exportparts=${PROFILE_PARTS}></portico-account-profile>
          </section>
        `;
    }
  }

  /** Moves focus to the heading of the view on screen, which may be inside a view element. */
  private async focusViewHeading() {
    const own = this.renderRoot.querySelector<HTMLElement>('#view-title');
    if (own) {
      own.focus();
      return;
    }
    const view = this.renderRoot.querySelector<ReactiveElement>('[data-view]');
    if (!view) return;
    await view.updateComplete;
    const heading = view.shadowRoot?.querySelector<HTMLElement>('h2');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus();
  }

  private handleHashChange = () => {
    const route = parseRoute(location.hash);
    if (routeHref(route) === routeHref(this.route)) return;
    this.route = route;
    this.focusHeading = true;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-account-summary': PorticoAccountSummary;
  }
}
