import { css } from 'lit';

/** The list view: its bar, filters, tickets and first-load placeholder. */
export const listStyles = css`
  .inbox {
    display: grid;
    gap: var(--gap);
    min-inline-size: 0;
  }

  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }

  .bar [part~='new-ticket'] {
    margin-inline-start: auto;
  }

  [part~='filters'] {
    display: grid;
    gap: 0.75rem;
    grid-template-columns: minmax(0, 1fr);
  }

  @container (min-width: 36rem) {
    [part~='filters'] {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }

    [part~='filters'] .query {
      grid-column: 1 / -1;
    }
  }

  [part~='summary'] {
    color: var(--_muted);
  }

  [part~='summary']:empty {
    display: none;
  }

  [part~='summary'].empty {
    color: var(--_text);
    font-size: 1.125rem;
  }

  [part~='list'] {
    display: grid;
    gap: 0.5rem;
  }

  [part~='list'][aria-busy='true'] {
    opacity: 0.6;
  }

  [part~='ticket'] {
    display: grid;
    gap: 0.375rem;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
  }

  /* Unread: a thicker edge on the reading side and bold text, besides the "New answer" badge. */
  [part~='ticket-unread'] {
    border-inline-start: 4px solid var(--_brand);
  }

  [part~='ticket-unread'] [part~='subject'] {
    font-weight: 700;
  }

  .title {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: center;
    min-inline-size: 0;
  }

  [part~='ticket-link'] {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
    align-items: center;
    min-block-size: 44px;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  [part~='number'] {
    font-weight: 700;
    letter-spacing: 0.03em;
    white-space: nowrap;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }

  .tags [part~='tag'] {
    padding-inline: 0.5rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_muted) 12%, var(--_surface));
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }

  [part~='more'],
  [part~='clear-filters'] {
    justify-self: start;
  }
`;
