import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --gap: var(--_space);
  }

  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  h2 {
    font-size: 1.125rem;
  }

  h3 {
    margin: 0;
    font-size: 1rem;
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

  @container (min-width: 56rem) {
    .account {
      grid-template-columns: minmax(0, 1fr) minmax(0, 20rem);
      align-items: start;
    }
  }

  .rows,
  .cards {
    display: grid;
    gap: 0.5rem;
  }

  .row,
  .card,
  .money,
  .invite {
    display: grid;
    gap: 0.375rem;
    padding: 0.75rem;
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
    gap: 0.25rem 0.75rem;
    align-items: center;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .facts {
    font-size: 0.875rem;
    color: var(--_muted);
  }

  .people {
    display: grid;
    gap: 0.25rem;
    padding-block-start: 0.375rem;
    border-block-start: 1px solid var(--_border);
  }

  .email {
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }

  .badge,
  .status {
    display: inline-block;
    padding-inline: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.8125rem;
  }

  .locked {
    padding-inline: 0.5rem;
    border-radius: 999px;
    font-size: 0.8125rem;
    font-weight: 700;
    color: var(--_danger);
    border: 1px solid var(--_danger);
  }

  .overdue {
    color: var(--_danger);
    margin-inline-start: 0.5rem;
  }

  .plain {
    display: grid;
    gap: 0.375rem;
  }

  .lock-form {
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px dashed var(--_danger);
    border-radius: var(--_radius);
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .danger {
    background: var(--_danger);
    color: var(--_brand-contrast);
  }

  [part~='field-error'] {
    color: var(--_danger);
  }
`;
