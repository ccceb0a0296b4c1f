import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { DownloadController, invoicePdf } from '../shared/download.ts';
import { isolate } from '../shared/bidi.ts';
import { formatDate, formatMoney, formatNumber } from '../shared/format.ts';
import { routeHref } from './account.routes.ts';
import {
  accountOf,
  renderInvoiceStatus,
  renderPayment,
  renderTaskError,
  type RecentOrder,
  type Summary,
} from './account-billing.api.ts';
import { orderStatusLabel, renderSteps } from './account-overview.orders.ts';

export interface OverviewHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly session: SessionState;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Whether the overview is the view on screen; it reads nothing while another one is. */
  readonly overviewShown: boolean;
}

/**
 * The overview's data: one `account.summary` read, again whenever the account changes, the
 * overview opens, the page comes back into view (a payment staff posted meanwhile shows) or the
 * customer asks. What was read stays on screen while a newer read is on its way.
 */
export class OverviewController implements ReactiveController {
  readonly task: Task<readonly [PorticoApi | undefined, string | null, boolean], Summary>;
  readonly downloads: DownloadController;

  readonly #host: OverviewHost;
  /** The last summary read, and the account it belongs to. */
  #summary: Summary | null = null;
  #account: string | null = null;
  /** Whether the customer pressed Refresh, so its end is announced. */
  #refreshing = false;
  #announcement = '';

  constructor(host: OverviewHost) {
    this.#host = host;
    host.addController(this);
    this.downloads = new DownloadController(host);
    this.task = new Task(host, {
      args: () => [host.api, accountOf(host.session), host.overviewShown] as const,
      task: async ([api, account, shown], { signal }) => {
        if (account !== this.#account) {
          this.#account = account;
          this.#summary = null;
        }
        if (!api || !account || !shown) return initialState;
        this.#announcement = '';
        const summary = await api.trpc.account.summary.query(undefined, { signal });
        this.#summary = summary;
        if (this.#refreshing) this.#announcement = msg('Your account is up to date.');
        this.#refreshing = false;
        return summary;
      },
      onError: () => (this.#refreshing = false),
    });
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
  }

  /** Reads the summary again, keeping the current one on screen meanwhile. */
  refresh(announce = false): void {
    if (!this.#host.overviewShown || !this.#account) return;
    this.#refreshing = announce;
    void this.task.run();
  }

  render() {
    const summary = this.#summary;
    const pending = this.task.status === TaskStatus.PENDING;
    const status = pending
      ? summary
        ? msg('Updating your account…')
        : msg('Loading your account…')
      : this.#announcement;
    return html`
      <div class="overview-bar">
        <p part="summary" role="status" aria-live="polite">${status}</p>
        <button
          part="refresh"
          type="button"
          class="secondary"
          aria-disabled=${pending ? 'true' : 'false'}
          @click=${() => !pending && this.refresh(true)}
        >
          ${msg('Refresh')}
        </button>
      </div>
      ${renderTaskError(this.task, () => this.refresh(true))}
      ${
        summary ? this.#renderSummary(summary, pending) : pending ? this.#renderSkeleton() : nothing
      }
    `;
  }

  #renderSkeleton() {
    return html`
      <div part="skeleton" class="skeleton" aria-hidden="true">
        <div class="bone large"></div>
        <div class="bone"></div>
        <div class="bone"></div>
        <div class="bone"></div>
      </div>
    `;
  }

  #renderSummary(summary: Summary, pending: boolean) {
    return html`
      <div class="overview" aria-busy=${pending ? 'true' : 'false'}>
        ${this.#renderBalance(summary)} ${this.#renderInvoices(summary)}
        ${this.#renderPayments(summary)} ${this.#renderOrders(summary.orders)}
      </div>
    `;
  }

  #renderBalance({ balance, overdue, currency }: Summary) {
    const money = (minor: number) => formatMoney(minor, currency);
    return html`
      <section part="balance" class="card" aria-labelledby="balance-title">
        <h3 id="balance-title" part="section-heading">${msg('Balance')}</h3>
        <p part="balance-amount">
          ${
            balance > 0
              ? msg(str`You owe ${money(balance)}`)
              : balance < 0
                ? msg(str`Credit of ${money(-balance)}`)
                : msg('Nothing to pay')
          }
        </p>
        ${
          overdue > 0
            ? html`<p part="overdue" class="overdue">
                <span class="mark" aria-hidden="true">!</span>
                <span>${msg(html`<strong>Overdue:</strong> ${money(overdue)}`)}</span>
              </p>`
            : nothing
        }
        <a part="billing-link" class="link" href=${routeHref({ view: 'billing' })}>
          ${msg('Invoices, payments and statements')}
        </a>
      </section>
    `;
  }

