import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --gap: var(--_space);
    --side-width: 22rem;
  }

  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  h2 {
    font-size: 1.125rem;
  }

  h3,
  h4 {
    margin: 0;
    font-size: 1rem;
  }

  textarea {
    resize: vertical;
  }

  fieldset {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }

  legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }

  .view,
  .block,
  .side,
  .columns,
  .insights,
  .insight {
    display: grid;
    gap: calc(var(--gap) * 0.75);
    min-inline-size: 0;
    align-content: start;
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }

  @container (min-width: 56rem) {
    .columns {
      grid-template-columns: minmax(0, 1fr) var(--side-width);
      align-items: start;
    }
  }

  .filters,
  .fields,
  .settings {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 10rem), 1fr));
    gap: 0.5rem;
    align-items: end;
  }

  .filters .wide {
    grid-column: 1 / -1;
  }

  label {
    min-inline-size: 0;
  }

  .new-form,
  .categories,
  .insights,
  .settings,
  .confirm {
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .new-form {
    border-color: var(--_brand);
  }

  .categories summary {
    cursor: pointer;
    font-weight: 600;
    min-block-size: 44px;
    display: flex;
    align-items: center;
  }

  .category-form {
    margin-block-start: 0.5rem;
  }

  .rows,
  .insight-rows {
    display: grid;
    gap: 0.5rem;
  }

  .row,
  .comment,
  .insight-row {
    display: grid;
    gap: 0.25rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .row-title {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: center;
  }

  .row-title a {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .row-facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: center;
    font-size: 0.875rem;
    color: var(--_muted);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .language {
    display: inline-block;
    margin-inline-end: 0.25rem;
    padding-inline: 0.375rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    text-decoration: none;
    text-transform: uppercase;
    font-size: 0.75rem;
  }

  .badge {
    display: inline-block;
    padding-inline: 0.5rem;
    border-radius: 999px;
    font-size: 0.8125rem;
    font-weight: 600;
    border: 1px solid currentColor;
  }

  .badge[data-status='published'] {
    color: var(--_success);
  }

  .badge[data-status='draft'] {
    color: var(--_muted);
  }

  .buttons,
  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }

  button[aria-pressed='true'] {
    background: var(--_brand);
    color: var(--_brand-contrast);
    border-color: var(--_brand);
  }

  .danger {
    color: var(--_danger);
  }

  .danger-strong {
    background: var(--_danger);
    color: var(--_brand-contrast);
  }

  .confirm {
    display: grid;
    gap: 0.5rem;
    border-color: var(--_danger);
  }

  .translation {
    min-inline-size: 0;
  }

  .preview {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }

  .article-body {
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }

  .article-body[aria-busy='true'] {
    opacity: 0.6;
  }

  .article-body :is(pre, table) {
    max-inline-size: 100%;
    overflow-x: auto;
  }

  .article-body img {
    max-inline-size: 100%;
    block-size: auto;
  }

  .plain {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .sort {
    max-inline-size: 100%;
  }

  [part~='field-error'] {
    color: var(--_danger);
  }
`;
