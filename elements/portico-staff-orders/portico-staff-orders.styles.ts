import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
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
    font-size: 1rem;
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
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    gap: 0.5rem;
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
    gap: 0.5rem;
  }

  .row {
    display: grid;
    gap: 0.25rem;
    padding: 0.75rem;
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
    gap: 0.25rem 0.75rem;
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
    font-size: 0.875rem;
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

  @container (min-width: 56rem) {
    .order-body {
      grid-template-columns: minmax(0, 1fr) minmax(0, 20rem);
      align-items: start;
    }
  }

  .lines {
    display: grid;
    gap: 0.375rem;
  }

  .line,
  .totals > div {
    display: flex;
    justify-content: space-between;
    gap: 0.75rem;
    min-inline-size: 0;
  }

  .line-name {
    display: grid;
    overflow-wrap: anywhere;
  }

  .totals {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding-block-start: 0.5rem;
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
    gap: 0.5rem;
    border-inline-start: 2px solid var(--_border);
    padding-inline-start: 0.75rem;
  }

  .timeline li {
    display: grid;
    gap: 0.125rem;
    overflow-wrap: anywhere;
  }

  .byline {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
    font-size: 0.875rem;
    color: var(--_muted);
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  .panel {
    padding: 0.75rem;
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
    color: #ffffff;
  }
`;
