import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { StaffView } from '../shared/staff-view.ts';
import { renderTaskError } from '../shared/task.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { ChatActionsController } from './staff-chat.actions.ts';
import { ChatBoard } from './staff-chat.board.ts';
import {
  statusLabel,
  whoLabel,
  type StaffChatEffects,
  type StaffChatEvent,
  type StaffChatSummary,
} from './staff-chat.api.ts';
import { ComposerController } from './staff-chat.composer.ts';
import { ConversationController } from './staff-chat.conversation.ts';
import { StaffChatLiveController } from './staff-chat.live.ts';
import { renderMessages } from './staff-chat.messages.ts';
import { renderMine, renderWaiting, type QueueActions } from './staff-chat.queue.ts';
import { styles } from './portico-staff-chat.styles.ts';

/**
 * The agent's side of live chat, until the staff console takes it in: the chats waiting for a
 * person with how long each has waited, the chats this agent has, and the open conversation
 * with its messages, the customer's typing, read marks and a composer. While it is on screen the
 * agent counts as online, so customers are offered a person.
 *
 * @summary Answer live chats: queue, own chats and the open conversation.
 * @csspart console - The whole view for a signed-in staff member.
 * @csspart connection - Whether the agent is online (hearing chats as they happen) or away.
 * @csspart away - The "Away" switch (a toggle button): customers are not offered an agent away.
 * @csspart queue - The chats waiting for a person.
 * @csspart queue-count - How many chats wait.
 * @csspart queue-empty - The line shown when nobody waits.
 * @csspart waiting - One waiting chat: customer, subject, visitor or account, and the wait.
 * @csspart open - The button with a chat's customer name that shows the conversation.
 * @csspart subject - What a chat is about (its first message).
 * @csspart who - "Visitor", or the customer's account.
 * @csspart waited - How long a chat has waited; it ticks.
 * @csspart pick-up - The "Pick up" button.
 * @csspart mine - The chats this agent has.
 * @csspart mine-empty - The line shown when the agent has no chats.
 * @csspart chat - One of the agent's chats.
 * @csspart chat-open - The button that shows one of the agent's chats.
 * @csspart unread - How many customer messages the agent has not seen in a chat.
 * @csspart ended - The mark of an ended chat in the agent's list.
 * @csspart dismiss - The button that puts an ended chat away.
 * @csspart conversation - The open conversation.
 * @csspart heading - The open conversation's customer name.
 * @csspart status - The open conversation's status.
 * @csspart actions - Pick up, Transfer, End chat and Turn into ticket.
 * @csspart transfer-to - The list of agents to pass the chat to.
 * @csspart transfer - The "Transfer" button.
 * @csspart end - The "End chat" button.
 * @csspart to-ticket - The "Turn into ticket" button.
 * @csspart earlier - The "Show earlier messages" button.
 * @csspart messages - The conversation's log, oldest first.
 * @csspart message - One message (also `message-customer`, `message-staff`, `message-bot`,
 *   `message-system`).
 * @csspart message-system - A notice in the conversation rather than a person's words.
 * @csspart author - A message's author.
 * @csspart role - Who the author is, in words (for screen readers).
 * @csspart time - When a message was written.
 * @csspart body - A message's text, or a notice's.
 * @csspart articles - The articles the bot offered, as titles.
 * @csspart article - One offered article's title.
 * @csspart files - A message's attached files.
 * @csspart file - One attached file.
 * @csspart receipt - "Sent", "Delivered" or "Read" under the agent side's messages.
 * @csspart typing - "… is typing" while the customer types.
 * @csspart composer - The form the agent writes in.
 * @csspart composer-body - The message field.
 * @csspart send - The "Send" button.
 * @csspart no-chat - The hint shown while no conversation is open.
 * @csspart error - The message shown when something failed, with `role="alert"`.
 * @csspart retry - The "Try again" button beside a failed read.
 * @csspart signed-out - The line shown to anyone not signed in as staff.
 * @cssproperty --gap - Space between the blocks. Default: `var(--portico-space, 1rem)`.
 * @cssproperty --side-width - The width of the queue column on wide screens. Default: `20rem`.
 * @cssproperty --log-height - The height of the message log. Default: `24rem`.
 * @cssstate live - The agent hears chats as they happen and counts as online.
 */
