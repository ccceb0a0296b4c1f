import { html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import type { ContentLocale } from '../shared/locale.ts';
import { formatNumber } from '../shared/format.ts';
import {
  MAX_COMMENT,
  renderTaskError,
  visitorKey,
  type HelpArticle,
  type HelpEffects,
} from './help-search.api.ts';

type Step = 'ask' | 'comment' | 'thanks';

interface Vote {
  slug: string;
  locale: ContentLocale;
  helpful: boolean;
  comment?: string;
}

const ERROR_ID = 'help-feedback-error';

/**
 * "Was this article helpful?": Yes thanks the reader at once; No records the vote, then offers
 * an optional comment for the authors. Errors show beside the controls and say what to do.
 */
export class FeedbackController {
  step: Step = 'ask';
  comment = '';

  readonly voteTask: Task<[PorticoApi, Vote], void>;

  readonly #host: ReactiveControllerHost;
  readonly #api: () => PorticoApi | undefined;
  readonly #effects: HelpEffects;
  /** Bumped by `reset()`, so an answer for an article the reader left changes nothing. */
  #generation = 0;

  constructor(
    host: ReactiveControllerHost,
    api: () => PorticoApi | undefined,
    effects: HelpEffects,
  ) {
    this.#host = host;
    this.#api = api;
    this.#effects = effects;
    this.voteTask = new Task(host, {
      autoRun: false,
      task: async ([api, vote], { signal }) => {
        const generation = this.#generation;
        await api.trpc.help.feedback.mutate({ ...vote, visitor: visitorKey() }, { signal });
        if (generation !== this.#generation) return;
        if (!vote.helpful && vote.comment === undefined) {
          this.step = 'comment';
          effects.focusSoon('#help-feedback-comment');
          return;
        }
        this.#thank();
      },
    });
  }

  /** A new article: the question is asked afresh. */
  reset(): void {
    this.#generation++;
    this.step = 'ask';
    this.comment = '';
  }

  render(article: HelpArticle) {
    const sending = this.voteTask.status === TaskStatus.PENDING;
    const failed = this.voteTask.status === TaskStatus.ERROR;
    const described = failed ? ERROR_ID : nothing;
    return html`
      <section part="feedback" class="feedback" aria-labelledby="help-feedback-title">
        <h3 id="help-feedback-title" part="feedback-question">
          ${msg('Was this article helpful?')}
        </h3>
        ${
          this.step === 'ask'
            ? html`<div class="choices">
                <button
                  part="helpful-yes"
                  class="secondary"
                  type="button"
                  aria-disabled=${sending ? 'true' : 'false'}
                  aria-describedby=${described}
                  @click=${() => this.#vote(article, true)}
                >
                  ${msg('Yes')}
                </button>
                <button
                  part="helpful-no"
                  class="secondary"
                  type="button"
                  aria-disabled=${sending ? 'true' : 'false'}
                  aria-describedby=${described}
                  @click=${() => this.#vote(article, false)}
                >
                  ${msg('No')}
                </button>
              </div>`
            : nothing
        }
        ${this.step === 'comment' ? this.#renderForm(article, sending, failed) : nothing}
        ${this.step !== 'comment' ? renderTaskError(this.voteTask, undefined, ERROR_ID) : nothing}
        ${
          this.step === 'thanks'
            ? html`<p id="help-feedback-thanks" part="thanks" class="thanks" tabindex="-1">
                ${this.#thanks()}
              </p>`
            : nothing
        }
      </section>
    `;
  }

  #renderForm(article: HelpArticle, sending: boolean, failed: boolean) {
    return html`
      <form
        part="feedback-form"
        class="feedback-form"
        novalidate
        @submit=${(event: SubmitEvent) => this.#send(event, article)}
      >
        <label for="help-feedback-comment">${msg('What was missing or unclear? (optional)')}</label>
        <textarea
          id="help-feedback-comment"
          part="comment"
          name="comment"
          rows="3"
          maxlength=${MAX_COMMENT}
          aria-describedby=${failed ? `help-feedback-hint ${ERROR_ID}` : 'help-feedback-hint'}
          .value=${live(this.comment)}
          @input=${(event: Event) => (this.comment = (event.target as HTMLTextAreaElement).value)}
        ></textarea>
        <p id="help-feedback-hint" class="hint">
          ${msg(
            str`Up to ${formatNumber(2000)} characters, read by the authors of this article. For an answer, ask support instead.`,
          )}
        </p>
        ${renderTaskError(this.voteTask, undefined, ERROR_ID)}
        <div class="choices">
          <button
            part="send"
            class="primary"
            type="submit"
            aria-disabled=${sending ? 'true' : 'false'}
            aria-busy=${sending ? 'true' : 'false'}
          >
            ${sending ? msg('Sending…') : msg('Send')}
          </button>
        </div>
      </form>
    `;
  }

  #thanks(): string {
    return this.comment.trim()
      ? msg('Thank you. Your comment helps us improve this article.')
      : msg('Thank you for your feedback.');
  }

  #thank(): void {
    const effects = this.#effects;
    this.step = 'thanks';
    effects.announce(this.#thanks());
    effects.focusSoon('#help-feedback-thanks');
    this.#host.requestUpdate();
  }

  #vote(article: HelpArticle, helpful: boolean): void {
    const api = this.#api();
    if (!api || this.voteTask.status === TaskStatus.PENDING) return;
    const locale = article.locale as ContentLocale;
    void this.voteTask.run([api, { slug: article.slug, locale, helpful }]);
  }

  #send(event: SubmitEvent, article: HelpArticle): void {
    event.preventDefault();
    const api = this.#api();
    if (!api || this.voteTask.status === TaskStatus.PENDING) return;
    const comment = this.comment.trim().slice(0, MAX_COMMENT);
    // The "No" is already counted; without words there is nothing more to send.
    if (!comment) {
      this.#thank();
      return;
    }
    const locale = article.locale as ContentLocale;
    void this.voteTask.run([api, { slug: article.slug, locale, helpful: false, comment }]);
  }
}
