import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { formatWait, isoDuration, whoLabel, type StaffChatSummary } from './staff-chat.api.ts';

export interface QueueActions {
  /** Shows a conversation without taking it. */
  open(id: string): void;
  pickUp(id: string): void;
  /** Removes an ended chat from the agent's list. */
  dismiss(id: string): void;
  /** How long a waiting chat has waited by now, in seconds. */
  waited(summary: StaffChatSummary): number;
  /** A pick-up of this chat is on its way. */
  picking(id: string): boolean;
}

/** The chats waiting for a person, longest waiting first, each with its ticking wait. */
export function renderWaiting(
  waiting: StaffChatSummary[],
  openId: string | null,
  actions: QueueActions,
) {
  return html`
    <section part="queue" class="panel" aria-labelledby="queue-title">
      <h2 id="queue-title">
        ${msg('Waiting')} <span part="queue-count" class="count">${waiting.length}</span>
      </h2>
      ${
        waiting.length
          ? html`<ul class="rows">
              ${repeat(
                waiting,
                (chat) => chat.id,
                (chat) => renderWaitingRow(chat, chat.id === openId, actions),
              )}
            </ul>`
          : html`<p part="queue-empty" class="hint">${msg('Nobody is waiting.')}</p>`
      }
    </section>
  `;
}

function renderWaitingRow(chat: StaffChatSummary, open: boolean, actions: QueueActions) {
  const waited = actions.waited(chat);
  const picking = actions.picking(chat.id);
  return html`
    <li part="waiting" class="row" data-id=${chat.id}>
      <button
        part="open"
        type="button"
        class="link name"
        id="name-${chat.id}"
        aria-current=${open ? 'true' : 'false'}
        @click=${() => actions.open(chat.id)}
      >
        ${chat.customerName}
      </button>
      <p part="subject" class="subject">${chat.subject}</p>
      <p class="facts">
        <span part="who">${whoLabel(chat)}</span>
        <span part="waited"
          >${msg('Waiting')}
          <time datetime=${isoDuration(waited)}>${formatWait(waited)}</time></span
        >
      </p>
      <button
        part="pick-up"
        type="button"
        class="primary"
        aria-describedby="name-${chat.id}"
        aria-disabled=${picking ? 'true' : 'false'}
        aria-busy=${picking ? 'true' : 'false'}
        @click=${() => !picking && actions.pickUp(chat.id)}
      >
        ${msg('Pick up')}
      </button>
    </li>
  `;
}

/** The chats this agent has (and ended ones not yet put away); the open one is marked. */
export function renderMine(mine: StaffChatSummary[], openId: string | null, actions: QueueActions) {
  return html`
    <section part="mine" class="panel" aria-labelledby="mine-title">
      <h2 id="mine-title">${msg('Your chats')}</h2>
      ${
        mine.length
          ? html`<ul class="rows tabs">
              ${repeat(
                mine,
                (chat) => chat.id,
                (chat) => html`
                  <li part="chat" class="tab" data-id=${chat.id}>
                    <button
                      part="chat-open"
                      type="button"
                      class="tab-button"
                      aria-current=${chat.id === openId ? 'true' : 'false'}
                      @click=${() => actions.open(chat.id)}
                    >
                      <span class="name">${chat.customerName}</span>
                      ${
                        chat.unread && chat.id !== openId
                          ? html`<span part="unread" class="count"
                              >${msg(str`${chat.unread} new`)}</span
                            >`
                          : nothing
                      }
                      ${
                        chat.status === 'ended'
                          ? html`<span part="ended" class="hint">${msg('Ended')}</span>`
                          : nothing
                      }
                    </button>
                    ${
                      chat.status === 'ended'
                        ? html`<button
                            part="dismiss"
                            type="button"
                            class="secondary"
                            aria-label=${msg(str`Put away the chat with ${chat.customerName}`)}
                            @click=${() => actions.dismiss(chat.id)}
                          >
                            ×
                          </button>`
                        : nothing
                    }
                  </li>
                `,
              )}
            </ul>`
          : html`<p part="mine-empty" class="hint">${msg('You have no chats yet.')}</p>`
      }
    </section>
  `;
}