@customElement('portico-staff-chat')
@localized()
export class PorticoStaffChat extends StaffView {
  static override styles = [hostStyles, formStyles, viewStyles, styles];

  /** The conversation on screen, or null. */
  @state() private opened: string | null = null;
  /** What the live region last said, such as "Anna is waiting for a person." */
  @state() private announcement = '';
  /** Bumped when the live stream (re)connects: the queue is read again. */
  @state() private syncs = 0;
  /** The away switch is on its way to the server. */
  @state() private switchingAway = false;

  private board = new ChatBoard(
    () => this.staffId,
    () => this.opened,
  );
  private ticker: ReturnType<typeof setInterval> | undefined;

  private readonly internals = this.attachInternals();

  private effects: StaffChatEffects = {
    focusSoon: (selector) => this.focusSoon(selector),
    announce: (text) => (this.announcement = text),
  };

  private conversation = new ConversationController(this);

  private composer = new ComposerController(this, {
    ...this.effects,
    sent: (conversationId, message) => this.conversation.receive(conversationId, message),
  });

  private actions = new ChatActionsController(this, {
    ...this.effects,
    changed: (summary) => this.upsert(summary),
    ticketMade: () => void this.conversation.refresh(),
  });

  private queueTask = new Task(this, {
    args: () => [this.api, this.staffId, this.syncs] as const,
    task: async ([api, staffId], { signal }) => {
      if (!api || !staffId) return initialState;
      const queue = await api.trpc.staff.chat.queue.query(undefined, { signal });
      this.board.applyQueue(queue);
      this.requestUpdate();
      return queue;
    },
  });

  private live = new StaffChatLiveController(this, {
    synced: () => {
      this.syncs += 1;
      void this.conversation.refresh();
    },
    event: (event) => this.handleEvent(event),
    liveChanged: (live) => {
      if (live) this.internals.states.add('live');
      else this.internals.states.delete('live');
      this.requestUpdate();
    },
  });

