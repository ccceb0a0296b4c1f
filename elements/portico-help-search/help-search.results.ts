import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import {
  articleHref,
  directionOf,
  languageName,
  type HelpCategory,
  type HelpResult,
  type Segment,
} from './help-search.api.ts';
import { formatNumber } from '../shared/format.ts';

/** The id of the result at `index`, for the search box's `aria-activedescendant`. */
export const resultId = (index: number) => `help-result-${index}`;
export const RESULTS_ID = 'help-results';

/** Text with the words the search found in `<mark part="match">`; never parsed as HTML. */
export function renderSegments(segments: readonly Segment[]) {
  return segments.map((segment) =>
    segment.match ? html`<mark part="match">${segment.text}</mark>` : segment.text,
  );
}

export interface ResultList {
  results: readonly HelpResult[];
  /** The result the arrow keys point at, or -1. */
  active: number;
  /** The language asked for; a result in another one says which. */
  locale: string;
  /** A newer search is on its way: the list stays, dimmed, so nothing jumps. */
  busy: boolean;
  label: string;
}

/**
 * The results as the listbox the search box controls. Each option is also a real link to the
 * article, so a click, a middle click and a screen reader's link list all work.
 */
export function renderResults(list: ResultList) {
  return html`
    <ul
      id=${RESULTS_ID}
      part="results"
      class="results"
      role="listbox"
      aria-label=${list.label}
      aria-busy=${list.busy ? 'true' : 'false'}
    >
      ${list.results.map((result, index) => renderResult(result, index, list))}
    </ul>
  `;
}

function renderResult(result: HelpResult, index: number, list: ResultList) {
  const active = index === list.active;
  const foreign = result.locale !== list.locale;
  // An article in another language reads in its own direction (Persian in an English list).
  const dir = foreign ? directionOf(result.locale) : nothing;
  return html`
    <li role="none">
      <a
        id=${resultId(index)}
        part=${active ? 'result result-active' : 'result'}
        class="result"
        role="option"
        tabindex="-1"
        aria-selected=${active ? 'true' : 'false'}
        href=${articleHref(result.slug)}
        lang=${foreign ? result.locale : nothing}
      >
        <span part="result-title" class="result-title" dir=${dir}
          >${renderSegments(result.title)}</span
        >
        <span part="result-meta" class="result-meta" lang=${foreign ? list.locale : nothing}>
          <span part="result-category">${result.category.name}</span>
          ${
            foreign
              ? html`<span part="language" class="language"
                  >${languageName(result.locale, list.locale)}</span
                >`
              : nothing
          }
        </span>
        <span part="snippet" class="snippet" dir=${dir}>${renderSegments(result.snippet)}</span>
      </a>
    </li>
  `;
}

function articleCount(count: number): string {
  return count === 1 ? msg('1 article') : msg(str`${formatNumber(count)} articles`);
}

/** The categories to browse while the box is empty, each a button that lists its articles. */
export function renderCategoryList(
  categories: readonly HelpCategory[],
  choose: (slug: string) => void,
) {
  return html`
    <ul part="categories" class="categories" aria-labelledby="help-categories-title">
      ${categories.map(
        (category) => html`
          <li>
            <button
              part="category"
              class="category"
              type="button"
              data-category=${category.slug}
              @click=${() => choose(category.slug)}
            >
              <span part="category-name" class="category-name">${category.name}</span>
              ${
                category.description
                  ? html`<span part="category-description" class="hint"
                      >${category.description}</span
                    >`
                  : nothing
              }
              <span part="category-count" class="hint">${articleCount(category.articleCount)}</span>
            </button>
          </li>
        `,
      )}
    </ul>
  `;
}

/** A grey placeholder while the first read is on its way; still for reduced motion. */
export function renderSkeleton() {
  return html`<div part="skeleton" class="skeleton" aria-hidden="true">
    <div class="bone"></div>
    <div class="bone"></div>
    <div class="bone"></div>
  </div>`;
}
