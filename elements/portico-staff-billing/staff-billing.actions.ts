import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { formatMoney } from '../shared/format.ts';
import { renderTaskError } from '../shared/task.ts';
import {
  parseAmount,
  type BillableOrder,
  type BillingEffects,
  type StaffInvoice,
} from './staff-billing.api.ts';
import type { BillingFormHost } from './staff-billing.payment.ts';

type Action =
  | { kind: 'credit'; accountId: string; amount: number; invoiceId?: string; reason: string }
  | {
      kind: 'invoice';
      accountId: string;
      line: { description: string; quantity: number; unitPrice: number; taxRate: number };
      dueDays: number;
    }
  | { kind: 'reissue'; orderId: string }
  | { kind: 'void'; invoiceId: string; reason: string };

/**
 * Everything else staff do to an account's ledger: issue a credit note, write an invoice by hand,
 * invoice a shipped order again, and void an invoice after saying why. One task runs them, so
 * one change at a time is on its way and its failure shows by the form that sent it.
 */
export class BillingActionsController {
  /** The invoice whose void is being confirmed, or null. */
  confirmingVoid: string | null = null;
  /** Which form sent the running or last action, to show its error beside it. */
  last: Action['kind'] | null = null;
  errors: Partial<Record<'credit' | 'invoice', string>> = {};

  readonly task: Task<[PorticoApi, Action, string], string>;
  readonly #host: BillingFormHost;

  constructor(host: BillingFormHost, effects: BillingEffects) {
    this.#host = host;
    this.task = new Task(host, {
      autoRun: false,
      task: async ([api, action, currency], { signal }) => {
        const staff = api.trpc.staff;
        let said: string;
        switch (action.kind) {
          case 'credit': {
            const { kind: _, ...input } = action;
            const done = await staff.creditNote.create.mutate(input, { signal });
            said = msg(
              str`Credit note of ${formatMoney(action.amount, currency)} issued. Balance: ${formatMoney(done.balance, currency)}.`,
            );
            break;
          }
          case 'invoice': {
            const invoice = await staff.invoice.create.mutate(
              { accountId: action.accountId, lines: [action.line], dueDays: action.dueDays },
              { signal },
            );
            said = msg(
              str`Invoice ${invoice.number} of ${formatMoney(invoice.total, currency)} issued.`,
            );
            break;
          }
          case 'reissue': {
            const invoice = await staff.invoice.issueForOrder.mutate(
              { orderId: action.orderId },
              { signal },
            );
            said = msg(
              str`Invoice ${invoice.number} issued for order ${invoice.orderNumber ?? ''}.`,
            );
            break;
          }
          case 'void': {
            const invoice = await staff.invoice.void.mutate(
              { invoiceId: action.invoiceId, reason: action.reason },
              { signal },
            );
            this.confirmingVoid = null;
            said = msg(str`Invoice ${invoice.number} is void.`);
            break;
          }
        }
        this.#formOf(action.kind)?.reset();
        effects.announce(said);
        effects.changed();
        return said;
      },
    });
  }

  reset(): void {
    this.confirmingVoid = null;
    this.last = null;
    this.errors = {};
  }

