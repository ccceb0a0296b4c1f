import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { formatMoney } from '../shared/format.ts';
import { newRequestKey } from '../shared/request-key.ts';
import { renderTaskError } from '../shared/task.ts';
import {
  localDay,
  methodLabel,
  parseAmount,
  PAYMENT_METHODS,
  type BillingEffects,
  type PaymentInput,
  type PaymentMethod,
  type StaffInvoice,
} from './staff-billing.api.ts';

export interface BillingFormHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

interface FieldErrors {
  amount?: string;
  allocations?: string;
}

/**
 * The "Post a payment" form: amount, date, method, reference, and where the money goes (the
 * oldest open invoices by default, or amounts chosen per invoice). Each form carries one request
 * key until a payment is posted, so however often it is sent, the payment is posted once.
 */
export class PaymentFormController {
  choose = false;
  errors: FieldErrors = {};
  /** The request key of the payment this form is about to post. */
  key = newRequestKey();

  readonly postTask: Task<[PorticoApi, PaymentInput, string], unknown>;
  readonly #host: BillingFormHost;

  constructor(host: BillingFormHost, effects: BillingEffects) {
    this.#host = host;
    this.postTask = new Task(host, {
      autoRun: false,
      task: async ([api, input, currency], { signal }) => {
        const posted = await api.trpc.staff.payment.post.mutate(input, { signal });
        this.key = newRequestKey();
        this.choose = false;
        this.#form()?.reset();
        const amount = formatMoney(input.amount, currency);
        const balance = formatMoney(posted.balance, currency);
        effects.announce(
          posted.replayed
            ? msg(str`This payment of ${amount} was already posted. Balance: ${balance}.`)
            : msg(str`Payment of ${amount} posted. Balance: ${balance}.`),
        );
        effects.changed();
        effects.focusSoon('#payment-amount');
        return posted;
      },
    });
  }

  /** Forgets what was typed: another account is on screen. */
  reset(): void {
    this.choose = false;
    this.errors = {};
    this.key = newRequestKey();
  }

  render(accountId: string, currency: string, open: readonly StaffInvoice[]) {
    const posting = this.postTask.status === TaskStatus.PENDING;
    const { amount, allocations } = this.errors;
    return html`
      <form
        part="payment-form"
        class="block action"
        aria-labelledby="payment-title"
        novalidate
        @submit=${(event: SubmitEvent) => this.#submit(event, accountId, currency, open)}
      >
        <h3 id="payment-title">${msg('Post a payment')}</h3>
        <div class="fields">
          <label>
            ${msg(str`Amount (${currency})`)}
            <input
              id="payment-amount"
              part="payment-amount"
              name="amount"
              inputmode="decimal"
              autocomplete="off"
              required
              aria-invalid=${amount ? 'true' : 'false'}
              aria-describedby=${amount ? 'payment-amount-error' : nothing}
            />
          </label>
          <label>
            ${msg('Received on')}
            <input
              part="payment-date"
              name="receivedOn"
              type="date"
              required
              max=${localDay()}
              value=${localDay()}
            />
          </label>
          <label>
            ${msg('Method')}
            <select part="payment-method" name="method">
              ${PAYMENT_METHODS.map(
                (method) => html`<option value=${method}>${methodLabel(method)}</option>`,
              )}
            </select>
          </label>
          <label>
            ${msg('Reference')}
            <input part="payment-reference" name="reference" maxlength="100" autocomplete="off" />
          </label>
        </div>
        ${
          amount
            ? html`<p part="field-error" id="payment-amount-error" class="field-error">
                ${amount}
              </p>`
            : nothing
        }
        <fieldset part="allocation" class="choice">
          <legend>${msg('Put it on')}</legend>
          <label class="check">
            <input
              part="allocation-oldest"
              type="radio"
              name="allocation"
              value="oldest"
              .checked=${!this.choose}
              @change=${() => this.#setChoose(false)}
            />
            ${msg('The oldest open invoices first')}
          </label>
          <label class="check">
            <input
              part="allocation-choose"
              type="radio"
              name="allocation"
              value="choose"
              ?disabled=${!open.length}
              .checked=${this.choose}
              @change=${() => this.#setChoose(true)}
            />
            ${msg('Invoices and amounts I choose')}
          </label>
          ${this.choose ? this.#renderChoices(currency, open) : nothing}
          ${
            allocations
              ? html`<p part="field-error" id="allocation-error" class="field-error">
                  ${allocations}
                </p>`
              : nothing
          }
        </fieldset>
        ${renderTaskError(this.postTask)}
        <div class="buttons">
          <button
            part="post-payment"
            type="submit"
            class="primary"
            aria-disabled=${posting ? 'true' : 'false'}
            aria-busy=${posting ? 'true' : 'false'}
          >
            ${msg('Post payment')}
          </button>
        </div>
      </form>
    `;
  }

