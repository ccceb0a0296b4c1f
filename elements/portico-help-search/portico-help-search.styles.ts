import { css } from 'lit';

/** The search box, its status line, the results and the categories. */
export const styles = css`
  :host {
    display: block !important;
    container-type: inline-size !important;
    min-inline-size: 0;
    --gap: var(--_space);
    --match-background: color-mix(in srgb, var(--_brand) 18%, var(--_surface));
  }

  h3 {
    font-size: var(--_portico-rem);
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
    padding-block: calc(0.5 * var(--_portico-rem));
    padding-inline: calc(1.25 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-weight: 600;
    text-decoration: none;
  }

  .search {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
  }

  .search label {
    font-weight: 600;
  }

  /* One line is always kept for the status, so the results never jump when it changes. */
  .status {
    min-block-size: 1.5em;
    margin-block: calc(0.5 * var(--_portico-rem));
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
    gap: calc(0.5 * var(--_portico-rem)) var(--_portico-rem);
    align-items: center;
  }

  [part~='corrected'] {
    font-size: var(--_portico-rem);
  }

  .results {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .results[aria-busy='true'] {
    opacity: 0.6;
  }

  .result {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    padding-block: calc(0.5 * var(--_portico-rem));
    padding-inline: calc(0.75 * var(--_portico-rem));
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
    gap: calc(0.25 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    align-items: center;
    color: var(--_muted);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .language {
    padding-inline: calc(0.5 * var(--_portico-rem));
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    font-size: calc(0.75 * var(--_portico-rem));
  }

  .snippet {
    font-size: calc(0.9375 * var(--_portico-rem));
  }

  mark {
    background: var(--match-background);
    color: inherit;
    font-weight: 600;
    border-radius: calc(0.125 * var(--_portico-rem));
  }

  .more,
  [part~='browse'] {
    justify-self: start;
  }

  .empty {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    justify-items: start;
  }

  .ask-line {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem)) var(--_portico-rem);
    align-items: center;
    padding-block-start: calc(0.5 * var(--_portico-rem));
    border-block-start: 1px solid var(--_border);
  }

  .categories {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    grid-template-columns: minmax(0, 1fr);
  }

  @container (min-width: 36em) {
    .categories {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }

  .category {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    inline-size: 100%;
    block-size: 100%;
    align-content: start;
    text-align: start;
    font-weight: 400;
    padding-inline: calc(0.75 * var(--_portico-rem));
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
