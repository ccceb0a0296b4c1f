import { html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import { MAX_MESSAGE, type ChatAttachment, type ChatVisitor } from './chat.api.ts';
import { ChatFilesController } from './chat-attachments.ts';

export interface ComposerHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the composer shows, as the element decides it for this render. */
export interface ComposerOptions {
  /** A guest the server does not know yet: name and email come with the first message. */
  askVisitor: boolean;
  /** Files may go with the message (signed-in customers, in an open conversation). */
  withFiles: boolean;
  /** Sending waits, such as for the message that starts the conversation. */
  waiting: boolean;
}

export interface ComposerActions {
  send(body: string, files: ChatAttachment[], visitor: ChatVisitor | null): void;
  typing(active: boolean): void;
}

export const MESSAGE_FIELD = '#chat-message';

/**
 * The message box: Enter sends and Shift+Enter starts a new line (on a phone's keyboard the
 * Enter key reads "send"), files upload as soon as they are chosen, and a guest gives a name and
 * an email with the first message. The draft survives closing the panel.
 */
export class ChatComposer {
  draft = '';
  name = '';
  email = '';
  readonly files: ChatFilesController;

  readonly #host: ComposerHost;
  readonly #actions: ComposerActions;

  constructor(host: ComposerHost, actions: ComposerActions) {
    this.#host = host;
    this.#actions = actions;
    this.files = new ChatFilesController(host);
  }

  render(options: ComposerOptions) {
    const uploading = this.files.busy;
    const waiting = options.waiting || uploading;
    return html`
      <form
        part="composer"
        class="composer"
        aria-label=${msg('Write a message')}
        @submit=${(event: SubmitEvent) => this.#submit(event, options)}
      >
        ${options.askVisitor ? this.#renderVisitor() : nothing}
        ${options.withFiles ? this.files.renderFiles() : nothing}
        <div class="row">
          <label for="chat-message" class="visually-hidden">${msg('Message')}</label>
          <textarea
            id="chat-message"
            part="input"
            name="message"
            rows="1"
            maxlength=${MAX_MESSAGE}
            enterkeyhint="send"
            autocomplete="off"
            placeholder=${msg('Write a message…')}
            .value=${live(this.draft)}
            @input=${this.#handleInput}
            @keydown=${this.#handleKeydown}
          ></textarea>
          ${options.withFiles ? this.files.renderButton(false) : nothing}
          <button
            part="send"
            type="submit"
            class="primary"
            aria-disabled=${waiting ? 'true' : 'false'}
          >
            ${msg('Send')}
          </button>
        </div>
        ${
          uploading
            ? html`<p part="uploading" class="hint" role="status">
                ${msg('Waiting for the files to upload…')}
              </p>`
            : nothing
        }
      </form>
    `;
  }

  #renderVisitor() {
    return html`<fieldset part="visitor" class="visitor">
      <legend>${msg('So that we can answer you')}</legend>
      <div class="fields">
        <label>
          ${msg('Your name')}
          <input
            part="visitor-name"
            name="name"
            autocomplete="name"
            required
            maxlength="100"
            .value=${live(this.name)}
            @input=${(event: Event) => (this.name = (event.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          ${msg('Your email')}
          <input
            part="visitor-email"
            name="email"
            type="email"
            autocomplete="email"
            required
            maxlength="200"
            .value=${live(this.email)}
            @input=${(event: Event) => (this.email = (event.target as HTMLInputElement).value)}
          />
        </label>
      </div>
      <p part="sign-in-hint" class="hint">
        ${msg('Have an account? Sign in first to send files and keep this chat in your account.')}
      </p>
    </fieldset>`;
  }

  #submit(event: SubmitEvent, options: ComposerOptions): void {
    event.preventDefault();
    const body = this.draft.trim();
    const field = this.#host.renderRoot.querySelector<HTMLTextAreaElement>(MESSAGE_FIELD);
    if (!body || options.waiting || this.files.busy) {
      field?.focus();
      return;
    }
    const visitor = options.askVisitor
      ? { name: this.name.trim(), email: this.email.trim() }
      : null;
    this.#actions.send(body, options.withFiles ? this.files.uploaded : [], visitor);
    this.draft = '';
    this.files.clear();
    this.#host.requestUpdate();
    field?.focus();
  }

  #handleInput = (event: Event) => {
    const value = (event.target as HTMLTextAreaElement).value;
    const wasEmpty = !this.draft.trim();
    this.draft = value;
    if (value.trim()) this.#actions.typing(true);
    else if (!wasEmpty) this.#actions.typing(false);
  };

  #handleKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    (event.target as HTMLTextAreaElement).form?.requestSubmit();
  };
}
