import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import {
  kindLabel,
  priorityLabel,
  renderPriority,
  sinceLabel,
  sortLabel,
  statusLabel,
  TICKET_KINDS,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  WAITING_CHOICES,
  waitingLabel,
  type Agent,
  type QueueFilter,
  type QueueRow,
  type TicketStatus,
} from './staff-tickets.api.ts';
import { filterForm, filterOption } from '../shared/filter-form.ts';

/** A status as a badge, in the staff's words; its colour only in addition. */
export function renderStatus(status: TicketStatus) {
  return html`<span part="status status-${status}" class="badge" data-status=${status}
    >${statusLabel(status)}</span
  >`;
}

/** The assignee choices every picker offers: me, nobody, or a named agent. */
export function renderAgentOptions(agents: readonly Agent[], selected: string, staffId: string) {
  return agents
    .filter((agent) => agent.id !== staffId)
    .map(
      (agent) =>
        html`<option value=${agent.id} ?selected=${selected === agent.id}>${agent.name}</option>`,
    );
}

/** The queue's title and how many tickets have customer words nobody here has read. */
export function renderQueueHead(unread: number) {
  return html`<div class="queue-head">
    <h2 id="queue-title" tabindex="-1">${msg('Tickets')}</h2>
    <p part="unread-count" class="hint">
      ${unread === 1 ? msg('1 unread ticket') : msg(str`${unread} unread tickets`)}
    </p>
  </div>`;
}

/** The queue filter a person set in the filter form. */
export function filterOf(form: HTMLFormElement): QueueFilter {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  return {
    query: text('query'),
    status: text('status') as QueueFilter['status'],
    priority: text('priority') as QueueFilter['priority'],
    kind: text('kind') as QueueFilter['kind'],
    tag: text('tag'),
    assignee: text('assignee'),
    unreadOnly: data.has('unreadOnly'),
    waiting: text('waiting'),
    sort: (text('sort') || 'unread') as QueueFilter['sort'],
  };
}

/** The search and filter form above the queue; `onInput` hears every control. */
export function renderFilters(
  filter: QueueFilter,
  agents: readonly Agent[],
  staffId: string,
  onInput: (event: Event) => void,
) {
  return filterForm(
    msg('Filter the ticket queue'),
    onInput,
    html`
      <label class="wide">
        ${msg('Search')}
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
          ${filterOption('', msg('Any status'), filter.status)}
          ${TICKET_STATUSES.map((s) => filterOption(s, statusLabel(s), filter.status))}
        </select>
      </label>
      <label>
        ${msg('Priority')}
        <select part="priority-filter" name="priority">
          ${filterOption('', msg('Any priority'), filter.priority)}
          ${TICKET_PRIORITIES.map((p) => filterOption(p, priorityLabel(p), filter.priority))}
        </select>
      </label>
      <label>
        ${msg('Kind')}
        <select part="kind-filter" name="kind">
          ${filterOption('', msg('Any kind'), filter.kind)}
          ${TICKET_KINDS.map((k) => filterOption(k, kindLabel(k), filter.kind))}
          ${filterOption('chat', msg('Chat'), filter.kind)}
        </select>
      </label>
      <label>
        ${msg('Assignee')}
        <select part="assignee-filter" name="assignee">
          ${filterOption('', msg('Anyone'), filter.assignee)}
          ${filterOption('me', msg('Me'), filter.assignee)}
          ${filterOption('none', msg('Unassigned'), filter.assignee)}
          ${renderAgentOptions(agents, filter.assignee, staffId)}
        </select>
      </label>
      <label>
        ${msg('Tag')}
        <input
          part="tag-filter"
          type="text"
          name="tag"
          autocomplete="off"
          maxlength="30"
          .value=${live(filter.tag)}
        />
      </label>
      <label>
        ${msg('Waiting longer than')}
        <select part="waiting-filter" name="waiting">
          ${filterOption('', msg('Any time'), filter.waiting)}
          ${WAITING_CHOICES.map((m) => filterOption(String(m), waitingLabel(m), filter.waiting))}
        </select>
      </label>
      <label>
        ${msg('Sort by')}
        <select part="sort" name="sort">
          ${TICKET_SORTS.map((s) => filterOption(s, sortLabel(s), filter.sort))}
        </select>
      </label>
      <label class="check">
        <input
          part="unread-filter"
          type="checkbox"
          name="unreadOnly"
          .checked=${live(filter.unreadOnly)}
        />
        ${msg('Unread only')}
      </label>
    `,
    'filters',
  );
}

export interface RowActions {
  selected: ReadonlySet<string>;
  toggle(id: string, on: boolean): void;
}

/** The queue: one row per ticket, in the order the server sorted them. */
export function renderRows(rows: readonly QueueRow[], actions: RowActions) {
  if (!rows.length) {
    return html`<p part="empty" class="hint">${msg('No tickets match these filters.')}</p>`;
  }
  return html`<ul part="list" class="rows" aria-label=${msg('Tickets')}>
    ${repeat(
      rows,
      (row) => row.id,
      (row) => renderRow(row, actions),
    )}
  </ul>`;
}

