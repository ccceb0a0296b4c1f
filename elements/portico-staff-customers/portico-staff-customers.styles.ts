import { css } from 'lit';

export const styles = css`
  :host {
    display: block !important;
    container-type: inline-size !important;
    --gap: var(--_space);
  }

  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  h2 {
    font-size: calc(1.125 * var(--_portico-rem));
  }

  h3 {
    margin: 0;
    font-size: var(--_portico-rem);
  }

  textarea {
    resize: vertical;
  }

  .list,
  .account,
  .account-main,
  .account-side,
  .block {
    display: grid;
    gap: calc(var(--gap) * 0.75);
    min-inline-size: 0;
    align-content: start;
  }

  @container (min-width: 56em) {
    .account {
      grid-template-columns: minmax(0, 1fr) minmax(0, calc(20 * var(--_portico-rem)));
      align-items: start;
    }
  }

  .rows,
  .cards {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .row,
  .card,
  .money,
  .invite {
    display: grid;
    gap: calc(0.375 * var(--_portico-rem));
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
  }

  .row-title a {
    font-weight: 600;
  }

  .row-title,
  .card-head,
  .facts,
  .people li,
  .plain li {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    align-items: center;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .facts {
    font-size: calc(0.875 * var(--_portico-rem));
    color: var(--_muted);
  }

  .people {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    padding-block-start: calc(0.375 * var(--_portico-rem));
    border-block-start: 1px solid var(--_border);
  }

  .email {
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }

  .badge,
  .status {
    display: inline-block;
    padding-inline: calc(0.5 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: calc(0.8125 * var(--_portico-rem));
  }

  .locked {
    padding-inline: calc(0.5 * var(--_portico-rem));
    border-radius: 999px;
    font-size: calc(0.8125 * var(--_portico-rem));
    font-weight: 700;
    color: var(--_danger);
    border: 1px solid var(--_danger);
  }

  .overdue {
    color: var(--_danger);
    margin-inline-start: calc(0.5 * var(--_portico-rem));
  }

  .plain {
    display: grid;
    gap: calc(0.375 * var(--_portico-rem));
  }

  .lock-form {
    gap: calc(0.5 * var(--_portico-rem));
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px dashed var(--_danger);
    border-radius: var(--_radius);
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .danger {
    background: var(--_danger);
    color: var(--_brand-contrast);
  }

  [part~='field-error'] {
    color: var(--_danger);
  }
`;
