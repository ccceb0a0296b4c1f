import { css } from 'lit';

/** Besides the staff page's layout (`staffPageStyles`): reminder rules, statuses, account chips. */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --gap: var(--_space);
  }

  .rule {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
    padding-block-end: 0.5rem;
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
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_danger);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_surface));
    font-weight: 600;
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
`;
