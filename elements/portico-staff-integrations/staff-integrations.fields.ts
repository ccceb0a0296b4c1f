import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import {
  errorsFor,
  eventLabel,
  WEBHOOK_EVENTS,
  type WebhookEvent,
} from './staff-integrations.api.ts';

/** What an endpoint form holds: its address, description and events. */
export interface EndpointValues {
  url: string;
  description: string;
  events: WebhookEvent[];
}

/**
 * The ids and parts of one endpoint form's fields: the form that adds an endpoint uses them
 * bare (`endpoint-url`, `url-error`), an endpoint's edit form with `edit-` before each, so both
 * may be on screen at once.
 */
export interface FieldNames {
  /** '' for the add form, 'edit-' for the edit form. */
  prefix: '' | 'edit-';
  /** The parts of the address, description and events fields. */
  parts: { url: string; description: string; events: string };
}

export const ADD_FIELDS: FieldNames = {
  prefix: '',
  parts: {
    url: 'endpoint-url-input',
    description: 'endpoint-description-input',
    events: 'endpoint-events-input',
  },
};

export const EDIT_FIELDS: FieldNames = {
  prefix: 'edit-',
  parts: {
    url: 'edit-url-input',
    description: 'edit-description-input',
    events: 'edit-events-input',
  },
};

/** The id of an event's checkbox, such as `event-order-placed` or `edit-event-order-placed`. */
export const eventId = (names: FieldNames, event: string) =>
  `${names.prefix}event-${event.replace(/[._]/g, '-')}`;

/** The control that takes focus for the first field the server or the form refused, or null. */
export function firstRefused(names: FieldNames, fields: Record<string, string[]>): string | null {
  if (errorsFor(fields, 'url')) return `#${names.prefix}endpoint-url`;
  if (errorsFor(fields, 'description')) return `#${names.prefix}endpoint-description`;
  if (errorsFor(fields, 'events')) return `#${eventId(names, WEBHOOK_EVENTS[0])}`;
  return null;
}

/** The form's values, events in the order the form offers them. */
export function readEndpointForm(form: HTMLFormElement): EndpointValues {
  const data = new FormData(form);
  return {
    url: String(data.get('url') ?? '').trim(),
    description: String(data.get('description') ?? '').trim(),
    events: WEBHOOK_EVENTS.filter((event) => data.getAll('events').includes(event)),
  };
}

/** What the form says before asking the server: an address and an event are needed. */
export function missingFields(values: EndpointValues): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  if (!values.url) fields.url = [msg('Enter the address events are sent to.')];
  if (!values.events.length) fields.events = [msg('Choose at least one event.')];
  return fields;
}

/**
 * An endpoint's address, description and event checkboxes, filled with `values` (empty for a
 * new one), each with the reasons in `fields` under it, named by `aria-describedby`.
 */
export function renderEndpointFields(
  names: FieldNames,
  fields: Record<string, string[]>,
  values?: EndpointValues,
) {
  const id = (name: string) => `${names.prefix}${name}`;
  const urlError = errorsFor(fields, 'url');
  const eventsError = errorsFor(fields, 'events');
  const descriptionError = errorsFor(fields, 'description');
  const error = (field: string, text: string) =>
    text
      ? html`<p part="field-error" id=${id(`${field}-error`)} class="field-error">${text}</p>`
      : nothing;
  return html`
    <label>
      ${msg('Address (URL)')}
      <input
        id=${id('endpoint-url')}
        part=${names.parts.url}
        name="url"
        type="url"
        inputmode="url"
        autocomplete="off"
        maxlength="2000"
        placeholder="https://erp.vendor.example/portico"
        aria-invalid=${urlError ? 'true' : 'false'}
        aria-describedby="${id('endpoint-url-hint')} ${urlError ? id('url-error') : ''}"
        .value=${values?.url ?? ''}
      />
    </label>
    <p id=${id('endpoint-url-hint')} class="hint">
      ${msg(
        'An https:// address. While trying Portico out (not in production), http://localhost or http://127.0.0.1 too.',
      )}
    </p>
    ${error('url', urlError)}
    <label>
      ${msg('Description (optional)')}
      <input
        id=${id('endpoint-description')}
        part=${names.parts.description}
        name="description"
        autocomplete="off"
        maxlength="200"
        aria-invalid=${descriptionError ? 'true' : 'false'}
        aria-describedby=${descriptionError ? id('description-error') : nothing}
        .value=${values?.description ?? ''}
      />
    </label>
    ${error('description', descriptionError)}
    <fieldset
      part=${names.parts.events}
      aria-invalid=${eventsError ? 'true' : 'false'}
      aria-describedby=${eventsError ? id('events-error') : nothing}
    >
      <legend>${msg('Events to send')}</legend>
      <div class="checks">
        ${WEBHOOK_EVENTS.map(
          (event) =>
            html`<label class="check">
              <input
                id=${eventId(names, event)}
                type="checkbox"
                name="events"
                value=${event}
                .checked=${values?.events.includes(event) ?? false}
              />
              <span>${eventLabel(event)}</span>
            </label>`,
        )}
      </div>
      ${error('events', eventsError)}
    </fieldset>
  `;
}
