import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import { availabilityText, queueText, renderTaskError, type Party } from './chat.api.ts';
import type { ChatState } from './chat.state.ts';
import type { ChatOutgoing } from './chat.outgoing.ts';
import { MESSAGE_FIELD, type ChatComposer } from './chat-composer.ts';
import { renderMessages, type MessagesContext } from './chat-messages.ts';
import { isolate } from '../shared/bidi.ts';
import { formatNumber } from '../shared/format.ts';
import type { Branding } from '../shared/branding.ts';
import { renderVendorHeader } from '../shared/vendor-header.ts';

/** What the panel shows, as the element has it for this render. */
export interface PanelContext {
  party: Party;
  locale: string;
  /** The vendor's name and logo, the `header` slot's default. */
  branding: Branding | null;
  state: ChatState;
  outgoing: ChatOutgoing;
  composer: ChatComposer;
  /** The read of `chat.current`. */
  load: { status: TaskStatus; error: unknown };
  reload(): void;
  messages: Omit<
    MessagesContext,
    'conversation' | 'messages' | 'pending' | 'locale' | 'moving' | 'move' | 'retry'
  >;
  close(): void;
  restart(): void;
  onLogScroll(event: Event): void;
}

/**
 * What to focus for `selector`: itself, or for the message field (the composer) whatever stands
 * in for it. Undefined while it is not on screen yet; null when there is nothing to focus.
 */
export function focusTarget(
  root: ParentNode,
  selector: string,
  panel: { open: boolean; settled: boolean },
): HTMLElement | null | undefined {
  const find = (query: string) => root.querySelector<HTMLElement>(query);
  if (selector !== MESSAGE_FIELD) return find(selector) ?? undefined;
  if (!panel.open) return null;
  return (
    // A guest's first message needs their name and email too: those come first.
    find("[part~='visitor'] input:invalid") ??
    find(selector) ??
    find("[part~='restart']") ??
    (panel.settled ? find("[part~='close']") : undefined)
  );
}

/** The round button in the corner, with the number of unread messages while closed. */
export function renderLauncher(launcher: {
  expanded: boolean;
  unread: number;
  locale: string;
  toggle(): void;
}) {
  const { unread } = launcher;
  return html`<button
    part="launcher"
    class="launcher"
    type="button"
    aria-expanded=${launcher.expanded ? 'true' : 'false'}
    aria-controls="chat-panel"
    @click=${launcher.toggle}
  >
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4h0A2.5 2.5 0 0 1 3 13.5"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linejoin="round"
      />
    </svg>
    <span class="label">${msg('Chat with us')}</span>
    ${
      unread
        ? html`<span part="badge" class="badge" aria-hidden="true"
              >${new Intl.NumberFormat(launcher.locale).format(unread)}</span
            >
            <span class="visually-hidden">${msg(str`(${formatNumber(unread)} unread)`)}</span>`
        : nothing
    }
  </button>`;
}

function closeButton(context: PanelContext) {
  return html`<button part="close" type="button" class="icon close" @click=${context.close}>
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M6 6l12 12M18 6 6 18"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
      />
    </svg>
    <span class="visually-hidden">${msg('Close chat')}</span>
  </button>`;
}

/** The heading, who can answer and how soon, "End chat" and the close button. */
export function renderHeader(context: PanelContext) {
  const { state, party, locale } = context;
  const ending = state.open && context.outgoing.moveTask.status === TaskStatus.PENDING;
  // With an agent in the chat, who is online elsewhere is no longer news.
  const withAgent = state.conversation?.status === 'active';
  const chatting = (party === 'customer' || party === 'guest') && !withAgent;
  return html`<header part="header" class="header">
    <div class="title">
      ${renderVendorHeader(context.branding)}
      <h2 id="chat-title" part="heading">${msg('Chat with us')}</h2>
      ${
        chatting
          ? html`<p
              part="availability"
              class="availability"
              data-online=${state.availability.online ? 'true' : 'false'}
            >
              ${availabilityText(state.availability, party, locale)}
            </p>`
          : nothing
      }
    </div>
    ${
      state.open
        ? html`<button
            part="end"
            type="button"
            class="secondary end"
            aria-disabled=${ending ? 'true' : 'false'}
            @click=${() => !ending && context.outgoing.move('end')}
          >
            ${msg('End chat')}
          </button>`
        : nothing
    }
    ${closeButton(context)}
  </header>`;
}

