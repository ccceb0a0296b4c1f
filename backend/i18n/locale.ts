import { LOCALES, type Locale } from '../portal/portal.schema.ts';

export { LOCALES, type Locale };

/** Whether a value names one of the portal's languages exactly (`de`, not `de-AT`). */
export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

/** The writing direction of a language: Persian reads right to left. */
export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'fa' ? 'rtl' : 'ltr';
}

/**
 * The side a line starts on, for the few places that must name a physical side (mail clients
 * ignore logical CSS properties, PDFs have none): `left`, or `right` in Persian.
 */
export function startSide(locale: Locale): 'left' | 'right' {
  return directionOf(locale) === 'rtl' ? 'right' : 'left';
}

/** The side a line ends on, where amounts line up: `right`, or `left` in Persian. */
export function endSide(locale: Locale): 'left' | 'right' {
  return directionOf(locale) === 'rtl' ? 'left' : 'right';
}

const QUALITY = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/;

/**
 * The first of the portal's languages an `Accept-Language` header asks for, by quality and
 * then by order: `de-AT, fa;q=0.8` is German, `xx, el;q=0.5` Greek. Only the primary subtag
 * counts; `q=0` means "not this one". Null when the header names none of them.
 */
export function acceptedLocale(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params
        .map((param) => /^\s*q\s*=(.*)$/i.exec(param)?.[1]?.trim())
        .find((value) => value !== undefined);
      // A quality that is not RFC 9110's `0` to `1` with up to three decimals drops the range.
      const quality = q === undefined ? 1 : QUALITY.test(q) ? Number(q) : 0;
      const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
      return { primary, quality, index };
    })
    .filter((range) => range.quality > 0 && isLocale(range.primary))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return (ranges[0]?.primary as Locale | undefined) ?? null;
}
