import { html, nothing, type ReactiveControllerHost } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { formatDateTime } from '../shared/format.ts';
import { renderTaskError } from '../shared/task.ts';
import {
  deliveryStatusLabel,
  eventLabel,
  fieldErrorsOf,
  type Endpoint,
  type IntegrationsEffects,
  type WebhookEvent,
} from './staff-integrations.api.ts';
import { EndpointEditor } from './staff-integrations.edit.ts';
import {
  ADD_FIELDS,
  firstRefused,
  missingFields,
  readEndpointForm,
  renderEndpointFields,
} from './staff-integrations.fields.ts';
import type { SecretReveal } from './staff-integrations.secret.ts';

export interface EndpointsHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

type Change =
  | { kind: 'add'; url: string; description: string; events: WebhookEvent[] }
  | { kind: 'active'; endpoint: Endpoint; active: boolean }
  | { kind: 'rotate'; endpoint: Endpoint }
  | { kind: 'remove'; endpoint: Endpoint };

/** A change that waits for a second click. */
type Confirming = { id: string; kind: 'rotate' | 'remove' } | null;

/**
 * The webhook endpoints: each with its address, events, whether it is on and its last delivery;
 * turning it on and off, a new signing secret (after a confirming click) and removing it (after
 * another). Adding one shows its signing secret once.
 */
export class EndpointsController {
  fields: Record<string, string[]> = {};
  confirming: Confirming = null;
  readonly editor: EndpointEditor;
  readonly changeTask: Task<[PorticoApi, Change], void>;
  readonly #host: EndpointsHost;
  readonly #effects: IntegrationsEffects;
  /** Bumped after an endpoint is added: the form starts empty. */
  #formKey = 0;

  constructor(
    host: EndpointsHost,
    effects: IntegrationsEffects,
    secret: SecretReveal,
    showDeliveries: (endpoint: Endpoint) => void,
  ) {
    this.#host = host;
    this.#effects = effects;
    this.showDeliveries = showDeliveries;
    this.editor = new EndpointEditor(host, effects);
    this.changeTask = new Task(host, {
      autoRun: false,
      task: async ([api, change], { signal }) => {
        this.fields = {};
        const webhook = api.trpc.staff.webhook;
        try {
          switch (change.kind) {
            case 'add': {
              const { url, description, events } = change;
              const created = await webhook.create.mutate(
                { url, description: description || undefined, events },
                { signal },
              );
              this.#formKey += 1;
              secret.show({
                place: 'webhook',
                title: msg(str`Signing secret for ${created.endpoint.url}`),
                value: created.secret,
              });
              effects.announce(msg(str`${created.endpoint.url} is added.`));
              break;
            }
            case 'active':
              await webhook.update.mutate(
                { id: change.endpoint.id, active: change.active },
                { signal },
              );
              effects.announce(
                change.active
                  ? msg(str`${change.endpoint.url} is on: events are sent to it.`)
                  : msg(str`${change.endpoint.url} is off: no events are sent to it.`),
              );
              break;
            case 'rotate': {
              this.confirming = null;
              const rotated = await webhook.rotateSecret.mutate(
                { id: change.endpoint.id },
                { signal },
              );
              secret.show({
                place: 'webhook',
                title: msg(str`New signing secret for ${change.endpoint.url}`),
                value: rotated.secret,
              });
              effects.announce(
                msg('The new signing secret is shown; the old one no longer works.'),
              );
              break;
            }
            case 'remove':
              this.confirming = null;
              await webhook.remove.mutate({ id: change.endpoint.id }, { signal });
              effects.announce(msg(str`${change.endpoint.url} is removed.`));
              effects.focusSoon('#endpoints-title');
              break;
          }
          effects.changed();
        } catch (error) {
          this.fields = change.kind === 'add' ? fieldErrorsOf(error) : {};
          const first = firstRefused(ADD_FIELDS, this.fields);
          if (first) effects.focusSoon(first);
          throw error;
        }
      },
    });
  }

  readonly showDeliveries: (endpoint: Endpoint) => void;

  render(endpoints: readonly Endpoint[] | undefined | null, secret: SecretReveal) {
    const busy = this.changeTask.status === TaskStatus.PENDING;
    return html`
      <section part="endpoints" class="block" aria-labelledby="endpoints-title">
        <h2 id="endpoints-title" tabindex="-1">${msg('Webhook endpoints')}</h2>
        <p class="hint">
          ${msg('Portico sends each event to these addresses, signed with the endpoint’s secret, and tries again when they fail.')}
        </p>
        ${secret.render('webhook')}
        ${
          endpoints === null
            ? nothing
            : endpoints === undefined
              ? html`<p role="status" class="hint">${msg('Loading the endpoints…')}</p>`
              : endpoints.length
                ? html`<ul part="endpoint-list" class="rows">
                    ${repeat(
                      endpoints,
                      (endpoint) => endpoint.id,
                      (endpoint) => this.#row(endpoint, busy),
                    )}
                  </ul>`
                : html`<p part="endpoints-empty" class="hint">${msg('No endpoints yet.')}</p>`
        }
        ${Object.keys(this.fields).length ? nothing : renderTaskError(this.changeTask)}
        ${keyed(this.#formKey, this.#form(busy))}
      </section>
    `;
  }

