import { getLocale } from './locale.ts';

// The first `Intl` formatter of a kind on a page loads that locale's data (tens of ms on a slow
// phone), and every later one costs more than formatting: each is made once and kept.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale} ${options.style ?? ''} ${options.currency ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

type DateStyle = 'date' | 'dateTime' | 'time';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'short' },
};

function dateFormat(locale: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale} ${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, DATE_OPTIONS[style]);
    dateFormats.set(key, format);
  }
  return format;
}

/** Money in integer minor units, formatted for the customer's locale. */
export function formatMoney(minor: number, currency: string, locale: string = getLocale()): string {
  const format = numberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

export function formatDate(value: Date | string, locale: string = getLocale()): string {
  return dateFormat(locale, 'date').format(new Date(value));
}

/** A moment with its time of day, such as an event in an order's timeline. */
export function formatDateTime(value: Date | string, locale: string = getLocale()): string {
  return dateFormat(locale, 'dateTime').format(new Date(value));
}

/** A time of day alone, such as a chat message's "14:05". */
export function formatTime(value: Date | string, locale: string = getLocale()): string {
  return dateFormat(locale, 'time').format(new Date(value));
}

/** A count or other number in the customer's digits (Persian readers see ۱۲, not 12). */
export function formatNumber(value: number, locale: string = getLocale()): string {
  return numberFormat(locale).format(value);
}

/**
 * Makes the page's formatters while the browser is idle (the elements' code is still on its
 * way), so that no element's render pays for loading the locale's data. The first formatter of
 * a kind first lists the locales it supports, then loads its own data: each of those four steps
 * runs in an idle moment of its own, so the page is held up four times briefly, not once long.
 */
export function prepareFormats(): void {
  const steps = [
    () => Intl.NumberFormat.supportedLocalesOf(getLocale()),
    () => numberFormat(getLocale()),
    () => Intl.DateTimeFormat.supportedLocalesOf(getLocale()),
    () => dateFormat(getLocale(), 'date'),
  ];
  const idle = (run: () => void) => {
    if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 1000 });
    else setTimeout(run, 0);
  };
  const next = () => {
    steps.shift()?.();
    if (steps.length) idle(next);
  };
  idle(next);
}
