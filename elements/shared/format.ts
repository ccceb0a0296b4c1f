import { getLocale } from './locale.ts';

/** Money in integer minor units, formatted for the customer's locale. */
export function formatMoney(minor: number, currency: string, locale: string = getLocale()): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

export function formatDate(value: Date | string, locale: string = getLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(value));
}

/** A moment with its time of day, such as an event in an order's timeline. */
export function formatDateTime(value: Date | string, locale: string = getLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(value),
  );
}

/** A time of day alone, such as a chat message's "14:05". */
export function formatTime(value: Date | string, locale: string = getLocale()): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(value));
}

/** A count or other number in the customer's digits (Persian readers see ۱۲, not 12). */
export function formatNumber(value: number, locale: string = getLocale()): string {
  return new Intl.NumberFormat(locale).format(value);
}
