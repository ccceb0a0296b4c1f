import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  [part~='greeting'] {
    margin: 0;
    font-size: 1.125rem;
  }

  [part~='account'],
  [part~='signed-out'] {
    margin: 0;
    color: var(--_muted);
  }
`;
