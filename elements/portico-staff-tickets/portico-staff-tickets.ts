import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { DownloadController } from '../shared/download.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { StaffView } from '../shared/staff-view.ts';
import { pause, renderMore, renderTaskError } from '../shared/task.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { badgeStyles } from '../portico-ticket-inbox/ticket-badge.styles.ts';
import {
  EMPTY_FILTER,
  listInputOf,
  PAGE_SIZE,
  type QueueFilter,
  type QueueRow,
  type StaffTicketDetail,
  type StaffTicketEffects,
  type StaffTicketUpdate,
} from './staff-tickets.api.ts';
import { StaffUpdatesController } from '../shared/staff-updates.ts';
import {
  applyBulk,
  filterOf,
  renderBulk,
  renderFilters,
  renderQueueHead,
  renderRows,
  type BulkChange,
} from './staff-tickets.queue.ts';
import { chatsAllowed, QueueChatsController } from './staff-tickets.chats.ts';
import { StaffReplyController } from './staff-tickets.reply.ts';
import { TriageController } from './staff-tickets.triage.ts';
import {
  renderContext,
  renderHeader,
  renderThread,
  renderTicketLoading,
} from './staff-tickets.view.ts';
import { styles } from './portico-staff-tickets.styles.ts';

/**
 * The agents' ticket inbox: the queue of every account's tickets with filters, paging and bulk
 * changes, and one ticket with its thread (notes included), the customer's context beside it and
 * an answer box with saved replies, internal notes and files. Changes arrive as they happen.
 * Waiting and active live chats head the queue (read again every 20 s), linking to `#chats`.
 * Links inside are `#ticket=<id>` and `#tickets`; the page (the staff console) routes them.
 *
 * @summary Staff ticket queue and ticket view.
 * @csspart queue - The queue view. @csspart filters - The filter form.
 * @csspart search - The search field. @csspart status-filter - The status filter.
 * @csspart priority-filter - The priority filter. @csspart kind-filter - The kind filter.
 * @csspart assignee-filter - The assignee filter. @csspart tag-filter - The tag filter.
 * @csspart unread-filter - The "Unread only" switch. @csspart unread-count - Unread tickets.
 * @csspart waiting-filter - "Waiting longer than": how long a customer has waited for staff.
 * @csspart sort - "Sort by": unread first, waiting longest, newest, oldest, most urgent.
 * @csspart chats - The live chats above the tickets. @csspart chats-empty - When there are none.
 * @csspart chat-row - One chat. @csspart chat-waiting - A chat still waiting for an agent.
 * @csspart customer - A chat's customer.
 * @csspart who - Visitor or account. @csspart chat-status - Waiting, or active with whom.
 * @csspart chat-subject - A chat's subject. @csspart open-chat - "Open in chats" (`#chats`).
 * @csspart list - The queue's rows. @csspart row - One ticket.
 * @csspart row-unread - A ticket with something unread.
 * @csspart select - A row's selection box. @csspart unread - A row's "Unread" mark.
 * @csspart number - A ticket's number. @csspart open - The link that opens a ticket.
 * @csspart account - The customer's account. @csspart status - A status badge (also
 *   `status-<status>`). @csspart priority - A priority badge (also `priority-<priority>`).
 * @csspart kind - A ticket's kind. @csspart assignee - Who has a ticket.
 * @csspart waited - How long since the last activity (rows) or the customer's last words
 *   @csspart waited-customer - `waited` on a row whose customer waits for an answer.
 * @csspart empty - The line shown when no ticket matches. @csspart more - "Load more".
 * @csspart bulk - The form that changes the selected tickets. @csspart selected-count - How many.
 * @csspart bulk-assignee - Whom to assign them to. @csspart bulk-assign - "Assign".
 * @csspart bulk-close - "Close". @csspart bulk-tag - The tag to add. @csspart bulk-add-tag - "Add tag".
 * @csspart ticket - The ticket view. @csspart back - The link back to the queue.
 * @csspart heading - The ticket's title. @csspart facts - Status, priority, kind, category,
 *   account, order. @csspart category - The category. @csspart order - The linked order.
 * @csspart triage - Status, priority, assignee and tags controls.
 * @csspart status-select - The status. @csspart priority-select - The priority.
 * @csspart assignee-select - Who has the ticket. @csspart tags - The ticket's tags.
 * @csspart tag - One tag. @csspart remove-tag - A tag's remove button.
 * @csspart tag-form - Adding a tag. @csspart tag-input - The new tag. @csspart add-tag - "Add".
 * @csspart messages - The thread, oldest first. @csspart message - One message (also
 *   `message-customer`, `message-staff`, `message-system`, `message-internal`).
 * @csspart author - A message's author. @csspart role - The author's role in words.
 * @csspart internal - The "Internal note" mark. @csspart time - When a message was written.
 * @csspart body - A message's text. @csspart files - Its files. @csspart file - One file.
 * @csspart download - A file's download button. @csspart download-error - Why it failed.
 * @csspart context - The customer's context. @csspart context-account - The account (a link).
 * @csspart context-billing - The link to the account's billing.
 * @csspart balance - Its balance. @csspart orders - Recent orders. @csspart context-order - One.
 * @csspart other-tickets - The account's other tickets. @csspart other-ticket - One.
 * @csspart reply-form - The answer box. @csspart canned - The saved-replies picker.
 * @csspart insert-canned - "Insert", which puts the chosen saved reply in the message field.
 * @csspart save-triage - "Save changes" for status, priority and assignee.
 * @csspart reply-body - The message field. @csspart internal-toggle - The internal-note switch.
 * @csspart leave-as - What a reply leaves the ticket as. @csspart reply-attachments - Files.
 * @csspart send - The send button. @csspart field-error - Why a field was refused.
 * @csspart error - A failure, with `role="alert"`. @csspart retry - "Try again".
 * @csspart signed-out - The line shown to anyone not signed in as staff.
 * @cssproperty --gap - Space between blocks. Default: `var(--portico-space, 1rem)`.
 * @cssproperty --context-width - The context column on wide screens. Default: `18rem`.
 * @cssstate live - Ticket changes arrive as they happen.
 */
