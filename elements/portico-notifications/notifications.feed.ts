import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { formatDateTime } from '../shared/format.ts';
import {
  PAGE_SIZE,
  notificationSentence,
  renderShowMore,
  renderTaskError,
  type NotificationChange,
  type NotificationView,
  type ViewEffects,
} from './notifications.api.ts';

export interface FeedHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  /** The signed-in customer and their account, or '' when there is nobody to read for. */
  readonly personKey: string;
  /** Whether the list is on screen; it is read (again) each time the panel opens. */
  readonly listShown: boolean;
  /** Notifications per page, 1 to 50. */
  readonly pageSize: number;
}

export interface FeedOptions extends ViewEffects {
  /** The customer chose a notification; it is being marked read. */
  chosen(notification: NotificationView): void;
}

/** Keeps `items` newest first with each id once, the later copy of a notification winning. */
function merge(newer: readonly NotificationView[], older: readonly NotificationView[]) {
  const seen = new Set(newer.map((item) => item.id));
  return [...newer, ...older.filter((item) => !seen.has(item.id))];
}

/**
 * The person's notifications: the unread count for the bell (read once, then kept by the live
 * updates), the list with its pages while the panel shows it, and marking read.
 */
export class NotificationFeed {
  /** The number of unread notifications, or null until known. */
  unread: number | null = null;
  items: NotificationView[] = [];
  nextCursor: string | null = null;

  readonly countTask: Task<readonly [PorticoApi | undefined, string], number>;
  readonly listTask: Task<readonly [PorticoApi | undefined, string, boolean], number>;
  readonly moreTask: Task<[], void>;
  readonly markTask: Task<[string[]], void>;
  readonly markAllTask: Task<[], void>;

  readonly #host: FeedHost;
  readonly #options: FeedOptions;
  /** The person `items` and `unread` belong to. */
  #key = '';
  /** Counts the live changes, so an answer older than the last change does not undo it. */
  #changes = 0;

