import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { contentLocale } from '../shared/locale.ts';
import { StaffView } from '../shared/staff-view.ts';
import { pause, renderMore, renderTaskError } from '../shared/task.ts';
import { viewStyles } from '../shared/view.styles.ts';
import {
  EMPTY_FILTER,
  listInputOf,
  PAGE_SIZE,
  type ArticleDetail,
  type ArticleRow,
  type HelpEffects,
  type ListFilter,
  type UnhelpfulBy,
} from './staff-help.api.ts';
import { ArticleController } from './staff-help.article.ts';
import { CategoriesController } from './staff-help.categories.ts';
import { renderInsights } from './staff-help.insights.ts';
import { renderArticles, renderFilters } from './staff-help.list.ts';
import { NewArticleController } from './staff-help.new.ts';
import { TranslationsController } from './staff-help.translations.ts';
import { styles } from './portico-staff-help.styles.ts';

/**
 * The staff's help centre: every article, drafts too, with filters; an article's text written
 * and translated with a preview the server renders, published, unpublished or deleted; what
 * readers said about it; searches that found nothing and articles rated unhelpful; and the
 * categories. Links inside are `#article=<id>` and `#help`; the page (the staff console) routes
 * them.
 *
 * @summary Staff help centre: articles, translations, insights.
 * @csspart list-view - The list of articles with insights and categories.
 * @csspart new-article - The "New article" button.
 * @csspart new-form - The form that creates a draft.
 * @csspart new-category - The new draft's category.
 * @csspart new-language - The new draft's language.
 * @csspart new-title - The new draft's title.
 * @csspart new-slug - The new draft's address.
 * @csspart new-body - The new draft's Markdown body.
 * @csspart create - "Create draft".
 * @csspart cancel-new - "Cancel" in the new-article form.
 * @csspart filters - The filter form.
 * @csspart search - The words filter.
 * @csspart status-filter - The status filter.
 * @csspart category-filter - The category filter.
 * @csspart count - How many articles are listed.
 * @csspart list - The articles.
 * @csspart row - One article.
 * @csspart open - The link that opens an article.
 * @csspart status - A status badge (also `status-draft`, `status-published`).
 * @csspart category - An article's category.
 * @csspart languages - The languages an article is written in.
 * @csspart language - One language.
 * @csspart views - How often an article was read.
 * @csspart helpful - How many readers found it helpful.
 * @csspart unhelpful - How many did not.
 * @csspart updated - When it last changed.
 * @csspart empty - The line shown when no article matches.
 * @csspart more - "Load more".
 * @csspart insights - Searches that found nothing and articles rated unhelpful.
 * @csspart misses - The searches that found nothing.
 * @csspart miss - One of them.
 * @csspart miss-query - What was searched.
 * @csspart miss-language - The language searched in.
 * @csspart miss-count - How often.
 * @csspart miss-last - When last.
 * @csspart misses-empty - The line shown when every search found something.
 * @csspart unhelpful-sort - How the unhelpful articles are ordered.
 * @csspart unhelpful - The articles rated unhelpful.
 * @csspart unhelpful-article - One of them.
 * @csspart unhelpful-open - Its link.
 * @csspart unhelpful-share - Its unhelpful ratings and their share.
 * @csspart unhelpful-views - How often it was read.
 * @csspart unhelpful-empty - The line shown when no article was rated unhelpful.
 * @csspart categories - The category editor.
 * @csspart category-form - Its form.
 * @csspart category-pick - The category to edit.
 * @csspart category-slug - A category's address.
 * @csspart category-position - A category's order.
 * @csspart category-name - A category's name in one language.
 * @csspart save-category - "Save category".
 * @csspart article - One article.
 * @csspart back - The link back to the list.
 * @csspart heading - The article's title.
 * @csspart facts - Status, category, views, ratings.
 * @csspart published-at - When it was published.
 * @csspart actions - Publish or unpublish, and delete.
 * @csspart publish - "Publish".
 * @csspart unpublish - "Unpublish".
 * @csspart delete - "Delete".
 * @csspart confirm - A confirmation before deleting or removing.
 * @csspart confirm-delete - "Delete for good".
 * @csspart cancel-delete - "Keep it" when deleting.
 * @csspart settings - The article's address, category and place.
 * @csspart slug - The address field.
 * @csspart category-select - The category field.
 * @csspart position - The place in the category.
 * @csspart save-settings - "Save settings".
 * @csspart translations - The text in each language.
 * @csspart language-tab - A language to edit (`aria-pressed` on the one shown).
 * @csspart unsaved - The mark of a language with unsaved changes.
 * @csspart add-translation - The form that adds a language.
 * @csspart new-translation-language - The language to add.
 * @csspart add-translation-button - "Add translation".
 * @csspart translation - The editor of one language.
 * @csspart title - The title field.
 * @csspart body - The Markdown body field.
 * @csspart save-translation - "Save translation".
 * @csspart discard - "Discard changes".
 * @csspart remove-translation - "Remove translation".
 * @csspart confirm-remove - "Remove" in the confirmation.
 * @csspart cancel-remove - "Keep it" when removing.
 * @csspart preview - The preview.
 * @csspart preview-body - The body as the server renders it.
 * @csspart comments - What readers wrote.
 * @csspart comment - One comment.
 * @csspart rating - Whether its reader found the article helpful.
 * @csspart comment-text - The comment.
 * @csspart comments-empty - The line shown when nobody commented.
 * @csspart field-error - Why a form was not sent.
 * @csspart error - A failure, with `role="alert"`.
 * @csspart retry - "Try again".
 * @csspart signed-out - The line shown to anyone not signed in as staff.
 * @cssproperty --gap - Space between blocks. Default: `var(--portico-space, 1rem)`.
 * @cssproperty --side-width - The side column on wide screens. Default: `22rem`.
 */
