import { deepElements, isShown, isVisuallyHidden, nameOf, parentOf } from './contract.tree.ts';

/** WCAG 1.4.11: what tells a customer where a field is needs 3:1 against what is around it. */
const NON_TEXT = 3;

/** Fields whose edge is the only sign of where to type or pick (axe checks text, not this). */
const FIELDS =
  'input:not([type="checkbox"],[type="radio"],[type="file"],[type="hidden"]), select, textarea';

export type Rgba = [number, number, number, number];

const pixel = new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true })!;

/** Any CSS colour (rgb(), color(srgb …), names) as sRGB bytes and alpha, as the screen shows it. */
export function rgba(color: string): Rgba {
  pixel.clearRect(0, 0, 1, 1);
  pixel.fillStyle = color;
  pixel.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0, a = 0] = pixel.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

function luminance([r, g, b]: Rgba): number {
  const linear = (byte: number) => {
    const c = byte / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The WCAG contrast ratio of two colours. */
export function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour behind an element: the first ancestor that paints a background (white at the top). */
export function backdrop(element: Element): Rgba {
  for (let node = parentOf(element); node; node = parentOf(node)) {
    const color = rgba(getComputedStyle(node).backgroundColor);
    if (color[3] > 0.5) return color;
  }
  return [255, 255, 255, 1];
}

/** The field's visible edges: each side that has a border, in its colour. */
function edges(style: CSSStyleDeclaration): Rgba[] {
  return (['Top', 'Right', 'Bottom', 'Left'] as const)
    .filter((side) => parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0)
    .filter((side) => style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none')
    .map((side) => rgba(style.getPropertyValue(`border-${side.toLowerCase()}-color`)));
}

/**
 * Every text field, select and text area can be told from what is around it: its border, or
 * its own background, has 3:1 against the background it sits on (WCAG 1.4.11).
 */
export function contrastProblems(host: Element): string[] {
  const problems: string[] = [];
  for (const element of deepElements(host)) {
    if (!element.matches(FIELDS) || !isShown(element) || isVisuallyHidden(element)) continue;
    const style = getComputedStyle(element);
    const around = backdrop(element);
    const own = rgba(style.backgroundColor);
    const best = Math.max(
      own[3] > 0.5 ? contrast(own, around) : 1,
      ...edges(style).map((edge) => (edge[3] > 0.5 ? contrast(edge, around) : 1)),
    );
    if (best < NON_TEXT) {
      problems.push(
        `contrast: ${nameOf(element)}'s edge has ${best.toFixed(2)}:1 against its background, under ${NON_TEXT}:1`,
      );
    }
  }
  return problems;
}
