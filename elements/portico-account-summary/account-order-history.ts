import { html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { ownDirection } from '../shared/bidi.ts';
import { formatDate, formatMoney, formatNumber } from '../shared/format.ts';
import { routeHref } from './account.routes.ts';
import { pause, renderShowMore } from '../shared/task.ts';
import {
  ORDER_STATUSES,
  accountOf,
  itemCount,
  renderStatus,
  renderTaskError,
  statusLabel,
  type OrderStatus,
  type OrderSummary,
  type ViewEffects,
} from './account-orders.api.ts';

/** How long typing must rest before the search runs. */
const SEARCH_DELAY = 250;

export interface HistoryHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly session: SessionState;
  readonly number: string | null;
  readonly pageSize: number;
  readonly shopHref?: string | undefined;
}

export interface Filter {
  query: string;
  /** One status, or '' for all. */
  status: OrderStatus | '';
  /** Inclusive days as YYYY-MM-DD, or '' for open-ended. */
  from: string;
  to: string;
}

const NO_FILTER: Filter = { query: '', status: '', from: '', to: '' };

const isFiltered = (filter: Filter) => Object.values(filter).some((value) => value.trim() !== '');

/** The server's input for a filter: empty parts left out. */
function listInput(filter: Filter) {
  return {
    query: filter.query || undefined,
    status: filter.status ? [filter.status] : undefined,
    from: filter.from || undefined,
    to: filter.to || undefined,
  };
}

/**
 * The order history: search (debounced; a newer search aborts the older request), a status and
 * a date filter, pages joined by "Show more", and what to say when nothing is there.
 */
export class HistoryController {
  /** What the filter controls hold; the list follows once typing rests. */
  filter: Filter = { ...NO_FILTER };
  items: OrderSummary[] = [];
  nextCursor: string | null = null;

  readonly listTask: Task<
    readonly [
      PorticoApi | undefined,
      string | null,
      boolean,
      string,
      OrderStatus | '',
      string,
      string,
      number,
    ]
  >;
  readonly moreTask: Task<[PorticoApi, string]>;

  readonly #host: HistoryHost;
  readonly #effects: ViewEffects;
  /** The filter and page size behind the orders on screen. */
  #shown: { filter: Filter; limit: number } = { filter: NO_FILTER, limit: 0 };
  /** Counts list results, so a "Show more" that returns after a new search is dropped. */
  #generation = 0;
  /** The list result the last "Show more" continued; its failure shows only beside that list. */
  #moreFor = -1;
  /** Whether the current account's orders came back at least once. */
  #loaded = false;
  /** The backend and account whose orders are on screen; no other's are shown meanwhile. */
  #account: string | null = null;

