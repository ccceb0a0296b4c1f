import { html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { serverHtml } from '../shared/server-html.ts';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { pause, renderTaskError } from '../shared/task.ts';
import {
  CONTENT_LOCALES,
  directionOf,
  languageLabel,
  MAX_BODY,
  MAX_TITLE,
  PREVIEW_DELAY,
  type ArticleDetail,
  type ContentLocale,
  type HelpEffects,
  type Translation,
} from './staff-help.api.ts';

export interface TranslationsHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
}

interface Text {
  title: string;
  body: string;
}

type Action = (api: PorticoApi, signal: AbortSignal) => Promise<string>;

/**
 * The article's text in each language: one language at a time in the editor, edits kept per
 * language until saved, a preview the server renders (and sanitises) as the author types, and
 * languages added and removed.
 */
export class TranslationsController {
  /** The language in the editor. */
  locale: ContentLocale | null = null;
  /** What the author changed and has not saved yet, by language. */
  readonly drafts = new Map<ContentLocale, Text>();
  confirmingRemove = false;
  #article: ArticleDetail | null = null;
  readonly #host: TranslationsHost;
  readonly #effects: HelpEffects;

  readonly task: Task<[PorticoApi, Action], string>;

  /** The body in the editor as the server renders it; never HTML the browser made. */
  readonly previewTask: Task<
    readonly [PorticoApi | undefined, ContentLocale | null, string | null],
    string
  >;

  constructor(host: TranslationsHost, effects: HelpEffects) {
    this.#host = host;
    this.#effects = effects;
    this.task = new Task(host, {
      autoRun: false,
      task: async ([api, action], { signal }) => {
        const done = await action(api, signal);
        effects.announce(done);
        return done;
      },
    });
    this.previewTask = new Task(host, {
      args: () => [host.api, this.locale, this.locale && this.text(this.locale).body] as const,
      task: async ([api, locale, body], { signal }) => {
        if (!api || !locale || body === null) return initialState;
        const saved = this.saved(locale);
        if (saved && saved.body === body) return saved.html;
        if (!body.trim()) return '';
        await pause(PREVIEW_DELAY, signal);
        return (await api.trpc.staff.help.preview.query({ body }, { signal })).html;
      },
    });
  }

  reset(): void {
    this.locale = null;
    this.drafts.clear();
    this.confirmingRemove = false;
    this.#article = null;
  }

  /** The article as the server has it now; edits it already holds are no longer drafts. */
  show(article: ArticleDetail, preferred: ContentLocale): void {
    this.#article = article;
    for (const [locale, draft] of this.drafts) {
      const saved = this.saved(locale);
      if (saved && saved.title === draft.title && saved.body === draft.body) {
        this.drafts.delete(locale);
      }
    }
    const present = this.languages();
    if (this.locale && present.includes(this.locale)) return;
    this.locale = present.includes(preferred) ? preferred : (present[0] ?? preferred);
  }

  saved(locale: ContentLocale): Translation | undefined {
    return this.#article?.translations.find((row) => row.locale === locale);
  }

  text(locale: ContentLocale): Text {
    const saved = this.saved(locale);
    return this.drafts.get(locale) ?? { title: saved?.title ?? '', body: saved?.body ?? '' };
  }

  /** The languages the article has, and those the author started and has not saved yet. */
  languages(): ContentLocale[] {
    const saved = new Set(this.#article?.translations.map((row) => row.locale) ?? []);
    return CONTENT_LOCALES.filter((locale) => saved.has(locale) || this.drafts.has(locale));
  }

  get busy(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  #run(action: Action): void {
    const api = this.#host.api;
    if (!api || this.busy) return;
    void this.task.run([api, action]);
  }

  #choose(locale: ContentLocale): void {
    this.locale = locale;
    this.confirmingRemove = false;
    this.#host.requestUpdate();
  }

  render(article: ArticleDetail) {
    const locale = this.locale;
    const present = this.languages();
    const missing = CONTENT_LOCALES.filter((candidate) => !present.includes(candidate));
    return html`
      <section part="translations" class="block" aria-labelledby="languages-title">
        <h3 id="languages-title">${msg('Languages')}</h3>
        <div part="languages" class="buttons" role="group" aria-labelledby="languages-title">
          ${present.map((candidate) => {
            const unsaved = this.drafts.has(candidate);
            return html`<button
              part="language-tab"
              type="button"
              class="secondary"
              data-locale=${candidate}
              aria-pressed=${candidate === locale ? 'true' : 'false'}
              @click=${() => this.#choose(candidate)}
            >
              ${languageLabel(candidate)}${unsaved ? html` <span part="unsaved">*</span>` : nothing}
              ${unsaved ? html`<span class="visually-hidden">${msg('(not saved)')}</span>` : nothing}
            </button>`;
          })}
        </div>
        ${missing.length ? this.#renderAdd(missing) : nothing}
        ${locale ? this.#renderEditor(article, locale) : nothing}
      </section>
    `;
  }

  #renderAdd(missing: readonly ContentLocale[]) {
    const add = (event: SubmitEvent) => {
      event.preventDefault();
      const data = new FormData(event.target as HTMLFormElement);
      const locale = String(data.get('locale')) as ContentLocale;
      if (!missing.includes(locale)) return;
      this.drafts.set(locale, { title: '', body: '' });
      this.#choose(locale);
      this.#effects.focusSoon("[part~='title']");
    };
    return html`
      <form part="add-translation" class="inline" @submit=${add}>
        <label>
          ${msg('New language')}
          <select part="new-translation-language" name="locale">
            ${missing.map((locale) => html`<option value=${locale}>${languageLabel(locale)}</option>`)}
          </select>
        </label>
        <button part="add-translation-button" type="submit" class="secondary">
          ${msg('Add translation')}
        </button>
      </form>
    `;
  }

