import { css } from 'lit';
import { statusBadgeStyles } from '../shared/status.styles.ts';

/**
 * What the overview and the billing view share: plain text blocks, rows that stack on phones and
 * line up on wider containers, status badges that say their word, and busy buttons.
 */
export const ledgerStyles = css`
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

  /* Headings take focus only to tell screen readers where they are; they are not controls. */
  [tabindex='-1']:focus {
    outline: none;
  }

  a {
    color: var(--_brand);
    overflow-wrap: anywhere;
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

  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  /* Links on their own line: as easy to hit as a button. */
  a.link {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    justify-self: start;
  }

  .empty,
  .hint,
  .meta {
    color: var(--_muted);
  }

  .problem {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    justify-items: start;
  }

  .block {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
    min-inline-size: 0;
  }

  .rows {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
  }

  /* One invoice, payment or order: stacked on phones, name and amount on one line when wider. */
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(0.25 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    align-items: center;
    padding-block: calc(0.5 * var(--_portico-rem));
    padding-inline: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .row .name {
    font-weight: 700;
  }

  .row a.name {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    justify-self: start;
  }

  .row .amount {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(0.75 * var(--_portico-rem));
    font-variant-numeric: tabular-nums;
  }

  .row .download {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    justify-items: start;
  }

  /* Wider: name and status on the first line, details and amount on the second. */
  @container (min-width: 30em) {
    .row {
      grid-template-columns: minmax(0, 1fr) auto;
    }

    .row > .status,
    .row > .amount {
      justify-self: end;
    }

    .row > .amount {
      justify-content: end;
      text-align: end;
    }

    .row > .use,
    .row > .steps,
    .row > .download {
      grid-column: 1 / -1;
    }
  }

  .status {
    justify-self: start;
  }

  [part~='error'] {
    overflow-wrap: anywhere;
  }
`;

export const styles = [
  statusBadgeStyles,
  ledgerStyles,
  css`
    :host {
      display: block !important;
      container-type: inline-size !important;
      --gap: var(--_space);
    }

    .billing {
      display: grid;
      gap: calc(var(--gap) * 1.5);
    }

    .block + .block {
      padding-block-start: var(--gap);
      border-block-start: 1px solid var(--_border);
    }

    .filter {
      justify-self: start;
      min-inline-size: min(100%, 14 * var(--_portico-rem));
    }

    .summary:empty {
      display: none;
    }

    [part~='more'] {
      justify-self: start;
    }

    [part~='invoice'] .name:focus,
    [part~='payment'] .name:focus {
      text-decoration: underline;
    }

    .dates {
      display: grid;
      gap: calc(0.75 * var(--_portico-rem));
      grid-template-columns: minmax(0, 1fr);
    }

    @container (min-width: 30em) {
      .dates {
        grid-template-columns: repeat(2, minmax(0, calc(14 * var(--_portico-rem))));
      }
    }

    .buttons {
      display: grid;
      gap: calc(0.5 * var(--_portico-rem));
      justify-items: start;
    }
  `,
];
