import type { Locale } from './locale.ts';

/**
 * Money, dates and waits as a reader of each language expects them, through Intl. Formatters
 * are costly to build and mails come in bursts, so each is made once per language and kind.
 */
const formats = new Map<
  string,
  Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat
>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => F,
): F {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format as F;
}

function currencyFormat(locale: Locale, currency: string): Intl.NumberFormat {
  return cached(
    `money:${locale}:${currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
  );
}

/**
 * How many decimals a currency's amounts have: 2 for EUR, 0 for JPY, 3 for KWD. Amounts are
 * kept in minor units (cents); this is the one place that knows how many make a major unit.
 */
export function minorDigits(currency: string): number {
  return currencyFormat('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** How many minor units a currency's major unit has: 100 for EUR, 1 for JPY. */
export function minorUnits(currency: string): number {
  return 10 ** minorDigits(currency);
}

/** An amount in minor units (cents), as money in `locale`: `€24.50`, `24,50 €`. */
export function formatMoney(locale: Locale, minor: number, currency: string): string {
  return currencyFormat(locale, currency).format(minor / minorUnits(currency));
}

/**
 * An amount in minor units as a plain decimal for machines (a CSV a spreadsheet computes
 * with): `64.88`, `-5.00`, whatever the reader's language.
 */
export function plainAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/** A count or quantity in the reader's digits: `1,250`, `1.250`, `۱٬۲۵۰`. */
export function formatNumber(locale: Locale, value: number): string {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** A ratio as a percentage in `locale`: `0.12` is `12%`, `12 %`, `٪۱۲`. */
export function formatPercent(locale: Locale, ratio: number): string {
  const format = cached(
    `percent:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }),
  );
  return format.format(ratio);
}

/** A size in megabytes, with the unit as `locale` writes it: `10 MB`, `۱۰ مگابایت`. */
export function formatMegabytes(locale: Locale, megabytes: number): string {
  const format = cached(
    `megabytes:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte' }),
  );
  return format.format(megabytes);
}

/**
 * A calendar day (`YYYY-MM-DD`) written out in `locale`: `January 5, 2026`, `5. Januar 2026`
 * (`long`, for sentences), or `Jan 5, 2026`, `05.01.2026` (`medium`, for a document's columns).
 */
export function formatDay(locale: Locale, day: string, style: 'long' | 'medium' = 'long'): string {
  const format = cached(
    `day:${style}:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }),
  );
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : format.format(date);
}

/**
 * A wait or an age in `locale`, with the language's own plural forms: `in 3 days`, `2 days
 * ago`, `in 1 second`; `in 3 Tagen`, `vor 2 Tagen`.
 */
export function relativeTime(
  locale: Locale,
  value: number,
  unit: Intl.RelativeTimeFormatUnit,
): string {
  const format = cached(
    `relative:${locale}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'always' }),
  );
  return format.format(value, unit);
}

/**
 * A wait, to be written once the reader's language is known (a placeholder's value), with the
 * language's plural forms: "in 30 seconds", "in 1 Sekunde".
 */
export const waitOf =
  (seconds: number) =>
  (locale: Locale): string =>
    relativeTime(locale, seconds, 'second');

/** A country's name in `locale` from its ISO code (`DE` is `Germany`, `Deutschland`, `آلمان`). */
export function countryName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    // Not a region code Intl knows the shape of: the code itself says more than nothing.
    return code;
  }
}