  #renderChoices(currency: string, open: readonly StaffInvoice[]) {
    return html`
      <p class="hint">
        ${msg('Leave an invoice empty to skip it. What is left goes to the oldest invoices.')}
      </p>
      <ul class="plain choices">
        ${open.map(
          (invoice) =>
            html`<li>
              <label>
                ${msg(
                  str`Amount for invoice ${invoice.number} (${formatMoney(invoice.amountDue, currency)} due)`,
                )}
                <input
                  part="allocation-amount"
                  name="allocate:${invoice.id}"
                  data-invoice=${invoice.id}
                  inputmode="decimal"
                  autocomplete="off"
                  aria-describedby=${this.errors.allocations ? 'allocation-error' : nothing}
                />
              </label>
            </li>`,
        )}
      </ul>
    `;
  }

  #form(): HTMLFormElement | null {
    return this.#host.renderRoot.querySelector("[part~='payment-form']");
  }

  #setChoose(choose: boolean): void {
    this.choose = choose;
    this.errors = { ...this.errors, allocations: undefined };
    this.#host.requestUpdate();
  }

  #submit(
    event: SubmitEvent,
    accountId: string,
    currency: string,
    open: readonly StaffInvoice[],
  ): void {
    event.preventDefault();
    const api = this.#host.api;
    if (!api || this.postTask.status === TaskStatus.PENDING) return;
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const amount = parseAmount(text('amount'), currency);
    const errors: FieldErrors = {};
    if (amount === null) errors.amount = msg('Enter the amount received, such as 125.50.');
    const allocations: { invoiceId: string; amount: number }[] = [];
    if (this.choose) {
      for (const invoice of open) {
        const typed = text(`allocate:${invoice.id}`);
        if (!typed) continue;
        const part = parseAmount(typed, currency);
        if (part === null || part > invoice.amountDue) {
          errors.allocations = msg(
            str`Invoice ${invoice.number}: enter at most what is due on it.`,
          );
          break;
        }
        allocations.push({ invoiceId: invoice.id, amount: part });
      }
      const chosen = allocations.reduce((sum, row) => sum + row.amount, 0);
      if (!errors.allocations && amount !== null && chosen > amount) {
        errors.allocations = msg('The amounts for the invoices add up to more than the payment.');
      }
    }
    this.errors = errors;
    this.#host.requestUpdate();
    if (errors.amount || errors.allocations) {
      const target = errors.amount ? '#payment-amount' : "[part~='allocation-amount']";
      this.#host.renderRoot.querySelector<HTMLElement>(target)?.focus();
      return;
    }
    const input: PaymentInput = {
      accountId,
      amount: amount!,
      receivedOn: text('receivedOn') || localDay(),
      method: text('method') as PaymentMethod,
      reference: text('reference'),
      idempotencyKey: this.key,
      ...(allocations.length ? { allocations } : {}),
    };
    void this.postTask.run([api, input, currency]);
  }
}
