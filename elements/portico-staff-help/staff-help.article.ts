import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { formatDateTime } from '../shared/format.ts';
import { renderTaskError } from '../shared/task.ts';
import {
  directionOf,
  languageLabel,
  SLUG_PATTERN,
  type ArticleDetail,
  type Category,
  type HelpEffects,
  type ReaderComment,
} from './staff-help.api.ts';
import { categoryName, renderStatus } from './staff-help.list.ts';

export interface ArticleHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
}

/** A change to the article as a whole; answers what the live region says when it is done. */
type Action = (api: PorticoApi, signal: AbortSignal) => Promise<string>;

/**
 * The article as a whole: its facts, publishing, deleting (after a confirmation), its address,
 * category and place, and what readers said about it.
 */
export class ArticleController {
  readonly task: Task<[PorticoApi, Action], string>;
  /** Whether "Delete" asked for a confirmation that is on screen. */
  confirmingDelete = false;
  readonly #host: ArticleHost;
  readonly #effects: HelpEffects;

  constructor(host: ArticleHost, effects: HelpEffects) {
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
  }

  reset(): void {
    this.confirmingDelete = false;
  }

  get busy(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  #run(action: Action): void {
    const api = this.#host.api;
    if (!api || this.busy) return;
    void this.task.run([api, action]);
  }

  /** The page while the article is on its way, or the reason it is not coming. */
  renderLoading(read: Task<readonly unknown[], unknown>) {
    return html`<section part="article" class="view" aria-busy="true">
      <a part="back" href="#help">${msg('All articles')}</a>
      ${renderTaskError(read, () => void read.run())}
      ${
        read.status === TaskStatus.ERROR
          ? nothing
          : html`<p role="status" class="hint">${msg('Loading the article…')}</p>`
      }
    </section>`;
  }

  renderHeader(article: ArticleDetail, title: string) {
    const votes = article.helpfulCount + article.notHelpfulCount;
    return html`
      <a part="back" href="#help">${msg('All articles')}</a>
      <h2 id="article-title" part="heading" tabindex="-1">${title}</h2>
      <p part="facts" class="row-facts">
        ${renderStatus(article.status)}
        <span part="category">${article.category.name}</span>
        <span part="views">${msg(str`${article.viewCount} views`)}</span>
        <span part="helpful">${msg(str`${article.helpfulCount} helpful`)}</span>
        <span part="unhelpful">${msg(str`${article.notHelpfulCount} unhelpful`)}</span>
        ${votes === 0 ? html`<span class="hint">${msg('No ratings yet')}</span>` : nothing}
        ${
          article.publishedAt
            ? html`<span part="published-at"
                >${msg('Published')}
                <time datetime=${article.publishedAt}
                  >${formatDateTime(article.publishedAt)}</time
                ></span
              >`
            : nothing
        }
      </p>
    `;
  }

