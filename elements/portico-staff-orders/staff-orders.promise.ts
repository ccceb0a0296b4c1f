import { html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { formatDate } from '../shared/format.ts';
import {
  isStale,
  staffErrorMessage,
  type StaffOrderDetail,
  type StaffOrderEffects,
} from './staff-orders.api.ts';

export interface PromiseHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
}

/**
 * The day delivery was promised to the customer: set, changed or taken back with
 * `staff.order.setPromise`. Once the day passes undelivered, the reminders tell the customer the
 * order is delayed (if that rule is on).
 */
export class PromiseController {
  readonly changeTask: Task<[PorticoApi, string, string | null], StaffOrderDetail>;
  readonly #host: PromiseHost;
  /** The order the last change was for: its failure shows only beside that order. */
  #changing: string | null = null;

  constructor(host: PromiseHost, effects: StaffOrderEffects) {
    this.#host = host;
    this.changeTask = new Task(host, {
      autoRun: false,
      task: async ([api, orderId, promisedOn], { signal }) => {
        try {
          const order = await api.trpc.staff.order.setPromise.mutate(
            { orderId, promisedOn },
            { signal },
          );
          effects.changed(order);
          effects.announce(
            promisedOn
              ? msg(str`Delivery is promised by ${formatDate(dayOf(promisedOn))}.`)
              : msg('The promised delivery date is removed.'),
          );
          return order;
        } catch (error) {
          if (isStale(error)) effects.reload();
          throw error;
        }
      },
    });
  }

  render(order: StaffOrderDetail) {
    const busy = this.changeTask.status === TaskStatus.PENDING;
    const failed = this.changeTask.status === TaskStatus.ERROR && this.#changing === order.id;
    const promisedOn = order.promisedOn;
    return html`
      <section part="promise" class="block" aria-labelledby="promise-title">
        <h3 id="promise-title">${msg('Promised delivery')}</h3>
        <p part="promised-on">
          ${
            promisedOn
              ? html`${msg('Promised by')}
                  <time datetime=${promisedOn}>${formatDate(dayOf(promisedOn))}</time>`
              : html`<span class="hint">${msg('No delivery date promised.')}</span>`
          }
        </p>
        ${
          failed
            ? html`<p part="error" role="alert">
                ${staffErrorMessage(this.changeTask.error, order)}
              </p>`
            : nothing
        }
        ${order.staffCan.setPromise ? this.#form(order, busy) : nothing}
      </section>
    `;
  }

  #form(order: StaffOrderDetail, busy: boolean) {
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const value = String(new FormData(event.target as HTMLFormElement).get('promisedOn') ?? '');
      this.#run(order, value || null);
    };
    return html`<form part="promise-form" class="promise-form" @submit=${submit}>
      <label>
        ${msg('Promised delivery date')}
        <input
          part="promise-input"
          name="promisedOn"
          type="date"
          required
          aria-describedby="promise-hint"
          .value=${live(order.promisedOn ?? '')}
        />
      </label>
      <span id="promise-hint" class="hint">
        ${msg('If the order is not delivered by then, the customer is told it is delayed.')}
      </span>
      <div class="buttons">
        <button
          part="save-promise"
          type="submit"
          class="secondary"
          aria-busy=${busy ? 'true' : 'false'}
          ?disabled=${busy}
        >
          ${msg('Save date')}
        </button>
        ${
          order.promisedOn
            ? html`<button
                part="clear-promise"
                type="button"
                class="secondary"
                ?disabled=${busy}
                @click=${() => this.#run(order, null)}
              >
                ${msg('Remove the promise')}
              </button>`
            : nothing
        }
      </div>
    </form>`;
  }

  #run(order: StaffOrderDetail, promisedOn: string | null): void {
    const api = this.#host.api;
    if (!api || this.changeTask.status === TaskStatus.PENDING) return;
    this.#changing = order.id;
    void this.changeTask.run([api, order.id, promisedOn]);
  }
}

/** A calendar day at noon, so that formatting it in any time zone shows that same day. */
function dayOf(date: string): string {
  return `${date}T12:00:00`;
}
