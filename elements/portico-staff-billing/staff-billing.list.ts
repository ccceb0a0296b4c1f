import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { formatDate, formatMoney } from '../shared/format.ts';
import {
  INVOICE_STATUSES,
  invoiceStatusLabel,
  methodLabel,
  renderInvoiceStatus,
  type AccountMatch,
  type InvoiceStatus,
  type StaffInvoice,
  type StaffPayment,
} from './staff-billing.api.ts';
import { filterForm, filterOption } from '../shared/filter-form.ts';

/** The overview's filters as the form holds them; '' is "any". */
export interface BillingFilter {
  query: string;
  status: InvoiceStatus | '';
}

export const EMPTY_FILTER: BillingFilter = { query: '', status: '' };

const accountLink = (accountId: string) => `#billing=${encodeURIComponent(accountId)}`;

/** A search over account names that lists matching accounts as links to their billing. */
export function renderPicker(
  words: string,
  matches: readonly AccountMatch[] | undefined,
  onInput: (words: string) => void,
) {
  return html`
    <section part="picker" class="block" aria-labelledby="picker-title">
      <h3 id="picker-title">${msg('Go to an account')}</h3>
      <form role="search" @submit=${(event: SubmitEvent) => event.preventDefault()}>
        <label>
          ${msg('Account name')}
          <input
            part="account-search"
            type="search"
            name="account"
            autocomplete="off"
            maxlength="100"
            .value=${live(words)}
            @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
          />
        </label>
      </form>
      ${
        words.trim() && matches
          ? matches.length
            ? html`<ul part="accounts" class="plain" aria-label=${msg('Matching accounts')}>
                ${matches.map(
                  (account) =>
                    html`<li part="account-match">
                      <a href=${accountLink(account.id)}>${account.name}</a>
                      <span class="hint"
                        >${msg(str`Balance ${formatMoney(account.balance, account.currency)}`)}</span
                      >
                    </li>`,
                )}
              </ul>`
            : html`<p part="no-accounts" class="hint">${msg('No account has that name.')}</p>`
          : nothing
      }
    </section>
  `;
}

/** Search and status over every account's invoices and payments. */
export function renderFilters(filter: BillingFilter, onInput: (event: Event) => void) {
  return filterForm(
    msg('Filter invoices and payments'),
    onInput,
    html`
      <label class="wide">
        ${msg('Search by account or invoice number')}
        <input
          part="search"
          type="search"
          name="query"
          autocomplete="off"
          maxlength="100"
          .value=${live(filter.query)}
        />
      </label>
      <label>
        ${msg('Invoice status')}
        <select part="status-filter" name="status">
          ${filterOption('', msg('Any status'), filter.status)}
          ${INVOICE_STATUSES.map((status) =>
            filterOption(status, invoiceStatusLabel(status), filter.status),
          )}
        </select>
      </label>
    `,
    'filters',
  );
}

/** Recent invoices of every account, each linking to its account's billing. */
export function renderRecentInvoices(invoices: readonly StaffInvoice[]) {
  return html`
    <section class="block" aria-labelledby="recent-invoices-title">
      <h3 id="recent-invoices-title">${msg('Recent invoices')}</h3>
      ${
        invoices.length
          ? html`<ul part="recent-invoices" class="rows">
              ${repeat(
                invoices,
                (invoice) => invoice.id,
                (invoice) => html`
                  <li part="recent-invoice" class="row" data-id=${invoice.id}>
                    <p class="row-title">
                      <span part="number" class="number">${invoice.number}</span>
                      <a part="account-link" href=${accountLink(invoice.accountId)}
                        >${invoice.accountName}</a
                      >
                      ${renderInvoiceStatus(invoice.status)}
                    </p>
                    <p class="row-facts">
                      <span>${msg(str`Issued ${formatDate(invoice.issuedOn)}`)}</span>
                      <span
                        >${msg(str`Total ${formatMoney(invoice.total, invoice.currency)}`)}</span
                      >
                      <span part="amount-due"
                        >${msg(str`Due ${formatMoney(invoice.amountDue, invoice.currency)}`)}</span
                      >
                    </p>
                  </li>
                `,
              )}
            </ul>`
          : html`<p part="empty" class="hint">${msg('No invoices match.')}</p>`
      }
    </section>
  `;
}

/** Recent payments of every account, with the invoices each paid. */
export function renderRecentPayments(payments: readonly StaffPayment[]) {
  return html`
    <section class="block" aria-labelledby="recent-payments-title">
      <h3 id="recent-payments-title">${msg('Recent payments')}</h3>
      ${
        payments.length
          ? html`<ul part="recent-payments" class="rows">
              ${repeat(
                payments,
                (payment) => payment.id,
                (payment) => html`
                  <li part="recent-payment" class="row" data-id=${payment.id}>
                    <p class="row-title">
                      <strong>${formatMoney(payment.amount, payment.currency)}</strong>
                      <a part="account-link" href=${accountLink(payment.accountId)}
                        >${payment.accountName}</a
                      >
                    </p>
                    <p class="row-facts">
                      <span>${formatDate(payment.receivedOn)}</span>
                      <span>${methodLabel(payment.method)}</span>
                      ${payment.reference ? html`<span>${payment.reference}</span>` : nothing}
                      <span>${allocationText(payment)}</span>
                    </p>
                  </li>
                `,
              )}
            </ul>`
          : html`<p part="empty" class="hint">${msg('No payments match.')}</p>`
      }
    </section>
  `;
}

/** How a payment was put on invoices, and what is left of it as credit. */
export function allocationText(payment: StaffPayment): string {
  const parts = payment.invoices.map(
    (invoice) => `${invoice.number}: ${formatMoney(invoice.amount, payment.currency)}`,
  );
  const left = formatMoney(payment.unallocated, payment.currency);
  if (!parts.length) return msg(str`Not on any invoice: ${left} in credit`);
  const paid = parts.join(', ');
  return payment.unallocated > 0
    ? msg(str`Paid ${paid}; ${left} left in credit`)
    : msg(str`Paid ${paid}`);
}
