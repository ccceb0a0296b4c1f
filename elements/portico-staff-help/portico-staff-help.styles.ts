import { css } from 'lit';

export const styles = css`
  :host {
    display: block !important;
    container-type: inline-size !important;
    --gap: var(--_space);
    --side-width: calc(22 * var(--_portico-rem));
  }

  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  h2 {
    font-size: calc(1.125 * var(--_portico-rem));
  }

  h3,
  h4 {
    margin: 0;
    font-size: var(--_portico-rem);
  }

  textarea {
    resize: vertical;
  }

  fieldset {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
    margin: 0;
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }

  legend {
    font-weight: 600;
    padding-inline: calc(0.25 * var(--_portico-rem));
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
    gap: calc(0.5 * var(--_portico-rem));
  }

  @container (min-width: 56em) {
    .columns {
      grid-template-columns: minmax(0, 1fr) var(--side-width);
      align-items: start;
    }
  }

  .filters,
  .fields,
  .settings {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 10 * var(--_portico-rem)), 1fr));
    gap: calc(0.5 * var(--_portico-rem));
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
    padding: calc(0.75 * var(--_portico-rem));
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
    margin-block-start: calc(0.5 * var(--_portico-rem));
  }

  .rows,
  .insight-rows {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .row,
  .comment,
  .insight-row {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .row-title {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    align-items: center;
  }

  .row-title a {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .row-facts {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    align-items: center;
    font-size: calc(0.875 * var(--_portico-rem));
    color: var(--_muted);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .language {
    display: inline-block;
    margin-inline-end: calc(0.25 * var(--_portico-rem));
    padding-inline: calc(0.375 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: 999px;
    text-decoration: none;
    text-transform: uppercase;
    font-size: calc(0.75 * var(--_portico-rem));
  }

  .badge {
    display: inline-block;
    padding-inline: calc(0.5 * var(--_portico-rem));
    border-radius: 999px;
    font-size: calc(0.8125 * var(--_portico-rem));
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
    gap: calc(0.5 * var(--_portico-rem));
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
    gap: calc(0.5 * var(--_portico-rem));
    border-color: var(--_danger);
  }

  .translation {
    min-inline-size: 0;
  }

  .preview {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    padding: calc(0.75 * var(--_portico-rem));
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
