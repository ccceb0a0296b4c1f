import { css } from 'lit';

/** Status and priority badges: always a word, with a dot (a square when urgent) in its colour. */
export const badgeStyles = css`
  .badge {
    --badge-color: var(--_muted);
    display: inline-flex;
    align-items: center;
    gap: calc(0.375 * var(--_portico-rem));
    padding-inline: calc(0.625 * var(--_portico-rem));
    border: 1px solid var(--badge-color);
    border-radius: 999px;
    font-size: calc(0.875 * var(--_portico-rem));
    font-weight: 600;
    white-space: nowrap;
  }

  .badge::before {
    content: '';
    inline-size: calc(0.5 * var(--_portico-rem));
    block-size: calc(0.5 * var(--_portico-rem));
    border-radius: 50%;
    background: var(--badge-color);
  }

  .badge[data-status='open'],
  .badge[data-status='pending'] {
    --badge-color: var(--_brand);
  }

  .badge[data-status='resolved'] {
    --badge-color: var(--_success);
  }

  .badge[data-priority='high'],
  .badge[data-priority='urgent'] {
    --badge-color: var(--_danger);
  }

  .badge[data-priority='urgent']::before {
    border-radius: 0;
  }
`;
