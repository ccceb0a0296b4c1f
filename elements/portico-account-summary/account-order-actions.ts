import { html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { TRPCClientError } from '@trpc/client';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import {
  addressLines,
  renderAddressFields,
  withFieldValue,
  type Address,
} from '../shared/address-fields.ts';
import { isolate, joinIsolated } from '../shared/bidi.ts';
import { CartStore } from '../shared/cart.ts';
import { onEscape } from '../shared/keyboard.ts';
import {
  accountOf,
  apiLocale,
  renderTaskError,
  withNumber,
  type OrderDetail,
  type SavedAddress,
  type ViewEffects,
} from './account-orders.api.ts';
import { fillCart, renderReorderReport, type ReorderReport } from './account-order-reorder.ts';
import { formatNumber } from '../shared/format.ts';

export interface ActionsHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly session: SessionState;
  readonly shopHref?: string | undefined;
  readonly ticketHref?: string | undefined;
}

export interface ActionEffects extends ViewEffects {
  /** Shows the order the server answered a change with; false when another one is on screen. */
  changed(order: OrderDetail): boolean;
}

type Panel = 'none' | 'address' | 'cancel';

/** What the server added to a refusal: zod's field errors and the refusal's details. */
function refusalData(error: unknown): {
  fieldErrors: Record<string, string[]>;
  canOpenTicket: boolean;
} {
  const data = error instanceof TRPCClientError ? (error.data as Record<string, unknown>) : null;
  const details = data?.['details'] as { canOpenTicket?: unknown } | null | undefined;
  return {
    fieldErrors: (data?.['fieldErrors'] as Record<string, string[]> | null) ?? {},
    canOpenTicket: details?.canOpenTicket === true,
  };
}

/**
 * What a customer may do with an order: change its address or cancel it while it has not
 * shipped, order the same again, and open a ticket about it. The server says which are allowed
 * (`order.can`) and answers every change with the order as it is now.
 */
export class OrderActionsController {
  panel: Panel = 'none';
  /** The address being edited in the change-address form. */
  draft: Address | null = null;
  reason = '';
  report: ReorderReport | null = null;

  readonly addressesTask: Task<
    readonly [PorticoApi | undefined, string | null, boolean],
    SavedAddress[]
  >;
  readonly addressTask: Task<[PorticoApi, string, Address], OrderDetail>;
  readonly cancelTask: Task<[PorticoApi, string, string], OrderDetail>;
  readonly reorderTask: Task<[PorticoApi, string], ReorderReport>;

  readonly #host: ActionsHost;
  readonly #effects: ActionEffects;
  /** The write tasks whose outcome belongs to what is on screen now. */
  readonly #current = new Set<object>();

  constructor(host: ActionsHost, effects: ActionEffects) {
    this.#host = host;
    this.#effects = effects;

    this.addressesTask = new Task(host, {
      args: () => [host.api, accountOf(host.session), this.panel === 'address'] as const,
      task: async ([api, account, open], { signal }) => {
        if (!api || !account || !open) return initialState;
        return api.trpc.address.list.query(undefined, { signal });
      },
    });

    this.addressTask = new Task(host, {
      autoRun: false,
      task: async ([api, orderId, address]: [PorticoApi, string, Address], { signal }) => {
        try {
          const order = await api.trpc.order.changeAddress.mutate({ orderId, address }, { signal });
          if (!effects.changed(order)) return order;
          this.#close("[part~='change-address']");
          effects.announce(msg('Address changed'));
          return order;
        } catch (error) {
          const { fieldErrors } = refusalData(error);
          if (this.#shows(this.addressTask) && Object.keys(fieldErrors).length) {
            effects.focusSoon("[part~='address-form'] [aria-invalid='true']");
          }
          throw error;
        }
      },
    });

    this.cancelTask = new Task(host, {
      autoRun: false,
      task: async ([api, orderId, reason]: [PorticoApi, string, string], { signal }) => {
        const order = await api.trpc.order.cancel.mutate({ orderId, reason }, { signal });
        if (!effects.changed(order)) return order;
        this.#close('#detail-title');
        effects.announce(msg('Order cancelled'));
        return order;
      },
    });

    this.reorderTask = new Task(host, {
      autoRun: false,
      task: async ([api, orderId]: [PorticoApi, string], { signal }) => {
        const again = await api.trpc.order.reorder.mutate(
          { orderId, locale: apiLocale() },
          { signal },
        );
        const report = fillCart(CartStore.for(api.url), again, orderId);
        this.report = report;
        const count = report.added.length;
        effects.announce(
          count === 0
            ? msg('Nothing could be added to your cart.')
            : count === 1
              ? report.skipped.length
                ? msg('Added 1 product to your cart; some could not be added.')
                : msg('Added 1 product to your cart.')
              : report.skipped.length
                ? msg(
                    str`Added ${formatNumber(count)} products to your cart; some could not be added.`,
                  )
                : msg(str`Added ${formatNumber(count)} products to your cart.`),
        );
        return report;
      },
    });
  }