@customElement('portico-staff-tickets')
@localized()
export class PorticoStaffTickets extends StaffView {
  static override styles = [hostStyles, formStyles, viewStyles, badgeStyles, styles];

  /** The ticket on screen (the console sets it from `#ticket=<id>`); null shows the queue. */
  @property({ attribute: 'ticket-id' }) ticketId: string | null = null;

  @state() private filter: QueueFilter = EMPTY_FILTER;
  @state() private rows: QueueRow[] = [];
  @state() private cursor: string | null = null;
  @state() private unread = 0;
  @state() private selected = new Set<string>();
  @state() private announcement = '';
  @state() private ticket: StaffTicketDetail | null = null;
  /** Bumped when something changed on the server: the queue is read again. */
  @state() private syncs = 0;
  /** Bumped when the open ticket changed on the server: it is read again. */
  @state() private ticketSyncs = 0;

  /** How many times the ticket list was read: the chats are read again with it. */
  private listReads = 0;
  private readonly internals = this.attachInternals();
  private downloads = new DownloadController(this);

  private effects: StaffTicketEffects = {
    focusSoon: (selector) => this.focusSoon(selector),
    announce: (text) => (this.announcement = text),
    changed: (ticket) => {
      if (ticket.id === this.ticketId) this.ticket = ticket;
      this.syncs += 1;
    },
  };

  private reply = new StaffReplyController(this, this.effects);
  private triage = new TriageController(this, this.effects);

  private listTask = new Task(this, {
    args: () => [this.api, this.staffId, this.filter, this.syncs] as const,
    task: async ([api, staffId, filter], { signal }) => {
      if (!api || !staffId) return initialState;
      if (filter.query || filter.tag) await pause(200, signal);
      this.listReads += 1;
      if (filter.kind === 'chat') return (this.rows = []);
      const limit = Math.min(50, Math.max(PAGE_SIZE, this.rows.length));
      const page = await api.trpc.staff.ticket.list.query(
        { ...listInputOf(filter), limit },
        { signal },
      );
      this.rows = page.items;
      this.cursor = page.nextCursor;
      this.unread = page.unread;
      return page;
    },
  });

