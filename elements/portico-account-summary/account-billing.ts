import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { apiContext, sessionContext } from '../context.ts';
import { DownloadController, invoicePdf } from '../shared/download.ts';
import { isolate } from '../shared/bidi.ts';
import { formatDate, formatMoney } from '../shared/format.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { routeHref } from './account.routes.ts';
import {
  accountOf,
  invoiceStatusLabel,
  renderInvoiceStatus,
  renderPayment,
  type Invoice,
  type InvoiceStatus,
  type Payment,
} from './account-billing.api.ts';
import { PagesController } from './account-billing.pages.ts';
import {
  renderStatement,
  thisYearSoFar,
  type StatementRange,
} from './account-billing.statement.ts';
import { styles } from './account-billing.styles.ts';

const STATUSES: readonly InvoiceStatus[] = ['open', 'overdue', 'paid', 'void'];

/**
 * Billing inside `<portico-account-summary>`: every invoice, filtered by status, each with its
 * PDF; the payments the vendor received and which invoices they paid; and the account statement
 * for a period as a CSV file. The host shows it for the `#billing` fragment.
 *
 * @summary Invoices, payments and the account statement.
 * @csspart heading - The view's heading; it takes focus when the view opens.
 * @csspart invoices-section - The invoices: filter, list and "Show more".
 * @csspart status-filter - The select that shows only invoices of one status.
 * @csspart invoices - The list of invoices, newest first.
 * @csspart invoice - One invoice: number, status, dates, amounts and its PDF.
 * @csspart invoice-order - The link to the order an invoice bills.
 * @csspart invoice-status - An invoice's status badge (also `invoice-status-<status>`).
 * @csspart invoice-status-open - The badge of an open invoice.
 * @csspart invoice-status-overdue - The badge of an overdue invoice.
 * @csspart invoice-status-paid - The badge of a paid invoice.
 * @csspart invoice-status-void - The badge of a void invoice.
 * @csspart amount-due - What is still to pay on an invoice.
 * @csspart download - A "Download PDF" button; `aria-busy` while the file is on its way.
 * @csspart download-error - Why a download failed (also `error`).
 * @csspart payments-section - The payments: list and "Show more".
 * @csspart payments - The list of payments, newest first.
 * @csspart payment - One payment: amount, date, method and what it paid.
 * @csspart more - A "Show more" button (also `more-invoices` or `more-payments`).
 * @csspart more-invoices - The "Show more" button under the invoices.
 * @csspart more-payments - The "Show more" button under the payments.
 * @csspart statement - The statement form.
 * @csspart statement-from - The statement's first day.
 * @csspart statement-to - The statement's last day.
 * @csspart statement-download - The button that downloads the statement.
 * @csspart error - The message shown when something failed, with `role="alert"`.
 * @csspart retry - The "Try again" button beside a failed read.
 * @csspart signed-out - The hint shown to someone not signed in.
 * @cssproperty --gap - Space between the blocks. Default: `var(--portico-space, 1rem)`.
 */
@customElement('portico-account-billing')
@localized()
export class PorticoAccountBilling extends LitElement {
  static override styles = [hostStyles, formStyles, styles];

  /** How many invoices and payments each page shows, 1 to 50. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /** The API client, from the page or the nearest `<portico-portal>`. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: PorticoApi;

  /** Who is signed in, from the page or the nearest `<portico-portal>`. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session: SessionState = { status: 'unknown' };

  /** The invoice status shown, or '' for all. */
  @state() private status: InvoiceStatus | '' = '';
  @state() private range: StatementRange = thisYearSoFar();

  private downloads = new DownloadController(this);

  private invoices = new PagesController<Invoice>(this, {
    key: () => this.keyFor(this.status),
    load: (api, cursor, signal) =>
      api.trpc.invoice.list.query(
        { status: this.status || undefined, cursor, limit: this.limit() },
        { signal },
      ),
    focusSelector: (index) => `[part~='invoices'] > [data-index='${index}'] .name`,
  });

  private payments = new PagesController<Payment>(this, {
    key: () => this.keyFor(''),
    load: (api, cursor, signal) =>
      api.trpc.payment.list.query({ cursor, limit: this.limit() }, { signal }),
    focusSelector: (index) => `[part~='payments'] > [data-index='${index}'] .name`,
  });

