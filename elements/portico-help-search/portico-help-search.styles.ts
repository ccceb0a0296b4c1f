import { css } from 'lit';

/** The search box, its status line, the results and the categories. */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    min-inline-size: 0;
    --gap: var(--_space);
    --match-background: color-mix(in srgb, var(--_brand) 18%, var(--_surface));
  }

  h3 {
    font-size: 1rem;
    margin: 0;
  }

  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* Links that act as buttons: the same 44 px target as the buttons beside them. */
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: 44px;
    padding-block: 0.5rem;
    padding-inline: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-weight: 600;
    text-decoration: none;
  }

  .search {
    display: grid;
    gap: 0.25rem;
  }

  .search label {
    font-weight: 600;
  }

  /* One line is always kept for the status, so the results never jump when it changes. */
  .status {
    min-block-size: 1.5em;
    margin-block: 0.5rem;
    color: var(--_muted);
  }

  .view {
    display: grid;
    gap: var(--gap);
    min-inline-size: 0;
  }

  .back {
    justify-self: start;
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    padding-inline: 0;
  }

  .problem {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }

  [part~='corrected'] {
    font-size: 1rem;
  }

  .results {
    display: grid;
    gap: 0.5rem;
  }

  .results[aria-busy='true'] {
    opacity: 0.6;
  }

  .result {
    display: grid;
    gap: 0.25rem;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    text-decoration: none;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .result:hover .result-title {
    text-decoration: underline;
  }

  /* The result the arrow keys point at: an edge on the reading side and an outline. */
  .result[aria-selected='true'] {
    outline: 3px solid var(--_brand);
    outline-offset: -1px;
    border-inline-start: 4px solid var(--_brand);
  }

  .result-title {
    color: var(--_brand);
    font-weight: 600;
  }

  .result-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: center;
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .language {
    padding-inline: 0.5rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    font-size: 0.75rem;
  }

  .snippet {
    font-size: 0.9375rem;
  }

  mark {
    background: var(--match-background);
    color: inherit;
    font-weight: 600;
    border-radius: 0.125rem;
  }

  .more,
  [part~='browse'] {
    justify-self: start;
  }

  .empty {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }

  .ask-line {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    padding-block-start: 0.5rem;
    border-block-start: 1px solid var(--_border);
  }

  .categories {
    display: grid;
    gap: 0.5rem;
    grid-template-columns: minmax(0, 1fr);
  }

  @container (min-width: 36rem) {
    .categories {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }

  .category {
    display: grid;
    gap: 0.25rem;
    inline-size: 100%;
    block-size: 100%;
    align-content: start;
    text-align: start;
    font-weight: 400;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    overflow-wrap: anywhere;
  }

  .category-name {
    color: var(--_brand);
    font-weight: 600;
  }
`;
