import { css } from 'lit';

/**
 * The new-ticket form: fields in one column, the kinds as cards, tags as chips, and the help
 * articles that may answer it as a quiet box of disclosures.
 */
export const newStyles = css`
  .new {
    display: grid;
    gap: var(--gap);
    min-inline-size: 0;
  }

  [part~='back'] {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    justify-self: start;
  }

  textarea {
    resize: vertical;
  }

  fieldset {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    min-inline-size: 0;
    margin: 0;
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  legend {
    font-weight: 700;
    padding-inline: calc(0.25 * var(--_portico-rem));
  }

  label.choice {
    display: flex;
    gap: calc(0.75 * var(--_portico-rem));
    align-items: flex-start;
    min-block-size: 44px;
    padding-block: calc(0.25 * var(--_portico-rem));
    font-weight: 400;
    cursor: pointer;
  }

  label.choice input {
    inline-size: calc(1.25 * var(--_portico-rem));
    min-block-size: calc(1.25 * var(--_portico-rem));
    block-size: calc(1.25 * var(--_portico-rem));
    margin-block-start: calc(0.125 * var(--_portico-rem));
    padding: 0;
    flex: none;
    accent-color: var(--_brand);
  }

  .choice-label {
    display: block;
    font-weight: 600;
  }

  .pair {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14 * var(--_portico-rem)), 1fr));
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.375 * var(--_portico-rem));
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: calc(0.25 * var(--_portico-rem));
    padding-inline-start: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-raised);
    max-inline-size: 100%;
    overflow-wrap: anywhere;
  }

  .chip .remove {
    min-inline-size: 44px;
    padding-inline: calc(0.5 * var(--_portico-rem));
    background: none;
    color: var(--_text);
    border-radius: 999px;
    font-size: calc(1.25 * var(--_portico-rem));
    line-height: 1;
  }

  .tag-entry {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .tag-entry input {
    flex: 1 1 calc(10 * var(--_portico-rem));
    inline-size: auto;
    min-inline-size: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem)) var(--_portico-rem);
    align-items: center;
  }

  .suggestions {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    min-inline-size: 0;
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_brand) 4%, var(--_surface));
  }

  .suggestions h3 {
    margin: 0;
    font-size: var(--_portico-rem);
  }

  .suggestions ul {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
  }

  .suggestion {
    display: grid;
    min-inline-size: 0;
  }

  .suggestion-toggle {
    display: flex;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: baseline;
    inline-size: 100%;
    padding-inline: calc(0.25 * var(--_portico-rem));
    background: none;
    color: var(--_brand);
    text-align: start;
    overflow-wrap: anywhere;
  }

  /* A triangle that points along the line (so leftwards in RTL), and down once open. */
  .suggestion-toggle::before {
    content: '';
    flex: none;
    border-block: 0.35em solid transparent;
    border-inline-start: 0.5em solid currentColor;
  }

  .suggestion-toggle[aria-expanded='true']::before {
    border-block: 0.5em solid currentColor;
    border-block-end: 0;
    border-inline: 0.35em solid transparent;
  }

  mark {
    background: color-mix(in srgb, var(--_brand) 18%, transparent);
    color: inherit;
    border-radius: calc(0.125 * var(--_portico-rem));
  }

  .suggestion-meta {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    padding-inline-start: calc(1.25 * var(--_portico-rem));
    color: var(--_muted);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .suggestion-language {
    padding-inline: calc(0.375 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: 999px;
  }

  .suggestion-article {
    min-inline-size: 0;
    margin-block-start: calc(0.5 * var(--_portico-rem));
    margin-inline-start: calc(1.25 * var(--_portico-rem));
    padding-inline-start: calc(0.75 * var(--_portico-rem));
    border-inline-start: 3px solid var(--_border);
    overflow-wrap: anywhere;
  }

  .suggestion-article :is(p, ul, ol, pre, blockquote, table, h2, h3, h4) {
    margin-block: 0 0.75em;
  }

  .suggestion-article :is(h2, h3, h4) {
    font-size: var(--_portico-rem);
  }

  .suggestion-article ul {
    padding-inline-start: calc(1.5 * var(--_portico-rem));
    list-style: disc;
  }

  .suggestion-article ol {
    padding-inline-start: calc(1.5 * var(--_portico-rem));
    list-style: decimal;
  }

  .suggestion-article :is(pre, table) {
    max-inline-size: 100%;
    overflow-x: auto;
  }

  .suggestion-article table {
    display: block;
  }

  .suggestion-article img {
    max-inline-size: 100%;
    block-size: auto;
  }
`;
