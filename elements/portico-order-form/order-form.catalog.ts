import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { isolate, ownDirection } from '../shared/bidi.ts';
import { formatMoney, formatNumber } from '../shared/format.ts';
import { pause, renderShowMore } from '../shared/task.ts';
import {
  apiLocale,
  imageUrl,
  renderTaskError,
  type CatalogItem,
  type Category,
} from './order-form.api.ts';

/** How long typing must rest before the search runs. */
const SEARCH_DELAY = 250;
/** At or below this many units a card says "Only N left". */
const LOW_STOCK = 10;

export interface CatalogHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly pageSize: number;
  /** A product's SKU to show first, highlighted. */
  readonly product?: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface CatalogActions {
  add(item: CatalogItem): void;
  quantityOf(productId: string): number;
}

interface Shown {
  query: string;
  category: string;
  limit: number;
}

/**
 * The catalog step's data: search with a debounce, a category filter, pages joined by "Show more",
 * and the product named by the host's `product` attribute. Renders the search, filter and cards.
 */
export class CatalogController implements ReactiveController {
  /** What the search field holds; the search runs once typing rests. */
  query = '';
  /** The category id to show, or '' for all. */
  category = '';
  items: CatalogItem[] = [];
  nextCursor: string | null = null;

  readonly categoriesTask: Task<readonly [PorticoApi | undefined, string], Category[]>;
  readonly listTask: Task<readonly [PorticoApi | undefined, string, string, number, string]>;
  readonly moreTask: Task<[PorticoApi, string]>;
  readonly featuredTask: Task<
    readonly [PorticoApi | undefined, string, string],
    CatalogItem | null
  >;

  readonly #host: CatalogHost;
  readonly #actions: CatalogActions;
  #shown: Shown = { query: '', category: '', limit: 0 };
  /** Counts list results, so a "Show more" that returns after a new search is dropped. */
  #generation = 0;
  #focusFeatured = false;
  /** The first card a "Show more" added, to move focus to once it is on screen. */
  #focusIndex = -1;

