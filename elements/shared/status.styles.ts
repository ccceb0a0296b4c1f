import { css } from 'lit';

/**
 * Order and invoice status badges (`<span class="status" data-status=…>`): the word always, a
 * mark and a colour only in addition (a square mark for what went wrong or was undone, so colour
 * is never the only sign).
 */
export const statusBadgeStyles = css`
  .status {
    --status-color: var(--_muted);
    display: inline-flex;
    align-items: center;
    gap: calc(0.375 * var(--_portico-rem));
    padding-inline: calc(0.625 * var(--_portico-rem));
    border: 1px solid var(--status-color);
    border-radius: 999px;
    font-size: calc(0.875 * var(--_portico-rem));
    font-weight: 600;
    white-space: nowrap;
  }

  .status::before {
    content: '';
    inline-size: calc(0.5 * var(--_portico-rem));
    block-size: calc(0.5 * var(--_portico-rem));
    border-radius: 50%;
    background: var(--status-color);
  }

  .status[data-status='confirmed'],
  .status[data-status='shipped'],
  .status[data-status='open'] {
    --status-color: var(--_brand);
  }

  .status[data-status='delivered'],
  .status[data-status='paid'] {
    --status-color: var(--_success);
  }

  .status[data-status='cancelled'],
  .status[data-status='overdue'] {
    --status-color: var(--_danger);
  }

  .status[data-status='cancelled']::before,
  .status[data-status='overdue']::before,
  .status[data-status='void']::before {
    border-radius: 0;
  }
`;
