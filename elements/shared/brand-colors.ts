import type { PorticoApi } from '../api/client.ts';
import { portalSettingsFor, type Branding } from './branding.ts';

/** The default dark surface and its raised variant (host.styles.ts): the dark brand must read on both. */
const DARK_SURFACES = ['#15171c', '#25282e'];
const DARK_INK = '#0b1220';
const WHITE = '#ffffff';

function channels(hex: string): [number, number, number] {
  const value = parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `share` of `a` mixed into `b`, in sRGB as `color-mix(in srgb, …)` does. */
function mix(a: string, b: string, share: number): string {
  const other = channels(b);
  return `#${channels(a)
    .map((channel, index) =>
      Math.round(channel * share + other[index]! * (1 - share))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/**
 * The vendor's brand colour as the dark scheme needs it: lightened just enough to read as text
 * and as a focus ring on the dark surfaces (4.5:1), with whichever ink reads best on it.
 */
export function darkBrand(colors: Branding['colors']): Branding['colors'] {
  let brand = colors.brand;
  for (let share = 0.05; share <= 1 && !readsOnDark(brand); share += 0.05)
    brand = mix(WHITE, colors.brand, share);
  const inks = [colors.brandContrast, DARK_INK, WHITE];
  const brandContrast = inks.find((ink) => contrast(ink, brand) >= 4.5) ?? DARK_INK;
  return { brand, brandContrast };
}

/** Reads on the dark surfaces and on its own tint (highlights are 18% of the brand). */
const readsOnDark = (hex: string) =>
  [...DARK_SURFACES, mix(hex, DARK_SURFACES[0]!, 0.18)].every(
    (surface) => contrast(hex, surface) >= 4.5,
  );

/** The two brand colours for light and dark, as CSS values, from the vendor's settings. */
export function brandValues(colors: Branding['colors']): Branding['colors'] {
  const dark = darkBrand(colors);
  return {
    brand: `light-dark(${colors.brand}, ${dark.brand})`,
    brandContrast: `light-dark(${colors.brandContrast}, ${dark.brandContrast})`,
  };
}

/**
 * One stylesheet shared by every element's shadow root (through `hostStyles`): the brand
 * colours of the page's backend, as defaults under the vendor's own `--portico-*` tokens.
 */
export const brandSheet = new CSSStyleSheet();

function write(branding: Branding | null): void {
  if (!branding) return brandSheet.replaceSync('');
  const { brand, brandContrast } = brandValues(branding.colors);
  brandSheet.replaceSync(
    `:host { --_backend-brand: ${brand}; --_backend-brand-contrast: ${brandContrast}; }`,
  );
}

let applied: PorticoApi | null = null;
let stopListening = (): void => {};

/**
 * Gives every element the page's backend's colours: at once from what this browser remembers,
 * then from the server's answer, without holding up any element's first render. Called again
 * with another backend, it follows that one only.
 */
export function applyBranding(api: PorticoApi): void {
  if (applied === api) return;
  applied = api;
  stopListening();
  const store = portalSettingsFor(api);
  const rewrite = () => write(store.branding);
  write(store.branding);
  store.addEventListener('change', rewrite);
  stopListening = () => store.removeEventListener('change', rewrite);
  store.load().catch(() => {
    // The elements keep the remembered or default colours.
  });
}
