/** The least room kept between the panel and the edge of the screen, in CSS pixels. */
const MARGIN = 8;

/**
 * Places the open panel so all of it is on screen, wherever the vendor put the bell. By default
 * the panel hangs from the bell's inline end towards the inline start, which suits a bell at the
 * end of a header. When that would cross the screen's edge (the bell at the start of its row, as
 * when a narrow header wraps), it hangs from the bell's inline start towards the inline end
 * instead, and when neither fits it slides along the row until it does.
 *
 * Works in logical terms, so right to left is the mirror of left to right. It writes two private
 * properties on the panel: `--_panel-room`, the screen's width less the margins, and
 * `--_panel-shift`, how far the panel's inline end moves back from the bell's. The screen is
 * measured, not matched by a media query: what matters is where the bell is.
 */
export function placePanel(anchor: HTMLElement, panel: HTMLElement): void {
  const viewport = document.documentElement.clientWidth;
  // `100vw` counts a scroll bar the page may have; the room is what is really visible.
  panel.style.setProperty('--_panel-room', `${viewport - 2 * MARGIN}px`);
  const box = anchor.getBoundingClientRect();
  const width = panel.getBoundingClientRect().width;
  const rtl = getComputedStyle(anchor).direction === 'rtl';
  // Distances from the screen's inline-start edge, whichever side that is.
  const anchorStart = rtl ? viewport - box.right : box.left;
  const anchorEnd = rtl ? viewport - box.left : box.right;
  const panelEnd = panelEndFor(anchorStart, anchorEnd, width, viewport);
  panel.style.setProperty('--_panel-shift', `${anchorEnd - panelEnd}px`);
}

/** Where the panel's inline end goes, counted from the screen's inline start. */
function panelEndFor(anchorStart: number, anchorEnd: number, width: number, viewport: number) {
  if (anchorEnd - width >= MARGIN) return anchorEnd;
  if (anchorStart + width <= viewport - MARGIN) return anchorStart + width;
  return Math.min(Math.max(anchorEnd, MARGIN + width), viewport - MARGIN);
}
