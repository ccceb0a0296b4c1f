import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { renderTaskError } from '../shared/task.ts';
import {
  fieldErrorsOf,
  WEBHOOK_EVENTS,
  type Endpoint,
  type IntegrationsEffects,
} from './staff-integrations.api.ts';
import {
  EDIT_FIELDS,
  firstRefused,
  missingFields,
  readEndpointForm,
  renderEndpointFields,
  type EndpointValues,
} from './staff-integrations.fields.ts';

export interface EndpointEditorHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
}

/** An endpoint's values as the edit form starts with them. */
function valuesOf(endpoint: Endpoint): EndpointValues {
  return {
    url: endpoint.url,
    description: endpoint.description,
    events: WEBHOOK_EVENTS.filter((event) => endpoint.events.includes(event)),
  };
}

/**
 * Changing an endpoint's address, description and events in its own row: "Edit" opens the form
 * filled in, with focus on the address; Save and Cancel close it and give focus back to the
 * row's "Edit". The server's reasons show at each field, and nothing changes until it agrees.
 * The signing secret and whether the endpoint is on stay as they are.
 */
export class EndpointEditor {
  /** The endpoint in the form, as it was when "Edit" was pressed, or null. */
  editing: Endpoint | null = null;
  fields: Record<string, string[]> = {};
  readonly saveTask: Task<[PorticoApi, Endpoint, EndpointValues], void>;
  readonly #host: EndpointEditorHost;
  readonly #effects: IntegrationsEffects;

  constructor(host: EndpointEditorHost, effects: IntegrationsEffects) {
    this.#host = host;
    this.#effects = effects;
    this.saveTask = new Task(host, {
      autoRun: false,
      task: async ([api, endpoint, values], { signal }) => {
        this.fields = {};
        try {
          const saved = await api.trpc.staff.webhook.update.mutate(
            { id: endpoint.id, ...values },
            { signal },
          );
          this.editing = null;
          effects.announce(msg(str`${saved.url} is saved.`));
          effects.focusSoon(editButton(endpoint.id));
          effects.changed();
        } catch (error) {
          this.fields = fieldErrorsOf(error);
          const first = firstRefused(EDIT_FIELDS, this.fields);
          if (first) effects.focusSoon(first);
          throw error;
        }
      },
    });
  }

  get busy(): boolean {
    return this.saveTask.status === TaskStatus.PENDING;
  }

  /** Opens the form for `endpoint` (closing any other), with focus on its address. */
  open(endpoint: Endpoint): void {
    if (this.busy) return;
    this.editing = endpoint;
    this.fields = {};
    this.#effects.focusSoon(`#${EDIT_FIELDS.prefix}endpoint-url`);
    this.#host.requestUpdate();
  }

  /** The form in place of the endpoint's row content. */
  render(endpoint: Endpoint) {
    const fields = this.fields;
    const refused = Object.keys(fields).length > 0;
    return html`<form
      part="endpoint-edit-form"
      class="edit-form"
      aria-labelledby="edit-endpoint-title"
      novalidate
      @submit=${this.#submit}
      @keydown=${this.#keydown}
    >
      <h3 id="edit-endpoint-title" class="clip">${msg(str`Edit ${endpoint.url}`)}</h3>
      ${renderEndpointFields(EDIT_FIELDS, fields, valuesOf(endpoint))}
      ${refused ? nothing : renderTaskError(this.saveTask)}
      <div class="actions">
        <button
          part="save-endpoint"
          type="submit"
          class="primary"
          aria-busy=${this.busy ? 'true' : 'false'}
          ?disabled=${this.busy}
        >
          ${msg('Save')}
        </button>
        <button part="cancel-endpoint-edit" type="button" class="secondary" @click=${this.cancel}>
          ${msg('Cancel')}
        </button>
      </div>
    </form>`;
  }

  /** Closes the form without saving; focus goes back to the row's "Edit". */
  readonly cancel = (): void => {
    const id = this.editing?.id;
    if (!id || this.busy) return;
    this.editing = null;
    this.fields = {};
    this.#effects.focusSoon(editButton(id));
    this.#host.requestUpdate();
  };

  readonly #keydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.cancel();
  };

  readonly #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const endpoint = this.editing;
    const api = this.#host.api;
    if (!endpoint || !api || this.busy) return;
    const values = readEndpointForm(event.target as HTMLFormElement);
    const missing = missingFields(values);
    if (Object.keys(missing).length) {
      this.fields = missing;
      this.#effects.focusSoon(firstRefused(EDIT_FIELDS, missing)!);
      return;
    }
    void this.saveTask.run([api, endpoint, values]);
  };
}

/** The row's "Edit" button, where focus goes back to. */
export const editButton = (id: string) => `[data-id='${id}'] [part~='edit-endpoint']`;
