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

  h3 {
    margin: 0;
    font-size: 1rem;
  }

  textarea {
    resize: vertical;
  }

  .notices,
  .block {
    display: grid;
    gap: calc(var(--gap) * 0.75);
    min-inline-size: 0;
  }

  .notices {
    gap: calc(var(--gap) * 2);
    max-inline-size: 52rem;
  }

  .block {
    padding-block-end: var(--gap);
    border-block-end: 1px solid var(--_border);
  }

  .subform {
    padding: calc(var(--gap) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
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

  fieldset.plain {
    padding: 0;
    border: 0;
    gap: calc(var(--gap) * 0.75);
  }

  legend {
    font-weight: 600;
    padding-inline: 0.25rem;
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
    flex: none;
  }

  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: 0.5rem;
    align-items: start;
  }

  .field,
  .rule {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
  }

  .rule {
    padding-block-end: 0.5rem;
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 60%, transparent);
  }

  .field-error {
    color: var(--_danger);
    font-size: 0.875rem;
  }

  .actions,
  .row-actions,
  .row-title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  .rows {
    display: grid;
    gap: 0.5rem;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
  }

  .row-main {
    display: grid;
    gap: 0.25rem;
    flex: 1 1 14rem;
    min-inline-size: 0;
  }

  .body {
    white-space: pre-line;
  }

  .clip {
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }

  .badge {
    padding-inline: 0.5rem;
    border-radius: 999px;
    font-size: 0.875rem;
    background: color-mix(in srgb, var(--_muted) 15%, var(--_surface));
  }

  [part~='status-active'] {
    background: color-mix(in srgb, var(--_success) 15%, var(--_surface));
  }

  [part~='severity-warning'],
  [part~='severity-outage'] {
    background: color-mix(in srgb, var(--_danger) 12%, var(--_surface));
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .chips li {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    padding-inline-start: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
    max-inline-size: 100%;
  }

  .hits {
    display: grid;
    gap: 0.25rem;
  }

  .hits button {
    inline-size: 100%;
    text-align: start;
    overflow-wrap: anywhere;
  }

  .small {
    padding-inline: 0.75rem;
  }
`;
