import { msg } from '@lit/localize';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import type { PorticoApi } from '../api/client.ts';
import type { DownloadRequest } from '../shared/download.ts';
import { getLocale } from '../shared/locale.ts';

export {
  invoiceStatusLabel,
  methodLabel,
  renderInvoiceStatus,
} from '../portico-account-summary/account-billing.api.ts';

type Outputs = inferRouterOutputs<AppRouter>['staff'];
type Inputs = inferRouterInputs<AppRouter>['staff'];

export type StaffInvoice = Outputs['invoice']['list']['items'][number];
export type StaffPayment = Outputs['payment']['list']['items'][number];
export type CreditNote = Outputs['creditNote']['list']['items'][number];
export type Statement = Outputs['account']['statement'];
export type AccountMatch = Outputs['account']['search'][number];
export type BillableOrder = Outputs['invoice']['billableOrders'][number];
export type InvoiceStatus = NonNullable<Inputs['invoice']['list']['status']>;
export type PaymentMethod = Inputs['payment']['post']['method'];
export type PaymentInput = Inputs['payment']['post'];

export const INVOICE_STATUSES: readonly InvoiceStatus[] = ['open', 'overdue', 'paid', 'void'];
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['bank_transfer', 'card', 'cash', 'other'];

/** What the element's parts ask of it after a change: say it, and read everything again. */
export interface BillingEffects {
  /** Says `text` in the element's polite live region. */
  announce(text: string): void;
  /** The ledger changed: the balance, statement and lists are read again. */
  changed(): void;
  /** Moves focus to the element matching `selector` once a render has put it on screen. */
  focusSoon(selector: string): void;
}

/** Today in the staff member's own calendar, `YYYY-MM-DD`: what a date field shows. */
export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** How many minor units a currency has (2 for EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/**
 * An amount typed by a person ("1234.5", "1 234,50", "1,234.50") as whole minor units, or null
 * when it is not a positive amount with at most the currency's decimals.
 */
export function parseAmount(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const compact = text.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^\d[\d.,]*$/.test(compact)) return null;
  const lastSeparator = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  const decimals = lastSeparator === -1 ? '' : compact.slice(lastSeparator + 1);
  // A separator followed by exactly three digits is a thousands separator ("1,234").
  const isDecimal = lastSeparator !== -1 && decimals.length <= digits && decimals.length !== 3;
  const whole = (isDecimal ? compact.slice(0, lastSeparator) : compact).replace(/[.,]/g, '');
  const fraction = isDecimal ? decimals : '';
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction) || fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) && minor > 0 ? minor : null;
}

/** Minor units as a plain decimal a field can hold ("12.50"), without currency or grouping. */
export function amountText(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/** Any account's statement as CSV, as staff may download it. */
export function staffStatementCsv(
  api: PorticoApi,
  accountId: string,
  from: string,
  to: string,
): DownloadRequest {
  const query = new URLSearchParams({ from, to, accountId, locale: getLocale() });
  return {
    key: 'statement',
    url: `${api.url}/api/statement.csv?${query}`,
    filename: `statement-${from}-${to}.csv`,
  };
}

export function statementTypeLabel(type: Statement['entries'][number]['type']): string {
  switch (type) {
    case 'invoice':
      return msg('Invoice');
    case 'payment':
      return msg('Payment');
    case 'credit note':
      return msg('Credit note');
  }
}
