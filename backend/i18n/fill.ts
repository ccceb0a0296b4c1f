import { formatNumber } from './format.ts';
import type { Locale } from './locale.ts';

/**
 * What a placeholder is filled with: words as they are (a name, an order number), a number,
 * written in the reader's digits, or words that differ by language (a wait, a kind of file),
 * written when the language is known.
 */
export type Value = string | number | ((locale: Locale) => string);

/** A placeholder's value as a reader of `locale` writes it. */
export function valueIn(locale: Locale, value: Value): string {
  if (typeof value === 'function') return value(locale);
  return typeof value === 'number' ? formatNumber(locale, value) : value;
}

/**
 * Puts values in for `{name}`s, each written for `locale`; a placeholder with no value is left
 * as it is.
 */
export function fill(
  template: string,
  values: Readonly<Record<string, Value>> = {},
  locale: Locale = 'en',
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? valueIn(locale, values[name]!) : whole,
  );
}
