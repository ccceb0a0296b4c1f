import { html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { formatDate, formatNumber } from '../shared/format.ts';
import { renderTaskError, type ThreadEffects, type TicketDetail } from './ticket-thread.api.ts';

export interface RatingHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

const STARS = [1, 2, 3, 4, 5] as const;

export function starsLabel(stars: number): string {
  return stars === 1 ? msg('1 star') : msg(str`${formatNumber(stars)} stars`);
}

/** Five marks, as many filled as `stars`; only decoration beside the words. */
function starMarks(stars: number) {
  return html`<span class="stars" aria-hidden="true"
    >${'★'.repeat(stars)}${'☆'.repeat(5 - stars)}</span
  >`;
}

/** The comment given with a rating, in whatever language and direction it was written. */
function renderComment(comment: string) {
  return html`<blockquote part="rating-comment-given" dir="auto">${comment}</blockquote>`;
}

/**
 * The customer's verdict on the answer: once the ticket is resolved, one to five stars and an
 * optional comment, given once; afterwards the rating they gave.
 */
export class RatingController {
  stars = 0;
  comment = '';
  /** Shown when the form was sent without stars. */
  missing = false;

  readonly rateTask: Task<[PorticoApi, string, number, string], TicketDetail>;

  readonly #host: RatingHost;

  constructor(host: RatingHost, effects: ThreadEffects) {
    this.#host = host;
    this.rateTask = new Task(host, {
      autoRun: false,
      task: async ([api, ticketId, rating, comment], { signal }) => {
        const ticket = await api.trpc.ticket.rate.mutate({ ticketId, rating, comment }, { signal });
        if (!effects.changed(ticket)) return ticket;
        this.reset();
        effects.announce(msg('Thank you for rating the answer.'));
        effects.focusSoon("[part~='rating']");
        return ticket;
      },
    });
  }

  reset(): void {
    this.stars = 0;
    this.comment = '';
    this.missing = false;
  }

  render(ticket: TicketDetail) {
    if (ticket.rating) return this.#renderGiven(ticket.rating);
    if (!ticket.can.rate) return nothing;
    const sending = this.rateTask.status === TaskStatus.PENDING;
    return html`
      <form
        part="rating-form"
        class="block"
        aria-labelledby="rating-title"
        novalidate
        @submit=${(event: SubmitEvent) => this.#submit(event, ticket)}
      >
        <h3 id="rating-title" part="section-heading">${msg('Rate the answer')}</h3>
        <fieldset part="stars" aria-describedby=${this.missing ? 'stars-error' : nothing}>
          <legend>${msg('How well did we help you?')}</legend>
          <div class="choices">
            ${STARS.map(
              (stars) => html`
                <label part="star" class="choice">
                  <input
                    type="radio"
                    name="rating"
                    .value=${String(stars)}
                    .checked=${live(this.stars === stars)}
                    @change=${() => this.#choose(stars)}
                  />
                  ${starMarks(stars)}
                  <span>${starsLabel(stars)}</span>
                </label>
              `,
            )}
          </div>
        </fieldset>
        ${
          this.missing
            ? html`<p part="field-error" id="stars-error" class="field-error">
                ${msg('Choose from 1 to 5 stars.')}
              </p>`
            : nothing
        }
        <label for="rating-comment">${msg('Comment (optional)')}</label>
        <textarea
          id="rating-comment"
          part="rating-comment"
          name="comment"
          rows="3"
          maxlength="2000"
          .value=${live(this.comment)}
          @input=${(event: Event) => (this.comment = (event.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${renderTaskError(this.rateTask)}
        <div class="buttons">
          <button
            part="rate"
            type="submit"
            class="primary"
            aria-disabled=${sending ? 'true' : 'false'}
            aria-busy=${sending ? 'true' : 'false'}
          >
            ${sending ? msg('Sending…') : msg('Send rating')}
          </button>
        </div>
      </form>
    `;
  }

  #renderGiven(rating: NonNullable<TicketDetail['rating']>) {
    return html`
      <section class="block" aria-labelledby="rated-title">
        <h3 id="rated-title" part="section-heading">${msg('Your rating')}</h3>
        <p part="rating" tabindex="-1">
          ${starMarks(rating.stars)}
          <span>${msg(str`You rated the answer ${formatNumber(rating.stars)} out of 5.`)}</span>
          <span class="hint"
            >${msg(html`Rated on <time datetime=${rating.at}>${formatDate(rating.at)}</time>`)}</span
          >
        </p>
        ${rating.comment ? renderComment(rating.comment) : nothing}
      </section>
    `;
  }

  #choose(stars: number): void {
    this.stars = stars;
    this.missing = false;
    this.#host.requestUpdate();
  }

  #submit(event: SubmitEvent, ticket: TicketDetail): void {
    event.preventDefault();
    const api = this.#host.api;
    if (!api || this.rateTask.status === TaskStatus.PENDING) return;
    if (!this.stars) {
      this.missing = true;
      this.#host.requestUpdate();
      this.#host.renderRoot.querySelector<HTMLElement>("input[name='rating']")?.focus();
      return;
    }
    void this.rateTask.run([api, ticket.id, this.stars, this.comment.trim()]);
  }
}
