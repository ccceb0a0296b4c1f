import { css } from 'lit';

/** The article view: its heading and facts, the body the server wrote, languages and feedback. */
export const articleStyles = css`
  .article[aria-busy='true'] .body {
    opacity: 0.6;
  }

  .article h2 {
    font-size: calc(1.5 * var(--_portico-rem));
    line-height: 1.25;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) var(--_portico-rem);
    color: var(--_muted);
    font-size: calc(0.875 * var(--_portico-rem));
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
    font-size: calc(1.125 * var(--_portico-rem));
    margin-block: calc(1.25 * var(--_portico-rem)) calc(0.5 * var(--_portico-rem));
  }

  .body p,
  .body ul,
  .body ol,
  .body blockquote,
  .body pre,
  .body table {
    margin-block: 0 calc(0.75 * var(--_portico-rem));
  }

  .body ul,
  .body ol {
    padding-inline-start: calc(1.5 * var(--_portico-rem));
  }

  .body ul {
    list-style: disc;
  }

  .body li + li {
    margin-block-start: calc(0.25 * var(--_portico-rem));
  }

  .body img {
    max-inline-size: 100%;
    block-size: auto;
  }

  .body pre {
    overflow-x: auto;
    padding: calc(0.75 * var(--_portico-rem));
    border-radius: var(--_radius);
    background: var(--_surface-raised);
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
    padding-block: calc(0.25 * var(--_portico-rem));
    padding-inline: calc(0.5 * var(--_portico-rem));
    border: 1px solid var(--_border);
    text-align: start;
  }

  .body blockquote {
    margin-inline: 0;
    padding-inline-start: var(--_portico-rem);
    border-inline-start: 4px solid var(--_border);
  }

  .languages {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) var(--_portico-rem);
    align-items: center;
  }

  .languages ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_portico-rem);
  }

  .languages a {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
  }

  .feedback {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
    padding-block-start: var(--_portico-rem);
    border-block-start: 1px solid var(--_border);
  }

  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .feedback-form {
    gap: calc(0.5 * var(--_portico-rem));
  }

  .thanks {
    color: var(--_success);
    font-weight: 600;
  }

  .related ul {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    margin-block-start: calc(0.5 * var(--_portico-rem));
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
