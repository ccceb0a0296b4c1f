import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import type { PorticoApi } from '../api/client.ts';
import { formatDateTime } from '../shared/format.ts';
import { describeDevice } from './account-sessions.ts';
import {
  renderLoading,
  renderTaskError,
  userOf,
  type ProfileEffects,
  type ProfileHost,
} from './account-profile.api.ts';
import { renderShowMore } from '../shared/task.ts';

type EventPage = inferRouterOutputs<AppRouter>['profile']['securityEvents'];
export type SecurityEvent = EventPage['items'][number];

/** How many events a page holds. */
const PAGE_SIZE = 10;

/** What happened, in words. */
export function eventText(kind: SecurityEvent['kind']): string {
  switch (kind) {
    case 'sign-in':
      return msg('Signed in');
    case 'sign-in-handoff':
      return msg('Signed in through a link from another site');
    case 'sign-in-code':
      return msg('Signed in with an emailed code');
    case 'new-device':
      return msg('Signed in on a new device');
    case 'second-factor-on':
      return msg('Security codes turned on');
    case 'second-factor-off':
      return msg('Security codes turned off');
    case 'backup-codes-new':
      return msg('New backup codes created');
    case 'backup-code-used':
      return msg('A backup code was used');
    case 'password-changed':
      return msg('Password changed');
    case 'password-reset':
      return msg('Password reset with an emailed link');
    case 'signed-out-everywhere':
      return msg('Signed out on all other devices');
    case 'role-changed':
      return msg('Role changed');
    default:
      return msg('Account changed');
  }
}

/**
 * "Recent security activity": sign-ins and changes to how the person signs in, newest first, a
 * page at a time, so they notice what they did not do.
 */
export class SecurityEventsController {
  /** The events read so far, newest first. */
  events: SecurityEvent[] | null = null;
  /** Where the next page starts, or null when there is none. */
  next: string | null = null;

  readonly listTask: Task<readonly [PorticoApi | undefined, string | null], EventPage>;
  readonly moreTask: Task<[PorticoApi, string], void>;

  readonly #host: ProfileHost;

  constructor(host: ProfileHost, effects: ProfileEffects) {
    this.#host = host;

    this.listTask = new Task(host, {
      args: () => [host.api, userOf(host.session)] as const,
      task: async ([api, user], { signal }) => {
        if (!api || !user) return initialState;
        const page = await api.trpc.profile.securityEvents.query({ limit: PAGE_SIZE }, { signal });
        this.events = page.items;
        this.next = page.nextCursor;
        return page;
      },
    });

    this.moreTask = new Task(host, {
      autoRun: false,
      task: async ([api, cursor]: [PorticoApi, string], { signal }) => {
        const page = await api.trpc.profile.securityEvents.query(
          { cursor, limit: PAGE_SIZE },
          { signal },
        );
        const first = page.items[0];
        this.events = [...(this.events ?? []), ...page.items];
        this.next = page.nextCursor;
        // The first new event takes focus, so a keyboard user goes on reading where they were.
        if (first) effects.focusSoon(`[data-event='${CSS.escape(first.id)}']`);
      },
    });
  }

  /** Reads the first page again, after a change that is itself an event. */
  reload(): void {
    void this.listTask.run();
  }

  /** Forgets what was on screen: another person is signed in. */
  reset(): void {
    this.events = null;
    this.next = null;
  }

  render() {
    const events = this.events;
    const busy = this.moreTask.status === TaskStatus.PENDING;
    return html`
      <section part="security-events" aria-labelledby="security-events-title">
        <h3 id="security-events-title">${msg('Recent security activity')}</h3>
        ${renderLoading(this.listTask, events, msg('Loading your recent activity…'))}
        ${renderTaskError(this.listTask, () => this.reload())}
        ${
          events && events.length === 0
            ? html`<p part="empty" class="hint">${msg('Nothing yet.')}</p>`
            : nothing
        }
        ${
          events?.length
            ? html`<ul part="security-event-list" class="cards">
                ${events.map((event) => this.#renderEvent(event))}
              </ul>`
            : nothing
        }
        ${renderTaskError(this.moreTask, () => this.#more())}
        ${
          this.next ? html`<div class="actions">${renderShowMore(busy, this.#more)}</div>` : nothing
        }
      </section>
    `;
  }

  #renderEvent(event: SecurityEvent) {
    return html`
      <li part="security-event" class="card" data-event=${event.id} tabindex="-1">
        <strong part="event-kind">${eventText(event.kind)}</strong>
        <p class="meta">
          <time part="event-time" datetime=${event.at}>${formatDateTime(event.at)}</time>
          <span part="event-device">${describeDevice(event.userAgent)}</span>
          ${event.ipAddress ? html`<span part="event-ip" dir="ltr">${event.ipAddress}</span>` : nothing}
        </p>
      </li>
    `;
  }

  readonly #more = () => {
    const api = this.#host.api;
    if (!api || !this.next) return;
    void this.moreTask.run([api, this.next]);
  };
}
