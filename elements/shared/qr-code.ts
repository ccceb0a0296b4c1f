import { html, svg } from 'lit';
import { encode } from 'uqr';

/**
 * `text` as a QR code drawn with SVG rectangles: one per run of dark modules in a row, so a code
 * of 40 × 40 modules stays a few hundred nodes. Built from Lit templates, never from markup in a
 * string, so it works on pages that enforce Trusted Types. `label` names it for screen readers.
 */
export function renderQrCode(text: string, label: string) {
  // The quiet zone of four modules is what scanners expect around a code.
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  const runs: { x: number; y: number; width: number }[] = [];
  data.forEach((row, y) => {
    let start = -1;
    row.forEach((dark, x) => {
      if (dark && start < 0) start = x;
      if ((!dark || x === row.length - 1) && start >= 0) {
        runs.push({ x: start, y, width: (dark ? x + 1 : x) - start });
        start = -1;
      }
    });
  });
  // The <svg> element itself belongs in an html template; svg`` is for what goes inside it.
  return html`<svg
    part="qr-code"
    viewBox="0 0 ${size} ${size}"
    role="img"
    aria-label=${label}
    shape-rendering="crispEdges"
  >
    <rect width=${size} height=${size} fill="#ffffff"></rect>
    ${runs.map((run) => svg`<rect x=${run.x} y=${run.y} width=${run.width} height="1"></rect>`)}
  </svg>`;
}
