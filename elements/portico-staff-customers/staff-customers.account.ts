import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { formatDate, formatMoney } from '../shared/format.ts';
import { renderStatus as renderOrderStatus } from '../portico-account-summary/account-orders.api.ts';
import { renderStatus as renderTicketStatus } from '../portico-staff-tickets/staff-tickets.queue.ts';
import { peopleCount, type CustomerAccount } from './staff-customers.api.ts';

/** Name, age, people and where the account's money stands, with the way to its billing. */
export function renderAccountHeader(account: CustomerAccount) {
  return html`
    <a part="back" href="#customers">${msg('Back to customers')}</a>
    <h2 id="account-title" part="heading" tabindex="-1">${account.name}</h2>
    <p part="facts" class="facts">
      <span part="created"
        >${msg('Customer since')}
        <time datetime=${account.createdAt}>${formatDate(account.createdAt)}</time></span
      >
      <span part="member-count">${peopleCount(account.members.length)}</span>
    </p>
    <section part="balance" class="block money" aria-labelledby="balance-title">
      <h3 id="balance-title">${msg('Balance')}</h3>
      <p>
        <strong part="balance-amount">${formatMoney(account.balance, account.currency)}</strong>
        ${
          account.overdue
            ? html`<span part="overdue" class="overdue"
                >${msg(str`${formatMoney(account.overdue, account.currency)} overdue`)}</span
              >`
            : nothing
        }
      </p>
      <p class="hint">
        ${
          account.openInvoices === 1
            ? msg('1 open invoice')
            : msg(str`${account.openInvoices} open invoices`)
        }
      </p>
      <a part="billing" href="#billing=${encodeURIComponent(account.id)}"
        >${msg('Invoices, payments and statement')}</a
      >
    </section>
  `;
}

/** The last orders and the tickets, each a link to its own view in the console. */
export function renderActivity(account: CustomerAccount) {
  return html`
    <section class="block" aria-labelledby="orders-title">
      <h3 id="orders-title">${msg('Recent orders')}</h3>
      ${
        account.orders.length
          ? html`<ul part="orders" class="plain">
              ${account.orders.map(
                (order) =>
                  html`<li part="order">
                    <a href="#order=${encodeURIComponent(order.id)}">${order.number}</a>
                    <span class="hint">${formatDate(order.createdAt)}</span>
                    <span>${formatMoney(order.total, order.currency)}</span>
                    ${renderOrderStatus(order.status)}
                  </li>`,
              )}
            </ul>`
          : html`<p class="hint">${msg('No orders yet.')}</p>`
      }
    </section>
    <section class="block" aria-labelledby="tickets-title">
      <h3 id="tickets-title">${msg('Tickets')}</h3>
      ${
        account.tickets.length
          ? html`<ul part="tickets" class="plain">
              ${account.tickets.map(
                (ticket) =>
                  html`<li part="ticket">
                    <a href="#ticket=${encodeURIComponent(ticket.id)}"
                      >${ticket.number} ${ticket.subject}</a
                    >
                    ${renderTicketStatus(ticket.status)}
                  </li>`,
              )}
            </ul>`
          : html`<p class="hint">${msg('No tickets yet.')}</p>`
      }
    </section>
  `;
}
