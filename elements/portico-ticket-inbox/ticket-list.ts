import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { ownDirection, ownDirectionList } from '../shared/bidi.ts';
import { formatDateTime, formatNumber } from '../shared/format.ts';
import { pause } from '../shared/task.ts';
import { routeHref } from './ticket.routes.ts';
import { renderFilters, unreadText, type Filter } from './ticket-list.filters.ts';
import {
  TAG_PATTERN,
  accountOf,
  kindLabel,
  normalTag,
  renderPriority,
  renderStatus,
  renderTaskError,
  type TicketPage,
  type TicketSummary,
  type ViewEffects,
} from './ticket-list.api.ts';

/** How long typing must rest before the search runs. */
const SEARCH_DELAY = 250;

export interface ListHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly session: SessionState;
  readonly pageSize: number;
  /** Whether the list is the view on screen; it reads nothing while another one is. */
  readonly listShown: boolean;
  /** The customer's number of unread tickets, as the live updates last said; null until known. */
  readonly unread: number | null;
}

const NO_FILTER: Filter = { query: '', status: '', priority: '', tag: '' };

const isFiltered = (filter: Filter) => Object.values(filter).some((value) => value.trim() !== '');

/** A tag the server would refuse is not sent; the field says why instead. */
const usableTag = (tag: string) => (TAG_PATTERN.test(normalTag(tag)) ? normalTag(tag) : '');

/** The server's input for a filter: empty parts left out. */
function listInput(filter: Filter) {
  return {
    query: filter.query || undefined,
    status: filter.status ? [filter.status] : undefined,
    priority: filter.priority ? [filter.priority] : undefined,
    tag: filter.tag || undefined,
  };
}

/**
 * The customer's tickets, unread first: filters by status, priority, tag and words (typing is
 * debounced and a newer search aborts the older request), pages joined by "Load more", and a
 * quiet re-read whenever the live updates say a ticket changed.
 */
export class TicketListController {
  /** What the filter controls hold; the list follows once typing rests. */
  filter: Filter = { ...NO_FILTER };
  items: TicketSummary[] = [];
  nextCursor: string | null = null;

  readonly listTask: Task<
    readonly [
      PorticoApi | undefined,
      string | null,
      boolean,
      string,
      Filter['status'],
      Filter['priority'],
      string,
      number,
    ],
    TicketPage
  >;
  readonly moreTask: Task<[PorticoApi, string]>;

  readonly #host: ListHost;
  readonly #effects: ViewEffects;
  /** The filter behind the tickets on screen. */
  #shown: Filter = NO_FILTER;
  /** Counts list results, so a "Load more" that returns after a new search is dropped. */
  #generation = 0;
  /** The list result the last "Load more" continued; its failure shows only beside that list. */
  #moreFor = -1;
  #loaded = false;
  /** The backend and account whose tickets are on screen; no other's are shown meanwhile. */
  #account: string | null = null;
  /** Bumped by `refresh()`: the same filter read again, without saying "Loading". */
  #revision = 0;
  #quiet = false;

