import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { formatDate } from '../shared/format.ts';
import {
  CONTENT_LOCALES,
  languageLabel,
  statusLabel,
  type ArticleRow,
  type ArticleStatus,
  type Category,
  type ContentLocale,
  type ListFilter,
} from './staff-help.api.ts';
import { filterForm, filterOption } from '../shared/filter-form.ts';

/** A category's name in the first language it has one in. */
export function categoryName(category: Category): string {
  const names = category.names as Partial<Record<ContentLocale, { name: string }>>;
  for (const locale of CONTENT_LOCALES) {
    const name = names[locale]?.name;
    if (name) return name;
  }
  return category.slug;
}

export function renderStatus(status: ArticleStatus) {
  return html`<span part="status status-${status}" class="badge" data-status=${status}
    >${statusLabel(status)}</span
  >`;
}

/** The words, status and category filters above the list; `onInput` hears every control. */
export function renderFilters(
  filter: ListFilter,
  categories: readonly Category[],
  onInput: (event: Event) => void,
) {
  return filterForm(
    msg('Filter the articles'),
    onInput,
    html`
      <label class="wide">
        ${msg('Words in the title')}
        <input
          part="search"
          type="search"
          name="words"
          autocomplete="off"
          maxlength="200"
          .value=${live(filter.words)}
        />
      </label>
      <label>
        ${msg('Status')}
        <select part="status-filter" name="status">
          ${filterOption('', msg('Any status'), filter.status)}
          ${filterOption('draft', msg('Draft'), filter.status)}
          ${filterOption('published', msg('Published'), filter.status)}
        </select>
      </label>
      <label>
        ${msg('Category')}
        <select part="category-filter" name="category">
          ${filterOption('', msg('Any category'), filter.category)}
          ${categories.map((category) =>
            filterOption(category.slug, categoryName(category), filter.category),
          )}
        </select>
      </label>
    `,
    'filters',
  );
}

/** One row per article, newest change first, as the server sorts them. */
export function renderArticles(rows: readonly ArticleRow[]) {
  if (!rows.length) {
    return html`<p part="empty" class="hint">${msg('No article matches these filters.')}</p>`;
  }
  return html`<ul part="list" class="rows" aria-label=${msg('Articles')}>
    ${repeat(
      rows,
      (row) => row.id,
      (row) => renderRow(row),
    )}
  </ul>`;
}

function renderRow(row: ArticleRow) {
  return html`
    <li part="row" class="row" data-id=${row.id}>
      <p class="row-title">
        <a part="open" href="#article=${encodeURIComponent(row.id)}">${row.title}</a>
        ${renderStatus(row.status)}
      </p>
      <p class="row-facts">
        <span part="category">${row.category.name}</span>
        <span part="languages">
          <span class="visually-hidden">${msg('Languages:')}</span>
          ${row.locales.map(
            (locale) =>
              html`<abbr part="language" class="language" title=${languageLabel(locale)}
                >${locale}</abbr
              >`,
          )}
        </span>
        <span part="views">${msg(str`${row.viewCount} views`)}</span>
        <span part="helpful">${msg(str`${row.helpfulCount} helpful`)}</span>
        <span part="unhelpful">${msg(str`${row.notHelpfulCount} unhelpful`)}</span>
        <span part="updated">
          ${msg('Changed')} <time datetime=${row.updatedAt}>${formatDate(row.updatedAt)}</time>
        </span>
      </p>
    </li>
  `;
}