  constructor(host: HistoryHost, effects: ViewEffects) {
    this.#host = host;
    this.#effects = effects;

    this.listTask = new Task(host, {
      args: () => {
        const { query, status, from, to } = this.filter;
        const shown = !host.number;
        return [
          host.api,
          accountOf(host.session),
          shown,
          query.trim(),
          status,
          from,
          to,
          this.#limit(),
        ] as const;
      },
      task: async ([api, account, shown, query, status, from, to, limit], { signal }) => {
        if (!api || !account || !shown) return initialState;
        const whose = `${api.url} ${account}`;
        if (whose !== this.#account) {
          this.#account = whose;
          this.items = [];
          this.nextCursor = null;
          this.#loaded = false;
        } else if (query !== this.#shown.filter.query) {
          await pause(SEARCH_DELAY, signal);
        }
        const filter: Filter = { query, status, from, to };
        const page = await api.trpc.order.list.query({ ...listInput(filter), limit }, { signal });
        this.#generation++;
        this.#loaded = true;
        this.#shown = { filter, limit };
        this.items = page.items;
        this.nextCursor = page.nextCursor;
        return page;
      },
    });

    this.moreTask = new Task(host, {
      autoRun: false,
      task: async ([api, cursor]: [PorticoApi, string], { signal }) => {
        const generation = this.#generation;
        const { filter, limit } = this.#shown;
        const page = await api.trpc.order.list.query(
          { ...listInput(filter), cursor, limit },
          { signal },
        );
        if (generation !== this.#generation) return;
        if (page.items.length) this.#effects.focusSoon(`[data-index='${this.items.length}'] a`);
        this.items = [...this.items, ...page.items];
        this.nextCursor = page.nextCursor;
      },
    });
  }

  render() {
    const pending = this.listTask.status === TaskStatus.PENDING;
    const morePending = this.moreTask.status === TaskStatus.PENDING;
    const summary = this.listTask.status === TaskStatus.ERROR ? '' : this.#summary(pending);
    const empty = this.#empty();
    return html`
      <section part="history" aria-labelledby="orders-title">
        <h2 id="orders-title" part="heading" tabindex="-1">${msg('Your orders')}</h2>
        ${this.#renderFilters()}
        <p part="summary" role="status" class=${empty ? 'empty' : ''}>${summary || nothing}</p>
        ${renderTaskError(this.listTask, () => void this.listTask.run())}
        ${empty ? this.#renderEmpty() : nothing}
        ${
          this.items.length
            ? html`<ol part="list" aria-busy=${pending ? 'true' : 'false'}>
                ${this.items.map((order, index) => this.#renderOrder(order, index))}
              </ol>`
            : nothing
        }
        ${
          this.#moreFor === this.#generation
            ? renderTaskError(this.moreTask, () => this.#onMoreClick())
            : nothing
        }
        ${this.nextCursor && !pending ? renderShowMore(morePending, this.#onMoreClick) : nothing}
      </section>
    `;
  }

  #renderFilters() {
    const { filter } = this;
    return html`
      <form
        part="filters"
        role="search"
        aria-label=${msg('Find orders')}
        @submit=${this.#onSubmit}
        @input=${this.#onInput}
        @change=${this.#onInput}
      >
        <label class="query">
          ${msg('Search by order number or product')}
          <input
            part="search"
            type="search"
            name="query"
            autocomplete="off"
            maxlength="100"
            .value=${live(filter.query)}
          />
        </label>
        <label>
          ${msg('Status')}
          <select part="status-filter" name="status">
            <option value="" ?selected=${filter.status === ''}>${msg('All statuses')}</option>
            ${ORDER_STATUSES.map(
              (status) =>
                html`<option value=${status} ?selected=${filter.status === status}>
                  ${statusLabel(status)}
                </option>`,
            )}
          </select>
        </label>
        <label>
          ${msg('Placed from')}
          <input
            part="from"
            type="date"
            name="from"
            max=${filter.to || nothing}
            .value=${live(filter.from)}
          />
        </label>
        <label>
          ${msg('Placed until')}
          <input
            part="to"
            type="date"
            name="to"
            min=${filter.from || nothing}
            .value=${live(filter.to)}
          />
        </label>
      </form>
    `;
  }

  #renderOrder(order: OrderSummary, index: number) {
    return html`
      <li part="order" data-index=${index}>
        <a part="order-link" href=${routeHref({ view: 'order', number: order.number })}>
          <span class="visually-hidden">${msg('Order')}</span> ${ownDirection(order.number)}
        </a>
        ${renderStatus(order.status)}
        <span class="meta">
          <time datetime=${order.createdAt}>${formatDate(order.createdAt)}</time>
          <span>${itemCount(order.itemCount)}</span>
        </span>
        <span part="order-total" class="amount">${formatMoney(order.total, order.currency)}</span>
      </li>
    `;
  }

  #renderEmpty() {
    const shop = this.#host.shopHref;
    if (isFiltered(this.#shown.filter)) {
      return html`<button
        part="clear-filters"
        type="button"
        class="secondary"
        @click=${this.#onClearClick}
      >
        ${msg('Clear filters')}
      </button>`;
    }
    return shop
      ? html`<a part="shop" class="button" href=${shop}>${msg('Start shopping')}</a>`
      : nothing;
  }

  /** What the live region says: loading, how many orders are shown, or that there are none. */
  #summary(pending: boolean): string {
    if (pending) return msg('Loading your orders…');
    if (!this.#loaded) return '';
    const count = this.items.length;
    if (count === 0) {
      return isFiltered(this.#shown.filter)
        ? msg('No orders match these filters.')
        : msg('No orders yet.');
    }
    return count === 1 ? msg('Showing 1 order.') : msg(str`Showing ${formatNumber(count)} orders.`);
  }

  #empty(): boolean {
    return this.#loaded && this.items.length === 0 && this.listTask.status === TaskStatus.COMPLETE;
  }

  #limit(): number {
    return Math.min(50, Math.max(1, Math.trunc(this.#host.pageSize) || 10));
  }

  readonly #onInput = (event: Event) => {
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    if (!(control.name in this.filter)) return;
    this.filter = { ...this.filter, [control.name]: control.value };
    this.#host.requestUpdate();
  };

  readonly #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
  };

  readonly #onClearClick = () => {
    this.filter = { ...NO_FILTER };
    this.#effects.focusSoon("[part~='search']");
    this.#host.requestUpdate();
  };

  readonly #onMoreClick = () => {
    const api = this.#host.api;
    if (!api || !this.nextCursor) return;
    this.#moreFor = this.#generation;
    void this.moreTask.run([api, this.nextCursor]);
  };
}