  override render() {
    switch (this.session.status) {
      case 'unknown':
        return html`<p part="signed-out" role="status">${msg('Loading your account…')}</p>`;
      case 'signed-out':
        return html`<p part="signed-out">${msg('Sign in to see your invoices.')}</p>`;
      case 'signed-in':
        return html`
          <article class="billing" aria-labelledby="billing-title">
            <h2 id="billing-title" part="heading" tabindex="-1">${msg('Billing')}</h2>
            ${this.renderInvoices()} ${this.renderPayments()}
            ${
              this.api
                ? renderStatement({
                    api: this.api,
                    downloads: this.downloads,
                    range: this.range,
                    onChange: (name, value) => (this.range = { ...this.range, [name]: value }),
                  })
                : nothing
            }
          </article>
        `;
    }
  }

  private renderInvoices() {
    const { items, loading, loaded } = this.invoices;
    const filtered = this.status !== '';
    return html`
      <section part="invoices-section" class="block" aria-labelledby="invoices-title">
        <h3 id="invoices-title">${msg('Invoices')}</h3>
        <label class="filter">
          ${msg('Show')}
          <select part="status-filter" name="status" @input=${this.handleStatusChange}>
            <option value="" ?selected=${!filtered}>${msg('All invoices')}</option>
            ${STATUSES.map(
              (status) =>
                html`<option value=${status} ?selected=${this.status === status}>
                  ${invoiceStatusLabel(status)}
                </option>`,
            )}
          </select>
        </label>
        <p class="summary" role="status">
          ${
            loading
              ? msg('Loading invoices…')
              : loaded && !items.length
                ? filtered
                  ? msg('No invoices with this status.')
                  : msg('There are no invoices yet.')
                : ''
          }
        </p>
        ${
          items.length
            ? html`<ul part="invoices" class="rows" aria-busy=${loading ? 'true' : 'false'}>
                ${items.map((invoice, index) => this.renderInvoice(invoice, index))}
              </ul>`
            : nothing
        }
        ${this.invoices.renderFooter('more-invoices', msg('Show more invoices'))}
      </section>
    `;
  }

  private renderInvoice(invoice: Invoice, index: number) {
    const money = (minor: number) => formatMoney(minor, invoice.currency);
    const api = this.api;
    return html`
      <li part="invoice" class="row" data-index=${index}>
        <span class="name" tabindex="-1">${msg(str`Invoice ${isolate(invoice.number)}`)}</span>
        ${renderInvoiceStatus(invoice.status)}
        <span class="meta">
          ${msg(html`Issued <time datetime=${invoice.issuedOn}>${formatDate(invoice.issuedOn)}</time>`)}
          · ${msg(html`Due <time datetime=${invoice.dueOn}>${formatDate(invoice.dueOn)}</time>`)}
          ${
            invoice.orderNumber
              ? html`·
                  <a
                    part="invoice-order"
                    href=${routeHref({ view: 'order', number: invoice.orderNumber })}
                    >${msg(str`Order ${isolate(invoice.orderNumber)}`)}</a
                  >`
              : nothing
          }
        </span>
        <span class="amount">
          <span>${msg(str`Total ${money(invoice.total)}`)}</span>
          ${
            invoice.amountDue > 0
              ? html`<strong part="amount-due"
                  >${msg(str`${money(invoice.amountDue)} due`)}</strong
                >`
              : nothing
          }
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
    `;
  }

  private renderPayments() {
    const { items, loading, loaded } = this.payments;
    return html`
      <section part="payments-section" class="block" aria-labelledby="payments-title">
        <h3 id="payments-title">${msg('Payments received')}</h3>
        <p class="summary" role="status">
          ${
            loading
              ? msg('Loading payments…')
              : loaded && !items.length
                ? msg('No payments received yet.')
                : ''
          }
        </p>
        ${
          items.length
            ? html`<ul part="payments" class="rows" aria-busy=${loading ? 'true' : 'false'}>
                ${items.map((payment, index) =>
                  renderPayment(
                    { ...payment, invoiceNumbers: payment.invoices.map((paid) => paid.number) },
                    index,
                  ),
                )}
              </ul>`
            : nothing
        }
        ${this.payments.renderFooter('more-payments', msg('Show more payments'))}
      </section>
    `;
  }

  /** The account and filter a list belongs to; null while no customer account is signed in. */
  private keyFor(status: InvoiceStatus | ''): string | null {
    const account = accountOf(this.session);
    return account ? `${account}/${status}/${this.limit()}` : null;
  }

  private limit(): number {
    return Math.min(50, Math.max(1, Math.trunc(this.pageSize) || 10));
  }

  private handleStatusChange(event: Event) {
    this.status = (event.target as HTMLSelectElement).value as InvoiceStatus | '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-account-billing': PorticoAccountBilling;
  }
}