@customElement('portico-staff-help')
@localized()
export class PorticoStaffHelp extends StaffView {
  static override styles = [hostStyles, formStyles, viewStyles, styles];

  /** The article on screen (the console sets it from `#article=<id>`); null shows the list. */
  @property({ attribute: 'article-id' }) articleId: string | null = null;

  @state() private filter: ListFilter = EMPTY_FILTER;
  @state() private rows: ArticleRow[] = [];
  @state() private hasMore = false;
  @state() private unhelpfulBy: UnhelpfulBy = 'share';
  @state() private announcement = '';
  @state() private article: ArticleDetail | null = null;
  /** Bumped when articles changed: the list and insights are read again. */
  @state() private syncs = 0;
  /** Bumped when the open article changed: it is read again. */
  @state() private articleSyncs = 0;
  @state() private categorySyncs = 0;

  private effects: HelpEffects = {
    focusSoon: (selector) => this.focusSoon(selector),
    announce: (text) => (this.announcement = text),
    changed: () => {
      this.articleSyncs += 1;
      this.syncs += 1;
    },
    open: (articleId) => {
      const hash = articleId ? `#article=${encodeURIComponent(articleId)}` : '#help';
      if (location.hash !== hash) location.hash = hash;
      this.articleId = articleId;
      this.syncs += 1;
    },
  };

  private articleView = new ArticleController(this, this.effects);
  private translations = new TranslationsController(this, this.effects);
  private newArticle = new NewArticleController(this, this.effects);
  private categoryEditor = new CategoriesController(this, (text) => {
    this.announcement = text;
    this.categorySyncs += 1;
  });

  private listTask = new Task(this, {
    args: () => [this.api, this.staffId, this.articleId === null, this.filter, this.syncs] as const,
    task: async ([api, staffId, listed, filter], { signal }) => {
      if (!api || !staffId || !listed) return initialState;
      if (filter.words) await pause(200, signal);
      const limit = Math.min(100, Math.max(PAGE_SIZE, this.rows.length));
      const page = await api.trpc.staff.help.list.query(
        { ...listInputOf(filter, contentLocale(this)), limit },
        { signal },
      );
      this.rows = page.articles;
      this.hasMore = page.hasMore;
      return page;
    },
  });

  private moreTask = new Task(this, {
    autoRun: false,
    task: async ([api]: [PorticoApi], { signal }) => {
      const page = await api.trpc.staff.help.list.query(
        {
          ...listInputOf(this.filter, contentLocale(this)),
          offset: this.rows.length,
          limit: PAGE_SIZE,
        },
        { signal },
      );
      const known = new Set(this.rows.map((row) => row.id));
      this.rows = [...this.rows, ...page.articles.filter((row) => !known.has(row.id))];
      this.hasMore = page.hasMore;
      return page;
    },
  });

  private categoriesTask = new Task(this, {
    args: () => [this.api, this.staffId, this.categorySyncs] as const,
    task: ([api, staffId], { signal }) =>
      api && staffId ? api.trpc.staff.help.categories.query(undefined, { signal }) : initialState,
  });