  get busy(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** The failure of the last action, shown only by the form of that kind. */
  errorFor(kind: Action['kind']) {
    return this.last === kind ? renderTaskError(this.task) : nothing;
  }

  renderCreditNote(accountId: string, currency: string, invoices: readonly StaffInvoice[]) {
    const error = this.errors.credit;
    const creditable = invoices.filter((invoice) => invoice.status !== 'void');
    return html`
      <form
        part="credit-form"
        class="block action"
        aria-labelledby="credit-title"
        novalidate
        @submit=${(event: SubmitEvent) => this.#submitCredit(event, accountId, currency)}
      >
        <h3 id="credit-title">${msg('Issue a credit note')}</h3>
        <div class="fields">
          <label>
            ${msg(str`Amount (${currency})`)}
            <input
              id="credit-amount"
              part="credit-amount"
              name="amount"
              inputmode="decimal"
              autocomplete="off"
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? 'credit-error' : nothing}
            />
          </label>
          <label>
            ${msg('Against invoice')}
            <select part="credit-invoice" name="invoiceId">
              <option value="">${msg('None: credit the account')}</option>
              ${creditable.map(
                (invoice) => html`<option value=${invoice.id}>${invoice.number}</option>`,
              )}
            </select>
          </label>
          <label class="wide">
            ${msg('Reason')}
            <input part="credit-reason" name="reason" maxlength="500" autocomplete="off" />
          </label>
        </div>
        ${error ? html`<p part="field-error" id="credit-error" class="field-error">${error}</p>` : nothing}
        ${this.errorFor('credit')}
        <div class="buttons">${this.#button('issue-credit', msg('Issue credit note'))}</div>
      </form>
    `;
  }

  renderInvoice(accountId: string, currency: string, orders: readonly BillableOrder[]) {
    const error = this.errors.invoice;
    return html`
      <form
        part="invoice-form"
        class="block action"
        aria-labelledby="invoice-title"
        novalidate
        @submit=${(event: SubmitEvent) => this.#submitInvoice(event, accountId, currency)}
      >
        <h3 id="invoice-title">${msg('Issue an invoice by hand')}</h3>
        <p class="hint">${msg('Billed to the address of the account’s last invoice.')}</p>
        <div class="fields">
          <label class="wide">
            ${msg('Description')}
            <input
              id="invoice-description"
              part="invoice-description"
              name="description"
              maxlength="200"
              autocomplete="off"
            />
          </label>
          <label>
            ${msg('Quantity')}
            <input
              part="invoice-quantity"
              name="quantity"
              type="number"
              min="1"
              max="100000"
              value="1"
            />
          </label>
          <label>
            ${msg(str`Unit price (${currency})`)}
            <input part="invoice-price" name="unitPrice" inputmode="decimal" autocomplete="off" />
          </label>
          <label>
            ${msg('Tax rate (%)')}
            <input
              part="invoice-tax"
              name="taxRate"
              type="number"
              min="0"
              max="100"
              step="0.01"
              value="0"
            />
          </label>
          <label>
            ${msg('Due in days')}
            <input part="invoice-due" name="dueDays" type="number" min="0" max="365" value="14" />
          </label>
        </div>
        ${error ? html`<p part="field-error" class="field-error" role="alert">${error}</p>` : nothing}
        ${this.errorFor('invoice')}
        <div class="buttons">${this.#button('issue-invoice', msg('Issue invoice'))}</div>
      </form>
      ${
        orders.length
          ? html`<form
              part="reissue-form"
              class="block action"
              aria-labelledby="reissue-title"
              @submit=${this.#submitReissue}
            >
              <h3 id="reissue-title">${msg('Invoice a shipped order again')}</h3>
              <label>
                ${msg('Order without an invoice')}
                <select part="reissue-order" name="orderId">
                  ${orders.map(
                    (order) =>
                      html`<option value=${order.id}>
                        ${order.number} · ${formatMoney(order.total, order.currency)}
                      </option>`,
                  )}
                </select>
              </label>
              ${this.errorFor('reissue')}
              <div class="buttons">${this.#button('reissue', msg('Invoice order'))}</div>
            </form>`
          : nothing
      }
    `;
  }

  /** The button that asks to void an invoice, or the confirmation that does it. */
  renderVoid(invoice: StaffInvoice) {
    if (invoice.status === 'void') return nothing;
    if (this.confirmingVoid !== invoice.id) {
      return html`<button
        part="void"
        type="button"
        class="secondary"
        aria-label=${msg(str`Void invoice ${invoice.number}`)}
        @click=${() => this.#confirm(invoice.id)}
      >
        ${msg('Void')}
      </button>`;
    }
    return html`
      <form
        part="void-confirm"
        class="confirm"
        aria-label=${msg(str`Void invoice ${invoice.number}`)}
        @submit=${(event: SubmitEvent) => this.#submitVoid(event, invoice.id)}
      >
        <label>
          ${msg(str`Why is invoice ${invoice.number} void? The customer sees it as void.`)}
          <input id="void-reason" part="void-reason" name="reason" required maxlength="500" />
        </label>
        ${this.errorFor('void')}
        <div class="buttons">
          ${this.#button('confirm-void', msg('Void invoice'))}
          <button
            part="cancel-void"
            type="button"
            class="secondary"
            @click=${() => this.#confirm(null)}
          >
            ${msg('Keep invoice')}
          </button>
        </div>
      </form>
    `;
  }

  #button(part: string, label: string) {
    return html`<button
      part=${part}
      type="submit"
      class="primary"
      aria-disabled=${this.busy ? 'true' : 'false'}
      aria-busy=${this.busy ? 'true' : 'false'}
    >
      ${label}
    </button>`;
  }

  #confirm(invoiceId: string | null): void {
    this.confirmingVoid = invoiceId;
    if (this.last === 'void') this.last = null;
    this.#host.requestUpdate();
    if (invoiceId) {
      void this.#host.updateComplete.then(() =>
        this.#host.renderRoot.querySelector<HTMLElement>('#void-reason')?.focus(),
      );
    }
  }

