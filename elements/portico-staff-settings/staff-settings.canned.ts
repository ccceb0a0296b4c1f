import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { renderTaskError } from '../shared/task.ts';
import {
  errorsFor,
  fieldErrorsOf,
  type CannedReply,
  type SettingsEffects,
} from './staff-settings.api.ts';

export interface CannedHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

type CannedChange =
  | { kind: 'save'; id: string | null; title: string; body: string }
  | { kind: 'remove'; id: string; title: string };

/**
 * The saved replies agents insert into answers: the list, and one form that adds a reply or
 * changes the one being edited (`staff.ticket.canned.*`).
 */
export class CannedController {
  /** The reply in the form; null adds a new one. */
  editing: CannedReply | null = null;
  fields: Record<string, string[]> = {};

  readonly changeTask: Task<[PorticoApi, CannedChange], void>;
  readonly #host: CannedHost;

  constructor(host: CannedHost, effects: SettingsEffects, changed: () => void) {
    this.#host = host;
    this.changeTask = new Task(host, {
      autoRun: false,
      task: async ([api, change], { signal }) => {
        this.fields = {};
        try {
          if (change.kind === 'remove') {
            await api.trpc.staff.ticket.canned.remove.mutate({ id: change.id }, { signal });
            effects.announce(msg(str`The saved reply “${change.title}” is removed.`));
            if (this.editing?.id === change.id) this.editing = null;
            effects.focusSoon('#canned-title');
          } else {
            const { id, title, body } = change;
            await api.trpc.staff.ticket.canned.save.mutate(
              id ? { id, title, body } : { title, body },
              { signal },
            );
            effects.announce(msg(str`The saved reply “${title}” is saved.`));
            this.editing = null;
            this.#form()?.reset();
            effects.focusSoon('#canned-heading');
          }
          changed();
        } catch (error) {
          this.fields = fieldErrorsOf(error);
          throw error;
        }
      },
    });
  }

  render(replies: readonly CannedReply[] | undefined) {
    const busy = this.changeTask.status === TaskStatus.PENDING;
    const editing = this.editing;
    return html`
      <section part="canned" class="block" aria-labelledby="canned-heading">
        <h2 id="canned-heading" tabindex="-1">${msg('Saved replies')}</h2>
        ${
          replies === undefined
            ? html`<p role="status" class="hint">${msg('Loading saved replies…')}</p>`
            : replies.length === 0
              ? html`<p part="canned-empty" class="hint">${msg('No saved replies yet.')}</p>`
              : html`<ul part="canned-list" class="rows">
                  ${replies.map(
                    (reply) =>
                      html`<li part="canned-row" class="row" data-id=${reply.id}>
                        <div class="row-main">
                          <strong part="canned-name">${reply.title}</strong>
                          <p class="hint clip">${reply.body}</p>
                        </div>
                        <div class="row-actions">
                          <button
                            part="edit-canned"
                            type="button"
                            class="secondary"
                            aria-label=${msg(str`Edit “${reply.title}”`)}
                            @click=${() => this.#edit(reply)}
                          >
                            ${msg('Edit')}
                          </button>
                          <button
                            part="remove-canned"
                            type="button"
                            class="secondary"
                            aria-label=${msg(str`Remove “${reply.title}”`)}
                            ?disabled=${busy}
                            @click=${() => this.#run({ kind: 'remove', id: reply.id, title: reply.title })}
                          >
                            ${msg('Remove')}
                          </button>
                        </div>
                      </li>`,
                  )}
                </ul>`
        }
        <form part="canned-form" class="subform" novalidate @submit=${this.#submit}>
          <h3>${editing ? msg(str`Edit “${editing.title}”`) : msg('New saved reply')}</h3>
          <label>
            ${msg('Title')}
            <input
              id="canned-title"
              part="canned-title"
              name="title"
              maxlength="100"
              aria-invalid=${errorsFor(this.fields, 'title') ? 'true' : 'false'}
              aria-describedby=${errorsFor(this.fields, 'title') ? 'canned-title-error' : nothing}
              .value=${editing?.title ?? ''}
            />
          </label>
          ${this.#fieldError('title', 'canned-title-error')}
          <label>
            ${msg('Reply text')}
            <textarea
              id="canned-body"
              part="canned-body"
              name="body"
              rows="4"
              aria-invalid=${errorsFor(this.fields, 'body') ? 'true' : 'false'}
              aria-describedby=${errorsFor(this.fields, 'body') ? 'canned-body-error' : nothing}
              .value=${editing?.body ?? ''}
            ></textarea>
          </label>
          ${this.#fieldError('body', 'canned-body-error')} ${renderTaskError(this.changeTask)}
          <div class="actions">
            <button part="save-canned" type="submit" class="primary" ?disabled=${busy}>
              ${editing ? msg('Save reply') : msg('Add reply')}
            </button>
            ${
              editing
                ? html`<button
                    part="cancel-canned"
                    type="button"
                    class="secondary"
                    @click=${() => this.#edit(null)}
                  >
                    ${msg('Cancel')}
                  </button>`
                : nothing
            }
          </div>
        </form>
      </section>
    `;
  }

  #fieldError(field: string, id: string) {
    const error = errorsFor(this.fields, field);
    return error ? html`<p part="field-error" id=${id} class="field-error">${error}</p>` : nothing;
  }

  #form(): HTMLFormElement | null {
    return this.#host.renderRoot.querySelector<HTMLFormElement>("[part~='canned-form']");
  }

  #edit(reply: CannedReply | null): void {
    this.editing = reply;
    this.fields = {};
    const form = this.#form();
    if (form && !reply) form.reset();
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      const title = this.#form()?.querySelector<HTMLInputElement>('#canned-title');
      if (reply && title) title.value = reply.title;
      const body = this.#form()?.querySelector<HTMLTextAreaElement>('#canned-body');
      if (reply && body) body.value = reply.body;
      title?.focus();
    });
  }

  #run(change: CannedChange): void {
    const api = this.#host.api;
    if (!api || this.changeTask.status === TaskStatus.PENDING) return;
    void this.changeTask.run([api, change]);
  }

  #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const title = String(data.get('title') ?? '').trim();
    const body = String(data.get('body') ?? '').trim();
    // The server refuses these too, but in words meant for developers.
    const fields: Record<string, string[]> = {};
    if (!title) fields.title = [msg('Give the reply a title.')];
    if (!body) fields.body = [msg('Write the text of the reply.')];
    if (title && body) {
      this.#run({ kind: 'save', id: this.editing?.id ?? null, title, body });
      return;
    }
    this.fields = fields;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() =>
      this.#host.renderRoot
        .querySelector<HTMLElement>(title ? '#canned-body' : '#canned-title')
        ?.focus(),
    );
  };
}
