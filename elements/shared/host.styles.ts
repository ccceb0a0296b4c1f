import { css } from 'lit';

/**
 * The global `--portico-*` tokens every element reads, with their defaults. Vendors set them
 * once on `:root`; the host page's other CSS stays outside the shadow roots.
 */
export const hostStyles = css`
  :host {
    --_brand: var(--portico-color-brand, #1d4ed8);
    --_brand-contrast: var(--portico-color-brand-contrast, #ffffff);
    --_surface: var(--portico-color-surface, #ffffff);
    --_text: var(--portico-color-text, #1f2937);
    --_muted: var(--portico-color-muted, #5b6472);
    --_border: var(--portico-color-border, #c9ced6);
    /* A field's edge is all that shows where to type: 3:1 against the surface (WCAG 1.4.11). */
    --_field-border: var(--portico-color-field-border, #6b7280);
    --_danger: var(--portico-color-danger, #b42318);
    --_success: var(--portico-color-success, #067647);
    --_radius: var(--portico-radius, 0.5rem);
    --_space: var(--portico-space, 1rem);
    --_font: var(--portico-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);

    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--portico-font-size, 1rem);
    line-height: 1.5;
    text-align: start;
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 3px solid var(--_brand);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** Native form controls in Portico's look: labels above fields, 44 px touch targets. */
export const formStyles = css`
  form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }

  label {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
  }

  input,
  select,
  textarea {
    font: inherit;
    font-weight: 400;
    color: var(--_text);
    background: var(--_surface);
    min-block-size: 44px;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_field-border);
    border-radius: var(--_radius);
    inline-size: 100%;
  }

  input:user-invalid {
    border-color: var(--_danger);
  }

  button {
    font: inherit;
    font-weight: 600;
    min-block-size: 44px;
    padding-block: 0.5rem;
    padding-inline: 1.25rem;
    border-radius: var(--_radius);
    border: 1px solid transparent;
    cursor: pointer;
  }

  button[disabled] {
    cursor: progress;
    opacity: 0.7;
  }

  .primary {
    background: var(--_brand);
    color: var(--_brand-contrast);
  }

  .link {
    background: none;
    color: var(--_brand);
    padding-inline: 0.25rem;
    text-decoration: underline;
  }

  [part~='error'] {
    color: var(--_danger);
    margin: 0;
  }

  [part~='notice'] {
    color: var(--_success);
    margin: 0;
  }
`;
