import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --gap: var(--_space);
  }

  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  h2 {
    font-size: 1.125rem;
  }

  h3 {
    margin: 0;
    font-size: 1rem;
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
    max-inline-size: 48rem;
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
    gap: 0.5rem;
    margin: 0;
    padding: calc(var(--gap) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }

  legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }

  .colors {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    align-items: end;
  }

  .colors > .preview,
  .colors > p {
    grid-column: 1 / -1;
  }

  input[type='color'] {
    padding: 0.25rem;
    cursor: pointer;
  }

  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }

  label.check {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 400;
    min-block-size: 44px;
  }

  label.check input {
    inline-size: 1.25rem;
    min-block-size: 1.25rem;
    margin: 0;
  }

  .preview {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    padding: var(--gap);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .sample-button {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    padding-inline: 1.25rem;
    border-radius: var(--_radius);
    font-weight: 600;
    background: var(--portico-color-brand);
    color: var(--portico-color-brand-contrast);
  }

  .sample-badge {
    padding-inline: 0.5rem;
    border-radius: 999px;
    font-size: 0.875rem;
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
    font-size: 0.875rem;
  }

  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    gap: 0.5rem;
    align-items: start;
  }

  .field {
    display: grid;
    gap: 0.25rem;
  }

  .actions,
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .rows {
    display: grid;
    gap: 0.5rem;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding-block: 0.5rem;
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 60%, transparent);
  }

  .row-main {
    display: grid;
    gap: 0.125rem;
    flex: 1 1 12rem;
    min-inline-size: 0;
  }

  .clip {
    overflow-wrap: anywhere;
  }

  .badge {
    justify-self: start;
    padding-inline: 0.5rem;
    border-radius: 999px;
    font-size: 0.875rem;
    background: color-mix(in srgb, var(--_muted) 15%, var(--_surface));
  }

  .danger {
    background: var(--_danger);
    color: #ffffff;
  }
`;
