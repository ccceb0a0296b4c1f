import type { CatalogueName, Source } from '../i18n/catalogues.ts';
import type { Locale } from '../i18n/locale.ts';
import { catalogue, fill, valueIn, type Value, type Values } from '../i18n/translate.ts';

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A sentence as HTML: its own words escaped, each value written for `locale` (numbers in its
 * digits), escaped and isolated in `<bdi>`, so a Latin order number or address inside a Persian
 * sentence (or a Persian name inside a German one) keeps its own direction and does not
 * reorder the words around it.
 */
export function fillHtml(
  template: string,
  values: Readonly<Record<string, Value>> = {},
  locale: Locale = 'en',
): string {
  return template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name === undefined || !(name in values)) return escapeHtml(part);
      return `<bdi>${escapeHtml(valueIn(locale, values[name]!))}</bdi>`;
    })
    .join('');
}

/**
 * The sentences of one mail catalogue in the recipient's language: `text` for the plain part
 * and the subject, `html` (escaped, values isolated) for the HTML part. Numbers among the
 * values are written in the recipient's digits.
 */
export function mailWords<C extends CatalogueName>(locale: Locale, name: C) {
  const sentences = catalogue(locale, name);
  return {
    locale,
    text: <K extends keyof Source[C] & string>(key: K, ...values: Values<Source[C][K]>) =>
      fill(sentences[key], values[0], locale),
    html: <K extends keyof Source[C] & string>(key: K, ...values: Values<Source[C][K]>) =>
      fillHtml(sentences[key], values[0], locale),
  };
}

export type MailWords<C extends CatalogueName> = ReturnType<typeof mailWords<C>>;
