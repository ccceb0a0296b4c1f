import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { formatDateTime } from '../shared/format.ts';
import { renderMore, renderTaskError } from '../shared/task.ts';
import {
  DELIVERY_PAGE,
  DELIVERY_STATUSES,
  deliveryStatusLabel,
  eventLabel,
  type Delivery,
  type DeliveryStatus,
  type Endpoint,
  type IntegrationsEffects,
} from './staff-integrations.api.ts';

export interface DeliveriesHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly isAdmin: boolean;
}

export interface DeliveryFilter {
  endpointId: string;
  status: DeliveryStatus | '';
}

/**
 * What was sent to the endpoints, newest first: each delivery's event, status, attempts, the
 * endpoint's answer (its body opens on demand) and the next try; filtered by endpoint and status,
 * a page at a time. "Send again" queues a new delivery of the same event, signed afresh.
 */
export class DeliveriesController {
  filter: DeliveryFilter = { endpointId: '', status: '' };
  rows: Delivery[] = [];
  cursor: string | null = null;
  /** Bumped to read the first page again. */
  syncs = 0;
  /** The delivery "Send again" is for. */
  replaying: string | null = null;

  readonly listTask: Task<
    readonly [PorticoApi | undefined, boolean, string, string, number],
    Delivery[]
  >;
  readonly moreTask: Task<[PorticoApi, string], void>;
  readonly replayTask: Task<[PorticoApi, Delivery], Delivery>;
  readonly #host: DeliveriesHost;
  #announceNext = false;

  constructor(host: DeliveriesHost, effects: IntegrationsEffects) {
    this.#host = host;
    this.listTask = new Task(host, {
      args: () =>
        [host.api, host.isAdmin, this.filter.endpointId, this.filter.status, this.syncs] as const,
      task: async ([api, isAdmin, endpointId, status], { signal }) => {
        if (!api || !isAdmin) return initialState;
        const page = await api.trpc.staff.webhook.deliveries.query(
          {
            endpointId: endpointId || undefined,
            status: status || undefined,
            limit: DELIVERY_PAGE,
          },
          { signal },
        );
        this.rows = page.items;
        this.cursor = page.nextCursor;
        // Said only when the staff member asked for this list, not after their other changes.
        if (this.#announceNext)
          effects.announce(shownMessage(page.items.length, page.nextCursor !== null));
        this.#announceNext = false;
        return page.items;
      },
    });
    this.moreTask = new Task(host, {
      autoRun: false,
      task: async ([api, cursor], { signal }) => {
        const { endpointId, status } = this.filter;
        const page = await api.trpc.staff.webhook.deliveries.query(
          {
            endpointId: endpointId || undefined,
            status: status || undefined,
            cursor,
            limit: DELIVERY_PAGE,
          },
          { signal },
        );
        const known = new Set(this.rows.map((row) => row.id));
        this.rows = [...this.rows, ...page.items.filter((row) => !known.has(row.id))];
        this.cursor = page.nextCursor;
        effects.announce(msg(str`${page.items.length} more deliveries shown.`));
      },
    });
    this.replayTask = new Task(host, {
      autoRun: false,
      task: async ([api, delivery], { signal }) => {
        try {
          const queued = await api.trpc.staff.webhook.replay.mutate(
            { deliveryId: delivery.id },
            { signal },
          );
          effects.announce(msg(str`${eventLabel(delivery.eventType)} is queued to be sent again.`));
          this.refresh();
          return queued;
        } finally {
          this.replaying = null;
        }
      },
    });
  }

  /** Shows the deliveries of one endpoint. */
  showEndpoint(endpointId: string): void {
    this.filter = { ...this.filter, endpointId };
    this.#announceNext = true;
    this.#host.requestUpdate();
  }

  refresh(): void {
    this.syncs += 1;
    this.#host.requestUpdate();
  }

  render(endpoints: readonly Endpoint[]) {
    const loading = this.listTask.status === TaskStatus.PENDING;
    const first = this.listTask.status === TaskStatus.INITIAL || (loading && !this.listTask.value);
    return html`
      <section
        part="deliveries"
        class="block"
        aria-labelledby="deliveries-title"
        aria-busy=${loading ? 'true' : 'false'}
      >
        <h2 id="deliveries-title" tabindex="-1">${msg('Deliveries')}</h2>
        <form
          part="delivery-filters"
          class="filters"
          @change=${this.#filterChange}
          @submit=${(event: Event) => event.preventDefault()}
        >
          <label>
            ${msg('Endpoint')}
            <select part="endpoint-filter" name="endpointId">
              <option value="" ?selected=${!this.filter.endpointId}>${msg('All endpoints')}</option>
              ${endpoints.map(
                (endpoint) =>
                  html`<option
                    value=${endpoint.id}
                    ?selected=${this.filter.endpointId === endpoint.id}
                  >
                    ${endpoint.url}
                  </option>`,
              )}
            </select>
          </label>
          <label>
            ${msg('Status')}
            <select part="status-filter" name="status">
              <option value="" ?selected=${!this.filter.status}>${msg('Any status')}</option>
              ${DELIVERY_STATUSES.map(
                (status) =>
                  html`<option value=${status} ?selected=${this.filter.status === status}>
                    ${deliveryStatusLabel(status)}
                  </option>`,
              )}
            </select>
          </label>
          <button
            part="refresh"
            type="button"
            class="secondary"
            ?disabled=${loading}
            @click=${() => {
              this.#announceNext = true;
              this.refresh();
            }}
          >
            ${msg('Refresh')}
          </button>
        </form>
        ${renderTaskError(this.listTask, () => void this.listTask.run())}
        ${renderTaskError(this.replayTask)}
        ${
          first
            ? html`<p role="status" class="hint">${msg('Loading the deliveries…')}</p>`
            : this.rows.length
              ? this.#table()
              : html`<p part="deliveries-empty" class="hint">${msg('No deliveries match.')}</p>`
        }
        ${renderTaskError(this.moreTask, () => this.#loadMore())}
        ${this.cursor ? renderMore(this.moreTask.status === TaskStatus.PENDING, () => this.#loadMore()) : nothing}
      </section>
    `;
  }

  #table() {
    const busy = this.replayTask.status === TaskStatus.PENDING;
    return html`<div
      class="table-scroll"
      role="region"
      aria-label=${msg('Deliveries table, scrolls sideways')}
      tabindex="0"
    >
      <table part="delivery-table">
        <thead>
          <tr>
            <th scope="col">${msg('Event')}</th>
            <th scope="col">${msg('Endpoint')}</th>
            <th scope="col">${msg('Status')}</th>
            <th scope="col">${msg('Attempts')}</th>
            <th scope="col">${msg('Answer')}</th>
            <th scope="col">${msg('Next try')}</th>
            <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.rows.map((row) => this.#row(row, busy))}
        </tbody>
      </table>
    </div>`;
  }

