import { css } from 'lit';

/** The address, review and confirmation steps. */
export const checkoutStyles = css`
  /* Address */

  fieldset {
    display: grid;
    gap: 0.75rem;
    min-inline-size: 0;
    margin: 0;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  legend {
    font-weight: 700;
    padding-inline: 0.25rem;
  }

  .address-step {
    max-inline-size: 48rem;
  }

  @container (min-width: 40rem) {
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
    gap: 0.25rem;
  }

  .choice {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-block-size: 44px;
    font-weight: 400;
    cursor: pointer;
  }

  .choice input {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    min-block-size: 0;
    margin: 0;
    accent-color: var(--_brand);
  }

  [part~='field-error'] {
    color: var(--_danger);
    font-size: 0.875rem;
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
  }

  [part~='line'] .each {
    color: var(--_muted);
  }

  .amount,
  dd {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  @container (min-width: 36rem) {
    [part~='line'] {
      grid-template-columns: minmax(0, 1fr) auto 8rem;
    }

    [part~='line'] .name {
      grid-column: auto;
    }
  }

  [part~='problem'] {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem;
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
    gap: 0.5rem;
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

  .note {
    font-weight: 600;
  }

  .changed {
    font-weight: 600;
  }

  /* Confirmation */

  [part~='confirmation'] {
    display: grid;
    gap: 0.75rem;
  }

  [part~='order-number'] {
    font-size: 1.25rem;
    letter-spacing: 0.05em;
  }

  .button {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    padding-inline: 1.25rem;
    border-radius: var(--_radius);
    background: var(--_brand);
    color: var(--_brand-contrast);
    font-weight: 600;
    text-decoration: none;
  }
`;
