import { css } from 'lit';

/** The profile's sections, shared with `<portico-account-invitations>` inside it. */
export const styles = css`
  :host {
    display: block !important;
    container-type: inline-size !important;
    --gap: var(--_space);
    --highlight: var(--_brand);
  }

  :host(:state(empty):not([with-empty])) {
    display: none !important;
  }

  p {
    margin: 0;
  }

  h3 {
    font-size: calc(1.125 * var(--_portico-rem));
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

  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  button {
    max-inline-size: 100%;
    overflow-wrap: anywhere;
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

  .sections {
    display: grid;
    gap: calc(var(--gap) * 1.5);
  }

  section {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
    min-inline-size: 0;
  }

  .sections > section + section,
  .sections > portico-account-invitations {
    padding-block-start: calc(var(--gap) * 1.5);
    border-block-start: 1px solid var(--_border);
  }

  .field {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    min-inline-size: 0;
  }

  .hint,
  .loading,
  .meta {
    color: var(--_muted);
  }

  .hint {
    font-size: calc(0.875 * var(--_portico-rem));
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
  }

  [part~='field-error'] {
    color: var(--_danger);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: center;
  }

  .choice {
    display: flex;
    align-items: center;
    gap: calc(0.5 * var(--_portico-rem));
    min-block-size: 44px;
    font-weight: 400;
  }

  .choice input {
    inline-size: calc(1.25 * var(--_portico-rem));
    block-size: calc(1.25 * var(--_portico-rem));
    min-block-size: 0;
    flex: none;
    margin: 0;
  }

  .cards {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .card,
  .panel {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    min-inline-size: 0;
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow-wrap: anywhere;
  }

  .card-head {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.5 * var(--_portico-rem));
    align-items: center;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_portico-rem);
  }

  .badge {
    justify-self: start;
    display: inline-flex;
    align-items: center;
    padding-inline: calc(0.5 * var(--_portico-rem));
    border: 1px solid var(--_brand);
    border-radius: 999px;
    color: var(--_brand);
    font-size: calc(0.8125 * var(--_portico-rem));
    font-weight: 600;
  }

  .email {
    overflow-wrap: anywhere;
  }

  address {
    display: grid;
    font-style: normal;
  }

  .roles {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    padding-inline-start: calc(1.25 * var(--_portico-rem));
    list-style: disc;
  }

  .inline-form {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: end;
  }

  .inline-form .field {
    flex: 1 1 calc(12 * var(--_portico-rem));
  }

  .confirm {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
  }

  .confirm .question {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
  }

  .problem {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    justify-items: start;
  }

  [part~='highlighted'] {
    border-color: var(--highlight);
    box-shadow: 0 0 0 2px var(--highlight);
  }

  @container (min-inline-size: 40em) {
    [part~='details-form'] {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
    }

    [part~='details-form'] > :not(.field) {
      grid-column: 1 / -1;
    }
  }
`;
