import { css } from 'lit';

/** Besides the staff page's layout (`staffPageStyles`): secrets, the deliveries table, filters. */
export const styles = css`
  :host {
    display: block !important;
    container-type: inline-size !important;
    --gap: var(--_space);
  }

  .block-group {
    display: grid;
    gap: calc(var(--gap) * 0.75);
    min-inline-size: 0;
  }

  /* An endpoint's edit form takes its whole row. */
  .edit-form {
    flex: 1 1 100%;
    min-inline-size: 0;
  }

  .edit-form h3 {
    margin: 0;
  }

  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) var(--_portico-rem);
  }

  .warning {
    color: var(--_danger);
    font-weight: 600;
  }

  .danger {
    background: var(--_danger);
    color: var(--_surface);
  }

  .secret {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
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
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12 * var(--_portico-rem)), 1fr));
    gap: calc(0.5 * var(--_portico-rem));
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
    font-size: calc(0.9375 * var(--_portico-rem));
  }

  th,
  td {
    padding: calc(0.5 * var(--_portico-rem));
    text-align: start;
    vertical-align: top;
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 60%, transparent);
  }

  td .hint {
    display: block;
  }

  td.clip {
    min-inline-size: calc(10 * var(--_portico-rem));
    max-inline-size: calc(18 * var(--_portico-rem));
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
    max-block-size: calc(16 * var(--_portico-rem));
    max-inline-size: calc(28 * var(--_portico-rem));
    overflow: auto;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-size: calc(0.8125 * var(--_portico-rem));
  }

  [part~='status-delivered'] {
    background: color-mix(in srgb, var(--_success) 15%, var(--_surface));
  }

  [part~='status-failed'] {
    background: color-mix(in srgb, var(--_danger) 12%, var(--_surface));
  }
`;
