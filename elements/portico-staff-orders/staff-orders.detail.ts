import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { addressLines } from '../shared/address-fields.ts';
import { formatDate, formatDateTime, formatMoney } from '../shared/format.ts';
import { eventSentence } from '../portico-account-summary/account-order-timeline.ts';
import { renderStatus, type StaffOrderDetail } from './staff-orders.api.ts';

type OrderEvent = StaffOrderDetail['timeline'][number];

/** The order's number, status, account and who placed it when. */
export function renderHeader(order: StaffOrderDetail) {
  return html`
    <a part="back" href="#orders">${msg('Back to all orders')}</a>
    <div class="order-head">
      <h2 id="order-title" part="heading" tabindex="-1">${msg(str`Order ${order.number}`)}</h2>
      ${renderStatus(order.status)}
    </div>
    <p part="facts" class="facts">
      <span>
        ${msg('Account')}
        <a part="account" href="#customer=${encodeURIComponent(order.accountId)}"
          >${order.accountName}</a
        >
      </span>
      <span part="placed">
        ${msg('Placed')} <time datetime=${order.createdAt}>${formatDate(order.createdAt)}</time>
        ${
          order.placedBy
            ? html`${msg(str`by ${order.placedBy.name}`)}
                <a part="placed-by" href="mailto:${order.placedBy.email}"
                  >${order.placedBy.email}</a
                >`
            : nothing
        }
      </span>
      <a part="billing" href="#billing=${encodeURIComponent(order.accountId)}"
        >${msg('Account’s billing')}</a
      >
    </p>
  `;
}

/** What was ordered, line by line, and the totals the customer was charged. */
export function renderLines(order: StaffOrderDetail) {
  const money = (minor: number) => formatMoney(minor, order.currency);
  return html`
    <section class="block" aria-labelledby="lines-title">
      <h3 id="lines-title">${msg('Items')}</h3>
      <ul part="lines" class="lines">
        ${order.lines.map(
          (line) => html`
            <li part="line" class="line">
              <span class="line-name">
                ${msg(str`${line.quantity} × ${line.name}`)}
                <span class="hint">${line.sku}</span>
              </span>
              <span class="amount">${money(line.total)}</span>
            </li>
          `,
        )}
      </ul>
      <dl part="totals" class="totals">
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
          <dd>${money(order.shipping)}</dd>
        </div>
        <div class="grand">
          <dt>${msg('Total')}</dt>
          <dd part="total">${money(order.total)}</dd>
        </div>
      </dl>
    </section>
  `;
}

/** Where the order goes, its tracking number and the customer's note. */
export function renderDelivery(order: StaffOrderDetail) {
  return html`
    <section class="block" aria-labelledby="delivery-title">
      <h3 id="delivery-title">${msg('Delivery')}</h3>
      <address part="address" class="address">
        ${addressLines(order.address).map((line) => html`<span>${line}</span>`)}
        ${order.address.phone ? html`<span>${order.address.phone}</span>` : nothing}
      </address>
      <p part="tracking">
        ${msg('Tracking number:')}
        ${
          order.trackingNumber
            ? html`<strong part="tracking-number">${order.trackingNumber}</strong>`
            : html`<span class="hint">${msg('none yet')}</span>`
        }
      </p>
      ${
        order.note
          ? html`<p part="note" class="note">${msg('Customer’s note:')} ${order.note}</p>`
          : nothing
      }
    </section>
  `;
}

function roleLabel(event: OrderEvent): string {
  switch (event.actor.role) {
    case 'customer':
      return msg('customer');
    case 'staff':
      return msg('staff');
    default:
      return msg('system');
  }
}

/** Every event, oldest first: what happened, who did it (and as whom), and when. */
export function renderTimeline(order: StaffOrderDetail) {
  return html`
    <section class="block" aria-labelledby="timeline-title">
      <h3 id="timeline-title">${msg('Timeline')}</h3>
      <p class="hint">${msg('The customer sees these events on their order too.')}</p>
      <ol part="timeline" class="timeline">
        ${order.timeline.map(
          (event) => html`
            <li part="event event-${event.actor.role}" data-type=${event.type}>
              <span class="what">${eventSentence(event)}</span>
              <span class="byline">
                <span part="actor">
                  ${
                    event.actor.role === 'system'
                      ? roleLabel(event)
                      : msg(str`${event.actor.name} (${roleLabel(event)})`)
                  }
                </span>
                <time datetime=${event.at}>${formatDateTime(event.at)}</time>
              </span>
            </li>
          `,
        )}
      </ol>
    </section>
  `;
}
