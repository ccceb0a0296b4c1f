import { html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { TRPCClientError } from '@trpc/client';
import type { PorticoApi } from '../api/client.ts';
import { renderAddressFields, withFieldValue, type Address } from '../shared/address-fields.ts';
import {
  advanceLabel,
  isStale,
  staffErrorMessage,
  TRACKING_PATTERN,
  type NextStatus,
  type StaffOrderDetail,
  type StaffOrderEffects,
} from './staff-orders.api.ts';

export interface ActionsHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
}

type Panel = 'none' | 'ship' | 'tracking' | 'address' | 'cancel';

type Change =
  | { kind: 'advance'; to: NextStatus; trackingNumber?: string }
  | { kind: 'tracking'; trackingNumber: string }
  | { kind: 'address'; address: Address }
  | { kind: 'cancel'; reason: string };

function fieldErrorsOf(error: unknown): Record<string, string[]> {
  const data = error instanceof TRPCClientError ? (error.data as Record<string, unknown>) : null;
  return (data?.['fieldErrors'] as Record<string, string[]> | null) ?? {};
}

/**
 * What staff do with one order: move it along the lifecycle, set its tracking number, send it
 * elsewhere and cancel it. Buttons follow `order.staffCan`, which the server derives from the
 * lifecycle's rules; each change answers the order as it is now. A refusal because the order
 * changed meanwhile (the customer cancelled, another agent shipped it) reloads the order.
 */
export class OrderActionsController {
  panel: Panel = 'none';
  draft: Address | null = null;
  reason = '';
  readonly changeTask: Task<[PorticoApi, string, Change], StaffOrderDetail>;
  readonly #host: ActionsHost;
  readonly #effects: StaffOrderEffects;
  /** The order the last change was for: its failure is shown only beside that order. */
  #changing: string | null = null;

  constructor(host: ActionsHost, effects: StaffOrderEffects) {
    this.#host = host;
    this.#effects = effects;
    this.changeTask = new Task(host, {
      autoRun: false,
      task: async ([api, orderId, change], { signal }) => {
        try {
          const order = await this.#apply(api, orderId, change, signal);
          this.panel = 'none';
          effects.changed(order);
          effects.announce(doneMessage(change));
          effects.focusSoon('#order-title');
          return order;
        } catch (error) {
          if (isStale(error)) {
            this.panel = 'none';
            effects.reload();
          }
          if (Object.keys(fieldErrorsOf(error)).length) {
            effects.focusSoon("[part~='address-form'] [aria-invalid='true']");
          } else {
            effects.focusSoon("[part~='actions'] [part~='error']");
          }
          throw error;
        }
      },
    });
  }