  private moreTask = new Task(this, {
    autoRun: false,
    task: async ([api, cursor]: [PorticoApi, string], { signal }) => {
      const page = await api.trpc.staff.ticket.list.query(
        { ...listInputOf(this.filter), cursor, limit: PAGE_SIZE },
        { signal },
      );
      const known = new Set(this.rows.map((row) => row.id));
      this.rows = [...this.rows, ...page.items.filter((row) => !known.has(row.id))];
      this.cursor = page.nextCursor;
      return page;
    },
  });

  private chats = new QueueChatsController(this, {
    api: () => this.api,
    shown: () => Boolean(this.staffId) && !this.ticketId && chatsAllowed(this.filter),
    reads: () => this.listReads,
  });

  private agentsTask = new Task(this, {
    args: () => [this.api, this.staffId] as const,
    task: ([api, staffId], { signal }) =>
      api && staffId ? api.trpc.staff.ticket.agents.query(undefined, { signal }) : initialState,
  });

  private cannedTask = new Task(this, {
    args: () => [this.api, this.staffId, this.ticketId] as const,
    task: ([api, staffId, ticketId], { signal }) =>
      api && staffId && ticketId
        ? api.trpc.staff.ticket.canned.list.query(undefined, { signal })
        : initialState,
  });

  private ticketTask = new Task(this, {
    args: () => [this.api, this.staffId, this.ticketId, this.ticketSyncs] as const,
    task: async ([api, staffId, ticketId], { signal }) => {
      if (!api || !staffId || !ticketId) return initialState;
      const ticket = await api.trpc.staff.ticket.byId.query({ ticketId }, { signal });
      if (ticketId !== this.ticketId) return ticket;
      this.ticket = ticket;
      // The agent has it on screen: whatever the customer wrote is read, even if the agent
      // moves on before the answer comes back (so no abort signal here).
      const { unread } = await api.trpc.staff.ticket.markRead.mutate({ ticketId });
      this.unread = unread;
      this.markRowRead(ticketId);
      return ticket;
    },
  });

  private contextTask = new Task(this, {
    args: () => [this.api, this.staffId, this.ticket?.accountId, this.syncs] as const,
    task: async ([api, staffId, accountId], { signal }) => {
      if (!api || !staffId || !accountId) return initialState;
      const [summary, others] = await Promise.all([
        api.trpc.staff.account.summary.query({ accountId }, { signal }),
        api.trpc.staff.ticket.list.query({ accountId, limit: 6 }, { signal }),
      ]);
      return { summary, others: others.items };
    },
  });

  private bulkTask = new Task(this, {
    autoRun: false,
    task: async ([api, ids, change]: [PorticoApi, string[], BulkChange], { signal }) => {
      await applyBulk(api, ids, this.rows, change, signal);
      this.selected = new Set();
      this.announcement =
        ids.length === 1 ? msg('1 ticket changed.') : msg(str`${ids.length} tickets changed.`);
      this.syncs += 1;
    },
  });

  private live = new StaffUpdatesController<StaffTicketUpdate>(this, {
    what: 'ticket updates',
    subscribe: (api, callbacks) => api.trpc.staff.ticket.onUpdate.subscribe({}, callbacks),
    synced: ({ unread }) => {
      this.unread = unread;
      this.syncs += 1;
      if (this.ticketId) this.ticketSyncs += 1;
    },
    changed: (update) => {
      this.unread = update.unread;
      if (update.type === 'read') {
        if (update.ticketId) this.markRowRead(update.ticketId);
        return;
      }
      this.syncs += 1;
      if (update.ticketId && update.ticketId === this.ticketId) this.ticketSyncs += 1;
      if (update.type === 'created') this.announcement = msg('A new ticket arrived.');
    },
    liveChanged: (live) => {
      if (live) this.internals.states.add('live');
      else this.internals.states.delete('live');
    },
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('ticketId') && changed.get('ticketId') !== undefined) {
      this.ticket = null;
      this.reply.reset();
      this.focusSoon(this.ticketId ? '#ticket-title' : '#queue-title');
    }
  }

