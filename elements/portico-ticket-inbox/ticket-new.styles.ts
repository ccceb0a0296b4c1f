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
    gap: 0.5rem;
    min-inline-size: 0;
    margin: 0;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  legend {
    font-weight: 700;
    padding-inline: 0.25rem;
  }

  label.choice {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
    min-block-size: 44px;
    padding-block: 0.25rem;
    font-weight: 400;
    cursor: pointer;
  }

  label.choice input {
    inline-size: 1.25rem;
    min-block-size: 1.25rem;
    block-size: 1.25rem;
    margin-block-start: 0.125rem;
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
    gap: 0.75rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding-inline-start: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: color-mix(in srgb, var(--_muted) 10%, var(--_surface));
    max-inline-size: 100%;
    overflow-wrap: anywhere;
  }

  .chip .remove {
    min-inline-size: 44px;
    padding-inline: 0.5rem;
    background: none;
    color: var(--_text);
    border-radius: 999px;
    font-size: 1.25rem;
    line-height: 1;
  }

  .tag-entry {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .tag-entry input {
    flex: 1 1 10rem;
    inline-size: auto;
    min-inline-size: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }

  .suggestions {
    display: grid;
    gap: 0.5rem;
    min-inline-size: 0;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_brand) 4%, var(--_surface));
  }

  .suggestions h3 {
    margin: 0;
    font-size: 1rem;
  }

  .suggestions ul {
    display: grid;
    gap: 0.25rem;
  }

  .suggestion {
    display: grid;
    min-inline-size: 0;
  }

  .suggestion-toggle {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    inline-size: 100%;
    padding-inline: 0.25rem;
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
    border-radius: 0.125rem;
  }

  .suggestion-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    padding-inline-start: 1.25rem;
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .suggestion-language {
    padding-inline: 0.375rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
  }

  .suggestion-article {
    min-inline-size: 0;
    margin-block-start: 0.5rem;
    margin-inline-start: 1.25rem;
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_border);
    overflow-wrap: anywhere;
  }

  .suggestion-article :is(p, ul, ol, pre, blockquote, table, h2, h3, h4) {
    margin-block: 0 0.75em;
  }

  .suggestion-article :is(h2, h3, h4) {
    font-size: 1rem;
  }

  .suggestion-article ul {
    padding-inline-start: 1.5rem;
    list-style: disc;
  }

  .suggestion-article ol {
    padding-inline-start: 1.5rem;
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
