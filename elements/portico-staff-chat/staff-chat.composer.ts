import { html, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { renderTaskError } from '../shared/task.ts';
import type { ChatMessage, StaffChatEffects } from './staff-chat.api.ts';

/** The contract asks for typing signals at most this often while the agent types. */
const TYPING_EVERY_MS = 2_000;

export interface ComposerHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
}

export interface ComposerEffects extends StaffChatEffects {
  /** The server stored a message the agent wrote. */
  sent(conversationId: string, message: ChatMessage): void;
}

/**
 * What the agent writes: one draft per conversation, Enter sends and Shift+Enter starts a new
 * line, and the customer hears that the agent is typing (at most every two seconds, and that
 * they stopped when the draft empties or goes).
 */
export class ComposerController {
  readonly sendTask: Task<[PorticoApi, string, string, string], ChatMessage>;

  readonly #host: ComposerHost;
  readonly #drafts = new Map<string, string>();
  /** One id per draft, so a retried send after a lost answer is stored once. */
  readonly #clientIds = new Map<string, string>();
  /** The conversation the customer was last told the agent types in, and when. */
  #typingIn: string | null = null;
  #typingAt = 0;

  constructor(host: ComposerHost, effects: ComposerEffects) {
    this.#host = host;
    this.sendTask = new Task(host, {
      autoRun: false,
      task: async ([api, conversationId, body, clientId], { signal }) => {
        const message = await api.trpc.staff.chat.send.mutate(
          { conversationId, body, clientId },
          { signal },
        );
        if (this.#drafts.get(conversationId) === body) this.#drafts.delete(conversationId);
        this.#clientIds.delete(conversationId);
        if (this.#typingIn === conversationId) this.#signal(conversationId, false);
        effects.sent(conversationId, message);
        effects.focusSoon('#composer-body');
        return message;
      },
    });
  }

  /** Another conversation is on screen: the customer of the last one stops seeing "typing". */
  leave(conversationId: string | null): void {
    if (this.#typingIn && this.#typingIn !== conversationId) this.#signal(this.#typingIn, false);
  }

  render(conversationId: string) {
    const sending = this.sendTask.status === TaskStatus.PENDING;
    return html`
      <form
        part="composer"
        class="composer"
        aria-label=${msg('Reply')}
        @submit=${(event: SubmitEvent) => this.#submit(event, conversationId)}
      >
        <label for="composer-body">${msg('Message')}</label>
        <textarea
          id="composer-body"
          part="composer-body"
          name="body"
          rows="3"
          maxlength="2000"
          aria-describedby="composer-hint"
          .value=${live(this.#drafts.get(conversationId) ?? '')}
          @input=${(event: InputEvent) => this.#input(event, conversationId)}
          @keydown=${this.#keydown}
        ></textarea>
        <p id="composer-hint" class="hint">${msg('Enter sends, Shift+Enter starts a new line.')}</p>
        <div class="buttons">
          <button
            part="send"
            type="submit"
            class="primary"
            aria-disabled=${sending ? 'true' : 'false'}
            aria-busy=${sending ? 'true' : 'false'}
          >
            ${msg('Send')}
          </button>
        </div>
        ${renderTaskError(this.sendTask, undefined, 'composer-error')}
      </form>
    `;
  }

  #input(event: InputEvent, conversationId: string): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.#drafts.set(conversationId, value);
    if (!value.trim()) {
      if (this.#typingIn === conversationId) this.#signal(conversationId, false);
      return;
    }
    const now = Date.now();
    if (this.#typingIn !== conversationId || now - this.#typingAt >= TYPING_EVERY_MS) {
      this.#typingAt = now;
      this.#signal(conversationId, true);
    }
  }

  #keydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    (event.target as HTMLTextAreaElement).form?.requestSubmit();
  };

  #submit(event: SubmitEvent, conversationId: string): void {
    event.preventDefault();
    const { api } = this.#host;
    const body = (this.#drafts.get(conversationId) ?? '').trim();
    if (!api || !body || this.sendTask.status === TaskStatus.PENDING) return;
    let clientId = this.#clientIds.get(conversationId);
    if (!clientId) {
      clientId = crypto.randomUUID();
      this.#clientIds.set(conversationId, clientId);
    }
    void this.sendTask.run([api, conversationId, body, clientId]);
  }

  #signal(conversationId: string, typing: boolean): void {
    const { api } = this.#host;
    this.#typingIn = typing ? conversationId : null;
    if (!typing) this.#typingAt = 0;
    api?.trpc.staff.chat.typing.mutate({ conversationId, typing }).catch(() => {
      // Only the "typing" hint is late or missing; the message itself is unaffected.
    });
  }
}
