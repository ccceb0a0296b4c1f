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

  .integrations,
  .block-group,
  .block {
    display: grid;
    gap: calc(var(--gap) * 0.75);
    min-inline-size: 0;
  }

  .integrations {
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
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }

  .warning {
    color: var(--_danger);
    font-weight: 600;
  }

  .danger {
    background: var(--_danger);
    color: #ffffff;
  }

  .secret {
    display: grid;
    gap: 0.5rem;
    padding: calc(var(--gap) * 0.75);
    border: 2px solid var(--_brand);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }

  .secret input {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
  }

  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    overflow-wrap: anywhere;
  }

  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    gap: 0.5rem;
    align-items: end;
  }

  .table-scroll {
    /* Holds the header's visually hidden text, which would otherwise widen the page. */
    position: relative;
    max-inline-size: 100%;
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.9375rem;
  }

  th,
  td {
    padding: 0.5rem;
    text-align: start;
    vertical-align: top;
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 60%, transparent);
  }

  td .hint {
    display: block;
  }

  td.clip {
    min-inline-size: 10rem;
    max-inline-size: 18rem;
  }

  summary {
    cursor: pointer;
    min-block-size: 44px;
    display: flex;
    align-items: center;
    color: var(--_brand);
  }

  pre {
    margin: 0;
    max-block-size: 16rem;
    max-inline-size: 28rem;
    overflow: auto;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-size: 0.8125rem;
  }

  [part~='status-delivered'] {
    background: color-mix(in srgb, var(--_success) 15%, var(--_surface));
  }

  [part~='status-failed'] {
    background: color-mix(in srgb, var(--_danger) 12%, var(--_surface));
  }
`;