  #renderEditor(article: ArticleDetail, locale: ContentLocale) {
    const text = this.text(locale);
    const saved = this.saved(locale);
    const dir = directionOf(locale);
    const edit = (field: keyof Text) => (event: Event) => {
      const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
      this.drafts.set(locale, { ...this.text(locale), [field]: value });
      this.#host.requestUpdate();
    };
    const save = (event: SubmitEvent) => {
      event.preventDefault();
      const { title, body } = this.text(locale);
      this.#run(async (api, signal) => {
        await api.trpc.staff.help.translate.mutate(
          { articleId: article.id, locale, title, body },
          { signal },
        );
        this.#effects.changed();
        return msg(str`The ${languageLabel(locale)} text was saved.`);
      });
    };
    const preview = this.previewTask.value;
    return html`
      <form part="translation" class="translation" @submit=${save}>
        <fieldset>
          <legend>${msg(str`Text in ${languageLabel(locale)}`)}</legend>
          <label>
            ${msg('Title')}
            <input
              part="title"
              name="title"
              required
              maxlength=${MAX_TITLE}
              autocomplete="off"
              lang=${locale}
              dir=${dir}
              .value=${live(text.title)}
              @input=${edit('title')}
            />
          </label>
          <label>
            ${msg('Body (Markdown)')}
            <textarea
              part="body"
              name="body"
              rows="14"
              maxlength=${MAX_BODY}
              lang=${locale}
              dir=${dir}
              .value=${live(text.body)}
              @input=${edit('body')}
            ></textarea>
          </label>
        </fieldset>
        <div class="buttons">
          <button part="save-translation" type="submit" class="primary" ?disabled=${this.busy}>
            ${msg('Save translation')}
          </button>
          ${
            this.drafts.has(locale) && saved
              ? html`<button
                  part="discard"
                  type="button"
                  class="secondary"
                  @click=${() => {
                    this.drafts.delete(locale);
                    this.#host.requestUpdate();
                  }}
                >
                  ${msg('Discard changes')}
                </button>`
              : nothing
          }
          ${
            saved
              ? html`<button
                  part="remove-translation"
                  type="button"
                  class="secondary danger"
                  aria-expanded=${this.confirmingRemove ? 'true' : 'false'}
                  ?disabled=${this.busy}
                  @click=${() => {
                    this.confirmingRemove = true;
                    this.#effects.focusSoon('#confirm-remove');
                    this.#host.requestUpdate();
                  }}
                >
                  ${msg('Remove translation')}
                </button>`
              : nothing
          }
        </div>
        ${this.confirmingRemove && saved ? this.#renderConfirm(article, locale) : nothing}
        ${renderTaskError(this.task)}
      </form>
      <section part="preview" class="preview" aria-labelledby="preview-title" aria-live="polite">
        <h4 id="preview-title">${msg('Preview')}</h4>
        ${renderTaskError(this.previewTask)}
        <div
          part="preview-body"
          class="article-body"
          lang=${locale}
          dir=${dir}
          aria-busy=${this.previewTask.status === TaskStatus.PENDING ? 'true' : 'false'}
        >
          ${typeof preview === 'string' ? serverHtml(preview) : nothing}
        </div>
      </section>
    `;
  }

  #renderConfirm(article: ArticleDetail, locale: ContentLocale) {
    return html`
      <div part="confirm" class="confirm" role="group" aria-labelledby="confirm-remove-text">
        <p id="confirm-remove-text">
          ${msg(str`Remove the ${languageLabel(locale)} text of this article?`)}
        </p>
        <div class="buttons">
          <button
            id="confirm-remove"
            part="confirm-remove"
            type="button"
            class="danger-strong"
            ?disabled=${this.busy}
            @click=${() =>
              this.#run(async (api, signal) => {
                await api.trpc.staff.help.removeTranslation.mutate(
                  { articleId: article.id, locale },
                  { signal },
                );
                this.drafts.delete(locale);
                this.confirmingRemove = false;
                this.locale = null;
                this.#effects.changed();
                return msg(str`The ${languageLabel(locale)} text was removed.`);
              })}
          >
            ${msg('Remove')}
          </button>
          <button
            part="cancel-remove"
            type="button"
            class="secondary"
            @click=${() => {
              this.confirmingRemove = false;
              this.#host.requestUpdate();
            }}
          >
            ${msg('Keep it')}
          </button>
        </div>
      </div>
    `;
  }
}
