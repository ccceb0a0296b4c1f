import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { renderTaskError } from './account-billing.api.ts';

interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

export interface PagesHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface PagesOptions<Item> {
  /** What the list depends on besides the API: the account and any filter, as one string. */
  key(): string | null;
  load(api: PorticoApi, cursor: string | undefined, signal: AbortSignal): Promise<Page<Item>>;
  /** The element in the list that takes focus: the focusable item at `index`. */
  focusSelector(index: number): string;
}

/**
 * A list read page by page: the first page whenever its key changes, the next ones appended by
 * "Show more", after which focus moves to the first new item so a keyboard user reads on there.
 */
export class PagesController<Item> implements ReactiveController {
  items: Item[] = [];
  nextCursor: string | null = null;

  readonly firstTask: Task<readonly [PorticoApi | undefined, string | null], Page<Item>>;
  readonly moreTask: Task<[PorticoApi, string], void>;

  readonly #host: PagesHost;
  readonly #options: PagesOptions<Item>;
  /** Counts first pages, so a "Show more" that returns after a new filter is dropped. */
  #generation = 0;
  #focusIndex = -1;

  constructor(host: PagesHost, options: PagesOptions<Item>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);

    this.firstTask = new Task(host, {
      args: () => [host.api, options.key()] as const,
      task: async ([api, key], { signal }) => {
        this.#generation++;
        if (!api || key === null) {
          this.items = [];
          this.nextCursor = null;
          return initialState;
        }
        const page = await options.load(api, undefined, signal);
        this.items = page.items;
        this.nextCursor = page.nextCursor;
        return page;
      },
    });

    this.moreTask = new Task(host, {
      autoRun: false,
      task: async ([api, cursor]: [PorticoApi, string], { signal }) => {
        const generation = this.#generation;
        const page = await options.load(api, cursor, signal);
        if (generation !== this.#generation) return;
        this.#focusIndex = page.items.length ? this.items.length : -1;
        this.items = [...this.items, ...page.items];
        this.nextCursor = page.nextCursor;
      },
    });
  }

  hostUpdated(): void {
    if (this.#focusIndex < 0) return;
    const selector = this.#options.focusSelector(this.#focusIndex);
    this.#focusIndex = -1;
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  get loading(): boolean {
    return this.firstTask.status === TaskStatus.PENDING;
  }

  /** Whether the first page has been read for the current key. */
  get loaded(): boolean {
    return this.firstTask.status === TaskStatus.COMPLETE;
  }

  /** The failure of a read, with "Try again", and the "Show more" button when there is more. */
  renderFooter(part: string, label: unknown) {
    const api = this.#host.api;
    const more = this.moreTask.status === TaskStatus.PENDING;
    return html`
      ${renderTaskError(this.firstTask, () => void this.firstTask.run())}
      ${renderTaskError(this.moreTask, () => this.#more())}
      ${
        api && this.nextCursor && !this.loading
          ? html`<button
              part="more ${part}"
              type="button"
              class="secondary"
              aria-disabled=${more ? 'true' : 'false'}
              aria-busy=${more ? 'true' : 'false'}
              @click=${() => !more && this.#more()}
            >
              ${more ? msg('Loading more…') : label}
            </button>`
          : nothing
      }
    `;
  }

  #more(): void {
    const api = this.#host.api;
    if (api && this.nextCursor) void this.moreTask.run([api, this.nextCursor]);
  }
}