  renderActions(article: ArticleDetail) {
    const id = article.id;
    const published = article.status === 'published';
    return html`
      <div part="actions" class="buttons" aria-busy=${this.busy ? 'true' : 'false'}>
        ${
          published
            ? html`<button
                part="unpublish"
                type="button"
                class="secondary"
                ?disabled=${this.busy}
                @click=${() =>
                  this.#run(async (api, signal) => {
                    await api.trpc.staff.help.unpublish.mutate({ articleId: id }, { signal });
                    this.#effects.changed();
                    return msg('The article is a draft again: customers no longer see it.');
                  })}
              >
                ${msg('Unpublish')}
              </button>`
            : html`<button
                part="publish"
                type="button"
                class="primary"
                ?disabled=${this.busy || article.translations.length === 0}
                @click=${() =>
                  this.#run(async (api, signal) => {
                    await api.trpc.staff.help.publish.mutate({ articleId: id }, { signal });
                    this.#effects.changed();
                    return msg('The article is published: customers can find it.');
                  })}
              >
                ${msg('Publish')}
              </button>`
        }
        <button
          part="delete"
          type="button"
          class="secondary danger"
          ?disabled=${this.busy}
          aria-expanded=${this.confirmingDelete ? 'true' : 'false'}
          @click=${() => {
            this.confirmingDelete = true;
            this.#effects.focusSoon('#confirm-delete');
            this.#host.requestUpdate();
          }}
        >
          ${msg('Delete')}
        </button>
      </div>
      ${this.confirmingDelete ? this.#renderConfirm(id) : nothing} ${renderTaskError(this.task)}
    `;
  }

  #renderConfirm(articleId: string) {
    return html`
      <div part="confirm" class="confirm" role="group" aria-labelledby="confirm-delete-text">
        <p id="confirm-delete-text">
          ${msg('Delete this article in every language, with its ratings? This cannot be undone.')}
        </p>
        <div class="buttons">
          <button
            id="confirm-delete"
            part="confirm-delete"
            type="button"
            class="danger-strong"
            ?disabled=${this.busy}
            @click=${() =>
              this.#run(async (api, signal) => {
                await api.trpc.staff.help.delete.mutate({ articleId }, { signal });
                this.confirmingDelete = false;
                this.#effects.open(null);
                return msg('The article was deleted.');
              })}
          >
            ${msg('Delete for good')}
          </button>
          <button
            part="cancel-delete"
            type="button"
            class="secondary"
            @click=${() => {
              this.confirmingDelete = false;
              this.#effects.focusSoon("[part~='delete']");
              this.#host.requestUpdate();
            }}
          >
            ${msg('Keep it')}
          </button>
        </div>
      </div>
    `;
  }

  /** The address, category and place in the category; only what changed is sent. */
  renderSettings(article: ArticleDetail, categories: readonly Category[]) {
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const data = new FormData(event.target as HTMLFormElement);
      const slug = String(data.get('slug') ?? '').trim();
      const category = String(data.get('category') ?? '');
      const position = Number(data.get('position') ?? article.position);
      const change = {
        articleId: article.id,
        ...(slug !== article.slug && { slug }),
        ...(category && category !== article.category.slug && { category }),
        ...(position !== article.position && { position }),
      };
      if (Object.keys(change).length === 1) return;
      this.#run(async (api, signal) => {
        await api.trpc.staff.help.edit.mutate(change, { signal });
        this.#effects.changed();
        return msg('The article’s settings were saved.');
      });
    };
    return html`
      <form
        part="settings"
        class="settings"
        aria-label=${msg('Article settings')}
        @submit=${submit}
      >
        <label>
          ${msg('Address')}
          <input
            part="slug"
            name="slug"
            required
            minlength="2"
            maxlength="80"
            pattern=${SLUG_PATTERN}
            autocomplete="off"
            dir="ltr"
            .value=${article.slug}
          />
        </label>
        <label>
          ${msg('Category')}
          <select part="category-select" name="category">
            ${categories.map(
              (category) =>
                html`<option
                  value=${category.slug}
                  ?selected=${category.slug === article.category.slug}
                >
                  ${categoryName(category)}
                </option>`,
            )}
          </select>
        </label>
        <label>
          ${msg('Place in its category')}
          <input
            part="position"
            name="position"
            type="number"
            min="0"
            max="10000"
            step="1"
            .value=${String(article.position)}
          />
        </label>
        <button part="save-settings" type="submit" class="secondary" ?disabled=${this.busy}>
          ${msg('Save settings')}
        </button>
      </form>
    `;
  }

  /** What readers wrote with their ratings, newest first. */
  renderComments(comments: readonly ReaderComment[]) {
    return html`
      <section part="comments" class="block" aria-labelledby="comments-title">
        <h3 id="comments-title">${msg('Readers’ comments')}</h3>
        ${
          comments.length === 0
            ? html`<p part="comments-empty" class="hint">${msg('No comments yet.')}</p>`
            : html`<ul class="rows">
                ${comments.map(
                  (comment) => html`
                    <li part="comment" class="comment">
                      <p class="row-facts">
                        <span part="rating"
                          >${comment.helpful ? msg('Helpful') : msg('Not helpful')}</span
                        >
                        <span>${languageLabel(comment.locale)}</span>
                        <time datetime=${comment.updatedAt}
                          >${formatDateTime(comment.updatedAt)}</time
                        >
                      </p>
                      <p
                        part="comment-text"
                        class="plain"
                        lang=${comment.locale}
                        dir=${directionOf(comment.locale)}
                      >
                        ${comment.comment}
                      </p>
                    </li>
                  `,
                )}
              </ul>`
        }
      </section>
    `;
  }
}
