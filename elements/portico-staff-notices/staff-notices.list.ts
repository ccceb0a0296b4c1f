import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { formatDateTime } from '../shared/format.ts';
import { severityLabel, statusLabel, type Announcement } from './staff-notices.api.ts';

/** What a row's buttons do. */
export interface ListActions {
  edit(item: Announcement): void;
  end(item: Announcement): void;
  /** The announcement being ended, whose buttons wait. */
  ending: string | null;
  /** No change may start while one is under way. */
  busy: boolean;
}

function when(item: Announcement) {
  const start = html`<time datetime=${item.startsAt}>${formatDateTime(item.startsAt)}</time>`;
  if (!item.endsAt) return html`${msg('From')} ${start}, ${msg('until ended')}`;
  const end = html`<time datetime=${item.endsAt}>${formatDateTime(item.endsAt)}</time>`;
  return html`${start} – ${end}`;
}

function audience(item: Announcement) {
  if (item.audience === 'all') return msg('All customers');
  const names = item.accounts.map((account) => account.name);
  return names.length <= 3
    ? msg(str`Accounts: ${names.join(', ')}`)
    : msg(str`Accounts: ${names.slice(0, 3).join(', ')} and ${names.length - 3} more`);
}

/**
 * Every announcement, newest first, with its status, audience and dates, Edit and "End now".
 * Rows are keyed by announcement, so one arriving from elsewhere never moves focus to another's
 * button.
 */
export function renderAnnouncements(
  items: readonly Announcement[] | undefined,
  actions: ListActions,
) {
  if (items === undefined) {
    return html`<p role="status" class="hint">${msg('Loading the announcements…')}</p>`;
  }
  if (!items.length) {
    return html`<p part="empty" class="hint">${msg('No announcements yet.')}</p>`;
  }
  return html`<ul part="list" class="rows">
    ${repeat(
      items,
      (item) => item.id,
      (item) => html`
        <li part="row" class="row" data-id=${item.id}>
          <div class="row-main">
            <div class="row-title">
              <strong id="title-${item.id}" part="title" class="clip">${item.title}</strong>
              <span part="status status-${item.status}" class="badge">
                ${statusLabel(item.status)}
              </span>
              <span part="severity severity-${item.severity}" class="badge">
                ${severityLabel(item.severity)}
              </span>
            </div>
            <p part="body" class="clip body">${item.body}</p>
            <p part="when" class="hint">${when(item)}</p>
            <p part="audience" class="hint clip">${audience(item)}</p>
          </div>
          <div class="row-actions">
            <button
              part="edit"
              type="button"
              class="secondary"
              aria-label=${msg(str`Edit ${item.title}`)}
              ?disabled=${actions.busy}
              @click=${() => actions.edit(item)}
            >
              ${msg('Edit')}
            </button>
            ${
              item.status === 'ended'
                ? nothing
                : html`<button
                    part="end"
                    type="button"
                    class="secondary"
                    aria-label=${msg(str`End now: ${item.title}`)}
                    aria-busy=${actions.ending === item.id ? 'true' : 'false'}
                    ?disabled=${actions.busy}
                    @click=${() => actions.end(item)}
                  >
                    ${msg('End now')}
                  </button>`
            }
          </div>
        </li>
      `,
    )}
  </ul>`;
}
