import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import { apiContext } from '../context.ts';
import { BusyNotice } from '../shared/busy.ts';
import { HelpAskEvent } from '../events.ts';
import { contentLocale, type ContentLocale } from '../shared/locale.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { skeletonStyles, viewStyles } from '../shared/view.styles.ts';
import { ARTICLE_TITLE, ArticleController } from './help-article.ts';
import { HelpBrowseController, searchable } from './help-search.browse.ts';
import {
  MAX_QUERY,
  SEARCH_HREF,
  askUrl,
  isContentLocale,
  parseHelpRoute,
  sameRoute,
  type HelpEffects,
  type HelpRoute,
} from './help-search.api.ts';
import { RESULTS_ID, resultId } from './help-search.results.ts';
import { articleStyles } from './help-article.styles.ts';
import { styles } from './portico-help-search.styles.ts';
import { firstUpdateInNextTask } from '../shared/first-update.ts';

const SEARCH_BOX = '#help-query';

/**
 * The help centre inside the vendor's page. Results follow what the customer types, with the
 * words found marked; while the box is empty the categories are there to browse. Each article
 * has a URL fragment (`#help=<slug>`, or `#help=<slug>&locale=de` for one of its other
 * languages), so links, bookmarks and the back button work; `#help` or no fragment is the
 * search, and other fragments (such as the ticket inbox's `#ticket=…`) leave it as it is.
 * Under the results and each article, "Ask support" hands the customer on to the vendor.
 *
 * @summary Help centre: live search, categories and articles, with feedback.
 * @attr query - What the search box starts with.
 * @attr category - The slug of the category to start in, such as `delivery`.
 * @attr locale - The articles' language (`en`, `de`, `lv`, `hr`, `el`, `fa`); by default the
 *   nearest `lang` attribute of the page.
 * @attr ask-href - Where "Ask support" leads, `{query}` replaced by the URL-encoded search, such
 *   as `#new-ticket&subject={query}` or `/contact?q={query}`. Without it, and unless a listener
 *   of `portico-help-ask` calls `preventDefault()`, "Ask support" hides once chosen.
 * @fires portico-help-ask - The customer chose "Ask support" (`HelpAskEvent`, with `query` and
 *   `slug`). Cancelable: `preventDefault()` keeps the page where it is, to answer it yourself.
 * @csspart section-heading - The heading of a block below an article, such as the related
 *   articles.
 * @csspart search - The search form: its label and box.
 * @csspart label - The search box's label.
 * @csspart input - The search box (a combobox whose list is the results).
 * @csspart status - The polite live line: "Searching…", how many articles were found, or none.
 * @csspart results-view - The search results with their notes and controls.
 * @csspart corrected - "Showing results for “…”" when the words typed were not found.
 * @csspart results - The list of results (a listbox).
 * @csspart result - One result: a link to its article (also `result-active`).
 * @csspart result-active - The result the arrow keys point at.
 * @csspart result-title - A result's title.
 * @csspart result-meta - A result's category and language.
 * @csspart result-category - The name of a result's category.
 * @csspart language - The language of a result written in another language than asked for.
 * @csspart snippet - The words around what was found in a result's article.
 * @csspart match - A word the search found, in a title or snippet (a `<mark>`).
 * @csspart more - The "Show more" button under the results.
 * @csspart empty - What the search says when no article matched.
 * @csspart browse - The button that empties the box to browse the categories.
 * @csspart ask-line - "Didn't find what you need?" with the "Ask support" control.
 * @csspart ask - The "Ask support" link (with `ask-href`) or button.
 * @csspart categories-view - The categories to browse while the box is empty.
 * @csspart heading - A view's heading; the article's title takes focus when it opens.
 * @csspart categories - The list of categories.
 * @csspart category - One category's button: name, description and number of articles.
 * @csspart category-name - A category's name.
 * @csspart category-description - A category's description.
 * @csspart category-count - A category's number of articles.
 * @csspart category-view - One category's articles.
 * @csspart all-categories - The "Back to all categories" button.
 * @csspart skeleton - The grey placeholder while a list or an article loads the first time.
 * @csspart article - The article view.
 * @csspart back - The "Back to results" link.
 * @csspart article-meta - The article's category and date of change.
 * @csspart article-category - The name of the article's category.
 * @csspart updated - When the article last changed, in the article's language.
 * @csspart body - The article's text, with the article's `lang` and `dir`.
 * @csspart languages - The links to the article in its other languages.
 * @csspart language-link - A link to the article in another language, named in that language.
 * @csspart related - "Related articles": up to three others about the same things.
 * @csspart related-link - A link to a related article.
 * @csspart feedback - "Was this article helpful?" with its controls.
 * @csspart feedback-question - The question "Was this article helpful?".
 * @csspart helpful-yes - The "Yes" button.
 * @csspart helpful-no - The "No" button.
 * @csspart feedback-form - The optional comment after "No".
 * @csspart comment - The comment field.
 * @csspart send - The button that sends the comment.
 * @csspart thanks - The thank-you line once the feedback was sent.
 * @csspart error - The message shown when something failed, with `role="alert"`.
 * @csspart retry - The "Try again" button beside a failed read.
 * @cssproperty --gap - Space between the blocks of a view. Default: `var(--portico-space, 1rem)`.
 * @cssproperty --match-background - The background of the words found. Default: a light tint of
 *   the brand colour.
 */
