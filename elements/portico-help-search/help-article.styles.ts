import { css } from 'lit';

/** The article view: its heading and facts, the body the server wrote, languages and feedback. */
export const articleStyles = css`
  .article[aria-busy='true'] .body {
    opacity: 0.6;
  }

  .article h2 {
    font-size: 1.5rem;
    line-height: 1.25;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    color: var(--_muted);
    font-size: 0.875rem;
  }

  /* The body is whatever the authors wrote: long words, wide tables and code must not widen the page. */
  .body {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .body > :first-child {
    margin-block-start: 0;
  }

  .body > :last-child {
    margin-block-end: 0;
  }

  .body h2,
  .body h3,
  .body h4 {
    font-size: 1.125rem;
    margin-block: 1.25rem 0.5rem;
  }

  .body p,
  .body ul,
  .body ol,
  .body blockquote,
  .body pre,
  .body table {
    margin-block: 0 0.75rem;
  }

  .body ul,
  .body ol {
    padding-inline-start: 1.5rem;
  }

  .body ul {
    list-style: disc;
  }

  .body li + li {
    margin-block-start: 0.25rem;
  }

  .body img {
    max-inline-size: 100%;
    block-size: auto;
  }

  .body pre {
    overflow-x: auto;
    padding: 0.75rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_muted) 10%, var(--_surface));
  }

  .body code,
  .body kbd {
    font-size: 0.9em;
  }

  .body table {
    display: block;
    max-inline-size: 100%;
    overflow-x: auto;
    border-collapse: collapse;
  }

  .body th,
  .body td {
    padding-block: 0.25rem;
    padding-inline: 0.5rem;
    border: 1px solid var(--_border);
    text-align: start;
  }

  .body blockquote {
    margin-inline: 0;
    padding-inline-start: 1rem;
    border-inline-start: 4px solid var(--_border);
  }

  .languages {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    align-items: center;
  }

  .languages ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }

  .languages a {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
  }

  .feedback {
    display: grid;
    gap: 0.75rem;
    padding-block-start: 1rem;
    border-block-start: 1px solid var(--_border);
  }

  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .feedback-form {
    gap: 0.5rem;
  }

  .thanks {
    color: var(--_success);
    font-weight: 600;
  }

  .related ul {
    display: grid;
    gap: 0.5rem;
    margin-block-start: 0.5rem;
  }

  .related li {
    display: grid;
  }

  /* A whole line to tap, not only the words: 44 px tall however short the title. */
  .related a {
    display: flex;
    align-items: center;
    min-block-size: 44px;
  }
`;