  /** Forgets forms and results: another order is on screen. */
  reset(): void {
    this.panel = 'none';
    this.draft = null;
    this.reason = '';
    this.report = null;
    this.#current.clear();
  }

  render(order: OrderDetail) {
    const { can } = order;
    const ticket = this.#ticketHref(order);
    if (!can.changeAddress && !can.cancel && !can.reorder && !ticket) return nothing;
    const reordering = this.reorderTask.status === TaskStatus.PENDING;
    return html`
      <section class="block" part="actions" aria-labelledby="actions-title">
        <h3 id="actions-title" class="visually-hidden">${msg('Manage this order')}</h3>
        <div class="buttons">
          ${
            can.changeAddress
              ? html`<button
                  part="change-address"
                  type="button"
                  class="secondary"
                  aria-expanded=${this.panel === 'address' ? 'true' : 'false'}
                  aria-controls="address-panel"
                  @click=${() => this.#toggle('address', order)}
                >
                  ${msg('Change address')}
                </button>`
              : nothing
          }
          ${
            can.cancel
              ? html`<button
                  part="cancel"
                  type="button"
                  class="secondary"
                  aria-expanded=${this.panel === 'cancel' ? 'true' : 'false'}
                  aria-controls="cancel-panel"
                  @click=${() => this.#toggle('cancel', order)}
                >
                  ${msg('Cancel order')}
                </button>`
              : nothing
          }
          ${
            can.reorder
              ? html`<button
                  part="reorder"
                  type="button"
                  class="secondary"
                  ?disabled=${reordering}
                  @click=${() => this.#reorder(order)}
                >
                  ${reordering ? msg('Adding to your cart…') : msg('Order again')}
                </button>`
              : nothing
          }
          ${
            ticket
              ? html`<a part="ticket" class="button secondary" href=${ticket}>
                  ${msg('Open a ticket about this order')}
                </a>`
              : nothing
          }
        </div>
        ${this.panel === 'address' && can.changeAddress ? this.#renderAddressForm(order) : nothing}
        ${this.panel === 'cancel' && can.cancel ? this.#renderCancel(order) : nothing}
        ${this.#shows(this.reorderTask) ? renderTaskError(this.reorderTask) : nothing}
        ${
          this.report?.orderId === order.id
            ? renderReorderReport(this.report, this.#host.shopHref)
            : nothing
        }
      </section>
    `;
  }

  #renderAddressForm(order: OrderDetail) {
    const draft = this.draft ?? order.address;
    const saved = this.addressesTask.value ?? [];
    const busy = this.addressTask.status === TaskStatus.PENDING;
    const failed = this.#shows(this.addressTask) && this.addressTask.status === TaskStatus.ERROR;
    const refusal = failed ? refusalData(this.addressTask.error) : null;
    return html`
      <form
        id="address-panel"
        part="address-form"
        class="panel"
        aria-labelledby="address-form-title"
        @submit=${(event: SubmitEvent) => this.#submitAddress(event, order)}
        @keydown=${onEscape(() => this.#close("[part~='change-address']"))}
        @input=${this.#onAddressInput}
        @change=${this.#onAddressInput}
      >
        <h4 id="address-form-title">${msg('Where should we deliver this order?')}</h4>
        ${
          saved.length
            ? html`<label>
                ${msg('Fill in from your address book')}
                <select part="saved-addresses" name="saved">
                  <option value="">${msg('Choose a saved address')}</option>
                  ${saved.map(
                    (entry) =>
                      html`<option value=${entry.id}>
                        ${entry.label ? `${isolate(entry.label)}: ` : ''}${joinIsolated(addressLines(entry.address))}
                      </option>`,
                  )}
                </select>
              </label>`
            : nothing
        }
        <fieldset class="address-fields">
          <legend>${msg('New delivery address')}</legend>
          ${renderAddressFields({ address: draft, fieldErrors: refusal?.fieldErrors ?? {} })}
        </fieldset>
        ${failed ? renderTaskError(this.addressTask) : nothing}
        ${refusal?.canOpenTicket ? this.#renderTicketHint(order) : nothing}
        <div class="buttons">
          <button part="save-address" type="submit" class="primary" ?disabled=${busy}>
            ${busy ? msg('Saving…') : msg('Save the new address')}
          </button>
          <button
            type="button"
            class="secondary"
            @click=${() => this.#close("[part~='change-address']")}
          >
            ${msg('Keep the current address')}
          </button>
        </div>
      </form>
    `;
  }

  #renderCancel(order: OrderDetail) {
    const busy = this.cancelTask.status === TaskStatus.PENDING;
    return html`
      <form
        id="cancel-panel"
        part="cancel-confirm"
        class="panel"
        aria-labelledby="cancel-title"
        aria-describedby="cancel-warning"
        @submit=${(event: SubmitEvent) => this.#submitCancel(event, order)}
        @keydown=${onEscape(() => this.#close("[part~='cancel']"))}
      >
        <h4 id="cancel-title" tabindex="-1">${msg('Cancel this order?')}</h4>
        <p id="cancel-warning">${msg('We will not ship it. This cannot be undone.')}</p>
        <label>
          ${msg('Reason (optional)')}
          <textarea
            part="cancel-reason"
            name="reason"
            maxlength="500"
            rows="3"
            .value=${live(this.reason)}
            @input=${(event: Event) => (this.reason = (event.target as HTMLTextAreaElement).value)}
          ></textarea>
        </label>
        ${this.#shows(this.cancelTask) ? renderTaskError(this.cancelTask) : nothing}
        <div class="buttons">
          <button part="confirm-cancel" type="submit" class="danger" ?disabled=${busy}>
            ${busy ? msg('Cancelling…') : msg('Yes, cancel the order')}
          </button>
          <button type="button" class="secondary" @click=${() => this.#close("[part~='cancel']")}>
            ${msg('No, keep the order')}
          </button>
        </div>
      </form>
    `;
  }

  #renderTicketHint(order: OrderDetail) {
    const ticket = this.#ticketHref(order);
    return ticket
      ? html`<a part="ticket" href=${ticket}>${msg('Open a ticket about this order')}</a>`
      : nothing;
  }

