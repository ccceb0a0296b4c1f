const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An SVG tile picturing a catalog item: a soft gradient in the item's hue with its glyph. */
export function productImageSvg(item: { hue: number; glyph: string; sku: string }): string {
  const hue = ((Math.round(item.hue) % 360) + 360) % 360;
  const id = `tile-${item.sku.replace(/[^A-Za-z0-9-]/g, '-')}`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 240" width="320" height="240">',
    '<defs>',
    `<linearGradient id="${id}" x1="0" y1="0" x2="1" y2="1">`,
    `<stop offset="0" stop-color="hsl(${hue}, 55%, 88%)"/>`,
    `<stop offset="1" stop-color="hsl(${hue}, 45%, 72%)"/>`,
    '</linearGradient>',
    '</defs>',
    `<rect width="320" height="240" fill="url(#${id})"/>`,
    '<text x="160" y="112" font-size="110" text-anchor="middle" dominant-baseline="central">' +
      `${escapeXml(item.glyph)}</text>`,
    '<text x="308" y="228" font-family="system-ui, sans-serif" font-size="13" fill="#3a3a3a"' +
      ` text-anchor="end">${escapeXml(item.sku)}</text>`,
    '</svg>',
  ].join('');
}
