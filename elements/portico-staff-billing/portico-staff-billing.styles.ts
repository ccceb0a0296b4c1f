import { css } from 'lit';

export const styles = css`
  :host {
    display: block !important;
    container-type: inline-size !important;
    --gap: var(--_space);
  }

  ul,
  ol {
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

  .view,
  .block,
  .stack {
    display: grid;
    gap: calc(var(--gap) * 0.75);
    min-inline-size: 0;
    align-content: start;
  }

  .view {
    gap: var(--gap);
  }

  .columns {
    display: grid;
    gap: var(--gap);
    min-inline-size: 0;
  }

  @container (min-width: 56em) {
    .columns {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
    }
  }

  .filters,
  .fields,
  .dates {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 10 * var(--_portico-rem)), 1fr));
    gap: calc(0.5 * var(--_portico-rem));
    align-items: end;
  }

  .filters .wide,
  .fields .wide {
    grid-column: 1 / -1;
  }

  label {
    min-inline-size: 0;
  }

  label.check {
    display: flex;
    align-items: center;
    gap: calc(0.5 * var(--_portico-rem));
    font-weight: 400;
  }

  label.check input {
    inline-size: auto;
    min-block-size: calc(1.25 * var(--_portico-rem));
  }

  fieldset {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    margin: 0;
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }

  legend {
    font-weight: 600;
    padding-inline: calc(0.25 * var(--_portico-rem));
  }

  .action {
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .rows,
  .plain {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    overflow-wrap: anywhere;
  }

  .row {
    display: grid;
    gap: calc(0.375 * var(--_portico-rem));
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
  }

  .row-title,
  .row-facts,
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    align-items: center;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .row-facts {
    font-size: calc(0.875 * var(--_portico-rem));
    color: var(--_muted);
  }

  .number {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .status {
    padding-inline: calc(0.5 * var(--_portico-rem));
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: calc(0.8125 * var(--_portico-rem));
    font-weight: 600;
  }

  .status[data-status='overdue'] {
    color: var(--_danger);
  }

  .status[data-status='paid'] {
    color: var(--_success);
  }

  .status[data-status='void'] {
    color: var(--_muted);
    text-decoration: line-through;
  }

  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 9 * var(--_portico-rem)), 1fr));
    gap: calc(0.5 * var(--_portico-rem));
    margin: 0;
  }

  .figures div {
    padding: calc(0.5 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .figures dt {
    font-size: calc(0.875 * var(--_portico-rem));
    color: var(--_muted);
  }

  .figures dd {
    margin: 0;
    font-size: calc(1.125 * var(--_portico-rem));
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .table-wrap {
    overflow-x: auto;
    max-inline-size: 100%;
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: calc(0.875 * var(--_portico-rem));
  }

  th,
  td {
    padding-block: calc(0.375 * var(--_portico-rem));
    padding-inline: calc(0.5 * var(--_portico-rem));
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }

  td .hint {
    display: block;
  }

  .money {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .confirm {
    flex-basis: 100%;
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: start;
  }

  .field-error,
  [part~='field-error'] {
    color: var(--_danger);
  }
`;
