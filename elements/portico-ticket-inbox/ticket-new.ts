import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { refusalReason } from '../api/errors.ts';
import { SubmissionKey } from '../shared/request-key.ts';
import { TicketCreatedEvent } from '../events.ts';
import type { PorticoTicketAttachments } from './ticket-attachments.ts';
import './ticket-attachments.ts';
import { routeHref } from './ticket.routes.ts';
import { ATTACHMENTS_EXPORTS } from './portico-ticket-inbox.parts.ts';
import { TagChips } from './ticket-new.tags.ts';
import { TicketSuggestions, suggestText } from './ticket-new.suggest.ts';
import { renderDetailsFields, renderOrderField } from './ticket-new.render.ts';
import {
  FIELD_TARGETS,
  describedBy,
  fieldProblems,
  firstProblem,
  pageUrl,
  renderProblem,
} from './ticket-new.fields.ts';
import {
  MAX_BODY,
  MAX_SUBJECT,
  TICKET_KINDS,
  accountOf,
  renderTaskError,
  type CreateTicket,
  type OrderOption,
  type TicketDetail,
  type TicketKind,
  type TicketPriority,
  type ViewEffects,
} from './ticket-list.api.ts';

export interface NewTicketHost extends ReactiveControllerHost, Element {
  readonly api?: PorticoApi | undefined;
  readonly session: SessionState;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Whether the form is the view on screen; it reads nothing while another one is. */
  readonly newShown: boolean;
  /** The number of the order the page's link named (`#new-ticket&order=…`), or null. */
  readonly linkedOrder: string | null;
  /** The subject the page's link gave (`#new-ticket&subject=…`), or null. */
  readonly linkedSubject: string | null;
}

/** What the customer has typed and chosen so far; kept while they look at other views. */
export interface Draft {
  subject: string;
  kind: TicketKind;
  category: string;
  priority: TicketPriority;
  orderId: string;
  body: string;
}

const EMPTY: Draft = {
  subject: '',
  kind: 'question',
  category: '',
  priority: 'normal',
  orderId: '',
  body: '',
};

/** The vendor's ticket kinds and categories and the customer's orders, for the form's choices. */
export interface Choices {
  categories: string[];
  kinds: readonly TicketKind[];
  orders: OrderOption[];
}

/** Until the vendor's settings arrive: every kind, no categories. */
const NO_CHOICES: Choices = { categories: [], kinds: TICKET_KINDS, orders: [] };

/** How many of the customer's latest orders the order select offers. */
const ORDER_CHOICES = 50;

/**
 * The new-ticket form: subject, kind, category (when the vendor has categories), priority, tags,
 * the order it is about (preselected from the route's order number), the message and files.
 * A link's subject fills the subject field. While the customer writes, help articles that may
 * answer them show under the message. The server's messages appear at their fields; on success
 * the thread opens and `portico-ticket-created` is fired.
 */
export class NewTicketController implements ReactiveController {
  draft: Draft = { ...EMPTY };
  readonly tags: TagChips;
  readonly suggestions: TicketSuggestions;

  readonly choicesTask: Task<readonly [PorticoApi | undefined, string | null, boolean], Choices>;
  readonly linkTask: Task<
    readonly [PorticoApi | undefined, string | null, boolean, string | null],
    OrderOption | null
  >;
  readonly createTask: Task<[PorticoApi, CreateTicket], TicketDetail>;

  readonly #host: NewTicketHost;
  /** Sending the same ticket again after a lost answer opens it once. */
  readonly #key = new SubmissionKey();
  /** The link's subject last put in the field, so that it is put there once per link. */
  #linkedSubject: string | null = null;