  constructor(host: ListHost, effects: ViewEffects) {
    this.#host = host;
    this.#effects = effects;

    this.listTask = new Task(host, {
      args: () => {
        const { query, status, priority, tag } = this.filter;
        return [
          host.api,
          accountOf(host.session),
          host.listShown,
          query.trim(),
          status,
          priority,
          usableTag(tag),
          this.#revision,
        ] as const;
      },
      task: async ([api, account, shown, query, status, priority, tag], { signal }) => {
        if (!api || !account || !shown) return initialState;
        const whose = `${api.url} ${account}`;
        if (whose !== this.#account) {
          this.#account = whose;
          this.items = [];
          this.nextCursor = null;
          this.#loaded = false;
        } else if (query !== this.#shown.query || tag !== this.#shown.tag) {
          await pause(SEARCH_DELAY, signal);
        }
        const filter: Filter = { query, status, priority, tag };
        const same = this.#loaded && JSON.stringify(filter) === JSON.stringify(this.#shown);
        // A re-read keeps as many tickets on screen as "Load more" had brought.
        const limit = Math.min(50, Math.max(this.#limit(), same ? this.items.length : 0));
        const page = await api.trpc.ticket.list.query({ ...listInput(filter), limit }, { signal });
        this.#generation++;
        this.#loaded = true;
        this.#quiet = false;
        this.#shown = filter;
        this.items = page.items;
        this.nextCursor = page.nextCursor;
        return page;
      },
    });

    this.moreTask = new Task(host, {
      autoRun: false,
      task: async ([api, cursor]: [PorticoApi, string], { signal }) => {
        const generation = this.#generation;
        const page = await api.trpc.ticket.list.query(
          { ...listInput(this.#shown), cursor, limit: this.#limit() },
          { signal },
        );
        if (generation !== this.#generation) return;
        if (page.items.length) this.#effects.focusSoon(`[data-index='${this.items.length}'] a`);
        this.items = [...this.items, ...page.items];
        this.nextCursor = page.nextCursor;
      },
    });
  }

  /** Reads the same filter again, quietly: a ticket changed on the server. */
  refresh(): void {
    if (!this.#loaded || !this.#host.listShown) return;
    this.#quiet = true;
    this.#revision++;
    this.#host.requestUpdate();
  }

  render() {
    const pending = this.listTask.status === TaskStatus.PENDING;
    const loud = pending && !this.#quiet;
    const morePending = this.moreTask.status === TaskStatus.PENDING;
    const summary = this.listTask.status === TaskStatus.ERROR ? '' : this.#summary(loud);
    const empty = this.#empty();
    const unread = this.#host.unread;
    return html`
      <section part="inbox" class="inbox" aria-labelledby="view-title">
        <div class="bar">
          <h2 id="view-title" part="heading" tabindex="-1">${msg('Your tickets')}</h2>
          ${
            unread
              ? html`<span part="unread" class="badge unread">${unreadText(unread)}</span>`
              : nothing
          }
          <a part="new-ticket" class="button" href=${routeHref({ view: 'new', order: null })}
            >${msg('New ticket')}</a
          >
        </div>
        ${renderFilters(this.filter, this.#onInput)}
        <p part="summary" role="status" class=${empty ? 'empty' : ''}>${summary || nothing}</p>
        ${renderTaskError(this.listTask, () => void this.listTask.run())}
        ${!this.#loaded && loud ? this.#renderSkeleton() : nothing}
        ${empty ? this.#renderEmpty() : nothing}
        ${
          this.items.length
            ? html`<ol part="list" aria-busy=${loud ? 'true' : 'false'}>
                ${this.items.map((ticket, index) => this.#renderTicket(ticket, index))}
              </ol>`
            : nothing
        }
        ${
          this.#moreFor === this.#generation
            ? renderTaskError(this.moreTask, () => this.#onMoreClick())
            : nothing
        }
        ${
          this.nextCursor && !loud
            ? html`<button
                part="more"
                type="button"
                class="secondary"
                ?disabled=${morePending}
                aria-busy=${morePending ? 'true' : 'false'}
                @click=${this.#onMoreClick}
              >
                ${morePending ? msg('Loading more…') : msg('Load more')}
              </button>`
            : nothing
        }
      </section>
    `;
  }

  #renderTicket(ticket: TicketSummary, index: number) {
    const details = ownDirectionList(
      [kindLabel(ticket.kind), ticket.category ?? ''].filter(Boolean),
      ' · ',
    );
    const messages =
      ticket.messageCount === 1
        ? msg('1 message')
        : msg(str`${formatNumber(ticket.messageCount)} messages`);
    return html`
      <li
        part=${ticket.unread ? 'ticket ticket-unread' : 'ticket'}
        data-index=${index}
        data-id=${ticket.id}
      >
        <div class="title">
          ${
            ticket.unread
              ? html`<span part="unread-marker" class="badge unread" aria-hidden="true"
                  >${msg('New answer')}</span
                >`
              : nothing
          }
          <a part="ticket-link" href=${routeHref({ view: 'ticket', id: ticket.id })}>
            <span part="number" dir="ltr">${ticket.number}</span>
            <span part="subject">${ownDirection(ticket.subject)}</span>
            ${
              ticket.unread
                ? html`<span class="visually-hidden">${msg('(new answer)')}</span>`
                : nothing
            }
          </a>
        </div>
        <div class="badges">${renderStatus(ticket.status)} ${renderPriority(ticket.priority)}</div>
        <p part="meta" class="meta">
          <span>${details}</span>
          <span
            >${msg('Updated')}
            <time datetime=${ticket.updatedAt}>${formatDateTime(ticket.updatedAt)}</time></span
          >
          <span>${messages}</span>
        </p>
        ${
          ticket.tags.length
            ? html`<ul part="tags" class="tags" aria-label=${msg('Tags')}>
                ${ticket.tags.map((tag) => html`<li part="tag" dir="auto">${tag}</li>`)}
              </ul>`
            : nothing
        }
      </li>
    `;
  }

  #renderSkeleton() {
    return html`<div part="skeleton" class="skeleton" aria-hidden="true">
      <div class="bone"></div>
      <div class="bone"></div>
      <div class="bone"></div>
    </div>`;
  }

  #renderEmpty() {
    if (isFiltered(this.#shown)) {
      return html`<button
        part="clear-filters"
        type="button"
        class="secondary"
        @click=${this.#onClearClick}
      >
        ${msg('Clear filters')}
      </button>`;
    }
    return html`<p part="empty">
      ${msg('Questions, complaints and concerns you send us appear here with our answers.')}
    </p>`;
  }

  /** What the live region says: loading, how many tickets are shown, or that there are none. */
  #summary(loading: boolean): string {
    if (loading) return msg('Loading your tickets…');
    if (!this.#loaded) return '';
    const count = this.items.length;
    if (count === 0) {
      return isFiltered(this.#shown)
        ? msg('No tickets match these filters.')
        : msg('No tickets yet.');
    }
    return count === 1
      ? msg('Showing 1 ticket.')
      : msg(str`Showing ${formatNumber(count)} tickets.`);
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
