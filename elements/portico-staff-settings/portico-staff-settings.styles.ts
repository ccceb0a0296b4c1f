import { css } from 'lit';

export const styles = css`
  :host {
    display: block !important;
    container-type: inline-size !important;
    --gap: var(--_space);
  }

  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  h2 {
    font-size: calc(1.125 * var(--_portico-rem));
  }

  h3 {
    margin: 0;
    font-size: var(--_portico-rem);
  }

  textarea {
    resize: vertical;
  }

  .settings,
  .block {
    display: grid;
    gap: calc(var(--gap) * 0.75);
    min-inline-size: 0;
  }

  .settings {
    gap: calc(var(--gap) * 2);
    max-inline-size: calc(48 * var(--_portico-rem));
  }

  .block {
    padding-block-end: var(--gap);
    border-block-end: 1px solid var(--_border);
  }

  .subform {
    padding: calc(var(--gap) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  fieldset {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    margin: 0;
    padding: calc(var(--gap) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }

  legend {
    font-weight: 600;
    padding-inline: calc(0.25 * var(--_portico-rem));
  }

  .colors {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12 * var(--_portico-rem)), 1fr));
    align-items: end;
  }

  .colors > .preview,
  .colors > p {
    grid-column: 1 / -1;
  }

  input[type='color'] {
    padding: calc(0.25 * var(--_portico-rem));
    cursor: pointer;
  }

  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) var(--_portico-rem);
  }

  label.check {
    display: inline-flex;
    align-items: center;
    gap: calc(0.5 * var(--_portico-rem));
    font-weight: 400;
    min-block-size: 44px;
  }

  label.check input {
    inline-size: calc(1.25 * var(--_portico-rem));
    min-block-size: calc(1.25 * var(--_portico-rem));
    margin: 0;
  }

  .preview {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(0.75 * var(--_portico-rem));
    padding: var(--gap);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .sample-button {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    padding-inline: calc(1.25 * var(--_portico-rem));
    border-radius: var(--_radius);
    font-weight: 600;
    background: var(--portico-color-brand);
    color: var(--portico-color-brand-contrast);
  }

  .sample-badge {
    padding-inline: calc(0.5 * var(--_portico-rem));
    border-radius: 999px;
    font-size: calc(0.875 * var(--_portico-rem));
    font-weight: 600;
    background: var(--portico-color-brand);
    color: var(--portico-color-brand-contrast);
  }

  .sample-link {
    color: var(--portico-color-brand);
    text-decoration: underline;
  }

  .warning {
    color: var(--_danger);
    font-weight: 600;
  }

  .field-error {
    color: var(--_danger);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12 * var(--_portico-rem)), 1fr));
    gap: calc(0.5 * var(--_portico-rem));
    align-items: start;
  }

  .field {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
  }

  .actions,
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .rows {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(0.5 * var(--_portico-rem));
    padding-block: calc(0.5 * var(--_portico-rem));
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 60%, transparent);
  }

  .row-main {
    display: grid;
    gap: calc(0.125 * var(--_portico-rem));
    flex: 1 1 calc(12 * var(--_portico-rem));
    min-inline-size: 0;
  }

  .clip {
    overflow-wrap: anywhere;
  }

  .badge {
    justify-self: start;
    padding-inline: calc(0.5 * var(--_portico-rem));
    border-radius: 999px;
    font-size: calc(0.875 * var(--_portico-rem));
    background: var(--_surface-raised);
  }

  .danger {
    background: var(--_danger);
    color: var(--_surface);
  }
`;
