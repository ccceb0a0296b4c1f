import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import {
  MAX_TAG_LENGTH,
  TAG_PATTERN,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  normalTag,
  priorityLabel,
  statusLabel,
  type TicketPriority,
  type TicketStatus,
} from './ticket-list.api.ts';
import { filterForm, filterOption } from '../shared/filter-form.ts';
import { formatNumber } from '../shared/format.ts';

export interface Filter {
  /** Words in the subject, number, tags or messages. */
  query: string;
  /** One status, or '' for all. */
  status: TicketStatus | '';
  /** One priority, or '' for all. */
  priority: TicketPriority | '';
  /** One tag as typed; the list uses it once it is a tag the server accepts. */
  tag: string;
}

/** The unread count as the badge says it. */
export function unreadText(count: number): string {
  return count === 1 ? msg('1 unread ticket') : msg(str`${formatNumber(count)} unread tickets`);
}

/** Why a typed tag cannot be used, or '' when it can (or nothing is typed). */
export function tagProblem(text: string): string {
  const tag = normalTag(text);
  if (!tag || TAG_PATTERN.test(tag)) return '';
  return msg('Tags use letters, digits, spaces, - and _.');
}

/** The search and filter form above the list; `onInput` hears every control. */
export function renderFilters(filter: Filter, onInput: (event: Event) => void) {
  const problem = tagProblem(filter.tag);
  return filterForm(
    msg('Find tickets'),
    onInput,
    html`
      <label class="query">
        ${msg('Search tickets')}
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
          ${filterOption('', msg('All statuses'), filter.status)}
          ${TICKET_STATUSES.map((status) =>
            filterOption(status, statusLabel(status), filter.status),
          )}
        </select>
      </label>
      <label>
        ${msg('Priority')}
        <select part="priority-filter" name="priority">
          ${filterOption('', msg('All priorities'), filter.priority)}
          ${TICKET_PRIORITIES.map((priority) =>
            filterOption(priority, priorityLabel(priority), filter.priority),
          )}
        </select>
      </label>
      <div class="field">
        <label for="tag-filter">${msg('Tag')}</label>
        <input
          id="tag-filter"
          part="tag-filter"
          type="text"
          name="tag"
          autocomplete="off"
          maxlength=${MAX_TAG_LENGTH}
          aria-invalid=${problem ? 'true' : nothing}
          aria-describedby=${problem ? 'tag-filter-error' : nothing}
          .value=${live(filter.tag)}
        />
        ${
          problem ? html`<span part="field-error" id="tag-filter-error">${problem}</span>` : nothing
        }
      </div>
    `,
  );
}
