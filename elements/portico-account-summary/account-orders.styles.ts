import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --gap: var(--_space);
  }

  p {
    margin: 0;
  }

  h2 {
    font-size: 1.25rem;
    margin: 0;
  }

  h3 {
    font-size: 1.0625rem;
    margin: 0;
  }

  h4 {
    font-size: 1rem;
    margin: 0;
  }

  /* Headings take focus only to tell screen readers where they are; they are not controls. */
  [tabindex='-1']:focus {
    outline: none;
  }

  a {
    color: var(--_brand);
  }

  textarea {
    resize: vertical;
  }

  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .secondary {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }

  .danger {
    background: var(--_danger);
    color: #ffffff;
  }

  /* Links that act as buttons: the same 44 px target as the buttons beside them. */
  .button {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    padding-block: 0.5rem;
    padding-inline: 1.25rem;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: var(--_brand);
    color: var(--_brand-contrast);
    font-weight: 600;
    text-decoration: none;
  }

  .button.secondary {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  .amount,
  dd {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  /* History */

  [part~='history'],
  [part~='detail'] {
    display: grid;
    gap: var(--gap);
    min-inline-size: 0;
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

  [part~='order'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25rem 0.75rem;
    align-items: center;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  [part~='order-link'] {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    font-weight: 700;
    letter-spacing: 0.03em;
  }

  [part~='order'] .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
    color: var(--_muted);
  }

  [part~='order-total'] {
    font-weight: 600;
  }

  @container (min-width: 40rem) {
    [part~='order'] {
      grid-template-columns: 10rem 9rem minmax(0, 1fr) auto;
    }
  }

  [part~='more'],
  [part~='clear-filters'] {
    justify-self: start;
  }

  /* Status badges: the word always, a dot and a colour in addition. */

  .status {
    justify-self: start;
  }

  /* Detail */

  .back {
    justify-self: start;
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
  }

  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }

  .block {
    display: grid;
    gap: 0.75rem;
    padding-block-start: var(--gap);
    border-block-start: 1px solid var(--_border);
  }

  [part~='lines'] {
    display: grid;
    gap: 0.5rem;
  }

  [part~='line'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0 0.75rem;
    padding-block-end: 0.5rem;
    border-block-end: 1px solid var(--_border);
  }

  [part~='line'] .name {
    grid-column: 1 / -1;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  [part~='line'] .each {
    color: var(--_muted);
  }

  @container (min-width: 36rem) {
    [part~='line'] {
      grid-template-columns: minmax(0, 1fr) auto 8rem;
    }

    [part~='line'] .name {
      grid-column: auto;
    }
  }

  [part~='totals'] {
    display: grid;
    gap: 0.25rem;
    margin: 0;
  }

  [part~='totals'] div {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
  }

  dd {
    margin: 0;
  }

  [part~='totals'] .grand {
    font-weight: 700;
    font-size: 1.125rem;
    padding-block-start: 0.5rem;
    border-block-start: 1px solid var(--_border);
  }

  [part~='address'] {
    font-style: normal;
    overflow-wrap: anywhere;
  }

  .panel {
    display: grid;
    gap: 0.75rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
  }

  .panel > .button,
  .panel > [part~='ticket'] {
    justify-self: start;
  }

  [part~='cancel-confirm'] {
    border-color: var(--_danger);
  }

  [part~='reorder-result'] ul {
    display: grid;
    gap: 0.25rem;
    padding-inline-start: 1.25rem;
    list-style: disc;
  }

  .problem {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }

  [part~='timeline'] {
    display: grid;
    gap: 0.75rem;
    border-inline-start: 2px solid var(--_border);
    padding-inline-start: 1rem;
  }

  [part~='event'] {
    display: grid;
    gap: 0.125rem;
    overflow-wrap: anywhere;
  }

  [part~='event'] time {
    color: var(--_muted);
    font-size: 0.875rem;
  }
`;
