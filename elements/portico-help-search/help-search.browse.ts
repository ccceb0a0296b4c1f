import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import type { ContentLocale } from '../shared/locale.ts';
import {
  MAX_OFFSET,
  MAX_QUERY,
  PAGE_SIZE,
  SEARCH_DELAY,
  pause,
  renderTaskError,
  type HelpCategory,
  type HelpEffects,
  type SearchPage,
} from './help-search.api.ts';
import {
  renderCategoryList,
  renderResults,
  renderSkeleton,
  resultId,
} from './help-search.results.ts';
import { isolate } from '../shared/bidi.ts';
import { formatNumber } from '../shared/format.ts';

/** What the browsing views read from the element on every update. */
export interface BrowseState {
  api?: PorticoApi | undefined;
  /** What the search box holds. */
  query: string;
  /** The slug of the category browsed while the box is empty, or ''. */
  category: string;
  locale: ContentLocale;
  /** Whether the customer has typed: only then does a search wait for typing to rest. */
  typed: boolean;
}

export interface BrowseOptions {
  read(): BrowseState;
  effects: HelpEffects;
  /** Browses a category's articles, or all categories for ''. */
  chooseCategory(slug: string): void;
  /** Empties the search box, so the categories show. */
  clearQuery(): void;
  /** The "Didn't find what you need? Ask support" line, or nothing. */
  renderAsk(): TemplateResult | typeof nothing;
}

/** Results on screen, with what they answer. */
interface Shown extends SearchPage {
  q: string;
  category: string;
  locale: ContentLocale;
}

/** The part of the box that is searched: none while it holds only spaces. */
export function searchable(query: string): string {
  return query.trim() ? query.trimStart().slice(0, MAX_QUERY) : '';
}

/**
 * Searching and browsing: results for what is typed (debounced; a newer search aborts the
 * older request), the categories while the box is empty, and a category's articles. It also
 * keeps which result the arrow keys point at.
 */
export class HelpBrowseController {
  /** The result the search box's arrow keys point at, or -1. */
  active = -1;

  readonly searchTask: Task<
    readonly [PorticoApi | undefined, ContentLocale, string, string],
    SearchPage
  >;
  readonly moreTask: Task<[PorticoApi, Shown], void>;
  readonly categoriesTask: Task<readonly [PorticoApi | undefined, ContentLocale], HelpCategory[]>;

  readonly #host: ReactiveControllerHost;
  readonly #options: BrowseOptions;
  #shown: Shown | null = null;
  /** The results the last "Show more" continued; its failure shows only beside them. */
  #moreFor: Shown | null = null;

  constructor(host: ReactiveControllerHost, options: BrowseOptions) {
    this.#host = host;
    this.#options = options;

    this.searchTask = new Task(host, {
      args: () => {
        const { api, locale, query, category } = options.read();
        const q = searchable(query);
        return [api, locale, q, q ? '' : category] as const;
      },
      task: async ([api, locale, q, category], { signal }) => {
        if (!api || (!q && !category)) {
          this.#show(null);
          return initialState;
        }
        if (q && options.read().typed) await pause(SEARCH_DELAY, signal);
        const page = await api.trpc.help.search.query(
          { q, locale, category: category || undefined, limit: PAGE_SIZE },
          { signal },
        );
        this.#show({ ...page, q, category, locale });
        return page;
      },
    });

    this.moreTask = new Task(host, {
      autoRun: false,
      task: async ([api, shown], { signal }) => {
        const page = await api.trpc.help.search.query(
          {
            q: shown.q,
            locale: shown.locale,
            category: shown.category || undefined,
            limit: PAGE_SIZE,
            offset: shown.results.length,
          },
          { signal },
        );
        if (this.#shown !== shown) return;
        this.#shown = {
          ...shown,
          results: [...shown.results, ...page.results],
          hasMore: page.hasMore,
        };
        if (page.results.length) options.effects.focusSoon(`#${resultId(shown.results.length)}`);
      },
    });

    this.categoriesTask = new Task(host, {
      args: () => {
        const { api, locale } = options.read();
        return [api, locale] as const;
      },
      task: async ([api, locale], { signal }) => {
        if (!api) return initialState;
        return api.trpc.help.categories.query({ locale }, { signal });
      },
    });
  }

  /** The results the views show: those that answer the current box or category. */
  get shown(): Shown | null {
    const { query, category } = this.#options.read();
    const shown = this.#shown;
    if (!shown) return null;
    return searchable(query)
      ? shown.q
        ? shown
        : null
      : shown.category === category
        ? shown
        : null;
  }

  /** The results the arrow keys move through; none while the categories show. */
  get options(): number {
    return this.shown?.results.length ?? 0;
  }

  /** The article of the result the arrow keys point at. */
  get activeSlug(): string | null {
    return this.shown?.results[this.active]?.slug ?? null;
  }