  constructor(host: CatalogHost, actions: CatalogActions) {
    this.#host = host;
    this.#actions = actions;
    host.addController(this);

    this.categoriesTask = new Task(host, {
      args: () => [host.api, apiLocale()] as const,
      task: async ([api, locale], { signal }) => {
        if (!api) return initialState;
        return api.trpc.catalog.categories.query({ locale }, { signal });
      },
    });

    this.listTask = new Task(host, {
      args: () => [host.api, this.query.trim(), this.category, this.#limit(), apiLocale()] as const,
      task: async ([api, query, category, limit, locale], { signal }) => {
        if (!api) return initialState;
        if (query !== this.#shown.query) await pause(SEARCH_DELAY, signal);
        const page = await api.trpc.catalog.list.query(
          { locale, query: query || undefined, category: category || undefined, limit },
          { signal },
        );
        this.#generation++;
        this.#shown = { query, category, limit };
        this.items = page.items;
        this.nextCursor = page.nextCursor;
        return page;
      },
    });

    this.moreTask = new Task(host, {
      autoRun: false,
      task: async ([api, cursor]: [PorticoApi, string], { signal }) => {
        const generation = this.#generation;
        const { query, category, limit } = this.#shown;
        const page = await api.trpc.catalog.list.query(
          {
            locale: apiLocale(),
            query: query || undefined,
            category: category || undefined,
            cursor,
            limit,
          },
          { signal },
        );
        if (generation !== this.#generation) return;
        this.#focusIndex = page.items.length ? this.items.length : -1;
        this.items = [...this.items, ...page.items];
        this.nextCursor = page.nextCursor;
      },
    });

    this.featuredTask = new Task(host, {
      args: () => [host.api, host.product?.trim() ?? '', apiLocale()] as const,
      task: async ([api, sku, locale], { signal }) => {
        if (!api || !sku) return initialState;
        const item = await api.trpc.catalog.byId.query({ sku, locale }, { signal });
        this.#focusFeatured = item !== null;
        return item;
      },
    });
  }

  hostUpdated(): void {
    if (this.#focusFeatured) {
      const add = this.#host.renderRoot.querySelector<HTMLButtonElement>(
        "[part~='featured'] [part~='add']",
      );
      if (add) {
        this.#focusFeatured = false;
        if (!add.disabled) add.focus();
      }
    }
    if (this.#focusIndex >= 0) {
      const cards = this.#host.renderRoot.querySelectorAll<HTMLElement>(
        "[part~='products'] > [part~='product'] h3",
      );
      cards[this.#focusIndex]?.focus();
      this.#focusIndex = -1;
    }
  }

  render() {
    const featured = this.featuredTask.value ?? null;
    return html`
      <form role="search" part="search-form" class="search" @submit=${this.#onSearchSubmit}>
        <label>
          ${msg('Search products')}
          <input
            part="search"
            type="search"
            name="query"
            autocomplete="off"
            maxlength="100"
            .value=${live(this.query)}
            @input=${this.#onSearchInput}
          />
        </label>
      </form>
      ${this.#renderCategories()} ${renderTaskError(this.featuredTask)}
      ${
        this.featuredTask.status === TaskStatus.COMPLETE && !featured
          ? html`<p class="hint">
              ${msg('The product you were looking for is not sold any more.')}
            </p>`
          : nothing
      }
      ${
        featured
          ? html`<section class="featured" aria-label=${msg('Selected product')}>
              <ul class="grid">
                ${this.#renderCard(featured, true)}
              </ul>
            </section>`
          : nothing
      }
      ${this.#renderProducts(featured?.id)}
    `;
  }

  #renderCategories() {
    const categories = (this.categoriesTask.value ?? []).filter(
      (category) => Number(category.productCount ?? 0) > 0 || category.id === this.category,
    );
    if (!categories.length) return renderTaskError(this.categoriesTask);
    const chip = (id: string, name: string) =>
      html`<button
        type="button"
        part="category"
        class="chip"
        aria-pressed=${this.category === id ? 'true' : 'false'}
        @click=${() => this.#chooseCategory(id)}
      >
        ${name}
      </button>`;
    return html`
      <div part="categories" role="group" aria-label=${msg('Categories')}>
        ${chip('', msg('All'))} ${categories.map((category) => chip(category.id, category.name))}
      </div>
    `;
  }

  #renderProducts(featuredId: string | undefined) {
    const pending = this.listTask.status === TaskStatus.PENDING;
    const items = this.items.filter((item) => item.id !== featuredId);
    const loadedOnce = this.listTask.status === TaskStatus.COMPLETE || this.#generation > 0;
    const morePending = this.moreTask.status === TaskStatus.PENDING;
    return html`
      ${pending ? html`<p part="loading" class="loading" role="status">${msg('Loading products…')}</p>` : nothing}
      ${renderTaskError(this.listTask)}
      ${
        loadedOnce && !pending && this.items.length === 0
          ? html`<p class="empty">
              ${
                this.#shown.query
                  ? msg(str`No products match “${isolate(this.#shown.query)}”.`)
                  : msg('There are no products here yet.')
              }
            </p>`
          : nothing
      }
      <ul part="products" class="grid" aria-busy=${pending ? 'true' : 'false'}>
        ${items.map((item) => this.#renderCard(item, false))}
      </ul>
      ${renderTaskError(this.moreTask)}
      ${this.nextCursor && !pending ? renderShowMore(morePending, this.#onMoreClick) : nothing}
    `;
  }

  #renderCard(item: CatalogItem, featured: boolean) {
    const api = this.#host.api;
    const inCart = this.#actions.quantityOf(item.id);
    const soldOut = item.stock === 0;
    const full = item.stock !== null && inCart >= item.stock;
    return html`
      <li part=${featured ? 'product featured' : 'product'} class="card">
        ${
          item.image && api
            ? html`<img
                part="product-image"
                src=${imageUrl(item.image, api.url)}
                alt=""
                width="320"
                height="240"
                loading="lazy"
              />`
            : html`<div part="product-image" class="no-image"></div>`
        }
        <div class="body">
          <h3 part="product-name" tabindex="-1">${ownDirection(item.name)}</h3>
          ${item.description ? html`<p class="description" dir="auto">${item.description}</p>` : nothing}
          <p part="price">${formatMoney(item.unitPrice, item.currency)}</p>
          ${this.#renderBadges(item)}
          <div class="card-actions">
            <button
              part="add"
              type="button"
              class="primary"
              ?disabled=${soldOut || full}
              @click=${() => this.#actions.add(item)}
            >
              ${
                soldOut
                  ? msg(html`Sold out<span class="visually-hidden">: ${item.name}</span>`)
                  : msg(html`Add to cart<span class="visually-hidden">: ${item.name}</span>`)
              }
            </button>
            ${inCart ? html`<span class="in-cart">${msg(str`In cart: ${formatNumber(inCart)}`)}</span>` : nothing}
          </div>
        </div>
      </li>
    `;
  }

  #renderBadges(item: CatalogItem) {
    const badges = [];
    if (item.kind === 'service') badges.push(html`<span part="badge">${msg('Service')}</span>`);
    if (item.stock === 0) {
      badges.push(html`<span part="badge" class="sold-out">${msg('Sold out')}</span>`);
    } else if (item.stock !== null && item.stock <= LOW_STOCK) {
      badges.push(
        html`<span part="badge" class="low"
          >${msg(str`Only ${formatNumber(item.stock)} left`)}</span
        >`,
      );
    }
    return badges.length ? html`<p class="badges">${badges}</p>` : nothing;
  }

  #limit(): number {
    return Math.min(50, Math.max(1, Math.trunc(this.#host.pageSize) || 12));
  }

  #chooseCategory(id: string) {
    this.category = id;
    this.#host.requestUpdate();
  }

  readonly #onSearchInput = (event: InputEvent) => {
    this.query = (event.target as HTMLInputElement).value;
    this.#host.requestUpdate();
  };

  readonly #onSearchSubmit = (event: SubmitEvent) => {
    event.preventDefault();
  };

  readonly #onMoreClick = () => {
    const api = this.#host.api;
    if (api && this.nextCursor) void this.moreTask.run([api, this.nextCursor]);
  };
}
