import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { attachmentDownload, type DownloadController } from '../shared/download.ts';
import { formatDate, formatDateTime, formatMoney } from '../shared/format.ts';
import { formatSize } from '../shared/upload.ts';
import { renderTaskError } from '../shared/task.ts';
import { roleLabel } from '../portico-ticket-inbox/ticket-thread.messages.ts';
import {
  kindLabel,
  lastCustomerAt,
  renderPriority,
  sinceLabel,
  type AccountSummary,
  type QueueRow,
  type StaffMessage,
  type StaffTicketDetail,
} from './staff-tickets.api.ts';
import { renderStatus } from './staff-tickets.queue.ts';

/** The ticket view while its ticket is on its way, or why it did not come. */
export function renderTicketLoading(
  task: { status: TaskStatus; error: unknown },
  retry: () => void,
) {
  return html`<section part="ticket" class="ticket" aria-busy="true">
    <a part="back" href="#tickets">${msg('Back to the queue')}</a>
    ${renderTaskError(task, retry)}
    ${
      task.status === TaskStatus.ERROR
        ? nothing
        : html`<p role="status" class="hint">${msg('Loading the ticket…')}</p>`
    }
  </section>`;
}

/** Number, subject and the facts an agent reads first. */
export function renderHeader(ticket: StaffTicketDetail) {
  const waiting = lastCustomerAt(ticket);
  return html`
    <a part="back" href="#tickets">${msg('Back to the queue')}</a>
    <h2 id="ticket-title" part="heading" tabindex="-1">
      <span part="number">${ticket.number}</span> ${ticket.subject}
    </h2>
    <p part="facts" class="facts">
      ${renderStatus(ticket.status)} ${renderPriority(ticket.priority)}
      <span part="kind">${kindLabel(ticket.kind)}</span>
      ${ticket.category ? html`<span part="category">${ticket.category}</span>` : nothing}
      <span part="account">${msg(str`Account: ${ticket.accountName}`)}</span>
      ${
        ticket.order
          ? html`<span part="order">${msg(str`Order ${ticket.order.number}`)}</span>`
          : nothing
      }
      ${
        waiting
          ? html`<span part="waited"
              >${msg('Customer last wrote')}
              <time datetime=${waiting}>${sinceLabel(waiting)}</time></span
            >`
          : nothing
      }
    </p>
  `;
}

/** The thread oldest first; notes carry an "Internal note" mark in words, not only colour. */
export function renderThread(
  messages: readonly StaffMessage[],
  api: PorticoApi | undefined,
  downloads: DownloadController,
) {
  return html`
    <section class="block" aria-labelledby="conversation-title">
      <h3 id="conversation-title">${msg('Conversation')}</h3>
      <ol part="messages" class="messages">
        ${repeat(
          messages,
          (message) => message.id,
          (message) => renderMessage(message, api, downloads),
        )}
      </ol>
    </section>
  `;
}

function renderMessage(
  message: StaffMessage,
  api: PorticoApi | undefined,
  downloads: DownloadController,
) {
  const { role, name } = message.author;
  const titleId = `message-${message.id}`;
  const parts = `message message-${role}${message.internal ? ' message-internal' : ''}`;
  return html`
    <li
      part=${parts}
      class="message"
      data-role=${role}
      data-id=${message.id}
      ?data-internal=${message.internal}
      aria-labelledby=${titleId}
    >
      <p class="byline" id=${titleId}>
        <span part="author">${name}</span>
        <span part="role" class="role">${roleLabel(role)}</span>
        ${
          message.internal
            ? html`<span part="internal" class="internal-mark">${msg('Internal note')}</span>`
            : nothing
        }
        <time part="time" datetime=${message.createdAt}>${formatDateTime(message.createdAt)}</time>
      </p>
      <div part="body" class="body">${message.body}</div>
      ${
        message.attachments.length && api
          ? html`<ul part="files" class="files" aria-label=${msg(str`Files from ${name}`)}>
              ${message.attachments.map(
                (file) =>
                  html`<li part="file">
                    ${downloads.render(api, attachmentDownload(api, file), {
                      part: 'download',
                      label: html`<span class="visually-hidden">${msg('Download')}</span>
                        <span>${file.name}</span> <span>(${formatSize(file.size)})</span>`,
                    })}
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    </li>
  `;
}

/** The customer's side of things: account, balance, recent orders and their other tickets. */
export function renderContext(
  ticket: StaffTicketDetail,
  summary: AccountSummary | undefined,
  others: readonly QueueRow[] | undefined,
) {
  const rest = (others ?? []).filter((row) => row.id !== ticket.id);
  return html`
    <aside part="context" class="context" aria-labelledby="context-title">
      <h3 id="context-title">${msg('Customer')}</h3>
      <p class="account-name">
        <a part="context-account" href="#customer=${encodeURIComponent(ticket.accountId)}"
          >${ticket.accountName}</a
        >
        ·
        <a part="context-billing" href="#billing=${encodeURIComponent(ticket.accountId)}"
          >${msg('Billing')}</a
        >
      </p>
      ${
        summary
          ? html`<p part="balance">
                ${msg('Balance')}:
                <strong>${formatMoney(summary.balance, summary.currency)}</strong>
                ${
                  summary.overdue
                    ? html`<span class="overdue"
                        >${msg(str`(${formatMoney(summary.overdue, summary.currency)} overdue)`)}</span
                      >`
                    : nothing
                }
              </p>
              <h4>${msg('Recent orders')}</h4>
              ${
                summary.orders.length
                  ? html`<ul part="orders" class="plain">
                      ${summary.orders.map(
                        (order) =>
                          html`<li part="context-order">
                            <a href="#order=${encodeURIComponent(order.id)}">${order.number}</a> ·
                            ${formatDate(order.createdAt)} ·
                            ${formatMoney(order.total, order.currency)}
                          </li>`,
                      )}
                    </ul>`
                  : html`<p class="hint">${msg('No orders yet.')}</p>`
              }`
          : html`<p class="hint" role="status">${msg('Loading the account…')}</p>`
      }
      <h4>${msg('Other tickets')}</h4>
      ${
        rest.length
          ? html`<ul part="other-tickets" class="plain">
              ${rest.map(
                (row) =>
                  html`<li part="other-ticket">
                    <a href="#ticket=${encodeURIComponent(row.id)}">${row.number} ${row.subject}</a>
                    ${renderStatus(row.status)}
                  </li>`,
              )}
            </ul>`
          : html`<p class="hint">${msg('No other tickets.')}</p>`
      }
    </aside>
  `;
}
