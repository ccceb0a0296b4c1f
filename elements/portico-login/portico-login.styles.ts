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

  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 44px;
    font-weight: 400;
  }

  .choice input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    min-block-size: 0;
    flex: none;
    margin: 0;
  }

  .secondary {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }
`;