  #ticketHref(order: OrderDetail): string | undefined {
    const template = this.#host.ticketHref;
    return template ? withNumber(template, order.number) : undefined;
  }

  /** Whether a write task's failure is about what is on screen, not an earlier order or form. */
  #shows(task: object): boolean {
    return this.#current.has(task);
  }

  #toggle(panel: Panel, order: OrderDetail): void {
    if (this.panel === panel) {
      this.#close(`[part~='${panel === 'address' ? 'change-address' : 'cancel'}']`);
      return;
    }
    this.panel = panel;
    this.draft = { ...order.address };
    this.reason = '';
    this.#current.delete(this.addressTask);
    this.#current.delete(this.cancelTask);
    this.#effects.focusSoon(panel === 'address' ? "[name='name']" : '#cancel-title');
    this.#host.requestUpdate();
  }

  /** Closes the open form and gives focus back to what opened it (or to `focus`). */
  #close(focus: string): void {
    this.panel = 'none';
    this.#effects.focusSoon(focus);
    this.#host.requestUpdate();
  }

  #reorder(order: OrderDetail): void {
    const api = this.#host.api;
    if (!api) return;
    this.report = null;
    this.#current.add(this.reorderTask);
    void this.reorderTask.run([api, order.id]);
  }

  #submitAddress(event: SubmitEvent, order: OrderDetail): void {
    event.preventDefault();
    const api = this.#host.api;
    if (!api || !this.draft) return;
    this.#current.add(this.addressTask);
    void this.addressTask.run([api, order.id, this.draft]);
  }

  #submitCancel(event: SubmitEvent, order: OrderDetail): void {
    event.preventDefault();
    const api = this.#host.api;
    if (!api) return;
    this.#current.add(this.cancelTask);
    void this.cancelTask.run([api, order.id, this.reason.trim()]);
  }

  readonly #onAddressInput = (event: Event) => {
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    if (!this.draft) return;
    if (control.name === 'saved') {
      const entry = this.addressesTask.value?.find((saved) => saved.id === control.value);
      if (entry) this.draft = { ...entry.address };
    } else {
      this.draft = withFieldValue(this.draft, control) ?? this.draft;
    }
    this.#host.requestUpdate();
  };
}
