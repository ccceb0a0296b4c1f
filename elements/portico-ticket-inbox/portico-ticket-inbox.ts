import { LitElement, html, nothing, type ReactiveElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { apiContext, sessionContext } from '../context.ts';
import { BusyNotice } from '../shared/busy.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { skeletonStyles } from '../shared/view.styles.ts';
// The thread is an element of its own; importing it defines it.
import './ticket-thread.ts';
import { parseRoute, routeHref, type TicketRoute } from './ticket.routes.ts';
import { TicketListController } from './ticket-list.ts';
import { NewTicketController } from './ticket-new.ts';
import { TicketUpdatesController, type TicketUpdate } from './portico-ticket-inbox.updates.ts';
import { accountOf, type ViewEffects } from './ticket-list.api.ts';
import { THREAD_EXPORTS } from './portico-ticket-inbox.parts.ts';
import { listStyles } from './ticket-list.styles.ts';
import { newStyles } from './ticket-new.styles.ts';
import { styles } from './portico-ticket-inbox.styles.ts';
import { badgeStyles } from './ticket-badge.styles.ts';
import { firstUpdateInNextTask } from '../shared/first-update.ts';

/**
 * The customer's support tickets: the list with filters and unread markers, a form to open a new
 * one (a question, complaint or concern, with files and the order it is about), and each ticket's
 * thread. Each view has a URL fragment (`#tickets`, `#ticket=<id>`, `#new-ticket`,
 * `#new-ticket&order=AB12-CD34`, `#new-ticket&subject=<words>`), so links, bookmarks and the back
 * button work; `<portico-help-search>`'s fragments (`#help=<slug>`) on the same page leave the
 * inbox where it is. While a new ticket is written, help articles that may answer it show under
 * the message, to read in place. The number of unread tickets and the list follow the server's
 * live updates.
 *
 * @summary Support tickets: list, new ticket and thread.
 * @fires portico-ticket-created - The customer opened a ticket (`TicketCreatedEvent`).
 * @csspart view - The view on screen.
 * @csspart inbox - The list view: heading, filters, summary and tickets.
 * @csspart heading - A view's heading; it takes focus when the customer moves to the view.
 * @csspart section-heading - The heading of a block inside a view: the suggested articles, and
 *   in a ticket the conversation, the reply and the rating.
 * @csspart unread - The number of unread tickets beside the list's heading.
 * @csspart new-ticket - The "New ticket" link.
 * @csspart filters - The search and filter form above the list.
 * @csspart search - The search field (words in the subject, number, tags or messages).
 * @csspart status-filter - The status select.
 * @csspart priority-filter - The priority select.
 * @csspart tag-filter - The tag field.
 * @csspart summary - The polite live line that says what is loading or how many tickets show.
 * @csspart skeleton - The grey placeholder while the list loads the first time.
 * @csspart list - The tickets, unread first, then the latest changed.
 * @csspart ticket - One ticket in the list (also `ticket-unread` when it has a new answer).
 * @csspart ticket-unread - A ticket with an answer the customer has not read.
 * @csspart unread-marker - The "New answer" badge of an unread ticket.
 * @csspart ticket-link - The link to a ticket's thread: its number and subject.
 * @csspart number - A ticket's number.
 * @csspart subject - A ticket's subject in the list.
 * @csspart status - A ticket's status badge (also `status-<status>`).
 * @csspart status-open - The badge of an open ticket.
 * @csspart status-pending - The badge of a ticket waiting for the customer.
 * @csspart status-resolved - The badge of a resolved ticket.
 * @csspart status-closed - The badge of a closed ticket.
 * @csspart priority - A ticket's priority badge (also `priority-<priority>`).
 * @csspart priority-low - The badge of a low-priority ticket.
 * @csspart priority-normal - The badge of a normal-priority ticket.
 * @csspart priority-high - The badge of a high-priority ticket.
 * @csspart priority-urgent - The badge of an urgent ticket.
 * @csspart meta - A ticket's kind, category, last change and number of messages.
 * @csspart tags - A ticket's tags, or the new ticket's tags as chips.
 * @csspart tag - One tag.
 * @csspart more - The "Load more" button under the list.
 * @csspart empty - What the list says when there are no tickets yet.
 * @csspart clear-filters - The button that clears the filters when nothing matches them.
 * @csspart new - The new-ticket view.
 * @csspart back - The "Back to tickets" link.
 * @csspart new-form - The new-ticket form.
 * @csspart subject-input - The new ticket's subject field.
 * @csspart kind - The group of kinds: question, complaint, concern.
 * @csspart category - The category select, shown when the vendor has categories.
 * @csspart priority-select - The new ticket's priority select.
 * @csspart tags-field - The tag chips with their field and button.
 * @csspart tag-input - The field a tag is typed into.
 * @csspart add-tag - The "Add tag" button.
 * @csspart remove-tag - A chip's button that removes its tag.
 * @csspart order-select - The select of the order the ticket is about.
 * @csspart order-missing - Says the order a link named is not in the customer's account.
 * @csspart new-body - The new ticket's message field.
 * @csspart suggestions - The help articles that may answer the new ticket, under its message.
 * @csspart suggestions-status - The polite live line that says how many articles are suggested.
 * @csspart suggestion - One suggested article: its title button, category and inline article.
 * @csspart suggestion-toggle - The button that opens and closes a suggested article in place.
 * @csspart match - A word of a suggestion's title that matched what the customer wrote.
 * @csspart suggestion-category - A suggested article's category.
 * @csspart suggestion-language - A suggested article's language, when it is not the page's.
 * @csspart suggestion-article - A suggested article opened in place.
 * @csspart attachments - The new ticket's `<portico-ticket-attachments>`.
 * @csspart add - The "Attach files" button.
 * @csspart file - One file: chosen for the new ticket, or attached to a message.
 * @csspart progress - A file's upload progress bar.
 * @csspart remove - The button that removes a chosen file.
 * @csspart file-error - Why a file was refused.
 * @csspart submit - The "Send ticket" button; disabled while files upload.
 * @csspart field-error - What the server said about one field.
 * @csspart error - The message shown when something failed, with `role="alert"`.
 * @csspart retry - The "Try again" button beside a failed read.
 * @csspart signed-out - The hint shown to someone not signed in.
 * @csspart no-account - The hint shown to staff and others signed in without a customer account.
 * @csspart staff-link - The link to the staff console, for staff.
 * @cssproperty --gap - Space between the blocks of a view. Default: `var(--portico-space, 1rem)`.
 *
 * The thread view exports `<portico-ticket-thread>`'s parts under their own names (see
 * `ticket-thread.ts`): `messages`, `message-staff`, `reply-form`, `rating-form` and the others.
 */
@customElement('portico-ticket-inbox')
@localized()
@firstUpdateInNextTask
export class PorticoTicketInbox extends LitElement {
  static override styles = [
    hostStyles,
    formStyles,
    badgeStyles,
    skeletonStyles,
    styles,
    listStyles,
    newStyles,
  ];

  /** How many tickets each page of the list shows, 1 to 50. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /** The API client, from the page or the nearest `<portico-portal>`. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: PorticoApi;

  /** Who is signed in, from the page or the nearest `<portico-portal>`. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session: SessionState = { status: 'unknown' };

  /** The view the page's URL fragment names. */
  @state() private route: TicketRoute = parseRoute(location.hash);

  /** The unread count the live updates last said. */
  @state() private unreadCount: number | null = null;

  /** What the live region last said, such as "Ticket T-… sent". */
  @state() private announcement = '';

  private effects: ViewEffects = {
    focusSoon: (selector) => {
      this.focusTarget = selector;
      this.requestUpdate();
    },
    announce: (text) => (this.announcement = text),
  };

  private busyNotice = new BusyNotice(this);
  private list = new TicketListController(this, this.effects);
  private form = new NewTicketController(this, this.effects);
  private updates = new TicketUpdatesController(this, (update) => this.handleUpdate(update));

  /** What takes focus once it is on screen: a view's heading, a field with a problem. */
  private focusTarget: string | null = null;

  /** The number of the customer's tickets with an answer they have not read; null until known. */
  get unread(): number | null {
    return this.unreadCount ?? this.list.listTask.value?.unread ?? null;
  }

  /** Whether the list is on screen; it reads the tickets only then. */
  get listShown(): boolean {
    return this.route.view === 'tickets' && accountOf(this.session) !== null;
  }

  /** Whether the new-ticket form is on screen; it reads the categories and orders only then. */
  get newShown(): boolean {
    return this.route.view === 'new' && accountOf(this.session) !== null;
  }

  /** The order the route's link names for a new ticket. */
  get linkedOrder(): string | null {
    return this.route.view === 'new' ? this.route.order : null;
  }

  /** The subject the route's link gives a new ticket. */
  get linkedSubject(): string | null {
    return this.route.view === 'new' ? (this.route.subject ?? null) : null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.route = parseRoute(location.hash);
    window.addEventListener('hashchange', this.handleHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
  }

  protected override updated(): void {
    if (!this.focusTarget) return;
    const target = this.focusTarget;
    this.focusTarget = null;
    void this.focusSelector(target);
  }

  override render() {
    switch (this.session.status) {
      case 'unknown':
        return html`<p part="signed-out" role="status">${msg('Loading your tickets…')}</p>`;
      case 'signed-out':
        return html`<p part="signed-out">${msg('Sign in to see your tickets.')}</p>`;
      case 'signed-in': {
        const { me } = this.session;
        if (!me.account) return this.renderNoAccount(me.role !== 'customer');
        return html`
          <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
          <div part="view" class="view">${this.renderView()}</div>
        `;
      }
    }
  }

  private renderNoAccount(staff: boolean) {
    if (!staff) {
      return html`<p part="no-account">
        ${msg('This sign-in has no customer account, so it has no tickets.')}
      </p>`;
    }
    return html`<div part="no-account" class="no-account">
      <p>
        ${msg('You are signed in as staff. Customers’ tickets are answered in the staff console.')}
      </p>
      ${
        this.api
          ? html`<a part="staff-link" class="button secondary" href="${this.api.url}/staff"
              >${msg('Open the staff console')}</a
            >`
          : nothing
      }
    </div>`;
  }

  private renderView() {
    const route = this.route;
    switch (route.view) {
      case 'tickets':
        return this.list.render();
      case 'new':
        return this.form.render();
      case 'ticket':
        return html`<portico-ticket-thread
          data-view
          .ticketId=${route.id}
          exportparts=${THREAD_EXPORTS}
        ></portico-ticket-thread>`;
    }
  }

  /** Moves focus to `selector` here, or to the heading inside the thread for `#view-title`. */
  private async focusSelector(selector: string) {
    const own = this.renderRoot.querySelector<HTMLElement>(selector);
    if (own) {
      own.focus();
      return;
    }
    if (selector !== '#view-title') return;
    const view = this.renderRoot.querySelector<ReactiveElement>('[data-view]');
    if (!view) return;
    await view.updateComplete;
    const heading = view.shadowRoot?.querySelector<HTMLElement>('h2');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus();
  }

  private handleUpdate(update: TicketUpdate) {
    const before = this.unread;
    this.unreadCount = update.unread;
    // The first count of a stream only confirms what the list read, unless it differs.
    if (update.type !== 'sync' || (before !== null && before !== update.unread)) {
      this.list.refresh();
    }
    if (before !== null && update.unread > before && this.route.view !== 'ticket') {
      this.announcement = msg('A new answer arrived.');
    }
  }

  private handleHashChange = () => {
    const route = parseRoute(location.hash, this.route);
    if (routeHref(route) === routeHref(this.route)) return;
    this.route = route;
    this.focusTarget = '#view-title';
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-ticket-inbox': PorticoTicketInbox;
  }
}
