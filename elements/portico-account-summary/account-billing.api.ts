import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import { joinIsolated } from '../shared/bidi.ts';
import { formatDate, formatMoney } from '../shared/format.ts';

export { accountOf, renderTaskError } from '../shared/task.ts';

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type Summary = Outputs['account']['summary'];
export type RecentOrder = Summary['orders'][number];
export type OrderStep = RecentOrder['steps'][number]['type'];
export type Invoice = Outputs['invoice']['list']['items'][number];
export type InvoiceStatus = NonNullable<Inputs['invoice']['list']['status']>;
export type Payment = Outputs['payment']['list']['items'][number];
export type PaymentMethod = Payment['method'];

export function invoiceStatusLabel(status: InvoiceStatus): string {
  switch (status) {
    case 'open':
      return msg('Open');
    case 'overdue':
      return msg('Overdue');
    case 'paid':
      return msg('Paid');
    case 'void':
      return msg('Void');
  }
}

/** An invoice's status as a badge: the word always, the colour and mark only in addition. */
export function renderInvoiceStatus(status: InvoiceStatus) {
  return html`<span
    part="invoice-status invoice-status-${status}"
    class="status"
    data-status=${status}
    >${invoiceStatusLabel(status)}</span
  >`;
}

export function methodLabel(method: PaymentMethod): string {
  switch (method) {
    case 'bank_transfer':
      return msg('Bank transfer');
    case 'card':
      return msg('Card');
    case 'cash':
      return msg('Cash');
    case 'other':
      return msg('Other');
  }
}

/** Which invoices a payment settled, and what is left of it as credit. */
export function paymentUse(payment: PaymentRow) {
  const numbers = joinIsolated(payment.invoiceNumbers);
  const left = formatMoney(payment.unallocated, payment.currency);
  if (!numbers) return msg(str`Not applied to an invoice yet: ${left} in credit`);
  return payment.unallocated > 0
    ? msg(str`Paid ${numbers}; ${left} left in credit`)
    : msg(str`Paid ${numbers}`);
}

export interface PaymentRow {
  amount: number;
  currency: string;
  receivedOn: string;
  method: PaymentMethod;
  reference: string;
  unallocated: number;
  invoiceNumbers: string[];
}

/** One payment: when and how much, how it came, and what it paid. */
export function renderPayment(payment: PaymentRow, index?: number) {
  return html`
    <li part="payment" class="row" data-index=${index ?? nothing}>
      <span class="name" tabindex=${index === undefined ? nothing : '-1'}>
        <time datetime=${payment.receivedOn}>${formatDate(payment.receivedOn)}</time>
      </span>
      <span class="amount">${formatMoney(payment.amount, payment.currency)}</span>
      <span class="meta">
        ${methodLabel(payment.method)}
        ${payment.reference ? html`· <span class="reference" dir="auto">${payment.reference}</span>` : nothing}
      </span>
      <span class="use">${paymentUse(payment)}</span>
    </li>
  `;
}

/** Today in the customer's time zone, as `YYYY-MM-DD`. */
export function localDay(date = new Date()): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}
