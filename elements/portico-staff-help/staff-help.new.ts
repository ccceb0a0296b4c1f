import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { renderTaskError } from '../shared/task.ts';
import {
  CONTENT_LOCALES,
  directionOf,
  languageLabel,
  MAX_BODY,
  MAX_TITLE,
  SLUG_PATTERN,
  slugOf,
  type Category,
  type ContentLocale,
  type HelpEffects,
} from './staff-help.api.ts';
import { categoryName } from './staff-help.list.ts';

export interface NewArticleHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
}

interface CreateInput {
  slug: string;
  category: string;
  locale: ContentLocale;
  title: string;
  body: string;
}

/** Fills the address from the title until the author writes one of their own. */
function suggestSlug(event: Event): void {
  const title = event.target as HTMLInputElement;
  const slug = title.form?.elements.namedItem('slug');
  if (slug instanceof HTMLInputElement && slug.dataset.edited === undefined) {
    slug.value = slugOf(title.value);
  }
}

/** A draft's address, category, first language, title and body. */
/** "New article": a draft's address, category, first language, title and body. */
export class NewArticleController {
  /** Whether the form is open. */
  open = false;
  /** The language being written in, for the fields' direction. */
  locale: ContentLocale = 'en';
  readonly task: Task<[PorticoApi, CreateInput], string>;
  readonly #host: NewArticleHost;
  readonly #effects: HelpEffects;

  constructor(host: NewArticleHost, effects: HelpEffects) {
    this.#host = host;
    this.#effects = effects;
    this.task = new Task(host, {
      autoRun: false,
      task: async ([api, input], { signal }) => {
        const { articleId } = await api.trpc.staff.help.create.mutate(input, { signal });
        this.open = false;
        effects.announce(msg('The draft was created.'));
        effects.open(articleId);
        return articleId;
      },
    });
  }

  toggle(): void {
    this.open = !this.open;
    if (this.open) this.#effects.focusSoon("[part~='new-title']");
    this.#host.requestUpdate();
  }

  #create = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const api = this.#host.api;
    if (!form.reportValidity() || !api || this.task.status === TaskStatus.PENDING) return;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    void this.task.run([
      api,
      {
        slug: text('slug').trim(),
        category: text('category'),
        locale: text('locale') as ContentLocale,
        title: text('title').trim(),
        body: text('body'),
      },
    ]);
  };

  #languageChanged = (event: Event): void => {
    const control = event.target as HTMLSelectElement;
    if (control.name !== 'locale') return;
    this.locale = control.value as ContentLocale;
    this.#host.requestUpdate();
  };

  #cancel = (): void => {
    this.open = false;
    this.#effects.focusSoon("[part~='new-article']");
    this.#host.requestUpdate();
  };

  render(categories: readonly Category[]) {
    if (!this.open) return nothing;
    const busy = this.task.status === TaskStatus.PENDING;
    const dir = directionOf(this.locale);
    return html`
      <form
        part="new-form"
        class="new-form"
        aria-labelledby="new-title"
        aria-busy=${busy ? 'true' : 'false'}
        @submit=${this.#create}
        @change=${this.#languageChanged}
      >
        <h3 id="new-title" tabindex="-1">${msg('New article')}</h3>
        <div class="fields">
          <label>
            ${msg('Category')}
            <select part="new-category" name="category" required>
              ${categories.map(
                (category) =>
                  html`<option value=${category.slug}>${categoryName(category)}</option>`,
              )}
            </select>
          </label>
          <label>
            ${msg('Language')}
            <select part="new-language" name="locale">
              ${CONTENT_LOCALES.map(
                (locale) =>
                  html`<option value=${locale} ?selected=${locale === this.locale}>
                    ${languageLabel(locale)}
                  </option>`,
              )}
            </select>
          </label>
        </div>
        <label>
          ${msg('Title')}
          <input
            part="new-title"
            name="title"
            required
            maxlength=${MAX_TITLE}
            autocomplete="off"
            lang=${this.locale}
            dir=${dir}
            @input=${suggestSlug}
          />
        </label>
        <label>
          ${msg('Address')}
          <input
            part="new-slug"
            name="slug"
            required
            minlength="2"
            maxlength="80"
            pattern=${SLUG_PATTERN}
            autocomplete="off"
            dir="ltr"
            aria-describedby="new-slug-hint"
            @input=${(event: Event) => ((event.target as HTMLInputElement).dataset.edited = '')}
          />
          <span id="new-slug-hint" class="hint">
            ${msg('Lower-case letters, digits and single hyphens, such as "descaling-the-machine".')}
          </span>
        </label>
        <label>
          ${msg('Body (Markdown)')}
          <textarea
            part="new-body"
            name="body"
            rows="8"
            maxlength=${MAX_BODY}
            lang=${this.locale}
            dir=${dir}
          ></textarea>
        </label>
        <div class="buttons">
          <button part="create" type="submit" class="primary" ?disabled=${busy}>
            ${msg('Create draft')}
          </button>
          <button part="cancel-new" type="button" class="secondary" @click=${this.#cancel}>
            ${msg('Cancel')}
          </button>
        </div>
        ${renderTaskError(this.task)}
      </form>
    `;
  }
}
