import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { renderTaskError } from '../shared/task.ts';
import {
  contrastRatio,
  errorsFor,
  fieldErrorsOf,
  LOCALES,
  localeName,
  MIN_CONTRAST,
  type Locale,
  type PortalSettings,
  type SettingsEffects,
} from './staff-settings.api.ts';
import {
  TICKET_KINDS,
  kindLabel,
  type TicketKind,
} from '../portico-ticket-inbox/ticket-list.api.ts';

export interface PortalFormHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** Each field the server may refuse, and the control that takes focus for it. */
const FIELD_IDS: [string, string][] = [
  ['vendorName', 'vendor-name'],
  ['logoUrl', 'logo-url'],
  ['colors', 'brand'],
  ['locales', 'locale-en'],
  ['defaultLocale', 'default-locale'],
  ['ticketKinds', 'kind-question'],
  ['ticketCategories', 'categories'],
  ['supportInbox', 'support-inbox'],
  ['chatWaitSeconds', 'chat-wait'],
];

/**
 * The portal's settings form: name, logo, brand colours (previewed on sample controls before
 * saving, with a contrast check), languages, the kinds and categories of tickets, the support inbox and how long a
 * chat waits. Saved whole with `staff.portal.update`; the server's reasons show at each field.
 */
export class PortalFormController implements ReactiveController {
  brand = '#1d4ed8';
  brandContrast = '#ffffff';
  fields: Record<string, string[]> = {};

  readonly saveTask: Task<[PorticoApi, PortalSettings], PortalSettings>;
  readonly #host: PortalFormHost;
  #base: PortalSettings | null = null;

  constructor(host: PortalFormHost, effects: SettingsEffects) {
    this.#host = host;
    host.addController(this);
    this.saveTask = new Task(host, {
      autoRun: false,
      task: async ([api, settings], { signal }) => {
        this.fields = {};
        try {
          const saved = await api.trpc.staff.portal.update.mutate(settings, { signal });
          this.#base = saved;
          effects.announce(msg('The settings are saved.'));
          return saved;
        } catch (error) {
          this.fields = fieldErrorsOf(error);
          const first = FIELD_IDS.find(([field]) => errorsFor(this.fields, field));
          if (first) effects.focusSoon(`#${first[1]}`);
          throw error;
        }
      },
    });
  }

  /** Takes the saved settings as the form's starting point. */
  load(settings: PortalSettings): void {
    this.#base = settings;
    this.brand = settings.colors.brand;
    this.brandContrast = settings.colors.brandContrast;
  }

  hostUpdated(): void {
    // Custom properties through the CSSOM: the staff page's CSP refuses style attributes.
    const preview = this.#host.renderRoot.querySelector<HTMLElement>('#brand-preview');
    preview?.style.setProperty('--portico-color-brand', this.brand);
    preview?.style.setProperty('--portico-color-brand-contrast', this.brandContrast);
  }

  render() {
    const base = this.#base;
    if (!base) return nothing;
    const saving = this.saveTask.status === TaskStatus.PENDING;
    return html`
      <form
        part="portal-form"
        class="block"
        aria-labelledby="portal-title"
        novalidate
        @submit=${this.#submit}
      >
        <h2 id="portal-title" tabindex="-1">${msg('Portal')}</h2>
        ${this.#text('vendorName', 'vendor-name', msg('Vendor name'), base.vendorName, {
          maxlength: 100,
        })}
        ${this.#text('logoUrl', 'logo-url', msg('Logo address (URL)'), base.logoUrl ?? '', {
          type: 'url',
          hint: msg('An https:// address of an image; leave empty for none.'),
        })}
        <fieldset part="colors" class="colors">
          <legend>${msg('Brand colours')}</legend>
          <label>
            ${msg('Brand colour')}
            <input
              id="brand"
              part="brand"
              type="color"
              name="brand"
              .value=${this.brand}
              @input=${(event: Event) => this.#color('brand', event)}
            />
          </label>
          <label>
            ${msg('Text on the brand colour')}
            <input
              id="brand-contrast"
              part="brand-contrast"
              type="color"
              name="brandContrast"
              .value=${this.brandContrast}
              @input=${(event: Event) => this.#color('brandContrast', event)}
            />
          </label>
          ${this.#fieldError('colors')} ${this.#preview()}
        </fieldset>
        <fieldset
          part="locales"
          aria-invalid=${errorsFor(this.fields, 'locales') ? 'true' : 'false'}
          aria-describedby=${errorsFor(this.fields, 'locales') ? 'locales-error' : nothing}
        >
          <legend>${msg('Languages offered')}</legend>
          <div class="checks">
            ${LOCALES.map(
              (locale) =>
                html`<label class="check">
                  <input
                    id="locale-${locale}"
                    type="checkbox"
                    name="locales"
                    value=${locale}
                    .checked=${base.locales.includes(locale)}
                  />
                  <span lang=${locale}>${localeName(locale)}</span>
                </label>`,
            )}
          </div>
          ${this.#fieldError('locales')}
        </fieldset>
        <label>
          ${msg('Default language')}
          <select
            id="default-locale"
            part="default-locale"
            name="defaultLocale"
            aria-invalid=${errorsFor(this.fields, 'defaultLocale') ? 'true' : 'false'}
            aria-describedby=${errorsFor(this.fields, 'defaultLocale') ? 'defaultLocale-error' : nothing}
          >
            ${LOCALES.map(
              (locale) =>
                html`<option value=${locale} ?selected=${locale === base.defaultLocale}>
                  ${localeName(locale)}
                </option>`,
            )}
          </select>
        </label>
        ${this.#fieldError('defaultLocale')}
        <fieldset
          part="ticket-kinds"
          aria-invalid=${errorsFor(this.fields, 'ticketKinds') ? 'true' : 'false'}
          aria-describedby="kinds-hint ${errorsFor(this.fields, 'ticketKinds') ? 'ticketKinds-error' : ''}"
        >
          <legend>${msg('Kinds of ticket customers may open')}</legend>
          <div class="checks">
            ${TICKET_KINDS.map(
              (kind) =>
                html`<label class="check">
                  <input
                    id="kind-${kind}"
                    type="checkbox"
                    name="ticketKinds"
                    value=${kind}
                    .checked=${base.ticketKinds.includes(kind)}
                  />
                  <span>${kindLabel(kind)}</span>
                </label>`,
            )}
          </div>
          <p id="kinds-hint" class="hint">${msg('At least one.')}</p>
          ${this.#fieldError('ticketKinds')}
        </fieldset>
        <label>
          ${msg('Ticket categories, one per line')}
          <textarea
            id="categories"
            part="categories"
            name="ticketCategories"
            rows="5"
            aria-invalid=${errorsFor(this.fields, 'ticketCategories') ? 'true' : 'false'}
            aria-describedby="categories-hint ${errorsFor(this.fields, 'ticketCategories') ? 'ticketCategories-error' : ''}"
            .value=${base.ticketCategories.join('\n')}
          ></textarea>
        </label>
        <p id="categories-hint" class="hint">
          ${msg('Customers pick one when they open a ticket. Leave empty for no categories.')}
        </p>
        ${this.#fieldError('ticketCategories')}
        ${this.#text(
          'supportInbox',
          'support-inbox',
          msg('Support inbox'),
          base.supportInbox ?? '',
          {
            type: 'email',
            hint: msg('Where new-ticket notices go; leave empty to tell every staff member.'),
          },
        )}
        ${this.#text(
          'chatWaitSeconds',
          'chat-wait',
          msg('Chat wait, in seconds'),
          String(base.chatWaitSeconds),
          {
            type: 'number',
            hint: msg('How long a chat waits for an agent before it becomes a ticket.'),
          },
        )}
        ${renderTaskError(this.saveTask)}
        <div class="actions">
          <button
            part="save-portal"
            type="submit"
            class="primary"
            aria-busy=${saving ? 'true' : 'false'}
            ?disabled=${saving}
          >
            ${msg('Save settings')}
          </button>
        </div>
      </form>
    `;
  }

