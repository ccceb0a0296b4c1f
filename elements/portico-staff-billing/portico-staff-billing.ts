import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { DownloadController } from '../shared/download.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { StaffView } from '../shared/staff-view.ts';
import { pause, renderTaskError } from '../shared/task.ts';
import { viewStyles } from '../shared/view.styles.ts';
import type { BillingEffects, StaffInvoice, StaffPayment } from './staff-billing.api.ts';
import type { PorticoApi } from '../api/client.ts';
import {
  EMPTY_FILTER,
  renderFilters,
  renderPicker,
  renderRecentInvoices,
  renderRecentPayments,
  type BillingFilter,
} from './staff-billing.list.ts';
import {
  renderBalance,
  renderCreditNotes,
  renderInvoices,
  renderPayments,
  renderStatement,
  type StatementRange,
} from './staff-billing.account.ts';
import { PaymentFormController } from './staff-billing.payment.ts';
import { BillingActionsController } from './staff-billing.actions.ts';
import { styles } from './portico-staff-billing.styles.ts';

/**
 * Billing for the vendor's staff. Without an account: recent invoices and payments of every
 * account, searchable by account name or invoice number and filtered by status, and a picker to
 * go to one account. With an account: its balance and statement, invoices (PDF, void), payments
 * with the invoices each paid, credit notes, and forms to post a payment, issue a credit note or
 * an invoice, and invoice a shipped order again. Links are `#billing=<accountId>`.
 *
 * @summary Staff billing: invoices, payments, credit notes and statements.
 * @csspart overview - The view of every account.
 * @csspart picker - The account picker. @csspart account-search - Its name field.
 * @csspart accounts - The matching accounts. @csspart account-match - One of them.
 * @csspart no-accounts - The line shown when no account matches.
 * @csspart filters - The search and status form. @csspart search - The search field.
 * @csspart status-filter - The invoice status filter.
 * @csspart recent-invoices - Recent invoices. @csspart recent-invoice - One of them.
 * @csspart recent-payments - Recent payments. @csspart recent-payment - One of them.
 * @csspart account-link - A link to an account's billing.
 * @csspart account - The view of one account. @csspart back - The link back to every account.
 * @csspart heading - The account's name. @csspart customer-link - Its customer profile.
 * @csspart balance - The balance figures. @csspart balance-amount - The balance.
 * @csspart overdue-amount - What is overdue.
 * @csspart statement - The statement. @csspart statement-from - Its first day.
 * @csspart statement-to - Its last day. @csspart statement-download - Its CSV download.
 * @csspart statement-table - Its table. @csspart opening - The opening balance row.
 * @csspart entry - One statement entry. @csspart closing - The closing balance row.
 * @csspart invoices - The account's invoices. @csspart invoice - One invoice.
 * @csspart older-invoices - "Show older invoices", while there are more.
 * @csspart number - An invoice's number. @csspart invoice-status - Its status badge.
 * @csspart amount-due - What is still due on it. @csspart pdf - Its PDF download.
 * @csspart void - Its "Void" button. @csspart void-confirm - The confirmation form.
 * @csspart void-reason - Why it is voided. @csspart confirm-void - "Void invoice".
 * @csspart cancel-void - "Keep invoice".
 * @csspart payments - The account's payments. @csspart payment - One payment.
 * @csspart older-payments - "Show older payments", while there are more.
 * @csspart payment-amount-shown - A payment's amount. @csspart allocations - Where it went.
 * @csspart credit-notes - The account's credit notes. @csspart credit-note - One of them.
 * @csspart payment-form - "Post a payment". @csspart payment-amount - Its amount field.
 * @csspart payment-date - Its date. @csspart payment-method - Its method.
 * @csspart payment-reference - Its reference. @csspart allocation - Where the money goes.
 * @csspart allocation-oldest - "The oldest open invoices first".
 * @csspart allocation-choose - "Invoices and amounts I choose".
 * @csspart allocation-amount - The amount for one invoice. @csspart post-payment - "Post payment".
 * @csspart credit-form - "Issue a credit note". @csspart credit-amount - Its amount.
 * @csspart credit-invoice - The invoice it credits. @csspart credit-reason - Its reason.
 * @csspart issue-credit - "Issue credit note".
 * @csspart invoice-form - "Issue an invoice by hand". @csspart invoice-description - Its line.
 * @csspart invoice-quantity - The quantity. @csspart invoice-price - The unit price.
 * @csspart invoice-tax - The tax rate. @csspart invoice-due - Days until due.
 * @csspart issue-invoice - "Issue invoice".
 * @csspart reissue-form - "Invoice a shipped order again". @csspart reissue-order - The order.
 * @csspart reissue - "Invoice order".
 * @csspart field-error - Why a field was refused. @csspart empty - A list with nothing in it.
 * @csspart error - A failure, with `role="alert"`. @csspart retry - "Try again".
 * @csspart signed-out - The line shown to anyone not signed in as staff.
 * @csspart announcement - What a screen reader hears after a change (visually hidden).
 * @cssproperty --gap - Space between blocks. Default: `var(--portico-space, 1rem)`.
 */
