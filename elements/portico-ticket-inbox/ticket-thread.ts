import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { TRPCClientError } from '@trpc/client';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { apiContext, sessionContext } from '../context.ts';
import { DownloadController } from '../shared/download.ts';
import { isolate, ownDirection } from '../shared/bidi.ts';
import { formatDate } from '../shared/format.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { viewStyles } from '../shared/view.styles.ts';
import {
  accountOf,
  kindLabel,
  renderPriority,
  renderStatus,
  renderTaskError,
  type ThreadEffects,
  type ThreadMessage,
  type TicketDetail,
} from './ticket-thread.api.ts';
import { TicketLiveController } from './ticket-thread.live.ts';
import { renderMessages } from './ticket-thread.messages.ts';
import { RatingController } from './ticket-thread.rating.ts';
import { ReplyController } from './ticket-thread.reply.ts';
import { styles } from './ticket-thread.styles.ts';
import { badgeStyles } from './ticket-badge.styles.ts';

const isNotFound = (error: unknown) =>
  error instanceof TRPCClientError && error.data?.code === 'NOT_FOUND';

/**
 * One ticket inside `<portico-ticket-inbox>`: what it is about, the conversation with support
 * oldest first with each message's files, a reply with files, closing and reopening, and rating
 * the answer once it is resolved. New answers appear as support sends them and are announced;
 * the ticket counts as read while it is on screen. The inbox shows it for `#ticket=<id>`.
 *
 * @summary A ticket's thread: read, answer, close, reopen and rate.
 * @csspart thread - The whole view.
 * @csspart back - The "Back to tickets" link.
 * @csspart heading - The ticket's subject; it takes focus when the customer opens the ticket.
 * @csspart section-heading - The heading of the conversation, the reply form and the rating.
 * @csspart summary - The polite line that says the ticket is loading.
 * @csspart skeleton - The grey placeholder while the ticket loads the first time.
 * @csspart number - The ticket's number, such as "Ticket T-4F2K9Q".
 * @csspart status - The status badge (also `status-<status>`).
 * @csspart status-open - The badge of an open ticket.
 * @csspart status-pending - The badge of a ticket waiting for the customer.
 * @csspart status-resolved - The badge of a resolved ticket.
 * @csspart status-closed - The badge of a closed ticket.
 * @csspart priority - The priority badge (also `priority-<priority>`).
 * @csspart priority-low - The badge of a low priority.
 * @csspart priority-normal - The badge of a normal priority.
 * @csspart priority-high - The badge of a high priority.
 * @csspart priority-urgent - The badge of an urgent ticket.
 * @csspart facts - Kind, category, tags, linked order and when the ticket was opened.
 * @csspart kind - The kind: question, complaint or concern.
 * @csspart category - The vendor's category, when there is one.
 * @csspart tags - The ticket's tags.
 * @csspart tag - One tag.
 * @csspart order - The order the ticket is about.
 * @csspart merged - The notice that the ticket was merged into another one, with its link.
 * @csspart merged-link - The link to the ticket this one was merged into.
 * @csspart close - The "Close ticket" button.
 * @csspart reopen - The "Reopen ticket" button.
 * @csspart messages - The conversation, oldest first.
 * @csspart message - One message (also `message-customer`, `message-staff` or `message-system`).
 * @csspart message-customer - A message from the customer's side.
 * @csspart message-staff - An answer from the support team.
 * @csspart message-system - A notice from the portal itself.
 * @csspart author - The name of a message's author.
 * @csspart role - Who the author is, in words: customer, support team or notice.
 * @csspart time - When a message was written.
 * @csspart body - A message's text.
 * @csspart files - A message's attached files.
 * @csspart file - One file: attached to a message, or chosen for the reply.
 * @csspart download - A file's download button with its name and size; `aria-busy` while it
 *   is on its way.
 * @csspart download-error - Why a download failed (also `error`).
 * @csspart reply-form - The reply form.
 * @csspart reply-body - The reply's text field.
 * @csspart reply-attachments - The reply's `<portico-ticket-attachments>`, whose own parts are
 *   exported too: `add`, `file` (a chosen file), `progress`, `remove` and `file-error`.
 * @csspart add - The reply's "Attach files" button.
 * @csspart progress - A chosen file's upload progress bar.
 * @csspart remove - The button that removes a chosen file from the reply.
 * @csspart file-error - Why a chosen file was refused.
 * @csspart send - The "Send reply" button.
 * @csspart field-error - What is wrong with a field of the reply or the rating.
 * @csspart rating-form - The form that rates the answer, once the ticket is resolved.
 * @csspart stars - The group of five choices, with its legend.
 * @csspart star - One choice of stars.
 * @csspart rating-comment - The rating's optional comment field.
 * @csspart rate - The "Send rating" button.
 * @csspart rating - The rating the customer gave.
 * @csspart rating-comment-given - The comment given with the rating.
 * @csspart error - The message shown when something failed, with `role="alert"`.
 * @csspart retry - The "Try again" button beside a failed read.
 * @csspart signed-out - The hint shown to someone not signed in, or without a customer account.
 * @cssproperty --gap - Space between the blocks. Default: `var(--portico-space, 1rem)`.
 * @cssproperty --staff-background - The background of support's answers. Default: a light tint
 *   of the brand colour.
 * @cssstate live - The thread hears new answers as they are sent.
 */
