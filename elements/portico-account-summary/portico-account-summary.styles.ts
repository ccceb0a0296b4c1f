import { css } from 'lit';
import { ledgerStyles } from './account-billing.styles.ts';
import { statusBadgeStyles } from '../shared/status.styles.ts';

const shellStyles = css`
  :host {
    display: block !important;
    container-type: inline-size !important;
    --gap: var(--_space);
    --card-min-width: calc(18 * var(--_portico-rem));
  }

  [part~='second-factor-required'] {
    margin: 0;
  }

  [part~='account'],
  [part~='signed-out'],
  [part~='no-account'] {
    margin: 0;
    color: var(--_muted);
  }

  [part~='greeting'],
  [part~='heading'] {
    margin: 0;
    font-size: calc(1.25 * var(--_portico-rem));
  }

  /* Navigation: a row of links that wraps; the current one is bold and underlined, not only tinted. */

  [part~='nav'] {
    margin-block-end: var(--gap);
    border-block-end: 1px solid var(--_border);
  }

  [part~='nav'] ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(0.25 * var(--_portico-rem));
  }

  [part~='nav-link'] {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    padding-inline: calc(0.75 * var(--_portico-rem));
    color: var(--_text);
    text-decoration: none;
    border-block-end: 3px solid transparent;
  }

  [part~='nav-link']:hover {
    text-decoration: underline;
  }

  [part~='nav-link'][aria-current] {
    font-weight: 700;
    border-block-end-color: var(--_brand);
  }

  [part~='nav-link'][aria-current='true'] {
    border-block-end-style: dotted;
  }

  .overview-view,
  .profile-view,
  [part~='second-factor-gate'] {
    display: grid;
    gap: var(--gap);
  }

  .greeting {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
  }

  /* Overview */

  .overview-bar {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem)) var(--_portico-rem);
    align-items: center;
    justify-content: space-between;
  }

  [part~='summary'] {
    color: var(--_muted);
  }

  .overview {
    display: grid;
    gap: var(--gap);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--card-min-width)), 1fr));
    align-items: start;
  }

  /* Each card is a container, so its rows lay out by the card's width, not the page's. */
  .card {
    container-type: inline-size;
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
    padding: var(--_portico-rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
  }

  .card.wide {
    grid-column: 1 / -1;
  }

  .card .row {
    border-inline: none;
    border-block-start: none;
    border-radius: 0;
    padding-inline: 0;
  }

  .card .rows > :last-child {
    border-block-end: none;
  }

  [part~='balance-amount'] {
    font-size: calc(1.5 * var(--_portico-rem));
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }

  [part~='overdue'] {
    display: flex;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: center;
    padding-block: calc(0.5 * var(--_portico-rem));
    padding-inline: calc(0.75 * var(--_portico-rem));
    border-inline-start: 4px solid var(--_danger);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_surface));
    color: var(--_danger);
    overflow-wrap: anywhere;
  }

  [part~='overdue'] .mark {
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: calc(1.5 * var(--_portico-rem));
    block-size: calc(1.5 * var(--_portico-rem));
    border-radius: 50%;
    background: var(--_danger);
    /* The surface's colour reads on the danger colour in both schemes. */
    color: var(--_surface);
    font-weight: 700;
  }

  /* A recent order's steps: a row of dated stops that wraps on narrow cards. */

  [part~='steps'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) var(--_portico-rem);
    font-size: calc(0.875 * var(--_portico-rem));
    color: var(--_muted);
  }

  [part~='step'] {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0 calc(0.375 * var(--_portico-rem));
    align-items: baseline;
  }

  [part~='step'] .mark {
    display: inline-grid;
    place-items: center;
    inline-size: calc(1.125 * var(--_portico-rem));
    block-size: calc(1.125 * var(--_portico-rem));
    border: 1px solid currentColor;
    border-radius: 50%;
    font-size: calc(0.75 * var(--_portico-rem));
    align-self: center;
  }

  [part~='step-done'] {
    color: var(--_text);
  }

  [part~='step'][aria-current='step'] .label {
    font-weight: 700;
  }

  [part~='step'][data-step='cancelled'] {
    color: var(--_danger);
  }

  /* The first read's placeholder: grey bones where the cards will be; still for reduced motion. */

  .skeleton {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
  }

  .bone {
    block-size: calc(3 * var(--_portico-rem));
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    animation: pulse 1.5s ease-in-out infinite;
  }

  .bone.large {
    block-size: calc(6 * var(--_portico-rem));
  }

  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }
`;

export const styles = [statusBadgeStyles, ledgerStyles, shellStyles];