  #row(row: Delivery, busy: boolean) {
    return html`<tr part="delivery" data-id=${row.id}>
      <td>
        <span part="delivery-event">${eventLabel(row.eventType)}</span>
        <span class="hint"
          ><time datetime=${row.createdAt}>${formatDateTime(row.createdAt)}</time></span
        >
      </td>
      <td class="clip">${row.url}</td>
      <td>
        <span part="delivery-status status-${row.status}" class="badge"
          >${deliveryStatusLabel(row.status)}</span
        >
      </td>
      <td part="attempts">${row.attempts}</td>
      <td>
        ${row.responseStatus === null ? nothing : html`<span part="response-status">HTTP ${row.responseStatus}</span>`}
        ${row.error ? html`<span part="delivery-error" class="hint clip">${row.error}</span>` : nothing}
        ${
          row.responseBody
            ? html`<details part="response">
                <summary>${msg('Response body')}</summary>
                <pre part="response-body">${row.responseBody}</pre>
              </details>`
            : row.responseStatus === null && !row.error
              ? html`<span class="hint">${msg('None yet')}</span>`
              : nothing
        }
      </td>
      <td>
        ${row.nextAttemptAt ? html`<time datetime=${row.nextAttemptAt}>${formatDateTime(row.nextAttemptAt)}</time>` : html`<span class="hint">—</span>`}
      </td>
      <td>
        <button
          part="replay"
          type="button"
          class="secondary"
          aria-label=${msg(str`Send again: ${eventLabel(row.eventType)} to ${row.url}`)}
          aria-busy=${this.replaying === row.id ? 'true' : 'false'}
          ?disabled=${busy}
          @click=${() => this.#replay(row)}
        >
          ${msg('Send again')}
        </button>
      </td>
    </tr>`;
  }

  #replay(row: Delivery): void {
    const api = this.#host.api;
    if (!api || this.replayTask.status === TaskStatus.PENDING) return;
    this.replaying = row.id;
    void this.replayTask.run([api, row]);
  }

  #loadMore(): void {
    const api = this.#host.api;
    if (!api || !this.cursor || this.moreTask.status === TaskStatus.PENDING) return;
    void this.moreTask.run([api, this.cursor]);
  }

  readonly #filterChange = (event: Event): void => {
    this.#announceNext = true;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    this.filter = {
      endpointId: String(data.get('endpointId') ?? ''),
      status: String(data.get('status') ?? '') as DeliveryFilter['status'],
    };
    this.#host.requestUpdate();
  };
}

function shownMessage(count: number, more: boolean): string {
  if (count === 0) return msg('No deliveries match.');
  if (more) return msg(str`${count} deliveries shown; more can be loaded.`);
  return count === 1 ? msg('1 delivery shown.') : msg(str`${count} deliveries shown.`);
}
