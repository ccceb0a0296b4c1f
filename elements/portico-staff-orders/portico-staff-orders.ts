import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { addressFieldStyles } from '../shared/address-fields.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { StaffView } from '../shared/staff-view.ts';
import { pause, renderMore, renderTaskError } from '../shared/task.ts';
import { viewStyles } from '../shared/view.styles.ts';
import {
  EMPTY_FILTER,
  listInputOf,
  PAGE_SIZE,
  type OrderFilter,
  type OrderRow,
  type StaffOrderDetail,
  type StaffOrderEffects,
  type StaffOrderUpdate,
} from './staff-orders.api.ts';
import { OrderActionsController } from './staff-orders.actions.ts';
import { PromiseController } from './staff-orders.promise.ts';
import {
  renderDelivery,
  renderHeader,
  renderLines,
  renderTimeline,
} from './staff-orders.detail.ts';
import { renderFilters, renderRows } from './staff-orders.list.ts';
import { styles } from './portico-staff-orders.styles.ts';
import { StaffUpdatesController } from '../shared/staff-updates.ts';
import { statusBadgeStyles } from '../shared/status.styles.ts';

/**
 * The staff's orders: every account's orders with search (number, account, person, product,
 * tracking number), a status filter, sorting and paging; and one order with its lines, totals,
 * delivery address, tracking number and timeline, and the staff's actions on it (move it along
 * the lifecycle, tracking number, delivery address, cancel with a reason). Links inside are
 * `#order=<id>`, `#orders`, `#customer=<accountId>` and `#billing=<accountId>`; the console
 * routes them.
 *
 * @summary Staff order list and order view.
 * @csspart orders - The list view.
 * @csspart filters - The search, status and sort form.
 * @csspart search - The search field.
 * @csspart status-filter - The status filter.
 * @csspart sort - The sort order.
 * @csspart list - The orders' rows.
 * @csspart row - One order in the list.
 * @csspart open - The order's number, the link that opens it.
 * @csspart account - The customer's account, a link to it.
 * @csspart placed - When the order was placed.
 * @csspart placed-by - Who placed it.
 * @csspart row-tracking - A row's tracking number.
 * @csspart status - A status badge (also `status-<status>`).
 * @csspart total - The order's total.
 * @csspart empty - The line shown when no order matches.
 * @csspart more - "Load more".
 * @csspart order - The order view.
 * @csspart back - The link back to the list.
 * @csspart heading - The order's title.
 * @csspart facts - Account, date and the person who placed it.
 * @csspart billing - The link to the account's billing.
 * @csspart lines - The order's lines.
 * @csspart line - One line.
 * @csspart totals - Subtotal, tax, shipping and total.
 * @csspart address - The delivery address.
 * @csspart tracking - The tracking number line.
 * @csspart tracking-number - The tracking number itself.
 * @csspart note - The customer's note.
 * @csspart promise - The promised delivery block.
 * @csspart promised-on - The day delivery was promised, or that none was.
 * @csspart promise-form - The form that sets the promised day.
 * @csspart promise-input - Its date field.
 * @csspart save-promise - "Save date".
 * @csspart clear-promise - "Remove the promise".
 * @csspart timeline - The order's events, oldest first.
 * @csspart event - One event (also `event-customer`, `event-staff`, `event-system`).
 * @csspart actor - Who made a change, and as whom.
 * @csspart actions - The staff's actions.
 * @csspart advance - A "Mark as …" button (also `advance-<status>`).
 * @csspart edit-tracking - "Add tracking number" or "Change tracking number".
 * @csspart edit-address - "Edit delivery address".
 * @csspart cancel - "Cancel order".
 * @csspart ship-form - The form that ships the order with a tracking number.
 * @csspart tracking-form - The form that changes the tracking number.
 * @csspart tracking-input - The tracking number field.
 * @csspart confirm-ship - "Confirm shipment".
 * @csspart save-tracking - "Save tracking number".
 * @csspart address-form - The delivery address form.
 * @csspart save-address - "Save the new address".
 * @csspart field-error - Why a field was refused.
 * @csspart cancel-confirm - The form that confirms a cancellation.
 * @csspart cancel-reason - The reason for the customer.
 * @csspart confirm-cancel - "Yes, cancel the order".
 * @csspart error - A failure, with `role="alert"`.
 * @csspart retry - "Try again".
 * @csspart signed-out - The line shown to anyone not signed in as staff.
 * @cssproperty --gap - Space between blocks. Default: `var(--portico-space, 1rem)`.
 * @cssstate live - Orders placed or changed elsewhere arrive as they happen.
 */
