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
    gap: calc(0.5 * var(--_portico-rem)) var(--_portico-rem);
    align-items: center;
  }

  .bar [part~='new-ticket'] {
    margin-inline-start: auto;
  }

  [part~='filters'] {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
    grid-template-columns: minmax(0, 1fr);
  }

  @container (min-width: 36em) {
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
    font-size: calc(1.125 * var(--_portico-rem));
  }

  [part~='list'] {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
  }

  [part~='list'][aria-busy='true'] {
    opacity: 0.6;
  }

  [part~='ticket'] {
    display: grid;
    gap: calc(0.375 * var(--_portico-rem));
    padding-block: calc(0.5 * var(--_portico-rem));
    padding-inline: calc(0.75 * var(--_portico-rem));
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
    gap: calc(0.25 * var(--_portico-rem)) calc(0.5 * var(--_portico-rem));
    align-items: center;
    min-inline-size: 0;
  }

  [part~='ticket-link'] {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0 calc(0.5 * var(--_portico-rem));
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
    gap: 0 var(--_portico-rem);
    color: var(--_muted);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem));
  }

  .tags [part~='tag'] {
    padding-inline: calc(0.5 * var(--_portico-rem));
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    font-size: calc(0.875 * var(--_portico-rem));
    overflow-wrap: anywhere;
  }

  [part~='more'],
  [part~='clear-filters'] {
    justify-self: start;
  }
`;
