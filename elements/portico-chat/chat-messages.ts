import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import { attachmentDownload, type DownloadController } from '../shared/download.ts';
import { isolate } from '../shared/bidi.ts';
import { formatDateTime, formatTime } from '../shared/format.ts';
import { formatSize } from '../shared/upload.ts';
import {
  fillHref,
  formatMinutes,
  type ChatAttachment,
  type ChatConversation,
  type ChatMessage,
} from './chat.api.ts';
import type { Outgoing } from './chat.state.ts';
import type { Move } from './chat.outgoing.ts';

/** What the message list needs from the element. */
export interface MessagesContext {
  api: PorticoApi | undefined;
  conversation: ChatConversation | null;
  messages: readonly ChatMessage[];
  pending: readonly Outgoing[];
  locale: string;
  /** `help-href` and `ticket-href`, with their placeholders. */
  helpHref: string;
  ticketHref: string;
  downloads: DownloadController;
  /** A move is on its way: its buttons wait. */
  moving: boolean;
  move(move: Move): void;
  retry(clientId: string): void;
}

type Role = ChatMessage['author']['role'];

/** A run of messages by one author, or a notice on its own line. */
type Entry =
  | { kind: 'notice'; message: ChatMessage }
  | { kind: 'group'; role: Role; name: string; messages: ChatMessage[]; pending: Outgoing[] };

function roleLabel(role: Role): string {
  switch (role) {
    case 'customer':
      return msg('You');
    case 'staff':
      return msg('Support team');
    case 'bot':
      return msg('Answer bot');
    case 'system':
      return msg('Notice');
  }
}

/** Consecutive messages of one author form one group; notices stand alone. */
function groupsOf(messages: readonly ChatMessage[], pending: readonly Outgoing[]): Entry[] {
  const entries: Entry[] = [];
  for (const message of messages) {
    const { role, name } = message.author;
    if (message.kind === 'notice' || role === 'system') {
      entries.push({ kind: 'notice', message });
      continue;
    }
    const last = entries.at(-1);
    if (last?.kind === 'group' && last.role === role && last.name === name) {
      last.messages.push(message);
    } else {
      entries.push({ kind: 'group', role, name, messages: [message], pending: [] });
    }
  }
  if (pending.length) {
    const last = entries.at(-1);
    if (last?.kind === 'group' && last.role === 'customer') last.pending.push(...pending);
    else
      entries.push({
        kind: 'group',
        role: 'customer',
        name: '',
        messages: [],
        pending: [...pending],
      });
  }
  return entries;
}

/** A message's time: the time of day today, else the date too; the full moment on hover. */
function renderTime(value: string, locale: string) {
  const date = new Date(value);
  const today = date.toDateString() === new Date().toDateString();
  const full = formatDateTime(date, locale);
  return html`<time part="time" datetime=${value} title=${full}
    >${today ? formatTime(date, locale) : full}</time
  >`;
}

/** How far the agent's side got with one of the customer's messages, in words. */
function receipt(conversation: ChatConversation | null, seq: number) {
  const [state, text] =
    conversation && conversation.readByStaff >= seq
      ? ['read', msg('Read')]
      : conversation && conversation.deliveredToStaff >= seq
        ? ['delivered', msg('Delivered')]
        : ['sent', msg('Sent')];
  return html`<span part="receipt receipt-${state}" class="receipt" data-state=${state}
    >${text}</span
  >`;
}

function noticeText(message: ChatMessage, context: MessagesContext): string | TemplateResult {
  const notice = message.notice;
  const param = (name: string) => notice?.params[name] ?? null;
  switch (notice?.code) {
    case 'queued': {
      const wait = param('expectedWaitSeconds');
      return typeof wait === 'number'
        ? msg(
            str`You are in the queue. Someone will be with you in about ${formatMinutes(wait, context.locale)}.`,
          )
        : msg('You are in the queue. Someone will be with you as soon as possible.');
    }
    case 'joined':
      return msg(str`${isolate(String(param('agent') ?? ''))} joined the chat.`);
    case 'transferred':
      return msg(str`The chat was passed to ${isolate(String(param('agent') ?? ''))}.`);
    case 'offline': {
      const email = param('email');
      return email
        ? msg(
            str`Nobody is online right now. We will answer by email to ${isolate(String(email))}.`,
          )
        : msg('Nobody is online right now. We will answer as soon as we can.');
    }
    case 'ticket': {
      const id = String(param('ticketId') ?? '');
      const number = String(param('number') ?? '');
      const link = html`<a part="ticket-link" href=${fillHref(context.ticketHref, { id })}
        >${msg(str`ticket ${isolate(number)}`)}</a
      >`;
      return msg(
        html`Nobody could answer right away, so your chat is now ${link}. We will answer there.`,
      );
    }
    case 'solved':
      return msg('Glad that helped. The chat has ended.');
    case 'ended':
      return param('by') === 'staff'
        ? msg('The support team ended the chat.')
        : msg('You ended the chat.');
    default:
      return message.body;
  }
}

function renderNotice(message: ChatMessage, context: MessagesContext) {
  const code = message.notice?.code;
  return html`<p
    part=${code ? `notice notice-${code}` : 'notice'}
    class="notice"
    data-seq=${message.seq}
  >
    <span>${noticeText(message, context)}</span> ${renderTime(message.createdAt, context.locale)}
  </p>`;
}

