import type { Locator, Page, PageScreenshotOptions } from 'playwright-core';

/**
 * How every picture is taken: no animations, no caret, on a white page with everything hidden but
 * the element being pictured (see `stage`). The elements are transparent, so a page's background
 * would show through them; that is the page's, not theirs.
 */
export const SHOT_STYLE = {
  animations: 'disabled',
  caret: 'hide',
  style: 'html, body { background: #ffffff !important; visibility: hidden !important; }',
} satisfies PageScreenshotOptions;

export interface Difference {
  same: boolean;
  detail: string;
}

/**
 * Compares two PNGs pixel by pixel, decoded by Chromium itself in `lab` (a blank page), and
 * says where they differ: sizes, the number of differing pixels and the box around them. A pixel
 * differs when a channel is off by more than `noise`: the edge of a rounded corner rasterised at
 * another place on the page comes out one level lighter or darker, and nothing else does.
 */
export async function comparePngs(lab: Page, a: Buffer, b: Buffer, noise = 2): Promise<Difference> {
  return lab.evaluate(
    async ([first, second, tolerance]) => {
      const decode = async (base64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height);
      };
      const [x, y] = await Promise.all([decode(first), decode(second)]);
      if (x.width !== y.width || x.height !== y.height) {
        return { same: false, detail: `${x.width}×${x.height} against ${y.width}×${y.height}` };
      }
      let count = 0;
      let [left, top, right, bottom] = [x.width, x.height, -1, -1];
      for (let index = 0; index < x.data.length; index += 4) {
        const off = Math.max(
          Math.abs(x.data[index]! - y.data[index]!),
          Math.abs(x.data[index + 1]! - y.data[index + 1]!),
          Math.abs(x.data[index + 2]! - y.data[index + 2]!),
          Math.abs(x.data[index + 3]! - y.data[index + 3]!),
        );
        if (off <= tolerance) continue;
        count++;
        const column = (index / 4) % x.width;
        const row = Math.floor(index / 4 / x.width);
        [left, top] = [Math.min(left, column), Math.min(top, row)];
        [right, bottom] = [Math.max(right, column), Math.max(bottom, row)];
      }
      return count === 0
        ? { same: true, detail: `${x.width}×${x.height}, identical` }
        : {
            same: false,
            detail: `${count} of ${x.width}×${x.height} pixels, in ${left},${top}–${right},${bottom}`,
          };
    },
    [a.toString('base64'), b.toString('base64'), noise] as const,
  );
}

/**
 * Holds back Portico's script on `page` until the returned function is called, so a test can
 * look at the page as it is before any element exists.
 */
export async function holdPorticoScript(page: Page, portico: string): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const script = `${portico}/portico.js`;
  await page.route(script, async (route) => {
    await released;
    // The page may have moved on meanwhile (a failed test); then there is nothing to let through.
    await route.continue().catch(() => {});
  });
  return () => {
    release();
    void page.unroute(script).catch(() => undefined);
  };
}

/**
 * The document's own style: every style sheet with its rules, the adopted ones, and the style
 * and class attributes of `<html>` and `<body>`. Equal before and after Portico loads: nothing
 * of Portico's leaked into the page.
 */
export function documentStyles(page: Page) {
  return page.evaluate(() => ({
    sheets: [...document.styleSheets].map((sheet) => ({
      owner: sheet.ownerNode?.nodeName ?? null,
      href: sheet.href,
      disabled: sheet.disabled,
      rules: [...sheet.cssRules].map((rule) => rule.cssText),
    })),
    adopted: document.adoptedStyleSheets.length,
    root: [document.documentElement.getAttribute('style'), document.documentElement.className],
    body: [document.body.getAttribute('style'), document.body.className],
  }));
}

/**
 * Waits until fonts are in, the network is quiet (for at most a few seconds: live connections
 * never end) and two frames have been drawn. Before the page has loaded, only the last two.
 */
export async function settle(page: Page, { network = true } = {}): Promise<void> {
  if (network) await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => {});
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/**
 * A picture of `subject` (by default `target` itself) with `target` alone at the top left corner
 * of a white page, at its own width. Chromium's anti-aliasing of round corners and icons shifts a
 * little with where on the page they are drawn (even by whole pixels), so elements are compared
 * at the same place. The element stays where it is in the document, under the same ancestors, so
 * it keeps everything the page's CSS does to it; `position` and `width` are placement, which a
 * vendor may set anyway. `prepare` runs once it is there (to open a panel, say); its own
 * `style` attribute is restored afterwards.
 */
export async function pictureAlone(
  target: Locator,
  subject: Locator = target,
  prepare: () => Promise<unknown> = async () => {},
): Promise<Buffer> {
  const saved = await target.evaluate((element: HTMLElement) => {
    const before = element.getAttribute('style');
    const { width } = element.getBoundingClientRect();
    Object.assign(element.style, {
      position: 'absolute',
      left: '0px',
      top: '0px',
      width: `${width}px`,
      zIndex: '2147483647',
      visibility: 'visible',
    });
    window.scrollTo(0, 0);
    return before;
  });
  try {
    await prepare();
    return await subject.screenshot(SHOT_STYLE);
  } finally {
    await target.evaluate((element, before) => {
      if (before === null) element.removeAttribute('style');
      else element.setAttribute('style', before);
    }, saved);
  }
}