/** Where the conversation stands: waiting in line, or with whom. */
function renderStatus(state: ChatState, locale: string) {
  const { conversation } = state;
  // Waiting while nobody is online, the chat's own notice says how the answer will come.
  const text =
    conversation?.status === 'waiting' && state.availability.online
      ? queueText(conversation, locale)
      : conversation?.status === 'active' && conversation.agent
        ? msg(str`You are chatting with ${isolate(conversation.agent.name)}.`)
        : '';
  return html`<p part="status" class="status" role="status">${text}</p>`;
}

function renderLog(context: PanelContext) {
  const { state, outgoing } = context;
  const loading = context.load.status === TaskStatus.PENDING && !state.conversation;
  const empty = !state.messages.length && !state.pending.length;
  const moving = outgoing.moveTask.status === TaskStatus.PENDING;
  return html`<div
    part="log"
    class="log"
    role="log"
    aria-live="polite"
    aria-relevant="additions"
    aria-label=${msg('Conversation')}
    aria-busy=${loading ? 'true' : 'false'}
    tabindex="0"
    @scroll=${context.onLogScroll}
  >
    ${
      state.hasEarlier && state.conversation
        ? html`<button
            part="earlier"
            type="button"
            class="secondary earlier"
            aria-disabled=${outgoing.earlierTask.status === TaskStatus.PENDING ? 'true' : 'false'}
            @click=${() => outgoing.loadEarlier()}
          >
            ${msg('Show earlier messages')}
          </button>`
        : nothing
    }
    ${
      loading
        ? html`<p part="loading" class="intro">${msg('Loading the chat…')}</p>`
        : empty
          ? html`<p part="intro" class="intro">
              ${msg(
                'Ask us anything. Our answer bot suggests help articles right away, and a person takes over when you ask.',
              )}
            </p>`
          : renderMessages({
              ...context.messages,
              conversation: state.conversation,
              messages: state.messages,
              pending: state.pending,
              locale: context.locale,
              moving,
              move: (move) => outgoing.move(move),
              retry: (clientId) => outgoing.retry(clientId),
            })
    }
  </div>`;
}

/** Below the header: the log, who is typing, the composer or "Start a new chat". */
export function renderBody(context: PanelContext) {
  const { state, party, outgoing } = context;
  if (party === 'unknown') {
    return html`<p part="loading" class="intro" role="status">${msg('Loading the chat…')}</p>`;
  }
  if (party === 'staff') {
    return html`<p part="staff-hint" class="intro">
      ${msg('You are signed in as staff. Answer chats from the staff console.')}
    </p>`;
  }
  const ended = state.conversation?.status === 'ended';
  return html`
    ${renderStatus(state, context.locale)} ${renderLog(context)}
    <p part="typing" class="typing" aria-live="polite">
      ${state.typing ? msg(str`${isolate(state.typing)} is typing…`) : nothing}
    </p>
    ${renderTaskError(context.load, context.reload)} ${renderTaskError(outgoing.moveTask)}
    ${renderTaskError(outgoing.earlierTask)}
    ${
      ended
        ? html`<div class="restart">
            <button part="restart" type="button" class="primary" @click=${context.restart}>
              ${msg('Start a new chat')}
            </button>
          </div>`
        : context.composer.render({
            askVisitor: party === 'guest' && !state.visitor && !state.open,
            withFiles: party === 'customer' && state.open,
            waiting: outgoing.starting,
          })
    }
  `;
}