function renderRow(row: QueueRow, actions: RowActions) {
  const checked = actions.selected.has(row.id);
  return html`
    <li part="row${row.unread ? ' row-unread' : ''}" class="row" data-id=${row.id}>
      <input
        part="select"
        type="checkbox"
        aria-label=${msg(str`Select ticket ${row.number}`)}
        .checked=${live(checked)}
        @change=${(event: Event) =>
          actions.toggle(row.id, (event.target as HTMLInputElement).checked)}
      />
      <div class="row-main">
        <p class="row-title">
          ${row.unread ? html`<span part="unread" class="unread">${msg('Unread')}</span>` : nothing}
          <span part="number" class="number">${row.number}</span>
          <a part="open" href="#ticket=${encodeURIComponent(row.id)}">${row.subject}</a>
        </p>
        <p class="row-facts">
          <span part="account">${row.accountName}</span> ${renderStatus(row.status)}
          ${renderPriority(row.priority)}
          <span part="kind">${kindLabel(row.kind)}</span>
          <span part="assignee">${row.assigneeName ?? msg('Unassigned')}</span>
          ${
            row.awaitingStaff
              ? html`<span part="waited waited-customer">
                  ${msg('Customer waiting')}
                  <time datetime=${row.customerAt}>${sinceLabel(row.customerAt)}</time>
                </span>`
              : html`<span part="waited">
                  ${msg('Last activity')}
                  <time datetime=${row.updatedAt}>${sinceLabel(row.updatedAt)}</time>
                </span>`
          }
        </p>
      </div>
    </li>
  `;
}

export interface BulkActions {
  count: number;
  busy: boolean;
  agents: readonly Agent[];
  staffId: string;
  assign(to: string | null): void;
  close(): void;
  tag(tag: string): void;
}

/** Assign, close and tag the selected rows at once; shown while any is selected. */
export function renderBulk(bulk: BulkActions) {
  if (!bulk.count) return nothing;
  const form = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const action = (event.submitter as HTMLButtonElement | null)?.value;
    if (action === 'assign') {
      const to = String(data.get('to') ?? 'me');
      bulk.assign(to === 'me' ? bulk.staffId : to === 'none' ? null : to);
    } else if (action === 'close') {
      bulk.close();
    } else if (action === 'tag') {
      const tag = String(data.get('tag') ?? '')
        .trim()
        .toLowerCase();
      if (tag) bulk.tag(tag);
    }
  };
  return html`
    <form
      part="bulk"
      class="bulk"
      aria-label=${msg('Change the selected tickets')}
      aria-busy=${bulk.busy ? 'true' : 'false'}
      @submit=${form}
    >
      <p part="selected-count" role="status">
        ${bulk.count === 1 ? msg('1 ticket selected') : msg(str`${bulk.count} tickets selected`)}
      </p>
      <label>
        ${msg('Assign to')}
        <select part="bulk-assignee" name="to">
          <option value="me">${msg('Me')}</option>
          <option value="none">${msg('Nobody')}</option>
          ${renderAgentOptions(bulk.agents, '', bulk.staffId)}
        </select>
      </label>
      <button part="bulk-assign" type="submit" value="assign" ?disabled=${bulk.busy}>
        ${msg('Assign')}
      </button>
      <button part="bulk-close" type="submit" value="close" ?disabled=${bulk.busy}>
        ${msg('Close')}
      </button>
      <label>
        ${msg('Tag')}
        <input part="bulk-tag" name="tag" type="text" maxlength="30" autocomplete="off" />
      </label>
      <button part="bulk-add-tag" type="submit" value="tag" ?disabled=${bulk.busy}>
        ${msg('Add tag')}
      </button>
    </form>
  `;
}

export type BulkChange =
  { kind: 'assign'; to: string | null } | { kind: 'close' } | { kind: 'tag'; tag: string };

/** One change to many tickets; a tag joins each ticket's own tags. */
export async function applyBulk(
  api: PorticoApi,
  ids: readonly string[],
  rows: readonly QueueRow[],
  change: BulkChange,
  signal: AbortSignal,
): Promise<void> {
  const staff = api.trpc.staff.ticket;
  const tagsOf = new Map(rows.map((row) => [row.id, row.tags]));
  await Promise.all(
    ids.map((ticketId) =>
      change.kind === 'assign'
        ? staff.assign.mutate({ ticketId, assigneeId: change.to }, { signal })
        : change.kind === 'close'
          ? staff.setStatus.mutate({ ticketId, status: 'closed' }, { signal })
          : staff.setTags.mutate(
              { ticketId, tags: [...new Set([...(tagsOf.get(ticketId) ?? []), change.tag])] },
              { signal },
            ),
    ),
  );
}
