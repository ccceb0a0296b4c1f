import { html, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { renderTaskError } from '../shared/task.ts';
import {
  CONTENT_LOCALES,
  directionOf,
  languageLabel,
  SLUG_PATTERN,
  type Category,
  type ContentLocale,
} from './staff-help.api.ts';
import { categoryName } from './staff-help.list.ts';

export interface CategoriesHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
}

type Names = Partial<Record<ContentLocale, { name: string; description: string }>>;
type SaveInput = { slug: string; position: number; names: Names };

/** A small editor for the help centre's categories: names per language and their order. */
export class CategoriesController {
  /** The slug of the category in the form; '' is a new one. */
  editing = '';
  /** Why the form was not sent, or ''. */
  problem = '';
  readonly task: Task<[PorticoApi, SaveInput], string>;
  readonly #host: CategoriesHost;

  constructor(host: CategoriesHost, saved: (text: string) => void) {
    this.#host = host;
    this.task = new Task(host, {
      autoRun: false,
      task: async ([api, input], { signal }) => {
        await api.trpc.staff.help.saveCategory.mutate(input, { signal });
        this.editing = input.slug;
        const text = msg(str`The category "${input.slug}" was saved.`);
        saved(text);
        return text;
      },
    });
  }

  render(categories: readonly Category[]) {
    const current = categories.find((category) => category.slug === this.editing);
    const names = (current?.names ?? {}) as Names;
    const busy = this.task.status === TaskStatus.PENDING;
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const data = new FormData(event.target as HTMLFormElement);
      const input: SaveInput = {
        slug: String(data.get('slug') ?? '').trim(),
        position: Number(data.get('position') ?? 0),
        names: {},
      };
      for (const locale of CONTENT_LOCALES) {
        const name = String(data.get(`name-${locale}`) ?? '').trim();
        // A description is kept as it was: this small editor does not write them.
        if (name) input.names[locale] = { name, description: names[locale]?.description ?? '' };
      }
      this.problem =
        Object.keys(input.names).length === 0
          ? msg('Give the category a name in at least one language.')
          : '';
      this.#host.requestUpdate();
      const api = this.#host.api;
      if (!api || busy || this.problem) return;
      void this.task.run([api, input]);
    };
    return html`
      <details part="categories" class="categories">
        <summary>${msg('Categories')}</summary>
        <form
          part="category-form"
          class="category-form"
          @submit=${submit}
          @change=${(event: Event) => {
            const control = event.target as HTMLSelectElement;
            if (control.name !== 'pick') return;
            this.editing = control.value;
            this.problem = '';
            this.#host.requestUpdate();
          }}
        >
          <label>
            ${msg('Category to edit')}
            <select part="category-pick" name="pick">
              <option value="" ?selected=${!current}>${msg('A new category')}</option>
              ${categories.map(
                (category) =>
                  html`<option value=${category.slug} ?selected=${category === current}>
                    ${categoryName(category)}
                  </option>`,
              )}
            </select>
          </label>
          <div class="fields">
            <label>
              ${msg('Category address')}
              <input
                part="category-slug"
                name="slug"
                required
                minlength="2"
                maxlength="80"
                pattern=${SLUG_PATTERN}
                autocomplete="off"
                dir="ltr"
                ?readonly=${Boolean(current)}
                .value=${live(current?.slug ?? '')}
              />
            </label>
            <label>
              ${msg('Order')}
              <input
                part="category-position"
                name="position"
                type="number"
                min="0"
                max="10000"
                .value=${live(String(current?.position ?? 0))}
              />
            </label>
          </div>
          <div class="fields">
            ${CONTENT_LOCALES.map(
              (locale) => html`
                <label>
                  ${msg(str`Name in ${languageLabel(locale)}`)}
                  <input
                    part="category-name"
                    name="name-${locale}"
                    maxlength="100"
                    autocomplete="off"
                    lang=${locale}
                    dir=${directionOf(locale)}
                    .value=${live(names[locale]?.name ?? '')}
                  />
                </label>
              `,
            )}
          </div>
          <button part="save-category" type="submit" class="secondary" ?disabled=${busy}>
            ${msg('Save category')}
          </button>
          ${this.problem ? html`<p part="field-error" role="alert">${this.problem}</p>` : ''}
          ${renderTaskError(this.task)}
        </form>
      </details>
    `;
  }
}