  override render() {
    const staffId = this.staffId;
    if (!staffId) {
      return this.renderNotStaff(msg('Sign in with a staff account to answer tickets.'));
    }
    return html`
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.ticketId ? this.renderTicket(staffId) : this.renderQueue(staffId)}
    `;
  }

  private renderQueue(staffId: string) {
    const agents = this.agentsTask.value ?? [];
    const onlyChats = this.filter.kind === 'chat';
    const loading = this.listTask.status === TaskStatus.PENDING;
    return html`
      <section
        part="queue"
        class="queue"
        aria-labelledby="queue-title"
        aria-busy=${loading ? 'true' : 'false'}
      >
        ${renderQueueHead(this.unread)}
        ${renderFilters(this.filter, agents, staffId, this.handleFilterInput)}
        ${renderBulk({
          count: this.selected.size,
          busy: this.bulkTask.status === TaskStatus.PENDING,
          agents,
          staffId,
          assign: (to) => this.runBulk({ kind: 'assign', to }),
          close: () => this.runBulk({ kind: 'close' }),
          tag: (tag) => this.runBulk({ kind: 'tag', tag }),
        })}
        ${renderTaskError(this.bulkTask)} ${this.chats.render(this.filter, staffId)}
        ${renderTaskError(this.listTask, () => void this.listTask.run())}
        ${
          this.listTask.status === TaskStatus.INITIAL || (loading && !this.listTask.value)
            ? html`<p role="status" class="hint">${msg('Loading tickets…')}</p>`
            : onlyChats
              ? nothing
              : renderRows(this.rows, { selected: this.selected, toggle: this.toggle })
        }
        ${renderTaskError(this.moreTask, () => this.loadMore())}
        ${
          this.cursor && !onlyChats
            ? renderMore(this.moreTask.status === TaskStatus.PENDING, () => this.loadMore())
            : nothing
        }
      </section>
    `;
  }

  private renderTicket(staffId: string) {
    const ticket = this.ticket;
    if (!ticket) return renderTicketLoading(this.ticketTask, () => void this.ticketTask.run());
    const context = this.contextTask.value;
    return html`
      <section part="ticket" class="ticket" aria-labelledby="ticket-title">
        <div class="ticket-main">
          ${renderHeader(ticket)}
          ${this.triage.render(ticket, this.agentsTask.value ?? [], staffId)}
          ${renderThread(ticket.messages, this.api, this.downloads)}
          ${this.reply.render(ticket, this.cannedTask.value ?? [])}
        </div>
        ${renderContext(ticket, context?.summary, context?.others)}
        ${renderTaskError(this.contextTask)}
      </section>
    `;
  }

  private markRowRead(ticketId: string): void {
    if (!this.rows.some((row) => row.id === ticketId && row.unread)) return;
    this.rows = this.rows.map((row) => (row.id === ticketId ? { ...row, unread: false } : row));
  }

  private loadMore(): void {
    if (!this.api || !this.cursor || this.moreTask.status === TaskStatus.PENDING) return;
    void this.moreTask.run([this.api, this.cursor]);
  }

  private runBulk(change: BulkChange): void {
    if (!this.api || this.bulkTask.status === TaskStatus.PENDING) return;
    void this.bulkTask.run([this.api, [...this.selected], change]);
  }

  private toggle = (id: string, on: boolean): void => {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  };

  private handleFilterInput = (event: Event): void => {
    const next = filterOf(event.currentTarget as HTMLFormElement);
    if (JSON.stringify(next) === JSON.stringify(this.filter)) return;
    this.filter = next;
    this.selected = new Set();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-staff-tickets': PorticoStaffTickets;
  }
}
