import {
  sourceCatalogues,
  type CatalogueName,
  type Placeholders,
  type Source,
  type Translation,
} from './catalogues.ts';
import { fill, valueIn, type Value } from './fill.ts';
import type { Locale } from './locale.ts';
import de from './locales/de.ts';
import el from './locales/el.ts';
import fa from './locales/fa.ts';
import hr from './locales/hr.ts';
import lv from './locales/lv.ts';

const TRANSLATIONS: Readonly<Record<Exclude<Locale, 'en'>, Translation>> = { de, lv, hr, el, fa };

/** A catalogue's sentences in one language (the English itself for `en`). */
export function catalogue<C extends CatalogueName>(locale: Locale, name: C): Sentences<C> {
  const sentences = locale === 'en' ? sourceCatalogues()[name] : TRANSLATIONS[locale][name];
  return sentences as unknown as Sentences<C>;
}

type Sentences<C extends CatalogueName> = Readonly<Record<keyof Source[C], string>>;

/** What a sentence's placeholders are filled with. */
export type Values<S> = S extends string
  ? [Placeholders<S>] extends [never]
    ? []
    : [values: Record<Placeholders<S>, Value>]
  : never;

export { fill, valueIn, type Value };

/**
 * The sentences of one catalogue in one language, filled in: `t('SUBJECT', { vendor })`, each
 * number in the language's digits. The values a key needs are checked against its English
 * placeholders.
 */
export function translator<C extends CatalogueName>(locale: Locale, name: C) {
  const sentences = catalogue(locale, name);
  return <K extends keyof Source[C] & string>(key: K, ...values: Values<Source[C][K]>): string =>
    fill(sentences[key], values[0], locale);
}