@customElement('portico-help-search')
@localized()
@firstUpdateInNextTask
export class PorticoHelpSearch extends LitElement {
  static override styles = [
    hostStyles,
    formStyles,
    viewStyles,
    skeletonStyles,
    styles,
    articleStyles,
  ];

  /** What the search box holds; it starts with the attribute and follows the typing. */
  @property() query = '';

  /** The slug of the category browsed while the box is empty, or '' for all categories. */
  @property() category = '';

  /** The articles' language; by default the nearest `lang` attribute of the page. */
  @property() locale = '';

  /** Where "Ask support" leads; `{query}` becomes the URL-encoded search. */
  @property({ attribute: 'ask-href' }) askHref = '';

  /** The API client, from the page or the nearest `<portico-portal>`. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: PorticoApi;

  /** The view the page's URL fragment names. */
  @state() private route: HelpRoute = { view: 'search' };

  /** What the live line says in the article view, such as the thanks for feedback. */
  @state() private announcement = '';

  /** "Ask support" was chosen with nowhere to go and nobody to answer: it is not offered again. */
  @state() private askUnavailable = false;

  /** Whether the customer has typed: searches wait for the typing to rest from then on. */
  private typed = false;
  /** What takes focus once it is on screen. */
  private focusTarget: string | null = null;
  /** The result last scrolled into view, so a re-render does not scroll the page back to it. */
  private scrolledTo = -1;

  private effects: HelpEffects = {
    focusSoon: (selector) => {
      this.focusTarget = selector;
      this.requestUpdate();
    },
    announce: (text) => (this.announcement = text),
  };

  private busyNotice = new BusyNotice(this);
  private browse = new HelpBrowseController(this, {
    read: () => ({
      api: this.api,
      query: this.query,
      category: this.category,
      locale: this.contentLocale,
      typed: this.typed,
    }),
    effects: this.effects,
    chooseCategory: (slug) => this.chooseCategory(slug),
    clearQuery: () => {
      this.query = '';
      this.effects.focusSoon(SEARCH_BOX);
    },
    renderAsk: () => this.renderAsk(),
  });

  private reader = new ArticleController(
    this,
    () => ({
      api: this.api,
      slug: this.route.view === 'article' ? this.route.slug : null,
      locale: (this.route.view === 'article' && this.route.locale) || this.contentLocale,
    }),
    this.effects,
  );

