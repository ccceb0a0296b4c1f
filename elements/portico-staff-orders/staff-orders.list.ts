import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { formatDate, formatMoney } from '../shared/format.ts';
import {
  ORDER_SORTS,
  ORDER_STATUSES,
  renderStatus,
  sortLabel,
  statusLabel,
  type OrderFilter,
  type OrderRow,
} from './staff-orders.api.ts';
import { filterForm, filterOption } from '../shared/filter-form.ts';

/** The search, status and sort form above the list; `onInput` hears every control. */
export function renderFilters(filter: OrderFilter, onInput: (event: Event) => void) {
  return filterForm(
    msg('Find orders'),
    onInput,
    html`
      <div class="wide field">
        <label>
          ${msg('Search orders')}
          <input
            part="search"
            type="search"
            name="query"
            autocomplete="off"
            maxlength="100"
            aria-describedby="search-hint"
            .value=${live(filter.query)}
          />
        </label>
        <span id="search-hint" class="hint">
          ${msg('Order number, account, person’s name or email, product, tracking number')}
        </span>
      </div>
      <label>
        ${msg('Status')}
        <select part="status-filter" name="status">
          ${filterOption('', msg('Any status'), filter.status)}
          ${ORDER_STATUSES.map((s) => filterOption(s, statusLabel(s), filter.status))}
        </select>
      </label>
      <label>
        ${msg('Sort')}
        <select part="sort" name="sort">
          ${ORDER_SORTS.map((s) => filterOption(s, sortLabel(s), filter.sort))}
        </select>
      </label>
    `,
    'filters',
  );
}

/** The orders, one row each: number (the link), account, date, status and total. */
export function renderRows(rows: readonly OrderRow[]) {
  if (!rows.length) {
    return html`<p part="empty" class="hint">${msg('No orders match.')}</p>`;
  }
  return html`<ul part="list" class="rows" aria-label=${msg('Orders')}>
    ${repeat(rows, (row) => row.id, renderRow)}
  </ul>`;
}

function renderRow(row: OrderRow) {
  return html`
    <li part="row" class="row" data-id=${row.id}>
      <p class="row-title">
        <a part="open" class="number" href="#order=${encodeURIComponent(row.id)}">
          ${msg(str`Order ${row.number}`)}
        </a>
        ${renderStatus(row.status)}
        <span part="total" class="total">${formatMoney(row.total, row.currency)}</span>
      </p>
      <p class="row-facts">
        <a part="account" href="#customer=${encodeURIComponent(row.accountId)}"
          >${row.accountName}</a
        >
        <span part="placed">
          ${msg('Placed')} <time datetime=${row.createdAt}>${formatDate(row.createdAt)}</time>
        </span>
        ${
          row.placedByName
            ? html`<span part="placed-by">${msg(str`by ${row.placedByName}`)}</span>`
            : ''
        }
        ${
          row.trackingNumber
            ? html`<span part="row-tracking">${msg(str`Tracking ${row.trackingNumber}`)}</span>`
            : ''
        }
      </p>
    </li>
  `;
}