  #row(endpoint: Endpoint, busy: boolean) {
    const editing = this.editor.editing;
    if (editing?.id === endpoint.id) {
      return html`<li part="endpoint endpoint-editing" class="row" data-id=${endpoint.id}>
        ${this.editor.render(editing)}
      </li>`;
    }
    const last = endpoint.lastDelivery;
    const confirming = this.confirming?.id === endpoint.id ? this.confirming.kind : null;
    return html`<li part="endpoint" class="row" data-id=${endpoint.id}>
      <div class="row-main">
        <div class="row-title">
          <strong part="endpoint-url" class="clip">${endpoint.url}</strong>
          <span part="endpoint-state ${endpoint.active ? 'state-on' : 'state-off'}" class="badge">
            ${endpoint.active ? msg('On') : msg('Off')}
          </span>
        </div>
        ${endpoint.description ? html`<p part="endpoint-description" class="clip">${endpoint.description}</p>` : nothing}
        <p part="endpoint-events" class="hint">${endpoint.events.map(eventLabel).join(', ')}</p>
        <p part="last-delivery" class="hint">
          ${
            last
              ? html`${msg('Last delivery:')} ${deliveryStatusLabel(last.status)}
                  ${last.responseStatus === null ? nothing : html`(HTTP ${last.responseStatus})`},
                  <time datetime=${last.at}>${formatDateTime(last.at)}</time>`
              : msg('Nothing sent yet.')
          }
        </p>
      </div>
      <div class="row-actions">
        ${
          confirming
            ? html`<p class="warning" id="confirm-${endpoint.id}">
                  ${
                    confirming === 'remove'
                      ? msg('Remove this endpoint? Nothing more is sent to it.')
                      : msg('Make a new secret? The old one stops working at once.')
                  }
                </p>
                <button
                  part=${confirming === 'remove' ? 'confirm-remove' : 'confirm-rotate'}
                  type="button"
                  class="danger"
                  aria-describedby="confirm-${endpoint.id}"
                  ?disabled=${busy}
                  @click=${() => this.#run({ kind: confirming, endpoint })}
                >
                  ${confirming === 'remove' ? msg('Yes, remove it') : msg('Yes, make a new secret')}
                </button>
                <button
                  part="keep"
                  type="button"
                  class="secondary"
                  @click=${() => this.#confirm(null)}
                >
                  ${msg('Keep it as it is')}
                </button>`
            : html`<button
                  part="edit-endpoint"
                  type="button"
                  class="secondary"
                  aria-label=${msg(str`Edit ${endpoint.url}`)}
                  ?disabled=${busy}
                  @click=${() => this.editor.open(endpoint)}
                >
                  ${msg('Edit')}
                </button>
                <button
                  part="show-deliveries"
                  type="button"
                  class="secondary"
                  aria-label=${msg(str`Deliveries to ${endpoint.url}`)}
                  @click=${() => this.showDeliveries(endpoint)}
                >
                  ${msg('Deliveries')}
                </button>
                <button
                  part="toggle-active"
                  type="button"
                  class="secondary"
                  aria-label=${endpoint.active ? msg(str`Turn off ${endpoint.url}`) : msg(str`Turn on ${endpoint.url}`)}
                  ?disabled=${busy}
                  @click=${() => this.#run({ kind: 'active', endpoint, active: !endpoint.active })}
                >
                  ${endpoint.active ? msg('Turn off') : msg('Turn on')}
                </button>
                <button
                  part="rotate"
                  type="button"
                  class="secondary"
                  aria-label=${msg(str`New secret for ${endpoint.url}`)}
                  @click=${() => this.#confirm({ id: endpoint.id, kind: 'rotate' })}
                >
                  ${msg('New secret')}
                </button>
                <button
                  part="remove-endpoint"
                  type="button"
                  class="secondary"
                  aria-label=${msg(str`Remove ${endpoint.url}`)}
                  @click=${() => this.#confirm({ id: endpoint.id, kind: 'remove' })}
                >
                  ${msg('Remove')}
                </button>`
        }
      </div>
    </li>`;
  }

  #form(busy: boolean) {
    return html`<form part="endpoint-form" class="subform" novalidate @submit=${this.#submit}>
      <h3>${msg('Add an endpoint')}</h3>
      ${renderEndpointFields(ADD_FIELDS, this.fields)}
      <div class="actions">
        <button
          part="add-endpoint"
          type="submit"
          class="primary"
          aria-busy=${busy ? 'true' : 'false'}
          ?disabled=${busy}
        >
          ${msg('Add endpoint')}
        </button>
      </div>
    </form>`;
  }

  #confirm(confirming: Confirming): void {
    const previous = this.confirming;
    this.confirming = confirming;
    const id = confirming?.id ?? previous?.id;
    this.#effects.focusSoon(
      confirming
        ? `[data-id='${id}'] [part~='keep']`
        : `[data-id='${id}'] [part~='${previous?.kind === 'rotate' ? 'rotate' : 'remove-endpoint'}']`,
    );
  }

  #run(change: Change): void {
    const api = this.#host.api;
    if (!api || this.changeTask.status === TaskStatus.PENDING) return;
    void this.changeTask.run([api, change]);
  }

  readonly #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const values = readEndpointForm(event.target as HTMLFormElement);
    const fields = missingFields(values);
    if (Object.keys(fields).length) {
      this.fields = fields;
      this.#effects.focusSoon(firstRefused(ADD_FIELDS, fields)!);
      return;
    }
    this.#run({ kind: 'add', ...values });
  };
}
