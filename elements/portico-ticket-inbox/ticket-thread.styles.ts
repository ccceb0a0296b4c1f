import { css } from 'lit';

export const styles = css`
  :host {
    display: block !important;
    container-type: inline-size !important;
    --gap: var(--_space);
    --staff-background: color-mix(in srgb, var(--_brand) 7%, var(--_surface));
  }

  h3 {
    font-size: calc(1.0625 * var(--_portico-rem));
    margin: 0;
  }

  textarea {
    resize: vertical;
  }

  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .secondary {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: center;
  }

  .hint {
    color: var(--_muted);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .problem {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    justify-items: start;
  }

  [part~='thread'] {
    display: grid;
    gap: var(--gap);
    min-inline-size: 0;
  }

  .back {
    justify-self: start;
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
  }

  [part~='summary'] {
    color: var(--_muted);
  }

  [part~='summary']:empty {
    display: none;
  }

  .skeleton {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
  }

  .skeleton span {
    display: block;
    block-size: calc(3 * var(--_portico-rem));
    border-radius: var(--_radius);
    background: var(--_border);
    opacity: 0.4;
  }

  .block {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
    padding-block-start: var(--gap);
    border-block-start: 1px solid var(--_border);
    min-inline-size: 0;
  }

  /* Badges: the word always, a dot and a colour in addition. */

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    align-items: center;
  }

  .number {
    font-weight: 700;
    letter-spacing: 0.03em;
  }

  /* Facts */

  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 10 * var(--_portico-rem)), 1fr));
    gap: calc(0.5 * var(--_portico-rem)) var(--_portico-rem);
    margin: 0;
  }

  .facts .wide {
    grid-column: 1 / -1;
  }

  dt {
    color: var(--_muted);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.5 * var(--_portico-rem));
  }

  .tag {
    padding-inline: calc(0.5 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: calc(0.875 * var(--_portico-rem));
    overflow-wrap: anywhere;
  }

  .merged {
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_brand);
    border-inline-start-width: calc(0.375 * var(--_portico-rem));
    border-radius: var(--_radius);
  }

  .merged a {
    display: inline-block;
    min-block-size: 44px;
    line-height: 44px;
  }

  /* Conversation: support's answers indented from the start, and named as such. */

  [part~='messages'] {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
  }

  .message {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
  }

  .message[data-role='staff'] {
    margin-inline-start: min(2 * var(--_portico-rem), 8%);
    background: var(--staff-background);
    border-inline-start: calc(0.375 * var(--_portico-rem)) solid var(--_brand);
  }

  .message[data-role='customer'] {
    margin-inline-end: min(2 * var(--_portico-rem), 8%);
  }

  .byline {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    align-items: baseline;
  }

  [part~='author'] {
    font-weight: 700;
    overflow-wrap: anywhere;
  }

  .role {
    font-size: calc(0.875 * var(--_portico-rem));
    font-weight: 600;
    padding-inline: calc(0.5 * var(--_portico-rem));
    border: 1px solid currentColor;
    border-radius: 999px;
  }

  .byline time {
    color: var(--_muted);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  [part~='files'] {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .file {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    justify-items: start;
    min-inline-size: 0;
  }

  .file button {
    max-inline-size: 100%;
    text-align: start;
    overflow-wrap: anywhere;
  }

  .file .size {
    font-weight: 400;
  }

  /* Forms */

  form.block label {
    font-weight: 600;
  }

  .field-error {
    color: var(--_danger);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: calc(0.5 * var(--_portico-rem));
  }

  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
  }

  label.choice {
    display: inline-flex;
    align-items: center;
    gap: calc(0.5 * var(--_portico-rem));
    min-block-size: 44px;
    padding-inline: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-weight: 400;
    cursor: pointer;
  }

  label.choice:has(input:checked) {
    border-color: var(--_brand);
    font-weight: 700;
  }

  label.choice input {
    inline-size: calc(1.25 * var(--_portico-rem));
    min-block-size: calc(1.25 * var(--_portico-rem));
    margin: 0;
    padding: 0;
    accent-color: var(--_brand);
  }

  .stars {
    color: var(--_brand);
    letter-spacing: 0.1em;
  }

  .choice .stars {
    display: none;
  }

  @container (min-width: 30em) {
    .choice .stars {
      display: inline;
    }
  }

  [part~='rating'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    align-items: baseline;
  }

  blockquote {
    margin: 0;
    padding-inline-start: calc(0.75 * var(--_portico-rem));
    border-inline-start: 3px solid var(--_border);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;
