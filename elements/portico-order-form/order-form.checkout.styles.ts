import { css } from 'lit';

/** The address, review and confirmation steps. */
export const checkoutStyles = css`
  /* Address */

  fieldset {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
    min-inline-size: 0;
    margin: 0;
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  legend {
    font-weight: 700;
    padding-inline: calc(0.25 * var(--_portico-rem));
  }

  .address-step {
    max-inline-size: calc(48 * var(--_portico-rem));
  }

  @container (min-width: 40em) {
    [part~='address-form'] {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
    }

    [part~='address-form'] > .choice,
    [part~='address-form'] > label {
      grid-column: 1 / -1;
    }
  }

  .field {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
  }

  .choice {
    display: flex;
    align-items: center;
    gap: calc(0.75 * var(--_portico-rem));
    min-block-size: 44px;
    font-weight: 400;
    cursor: pointer;
  }

  .choice input {
    flex: none;
    inline-size: calc(1.25 * var(--_portico-rem));
    block-size: calc(1.25 * var(--_portico-rem));
    min-block-size: 0;
    margin: 0;
    accent-color: var(--_brand);
  }

  [part~='field-error'] {
    color: var(--_danger);
    font-size: calc(0.875 * var(--_portico-rem));
    margin: 0;
  }

  /* Review */

  [part~='review'] {
    display: grid;
    gap: var(--gap);
  }

  .lines,
  .problems {
    list-style: none;
    margin: 0;
    padding: 0;
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
  }

  [part~='line'] .each {
    color: var(--_muted);
  }

  .amount,
  dd {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  @container (min-width: 36em) {
    [part~='line'] {
      grid-template-columns: minmax(0, 1fr) auto calc(8 * var(--_portico-rem));
    }

    [part~='line'] .name {
      grid-column: auto;
    }
  }

  [part~='problem'] {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
  }

  [part~='problem'] .name {
    font-weight: 600;
  }

  [part~='problem'] .why {
    color: var(--_danger);
  }

  .fixes {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
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

  .note {
    font-weight: 600;
  }

  .changed {
    font-weight: 600;
  }

  /* Confirmation */

  [part~='confirmation'] {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
  }

  [part~='order-number'] {
    font-size: calc(1.25 * var(--_portico-rem));
    letter-spacing: 0.05em;
  }

  .button {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    padding-inline: calc(1.25 * var(--_portico-rem));
    border-radius: var(--_radius);
    background: var(--_brand);
    color: var(--_brand-contrast);
    font-weight: 600;
    text-decoration: none;
  }
`;
