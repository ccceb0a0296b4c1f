import { html, nothing, type ReactiveControllerHost } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { formatDateTime } from '../shared/format.ts';
import { renderTaskError } from '../shared/task.ts';
import {
  deliveryStatusLabel,
  errorsFor,
  eventLabel,
  fieldErrorsOf,
  WEBHOOK_EVENTS,
  type Endpoint,
  type IntegrationsEffects,
  type WebhookEvent,
} from './staff-integrations.api.ts';
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
          this.fields = fieldErrorsOf(error);
          if (errorsFor(this.fields, 'url')) effects.focusSoon('#endpoint-url');
          else if (errorsFor(this.fields, 'events')) effects.focusSoon('#event-order-placed');
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
                    ${endpoints.map((endpoint) => this.#row(endpoint, busy))}
                  </ul>`
                : html`<p part="endpoints-empty" class="hint">${msg('No endpoints yet.')}</p>`
        }
        ${this.fields.url || this.fields.events ? nothing : renderTaskError(this.changeTask)}
        ${keyed(this.#formKey, this.#form(busy))}
      </section>
    `;
  }

  #row(endpoint: Endpoint, busy: boolean) {
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
    const urlError = errorsFor(this.fields, 'url');
    const eventsError = errorsFor(this.fields, 'events');
    const descriptionError = errorsFor(this.fields, 'description');
    return html`<form part="endpoint-form" class="subform" novalidate @submit=${this.#submit}>
      <h3>${msg('Add an endpoint')}</h3>
      <label>
        ${msg('Address (URL)')}
        <input
          id="endpoint-url"
          part="endpoint-url-input"
          name="url"
          type="url"
          inputmode="url"
          autocomplete="off"
          maxlength="2000"
          placeholder="https://erp.vendor.example/portico"
          aria-invalid=${urlError ? 'true' : 'false'}
          aria-describedby="endpoint-url-hint ${urlError ? 'url-error' : ''}"
        />
      </label>
      <p id="endpoint-url-hint" class="hint">
        ${msg(
          'An https:// address. While trying Portico out (not in production), http://localhost or http://127.0.0.1 too.',
        )}
      </p>
      ${urlError ? html`<p part="field-error" id="url-error" class="field-error">${urlError}</p>` : nothing}
      <label>
        ${msg('Description (optional)')}
        <input
          id="endpoint-description"
          part="endpoint-description-input"
          name="description"
          autocomplete="off"
          maxlength="200"
          aria-invalid=${descriptionError ? 'true' : 'false'}
          aria-describedby=${descriptionError ? 'description-error' : nothing}
        />
      </label>
      ${descriptionError ? html`<p part="field-error" id="description-error" class="field-error">${descriptionError}</p>` : nothing}
      <fieldset
        part="endpoint-events-input"
        aria-invalid=${eventsError ? 'true' : 'false'}
        aria-describedby=${eventsError ? 'events-error' : nothing}
      >
        <legend>${msg('Events to send')}</legend>
        <div class="checks">
          ${WEBHOOK_EVENTS.map(
            (event) =>
              html`<label class="check">
                <input
                  id="event-${event.replace(/[._]/g, '-')}"
                  type="checkbox"
                  name="events"
                  value=${event}
                />
                <span>${eventLabel(event)}</span>
              </label>`,
          )}
        </div>
        ${eventsError ? html`<p part="field-error" id="events-error" class="field-error">${eventsError}</p>` : nothing}
      </fieldset>
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
    const data = new FormData(event.target as HTMLFormElement);
    const url = String(data.get('url') ?? '').trim();
    const events = WEBHOOK_EVENTS.filter((event) => data.getAll('events').includes(event));
    const fields: Record<string, string[]> = {};
    if (!url) fields.url = [msg('Enter the address events are sent to.')];
    if (!events.length) fields.events = [msg('Choose at least one event.')];
    if (Object.keys(fields).length) {
      this.fields = fields;
      this.#effects.focusSoon(fields.url ? '#endpoint-url' : '#event-order-placed');
      return;
    }
    this.#run({
      kind: 'add',
      url,
      description: String(data.get('description') ?? '').trim(),
      events,
    });
  };
}