  /** Moves the active result by `step`, wrapping around; false when there is none to move to. */
  move(step: 1 | -1): boolean {
    const count = this.options;
    if (!count) return false;
    this.active =
      this.active < 0 ? (step > 0 ? 0 : count - 1) : (this.active + step + count) % count;
    this.#host.requestUpdate();
    return true;
  }

  /** What the polite status line says: searching, how many articles were found, or none. */
  status(): string {
    const { query, category } = this.#options.read();
    if (!searchable(query) && !category) return '';
    if (this.searchTask.status === TaskStatus.PENDING) return msg('Searching…');
    const shown = this.shown;
    if (this.searchTask.status === TaskStatus.ERROR || !shown) return '';
    const count = shown.results.length;
    if (count === 0) return msg('No articles found');
    if (shown.hasMore) return msg(str`More than ${formatNumber(count)} articles found`);
    return count === 1 ? msg('1 article found') : msg(str`${formatNumber(count)} articles found`);
  }

  render() {
    const { query, category } = this.#options.read();
    if (searchable(query)) return this.#renderSearch();
    if (category) return this.#renderCategory(category);
    return this.#renderCategories();
  }

  #renderSearch() {
    const shown = this.shown;
    const pending = this.searchTask.status === TaskStatus.PENDING;
    return html`
      <div part="results-view" class="view">
        ${renderTaskError(this.searchTask, () => void this.searchTask.run())}
        ${
          shown?.correctedTo
            ? html`<p part="corrected" class="hint">
                ${msg(str`Showing results for “${isolate(shown.correctedTo)}”`)}
              </p>`
            : nothing
        }
        ${
          shown && shown.results.length === 0 && !pending
            ? this.#renderEmpty(shown.q)
            : this.#renderList(shown, pending, msg('Articles found'))
        }
      </div>
    `;
  }

  #renderCategory(slug: string) {
    const about = this.categoriesTask.value?.find((category) => category.slug === slug);
    const shown = this.shown;
    const pending = this.searchTask.status === TaskStatus.PENDING;
    const name = about?.name ?? msg('Articles');
    return html`
      <div part="category-view" class="view">
        <button
          part="all-categories"
          class="link back"
          type="button"
          @click=${() => this.#options.chooseCategory('')}
        >
          ${msg('Back to all categories')}
        </button>
        <h2 id="help-category-title" part="heading" tabindex="-1">${name}</h2>
        ${
          about?.description
            ? html`<p part="category-description" class="hint">${about.description}</p>`
            : nothing
        }
        ${renderTaskError(this.searchTask, () => void this.searchTask.run())}
        ${!shown && pending ? renderSkeleton() : this.#renderList(shown, pending, name)}
      </div>
    `;
  }

  #renderCategories() {
    const categories = this.categoriesTask.value ?? [];
    const pending = this.categoriesTask.status === TaskStatus.PENDING;
    return html`
      <div part="categories-view" class="view">
        <h2 id="help-categories-title" part="heading" tabindex="-1">
          ${msg('Browse by category')}
        </h2>
        ${renderTaskError(this.categoriesTask, () => void this.categoriesTask.run())}
        ${
          categories.length
            ? renderCategoryList(categories, this.#options.chooseCategory)
            : pending
              ? renderSkeleton()
              : nothing
        }
      </div>
    `;
  }

  #renderList(shown: Shown | null, pending: boolean, label: string) {
    if (!shown?.results.length) return nothing;
    const loadingMore = this.moreTask.status === TaskStatus.PENDING;
    const more = shown.hasMore && !pending && shown.results.length < MAX_OFFSET;
    return html`
      ${renderResults({
        results: shown.results,
        active: this.active,
        locale: shown.locale,
        busy: pending,
        label,
      })}
      ${this.#moreFor === shown ? renderTaskError(this.moreTask) : nothing}
      ${
        more
          ? html`<button
              part="more"
              class="secondary more"
              type="button"
              aria-disabled=${loadingMore ? 'true' : 'false'}
              aria-busy=${loadingMore ? 'true' : 'false'}
              @click=${this.#onMoreClick}
            >
              ${loadingMore ? msg('Loading more…') : msg('Show more')}
            </button>`
          : nothing
      }
      ${this.#options.renderAsk()}
    `;
  }

  #renderEmpty(q: string) {
    return html`
      <div part="empty" class="empty">
        <p>${msg(str`No articles match “${isolate(q.trim())}”.`)}</p>
        <p class="hint">${msg('Try other or fewer words, or browse the categories.')}</p>
        <button part="browse" class="secondary" type="button" @click=${this.#options.clearQuery}>
          ${msg('Browse categories')}
        </button>
        ${this.#options.renderAsk()}
      </div>
    `;
  }

  #show(shown: Shown | null): void {
    this.#shown = shown;
    this.#moreFor = null;
    this.active = -1;
  }

  readonly #onMoreClick = () => {
    const api = this.#options.read().api;
    const shown = this.#shown;
    if (!api || !shown || this.moreTask.status === TaskStatus.PENDING) return;
    this.#moreFor = shown;
    void this.moreTask.run([api, shown]);
  };
}
