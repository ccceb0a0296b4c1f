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
    font-size: 1rem;
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
    max-inline-size: 52rem;
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
    gap: 0.5rem;
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
    padding-inline: 0.25rem;
  }

  label.check {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 400;
    min-block-size: 44px;
  }

  label.check input {
    inline-size: 1.25rem;
    min-block-size: 1.25rem;
    margin: 0;
    flex: none;
  }

  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: 0.5rem;
    align-items: start;
  }

  .field {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
  }

  .field-error {
    color: var(--_danger);
    font-size: 0.875rem;
  }

  .actions,
  .row-actions,
  .row-title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  .rows {
    display: grid;
    gap: 0.5rem;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
  }

  .row-main {
    display: grid;
    gap: 0.25rem;
    flex: 1 1 14rem;
    min-inline-size: 0;
  }

  .clip {
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }

  .badge {
    padding-inline: 0.5rem;
    border-radius: 999px;
    font-size: 0.875rem;
    background: color-mix(in srgb, var(--_muted) 15%, var(--_surface));
  }

  .small {
    padding-inline: 0.75rem;
  }
`;
