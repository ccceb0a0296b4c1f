import { css } from 'lit';

export const styles = css`
  :host {
    display: block !important;
    --gap: var(--_space);
    /* !important: a page's global max-width rule must not stretch the form; --max-width widens it. */
    max-inline-size: var(--max-width, calc(28 * var(--_portico-rem))) !important;
  }

  [part~='form'] {
    display: grid;
    gap: var(--gap);
  }

  h2 {
    font-size: calc(1.25 * var(--_portico-rem));
    margin: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: center;
  }

  .switch {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) var(--_portico-rem);
    margin: 0;
    color: var(--_muted);
  }

  [part~='signed-in'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.75 * var(--_portico-rem));
    align-items: center;
    justify-content: space-between;
  }

  [part~='signed-in'] p {
    margin: 0;
  }

  .choice {
    display: flex;
    align-items: center;
    gap: calc(0.5 * var(--_portico-rem));
    min-block-size: 44px;
    font-weight: 400;
  }

  .choice input {
    inline-size: calc(1.25 * var(--_portico-rem));
    block-size: calc(1.25 * var(--_portico-rem));
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
