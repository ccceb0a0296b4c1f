import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg } from '@lit/localize';
import { formatMoney } from '../shared/format.ts';
import {
  peopleCount,
  roleName,
  type FoundAccount,
  type FoundPerson,
} from './staff-customers.api.ts';

/** The one search box: account names, people's names and email addresses. */
export function renderSearch(query: string, onInput: (event: Event) => void) {
  return html`
    <form
      part="search-form"
      role="search"
      aria-label=${msg('Search customers')}
      @submit=${(event: SubmitEvent) => event.preventDefault()}
      @input=${onInput}
    >
      <label>
        ${msg('Search accounts and people')}
        <input
          part="search"
          type="search"
          name="query"
          autocomplete="off"
          maxlength="100"
          aria-describedby="search-hint"
          .value=${live(query)}
        />
      </label>
      <p id="search-hint" class="hint">${msg('An account name, a person’s name or an email.')}</p>
    </form>
  `;
}

/** One row per account, with the people in it that the search found. */
export function renderResults(rows: readonly FoundAccount[], currency: string) {
  if (!rows.length) return nothing;
  return html`<ul part="results" class="rows" aria-label=${msg('Accounts')}>
    ${repeat(
      rows,
      (row) => row.id,
      (row) => html`
        <li part="result" class="row" data-id=${row.id}>
          <p class="row-title">
            <a part="open" href="#customer=${encodeURIComponent(row.id)}">${row.name}</a>
          </p>
          <p class="facts">
            <span part="member-count">${peopleCount(row.memberCount)}</span>
            <span part="result-balance"
              >${msg('Balance')}: ${formatMoney(row.balance, currency)}</span
            >
          </p>
          ${
            row.people.length
              ? html`<ul part="people" class="people" aria-label=${msg('People found')}>
                  ${row.people.map(renderPerson)}
                </ul>`
              : nothing
          }
        </li>
      `,
    )}
  </ul>`;
}

function renderPerson(person: FoundPerson) {
  return html`<li part="person" data-user=${person.userId}>
    <span part="person-name">${person.name}</span>
    <span part="person-email" class="email">${person.email}</span>
    <span part="person-role" class="hint">${roleName(person.role)}</span>
    ${person.locked ? html`<span part="locked" class="locked">${msg('Locked')}</span>` : nothing}
  </li>`;
}
