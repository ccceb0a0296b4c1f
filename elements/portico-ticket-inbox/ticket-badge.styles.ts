import { css } from 'lit';

/** Status and priority badges: always a word, with a dot (a square when urgent) in its colour. */
export const badgeStyles = css`
  .badge {
    --badge-color: var(--_muted);
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding-inline: 0.625rem;
    border: 1px solid var(--badge-color);
    border-radius: 999px;
    font-size: 0.875rem;
    font-weight: 600;
    white-space: nowrap;
  }

  .badge::before {
    content: '';
    inline-size: 0.5rem;
    block-size: 0.5rem;
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
