import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** One `<option>` of a filter's select, chosen when it is the filter's current value. */
export function filterOption(value: string, label: string, current: string) {
  return html`<option value=${value} ?selected=${current === value}>${label}</option>`;
}

const keepOnPage = (event: SubmitEvent) => event.preventDefault();

/**
 * The form above a list that narrows it as a person types or picks: a search landmark named
 * `label`, whose every control `onInput` hears, and which Enter never sends anywhere (the list
 * follows the fields already). `classes` is the form's class, when its styles want one.
 */
export function filterForm(
  label: string,
  onInput: (event: Event) => void,
  fields: unknown,
  classes?: string,
) {
  return html`
    <form
      part="filters"
      class=${ifDefined(classes)}
      role="search"
      aria-label=${label}
      @submit=${keepOnPage}
      @input=${onInput}
      @change=${onInput}
    >
      ${fields}
    </form>
  `;
}