@customElement('portico-staff-billing')
@localized()
export class PorticoStaffBilling extends StaffView {
  static override styles = [hostStyles, formStyles, viewStyles, styles];

  /** The account on screen (the console sets it from `#billing=<id>`); null shows every account. */
  @property({ attribute: 'account-id' }) accountId: string | null = null;

  @state() private filter: BillingFilter = EMPTY_FILTER;
  @state() private accountWords = '';
  @state() private range: StatementRange = { from: '', to: '' };
  @state() private announcement = '';
  /** Bumped after every change to the ledger: everything on screen is read again. */
  @state() private syncs = 0;
  /** Older pages of the account's invoices and payments, and where the next ones start. */
  @state() private older: OlderPages = NO_OLDER;

  private downloads = new DownloadController(this);

  private effects: BillingEffects = {
    announce: (text) => (this.announcement = text),
    changed: () => (this.syncs += 1),
    focusSoon: (selector) => this.focusSoon(selector),
  };

  private payment = new PaymentFormController(this, this.effects);
  private actions = new BillingActionsController(this, this.effects);

  private overviewTask = new Task(this, {
    args: () => [this.api, this.staffId, this.accountId, this.filter, this.syncs] as const,
    task: async ([api, staffId, accountId, filter], { signal }) => {
      if (!api || !staffId || accountId) return initialState;
      if (filter.query) await pause(200, signal);
      const query = filter.query.trim() || undefined;
      const [invoices, payments] = await Promise.all([
        api.trpc.staff.invoice.list.query(
          { query, status: filter.status || undefined, limit: 20 },
          { signal },
        ),
        filter.status
          ? Promise.resolve({ items: [] })
          : api.trpc.staff.payment.list.query({ query, limit: 20 }, { signal }),
      ]);
      return { invoices: invoices.items, payments: payments.items };
    },
  });

  private accountsTask = new Task(this, {
    args: () => [this.api, this.staffId, this.accountId, this.accountWords.trim()] as const,
    task: async ([api, staffId, accountId, words], { signal }) => {
      if (!api || !staffId || accountId || !words) return initialState;
      await pause(200, signal);
      return api.trpc.staff.account.search.query({ query: words, limit: 10 }, { signal });
    },
  });

  private statementTask = new Task(this, {
    args: () => [this.api, this.staffId, this.accountId, this.range, this.syncs] as const,
    task: ([api, staffId, accountId, range], { signal }) =>
      api && staffId && accountId
        ? api.trpc.staff.account.statement.query(
            { accountId, from: range.from || undefined, to: range.to || undefined },
            { signal },
          )
        : initialState,
  });

  private ledgerTask = new Task(this, {
    args: () => [this.api, this.staffId, this.accountId, this.syncs] as const,
    task: async ([api, staffId, accountId], { signal }) => {
      if (!api || !staffId || !accountId) return initialState;
      const staff = api.trpc.staff;
      const [invoices, payments, notes, orders] = await Promise.all([
        staff.invoice.list.query({ accountId, limit: LEDGER_PAGE }, { signal }),
        staff.payment.list.query({ accountId, limit: LEDGER_PAGE }, { signal }),
        staff.creditNote.list.query({ accountId, limit: LEDGER_PAGE }, { signal }),
        staff.invoice.billableOrders.query({ accountId }, { signal }),
      ]);
      this.older = {
        ...NO_OLDER,
        invoiceCursor: invoices.nextCursor,
        paymentCursor: payments.nextCursor,
      };
      return { invoices: invoices.items, payments: payments.items, notes: notes.items, orders };
    },
  });

  /** The next page of older invoices or payments, added below the ones shown. */
  private olderTask = new Task(this, {
    autoRun: false,
    task: async (
      [api, accountId, kind]: [PorticoApi, string, 'invoices' | 'payments'],
      { signal },
    ) => {
      const { older } = this;
      if (kind === 'invoices' && older.invoiceCursor) {
        const page = await api.trpc.staff.invoice.list.query(
          { accountId, cursor: older.invoiceCursor, limit: LEDGER_PAGE },
          { signal },
        );
        // The account was read again meanwhile: this page belongs to the old reading.
        if (this.older !== older) return;
        this.older = {
          ...older,
          invoices: [...older.invoices, ...page.items],
          invoiceCursor: page.nextCursor,
        };
      } else if (kind === 'payments' && older.paymentCursor) {
        const page = await api.trpc.staff.payment.list.query(
          { accountId, cursor: older.paymentCursor, limit: LEDGER_PAGE },
          { signal },
        );
        if (this.older !== older) return;
        this.older = {
          ...older,
          payments: [...older.payments, ...page.items],
          paymentCursor: page.nextCursor,
        };
      }
    },
  });

