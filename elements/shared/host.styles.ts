import { css, type CSSResultGroup } from 'lit';
import { brandSheet } from './brand-colors.ts';
import { hostGuardStyles } from './host-guard.styles.ts';

const tokenStyles = css`
  :host {
    /*
     * Each default has a light and a dark value: light-dark() picks by the color-scheme the page
     * gives (inherited), so a page that says nothing stays light. Dark values keep the same
     * contrast: text 4.5:1, field edges and focus 3:1 on both surfaces. Without a vendor token the
     * brand comes from the backend's settings: a <portico-portal>'s, else the page's (brandSheet).
     */
    --_brand: var(
      --portico-color-brand,
      var(--_portal-brand, var(--_backend-brand, light-dark(#1d4ed8, #8cb4ff)))
    );
    --_brand-contrast: var(
      --portico-color-brand-contrast,
      var(--_portal-brand-contrast, var(--_backend-brand-contrast, light-dark(#ffffff, #0b1220)))
    );
    --_surface: var(--portico-color-surface, light-dark(#ffffff, #15171c));
    --_text: var(--portico-color-text, light-dark(#1f2937, #e6e8ec));
    --_muted: var(--portico-color-muted, light-dark(#5b6472, #a3acb9));
    --_surface-raised: var(
      --portico-color-surface-raised,
      color-mix(in srgb, var(--_muted) 12%, var(--_surface))
    );
    --_border: var(--portico-color-border, light-dark(#c9ced6, #3b414c));
    /* A field's edge is all that shows where to type: 3:1 against the surface (WCAG 1.4.11). */
    --_field-border: var(--portico-color-field-border, light-dark(#6b7280, #848d9b));
    --_focus: var(--portico-color-focus, var(--_brand));
    --_danger: var(--portico-color-danger, light-dark(#b42318, #ff8f85));
    --_success: var(--portico-color-success, light-dark(#067647, #4fd18b));
    --_warning: var(--portico-color-warning, light-dark(#b54708, #f5b454));
    --_radius: var(--portico-radius, calc(0.5 * var(--_portico-rem)));
    /* Density scales the spacing only: touch targets keep their 44 px minimum. */
    --_space: calc(var(--portico-space, var(--_portico-rem)) * var(--portico-density, 1));
    --_font: var(--portico-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);

    /* Font, colour, box-sizing and the rest the page could pass in: hostGuardStyles. */
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
    outline: 3px solid var(--_focus);
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

/**
 * The global `--portico-*` tokens every element reads, with their defaults. Vendors set them
 * once on `:root`; the host page's other CSS stays outside the shadow roots. The `@cssprop` lines
 * below are copied into every element's entry of `custom-elements.json`.
 *
 * Colour defaults are light / dark: the elements follow the `color-scheme` of the page around them.
 *
 * @cssprop [--portico-color-brand=#1d4ed8] - Buttons, links, focus rings and highlights. Without
 *   it, the brand colour from the portal's settings (lightened in dark; default dark `#8cb4ff`).
 * @cssprop [--portico-color-brand-contrast=#ffffff] - Text on the brand colour. Without it, the
 *   portal's settings' (dark `#0b1220`).
 * @cssprop [--portico-color-surface=#ffffff] - The background of fields, cards and panels (dark
 *   `#15171c`).
 * @cssprop [--portico-color-surface-raised] - The second surface: table headers, boxes, placeholders.
 *   Default: 12% of the muted colour mixed into the surface.
 * @cssprop [--portico-color-text=#1f2937] - Body text (dark `#e6e8ec`).
 * @cssprop [--portico-color-muted=#5b6472] - Secondary text: hints, dates, counts (dark `#a3acb9`).
 * @cssprop [--portico-color-border=#c9ced6] - Lines between and around things (dark `#3b414c`).
 * @cssprop [--portico-color-field-border=#6b7280] - The edge of fields, which shows where to
 *   type (keep 3:1 against the surface; dark `#848d9b`).
 * @cssprop [--portico-color-focus] - The keyboard focus ring (keep 3:1). Default: the brand colour.
 * @cssprop [--portico-color-danger=#b42318] - Errors and destructive actions (dark `#ff8f85`).
 * @cssprop [--portico-color-success=#067647] - Confirmations and good news (dark `#4fd18b`).
 * @cssprop [--portico-color-warning=#b54708] - Warnings (dark `#f5b454`).
 * @cssprop [--portico-font-family=system-ui, sans-serif] - The font (the system's by default).
 * @cssprop [--portico-font-size=medium] - The base font size; every size inside follows it.
 * @cssprop [--portico-radius=0.5em] - The corner radius of fields, buttons and cards.
 * @cssprop [--portico-space=1em] - The base spacing; gaps and padding are multiples of it.
 * @cssprop [--portico-density=1] - A factor on the spacing: `0.75` compact, `1.25` roomy. Touch
 *   targets stay at least 44 px.
 */
export const hostStyles: CSSResultGroup = [
  // First, so that the element's own rules read the backend's brand colours from it.
  brandSheet,
  tokenStyles,
  hostGuardStyles,
];

/** Native form controls in Portico's look: labels above fields, 44 px touch targets. */
export const formStyles = css`
  form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }

  label {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
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
    padding-block: calc(0.5 * var(--_portico-rem));
    padding-inline: calc(0.75 * var(--_portico-rem));
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
    padding-block: calc(0.5 * var(--_portico-rem));
    padding-inline: calc(1.25 * var(--_portico-rem));
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
    padding-inline: calc(0.25 * var(--_portico-rem));
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
