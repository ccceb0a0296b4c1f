import { css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import { getLocale } from './locale.ts';

/** A postal address as the server takes it; `country` is an ISO 3166-1 alpha-2 code. */
export type Address = inferRouterOutputs<AppRouter>['address']['list'][number]['address'];

/** Countries offered for a new address: Europe and the places vendors most often ship to. */
const COUNTRY_CODES = (
  'AD AL AT BA BE BG CH CY CZ DE DK EE ES FI FO FR GB GI GR HR HU IE IS IT LI LT LU LV MC MD ' +
  'ME MK MT NL NO PL PT RO RS SE SI SK SM UA VA ' +
  'AE AU BR CA CN IL IN IR JP NZ TR US ZA'
).split(' ');

type FieldName = Exclude<keyof Address, 'country'>;

interface Field {
  name: FieldName;
  label: () => string;
  autocomplete: string;
  maxlength: number;
  required?: boolean;
  type?: 'tel';
}

const FIELDS: Field[] = [
  {
    name: 'name',
    label: () => msg('Full name'),
    autocomplete: 'name',
    maxlength: 100,
    required: true,
  },
  {
    name: 'company',
    label: () => msg('Company (optional)'),
    autocomplete: 'organization',
    maxlength: 100,
  },
  {
    name: 'line1',
    label: () => msg('Street and number'),
    autocomplete: 'address-line1',
    maxlength: 120,
    required: true,
  },
  {
    name: 'line2',
    label: () => msg('Apartment, floor, suite (optional)'),
    autocomplete: 'address-line2',
    maxlength: 120,
  },
  {
    name: 'postalCode',
    label: () => msg('Postal code'),
    autocomplete: 'postal-code',
    maxlength: 16,
    required: true,
  },
  {
    name: 'city',
    label: () => msg('City'),
    autocomplete: 'address-level2',
    maxlength: 80,
    required: true,
  },
  {
    name: 'region',
    label: () => msg('State, province or region (optional)'),
    autocomplete: 'address-level1',
    maxlength: 80,
  },
];

const PHONE: Field = {
  name: 'phone',
  label: () => msg('Phone (optional)'),
  autocomplete: 'tel',
  maxlength: 30,
  type: 'tel',
};

const ADDRESS_KEYS: ReadonlySet<string> = new Set<keyof Address>([
  ...FIELDS.map((field) => field.name),
  'country',
  PHONE.name,
]);

export const emptyAddress = (): Address => ({
  name: '',
  company: '',
  line1: '',
  line2: '',
  postalCode: '',
  city: '',
  region: '',
  country: '',
  phone: '',
});

/** A country's name in the customer's language, or its code when the browser knows none. */
export function countryName(code: string): string {
  return new Intl.DisplayNames([getLocale()], { type: 'region' }).of(code) ?? code;
}

/** Country codes named in the customer's language, in their alphabetical order. */
function countries(current: string) {
  const locale = getLocale();
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const codes =
    current && !COUNTRY_CODES.includes(current) ? [...COUNTRY_CODES, current] : COUNTRY_CODES;
  const collator = new Intl.Collator(locale);
  return codes
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** The lines of an address as a label shows them, without the empty ones. */
export function addressLines(address: Address): string[] {
  return [
    address.name,
    address.company,
    address.line1,
    address.line2,
    `${address.postalCode} ${address.city}`,
    address.region,
    address.country ? countryName(address.country) : '',
  ].filter((line) => line.trim() !== '');
}

/** One line a person recognises an address by. */
export function addressLine(address: Address): string {
  return addressLines(address).join(', ');
}

/** Whether a value looks like an address, such as one inside an order event's details. */
export function isAddress(value: unknown): value is Address {
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return ['name', 'line1', 'postalCode', 'city', 'country'].every(
    (key) => typeof record[key] === 'string',
  );
}

/**
 * The address with the value of the control that changed, or null when the control is not one
 * of the address fields (a form's other controls go through the same input listener).
 */
export function withFieldValue(
  address: Address,
  control: { name: string; value: string },
): Address | null {
  return ADDRESS_KEYS.has(control.name) ? { ...address, [control.name]: control.value } : null;
}

export interface AddressFieldsOptions {
  address: Address;
  /** The server's messages about single fields, keyed by dotted path such as `address.city`. */
  fieldErrors?: Record<string, string[]>;
  /** Where the address sits in the request, the prefix of `fieldErrors`' keys and of ids. */
  path?: string;
}

/**
 * The fields of an address: labelled, with autofill tokens and the server's limits, the country
 * as a select named in the customer's language, and each server message beside its field. The
 * caller wraps them in its own `<fieldset>` and reads changes with `withFieldValue`.
 */
export function renderAddressFields({
  address,
  fieldErrors = {},
  path = 'address',
}: AddressFieldsOptions) {
  const errorOf = (name: string) => fieldErrors[`${path}.${name}`]?.join(' ');
  const described = (name: string) => (errorOf(name) ? `${path}-${name}-error` : nothing);
  const message = (name: string) => {
    const text = errorOf(name);
    return text
      ? html`<span part="field-error" id="${path}-${name}-error">${text}</span>`
      : nothing;
  };
  const input = (field: Field) => html`
    <div class="field">
      <label>
        ${field.label()}
        <input
          name=${field.name}
          type=${field.type ?? 'text'}
          autocomplete=${field.autocomplete}
          maxlength=${field.maxlength}
          ?required=${field.required ?? false}
          aria-invalid=${errorOf(field.name) ? 'true' : nothing}
          aria-describedby=${described(field.name)}
          .value=${live(address[field.name])}
        />
      </label>
      ${message(field.name)}
    </div>
  `;
  return html`
    ${FIELDS.map(input)}
    <div class="field">
      <label>
        ${msg('Country')}
        <select
          name="country"
          autocomplete="country"
          required
          aria-invalid=${errorOf('country') ? 'true' : nothing}
          aria-describedby=${described('country')}
        >
          <option value="" ?selected=${!address.country}>${msg('Choose a country')}</option>
          ${countries(address.country).map(
            ({ code, name }) =>
              html`<option value=${code} ?selected=${address.country === code}>${name}</option>`,
          )}
        </select>
      </label>
      ${message('country')}
    </div>
    ${input(PHONE)}
  `;
}

/** The look of `renderAddressFields` inside a fieldset: one column, two on wide containers. */
export const addressFieldStyles = css`
  fieldset {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
    min-inline-size: 0;
    margin: 0;
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  legend {
    font-weight: 700;
    padding-inline: calc(0.25 * var(--_portico-rem));
  }

  .field {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    min-inline-size: 0;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
  }

  [part~='field-error'] {
    color: var(--_danger);
    font-size: calc(0.875 * var(--_portico-rem));
    margin: 0;
  }

  @container (min-width: 40em) {
    .address-fields {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
    }

    .address-fields > :not(.field) {
      grid-column: 1 / -1;
    }
  }
`;
