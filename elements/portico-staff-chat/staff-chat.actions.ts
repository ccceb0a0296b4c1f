import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { renderTaskError } from '../shared/task.ts';
import type { StaffAgent, StaffChatEffects, StaffChatSummary } from './staff-chat.api.ts';

export type Move = 'pick-up' | 'transfer' | 'end' | 'to-ticket';

export interface ActionsHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
}

export interface ActionEffects extends StaffChatEffects {
  /** The server answered a move with the chat as it is now. */
  changed(summary: StaffChatSummary): void;
  /** The chat became a ticket; the conversation's own event follows. */
  ticketMade(conversationId: string): void;
}

/**
 * What the agent does with a chat: pick it up from the queue, pass it to another agent, end it,
 * or turn it into a ticket (customers with an account only; a visitor has nowhere to see one).
 */
export class ChatActionsController {
  /** The agent chosen in the Transfer list. */
  transferTo = '';

  readonly moveTask: Task<[PorticoApi, Move, string, string], unknown>;

  readonly #host: ActionsHost;
  /** The conversation the last move was for, and what it was. */
  #target = '';
  #move: Move | null = null;

  constructor(host: ActionsHost, effects: ActionEffects) {
    this.#host = host;
    this.moveTask = new Task(host, {
      autoRun: false,
      task: async ([api, move, conversationId, agentId], { signal }) => {
        const chat = api.trpc.staff.chat;
        switch (move) {
          case 'pick-up': {
            const summary = await chat.pickUp.mutate({ conversationId }, { signal });
            effects.changed(summary);
            effects.announce(msg(str`You have the chat with ${summary.customerName}.`));
            effects.focusSoon('#composer-body');
            return summary;
          }
          case 'transfer': {
            const summary = await chat.transfer.mutate({ conversationId, agentId }, { signal });
            this.transferTo = '';
            effects.changed(summary);
            effects.announce(msg(str`The chat went to ${summary.agent?.name ?? ''}.`));
            effects.focusSoon('#chat-title');
            return summary;
          }
          case 'end': {
            const summary = await chat.end.mutate({ conversationId }, { signal });
            effects.changed(summary);
            effects.announce(msg('The chat has ended.'));
            effects.focusSoon('#chat-title');
            return summary;
          }
          case 'to-ticket': {
            const ticket = await chat.toTicket.mutate({ conversationId }, { signal });
            effects.ticketMade(conversationId);
            effects.announce(msg(str`The chat is now ticket ${ticket.number}.`));
            effects.focusSoon('#chat-title');
            return ticket;
          }
        }
      },
    });
  }

  /** A pick-up of `conversationId` is on its way. */
  pending(conversationId: string, move?: Move): boolean {
    if (this.moveTask.status !== TaskStatus.PENDING || this.#target !== conversationId)
      return false;
    return !move || this.#move === move;
  }

  run(move: Move, conversationId: string): void {
    const { api } = this.#host;
    if (!api || this.moveTask.status === TaskStatus.PENDING) return;
    if (move === 'transfer' && !this.transferTo) return;
    this.#target = conversationId;
    this.#move = move;
    void this.moveTask.run([api, move, conversationId, this.transferTo]);
  }

  render(conversation: StaffChatSummary, staffId: string | null, agents: StaffAgent[]) {
    const mine = conversation.status === 'active' && conversation.agent?.id === staffId;
    const waiting = conversation.status === 'waiting' || conversation.status === 'bot';
    const error =
      this.#target === conversation.id
        ? renderTaskError(this.moveTask, undefined, 'move-error')
        : nothing;
    if (!mine && !waiting) return error;
    return html`
      <div part="actions" class="actions buttons">
        ${waiting ? this.#button(conversation, 'pick-up', msg('Pick up'), 'primary') : nothing}
        ${mine ? this.#renderTransfer(conversation, staffId, agents) : nothing}
        ${mine ? this.#button(conversation, 'end', msg('End chat')) : nothing}
        ${
          mine && !conversation.visitor && conversation.account
            ? this.#button(conversation, 'to-ticket', msg('Turn into ticket'))
            : nothing
        }
      </div>
      ${error}
    `;
  }

  #renderTransfer(conversation: StaffChatSummary, staffId: string | null, agents: StaffAgent[]) {
    const others = agents.filter((agent) => agent.id !== staffId);
    return html`
      <div class="transfer">
        <label for="transfer-to">${msg('Transfer to')}</label>
        <select
          id="transfer-to"
          part="transfer-to"
          ?disabled=${!others.length}
          @input=${(event: Event) => {
            this.transferTo = (event.target as HTMLSelectElement).value;
            this.#host.requestUpdate();
          }}
        >
          <option value="" ?selected=${!this.transferTo}>
            ${others.length ? msg('Choose an agent') : msg('No other agents')}
          </option>
          ${others.map(
            (agent) =>
              html`<option value=${agent.id} ?selected=${agent.id === this.transferTo}>
                ${agent.online ? agent.name : msg(str`${agent.name} (offline)`)}
              </option>`,
          )}
        </select>
        ${this.#button(conversation, 'transfer', msg('Transfer'), 'secondary', !this.transferTo)}
      </div>
    `;
  }

  #button(
    conversation: StaffChatSummary,
    move: Move,
    label: string,
    look = 'secondary',
    unavailable = false,
  ) {
    const busy = this.pending(conversation.id, move);
    return html`<button
      part=${move}
      type="button"
      class=${look}
      aria-disabled=${busy || unavailable ? 'true' : 'false'}
      aria-busy=${busy ? 'true' : 'false'}
      @click=${() => !unavailable && this.run(move, conversation.id)}
    >
      ${label}
    </button>`;
  }
}
