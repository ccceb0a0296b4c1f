import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { serverHtml } from '../shared/server-html.ts';
import { msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { TRPCClientError } from '@trpc/client';
import type { PorticoApi } from '../api/client.ts';
import type { ContentLocale } from '../shared/locale.ts';
import { FeedbackController } from './help-article.feedback.ts';
import {
  SEARCH_HREF,
  articleDate,
  articleHref,
  directionOf,
  isContentLocale,
  languageName,
  renderTaskError,
  type HelpArticle,
  type HelpEffects,
} from './help-search.api.ts';
import { renderSkeleton } from './help-search.results.ts';

/** What the article view reads from the element on every update. */
export interface ArticleState {
  api?: PorticoApi | undefined;
  /** The article the URL fragment names, or null while the search shows. */
  slug: string | null;
  locale: ContentLocale;
}

export const ARTICLE_TITLE = '#help-article-title';

const isNotFound = (error: unknown) =>
  error instanceof TRPCClientError && error.data?.code === 'NOT_FOUND';

/**
 * One article: its title, category and date, the body the server sanitised, links to its other
 * languages and the "Was this article helpful?" question. The body sits in a container with the
 * article's own `lang` and `dir`, so a Persian article reads right to left on any page.
 */
export class ArticleController {
  readonly articleTask: Task<
    readonly [PorticoApi | undefined, string | null, ContentLocale],
    HelpArticle
  >;
  readonly feedback: FeedbackController;

  /** The article the reader is on; the feedback belongs to it. */
  #slug: string | null = null;

  constructor(host: ReactiveControllerHost, read: () => ArticleState, effects: HelpEffects) {
    this.feedback = new FeedbackController(host, () => read().api, effects);
    this.articleTask = new Task(host, {
      args: () => {
        const { api, slug, locale } = read();
        return [api, slug, locale] as const;
      },
      task: async ([api, slug, locale], { signal }) => {
        if (slug !== this.#slug) {
          this.#slug = slug;
          this.feedback.reset();
        }
        if (!api || !slug) return initialState;
        return api.trpc.help.article.query({ slug, locale }, { signal });
      },
    });
  }

  /** The article on screen: the one read last, while it is the one asked for. */
  get article(): HelpArticle | null {
    const article = this.articleTask.value;
    return article && article.slug === this.#slug ? article : null;
  }

  get loading(): boolean {
    return this.articleTask.status === TaskStatus.PENDING;
  }

  render(ask: TemplateResult | typeof nothing) {
    const article = this.article;
    const failed = this.articleTask.status === TaskStatus.ERROR;
    const notFound = failed && isNotFound(this.articleTask.error);
    const dir = article ? directionOf(article.locale) : undefined;
    const title = article
      ? article.title
      : notFound
        ? msg('Article not found')
        : failed
          ? msg('Article')
          : msg('Loading the article…');
    return html`
      <article
        part="article"
        class="article view"
        aria-labelledby="help-article-title"
        aria-busy=${this.loading ? 'true' : 'false'}
      >
        <a part="back" class="back" href=${SEARCH_HREF}>${msg('Back to results')}</a>
        <h2
          id="help-article-title"
          part="heading"
          tabindex="-1"
          lang=${article?.locale ?? nothing}
          dir=${dir ?? nothing}
        >
          ${title}
        </h2>
        ${renderTaskError(
          this.articleTask,
          notFound ? undefined : () => void this.articleTask.run(),
        )}
        ${article ? this.#renderArticle(article) : this.loading ? renderSkeleton() : nothing}
        ${article || failed ? ask : nothing}
      </article>
    `;
  }

  #renderArticle(article: HelpArticle) {
    const dir = directionOf(article.locale);
    return html`
      <p part="article-meta" class="meta">
        <span part="article-category">${article.category.name}</span>
        <span part="updated"
          >${msg('Updated')}
          <time datetime=${article.updatedAt} lang=${article.locale} dir=${dir}
            >${articleDate(article.updatedAt, article.locale)}</time
          ></span
        >
      </p>
      <div part="body" class="body" lang=${article.locale} dir=${dir}>
        ${serverHtml(article.html)}
      </div>
      ${this.#renderLanguages(article)} ${this.feedback.render(article)}
      ${this.#renderRelated(article)}
    `;
  }

  #renderRelated(article: HelpArticle) {
    if (!article.related.length) return nothing;
    return html`
      <nav part="related" class="related" aria-labelledby="help-related-title">
        <h3 id="help-related-title" part="section-heading">${msg('Related articles')}</h3>
        <ul>
          ${article.related.map(
            (related) => html`
              <li lang=${related.locale} dir=${directionOf(related.locale)}>
                <a part="related-link" href=${articleHref(related.slug, related.locale)}
                  >${related.title}</a
                >
                <span class="hint">${related.category.name}</span>
              </li>
            `,
          )}
        </ul>
      </nav>
    `;
  }

  #renderLanguages(article: HelpArticle) {
    const others = article.locales.filter(
      (locale): locale is ContentLocale => locale !== article.locale && isContentLocale(locale),
    );
    if (!others.length) return nothing;
    return html`
      <nav part="languages" class="languages" aria-labelledby="help-languages-title">
        <p id="help-languages-title">${msg('This article in other languages')}</p>
        <ul>
          ${others.map(
            (locale) => html`
              <li>
                <a
                  part="language-link"
                  href=${articleHref(article.slug, locale)}
                  hreflang=${locale}
                  lang=${locale}
                  dir=${directionOf(locale)}
                  >${languageName(locale, locale)}</a
                >
              </li>
            `,
          )}
        </ul>
      </nav>
    `;
  }
}