  constructor(host: NewTicketHost, effects: ViewEffects) {
    this.#host = host;
    // Before the tasks: a link's subject is in the draft before they read it.
    host.addController(this);
    this.tags = new TagChips(host, effects);
    this.suggestions = new TicketSuggestions(host, () =>
      suggestText(this.draft.subject, this.draft.body),
    );

    this.choicesTask = new Task(host, {
      args: () => [host.api, accountOf(host.session), host.newShown] as const,
      task: async ([api, account, shown], { signal }) => {
        if (!api || !account || !shown) return initialState;
        const [settings, orders] = await Promise.all([
          api.trpc.portal.settings.query(undefined, { signal }),
          api.trpc.order.list.query({ limit: ORDER_CHOICES }, { signal }),
        ]);
        const kinds = settings.ticketKinds;
        // The draft starts as a question; when the vendor does not take those, as the first kind.
        if (!kinds.includes(this.draft.kind)) this.draft = { ...this.draft, kind: kinds[0]! };
        return { categories: settings.ticketCategories, kinds, orders: orders.items };
      },
    });

    this.linkTask = new Task(host, {
      args: () => [host.api, accountOf(host.session), host.newShown, host.linkedOrder] as const,
      task: async ([api, account, shown, number], { signal }) => {
        if (!api || !account || !shown || !number) return initialState;
        try {
          const { id, createdAt, total, currency } = await api.trpc.order.byNumber.query(
            { number },
            { signal },
          );
          this.draft = { ...this.draft, orderId: id };
          return { id, number, createdAt, total, currency };
        } catch (error) {
          // Another account's order, or none: the form still works, without it.
          if (refusalReason(error) === 'NOT_FOUND') return null;
          throw error;
        }
      },
    });

    this.createTask = new Task(host, {
      autoRun: false,
      task: async ([api, input]: [PorticoApi, CreateTicket], { signal }) => {
        let ticket: TicketDetail;
        try {
          ticket = await api.trpc.ticket.create.mutate(input, { signal });
        } catch (error) {
          // A page the vendor did not list as theirs: the ticket goes out without the link back.
          if (refusalReason(error) !== 'UNTRUSTED_LINK' || !input.pageUrl) {
            const first = firstProblem(fieldProblems(error));
            if (first) effects.focusSoon(FIELD_TARGETS[first]);
            throw error;
          }
          ticket = await api.trpc.ticket.create.mutate(
            { ...input, pageUrl: undefined },
            { signal },
          );
        }
        this.#key.answered();
        this.draft = { ...EMPTY };
        this.tags.reset();
        this.suggestions.reset();
        this.#attachments()?.clear();
        const { id, number, subject } = ticket;
        host.dispatchEvent(new TicketCreatedEvent({ id, number, subject }));
        effects.announce(msg(str`Ticket ${number} sent. We will answer here and by email.`));
        location.hash = routeHref({ view: 'ticket', id });
        return ticket;
      },
    });
  }

