import { html } from 'lit';
import { msg, str } from '@lit/localize';
import { formatDateTime } from '../shared/format.ts';
import {
  directionOf,
  formatShare,
  languageLabel,
  type Insights,
  type UnhelpfulBy,
} from './staff-help.api.ts';
import { renderStatus } from './staff-help.list.ts';

/** What to write next: searches that found nothing, articles readers said did not help. */
export function renderInsights(
  insights: Insights | undefined,
  unhelpfulBy: UnhelpfulBy,
  sortChanged: (by: UnhelpfulBy) => void,
) {
  return html`
    <section part="insights" class="insights" aria-labelledby="insights-title">
      <h3 id="insights-title">${msg('Insights')}</h3>
      <div class="insight" aria-live="polite">
        <h4 id="misses-title">${msg('Searches that found nothing')}</h4>
        ${
          !insights
            ? html`<p class="hint">${msg('Loading…')}</p>`
            : insights.misses.length === 0
              ? html`<p part="misses-empty" class="hint">
                  ${msg('Every search found something so far.')}
                </p>`
              : html`<ol part="misses" class="insight-rows" aria-labelledby="misses-title">
                  ${insights.misses.map(
                    (miss) => html`
                      <li part="miss" class="insight-row">
                        <q part="miss-query" lang=${miss.locale} dir=${directionOf(miss.locale)}
                          >${miss.query}</q
                        >
                        <span class="row-facts">
                          <span part="miss-language">${languageLabel(miss.locale)}</span>
                          <span part="miss-count"
                            >${
                              miss.count === 1
                                ? msg('searched once')
                                : msg(str`${miss.count} times`)
                            }</span
                          >
                          <span part="miss-last">
                            ${msg('last')}
                            <time datetime=${miss.lastAt}>${formatDateTime(miss.lastAt)}</time>
                          </span>
                        </span>
                      </li>
                    `,
                  )}
                </ol>`
        }
      </div>
      <div class="insight" aria-live="polite">
        <h4 id="unhelpful-title">${msg('Articles rated unhelpful')}</h4>
        <form
          class="sort"
          @submit=${(event: SubmitEvent) => event.preventDefault()}
          @change=${(event: Event) =>
            sortChanged((event.target as HTMLSelectElement).value as UnhelpfulBy)}
        >
          <label>
            ${msg('Worst first by')}
            <select part="unhelpful-sort" name="by">
              <option value="share" ?selected=${unhelpfulBy === 'share'}>
                ${msg('Share of unhelpful ratings')}
              </option>
              <option value="count" ?selected=${unhelpfulBy === 'count'}>
                ${msg('Number of unhelpful ratings')}
              </option>
            </select>
          </label>
        </form>
        ${
          !insights
            ? html`<p class="hint">${msg('Loading…')}</p>`
            : insights.unhelpful.length === 0
              ? html`<p part="unhelpful-empty" class="hint">
                  ${msg('No reader has rated an article unhelpful yet.')}
                </p>`
              : html`<ol part="unhelpful" class="insight-rows" aria-labelledby="unhelpful-title">
                  ${insights.unhelpful.map((article) => {
                    const votes = article.helpfulCount + article.notHelpfulCount;
                    return html`
                      <li part="unhelpful-article" class="insight-row" data-id=${article.id}>
                        <a part="unhelpful-open" href="#article=${encodeURIComponent(article.id)}"
                          >${article.title}</a
                        >
                        <span class="row-facts">
                          ${renderStatus(article.status)}
                          <span part="unhelpful-share"
                            >${msg(
                              str`${article.notHelpfulCount} of ${votes} unhelpful (${formatShare(
                                article.unhelpfulShare,
                              )})`,
                            )}</span
                          >
                          <span part="unhelpful-views"
                            >${msg(str`${article.viewCount} views`)}</span
                          >
                        </span>
                      </li>
                    `;
                  })}
                </ol>`
        }
      </div>
    </section>
  `;
}
