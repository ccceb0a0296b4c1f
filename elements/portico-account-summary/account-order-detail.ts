import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { TRPCClientError } from '@trpc/client';
import type { PorticoApi } from '../api/client.ts';
import { addressLines } from '../shared/address-fields.ts';
import { isolate, ownDirection } from '../shared/bidi.ts';
import { formatDate, formatMoney, formatNumber } from '../shared/format.ts';
import { routeHref } from './account.routes.ts';
import { OrderActionsController, type ActionsHost } from './account-order-actions.ts';
import { renderTimeline } from './account-order-timeline.ts';
import {
  accountOf,
  renderStatus,
  renderTaskError,
  type OrderDetail,
  type ViewEffects,
} from './account-orders.api.ts';

export interface DetailHost extends ActionsHost {
  /** The number of the order to show, as the route or the vendor wrote it. */
  readonly number: string | null;
}

/** "Delivery promised by …" while the order is on its way, when the vendor promised a date. */
function renderPromise(order: OrderDetail) {
  const promisedOn = (order as { promisedOn?: unknown }).promisedOn;
  if (typeof promisedOn !== 'string' || !promisedOn) return nothing;
  if (order.status === 'delivered' || order.status === 'cancelled') return nothing;
  return html`<p part="promised">
    ${msg(html`Delivery promised by <time datetime=${promisedOn}>${formatDate(promisedOn)}</time>`)}
  </p>`;
}

/** An order number as the server stores it. */
export const normalNumber = (number: string | null) => number?.trim().toUpperCase() ?? '';

const isNotFound = (error: unknown) =>
  error instanceof TRPCClientError && error.data?.code === 'NOT_FOUND';

/**
 * One order: what was ordered and what it cost, where it goes, what happened to it so far, and
 * what the customer may still do about it. Reads the order by its number; a change made here
 * shows the order the server answered with.
 */
export class DetailController {
  readonly loadTask: Task<readonly [PorticoApi | undefined, string | null, string], OrderDetail>;
  readonly actions: OrderActionsController;

  readonly #host: DetailHost;
  /** The order on screen, as read or as the last change left it. */
  #order: OrderDetail | null = null;
  /** The backend, account and number `#order` belongs to. */
  #key = '';

  constructor(host: DetailHost, effects: ViewEffects) {
    this.#host = host;
    this.actions = new OrderActionsController(host, {
      ...effects,
      changed: (order) => {
        if (order.number !== normalNumber(host.number)) return false;
        this.#order = order;
        return true;
      },
    });
    this.loadTask = new Task(host, {
      args: () => [host.api, accountOf(host.session), normalNumber(host.number)] as const,
      task: async ([api, account, number], { signal }) => {
        const key = `${api?.url} ${account} ${number}`;
        if (key !== this.#key) {
          this.#key = key;
          this.#order = null;
          this.actions.reset();
        }
        if (!api || !account || !number) return initialState;
        const order = await api.trpc.order.byNumber.query({ number }, { signal });
        this.#order = order;
        return order;
      },
    });
  }

  render() {
    const order = this.#order;
    const pending = this.loadTask.status === TaskStatus.PENDING;
    const notFound = isNotFound(this.loadTask.error);
    const number = order?.number ?? normalNumber(this.#host.number);
    const title = msg(str`Order ${isolate(number)}`);
    return html`
      <article part="detail" aria-labelledby="detail-title">
        <a part="back" class="back" href=${routeHref({ view: 'orders' })}>
          ${msg('Back to all orders')}
        </a>
        <h2 id="detail-title" part="heading" tabindex="-1">${title}</h2>
        <p part="summary" role="status">
          ${pending && !order ? msg('Loading the order…') : nothing}
        </p>
        ${renderTaskError(this.loadTask, notFound ? undefined : () => void this.loadTask.run())}
        ${order ? this.#renderOrder(order) : nothing}
      </article>
    `;
  }

  #renderOrder(order: OrderDetail) {
    return html`
      <p class="facts">
        ${renderStatus(order.status)}
        <span
          >${msg(html`Placed on <time datetime=${order.createdAt}>${formatDate(order.createdAt)}</time>`)}</span
        >
      </p>
      ${this.#renderLines(order)} ${this.#renderDelivery(order)} ${this.actions.render(order)}
      ${renderTimeline(order.timeline)}
    `;
  }

  #renderLines(order: OrderDetail) {
    const money = (minor: number) => formatMoney(minor, order.currency);
    return html`
      <section class="block" aria-labelledby="lines-title">
        <h3 id="lines-title">${msg('Items')}</h3>
        <ul part="lines">
          ${order.lines.map(
            (line) => html`
              <li part="line">
                <span class="name">${ownDirection(line.name)}</span>
                <span class="each"
                  >${msg(str`${formatNumber(line.quantity)} × ${money(line.unitPrice)}`)}</span
                >
                <span class="amount">${money(line.subtotal)}</span>
              </li>
            `,
          )}
        </ul>
        <dl part="totals">
          <div>
            <dt>${msg('Subtotal')}</dt>
            <dd>${money(order.subtotal)}</dd>
          </div>
          <div>
            <dt>${msg('Tax')}</dt>
            <dd>${money(order.tax)}</dd>
          </div>
          <div>
            <dt>${msg('Shipping')}</dt>
            <dd>${order.shipping === 0 ? msg('Free') : money(order.shipping)}</dd>
          </div>
          <div class="grand">
            <dt>${msg('Total')}</dt>
            <dd part="total">${money(order.total)}</dd>
          </div>
        </dl>
      </section>
    `;
  }

  #renderDelivery(order: OrderDetail) {
    const lines = addressLines(order.address);
    // The vendor's tracking number and the customer's note keep their own direction.
    const tracking = ownDirection(order.trackingNumber ?? '');
    const note = ownDirection(order.note ?? '');
    return html`
      <section class="block" aria-labelledby="delivery-title">
        <h3 id="delivery-title">${msg('Delivery')}</h3>
        <address part="address">
          ${lines.map((line, index) => html`${index ? html`<br />` : nothing}${ownDirection(line)}`)}
        </address>
        ${renderPromise(order)}
        ${
          order.trackingNumber
            ? html`<p part="tracking">
                ${msg(html`Tracking number: <strong>${tracking}</strong>`)}
              </p>`
            : nothing
        }
        ${order.note ? html`<p part="note">${msg(html`Your note: <q>${note}</q>`)}</p>` : nothing}
      </section>
    `;
  }
}
