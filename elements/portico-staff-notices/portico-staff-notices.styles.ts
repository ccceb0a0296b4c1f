import { css } from 'lit';

/** Besides the staff page's layout (`staffPageStyles`): reminder rules, statuses, account chips. */
export const styles = css`
  :host {
    display: block !important;
    container-type: inline-size !important;
    --gap: var(--_space);
  }

  .rule {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    min-inline-size: 0;
    padding-block-end: calc(0.5 * var(--_portico-rem));
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 60%, transparent);
  }

  .body {
    white-space: pre-line;
  }

  [part~='status-active'] {
    background: color-mix(in srgb, var(--_success) 15%, var(--_surface));
  }

  [part~='severity-warning'],
  [part~='severity-outage'] {
    background: color-mix(in srgb, var(--_danger) 12%, var(--_surface));
  }

  .changed {
    margin: 0;
    padding: calc(0.5 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    border-inline-start: 4px solid var(--_danger);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_surface));
    font-weight: 600;
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .chips li {
    display: inline-flex;
    align-items: center;
    gap: calc(0.5 * var(--_portico-rem));
    padding-inline-start: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
    max-inline-size: 100%;
  }

  .hits {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
  }

  .hits button {
    inline-size: 100%;
    text-align: start;
    overflow-wrap: anywhere;
  }
`;
