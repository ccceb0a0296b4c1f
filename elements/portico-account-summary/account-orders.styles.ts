import { css } from 'lit';

export const styles = css`
  :host {
    display: block !important;
    container-type: inline-size !important;
    --gap: var(--_space);
  }

  p {
    margin: 0;
  }

  h2 {
    font-size: calc(1.25 * var(--_portico-rem));
    margin: 0;
  }

  h3 {
    font-size: calc(1.0625 * var(--_portico-rem));
    margin: 0;
  }

  h4 {
    font-size: var(--_portico-rem);
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
    /* The surface's colour reads on the danger colour in both schemes. */
    color: var(--_surface);
  }

  /* Links that act as buttons: the same 44 px target as the buttons beside them. */
  .button {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    padding-block: calc(0.5 * var(--_portico-rem));
    padding-inline: calc(1.25 * var(--_portico-rem));
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
    gap: calc(0.5 * var(--_portico-rem));
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

  [part~='order'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    align-items: center;
    padding: calc(0.5 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
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
    gap: 0 calc(0.75 * var(--_portico-rem));
    color: var(--_muted);
  }

  [part~='order-total'] {
    font-weight: 600;
  }

  @container (min-width: 40em) {
    [part~='order'] {
      grid-template-columns:
        calc(10 * var(--_portico-rem)) calc(9 * var(--_portico-rem)) minmax(0, 1fr)
        auto;
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
    gap: calc(0.5 * var(--_portico-rem)) var(--_portico-rem);
    align-items: center;
  }

  .block {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
    padding-block-start: var(--gap);
    border-block-start: 1px solid var(--_border);
  }

  [part~='lines'] {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
  }

  [part~='line'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0 calc(0.75 * var(--_portico-rem));
    padding-block-end: calc(0.5 * var(--_portico-rem));
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

  @container (min-width: 36em) {
    [part~='line'] {
      grid-template-columns: minmax(0, 1fr) auto calc(8 * var(--_portico-rem));
    }

    [part~='line'] .name {
      grid-column: auto;
    }
  }

  [part~='totals'] {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    margin: 0;
  }

  [part~='totals'] div {
    display: flex;
    justify-content: space-between;
    gap: var(--_portico-rem);
  }

  dd {
    margin: 0;
  }

  [part~='totals'] .grand {
    font-weight: 700;
    font-size: calc(1.125 * var(--_portico-rem));
    padding-block-start: calc(0.5 * var(--_portico-rem));
    border-block-start: 1px solid var(--_border);
  }

  [part~='address'] {
    font-style: normal;
    overflow-wrap: anywhere;
  }

  .panel {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
    padding: calc(0.75 * var(--_portico-rem));
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
    gap: calc(0.25 * var(--_portico-rem));
    padding-inline-start: calc(1.25 * var(--_portico-rem));
    list-style: disc;
  }

  .problem {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    justify-items: start;
  }

  [part~='timeline'] {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
    border-inline-start: 2px solid var(--_border);
    padding-inline-start: var(--_portico-rem);
  }

  [part~='event'] {
    display: grid;
    gap: calc(0.125 * var(--_portico-rem));
    overflow-wrap: anywhere;
  }

  [part~='event'] time {
    color: var(--_muted);
    font-size: calc(0.875 * var(--_portico-rem));
  }
`;