@customElement('portico-staff-orders')
@localized()
export class PorticoStaffOrders extends StaffView {
  static override styles = [
    hostStyles,
    formStyles,
    viewStyles,
    addressFieldStyles,
    statusBadgeStyles,
    styles,
  ];

  /** The order on screen (the console sets it from `#order=<id>`); null shows the list. */
  @property({ attribute: 'order-id' }) orderId: string | null = null;

  @state() private filter: OrderFilter = EMPTY_FILTER;
  @state() private rows: OrderRow[] = [];
  @state() private cursor: string | null = null;
  @state() private announcement = '';
  @state() private order: StaffOrderDetail | null = null;
  /** Bumped when an order changed: the list is read again when it is next shown. */
  @state() private syncs = 0;
  /** Bumped to read the open order again. */
  @state() private orderSyncs = 0;

  private effects: StaffOrderEffects = {
    focusSoon: (selector) => this.focusSoon(selector),
    announce: (text) => (this.announcement = text),
    changed: (order) => {
      if (order.id === this.orderId) this.order = order;
      this.syncs += 1;
    },
    reload: () => {
      this.orderSyncs += 1;
      this.syncs += 1;
    },
  };

  private actions = new OrderActionsController(this, this.effects);
  private promise = new PromiseController(this, this.effects);
  private readonly internals = this.attachInternals();
  /** The filter whose result count was last announced: a live re-read says nothing. */
  private announcedFilter: OrderFilter | null = null;

  private live = new StaffUpdatesController<StaffOrderUpdate>(this, {
    what: 'order updates',
    subscribe: (api, callbacks) => api.trpc.staff.order.onUpdate.subscribe(undefined, callbacks),
    synced: () => {
      this.syncs += 1;
      if (this.orderId) this.orderSyncs += 1;
    },
    changed: (update) => {
      // This agent's own changes are on screen already.
      if (update.actorId === this.staffId) return;
      this.syncs += 1;
      if (update.orderId === this.orderId) {
        this.orderSyncs += 1;
        this.announcement = msg('This order was just changed; it shows the latest now.');
      } else if (update.type === 'placed' && !this.orderId) {
        this.announcement = msg('A new order arrived.');
      }
    },
    liveChanged: (live) => {
      if (live) this.internals.states.add('live');
      else this.internals.states.delete('live');
    },
  });

  private listTask = new Task(this, {
    args: () => [this.api, this.staffId, this.orderId === null, this.filter, this.syncs] as const,
    task: async ([api, staffId, shown, filter], { signal }) => {
      if (!api || !staffId || !shown) return initialState;
      if (filter.query) await pause(200, signal);
      const limit = Math.min(50, Math.max(PAGE_SIZE, this.rows.length));
      const page = await api.trpc.staff.order.list.query(
        { ...listInputOf(filter), limit },
        { signal },
      );
      this.rows = page.items;
      this.cursor = page.nextCursor;
      if (filter !== this.announcedFilter) {
        this.announcedFilter = filter;
        this.announcement = shownMessage(page.items.length, page.nextCursor !== null);
      }
      return page;
    },
  });

