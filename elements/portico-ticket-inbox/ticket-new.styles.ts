import { css } from 'lit';

/** The new-ticket form: fields in one column, the kinds as cards, tags as chips. */
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
`;
