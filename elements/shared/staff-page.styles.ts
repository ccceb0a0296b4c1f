import { css } from 'lit';

/**
 * The layout of a staff console page made of blocks of forms and rows (announcements, webhooks):
 * `.page` is the column of `.block`s; a block holds a `.subform` of `.field`s and `.rows` with a
 * `.row-main` and `.row-actions` each. Each element adds its own `:host` and what is its alone.
 */
export const staffPageStyles = css`
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  h3 {
    margin: 0;
    font-size: var(--_portico-rem);
  }

  textarea {
    resize: vertical;
  }

  .page,
  .block {
    display: grid;
    gap: calc(var(--gap) * 0.75);
    min-inline-size: 0;
  }

  .page {
    gap: calc(var(--gap) * 2);
    max-inline-size: calc(52 * var(--_portico-rem));
  }

  .block {
    padding-block-end: var(--gap);
    border-block-end: 1px solid var(--_border);
  }

  .subform {
    padding: calc(var(--gap) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }

  fieldset {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    margin: 0;
    padding: calc(var(--gap) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }

  fieldset.plain {
    padding: 0;
    border: 0;
    gap: calc(var(--gap) * 0.75);
  }

  legend {
    font-weight: 600;
    padding-inline: calc(0.25 * var(--_portico-rem));
  }

  label.check {
    display: inline-flex;
    align-items: center;
    gap: calc(0.5 * var(--_portico-rem));
    font-weight: 400;
    min-block-size: 44px;
  }

  label.check input {
    inline-size: calc(1.25 * var(--_portico-rem));
    min-block-size: calc(1.25 * var(--_portico-rem));
    margin: 0;
    flex: none;
  }

  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14 * var(--_portico-rem)), 1fr));
    gap: calc(0.5 * var(--_portico-rem));
    align-items: start;
  }

  .field {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    min-inline-size: 0;
  }

  .field-error {
    color: var(--_danger);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .actions,
  .row-actions,
  .row-title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .rows {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: calc(0.5 * var(--_portico-rem));
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
  }

  .row-main {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    flex: 1 1 calc(14 * var(--_portico-rem));
    min-inline-size: 0;
  }

  .clip {
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }

  .badge {
    padding-inline: calc(0.5 * var(--_portico-rem));
    border-radius: 999px;
    font-size: calc(0.875 * var(--_portico-rem));
    background: var(--_surface-raised);
  }

  .small {
    padding-inline: calc(0.75 * var(--_portico-rem));
  }
`;
