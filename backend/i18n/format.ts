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

/** How many minor units a currency's major unit has: 100 for EUR, 1 for JPY. */
export function minorUnits(currency: string): number {
  const digits = currencyFormat('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}

/** An amount in minor units (cents), as money in `locale`: `€24.50`, `24,50 €`. */
export function formatMoney(locale: Locale, minor: number, currency: string): string {
  return currencyFormat(locale, currency).format(minor / minorUnits(currency));
}

/** A calendar day (`YYYY-MM-DD`) written out in `locale`: `January 5, 2026`, `5. Januar 2026`. */
export function formatDay(locale: Locale, day: string): string {
  const format = cached(
    `day:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
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