  /** The conversation on screen, or null. */
  get openId(): string | null {
    return this.opened;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.ticker = setInterval(() => {
      if (this.board.waiting().length) this.requestUpdate();
    }, 1_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
  }

  override render() {
    if (!this.staffId) {
      return this.renderNotStaff(msg('Sign in with a staff account to answer chats.'));
    }
    const queueActions: QueueActions = {
      open: (id) => this.open(id),
      pickUp: (id) => {
        this.open(id);
        this.actions.run('pick-up', id);
      },
      dismiss: (id) => this.dismiss(id),
      waited: (summary) => this.board.waited(summary),
      picking: (id) => this.actions.pending(id, 'pick-up'),
    };
    return html`
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      <div part="console" class="console">
        <div class="side">
          ${this.renderConnection()}
          ${renderTaskError(this.queueTask, () => void this.queueTask.run())}
          ${renderMine(this.board.mine(), this.openId, queueActions)}
          ${renderWaiting(this.board.waiting(), this.openId, queueActions)}
        </div>
        ${this.renderConversation()}
      </div>
    `;
  }

  /** Online, away or connecting, and the switch between available and away. */
  private renderConnection() {
    const away = this.board.agents.some((agent) => agent.id === this.staffId && agent.away);
    const line = !this.live.live
      ? msg('Connecting… customers cannot reach you yet.')
      : away
        ? msg('Away: customers are not offered a person while you are away.')
        : msg('Online: customers can reach you.');
    return html`<p part="connection" class="connection" role="status">${line}</p>
      ${
        this.live.live
          ? html`<button
              part="away"
              type="button"
              aria-pressed=${away ? 'true' : 'false'}
              ?disabled=${this.switchingAway}
              @click=${() => void this.setAway(!away)}
            >
              ${msg('Away')}
            </button>`
          : nothing
      }`;
  }

  private async setAway(away: boolean): Promise<void> {
    if (!this.api) return;
    this.switchingAway = true;
    try {
      // The presence event that follows shows the new state.
      await this.api.trpc.staff.chat.setAway.mutate({ away });
    } catch (error) {
      console.warn('Portico: the away switch failed', error);
    } finally {
      this.switchingAway = false;
    }
  }

  private renderConversation() {
    const conversation = this.conversation.conversation;
    if (!this.openId) {
      return html`<p part="no-chat" class="hint no-chat">
        ${msg('Pick up a waiting chat, or open one of yours.')}
      </p>`;
    }
    const loading = this.conversation.loadTask.status === TaskStatus.PENDING && !conversation;
    const mine = conversation?.status === 'active' && conversation.agent?.id === this.staffId;
    return html`
      <section
        part="conversation"
        class="conversation"
        aria-labelledby="chat-title"
        aria-busy=${loading ? 'true' : 'false'}
      >
        <h2 id="chat-title" part="heading" tabindex="-1">
          ${conversation?.customerName ?? msg('Chat')}
        </h2>
        ${loading ? html`<p role="status">${msg('Loading the chat…')}</p>` : nothing}
        ${renderTaskError(this.conversation.loadTask, () => void this.conversation.loadTask.run())}
        ${conversation ? this.renderOpen(conversation, mine) : nothing}
      </section>
    `;
  }

  private renderOpen(conversation: StaffChatSummary, mine: boolean) {
    const { messages, hasEarlier, typing } = this.conversation;
    const earlierPending = this.conversation.earlierTask.status === TaskStatus.PENDING;
    return html`
      <p class="facts">
        <span part="status">${statusLabel(conversation.status)}</span>
        <span>${whoLabel(conversation)}</span>
        <span>${conversation.customerEmail}</span>
        ${
          conversation.agent && !mine
            ? html`<span>${msg(str`With ${conversation.agent.name}`)}</span>`
            : nothing
        }
        ${
          conversation.ticket
            ? html`<span>${msg(str`Ticket ${conversation.ticket.number}`)}</span>`
            : nothing
        }
      </p>
      <p part="subject" class="subject">${conversation.subject}</p>
      ${this.actions.render(conversation, this.staffId, this.board.agents)}
      ${
        hasEarlier
          ? html`<button
              part="earlier"
              type="button"
              class="secondary"
              aria-busy=${earlierPending ? 'true' : 'false'}
              @click=${() => this.conversation.loadEarlier()}
            >
              ${msg('Show earlier messages')}
            </button>`
          : nothing
      }
      ${renderTaskError(this.conversation.earlierTask)}
      ${renderMessages(conversation, messages, this.api?.url ?? '')}
      <p part="typing" class="typing" role="status">
        ${typing ? msg(str`${typing} is typing…`) : nothing}
      </p>
      ${mine ? this.composer.render(conversation.id) : nothing}
    `;
  }

  private open(id: string): void {
    this.composer.leave(id);
    if (this.opened === id) return;
    this.opened = id;
    this.board.clearUnread(id);
  }

  private dismiss(id: string): void {
    this.board.dismiss(id);
    if (this.opened === id) {
      this.opened = null;
      this.focusSoon('#mine-title');
    }
    this.requestUpdate();
  }

  /** A chat's new state, from the stream or from the answer to the agent's own move. */
  private upsert(summary: StaffChatSummary): void {
    const news = this.board.upsert(summary);
    if (news) this.announcement = news;
    this.conversation.changed(summary);
    this.requestUpdate();
  }

  private handleEvent(event: StaffChatEvent): void {
    switch (event.type) {
      case 'presence':
        this.board.agents = event.agents;
        this.requestUpdate();
        return;
      case 'conversation':
        this.upsert(event.conversation);
        return;
      case 'message': {
        const { conversationId, message } = event;
        if (conversationId === this.openId) {
          this.conversation.receive(conversationId, message);
          return;
        }
        if (message.author.role === 'customer' && this.board.countUnread(conversationId)) {
          this.requestUpdate();
        }
        return;
      }
      case 'typing':
        if (event.role === 'customer') {
          this.conversation.typingChanged(event.conversationId, event.name, event.typing);
        }
        return;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-staff-chat': PorticoStaffChat;
  }
}