  #text(
    field: string,
    id: string,
    label: string,
    value: string,
    options: { type?: string; hint?: string; maxlength?: number } = {},
  ) {
    const error = errorsFor(this.fields, field);
    const described = [options.hint ? `${id}-hint` : '', error ? `${field}-error` : '']
      .filter(Boolean)
      .join(' ');
    return html`
      <label>
        ${label}
        <input
          id=${id}
          part=${id}
          name=${field}
          type=${options.type ?? 'text'}
          maxlength=${options.maxlength ?? nothing}
          min=${options.type === 'number' ? '1' : nothing}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${described || nothing}
          .value=${value}
        />
      </label>
      ${options.hint ? html`<p id="${id}-hint" class="hint">${options.hint}</p>` : nothing}
      ${this.#fieldError(field)}
    `;
  }

  #fieldError(field: string) {
    const error = errorsFor(this.fields, field);
    return error
      ? html`<p part="field-error" id="${field}-error" class="field-error">${error}</p>`
      : nothing;
  }

  #preview() {
    const ratio = contrastRatio(this.brand, this.brandContrast);
    const low = ratio !== null && ratio < MIN_CONTRAST;
    const shown = ratio === null ? '' : ratio.toFixed(1);
    return html`
      <div
        id="brand-preview"
        part="preview"
        class="preview"
        role="group"
        aria-label=${msg('Preview')}
      >
        <span class="sample-button">${msg('Place order')}</span>
        <span class="sample-badge">${msg('New')}</span>
        <span class="sample-link">${msg('See your invoices')}</span>
      </div>
      <p
        part=${low ? 'contrast-warning' : 'contrast'}
        class=${low ? 'warning' : 'hint'}
        aria-live="polite"
      >
        ${
          low
            ? msg(
                str`Text on the brand colour is hard to read: contrast ${shown}:1, and at least 4.5:1 is needed.`,
              )
            : msg(str`Contrast ${shown}:1: text on the brand colour is easy to read.`)
        }
      </p>
    `;
  }

  #color(which: 'brand' | 'brandContrast', event: Event): void {
    this[which] = (event.target as HTMLInputElement).value;
    this.#host.requestUpdate();
  }

  #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const api = this.#host.api;
    if (!api || !this.#base || this.saveTask.status === TaskStatus.PENDING) return;
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const settings: PortalSettings = {
      ...this.#base,
      vendorName: text('vendorName'),
      logoUrl: text('logoUrl') || null,
      colors: { brand: this.brand, brandContrast: this.brandContrast },
      locales: data.getAll('locales').map(String) as Locale[],
      defaultLocale: text('defaultLocale') as Locale,
      ticketKinds: data.getAll('ticketKinds').map(String) as TicketKind[],
      ticketCategories: text('ticketCategories')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      supportInbox: text('supportInbox') || null,
      chatWaitSeconds: text('chatWaitSeconds') === '' ? 0 : Number(text('chatWaitSeconds')),
    };
    void this.saveTask.run([api, settings]);
  };
}