  private insightsTask = new Task(this, {
    args: () =>
      [this.api, this.staffId, this.articleId === null, this.unhelpfulBy, this.syncs] as const,
    task: ([api, staffId, listed, unhelpfulBy], { signal }) =>
      api && staffId && listed
        ? api.trpc.staff.help.insights.query({ unhelpfulBy }, { signal })
        : initialState,
  });

  private articleTask = new Task(this, {
    args: () => [this.api, this.staffId, this.articleId, this.articleSyncs] as const,
    task: async ([api, staffId, articleId], { signal }) => {
      if (!api || !staffId || !articleId) return initialState;
      const article = await api.trpc.staff.help.byId.query({ articleId }, { signal });
      if (articleId !== this.articleId) return article;
      this.translations.show(article, contentLocale(this));
      this.article = article;
      return article;
    },
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('articleId') && changed.get('articleId') !== undefined) {
      this.article = null;
      this.articleView.reset();
      this.translations.reset();
      this.focusSoon(this.articleId ? '#article-title' : '#help-title');
    }
  }

  override render() {
    if (!this.staffId) {
      return this.renderNotStaff(msg('Sign in with a staff account to write the help centre.'));
    }
    return html`
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.articleId ? this.renderArticle() : this.renderList()}
    `;
  }

  private renderList() {
    const categories = this.categoriesTask.value ?? [];
    const loading = this.listTask.status === TaskStatus.PENDING;
    return html`
      <section part="list-view" class="view" aria-labelledby="help-title">
        <div class="head">
          <h2 id="help-title" tabindex="-1">${msg('Help centre')}</h2>
          <button
            part="new-article"
            type="button"
            class="primary"
            aria-expanded=${this.newArticle.open ? 'true' : 'false'}
            @click=${() => this.newArticle.toggle()}
          >
            ${msg('New article')}
          </button>
        </div>
        ${this.newArticle.render(categories)}
        <div class="columns">
          <section class="block" aria-labelledby="articles-title" aria-busy=${loading}>
            <h3 id="articles-title">${msg('Articles')}</h3>
            ${renderFilters(this.filter, categories, this.handleFilterInput)}
            ${renderTaskError(this.listTask, () => void this.listTask.run())}
            <p part="count" class="hint" role="status">
              ${
                this.listTask.status === TaskStatus.INITIAL || (loading && !this.listTask.value)
                  ? msg('Loading articles…')
                  : this.rows.length === 1
                    ? msg('1 article')
                    : msg(str`${this.rows.length}${this.hasMore ? '+' : ''} articles`)
              }
            </p>
            ${this.listTask.value ? renderArticles(this.rows) : nothing}
            ${renderTaskError(this.moreTask, () => this.loadMore())}
            ${
              this.hasMore
                ? renderMore(this.moreTask.status === TaskStatus.PENDING, () => this.loadMore())
                : nothing
            }
          </section>
          <div class="side">
            ${renderInsights(
              this.insightsTask.value,
              this.unhelpfulBy,
              (by) => (this.unhelpfulBy = by),
            )}
            ${renderTaskError(this.insightsTask, () => void this.insightsTask.run())}
            ${this.categoryEditor.render(categories)}
            ${renderTaskError(this.categoriesTask, () => void this.categoriesTask.run())}
          </div>
        </div>
      </section>
    `;
  }

  private renderArticle() {
    const article = this.article;
    if (!article) return this.articleView.renderLoading(this.articleTask);
    const preferred = contentLocale(this);
    const title =
      article.translations.find((row) => row.locale === preferred)?.title ??
      article.translations[0]?.title ??
      article.slug;
    return html`
      <section part="article" class="view" aria-labelledby="article-title">
        ${this.articleView.renderHeader(article, title)} ${this.articleView.renderActions(article)}
        <div class="columns">
          <div class="block">${this.translations.render(article)}</div>
          <div class="side">
            ${this.articleView.renderSettings(article, this.categoriesTask.value ?? [])}
            ${this.articleView.renderComments(article.comments)}
          </div>
        </div>
      </section>
    `;
  }

  private loadMore(): void {
    if (!this.api || this.moreTask.status === TaskStatus.PENDING) return;
    void this.moreTask.run([this.api]);
  }

  private handleFilterInput = (event: Event): void => {
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '');
    const next: ListFilter = {
      words: text('words'),
      status: text('status') as ListFilter['status'],
      category: text('category'),
    };
    if (JSON.stringify(next) !== JSON.stringify(this.filter)) this.filter = next;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-staff-help': PorticoStaffHelp;
  }
}
