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

  h3,
  h4 {
    margin: 0;
    font-size: var(--_portico-rem);
  }

  textarea {
    resize: vertical;
  }

  .orders,
  .order,
  .order-main,
  .block {
    display: grid;
    gap: calc(var(--gap) * 0.75);
    min-inline-size: 0;
    align-content: start;
  }

  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12 * var(--_portico-rem)), 1fr));
    gap: calc(0.5 * var(--_portico-rem));
    align-items: end;
  }

  .filters .wide {
    grid-column: 1 / -1;
  }

  label {
    min-inline-size: 0;
  }

  .rows {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .row {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
  }

  .row-title,
  .row-facts,
  .facts,
  .order-head {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    align-items: center;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .row-title .number {
    font-weight: 600;
  }

  .row-title .total {
    margin-inline-start: auto;
    font-weight: 600;
  }

  .row-facts,
  .facts {
    font-size: calc(0.875 * var(--_portico-rem));
    color: var(--_muted);
  }

  .number,
  .total,
  .amount,
  dd {
    font-variant-numeric: tabular-nums;
  }

  [part~='more'],
  [part~='back'] {
    justify-self: start;
  }

  .order-body {
    display: grid;
    gap: var(--gap);
    min-inline-size: 0;
  }

  @container (min-width: 56em) {
    .order-body {
      grid-template-columns: minmax(0, 1fr) minmax(0, calc(20 * var(--_portico-rem)));
      align-items: start;
    }
  }

  .lines {
    display: grid;
    gap: calc(0.375 * var(--_portico-rem));
  }

  .line,
  .totals > div {
    display: flex;
    justify-content: space-between;
    gap: calc(0.75 * var(--_portico-rem));
    min-inline-size: 0;
  }

  .line-name {
    display: grid;
    overflow-wrap: anywhere;
  }

  .totals {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    margin: 0;
    padding-block-start: calc(0.5 * var(--_portico-rem));
    border-block-start: 1px solid var(--_border);
  }

  dd {
    margin: 0;
  }

  .grand {
    font-weight: 700;
  }

  .address {
    display: grid;
    font-style: normal;
    overflow-wrap: anywhere;
  }

  .note {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .timeline {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    border-inline-start: 2px solid var(--_border);
    padding-inline-start: calc(0.75 * var(--_portico-rem));
  }

  .timeline li {
    display: grid;
    gap: calc(0.125 * var(--_portico-rem));
    overflow-wrap: anywhere;
  }

  .byline {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(0.5 * var(--_portico-rem));
    font-size: calc(0.875 * var(--_portico-rem));
    color: var(--_muted);
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: center;
  }

  .panel {
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
  }

  .danger-panel {
    border-color: var(--_danger);
  }

  .danger {
    background: var(--_danger);
    color: var(--_surface);
  }
`;
