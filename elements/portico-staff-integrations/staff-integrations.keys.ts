import { html, nothing, type ReactiveControllerHost } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { formatDateTime } from '../shared/format.ts';
import { renderTaskError } from '../shared/task.ts';
import {
  errorsFor,
  fieldErrorsOf,
  type ErpKey,
  type IntegrationsEffects,
} from './staff-integrations.api.ts';
import type { SecretReveal } from './staff-integrations.secret.ts';

export interface KeysHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
}

type Change = { kind: 'create'; name: string } | { kind: 'revoke'; key: ErpKey };

/**
 * The keys the vendor's ERP sends to the inbound endpoint with: each with its name, its first
 * characters, when it was made and last used; a new one (shown once) and revoking one after a
 * confirming click.
 */
export class KeysController {
  fields: Record<string, string[]> = {};
  /** The key whose revocation waits for a confirming click. */
  confirming: string | null = null;
  readonly changeTask: Task<[PorticoApi, Change], void>;
  readonly #host: KeysHost;
  readonly #effects: IntegrationsEffects;
  #formKey = 0;

  constructor(host: KeysHost, effects: IntegrationsEffects, secret: SecretReveal) {
    this.#host = host;
    this.#effects = effects;
    this.changeTask = new Task(host, {
      autoRun: false,
      task: async ([api, change], { signal }) => {
        this.fields = {};
        const inbound = api.trpc.staff.inbound;
        try {
          if (change.kind === 'create') {
            const created = await inbound.createKey.mutate({ name: change.name }, { signal });
            this.#formKey += 1;
            secret.show({
              place: 'key',
              title: msg(str`Key “${created.item.name}”`),
              value: created.key,
            });
            effects.announce(msg(str`The key ${created.item.name} is made.`));
          } else {
            this.confirming = null;
            await inbound.revokeKey.mutate({ id: change.key.id }, { signal });
            effects.announce(msg(str`The key ${change.key.name} is revoked: it no longer works.`));
            effects.focusSoon('#keys-title');
          }
          effects.changed();
        } catch (error) {
          this.fields = fieldErrorsOf(error);
          if (errorsFor(this.fields, 'name')) effects.focusSoon('#key-name');
          throw error;
        }
      },
    });
  }

  render(keys: readonly ErpKey[] | undefined | null, secret: SecretReveal) {
    const busy = this.changeTask.status === TaskStatus.PENDING;
    const error = errorsFor(this.fields, 'name');
    return html`
      <section part="keys" class="block" aria-labelledby="keys-title">
        <h2 id="keys-title" tabindex="-1">${msg('ERP keys')}</h2>
        <p class="hint">
          ${msg('Your ERP sends order status, tracking numbers, invoices and payments to /api/inbound/v1 with one of these keys.')}
        </p>
        ${secret.render('key')}
        ${
          keys === null
            ? nothing
            : keys === undefined
              ? html`<p role="status" class="hint">${msg('Loading the keys…')}</p>`
              : keys.length
                ? html`<ul part="key-list" class="rows">
                    ${keys.map((key) => this.#row(key, busy))}
                  </ul>`
                : html`<p part="keys-empty" class="hint">${msg('No keys yet.')}</p>`
        }
        ${error ? nothing : renderTaskError(this.changeTask)}
        ${keyed(
          this.#formKey,
          html`<form part="key-form" class="subform" novalidate @submit=${this.#submit}>
            <h3>${msg('Make a key')}</h3>
            <label>
              ${msg('Name')}
              <input
                id="key-name"
                part="key-name"
                name="name"
                autocomplete="off"
                maxlength="60"
                placeholder=${msg('ERP production')}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby="key-name-hint ${error ? 'key-name-error' : ''}"
              />
            </label>
            <p id="key-name-hint" class="hint">
              ${msg('Which system uses it, so you know which to revoke.')}
            </p>
            ${error ? html`<p part="field-error" id="key-name-error" class="field-error">${error}</p>` : nothing}
            <div class="actions">
              <button
                part="create-key"
                type="submit"
                class="primary"
                aria-busy=${busy ? 'true' : 'false'}
                ?disabled=${busy}
              >
                ${msg('Make key')}
              </button>
            </div>
          </form>`,
        )}
      </section>
    `;
  }

  #row(key: ErpKey, busy: boolean) {
    const revoked = key.revokedAt !== null;
    return html`<li
      part="key ${revoked ? 'key-revoked' : 'key-active'}"
      class="row"
      data-id=${key.id}
    >
      <div class="row-main">
        <div class="row-title">
          <strong part="key-title" class="clip">${key.name}</strong>
          <code part="key-prefix">${key.prefix}…</code>
          ${revoked ? html`<span part="key-state" class="badge">${msg('Revoked')}</span>` : nothing}
        </div>
        <p class="hint">
          ${msg('Made')} <time datetime=${key.createdAt}>${formatDateTime(key.createdAt)}</time> ·
          <span part="key-used">
            ${
              key.lastUsedAt
                ? html`${msg('last used')}
                    <time datetime=${key.lastUsedAt}>${formatDateTime(key.lastUsedAt)}</time>`
                : msg('never used')
            }
          </span>
          ${
            key.revokedAt
              ? html` · ${msg('revoked')}
                  <time datetime=${key.revokedAt}>${formatDateTime(key.revokedAt)}</time>`
              : nothing
          }
        </p>
      </div>
      ${
        revoked
          ? nothing
          : html`<div class="row-actions">
              ${
                this.confirming === key.id
                  ? html`<p class="warning" id="revoke-${key.id}">
                        ${msg('Revoke it? The ERP using it is refused at once.')}
                      </p>
                      <button
                        part="confirm-revoke"
                        type="button"
                        class="danger"
                        aria-describedby="revoke-${key.id}"
                        ?disabled=${busy}
                        @click=${() => this.#run({ kind: 'revoke', key })}
                      >
                        ${msg(str`Yes, revoke ${key.name}`)}
                      </button>
                      <button
                        part="keep-key"
                        type="button"
                        class="secondary"
                        @click=${() => this.#confirm(null)}
                      >
                        ${msg('Keep it')}
                      </button>`
                  : html`<button
                      part="revoke"
                      type="button"
                      class="secondary"
                      aria-label=${msg(str`Revoke ${key.name}`)}
                      @click=${() => this.#confirm(key.id)}
                    >
                      ${msg('Revoke')}
                    </button>`
              }
            </div>`
      }
    </li>`;
  }

  #confirm(id: string | null): void {
    const previous = this.confirming;
    this.confirming = id;
    this.#effects.focusSoon(
      id ? `[data-id='${id}'] [part~='keep-key']` : `[data-id='${previous}'] [part~='revoke']`,
    );
  }

  #run(change: Change): void {
    const api = this.#host.api;
    if (!api || this.changeTask.status === TaskStatus.PENDING) return;
    void this.changeTask.run([api, change]);
  }

  readonly #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const name = String(new FormData(event.target as HTMLFormElement).get('name') ?? '').trim();
    if (!name) {
      this.fields = { name: [msg('Enter a name for the key.')] };
      this.#effects.focusSoon('#key-name');
      return;
    }
    this.#run({ kind: 'create', name });
  };
}
