import { html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { TRPCClientError } from '@trpc/client';
import type { PorticoApi } from '../api/client.ts';
import { SubmissionKey } from '../shared/request-key.ts';
import type { PorticoTicketAttachments } from './ticket-attachments.ts';
import './ticket-attachments.ts';
import { renderTaskError, type ThreadEffects, type TicketDetail } from './ticket-thread.api.ts';

export interface ReplyHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

type Move = 'close' | 'reopen';

/** The server's message about the body, when the reply was refused for it. */
function bodyError(error: unknown): string {
  const data = error instanceof TRPCClientError ? (error.data as Record<string, unknown>) : null;
  const fields = (data?.['fieldErrors'] as Record<string, string[]> | null | undefined) ?? {};
  return fields['body']?.[0] ?? '';
}

/**
 * What the customer writes and does on an open thread: answer with text and files, close the
 * ticket, or reopen a resolved or closed one. The server says which are allowed (`can`) and
 * answers each with the ticket as it is now.
 */
export class ReplyController {
  /** The reply being written; kept while the ticket stays on screen. */
  draft = '';
  /** Shown when the customer sends an empty reply, before asking the server. */
  emptyError = '';

  readonly replyTask: Task<[PorticoApi, string, string, string[]], TicketDetail>;
  readonly moveTask: Task<[PorticoApi, string, Move], TicketDetail>;

  readonly #host: ReplyHost;
  /** Sending the same reply again after a lost answer adds it once. */
  readonly #key = new SubmissionKey();
  /** The attachments picker is busy uploading, so the reply cannot go yet. */
  #uploading = false;

  constructor(host: ReplyHost, effects: ThreadEffects) {
    this.#host = host;
    this.replyTask = new Task(host, {
      autoRun: false,
      task: async ([api, ticketId, body, attachmentIds], { signal }) => {
        try {
          const reply = { ticketId, body, attachmentIds };
          const ticket = await api.trpc.ticket.reply.mutate(
            { ...reply, idempotencyKey: this.#key.for(reply) },
            { signal },
          );
          this.#key.answered();
          if (!effects.changed(ticket)) return ticket;
          this.draft = '';
          this.#picker()?.clear();
          effects.announce(msg('Your reply was sent.'));
          effects.focusSoon('#reply-body');
          return ticket;
        } catch (error) {
          if (bodyError(error)) effects.focusSoon('#reply-body');
          throw error;
        }
      },
    });
    this.moveTask = new Task(host, {
      autoRun: false,
      task: async ([api, ticketId, move], { signal }) => {
        const ticket =
          move === 'close'
            ? await api.trpc.ticket.close.mutate({ ticketId }, { signal })
            : await api.trpc.ticket.reopen.mutate({ ticketId }, { signal });
        if (!effects.changed(ticket)) return ticket;
        effects.announce(
          move === 'close' ? msg('The ticket is closed.') : msg('The ticket is open again.'),
        );
        // The button pressed is gone; its counterpart takes its place under the keyboard.
        effects.focusSoon(move === 'close' ? "[part~='reopen']" : "[part~='close']");
        return ticket;
      },
    });
  }

  /** Forgets the draft and any outcome: another ticket is on screen. */
  reset(): void {
    this.draft = '';
    this.emptyError = '';
    this.#uploading = false;
  }

  /** Close or Reopen, as the ticket allows. */
  renderMoves(ticket: TicketDetail) {
    const { can } = ticket;
    if (!can.close && !can.reopen) return nothing;
    const pending = this.moveTask.status === TaskStatus.PENDING;
    const move: Move = can.close ? 'close' : 'reopen';
    return html`
      <div class="buttons">
        <button
          part=${move}
          type="button"
          class="secondary"
          aria-disabled=${pending ? 'true' : 'false'}
          aria-busy=${pending ? 'true' : 'false'}
          @click=${() => this.#move(ticket, move)}
        >
          ${move === 'close' ? msg('Close ticket') : msg('Reopen ticket')}
        </button>
      </div>
      ${renderTaskError(this.moveTask, undefined, 'move-error')}
    `;
  }

  /** The answer form, while the ticket takes answers. */
  renderForm(ticket: TicketDetail) {
    if (!ticket.can.reply) return nothing;
    const sending = this.replyTask.status === TaskStatus.PENDING;
    const serverError =
      this.replyTask.status === TaskStatus.ERROR ? bodyError(this.replyTask.error) : '';
    const fieldError = this.emptyError || serverError;
    return html`
      <form
        part="reply-form"
        class="block"
        aria-labelledby="reply-title"
        novalidate
        @submit=${(event: SubmitEvent) => this.#submit(event, ticket)}
      >
        <h3 id="reply-title" part="section-heading">${msg('Reply')}</h3>
        <label for="reply-body">${msg('Your message')}</label>
        <textarea
          id="reply-body"
          part="reply-body"
          name="body"
          rows="5"
          maxlength="10000"
          aria-invalid=${fieldError ? 'true' : 'false'}
          aria-describedby=${fieldError ? 'reply-body-error' : nothing}
          .value=${live(this.draft)}
          @input=${this.#handleInput}
        ></textarea>
        ${
          fieldError
            ? html`<p part="field-error" id="reply-body-error" class="field-error">
                ${fieldError}
              </p>`
            : nothing
        }
        <portico-ticket-attachments
          part="reply-attachments"
          exportparts="add, file, progress, remove, file-error"
          ?disabled=${sending}
          @portico-attachments-change=${this.#handleFiles}
        ></portico-ticket-attachments>
        ${serverError ? nothing : renderTaskError(this.replyTask)}
        <div class="buttons">
          <button
            part="send"
            type="submit"
            class="primary"
            ?disabled=${this.#uploading}
            aria-disabled=${sending ? 'true' : 'false'}
            aria-busy=${sending ? 'true' : 'false'}
          >
            ${sending ? msg('Sending…') : msg('Send reply')}
          </button>
          ${this.#uploading ? html`<span class="hint">${msg('Waiting for the files…')}</span>` : nothing}
        </div>
      </form>
    `;
  }

  #picker(): PorticoTicketAttachments | null {
    return this.#host.renderRoot.querySelector('portico-ticket-attachments');
  }

  #move(ticket: TicketDetail, move: Move): void {
    const api = this.#host.api;
    if (!api || this.moveTask.status === TaskStatus.PENDING) return;
    void this.moveTask.run([api, ticket.id, move]);
  }

  #submit(event: SubmitEvent, ticket: TicketDetail): void {
    event.preventDefault();
    const api = this.#host.api;
    const picker = this.#picker();
    if (!api || this.replyTask.status === TaskStatus.PENDING || picker?.busy) return;
    const body = this.draft.trim();
    this.emptyError = body ? '' : msg('Write a message.');
    if (!body) {
      this.#host.requestUpdate();
      (this.#host.renderRoot.querySelector('#reply-body') as HTMLElement | null)?.focus();
      return;
    }
    void this.replyTask.run([api, ticket.id, body, picker?.ids ?? []]);
  }

  #handleInput = (event: Event) => {
    this.draft = (event.target as HTMLTextAreaElement).value;
    if (this.emptyError && this.draft.trim()) {
      this.emptyError = '';
      this.#host.requestUpdate();
    }
  };

  #handleFiles = (event: Event) => {
    const picker = event.currentTarget as PorticoTicketAttachments;
    const uploading = picker.busy;
    if (uploading === this.#uploading) return;
    this.#uploading = uploading;
    this.#host.requestUpdate();
  };
}