@customElement('portico-ticket-thread')
@localized()
export class PorticoTicketThread extends LitElement {
  static override styles = [hostStyles, formStyles, viewStyles, badgeStyles, styles];

  /** The id of the ticket to show. */
  @property({ attribute: 'ticket-id' }) ticketId = '';

  /** The API client, from the page or the nearest `<portico-portal>`. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: PorticoApi;

  /** Who is signed in, from the page or the nearest `<portico-portal>`. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session: SessionState = { status: 'unknown' };

  /** What the live region last said, such as "New answer from the support team". */
  @state() private announcement = '';

  /** The ticket on screen, as read or as the last change left it. */
  private ticket: TicketDetail | null = null;
  /** The backend, account and ticket `ticket` belongs to. */
  private key = '';
  /** An answer arrived while the page was hidden: it is read once the page is seen again. */
  private unseen = false;
  /** What takes focus once it is on screen. */
  private focusTarget: string | null = null;

  private readonly internals = this.attachInternals();

  private effects: ThreadEffects = {
    focusSoon: (selector) => {
      this.focusTarget = selector;
      this.requestUpdate();
    },
    announce: (text) => (this.announcement = text),
    changed: (ticket) => {
      if (ticket.id !== this.ticket?.id) return false;
      this.ticket = ticket;
      this.requestUpdate();
      return true;
    },
  };

  private downloads = new DownloadController(this);
  private reply = new ReplyController(this, this.effects);
  private rating = new RatingController(this, this.effects);

  private loadTask = new Task(this, {
    args: () => [this.api, accountOf(this.session), this.ticketId] as const,
    task: async ([api, account, ticketId], { signal }) => {
      const key = `${api?.url} ${account} ${ticketId}`;
      if (key !== this.key) {
        this.key = key;
        this.ticket = null;
        this.reply.reset();
        this.rating.reset();
      }
      if (!api || !account || !ticketId) return initialState;
      const ticket = await api.trpc.ticket.byId.query({ ticketId }, { signal });
      if (key !== this.key) return ticket;
      this.ticket = ticket;
      this.markRead();
      return ticket;
    },
  });

  private live = new TicketLiveController(this, {
    synced: () => void this.refresh(),
    message: (message) => this.receive(message),
    changed: () => void this.refresh(),
    liveChanged: (live) => {
      if (live) this.internals.states.add('live');
      else this.internals.states.delete('live');
    },
  });