function renderFiles(files: readonly ChatAttachment[], context: MessagesContext, sent: boolean) {
  const { api, downloads } = context;
  if (!files.length) return nothing;
  return html`<ul part="attachments" class="attachments" aria-label=${msg('Files')}>
    ${files.map(
      (file) =>
        html`<li part="attachment">
          ${
            sent && api
              ? downloads.render(api, attachmentDownload(api, file), {
                  part: 'download',
                  className: 'download',
                  label: html`<span class="visually-hidden">${msg('Download')}</span>
                    <span class="name" dir="auto">${file.name}</span>
                    <span class="size">(${formatSize(file.size)})</span>`,
                })
              : html`<span class="name" dir="auto">${file.name}</span>`
          }
        </li>`,
    )}
  </ul>`;
}

/** The bot's articles as cards, and while the bot has the chat, its two ways on. */
function renderArticles(message: ChatMessage, context: MessagesContext, latest: boolean) {
  const offer = latest && context.conversation?.status === 'bot';
  return html`
    <ul part="articles" class="articles" aria-label=${msg('Suggested articles')}>
      ${message.articles.map(
        (article) =>
          html`<li part="article" class="article" lang=${article.locale} dir="auto">
            <a
              part="article-link"
              href=${fillHref(context.helpHref, { slug: article.slug, locale: article.locale })}
              >${article.title}</a
            >
            ${article.snippet ? html`<p part="snippet" class="snippet">${article.snippet}</p>` : nothing}
          </li>`,
      )}
    </ul>
    ${
      offer
        ? html`<div part="article-actions" class="actions">
            <button
              part="solved"
              type="button"
              class="secondary"
              aria-disabled=${context.moving ? 'true' : 'false'}
              @click=${() => !context.moving && context.move('resolve')}
            >
              ${msg('That solved it')}
            </button>
            <button
              part="talk"
              type="button"
              class="primary"
              aria-disabled=${context.moving ? 'true' : 'false'}
              @click=${() => !context.moving && context.move('queue')}
            >
              ${msg('Talk to a person')}
            </button>
          </div>`
        : nothing
    }
  `;
}

function renderMessage(
  message: ChatMessage,
  context: MessagesContext,
  options: { latestArticles: boolean; withReceipt: boolean },
) {
  const role = message.author.role;
  return html`<div part="message message-${role}" class="message" data-seq=${message.seq}>
    <div class="bubble">
      ${message.body ? html`<p part="body" class="body" dir="auto">${message.body}</p>` : nothing}
      ${
        message.kind === 'articles'
          ? renderArticles(message, context, options.latestArticles)
          : nothing
      }
      ${renderFiles(message.attachments, context, true)}
    </div>
    <p part="meta" class="meta">
      ${renderTime(message.createdAt, context.locale)}
      ${options.withReceipt ? receipt(context.conversation, message.seq) : nothing}
    </p>
  </div>`;
}

function renderPending(item: Outgoing, context: MessagesContext) {
  const failed = item.state === 'failed';
  return html`<div
    part="message message-customer message-pending"
    class="message"
    data-pending=${item.state}
  >
    <div class="bubble">
      <p part="body" class="body" dir="auto">${item.body}</p>
      ${renderFiles(item.files, context, false)}
    </div>
    <p part="meta" class="meta">
      ${
        failed
          ? html`<span part="send-error" class="send-error" role="alert">${item.error}</span> ${
                item.retry
                  ? html`<button
                      part="resend"
                      type="button"
                      class="link"
                      @click=${() => context.retry(item.clientId)}
                    >
                      ${msg('Retry')}
                    </button>`
                  : nothing
              }`
          : html`<span part="receipt receipt-sending" class="receipt" data-state="sending"
              >${item.slow ? msg('Still sending…') : msg('Sending…')}</span
            >`
      }
    </p>
  </div>`;
}

/**
 * The conversation as a polite log, oldest first: runs of one author's messages under one name,
 * the customer's own on the end side with whether support received and read them, the bot's
 * articles as cards, notices as centred lines, and messages still on their way.
 */
export function renderMessages(context: MessagesContext) {
  const entries = groupsOf(context.messages, context.pending);
  const latestArticles = context.messages.findLast((message) => message.kind === 'articles')?.seq;
  return repeat(
    entries,
    (entry) =>
      entry.kind === 'notice'
        ? `n${entry.message.seq}`
        : `g${entry.messages[0]?.seq ?? `p${entry.pending[0]?.clientId}`}`,
    (entry) => {
      if (entry.kind === 'notice') return renderNotice(entry.message, context);
      const { role, name, messages, pending } = entry;
      const last = messages.at(-1);
      return html`<div part="group group-${role}" class="group" data-role=${role}>
        <p part="author" class="author">
          ${role === 'customer' ? nothing : html`<span class="name" dir="auto">${name}</span>`}
          <span part="role" class=${role === 'customer' ? 'name' : 'role'}>${roleLabel(role)}</span>
        </p>
        ${repeat(
          messages,
          (message) => message.seq,
          (message) =>
            renderMessage(message, context, {
              latestArticles: message.seq === latestArticles,
              withReceipt: role === 'customer' && message === last && !pending.length,
            }),
        )}
        ${repeat(
          pending,
          (item) => item.clientId,
          (item) => renderPending(item, context),
        )}
      </div>`;
    },
  );
}
