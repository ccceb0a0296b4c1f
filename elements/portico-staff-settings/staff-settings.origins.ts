import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { renderTaskError } from '../shared/task.ts';
import {
  errorsFor,
  fieldErrorsOf,
  type AllSettings,
  type SettingsEffects,
  type TestMailResult,
} from './staff-settings.api.ts';

export interface OriginsHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

type OriginChange = { kind: 'add' | 'remove'; origin: string };

/**
 * The sites trusted to embed the portal: the server's own (TRUSTED_ORIGINS, read-only here) and
 * those an administrator adds, effective at once. Also the mail check, which sends the
 * administrator a test mail through the configured SMTP server.
 */
export class OriginsController {
  fields: Record<string, string[]> = {};

  readonly changeTask: Task<[PorticoApi, OriginChange], void>;
  readonly mailTask: Task<[PorticoApi], TestMailResult>;
  readonly #host: OriginsHost;

  constructor(host: OriginsHost, effects: SettingsEffects, changed: () => void) {
    this.#host = host;
    this.changeTask = new Task(host, {
      autoRun: false,
      task: async ([api, { kind, origin }], { signal }) => {
        this.fields = {};
        try {
          if (kind === 'add') {
            await api.trpc.staff.settings.addOrigin.mutate({ origin }, { signal });
            this.#host.renderRoot.querySelector<HTMLFormElement>("[part~='origin-form']")?.reset();
            effects.announce(msg(str`${origin} may now embed the portal.`));
          } else {
            await api.trpc.staff.settings.removeOrigin.mutate({ origin }, { signal });
            effects.announce(msg(str`${origin} may no longer embed the portal.`));
            effects.focusSoon('#origin');
          }
          changed();
        } catch (error) {
          this.fields = fieldErrorsOf(error);
          if (errorsFor(this.fields, 'origin')) effects.focusSoon('#origin');
          throw error;
        }
      },
    });
    this.mailTask = new Task(host, {
      autoRun: false,
      task: ([api], { signal }) => api.trpc.staff.settings.testMail.mutate(undefined, { signal }),
    });
  }

  renderOrigins(origins: AllSettings['origins']) {
    const busy = this.changeTask.status === TaskStatus.PENDING;
    const error = errorsFor(this.fields, 'origin');
    return html`
      <section part="origins" class="block" aria-labelledby="origins-heading">
        <h2 id="origins-heading" tabindex="-1">${msg('Sites that embed the portal')}</h2>
        <p class="hint">
          ${msg('Pages on these origins may show the portal’s elements and sign customers in.')}
        </p>
        <ul part="origin-list" class="rows">
          ${origins.environment.map(
            (origin) =>
              html`<li part="origin origin-environment" class="row">
                <span class="row-main clip">${origin}</span>
                <span class="hint">${msg('Set on the server (TRUSTED_ORIGINS)')}</span>
              </li>`,
          )}
          ${origins.stored.map(
            (origin) =>
              html`<li part="origin origin-stored" class="row" data-origin=${origin}>
                <span class="row-main clip">${origin}</span>
                <button
                  part="remove-origin"
                  type="button"
                  class="secondary"
                  aria-label=${msg(str`Remove ${origin}`)}
                  ?disabled=${busy}
                  @click=${() => this.#run({ kind: 'remove', origin })}
                >
                  ${msg('Remove')}
                </button>
              </li>`,
          )}
        </ul>
        <form part="origin-form" class="subform" novalidate @submit=${this.#submit}>
          <label>
            ${msg('Origin')}
            <input
              id="origin"
              part="origin-input"
              name="origin"
              inputmode="url"
              autocomplete="off"
              placeholder="https://www.vendor.example"
              maxlength="300"
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby="origin-hint ${error ? 'origin-error' : ''}"
            />
          </label>
          <p id="origin-hint" class="hint">
            ${msg('https:// and the host, with a port if it has one; http:// only for localhost. No path, no *.')}
          </p>
          ${error ? html`<p part="field-error" id="origin-error" class="field-error">${error}</p>` : nothing}
          ${this.fields.origin ? nothing : renderTaskError(this.changeTask)}
          <div class="actions">
            <button part="add-origin" type="submit" class="primary" ?disabled=${busy}>
              ${msg('Add origin')}
            </button>
          </div>
        </form>
      </section>
    `;
  }

  renderMail(mail: AllSettings['mail']) {
    const sending = this.mailTask.status === TaskStatus.PENDING;
    const result = this.mailTask.status === TaskStatus.COMPLETE ? this.mailTask.value : undefined;
    return html`
      <section part="mail" class="block" aria-labelledby="mail-heading">
        <h2 id="mail-heading" tabindex="-1">${msg('Mail')}</h2>
        <p class="hint">
          ${
            mail.smtp
              ? msg(
                  str`Mail goes out through the SMTP server set on the server, from ${mail.from}.`,
                )
              : msg('No SMTP server is set (SMTP_URL): mail is written to files on the server.')
          }
        </p>
        <div class="actions">
          <button
            part="test-mail"
            type="button"
            class="secondary"
            aria-busy=${sending ? 'true' : 'false'}
            ?disabled=${sending}
            @click=${this.#testMail}
          >
            ${msg('Send a test mail')}
          </button>
        </div>
        <div aria-live="polite">
          ${sending ? html`<p class="hint">${msg('Sending…')}</p>` : nothing}
          ${result ? this.#mailResult(result) : nothing}
        </div>
        ${renderTaskError(this.mailTask)}
      </section>
    `;
  }

  #mailResult(result: TestMailResult) {
    switch (result.result) {
      case 'sent':
        return html`<p part="mail-result notice">
          ${msg(str`The mail server took a test mail to ${result.to}. Check that it arrived.`)}
        </p>`;
      case 'outbox':
        return html`<p part="mail-result notice">
          ${msg(str`The test mail to ${result.to} was written to the server’s outbox folder, as no SMTP server is set.`)}
        </p>`;
      case 'failed':
        return html`<p part="mail-result error" role="alert">
          ${msg(str`The test mail could not be sent. ${result.error}`)}
        </p>`;
    }
  }

  #run(change: OriginChange): void {
    const api = this.#host.api;
    if (!api || this.changeTask.status === TaskStatus.PENDING) return;
    void this.changeTask.run([api, change]);
  }

  #testMail = (): void => {
    const api = this.#host.api;
    if (!api || this.mailTask.status === TaskStatus.PENDING) return;
    void this.mailTask.run([api]);
  };

  #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const origin = String(new FormData(event.target as HTMLFormElement).get('origin') ?? '');
    if (!origin.trim()) {
      this.fields = { origin: [msg('Enter an origin such as https://www.vendor.example.')] };
      this.#host.requestUpdate();
      return;
    }
    this.#run({ kind: 'add', origin });
  };
}