  #formOf(kind: Action['kind']): HTMLFormElement | null {
    const part = {
      credit: 'credit-form',
      invoice: 'invoice-form',
      reissue: 'reissue-form',
      void: 'void-confirm',
    }[kind];
    return this.#host.renderRoot.querySelector(`[part~='${part}']`);
  }

  #run(action: Action, currency = ''): void {
    const api = this.#host.api;
    if (!api || this.busy) return;
    this.last = action.kind;
    void this.task.run([api, action, currency]);
  }

  #submitCredit(event: SubmitEvent, accountId: string, currency: string): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const amount = parseAmount(String(data.get('amount') ?? ''), currency);
    const reason = String(data.get('reason') ?? '').trim();
    const invoiceId = String(data.get('invoiceId') ?? '');
    this.errors = {
      credit:
        amount === null
          ? msg('Enter the amount to credit, such as 20.00.')
          : reason
            ? undefined
            : msg('Say why the account is credited.'),
    };
    this.#host.requestUpdate();
    if (this.errors.credit) return;
    this.#run(
      { kind: 'credit', accountId, amount: amount!, reason, ...(invoiceId ? { invoiceId } : {}) },
      currency,
    );
  }

  #submitInvoice(event: SubmitEvent, accountId: string, currency: string): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const description = text('description');
    const quantity = Number(text('quantity'));
    const unitPrice = parseAmount(text('unitPrice'), currency);
    const taxRate = Math.round(Number(text('taxRate') || '0') * 100);
    const dueDays = Number(text('dueDays') || '14');
    const valid =
      description &&
      Number.isInteger(quantity) &&
      quantity >= 1 &&
      unitPrice !== null &&
      taxRate >= 0 &&
      taxRate <= 10_000 &&
      Number.isInteger(dueDays) &&
      dueDays >= 0 &&
      dueDays <= 365;
    this.errors = {
      invoice: valid
        ? undefined
        : msg('Enter a description, a whole quantity, a unit price and a tax rate from 0 to 100.'),
    };
    this.#host.requestUpdate();
    if (!valid) return;
    this.#run(
      {
        kind: 'invoice',
        accountId,
        line: { description, quantity, unitPrice: unitPrice!, taxRate },
        dueDays,
      },
      currency,
    );
  }

  #submitReissue = (event: SubmitEvent): void => {
    event.preventDefault();
    const orderId = String(new FormData(event.target as HTMLFormElement).get('orderId') ?? '');
    if (orderId) this.#run({ kind: 'reissue', orderId });
  };

  #submitVoid(event: SubmitEvent, invoiceId: string): void {
    event.preventDefault();
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim();
    if (!reason) {
      (event.target as HTMLFormElement).reportValidity();
      return;
    }
    this.#run({ kind: 'void', invoiceId, reason });
  }
}
