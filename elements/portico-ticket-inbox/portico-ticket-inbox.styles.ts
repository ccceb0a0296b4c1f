import { css } from 'lit';

/** The shell and what the list and the form share: headings, links as buttons, badges, fields. */
export const styles = css`
  :host {
    display: block !important;
    container-type: inline-size !important;
    --gap: var(--_space);
  }

  p {
    margin: 0;
  }

  h2 {
    font-size: calc(1.25 * var(--_portico-rem));
    margin: 0;
    overflow-wrap: anywhere;
  }

  /* Headings take focus only to tell screen readers where they are; they are not controls. */
  [tabindex='-1']:focus {
    outline: none;
  }

  a {
    color: var(--_brand);
  }

  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part~='signed-out'],
  [part~='no-account'] {
    color: var(--_muted);
  }

  .no-account {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
    justify-items: start;
  }

  .secondary {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }

  /* Links that act as buttons: the same 44 px target as the buttons beside them. */
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: 44px;
    padding-block: calc(0.5 * var(--_portico-rem));
    padding-inline: calc(1.25 * var(--_portico-rem));
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: var(--_brand);
    color: var(--_brand-contrast);
    font-weight: 600;
    text-decoration: none;
  }

  .button.secondary {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }

  .hint {
    color: var(--_muted);
    font-size: calc(0.875 * var(--_portico-rem));
    font-weight: 400;
  }

  .field {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    min-inline-size: 0;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
  }

  [part~='field-error'] {
    color: var(--_danger);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .problem {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem)) var(--_portico-rem);
    align-items: center;
  }

  /* Badges: the word always, a dot and a colour in addition. */

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: center;
  }

  .badge.unread {
    --badge-color: var(--_brand);
    background: var(--_brand);
    color: var(--_brand-contrast);
  }

  .badge.unread::before {
    background: var(--_brand-contrast);
  }
`;
