import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { renderTaskError } from '../shared/task.ts';
import {
  statusLabel,
  whoLabel,
  type StaffChatSummary,
  type StaffQueue,
} from '../portico-staff-chat/staff-chat.api.ts';
import { sinceLabel, type QueueFilter } from './staff-tickets.api.ts';

/** How often the chats at the top of the queue are read again while it is on screen. */
export const CHATS_EVERY_MS = 20_000;

export interface QueueChatsSource {
  api(): PorticoApi | undefined;
  /** The queue is on screen to a staff member and its filters let chats in. */
  shown(): boolean;
  /** Bumped whenever the ticket list is read again: the chats are read with it. */
  reads(): number;
}

/**
 * The waiting and active live chats (`staff.chat.queue`) for the top of the ticket queue: read
 * with the ticket list, and every 20 seconds while the queue shows them.
 */
export class QueueChatsController implements ReactiveController {
  readonly task: Task<readonly [PorticoApi | undefined, boolean, number, number], StaffQueue>;
  readonly #host: ReactiveControllerHost;
  readonly #source: QueueChatsSource;
  #ticks = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost, source: QueueChatsSource) {
    this.#host = host;
    this.#source = source;
    this.task = new Task(host, {
      args: () => [source.api(), source.shown(), source.reads(), this.#ticks] as const,
      task: async ([api, shown, reads], { signal }) =>
        api && shown && reads
          ? api.trpc.staff.chat.queue.query(undefined, { signal })
          : initialState,
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.#keepTime();
  }

  hostUpdated(): void {
    this.#keepTime();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  /** The chats the filter keeps as rows, or why they could not be read. */
  render(filter: QueueFilter, staffId: string) {
    const queue = this.#source.shown() ? this.task.value : undefined;
    return html`
      ${renderTaskError(this.task, () => void this.task.run())}
      ${renderChats(chatsMatching(queue, filter, staffId), filter.kind === 'chat')}
    `;
  }

  #keepTime(): void {
    const on = Boolean(this.#source.api()) && this.#source.shown();
    if (on && this.#timer === undefined) {
      this.#timer = setInterval(() => {
        this.#ticks += 1;
        this.#host.requestUpdate();
      }, CHATS_EVERY_MS);
    } else if (!on) {
      this.#stop();
    }
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

/** Chats have no status, priority or tag of a ticket: those filters leave them out. */
export function chatsAllowed(filter: QueueFilter): boolean {
  return (
    (filter.kind === '' || filter.kind === 'chat') &&
    !filter.status &&
    !filter.priority &&
    !filter.tag.trim()
  );
}

/**
 * The chats the queue's filters keep: waiting ones (longest first), then active ones. Words
 * match the customer, their account and the chat's subject; "Unassigned" keeps the waiting
 * ones; "Unread only" the waiting ones and those with unread words; a wait, the waiting ones
 * queued longer ago.
 */
export function chatsMatching(
  queue: StaffQueue | undefined,
  filter: QueueFilter,
  staffId: string,
  now = Date.now(),
): StaffChatSummary[] {
  if (!queue || !chatsAllowed(filter)) return [];
  const words = filter.query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const minutes = Number(filter.waiting) || 0;
  const agentId = filter.assignee === 'me' ? staffId : filter.assignee;
  return [...queue.waiting, ...queue.active].filter((chat) => {
    const text = [chat.customerName, chat.customerEmail, chat.subject, chat.account?.name ?? '']
      .join(' ')
      .toLocaleLowerCase();
    const waiting = chat.status === 'waiting';
    const waitedMs = chat.queuedAt ? now - Date.parse(chat.queuedAt) : 0;
    return (
      words.every((word) => text.includes(word)) &&
      (!agentId || (agentId === 'none' ? !chat.agent : chat.agent?.id === agentId)) &&
      (!filter.unreadOnly || waiting || chat.unread > 0) &&
      (!minutes || (waiting && waitedMs > minutes * 60_000))
    );
  });
}

/** The live chats as rows of kind "Chat" above the tickets, each with a link to the chats view. */
export function renderChats(chats: readonly StaffChatSummary[], onlyChats: boolean) {
  if (!chats.length) {
    return onlyChats
      ? html`<p part="chats-empty" class="hint">${msg('No live chat is waiting or active.')}</p>`
      : nothing;
  }
  return html`<ul part="chats" class="rows" aria-label=${msg('Live chats')}>
    ${repeat(chats, (chat) => chat.id, renderChat)}
  </ul>`;
}

function renderChat(chat: StaffChatSummary) {
  const waiting = chat.status === 'waiting' && chat.queuedAt;
  return html`
    <li part="chat-row${waiting ? ' chat-waiting' : ''}" class="row chat-row" data-id=${chat.id}>
      <p class="row-title">
        <span part="kind" class="kind-chat">${msg('Chat')}</span>
        <span part="customer" id="chat-${chat.id}">${chat.customerName}</span>
        <a part="open-chat" href="#chats" aria-describedby="chat-${chat.id}"
          >${msg('Open in chats')}</a
        >
      </p>
      <p class="row-facts">
        <span part="who">${whoLabel(chat)}</span>
        <span part="chat-status">
          ${chat.agent ? msg(str`Active with ${chat.agent.name}`) : statusLabel(chat.status)}
        </span>
        ${
          waiting
            ? html`<span part="waited waited-customer">
                ${msg('Customer waiting')}
                <time datetime=${waiting}>${sinceLabel(waiting)}</time>
              </span>`
            : html`<span part="waited">
                ${msg('Last message')}
                <time datetime=${chat.lastMessageAt}>${sinceLabel(chat.lastMessageAt)}</time>
              </span>`
        }
        ${chat.subject ? html`<span part="chat-subject">${chat.subject}</span>` : nothing}
      </p>
    </li>
  `;
}
