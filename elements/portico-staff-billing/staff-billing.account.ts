import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import { invoicePdf, type DownloadController } from '../shared/download.ts';
import { formatDate, formatMoney } from '../shared/format.ts';
import {
  methodLabel,
  renderInvoiceStatus,
  staffStatementCsv,
  statementTypeLabel,
  type CreditNote,
  type StaffInvoice,
  type StaffPayment,
  type Statement,
} from './staff-billing.api.ts';
import { allocationText } from './staff-billing.list.ts';

/** A statement's period, both days included, as `YYYY-MM-DD`; '' lets the server choose. */
export interface StatementRange {
  from: string;
  to: string;
}

/** The account's name, balance and overdue amount, with the way back to every account. */
export function renderBalance(statement: Statement) {
  const money = (minor: number) => formatMoney(minor, statement.currency);
  return html`
    <a part="back" href="#billing">${msg('All accounts')}</a>
    <h2 id="account-title" part="heading" tabindex="-1">${statement.accountName}</h2>
    <p class="facts">
      <a part="customer-link" href="#customer=${encodeURIComponent(statement.accountId)}"
        >${msg('Customer profile')}</a
      >
    </p>
    <dl part="balance" class="figures">
      <div>
        <dt>${msg('Balance')}</dt>
        <dd part="balance-amount">${money(statement.balance)}</dd>
      </div>
      <div>
        <dt>${msg('Overdue')}</dt>
        <dd part="overdue-amount">${money(statement.overdue)}</dd>
      </div>
      <div>
        <dt>${msg('Invoiced')}</dt>
        <dd>${money(statement.invoiced)}</dd>
      </div>
      <div>
        <dt>${msg('Paid and credited')}</dt>
        <dd>${money(statement.credits)}</dd>
      </div>
    </dl>
  `;
}

export interface StatementView {
  api: PorticoApi;
  downloads: DownloadController;
  statement: Statement;
  range: StatementRange;
  onRange(range: StatementRange): void;
}

/** The statement between two days: opening balance, each entry with the running balance, closing. */
export function renderStatement({ api, downloads, statement, range, onRange }: StatementView) {
  const money = (minor: number) => formatMoney(minor, statement.currency);
  const onInput = (event: Event) => {
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const from = String(data.get('from') ?? '');
    const to = String(data.get('to') ?? '');
    if (from && to && from <= to) onRange({ from, to });
  };
  return html`
    <section part="statement" class="block" aria-labelledby="statement-title">
      <h3 id="statement-title">${msg('Statement')}</h3>
      <form class="dates" @change=${onInput} @submit=${(event: Event) => event.preventDefault()}>
        <label>
          ${msg('From')}
          <input
            part="statement-from"
            type="date"
            name="from"
            max=${statement.to}
            .value=${live(range.from || statement.from)}
          />
        </label>
        <label>
          ${msg('To')}
          <input
            part="statement-to"
            type="date"
            name="to"
            min=${statement.from}
            .value=${live(range.to || statement.to)}
          />
        </label>
        <div class="buttons">
          ${downloads.render(
            api,
            staffStatementCsv(api, statement.accountId, statement.from, statement.to),
            { label: msg('Download CSV'), part: 'statement-download' },
          )}
        </div>
      </form>
      <div class="table-wrap" role="region" aria-label=${msg('Statement entries')} tabindex="0">
        <table part="statement-table">
          <thead>
            <tr>
              <th scope="col">${msg('Date')}</th>
              <th scope="col">${msg('Entry')}</th>
              <th scope="col" class="money">${msg('Debit')}</th>
              <th scope="col" class="money">${msg('Credit')}</th>
              <th scope="col" class="money">${msg('Balance')}</th>
            </tr>
          </thead>
          <tbody>
            <tr part="opening">
              <td>${formatDate(statement.from)}</td>
              <td>${msg('Opening balance')}</td>
              <td></td>
              <td></td>
              <td class="money">${money(statement.openingBalance)}</td>
            </tr>
            ${statement.entries.map(
              (entry) => html`
                <tr part="entry">
                  <td>${formatDate(entry.on)}</td>
                  <td>
                    ${statementTypeLabel(entry.type)} ${entry.number}
                    ${entry.reference ? html`<span class="hint">${entry.reference}</span>` : nothing}
                  </td>
                  <td class="money">${entry.debit ? money(entry.debit) : ''}</td>
                  <td class="money">${entry.credit ? money(entry.credit) : ''}</td>
                  <td class="money">${money(entry.balance)}</td>
                </tr>
              `,
            )}
            <tr part="closing">
              <td>${formatDate(statement.to)}</td>
              <td>${msg('Closing balance')}</td>
              <td></td>
              <td></td>
              <td class="money"><strong>${money(statement.closingBalance)}</strong></td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  `;
}