  private showOlder(kind: 'invoices' | 'payments'): (() => void) | undefined {
    const cursor = kind === 'invoices' ? this.older.invoiceCursor : this.older.paymentCursor;
    if (!cursor || !this.api || !this.accountId) return undefined;
    const { api, accountId } = this;
    return () => {
      if (this.olderTask.status !== TaskStatus.PENDING) {
        void this.olderTask.run([api, accountId, kind]);
      }
    };
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('accountId') && changed.get('accountId') !== undefined) {
      this.payment.reset();
      this.actions.reset();
      this.range = { from: '', to: '' };
      this.announcement = '';
      this.focusSoon(this.accountId ? '#account-title' : '#overview-title');
    }
  }

  override render() {
    if (!this.staffId) {
      return this.renderNotStaff(msg('Sign in with a staff account to work on billing.'));
    }
    return html`
      <p part="announcement" class="visually-hidden" role="status" aria-live="polite">
        ${this.announcement}
      </p>
      ${this.accountId ? this.renderAccount(this.accountId) : this.renderOverview()}
    `;
  }

  private renderOverview() {
    const value = this.overviewTask.value;
    const loading = this.overviewTask.status === TaskStatus.PENDING;
    return html`
      <section
        part="overview"
        class="view"
        aria-labelledby="overview-title"
        aria-busy=${loading ? 'true' : 'false'}
      >
        <h2 id="overview-title" tabindex="-1">${msg('Billing')}</h2>
        ${renderPicker(this.accountWords, this.accountsTask.value, (words) => {
          this.accountWords = words;
        })}
        ${renderTaskError(this.accountsTask)} ${renderFilters(this.filter, this.handleFilterInput)}
        ${renderTaskError(this.overviewTask, () => void this.overviewTask.run())}
        ${
          value
            ? html`<div class="columns">
                ${renderRecentInvoices(value.invoices)}
                ${this.filter.status ? nothing : renderRecentPayments(value.payments)}
              </div>`
            : this.overviewTask.status === TaskStatus.ERROR
              ? nothing
              : html`<p role="status" class="hint">${msg('Loading billing…')}</p>`
        }
      </section>
    `;
  }

  private renderAccount(accountId: string) {
    const statement = this.statementTask.value;
    const ledger = this.ledgerTask.value;
    const api = this.api;
    if (!api || !statement || statement.accountId !== accountId) {
      return html`<section part="account" class="view" aria-busy="true">
        <a part="back" href="#billing">${msg('All accounts')}</a>
        ${renderTaskError(this.statementTask, () => void this.statementTask.run())}
        ${
          this.statementTask.status === TaskStatus.ERROR
            ? nothing
            : html`<p role="status" class="hint">${msg('Loading the account…')}</p>`
        }
      </section>`;
    }
    const currency = statement.currency;
    const invoices = [...(ledger?.invoices ?? []), ...this.older.invoices];
    const payments = [...(ledger?.payments ?? []), ...this.older.payments];
    const open = invoices.filter(
      (invoice) =>
        (invoice.status === 'open' || invoice.status === 'overdue') && invoice.amountDue > 0,
    );
    return html`
      <section part="account" class="view" aria-labelledby="account-title">
        ${renderBalance(statement)}
        <div class="columns">
          <div class="stack">
            ${this.payment.render(accountId, currency, open)}
            ${this.actions.renderCreditNote(accountId, currency, invoices)}
            ${this.actions.renderInvoice(accountId, currency, ledger?.orders ?? [])}
          </div>
          <div class="stack">
            ${renderTaskError(this.ledgerTask, () => void this.ledgerTask.run())}
            ${renderInvoices({
              api,
              downloads: this.downloads,
              invoices,
              renderVoid: (invoice) => this.actions.renderVoid(invoice),
              showOlder: this.showOlder('invoices'),
            })}
            ${renderPayments(payments, this.showOlder('payments'))}
            ${renderTaskError(this.olderTask)} ${renderCreditNotes(ledger?.notes ?? [])}
          </div>
        </div>
        ${renderTaskError(this.statementTask, () => void this.statementTask.run())}
        ${renderStatement({
          api,
          downloads: this.downloads,
          statement,
          range: this.range,
          onRange: (range) => (this.range = range),
        })}
      </section>
    `;
  }

  private handleFilterInput = (event: Event): void => {
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const next: BillingFilter = {
      query: String(data.get('query') ?? ''),
      status: String(data.get('status') ?? '') as BillingFilter['status'],
    };
    if (next.query === this.filter.query && next.status === this.filter.status) return;
    this.filter = next;
  };
}

/** How many invoices, payments or credit notes one read brings. */
const LEDGER_PAGE = 50;

interface OlderPages {
  invoices: StaffInvoice[];
  payments: StaffPayment[];
  invoiceCursor: string | null;
  paymentCursor: string | null;
}

const NO_OLDER: OlderPages = {
  invoices: [],
  payments: [],
  invoiceCursor: null,
  paymentCursor: null,
};

declare global {
  interface HTMLElementTagNameMap {
    'portico-staff-billing': PorticoStaffBilling;
  }
}
