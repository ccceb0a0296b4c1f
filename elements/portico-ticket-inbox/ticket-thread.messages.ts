import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import { attachmentDownload, type DownloadController } from '../shared/download.ts';
import { isolate } from '../shared/bidi.ts';
import { formatDateTime } from '../shared/format.ts';
import { formatSize } from '../shared/upload.ts';
import type { Attachment, ThreadMessage } from './ticket-thread.api.ts';

/** Who wrote a message, in words: the role is never left to colour or side alone. */
export function roleLabel(role: ThreadMessage['author']['role']): string {
  switch (role) {
    case 'staff':
      return msg('Support team');
    case 'customer':
      return msg('Customer');
    case 'system':
      return msg('Notice');
  }
}

/** The conversation, oldest first: each message with its author, role, time and files. */
export function renderMessages(
  messages: readonly ThreadMessage[],
  api: PorticoApi | undefined,
  downloads: DownloadController,
) {
  return html`
    <section class="block" aria-labelledby="conversation-title">
      <h3 id="conversation-title" part="section-heading">${msg('Conversation')}</h3>
      <ol part="messages">
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
  message: ThreadMessage,
  api: PorticoApi | undefined,
  downloads: DownloadController,
) {
  const { role, name } = message.author;
  const titleId = `message-${message.id}`;
  return html`
    <li
      part="message message-${role}"
      class="message"
      data-role=${role}
      data-id=${message.id}
      aria-labelledby=${titleId}
    >
      <p class="byline" id=${titleId}>
        <span part="author" dir="auto">${name}</span>
        <span part="role" class="role">${roleLabel(role)}</span>
        <time part="time" datetime=${message.createdAt}>${formatDateTime(message.createdAt)}</time>
      </p>
      <div part="body" class="body" dir="auto">${message.body}</div>
      ${
        message.attachments.length && api
          ? html`<ul part="files" aria-label=${msg(str`Files from ${isolate(name)}`)}>
              ${message.attachments.map((file) => renderFile(file, api, downloads))}
            </ul>`
          : nothing
      }
    </li>
  `;
}

function renderFile(file: Attachment, api: PorticoApi, downloads: DownloadController) {
  return html`
    <li part="file" class="file">
      ${downloads.render(api, attachmentDownload(api, file), {
        part: 'download',
        label: html`<span class="visually-hidden">${msg('Download')}</span>
          <span class="name" dir="auto">${file.name}</span>
          <span class="size">(${formatSize(file.size)})</span>`,
      })}
    </li>
  `;
}