export interface InvoiceRows {
  api: PorticoApi;
  downloads: DownloadController;
  invoices: readonly StaffInvoice[];
  /** The void button or its confirmation for one invoice. */
  renderVoid(invoice: StaffInvoice): unknown;
  /** Shows the next older invoices; absent when all are shown. */
  showOlder?: (() => void) | undefined;
}

/** "Show older …" below a list that has more. */
function renderShowOlder(part: string, label: string, showOlder: (() => void) | undefined) {
  return showOlder
    ? html`<button part=${part} type="button" class="secondary" @click=${showOlder}>
        ${label}
      </button>`
    : nothing;
}

/** The account's invoices with what is due on each, their PDF, and a way to void them. */
export function renderInvoices({ api, downloads, invoices, renderVoid, showOlder }: InvoiceRows) {
  return html`
    <section class="block" aria-labelledby="invoices-title">
      <h3 id="invoices-title">${msg('Invoices')}</h3>
      ${
        invoices.length
          ? html`<ul part="invoices" class="rows">
              ${repeat(
                invoices,
                (invoice) => invoice.id,
                (invoice) => html`
                  <li
                    part="invoice"
                    class="row"
                    data-id=${invoice.id}
                    data-number=${invoice.number}
                  >
                    <p class="row-title">
                      <span part="number" class="number"
                        >${msg(str`Invoice ${invoice.number}`)}</span
                      >
                      ${renderInvoiceStatus(invoice.status)}
                      ${invoice.orderNumber ? html`<span class="hint">${msg(str`Order ${invoice.orderNumber}`)}</span>` : nothing}
                    </p>
                    <p class="row-facts">
                      <span>${msg(str`Issued ${formatDate(invoice.issuedOn)}`)}</span>
                      <span>${msg(str`Due by ${formatDate(invoice.dueOn)}`)}</span>
                      <span
                        >${msg(str`Total ${formatMoney(invoice.total, invoice.currency)}`)}</span
                      >
                      <span part="amount-due"
                        >${msg(str`Still due ${formatMoney(invoice.amountDue, invoice.currency)}`)}</span
                      >
                    </p>
                    <div class="buttons">
                      ${downloads.render(api, invoicePdf(api, invoice), {
                        part: 'pdf',
                        label: html`${msg('PDF')}<span class="visually-hidden">
                            ${msg(str`of invoice ${invoice.number}`)}</span
                          >`,
                      })}
                      ${renderVoid(invoice)}
                    </div>
                  </li>
                `,
              )}
            </ul>`
          : html`<p part="empty" class="hint">${msg('No invoices yet.')}</p>`
      }
      ${renderShowOlder('older-invoices', msg('Show older invoices'), showOlder)}
    </section>
  `;
}

/** The account's payments, each with how it was put on invoices. */
export function renderPayments(
  payments: readonly StaffPayment[],
  showOlder?: (() => void) | undefined,
) {
  return html`
    <section class="block" aria-labelledby="payments-title">
      <h3 id="payments-title">${msg('Payments')}</h3>
      ${
        payments.length
          ? html`<ul part="payments" class="rows">
              ${repeat(
                payments,
                (payment) => payment.id,
                (payment) => html`
                  <li part="payment" class="row" data-id=${payment.id}>
                    <p class="row-title">
                      <strong part="payment-amount-shown"
                        >${formatMoney(payment.amount, payment.currency)}</strong
                      >
                      <span>${formatDate(payment.receivedOn)}</span>
                      <span>${methodLabel(payment.method)}</span>
                      ${payment.reference ? html`<span>${payment.reference}</span>` : nothing}
                    </p>
                    <p part="allocations" class="row-facts">${allocationText(payment)}</p>
                  </li>
                `,
              )}
            </ul>`
          : html`<p part="empty" class="hint">${msg('No payments yet.')}</p>`
      }
      ${renderShowOlder('older-payments', msg('Show older payments'), showOlder)}
    </section>
  `;
}

/** The account's credit notes, with the invoice each was written against. */
export function renderCreditNotes(notes: readonly CreditNote[]) {
  return html`
    <section class="block" aria-labelledby="credit-notes-title">
      <h3 id="credit-notes-title">${msg('Credit notes')}</h3>
      ${
        notes.length
          ? html`<ul part="credit-notes" class="rows">
              ${notes.map(
                (note) => html`
                  <li part="credit-note" class="row" data-id=${note.id}>
                    <p class="row-title">
                      <span class="number">${note.number}</span>
                      <strong>${formatMoney(note.amount, note.currency)}</strong>
                      <span>${formatDate(note.issuedOn)}</span>
                    </p>
                    <p class="row-facts">
                      ${note.invoiceNumber ? html`<span>${msg(str`Against invoice ${note.invoiceNumber}`)}</span>` : nothing}
                      <span>${note.reason}</span>
                    </p>
                  </li>
                `,
              )}
            </ul>`
          : html`<p part="empty" class="hint">${msg('No credit notes yet.')}</p>`
      }
    </section>
  `;
}