  #apply(api: PorticoApi, orderId: string, change: Change, signal: AbortSignal) {
    const staff = api.trpc.staff.order;
    switch (change.kind) {
      case 'advance':
        return staff.advance.mutate(
          { orderId, to: change.to, trackingNumber: change.trackingNumber },
          { signal },
        );
      case 'tracking':
        return staff.setTracking.mutate(
          { orderId, trackingNumber: change.trackingNumber },
          { signal },
        );
      case 'address':
        return staff.changeAddress.mutate({ orderId, address: change.address }, { signal });
      case 'cancel':
        return staff.cancel.mutate({ orderId, reason: change.reason }, { signal });
    }
  }

  /** Forgets open forms and results: another order is on screen. */
  reset(): void {
    this.panel = 'none';
    this.draft = null;
    this.reason = '';
    this.#changing = null;
  }

  render(order: StaffOrderDetail) {
    const can = order.staffCan;
    const busy = this.changeTask.status === TaskStatus.PENDING;
    const failed = this.#failed(order);
    const toggle = (panel: Panel, part: string, label: string) => html`
      <button
        part=${part}
        type="button"
        class="secondary"
        aria-expanded=${this.panel === panel ? 'true' : 'false'}
        aria-controls="${panel}-panel"
        @click=${() => this.#toggle(panel, order)}
      >
        ${label}
      </button>
    `;
    const any = can.next.length || can.setTracking || can.changeAddress || can.cancel;
    return html`
      <section part="actions" class="block" aria-labelledby="actions-title">
        <h3 id="actions-title">${msg('Actions')}</h3>
        ${
          failed
            ? html`<p part="error" role="alert" tabindex="-1">
                ${staffErrorMessage(this.changeTask.error, order)}
              </p>`
            : nothing
        }
        ${any ? nothing : html`<p class="hint">${msg('Nothing more can be done with it.')}</p>`}
        <div class="buttons" aria-busy=${busy ? 'true' : 'false'}>
          ${can.next.map((to) =>
            to === 'shipped'
              ? toggle('ship', 'advance advance-shipped', advanceLabel(to))
              : html`<button
                  part="advance advance-${to}"
                  type="button"
                  class=${to === can.next[0] ? 'primary' : 'secondary'}
                  ?disabled=${busy}
                  @click=${() => this.#run(order, { kind: 'advance', to })}
                >
                  ${advanceLabel(to)}
                </button>`,
          )}
          ${
            can.setTracking
              ? toggle(
                  'tracking',
                  'edit-tracking',
                  order.trackingNumber ? msg('Change tracking number') : msg('Add tracking number'),
                )
              : nothing
          }
          ${can.changeAddress ? toggle('address', 'edit-address', msg('Edit delivery address')) : nothing}
          ${can.cancel ? toggle('cancel', 'cancel', msg('Cancel order')) : nothing}
        </div>
        ${this.#renderPanel(order, busy)}
      </section>
    `;
  }

  #renderPanel(order: StaffOrderDetail, busy: boolean) {
    switch (this.panel) {
      case 'ship':
        return order.staffCan.next.includes('shipped')
          ? this.#trackingForm(order, busy, 'ship')
          : nothing;
      case 'tracking':
        return order.staffCan.setTracking ? this.#trackingForm(order, busy, 'tracking') : nothing;
      case 'address':
        return order.staffCan.changeAddress ? this.#addressForm(order, busy) : nothing;
      case 'cancel':
        return order.staffCan.cancel ? this.#cancelForm(order, busy) : nothing;
      default:
        return nothing;
    }
  }

  #trackingForm(order: StaffOrderDetail, busy: boolean, panel: 'ship' | 'tracking') {
    const ship = panel === 'ship';
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const value = String(new FormData(event.target as HTMLFormElement).get('trackingNumber'));
      const trackingNumber = value.trim();
      this.#run(
        order,
        ship
          ? { kind: 'advance', to: 'shipped', trackingNumber: trackingNumber || undefined }
          : { kind: 'tracking', trackingNumber },
      );
    };
    return html`
      <form
        id="${panel}-panel"
        part=${ship ? 'ship-form' : 'tracking-form'}
        class="panel"
        aria-labelledby="${panel}-title"
        @submit=${submit}
      >
        <h4 id="${panel}-title">${ship ? msg('Ship this order') : msg('Tracking number')}</h4>
        <label>
          ${ship ? msg('Tracking number (optional)') : msg('New tracking number')}
          <input
            part="tracking-input"
            name="trackingNumber"
            type="text"
            autocomplete="off"
            minlength="3"
            maxlength="64"
            pattern=${TRACKING_PATTERN}
            aria-describedby="${panel}-hint"
            ?required=${!ship}
            .value=${live(ship ? '' : (order.trackingNumber ?? ''))}
          />
        </label>
        <span id="${panel}-hint" class="hint">
          ${msg('The carrier’s number: letters, digits, spaces, . _ / -')}
        </span>
        ${
          ship
            ? html`<p class="hint">
                ${msg('The customer is told by email that the order is on its way.')}
              </p>`
            : nothing
        }
        <div class="buttons">
          <button
            part=${ship ? 'confirm-ship' : 'save-tracking'}
            type="submit"
            class="primary"
            ?disabled=${busy}
          >
            ${ship ? msg('Confirm shipment') : msg('Save tracking number')}
          </button>
          <button type="button" class="secondary" @click=${() => this.#close()}>
            ${msg('Not now')}
          </button>
        </div>
      </form>
    `;
  }

  #addressForm(order: StaffOrderDetail, busy: boolean) {
    const draft = this.draft ?? order.address;
    const failed = this.#failed(order);
    const fieldErrors = failed ? fieldErrorsOf(this.changeTask.error) : {};
    return html`
      <form
        id="address-panel"
        part="address-form"
        class="panel"
        aria-labelledby="address-title"
        @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          if (this.draft) this.#run(order, { kind: 'address', address: this.draft });
        }}
        @input=${this.#onAddressInput}
        @change=${this.#onAddressInput}
      >
        <h4 id="address-title">${msg('Edit the delivery address')}</h4>
        ${
          order.status === 'shipped'
            ? html`<p class="hint">
                ${msg('The order has shipped: tell the carrier about the new address too.')}
              </p>`
            : nothing
        }
        <fieldset class="address-fields">
          <legend>${msg('Delivery address')}</legend>
          ${renderAddressFields({ address: draft, fieldErrors })}
        </fieldset>
        <div class="buttons">
          <button part="save-address" type="submit" class="primary" ?disabled=${busy}>
            ${msg('Save the new address')}
          </button>
          <button type="button" class="secondary" @click=${() => this.#close()}>
            ${msg('Keep the current address')}
          </button>
        </div>
      </form>
    `;
  }

  #cancelForm(order: StaffOrderDetail, busy: boolean) {
    return html`
      <form
        id="cancel-panel"
        part="cancel-confirm"
        class="panel danger-panel"
        aria-labelledby="cancel-title"
        aria-describedby="cancel-warning"
        @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          this.#run(order, { kind: 'cancel', reason: this.reason.trim() });
        }}
      >
        <h4 id="cancel-title" tabindex="-1">${msg('Cancel this order?')}</h4>
        <p id="cancel-warning">
          ${msg(
            'It will not ship and its goods go back in stock. The customer sees the reason on the order. This cannot be undone.',
          )}
        </p>
        <label>
          ${msg('Reason for the customer')}
          <textarea
            part="cancel-reason"
            name="reason"
            maxlength="500"
            rows="3"
            required
            .value=${live(this.reason)}
            @input=${(event: Event) => (this.reason = (event.target as HTMLTextAreaElement).value)}
          ></textarea>
        </label>
        <div class="buttons">
          <button part="confirm-cancel" type="submit" class="danger" ?disabled=${busy}>
            ${msg('Yes, cancel the order')}
          </button>
          <button type="button" class="secondary" @click=${() => this.#close()}>
            ${msg('No, keep the order')}
          </button>
        </div>
      </form>
    `;
  }

  #failed(order: StaffOrderDetail): boolean {
    return this.changeTask.status === TaskStatus.ERROR && this.#changing === order.id;
  }

  #toggle(panel: Panel, order: StaffOrderDetail): void {
    if (this.panel === panel) {
      this.#close();
      return;
    }
    this.panel = panel;
    this.draft = { ...order.address };
    this.reason = '';
    const first = {
      ship: "[part~='tracking-input']",
      tracking: "[part~='tracking-input']",
      address: "[part~='address-form'] [name='name']",
      cancel: '#cancel-title',
      none: '#order-title',
    }[panel];
    this.#effects.focusSoon(first);
    this.#host.requestUpdate();
  }

  #close(): void {
    const opener = {
      ship: "[part~='advance-shipped']",
      tracking: "[part~='edit-tracking']",
      address: "[part~='edit-address']",
      cancel: "[part~='cancel']",
      none: '#order-title',
    }[this.panel];
    this.panel = 'none';
    this.#effects.focusSoon(opener);
    this.#host.requestUpdate();
  }

  #run(order: StaffOrderDetail, change: Change): void {
    const api = this.#host.api;
    if (!api || this.changeTask.status === TaskStatus.PENDING) return;
    this.#changing = order.id;
    void this.changeTask.run([api, order.id, change]);
  }

  readonly #onAddressInput = (event: Event) => {
    if (!this.draft) return;
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    this.draft = withFieldValue(this.draft, control) ?? this.draft;
    this.#host.requestUpdate();
  };
}

function doneMessage(change: Change): string {
  switch (change.kind) {
    case 'advance':
      return change.to === 'confirmed'
        ? msg('The order is confirmed.')
        : change.to === 'shipped'
          ? msg('The order is shipped.')
          : msg('The order is delivered.');
    case 'tracking':
      return msg('The tracking number was saved.');
    case 'address':
      return msg('The delivery address was changed.');
    case 'cancel':
      return msg('The order was cancelled.');
  }
}
