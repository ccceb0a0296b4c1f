import { css } from 'lit';

/**
 * Portico's own unit of length, used where elements would otherwise say `rem`. `:host` sets it to
 * `1em`; registered as a `<length>`, it computes to pixels there and every descendant inherits
 * those pixels. So sizes follow the element's font size (the reader's browser setting unless the
 * vendor sets `--portico-font-size`), never the host page's root font size: a page with
 * `html { font-size: 62.5% }` does not shrink Portico. Registration is document-wide and may run
 * only once per name, hence the guard (two Portico bundles on one page share it). Without
 * `CSS.registerProperty` the `1em` passes through unresolved and sizes drift slightly.
 */
function registerUnit(): void {
  if (typeof CSS === 'undefined' || typeof CSS.registerProperty !== 'function') return;
  try {
    CSS.registerProperty({
      name: '--_portico-rem',
      syntax: '<length>',
      inherits: true,
      initialValue: '16px',
    });
  } catch {
    // Already registered by another copy of Portico on this page.
  }
}

registerUnit();

/**
 * What keeps the host page's CSS out of an element. The page reaches a shadow tree only in two
 * ways: rules that match the host element itself (`*`, `portico-login`, a reset's `all: unset`)
 * and the properties the host inherits from the page (font, colour, spacing of text …). So the
 * host sets every inherited property the elements depend on, which cuts inheritance from the page
 * at the host; and it sets them `!important`, because a page rule that matches the host beats a
 * `:host` rule, while for `!important` declarations the shadow tree's win over the page's, even
 * over the page's own `!important`. Each element's `:host` also makes its `display` (and
 * `container-type`) `!important`; `:host([hidden])` stays more specific and still hides, and so
 * does an inline `display: none` on the host (what Vue's `v-show` and jQuery's `hide()` write),
 * which a shadow tree's `!important` would otherwise beat.
 *
 * Left to the vendor on purpose: the `--portico-*` tokens (custom properties pass through, and
 * `all` does not reset them), the element's placement and frame (margin, width, grid or flex
 * placement, position, padding, border, background), `direction` (an element follows the page's,
 * or gets its own `dir` when its language differs) and `color-scheme` (the colours follow the
 * page's scheme). `visibility` and `pointer-events` keep following the page too: a closed
 * off-canvas menu that hides or disables its content must hide and disable ours.
 */
export const hostGuardStyles = css`
  :host {
    --_portico-rem: 1em !important;

    box-sizing: border-box !important;
    color: var(--_text) !important;

    /* Every font longhand, one by one: a var() in the font shorthand that fails to parse would
       drop them all back to the page's values. */
    font-family: var(--_font) !important;
    font-size: var(--portico-font-size, medium) !important;
    font-style: normal !important;
    font-weight: 400 !important;
    font-stretch: normal !important;
    font-variant: normal !important;
    font-kerning: auto !important;
    font-feature-settings: normal !important;
    font-variation-settings: normal !important;
    font-optical-sizing: auto !important;
    font-size-adjust: none !important;
    font-synthesis: weight style small-caps !important;
    font-palette: normal !important;

    /* The text around the words: spacing, case, alignment, wrapping, decoration. */
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-indent: 0 !important;
    text-shadow: none !important;
    text-align: start !important;
    text-align-last: auto !important;
    text-decoration: none !important;
    text-underline-offset: auto !important;
    text-underline-position: auto !important;
    text-emphasis: none !important;
    text-rendering: auto !important;
    -webkit-text-fill-color: currentcolor !important;
    -webkit-text-stroke: 0 !important;
    -webkit-font-smoothing: auto !important;
    white-space: normal !important;
    text-wrap-style: auto !important;
    word-break: normal !important;
    overflow-wrap: normal !important;
    line-break: auto !important;
    hyphens: manual !important;
    tab-size: 8 !important;
    quotes: auto !important;
    writing-mode: horizontal-tb !important;
    text-orientation: mixed !important;

    /* Lists, tables, pointers, form accents, scroll bars and icons the elements draw. */
    list-style: disc outside none !important;
    border-collapse: separate !important;
    border-spacing: 0 !important;
    caption-side: top !important;
    empty-cells: show !important;
    cursor: auto !important;
    caret-color: auto !important;
    accent-color: auto !important;
    scrollbar-color: auto !important;
    forced-color-adjust: auto !important;
    fill: black !important;
    fill-opacity: 1 !important;
    stroke: none !important;
    stroke-width: 1px !important;
    stroke-opacity: 1 !important;
    stroke-linecap: butt !important;
    stroke-linejoin: miter !important;
    stroke-dasharray: none !important;
    paint-order: normal !important;
  }

  /* More specific than each element's :host display rule, so the page's inline hiding hides. */
  :host([style*='display: none' i]),
  :host([style*='display:none' i]) {
    display: none !important;
  }

  /* A dir attribute on the host (the vendor's, or the one Portico sets when the element's language
     runs the other way than the page) holds against a page rule on direction. */
  :host([dir='ltr' i]) {
    direction: ltr !important;
    unicode-bidi: isolate !important;
  }

  :host([dir='rtl' i]) {
    direction: rtl !important;
    unicode-bidi: isolate !important;
  }

  /* A page rule on *::before or *::after (a clearfix, an icon font) would draw inside the host. */
  :host::before,
  :host::after {
    content: none !important;
  }
`;
