import { css } from 'lit';
import { checkoutStyles } from './order-form.checkout.styles.ts';

const catalogStyles = css`
  :host {
    display: block !important;
    container-type: inline-size !important;
    --gap: var(--_space);
    --card-min-width: calc(13 * var(--_portico-rem));
    --cart-width: calc(20 * var(--_portico-rem));
    --image-aspect-ratio: 4 / 3;
    --highlight: var(--_brand);
  }

  p {
    margin: 0;
  }

  /* Headings take focus only to tell screen readers where they are; they are not controls. */
  [tabindex='-1']:focus {
    outline: none;
  }

  h2 {
    font-size: calc(1.25 * var(--_portico-rem));
    margin: 0;
  }

  h3 {
    font-size: var(--_portico-rem);
    margin: 0;
  }

  textarea {
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .secondary {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: center;
    justify-content: space-between;
  }

  .hint,
  .empty,
  .description {
    color: var(--_muted);
  }

  /* Steps */

  [part~='steps'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) var(--_portico-rem);
    list-style: none;
    margin: 0;
    margin-block-end: var(--gap);
    padding: 0;
    counter-reset: step;
    color: var(--_muted);
  }

  [part~='steps'] li {
    counter-increment: step;
    padding-block: calc(0.25 * var(--_portico-rem));
    border-block-end: 3px solid transparent;
  }

  [part~='steps'] li::before {
    content: counter(step) '. ';
  }

  /* Persian readers count ۱، ۲، ۳. */
  :host(:lang(fa)) [part~='steps'] li::before {
    content: counter(step, persian) '. ';
  }

  [part~='steps'] [aria-current='step'] {
    color: var(--_text);
    font-weight: 700;
    border-block-end-color: var(--_brand);
  }

  .step {
    display: grid;
    gap: var(--gap);
  }

  /* Catalog and cart: side by side where there is room, the cart below the products otherwise. */

  .catalog-layout {
    display: grid;
    gap: var(--gap);
    grid-template-columns: minmax(0, 1fr);
    align-items: start;
  }

  @container (min-width: 48em) {
    .catalog-layout {
      grid-template-columns: minmax(0, 1fr) var(--cart-width);
    }

    [part~='cart'] {
      position: sticky;
      inset-block-start: 0;
    }
  }

  .catalog {
    display: grid;
    gap: var(--gap);
    align-content: start;
  }

  /* On a phone the chips are one row that scrolls sideways inside the form, not a wall. */
  [part~='categories'] {
    display: flex;
    gap: calc(0.5 * var(--_portico-rem));
    overflow-x: auto;
    overscroll-behavior-inline: contain;
    scroll-snap-type: inline proximity;
    padding-block-end: calc(0.25 * var(--_portico-rem));
  }

  [part~='categories'] .chip {
    flex: none;
    scroll-snap-align: start;
  }

  @container (min-width: 36em) {
    [part~='categories'] {
      flex-wrap: wrap;
      overflow-x: visible;
    }
  }

  .chip {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
    border-radius: 999px;
    font-weight: 500;
  }

  .chip[aria-pressed='true'] {
    background: var(--_brand);
    color: var(--_brand-contrast);
    border-color: var(--_brand);
  }

  .grid {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--gap);
    grid-template-columns: minmax(0, 1fr);
  }

  @container (min-width: 30em) {
    .grid {
      grid-template-columns: repeat(auto-fill, minmax(min(var(--card-min-width), 100%), 1fr));
    }
  }

  .card {
    display: flex;
    flex-direction: column;
    gap: calc(0.5 * var(--_portico-rem));
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .card .body {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: calc(0.5 * var(--_portico-rem));
  }

  [part~='featured'] {
    border: 2px solid var(--highlight);
  }

  @container (min-width: 36em) {
    [part~='featured'] {
      flex-direction: row;
      gap: var(--gap);
    }

    [part~='featured'] [part~='product-image'] {
      flex: none;
      inline-size: 40%;
    }
  }

  [part~='product-image'] {
    display: block;
    inline-size: 100%;
    block-size: auto;
    aspect-ratio: var(--image-aspect-ratio);
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
    background: color-mix(in srgb, var(--_border) 35%, var(--_surface));
  }

  [part~='price'] {
    font-weight: 700;
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem));
  }

  [part~='badge'] {
    font-size: calc(0.875 * var(--_portico-rem));
    padding-inline: calc(0.5 * var(--_portico-rem));
    border: 1px solid currentColor;
    border-radius: 999px;
  }

  [part~='badge'].sold-out {
    color: var(--_danger);
  }

  .card-actions {
    margin-block-start: auto;
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: center;
  }

  [part~='add'][disabled] {
    cursor: not-allowed;
  }

  .in-cart {
    color: var(--_success);
    font-weight: 600;
  }

  [part~='more'] {
    justify-self: center;
  }

  [part~='cart'] {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .cart-lines {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
  }

  [part~='cart-line'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    padding-block-end: calc(0.75 * var(--_portico-rem));
    border-block-end: 1px solid var(--_border);
  }

  [part~='cart-line'] .name {
    flex: 1 1 100%;
    font-weight: 600;
  }

  [part~='cart-line'] .each {
    flex: 1 1 auto;
    color: var(--_muted);
    align-self: center;
  }

  .quantity {
    display: flex;
    align-items: center;
    gap: calc(0.5 * var(--_portico-rem));
    font-weight: 400;
  }

  [part~='quantity'] {
    inline-size: calc(6 * var(--_portico-rem));
  }

  [part~='subtotal'] {
    display: flex;
    justify-content: space-between;
    gap: var(--_portico-rem);
  }
`;

export const styles = [catalogStyles, checkoutStyles];