  private moreTask = new Task(this, {
    autoRun: false,
    task: async ([api, cursor]: [PorticoApi, string], { signal }) => {
      const page = await api.trpc.staff.order.list.query(
        { ...listInputOf(this.filter), cursor, limit: PAGE_SIZE },
        { signal },
      );
      const known = new Set(this.rows.map((row) => row.id));
      this.rows = [...this.rows, ...page.items.filter((row) => !known.has(row.id))];
      this.cursor = page.nextCursor;
      const added = page.items.length;
      this.announcement =
        added === 1 ? msg('1 more order shown.') : msg(str`${added} more orders shown.`);
      return page;
    },
  });

  private orderTask = new Task(this, {
    args: () => [this.api, this.staffId, this.orderId, this.orderSyncs] as const,
    task: async ([api, staffId, orderId], { signal }) => {
      if (!api || !staffId || !orderId) return initialState;
      const order = await api.trpc.staff.order.byId.query({ orderId }, { signal });
      if (orderId === this.orderId) this.order = order;
      return order;
    },
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('orderId') && changed.get('orderId') !== undefined) {
      this.order = null;
      this.actions.reset();
      this.focusSoon(this.orderId ? '#order-title' : '#orders-title');
    }
  }

  override render() {
    if (!this.staffId) {
      return this.renderNotStaff(msg('Sign in with a staff account to see orders.'));
    }
    return html`
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.orderId ? this.renderOrder() : this.renderList()}
    `;
  }

  private renderList() {
    const loading = this.listTask.status === TaskStatus.PENDING;
    const first = this.listTask.status === TaskStatus.INITIAL || (loading && !this.listTask.value);
    return html`
      <section
        part="orders"
        class="orders"
        aria-labelledby="orders-title"
        aria-busy=${loading ? 'true' : 'false'}
      >
        <h2 id="orders-title" tabindex="-1">${msg('Orders')}</h2>
        ${renderFilters(this.filter, this.handleFilterInput)}
        ${renderTaskError(this.listTask, () => void this.listTask.run())}
        ${
          first
            ? html`<p role="status" class="hint">${msg('Loading orders…')}</p>`
            : renderRows(this.rows)
        }
        ${renderTaskError(this.moreTask, () => this.loadMore())}
        ${
          this.cursor
            ? renderMore(this.moreTask.status === TaskStatus.PENDING, () => this.loadMore())
            : nothing
        }
      </section>
    `;
  }

  private renderOrder() {
    const order = this.order;
    if (!order) {
      return html`<section part="order" class="order" aria-busy="true">
        <a part="back" href="#orders">${msg('Back to all orders')}</a>
        ${renderTaskError(this.orderTask, () => void this.orderTask.run())}
        ${
          this.orderTask.status === TaskStatus.ERROR
            ? nothing
            : html`<p role="status" class="hint">${msg('Loading the order…')}</p>`
        }
      </section>`;
    }
    return html`
      <section part="order" class="order" aria-labelledby="order-title">
        ${renderHeader(order)}
        <div class="order-body">
          <div class="order-main">
            ${this.actions.render(order)} ${renderLines(order)} ${renderDelivery(order)}
            ${this.promise.render(order)}
          </div>
          ${renderTimeline(order)}
        </div>
        ${renderTaskError(this.orderTask, () => void this.orderTask.run())}
      </section>
    `;
  }

  private loadMore(): void {
    if (!this.api || !this.cursor || this.moreTask.status === TaskStatus.PENDING) return;
    void this.moreTask.run([this.api, this.cursor]);
  }

  private handleFilterInput = (event: Event): void => {
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '');
    const next: OrderFilter = {
      query: text('query'),
      status: text('status') as OrderFilter['status'],
      sort: (text('sort') || 'newest') as OrderFilter['sort'],
    };
    if (JSON.stringify(next) === JSON.stringify(this.filter)) return;
    this.filter = next;
  };
}

/** What the live region says when the list was read: how many rows, and whether more wait. */
function shownMessage(count: number, more: boolean): string {
  if (count === 0) return msg('No orders match.');
  if (more) return msg(str`${count} orders shown; more can be loaded.`);
  return count === 1 ? msg('1 order shown.') : msg(str`${count} orders shown.`);
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-staff-orders': PorticoStaffOrders;
  }
}
