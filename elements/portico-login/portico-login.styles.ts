import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --gap: var(--_space);
    max-inline-size: 28rem;
  }

  [part~='form'] {
    display: grid;
    gap: var(--gap);
  }

  h2 {
    font-size: 1.25rem;
    margin: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  .switch {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
    color: var(--_muted);
  }

  [part~='signed-in'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    justify-content: space-between;
  }

  [part~='signed-in'] p {
    margin: 0;
  }

  .secondary {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }
`;