  hostUpdate(): void {
    const subject = this.#host.linkedSubject;
    if (subject === this.#linkedSubject) return;
    this.#linkedSubject = subject;
    if (subject) this.draft = { ...this.draft, subject };
  }

  render() {
    const task = this.createTask;
    const sending = task.status === TaskStatus.PENDING;
    const uploading = this.#attachments()?.busy ?? false;
    const problems = task.status === TaskStatus.ERROR ? fieldProblems(task.error) : {};
    const draft = this.draft;
    return html`
      <section part="new" class="new" aria-labelledby="view-title">
        <a part="back" href=${routeHref({ view: 'tickets' })}>${msg('Back to tickets')}</a>
        <h2 id="view-title" part="heading" tabindex="-1">${msg('New ticket')}</h2>
        ${renderTaskError(this.choicesTask, () => void this.choicesTask.run())}
        <form
          part="new-form"
          aria-labelledby="view-title"
          aria-busy=${sending ? 'true' : 'false'}
          @submit=${this.#onSubmit}
          @input=${this.#onInput}
          @change=${this.#onInput}
        >
          <div class="field">
            <label for="subject">${msg('Subject')}</label>
            <input
              id="subject"
              part="subject-input"
              name="subject"
              required
              minlength="3"
              maxlength=${MAX_SUBJECT}
              autocomplete="off"
              aria-invalid=${problems.subject ? 'true' : nothing}
              aria-describedby=${describedBy('subject', problems.subject)}
              .value=${live(draft.subject)}
            />
            ${renderProblem('subject', problems.subject)}
          </div>
          ${renderDetailsFields(draft, this.choicesTask.value ?? NO_CHOICES, problems)}
          ${this.tags.render(sending, problems.tags)}
          ${renderOrderField(
            draft,
            this.#orderChoices(),
            this.linkTask,
            problems.orderId,
            this.#host.linkedOrder,
          )}
          <div class="field">
            <label for="body">${msg('Your message')}</label>
            <textarea
              id="body"
              part="new-body"
              name="body"
              rows="6"
              required
              maxlength=${MAX_BODY}
              aria-invalid=${problems.body ? 'true' : nothing}
              aria-describedby=${describedBy('body', problems.body)}
              .value=${live(draft.body)}
            ></textarea>
            ${renderProblem('body', problems.body)}
          </div>
          ${this.suggestions.render()}
          <div class="field" role="group" aria-label=${msg('Files')}>
            <portico-ticket-attachments
              part="attachments"
              exportparts=${ATTACHMENTS_EXPORTS}
              ?disabled=${sending}
              aria-describedby=${describedBy('attachments', problems.attachments)}
              @portico-attachments-change=${() => this.#host.requestUpdate()}
            ></portico-ticket-attachments>
            ${renderProblem('attachments', problems.attachments)}
          </div>
          ${Object.keys(problems).length ? nothing : renderTaskError(task)}
          <div class="actions">
            <button
              part="submit"
              type="submit"
              class="primary"
              ?disabled=${sending || uploading}
              aria-describedby=${uploading ? 'uploading-hint' : nothing}
            >
              ${sending ? msg('Sending…') : msg('Send ticket')}
            </button>
            ${
              uploading
                ? html`<span id="uploading-hint" class="hint">
                    ${msg('You can send the ticket once the files are uploaded.')}
                  </span>`
                : nothing
            }
          </div>
        </form>
      </section>
    `;
  }

  /** The customer's latest orders, and the linked one when it is older than those. */
  #orderChoices(): OrderOption[] {
    const orders = this.choicesTask.value?.orders ?? [];
    const linked = this.linkTask.value;
    if (!linked || orders.some((order) => order.id === linked.id)) return orders;
    return [linked, ...orders];
  }

  #attachments(): PorticoTicketAttachments | null {
    return this.#host.renderRoot.querySelector('portico-ticket-attachments');
  }

  readonly #onInput = (event: Event) => {
    const control = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (!(control.name in this.draft)) return;
    this.draft = { ...this.draft, [control.name]: control.value };
    // The suggestions follow what is typed.
    this.#host.requestUpdate();
  };

  readonly #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const api = this.#host.api;
    const attachments = this.#attachments();
    if (!api || attachments?.busy || this.createTask.status === TaskStatus.PENDING) return;
    // A tag still in its field counts, as the customer would expect.
    if (!this.tags.commit()) {
      this.#host.renderRoot.querySelector<HTMLElement>('#tag-input')?.focus();
      return;
    }
    const { subject, kind, category, priority, orderId, body } = this.draft;
    const request = {
      subject,
      kind,
      priority,
      category: category || undefined,
      orderId: orderId || undefined,
      tags: this.tags.tags,
      body,
      attachmentIds: attachments?.ids ?? [],
      pageUrl: pageUrl(),
    };
    // The page is no part of what is asked, as on the server: the same ticket sent again from
    // another address of the page is still the same ticket.
    const { pageUrl: _page, ...asked } = request;
    void this.createTask.run([api, { ...request, idempotencyKey: this.#key.for(asked) }]);
  };
}
