import { html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { renderTaskError } from '../shared/task.ts';
import { SubmissionKey } from '../shared/request-key.ts';
import type { PorticoTicketAttachments } from '../portico-ticket-inbox/ticket-attachments.ts';
import '../portico-ticket-inbox/ticket-attachments.ts';
import {
  leaveAsLabel,
  type CannedReply,
  type LeaveAs,
  type StaffTicketDetail,
  type StaffTicketEffects,
} from './staff-tickets.api.ts';

export interface ReplyHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

interface Outgoing {
  ticketId: string;
  body: string;
  attachmentIds: string[];
  internal: boolean;
  status: LeaveAs;
}

const LEAVE_AS: readonly LeaveAs[] = ['pending', 'open', 'resolved'];

/**
 * The agent's answer box: a saved reply to start from, an "internal note" switch (colleagues
 * only, through `staff.ticket.note`), files, and what an answer leaves the ticket as.
 */
export class StaffReplyController {
  draft = '';
  internal = false;
  leaveAs: LeaveAs = 'pending';
  emptyError = '';

  readonly sendTask: Task<[PorticoApi, Outgoing], StaffTicketDetail>;
  readonly #host: ReplyHost;
  /** Sending the same answer or note again after a lost answer adds it once. */
  readonly #key = new SubmissionKey();

  constructor(host: ReplyHost, effects: StaffTicketEffects) {
    this.#host = host;
    this.sendTask = new Task(host, {
      autoRun: false,
      task: async ([api, out], { signal }) => {
        const { ticketId, body, attachmentIds } = out;
        const idempotencyKey = this.#key.for(out);
        const ticket = out.internal
          ? await api.trpc.staff.ticket.note.mutate(
              { ticketId, body, attachmentIds, idempotencyKey },
              { signal },
            )
          : await api.trpc.staff.ticket.reply.mutate(
              { ticketId, body, attachmentIds, status: out.status, idempotencyKey },
              { signal },
            );
        this.#key.answered();
        this.draft = '';
        this.#picker()?.clear();
        effects.changed(ticket);
        effects.announce(out.internal ? msg('Your note was added.') : msg('Your reply was sent.'));
        effects.focusSoon('#reply-body');
        return ticket;
      },
    });
  }

  /** Forgets the draft: another ticket is on screen. */
  reset(): void {
    this.draft = '';
    this.internal = false;
    this.leaveAs = 'pending';
    this.emptyError = '';
  }

  render(ticket: StaffTicketDetail, canned: readonly CannedReply[]) {
    const sending = this.sendTask.status === TaskStatus.PENDING;
    return html`
      <form
        part="reply-form"
        class="block reply${this.internal ? ' internal' : ''}"
        aria-labelledby="reply-title"
        novalidate
        @submit=${(event: SubmitEvent) => this.#submit(event, ticket)}
      >
        <h3 id="reply-title">${this.internal ? msg('Internal note') : msg('Reply')}</h3>
        ${
          canned.length
            ? html`<div class="inline">
                <label>
                  ${msg('Canned reply')}
                  <select part="canned" id="canned">
                    ${canned.map(
                      (reply) => html`<option value=${reply.id}>${reply.title}</option>`,
                    )}
                  </select>
                </label>
                <button
                  part="insert-canned"
                  type="button"
                  class="secondary"
                  @click=${() => this.#insert(canned)}
                >
                  ${msg('Insert')}
                </button>
              </div>`
            : nothing
        }
        <label for="reply-body">
          ${this.internal ? msg('Note for colleagues') : msg('Message to the customer')}
        </label>
        <textarea
          id="reply-body"
          part="reply-body"
          rows="6"
          maxlength="10000"
          aria-invalid=${this.emptyError ? 'true' : 'false'}
          aria-describedby=${this.emptyError ? 'reply-body-error' : nothing}
          .value=${live(this.draft)}
          @input=${(event: Event) => {
            this.draft = (event.target as HTMLTextAreaElement).value;
          }}
        ></textarea>
        ${
          this.emptyError
            ? html`<p part="field-error" id="reply-body-error" class="field-error">
                ${this.emptyError}
              </p>`
            : nothing
        }
        <label class="check">
          <input
            part="internal-toggle"
            type="checkbox"
            .checked=${live(this.internal)}
            @change=${(event: Event) => {
              this.internal = (event.target as HTMLInputElement).checked;
              this.#host.requestUpdate();
            }}
          />
          ${msg('Internal note (the customer does not see it)')}
        </label>
        ${this.internal ? nothing : this.#renderLeaveAs()}
        <portico-ticket-attachments
          part="reply-attachments"
          exportparts="add, file, progress, remove, file-error"
          ?disabled=${sending}
        ></portico-ticket-attachments>
        ${renderTaskError(this.sendTask)}
        <div class="buttons">
          <button
            part="send"
            type="submit"
            class="primary"
            aria-disabled=${sending ? 'true' : 'false'}
            aria-busy=${sending ? 'true' : 'false'}
          >
            ${this.internal ? msg('Add note') : msg('Send reply')}
          </button>
        </div>
      </form>
    `;
  }

  #renderLeaveAs() {
    return html`<label>
      ${msg('Leave as')}
      <select part="leave-as" id="leave-as">
        ${LEAVE_AS.map(
          (status) =>
            html`<option value=${status} ?selected=${this.leaveAs === status}>
              ${leaveAsLabel(status)}
            </option>`,
        )}
      </select>
    </label>`;
  }

  #leaveAs(): LeaveAs {
    const select = this.#host.renderRoot.querySelector<HTMLSelectElement>('#leave-as');
    return (select?.value as LeaveAs | undefined) ?? this.leaveAs;
  }

  #picker(): PorticoTicketAttachments | null {
    return this.#host.renderRoot.querySelector('portico-ticket-attachments');
  }

  #insert(canned: readonly CannedReply[]): void {
    const select = this.#host.renderRoot.querySelector<HTMLSelectElement>('#canned');
    const reply = canned.find((item) => item.id === select?.value);
    if (!reply) return;
    this.draft = this.draft.trim() ? `${this.draft.trimEnd()}\n\n${reply.body}` : reply.body;
    this.emptyError = '';
    this.#host.requestUpdate();
    (this.#host.renderRoot.querySelector('#reply-body') as HTMLElement | null)?.focus();
  }

  #submit(event: SubmitEvent, ticket: StaffTicketDetail): void {
    event.preventDefault();
    const api = this.#host.api;
    const picker = this.#picker();
    if (!api || this.sendTask.status === TaskStatus.PENDING || picker?.busy) return;
    const body = this.draft.trim();
    this.emptyError = body ? '' : msg('Write a message.');
    if (!body) {
      this.#host.requestUpdate();
      (this.#host.renderRoot.querySelector('#reply-body') as HTMLElement | null)?.focus();
      return;
    }
    void this.sendTask.run([
      api,
      {
        ticketId: ticket.id,
        body,
        attachmentIds: picker?.ids ?? [],
        internal: this.internal,
        status: this.#leaveAs(),
      },
    ]);
  }
}