  #renderInvoices({ openInvoices }: Summary) {
    const api = this.#host.api;
    const { items, total } = openInvoices;
    return html`
      <section part="open-invoices" class="card" aria-labelledby="open-invoices-title">
        <h3 id="open-invoices-title" part="section-heading">${msg('Open invoices')}</h3>
        ${
          items.length
            ? html`<ul part="invoices" class="rows">
                ${items.map(
                  (invoice) => html`
                    <li part="invoice" class="row">
                      <span class="name">${msg(str`Invoice ${isolate(invoice.number)}`)}</span>
                      ${renderInvoiceStatus(invoice.status)}
                      <span class="meta">
                        ${msg(html`Due <time datetime=${invoice.dueOn}>${formatDate(invoice.dueOn)}</time>`)}
                      </span>
                      <span part="amount-due" class="amount">
                        ${msg(str`${formatMoney(invoice.amountDue, invoice.currency)} due`)}
                      </span>
                      <span class="download">
                        ${
                          api
                            ? this.downloads.render(api, invoicePdf(api, invoice), {
                                label: msg(
                                  html`Download PDF<span class="visually-hidden"
                                      >: invoice ${invoice.number}</span
                                    >`,
                                ),
                              })
                            : nothing
                        }
                      </span>
                    </li>
                  `,
                )}
              </ul>`
            : html`<p class="empty">${msg('No open invoices. Thank you!')}</p>`
        }
        ${
          total > items.length
            ? html`<p>
                <a part="all-invoices" class="link" href=${routeHref({ view: 'billing' })}>
                  ${msg(str`All ${formatNumber(total)} open invoices`)}
                </a>
              </p>`
            : nothing
        }
      </section>
    `;
  }

  #renderPayments({ payments }: Summary) {
    return html`
      <section part="recent-payments" class="card" aria-labelledby="payments-title">
        <h3 id="payments-title" part="section-heading">${msg('Payments received')}</h3>
        ${
          payments.length
            ? html`<ul part="payments" class="rows">
                ${payments.map((payment) => renderPayment(payment))}
              </ul>`
            : html`<p class="empty">${msg('No payments received yet.')}</p>`
        }
      </section>
    `;
  }

  #renderOrders(orders: RecentOrder[]) {
    return html`
      <section part="recent-orders" class="card wide" aria-labelledby="orders-title">
        <h3 id="orders-title" part="section-heading">${msg('Recent orders')}</h3>
        ${
          orders.length
            ? html`<ul part="orders" class="rows">
                ${orders.map((order) => this.#renderOrder(order))}
              </ul>`
            : html`<p class="empty">${msg('You have not ordered anything yet.')}</p>`
        }
        <a part="all-orders" class="link" href=${routeHref({ view: 'orders' })}>
          ${msg('All your orders')}
        </a>
      </section>
    `;
  }

  #renderOrder(order: RecentOrder) {
    const { number, status } = order;
    return html`
      <li part="order" class="row">
        <a part="order-link" class="name" href=${routeHref({ view: 'order', number })}>
          ${msg(str`Order ${isolate(number)}`)}
        </a>
        <span part="status status-${status}" class="status" data-status=${status}>
          ${orderStatusLabel(status)}
        </span>
        <span class="meta">
          ${msg(html`Placed <time datetime=${order.createdAt}>${formatDate(order.createdAt)}</time>`)}
        </span>
        <span part="order-total" class="amount">${formatMoney(order.total, order.currency)}</span>
        ${renderSteps(order)}
      </li>
    `;
  }

  readonly #onVisibilityChange = () => {
    if (document.visibilityState === 'visible') this.refresh();
  };
}