  constructor(host: FeedHost, options: FeedOptions) {
    this.#host = host;
    this.#options = options;
    this.countTask = new Task(host, {
      args: () => [host.api, host.personKey] as const,
      task: async ([api, person], { signal }) => {
        this.#follow(api, person);
        if (!api || !person) return initialState;
        const changes = this.#changes;
        const { unread } = await api.trpc.notification.unreadCount.query(undefined, { signal });
        if (changes === this.#changes) this.unread = unread;
        return unread;
      },
    });
    this.listTask = new Task(host, {
      args: () => [host.api, host.personKey, host.listShown] as const,
      task: async ([api, person, shown], { signal }) => {
        this.#follow(api, person);
        if (!api || !person || !shown) return initialState;
        const changes = this.#changes;
        const limit = Math.min(50, Math.max(this.#pageSize, this.items.length));
        const page = await api.trpc.notification.list.query({ limit }, { signal });
        this.items = merge(
          page.items,
          this.items.filter((item) => item.createdAt < (page.items.at(-1)?.createdAt ?? '')),
        );
        if (this.items.length <= page.items.length) this.nextCursor = page.nextCursor;
        if (changes === this.#changes) this.unread = page.unread;
        return page.items.length;
      },
    });
    this.moreTask = new Task(host, {
      autoRun: false,
      args: () => [],
      task: async (_args, { signal }) => {
        const api = host.api;
        if (!api || !this.nextCursor) return;
        const page = await api.trpc.notification.list.query(
          { cursor: this.nextCursor, limit: this.#pageSize },
          { signal },
        );
        this.items = merge(this.items, page.items);
        this.nextCursor = page.nextCursor;
        options.announce(msg('More notifications loaded.'));
      },
    });
    this.markTask = new Task(host, {
      autoRun: false,
      args: () => [[]] as [string[]],
      task: async ([ids], { signal }) => {
        const api = host.api;
        if (!api || !ids.length) return;
        const { unread } = await api.trpc.notification.markRead.mutate({ ids }, { signal });
        this.unread = unread;
      },
    });
    this.markAllTask = new Task(host, {
      autoRun: false,
      args: () => [],
      task: async (_args, { signal }) => {
        const api = host.api;
        if (!api) return;
        const { unread } = await api.trpc.notification.markAllRead.mutate(undefined, { signal });
        const now = new Date().toISOString();
        this.items = this.items.map((item) => (item.readAt ? item : { ...item, readAt: now }));
        this.unread = unread;
        options.announce(msg('All notifications are marked as read.'));
      },
    });
  }

  get #pageSize(): number {
    const size = Math.round(this.#host.pageSize);
    return Number.isFinite(size) ? Math.min(50, Math.max(1, size)) : PAGE_SIZE;
  }

  /** A change the live updates brought: the count is the server's; a new one goes on top. */
  apply(change: NotificationChange): void {
    this.#changes += 1;
    this.unread = change.unread;
    const latest = change.latest;
    if (latest && !this.items.some((item) => item.id === latest.id)) {
      this.items = merge([latest], this.items);
    }
    if (change.unread === 0) {
      const now = new Date().toISOString();
      this.items = this.items.map((item) => (item.readAt ? item : { ...item, readAt: now }));
    }
    // Read elsewhere, or more than one new: the list on screen is read again to match.
    if (this.#host.listShown && this.listTask.status !== TaskStatus.PENDING) {
      void this.listTask.run();
    }
    this.#host.requestUpdate();
  }

  /** Marks one notification read at once on screen, then on the server. */
  choose(notification: NotificationView): void {
    if (!notification.readAt) {
      const now = new Date().toISOString();
      this.items = this.items.map((item) =>
        item.id === notification.id ? { ...item, readAt: now } : item,
      );
      if (this.unread) this.unread -= 1;
      void this.markTask.run([[notification.id]]);
    }
    this.#options.chosen(notification);
  }

  render() {
    const loading = this.listTask.status === TaskStatus.PENDING && !this.items.length;
    const failed = this.listTask.status === TaskStatus.ERROR && !this.items.length;
    return html`
      ${renderTaskError(this.listTask, () => void this.listTask.run())}
      ${renderTaskError(this.markTask)} ${renderTaskError(this.markAllTask)}
      ${renderTaskError(this.moreTask, () => void this.moreTask.run())}
      ${
        loading
          ? html`<p part="loading" class="hint" role="status">${msg('Loading notifications…')}</p>`
          : !failed && !this.items.length
            ? html`<p part="empty" class="hint">${msg('You have no notifications yet.')}</p>`
            : nothing
      }
      ${this.items.length ? this.#renderList() : nothing}
      ${
        this.nextCursor
          ? renderShowMore(this.moreTask.status === TaskStatus.PENDING, () => {
              void this.moreTask.run();
            })
          : nothing
      }
    `;
  }

  #renderList() {
    return html`
      <ul part="list" class="list" aria-labelledby="notifications-title">
        ${this.items.map((item) => {
          const unread = !item.readAt;
          return html`
            <li
              part=${unread ? 'item item-unread' : 'item'}
              data-id=${item.id}
              data-kind=${item.kind}
              data-read=${unread ? 'false' : 'true'}
            >
              <button
                part="item-button"
                type="button"
                class="item"
                @click=${() => this.choose(item)}
              >
                ${
                  unread
                    ? html`<span part="unread-marker" class="marker">${msg('New')}</span>`
                    : nothing
                }
                <span part="sentence" class="sentence">${notificationSentence(item)}</span>
                <time part="time" class="hint" datetime=${item.createdAt}
                  >${formatDateTime(item.createdAt)}</time
                >
              </button>
            </li>
          `;
        })}
      </ul>
    `;
  }

  /** Another person or backend: what was shown belonged to the one before. */
  #follow(api: PorticoApi | undefined, person: string): void {
    const key = `${api?.url} ${person}`;
    if (key === this.#key) return;
    this.#key = key;
    this.unread = null;
    this.items = [];
    this.nextCursor = null;
  }
}