  /** The ticket the live updates follow: the one on screen, once it was found. */
  get watched(): string | null {
    return this.ticket && this.ticket.id === this.ticketId ? this.ticket.id : null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.handleVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.handleVisibility);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ticketId')) {
      this.announcement = '';
      // The heading takes focus when the customer moved here, not when the page opened here.
      const moved = this.hasUpdated || (document.activeElement ?? document.body) !== document.body;
      if (this.ticketId && moved) this.focusTarget = '#thread-title';
    }
  }

  protected override updated(): void {
    if (!this.focusTarget) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusTarget);
    if (!target) return;
    this.focusTarget = null;
    target.focus();
  }

  override render() {
    switch (this.session.status) {
      case 'unknown':
        return html`<p part="signed-out" role="status">${msg('Loading your tickets…')}</p>`;
      case 'signed-out':
        return html`<p part="signed-out">${msg('Sign in to see your tickets.')}</p>`;
      case 'signed-in':
        if (!this.session.me.account) {
          return html`<p part="signed-out">
            ${msg(
              'Tickets belong to customer accounts, and this sign-in has none. Staff answer tickets in the staff console.',
            )}
          </p>`;
        }
        return html`
          <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
          ${this.renderThread()}
        `;
    }
  }

  private renderThread() {
    const ticket = this.ticket;
    const pending = this.loadTask.status === TaskStatus.PENDING && !ticket;
    const notFound = isNotFound(this.loadTask.error);
    return html`
      <article part="thread" aria-labelledby="thread-title" aria-busy=${pending ? 'true' : 'false'}>
        <a part="back" class="back" href="#tickets">${msg('Back to tickets')}</a>
        <h2 id="thread-title" part="heading" tabindex="-1">
          ${ticket ? ownDirection(ticket.subject) : notFound ? msg('Ticket not found') : msg('Ticket')}
        </h2>
        <p part="summary" role="status">${pending ? msg('Loading the ticket…') : nothing}</p>
        ${renderTaskError(this.loadTask, notFound ? undefined : () => void this.loadTask.run())}
        ${
          ticket
            ? this.renderTicket(ticket)
            : pending
              ? html`<div part="skeleton" class="skeleton" aria-hidden="true">
                  <span></span><span></span><span></span>
                </div>`
              : nothing
        }
      </article>
    `;
  }

  private renderTicket(ticket: TicketDetail) {
    return html`
      <p class="badges">
        <span part="number" class="number">${msg(str`Ticket ${isolate(ticket.number)}`)}</span>
        ${renderStatus(ticket.status)} ${renderPriority(ticket.priority)}
      </p>
      ${this.renderFacts(ticket)} ${this.renderMerged(ticket)} ${this.reply.renderMoves(ticket)}
      ${renderMessages(ticket.messages, this.api, this.downloads)} ${this.rating.render(ticket)}
      ${this.reply.renderForm(ticket)}
    `;
  }

  private renderFacts(ticket: TicketDetail) {
    return html`
      <dl part="facts" class="facts">
        <div>
          <dt>${msg('Kind')}</dt>
          <dd part="kind">${kindLabel(ticket.kind)}</dd>
        </div>
        ${
          ticket.category
            ? html`<div>
                <dt>${msg('Category')}</dt>
                <dd part="category">${ownDirection(ticket.category)}</dd>
              </div>`
            : nothing
        }
        ${
          ticket.order
            ? html`<div>
                <dt>${msg('Order')}</dt>
                <dd part="order">${ownDirection(ticket.order.number)}</dd>
              </div>`
            : nothing
        }
        <div>
          <dt>${msg('Opened')}</dt>
          <dd>
            <time datetime=${ticket.createdAt}>${formatDate(ticket.createdAt)}</time>
          </dd>
        </div>
        ${
          ticket.tags.length
            ? html`<div class="wide">
                <dt>${msg('Tags')}</dt>
                <dd>
                  <ul part="tags" class="tags">
                    ${ticket.tags.map((tag) => html`<li part="tag" class="tag" dir="auto">${tag}</li>`)}
                  </ul>
                </dd>
              </div>`
            : nothing
        }
      </dl>
    `;
  }

  private renderMerged(ticket: TicketDetail) {
    const target = ticket.mergedInto;
    if (!target) return nothing;
    const link = html`<a part="merged-link" href="#ticket=${encodeURIComponent(target.id)}"
      >${msg(str`Ticket ${isolate(target.number)}`)}</a
    >`;
    return html`<p part="merged" class="merged">
      ${msg(html`This ticket was merged into ${link}. Please continue the conversation there.`)}
    </p>`;
  }

  /** A message the server pushed: shown at once, announced when support wrote it. */
  private receive(message: ThreadMessage) {
    const ticket = this.ticket;
    if (!ticket) return;
    if (!ticket.messages.some((known) => known.id === message.id)) {
      this.ticket = { ...ticket, messages: [...ticket.messages, message] };
      this.requestUpdate();
    }
    if (message.author.role === 'staff') {
      this.announcement = msg(str`New answer from ${message.author.name}.`);
      this.markRead();
    }
    // The answer may also have changed the status, and so what the customer may do next.
    void this.refresh();
  }

  /** Reads the ticket again without a loading state, after a change the server pushed. */
  private async refresh() {
    const { api, ticket, key } = this;
    if (!api || !ticket) return;
    try {
      const fresh = await api.trpc.ticket.byId.query({ ticketId: ticket.id });
      if (key !== this.key || fresh.id !== this.ticket?.id) return;
      this.ticket = fresh;
      this.requestUpdate();
    } catch {
      // The thread stays as it was; the next change or a reload reads it again.
    }
  }

  /** The ticket counts as read while it is on a page the customer can see. */
  private markRead() {
    const { api, ticket } = this;
    if (!api || !ticket) return;
    if (document.visibilityState !== 'visible') {
      this.unseen = true;
      return;
    }
    this.unseen = false;
    api.trpc.ticket.markRead.mutate({ ticketId: ticket.id }).catch(() => {
      // Only the unread marker is late; the next visit or answer sets it.
    });
  }

  private handleVisibility = () => {
    if (this.unseen && document.visibilityState === 'visible') this.markRead();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-ticket-thread': PorticoTicketThread;
  }
}
