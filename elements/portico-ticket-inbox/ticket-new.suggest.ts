import { html, nothing, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { serverHtml } from '../shared/server-html.ts';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import type { PorticoApi } from '../api/client.ts';
import { pause } from '../shared/task.ts';
import { contentLocale, type ContentLocale } from '../shared/locale.ts';
import { renderTaskError } from './ticket-list.api.ts';
import { formatNumber } from '../shared/format.ts';

type Outputs = inferRouterOutputs<AppRouter>;
export type Suggestion = Outputs['help']['suggest'][number];
export type HelpArticle = Outputs['help']['article'];
type Segment = Suggestion['title'][number];

/** How long typing must rest before the help centre is asked. */
const SUGGEST_DELAY = 400;
/** The server reads only the first words; a long message is not sent whole. */
const MAX_TEXT = 2_000;
/** Fewer letters and digits than this match too much to help. */
const MIN_CHARACTERS = 3;
const LIMIT = 3;

export interface SuggestHost extends ReactiveControllerHost, Element {
  readonly api?: PorticoApi | undefined;
  /** Whether the form is the view on screen; nothing is asked while another one is. */
  readonly newShown: boolean;
}

/** What the help centre is asked about: the subject, then the message. */
export function suggestText(subject: string, body: string): string {
  return `${subject.trim()}\n${body.trim()}`.slice(0, MAX_TEXT);
}

const meaningful = (text: string) => (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= MIN_CHARACTERS;

const dirOf = (locale: string) => (locale === 'fa' ? 'rtl' : 'ltr');

/** A language's name in the page's language, such as "Englisch" on a German page. */
function languageName(locale: string, reader: string): string {
  try {
    return new Intl.DisplayNames([reader, 'en'], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/** Title or snippet segments as text, the found words in `<mark part="match">`. */
export function renderSegments(segments: readonly Segment[]) {
  return segments.map((segment) =>
    segment.match ? html`<mark part="match">${segment.text}</mark>` : segment.text,
  );
}

function countText(count: number): string {
  return count === 1
    ? msg('1 help article may answer your question.')
    : msg(str`${formatNumber(count)} help articles may answer your question.`);
}

/**
 * Help articles that may answer the ticket being written, asked for once typing rests (a newer
 * text aborts the older request). Each can be read inline without leaving the form. They only
 * help: when the help centre fails, the form shows nothing of it, and nothing here takes focus.
 */
export class TicketSuggestions {
  readonly suggestTask: Task<
    readonly [PorticoApi | undefined, boolean, string, ContentLocale],
    Suggestion[]
  >;
  readonly articleTask: Task<
    readonly [PorticoApi | undefined, string | null, Suggestion['locale'] | null],
    HelpArticle
  >;

  readonly #host: SuggestHost;
  /** The slug of the article open inline, if any. */
  #open: string | null = null;
  /** The article last opened; it stays loaded when closed, for opening again. */
  #read: Pick<Suggestion, 'slug' | 'locale'> | null = null;

  constructor(host: SuggestHost, text: () => string) {
    this.#host = host;

    this.suggestTask = new Task(host, {
      args: () => [host.api, host.newShown, text(), contentLocale(host)] as const,
      task: async ([api, shown, text, locale], { signal }) => {
        if (!api || !shown || !meaningful(text)) return [];
        await pause(SUGGEST_DELAY, signal);
        try {
          return await api.trpc.help.suggest.query({ text, locale, limit: LIMIT }, { signal });
        } catch {
          // Suggestions are a help, not the point: the form goes on without them.
          return [];
        }
      },
    });

    this.articleTask = new Task(host, {
      args: () => [host.api, this.#read?.slug ?? null, this.#read?.locale ?? null] as const,
      task: async ([api, slug, locale], { signal }) => {
        if (!api || !slug || !locale) return initialState;
        return api.trpc.help.article.query({ slug, locale }, { signal });
      },
    });
  }

  /** Forgets what was open, for the next ticket. */
  reset(): void {
    this.#open = null;
  }

  render() {
    const results = this.suggestTask.value ?? [];
    const locale = contentLocale(this.#host);
    return html`
      <p part="suggestions-status" class="visually-hidden" role="status" aria-live="polite">
        ${results.length ? countText(results.length) : nothing}
      </p>
      ${
        results.length
          ? html`<section
              part="suggestions"
              class="suggestions"
              aria-labelledby="suggestions-title"
            >
              <h3 id="suggestions-title" part="section-heading">
                ${msg('These articles may answer your question')}
              </h3>
              <ul>
                ${repeat(
                  results,
                  (result) => result.slug,
                  (result) => this.#renderSuggestion(result, locale),
                )}
              </ul>
            </section>`
          : nothing
      }
    `;
  }

  #renderSuggestion(result: Suggestion, locale: ContentLocale) {
    const open = this.#open === result.slug;
    const id = `suggestion-${result.slug}`;
    const foreign = result.locale !== locale;
    return html`
      <li part="suggestion" class="suggestion" data-slug=${result.slug}>
        <button
          part="suggestion-toggle"
          type="button"
          class="suggestion-toggle"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${id}
          @click=${() => this.#toggle(result)}
        >
          <span
            class="suggestion-title"
            lang=${foreign ? result.locale : nothing}
            dir=${foreign ? dirOf(result.locale) : nothing}
            >${renderSegments(result.title)}</span
          >
        </button>
        <p class="suggestion-meta">
          <span part="suggestion-category">${result.category.name}</span>
          ${
            foreign
              ? html`<span part="suggestion-language" class="suggestion-language"
                  >${languageName(result.locale, locale)}</span
                >`
              : nothing
          }
        </p>
        ${open ? this.#renderArticle(result, id) : html`<div id=${id} hidden></div>`}
      </li>
    `;
  }

  #renderArticle(result: Suggestion, id: string) {
    const task = this.articleTask;
    const article = task.value;
    const ready =
      task.status === TaskStatus.COMPLETE && article !== undefined && article.slug === result.slug;
    if (!ready) {
      return html`<div
        id=${id}
        part="suggestion-article"
        class="suggestion-article"
        aria-busy="true"
      >
        ${
          task.status === TaskStatus.ERROR
            ? renderTaskError(task, () => void task.run())
            : html`<p class="hint">${msg('Loading the article…')}</p>`
        }
      </div>`;
    }
    return html`<div
      id=${id}
      part="suggestion-article"
      class="suggestion-article"
      lang=${article.locale}
      dir=${dirOf(article.locale)}
    >
      ${serverHtml(article.html)}
    </div>`;
  }

  #toggle(result: Suggestion): void {
    if (this.#open === result.slug) {
      this.#open = null;
    } else {
      this.#open = result.slug;
      this.#read = { slug: result.slug, locale: result.locale };
    }
    this.#host.requestUpdate();
  }
}
