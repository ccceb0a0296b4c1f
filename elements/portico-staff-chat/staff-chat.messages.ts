import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { formatDateTime } from '../shared/format.ts';
import { receiptLabel, type ChatMessage, type StaffChatSummary } from './staff-chat.api.ts';

function roleLabel(message: ChatMessage): string {
  switch (message.author.role) {
    case 'customer':
      return msg('Customer');
    case 'staff':
      return msg('Support team');
    case 'bot':
      return msg('Answer bot');
    case 'system':
      return msg('Notice');
  }
}

function timeOf(message: ChatMessage) {
  const time = new Date(message.createdAt);
  const short = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(time);
  return html`<time part="time" datetime=${message.createdAt} title=${formatDateTime(time)}
    >${short}</time
  >`;
}

function renderAttachments(message: ChatMessage, apiUrl: string) {
  if (!message.attachments.length) return nothing;
  return html`<ul part="files" class="files" aria-label=${msg('Attached files')}>
    ${message.attachments.map(
      (file) =>
        html`<li part="file">
          <a href="${apiUrl}/api/files/${encodeURIComponent(file.id)}" download=${file.name}
            >${file.name}</a
          >
        </li>`,
    )}
  </ul>`;
}

function renderMessage(message: ChatMessage, conversation: StaffChatSummary, apiUrl: string) {
  const role = message.author.role;
  if (message.kind === 'notice' || role === 'system') {
    return html`<li part="message message-system" class="system" data-seq=${message.seq}>
      <p part="body">${message.body}</p>
      ${timeOf(message)}
    </li>`;
  }
  const ours = role === 'staff';
  return html`
    <li part="message message-${role}" class=${role} data-seq=${message.seq}>
      <p class="meta">
        <span part="author">${message.author.name}</span>
        <span part="role" class="visually-hidden">(${roleLabel(message)})</span>
        ${timeOf(message)}
      </p>
      ${message.body ? html`<p part="body" class="body">${message.body}</p>` : nothing}
      ${
        message.kind === 'articles' && message.articles.length
          ? html`<ul part="articles" class="articles" aria-label=${msg('Articles offered')}>
              ${message.articles.map(
                (article) => html`<li part="article" lang=${article.locale}>${article.title}</li>`,
              )}
            </ul>`
          : nothing
      }
      ${renderAttachments(message, apiUrl)}
      ${
        ours
          ? html`<p part="receipt" class="receipt">${receiptLabel(conversation, message.seq)}</p>`
          : nothing
      }
    </li>
  `;
}

/**
 * The open conversation, oldest first, as a log a screen reader reads politely as it grows:
 * customer, bot and agent messages, the bot's articles as a list of titles, and notices as
 * system lines. The agent's own messages say whether the customer has them and read them.
 */
export function renderMessages(
  conversation: StaffChatSummary,
  messages: ChatMessage[],
  apiUrl: string,
) {
  return html`
    <div
      part="messages"
      class="messages"
      role="log"
      aria-live="polite"
      aria-relevant="additions"
      aria-label=${msg(str`Messages with ${conversation.customerName}`)}
      tabindex="0"
    >
      <ol>
        ${repeat(
          messages,
          (message) => message.seq,
          (message) => renderMessage(message, conversation, apiUrl),
        )}
      </ol>
    </div>
  `;
}