  /** The language articles are asked for. */
  private get contentLocale(): ContentLocale {
    return isContentLocale(this.locale) ? this.locale : contentLocale(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.route = parseHelpRoute(location.hash) ?? { view: 'search' };
    window.addEventListener('hashchange', this.handleHashChange);
    this.addEventListener('keydown', this.handleArticleKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
    this.removeEventListener('keydown', this.handleArticleKeydown);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('route')) this.announcement = '';
  }

  protected override updated(): void {
    const active = this.browse.active;
    if (active !== this.scrolledTo) {
      this.scrolledTo = active;
      this.renderRoot.querySelector(`#${resultId(active)}`)?.scrollIntoView({ block: 'nearest' });
    }
    const target = this.focusTarget;
    if (!target) return;
    // The title takes focus once it is the article's, so a screen reader reads the right one.
    if (target === ARTICLE_TITLE && this.reader.loading) return;
    const element = this.renderRoot.querySelector<HTMLElement>(target);
    if (!element) return;
    this.focusTarget = null;
    element.focus();
  }

  override render() {
    const reading = this.route.view === 'article';
    const status = reading
      ? this.reader.loading
        ? msg('Loading the article…')
        : this.announcement
      : this.browse.status();
    return html`
      ${this.renderSearchBox(reading)}
      <p
        part="status"
        class=${reading ? 'visually-hidden' : 'status'}
        role="status"
        aria-live="polite"
      >
        ${status}
      </p>
      ${reading ? this.reader.render(this.renderAsk()) : this.browse.render()}
    `;
  }

  /** The box stays above an article too: typing in it goes back to the results. */
  private renderSearchBox(reading: boolean) {
    const expanded = !reading && this.browse.options > 0;
    const active = this.browse.active;
    return html`
      <div part="search" class="search" role="search">
        <label id="help-query-label" part="label" for="help-query"
          >${msg('Search the help centre')}</label
        >
        <input
          id="help-query"
          part="input"
          type="search"
          role="combobox"
          aria-labelledby="help-query-label"
          autocomplete="off"
          enterkeyhint="search"
          aria-autocomplete="list"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls=${expanded ? RESULTS_ID : nothing}
          aria-activedescendant=${expanded && active >= 0 ? resultId(active) : nothing}
          .value=${live(this.query)}
          @input=${this.handleInput}
          @keydown=${this.handleSearchKeydown}
        />
      </div>
    `;
  }

  private renderAsk() {
    if (this.askUnavailable) return nothing;
    const label = msg('Ask support');
    const control = this.askHref
      ? html`<a
          part="ask"
          class="button secondary"
          href=${askUrl(this.askHref, this.askQuery)}
          @click=${this.handleAsk}
          >${label}</a
        >`
      : html`<button part="ask" class="secondary" type="button" @click=${this.handleAsk}>
          ${label}
        </button>`;
    return html`<p part="ask-line" class="ask-line">
      <span>${msg('Didn’t find what you need?')}</span> ${control}
    </p>`;
  }

  /** The search, as "Ask support" passes it on. */
  private get askQuery(): string {
    return searchable(this.query).trim().slice(0, MAX_QUERY);
  }

  private chooseCategory(slug: string) {
    const left = this.category;
    this.category = slug;
    this.effects.focusSoon(
      slug ? '#help-category-title' : `[part~='category'][data-category='${left}']`,
    );
  }

  private handleInput = (event: Event) => {
    this.typed = true;
    this.query = (event.target as HTMLInputElement).value;
    if (this.route.view === 'article') location.hash = SEARCH_HREF;
  };

  private handleSearchKeydown = (event: KeyboardEvent) => {
    if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    const reading = this.route.view === 'article';
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!reading && this.browse.move(event.key === 'ArrowDown' ? 1 : -1))
          event.preventDefault();
        return;
      case 'Enter': {
        if (reading || !this.browse.activeSlug) return;
        event.preventDefault();
        // As a click on the link: the fragment changes, so the back button comes back here.
        this.renderRoot.querySelector<HTMLElement>(`#${resultId(this.browse.active)}`)?.click();
        return;
      }
      case 'Escape':
        if (!this.query) return;
        event.preventDefault();
        this.query = '';
        return;
    }
  };

  /** Escape in an article goes back to the results, unless it only leaves a comment field. */
  private handleArticleKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || this.route.view !== 'article' || event.defaultPrevented) return;
    const origin = event.composedPath()[0];
    if (origin instanceof HTMLTextAreaElement && origin.value) return;
    event.preventDefault();
    location.hash = SEARCH_HREF;
  };

  private handleHashChange = () => {
    const next = parseHelpRoute(location.hash);
    if (!next || sameRoute(next, this.route)) return;
    this.route = next;
    this.effects.focusSoon(next.view === 'article' ? ARTICLE_TITLE : SEARCH_BOX);
  };

  private handleAsk = (event: Event) => {
    const ask = new HelpAskEvent({
      query: this.askQuery,
      slug: this.route.view === 'article' ? this.route.slug : null,
    });
    this.dispatchEvent(ask);
    if (ask.defaultPrevented) {
      event.preventDefault();
      return;
    }
    // With an address the link follows it; without one nobody answered, so it is taken away.
    if (this.askHref) return;
    this.askUnavailable = true;
    this.effects.focusSoon(this.route.view === 'article' ? ARTICLE_TITLE : SEARCH_BOX);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-help-search': PorticoHelpSearch;
  }
}
