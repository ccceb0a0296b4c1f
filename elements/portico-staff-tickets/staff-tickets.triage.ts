import { html, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { renderTaskError } from '../shared/task.ts';
import {
  priorityLabel,
  statusLabel,
  TAG_PATTERN,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type Agent,
  type StaffTicketDetail,
  type StaffTicketEffects,
  type TicketPriority,
  type TicketStatus,
} from './staff-tickets.api.ts';
import { renderAgentOptions } from './staff-tickets.queue.ts';

export interface TriageHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
}

type Change =
  | { kind: 'status'; status: TicketStatus }
  | { kind: 'priority'; priority: TicketPriority }
  | { kind: 'assign'; assigneeId: string | null }
  | { kind: 'tags'; tags: string[] };

/** Status, priority, assignee and tags of the open ticket; each change answers the ticket. */
export class TriageController {
  readonly changeTask: Task<[PorticoApi, string, Change[]], StaffTicketDetail | undefined>;
  tagError = '';
  readonly #host: TriageHost;

  constructor(host: TriageHost, effects: StaffTicketEffects) {
    this.#host = host;
    this.changeTask = new Task(host, {
      autoRun: false,
      task: async ([api, ticketId, changes], { signal }) => {
        let ticket: StaffTicketDetail | undefined;
        for (const change of changes) ticket = await this.#apply(api, ticketId, change, signal);
        if (!ticket) return ticket;
        effects.changed(ticket);
        effects.announce(msg('The ticket was changed.'));
        return ticket;
      },
    });
  }

  #apply(api: PorticoApi, ticketId: string, change: Change, signal: AbortSignal) {
    const staff = api.trpc.staff.ticket;
    return change.kind === 'status'
      ? staff.setStatus.mutate({ ticketId, status: change.status }, { signal })
      : change.kind === 'priority'
        ? staff.setPriority.mutate({ ticketId, priority: change.priority }, { signal })
        : change.kind === 'assign'
          ? staff.assign.mutate({ ticketId, assigneeId: change.assigneeId }, { signal })
          : staff.setTags.mutate({ ticketId, tags: change.tags }, { signal });
  }

  render(ticket: StaffTicketDetail, agents: readonly Agent[], staffId: string) {
    const busy = this.changeTask.status === TaskStatus.PENDING;
    const assignee = ticket.assignee?.id ?? 'none';
    return html`
      <form
        part="triage"
        class="triage"
        aria-label=${msg('Triage')}
        aria-busy=${busy ? 'true' : 'false'}
        @submit=${(event: SubmitEvent) => this.#save(event, ticket)}
      >
        <label>
          ${msg('Status')}
          <select part="status-select" name="status">
            ${TICKET_STATUSES.map(
              (status) =>
                html`<option value=${status} ?selected=${ticket.status === status}>
                  ${statusLabel(status)}
                </option>`,
            )}
          </select>
        </label>
        <label>
          ${msg('Priority')}
          <select part="priority-select" name="priority">
            ${TICKET_PRIORITIES.map(
              (priority) =>
                html`<option value=${priority} ?selected=${ticket.priority === priority}>
                  ${priorityLabel(priority)}
                </option>`,
            )}
          </select>
        </label>
        <label>
          ${msg('Assignee')}
          <select part="assignee-select" name="assignee">
            <option value="none" ?selected=${assignee === 'none'}>${msg('Unassigned')}</option>
            <option value=${staffId} ?selected=${assignee === staffId}>${msg('Me')}</option>
            ${renderAgentOptions(agents, assignee, staffId)}
          </select>
        </label>
        <button part="save-triage" type="submit" class="secondary" ?disabled=${busy}>
          ${msg('Save changes')}
        </button>
      </form>
      ${this.#renderTags(ticket, busy)} ${renderTaskError(this.changeTask)}
    `;
  }

  #renderTags(ticket: StaffTicketDetail, busy: boolean) {
    return html`
      <div class="tags-edit">
        <ul part="tags" class="tags" aria-label=${msg('Tags')}>
          ${ticket.tags.map(
            (tag) =>
              html`<li part="tag" class="tag">
                ${tag}
                <button
                  part="remove-tag"
                  type="button"
                  class="secondary"
                  aria-label=${msg(str`Remove tag ${tag}`)}
                  ?disabled=${busy}
                  @click=${() =>
                    this.#run(ticket, { kind: 'tags', tags: ticket.tags.filter((t) => t !== tag) })}
                >
                  ×
                </button>
              </li>`,
          )}
        </ul>
        <form
          part="tag-form"
          class="inline"
          @submit=${(event: SubmitEvent) => this.#addTag(event, ticket)}
        >
          <label>
            ${msg('New tag')}
            <input
              part="tag-input"
              name="tag"
              type="text"
              maxlength="30"
              autocomplete="off"
              aria-invalid=${this.tagError ? 'true' : 'false'}
            />
          </label>
          <button part="add-tag" type="submit" class="secondary" ?disabled=${busy}>
            ${msg('Add tag')}
          </button>
          ${this.tagError ? html`<p part="field-error" role="alert">${this.tagError}</p>` : ''}
        </form>
      </div>
    `;
  }

  #addTag(event: SubmitEvent, ticket: StaffTicketDetail): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const tag = String(new FormData(form).get('tag') ?? '')
      .trim()
      .toLowerCase();
    this.tagError =
      !tag || TAG_PATTERN.test(tag) ? '' : msg('Tags use letters, digits, spaces, - and _.');
    this.#host.requestUpdate();
    if (!tag || this.tagError) return;
    form.reset();
    this.#run(ticket, { kind: 'tags', tags: [...new Set([...ticket.tags, tag])] });
  }

  /** Sends what the agent changed in the form, and nothing else. */
  #save(event: SubmitEvent, ticket: StaffTicketDetail): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const status = String(data.get('status')) as TicketStatus;
    const priority = String(data.get('priority')) as TicketPriority;
    const assignee = String(data.get('assignee'));
    const changes: Change[] = [];
    if (status !== ticket.status) changes.push({ kind: 'status', status });
    if (priority !== ticket.priority) changes.push({ kind: 'priority', priority });
    if (assignee !== (ticket.assignee?.id ?? 'none')) {
      changes.push({ kind: 'assign', assigneeId: assignee === 'none' ? null : assignee });
    }
    this.#run(ticket, changes);
  }

  #run(ticket: StaffTicketDetail, changes: Change | Change[]): void {
    const api = this.#host.api;
    const list = Array.isArray(changes) ? changes : [changes];
    if (!api || !list.length || this.changeTask.status === TaskStatus.PENDING) return;
    void this.changeTask.run([api, ticket.id, list]);
  }
}
