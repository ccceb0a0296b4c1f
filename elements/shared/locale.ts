import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../locales/locale-codes.ts';

/**
 * The languages Portico speaks, in the order a picker lists them. English is the source every
 * `msg()` is written in; the others are generated from `locales/*.xlf` into `elements/locales/`.
 */
export const LOCALES = ['en', 'de', 'lv', 'hr', 'el', 'fa'] as const;
export type Locale = (typeof LOCALES)[number];

type TargetLocale = (typeof targetLocales)[number];

/** Each translation is its own chunk: a page downloads only the language it shows. */
const translations: Record<TargetLocale, () => Promise<object>> = {
  de: () => import('../locales/de.ts'),
  el: () => import('../locales/el.ts'),
  fa: () => import('../locales/fa.ts'),
  hr: () => import('../locales/hr.ts'),
  lv: () => import('../locales/lv.ts'),
};

const localization = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => translations[locale as TargetLocale]() as never,
});

/** The language every element on the page renders in now. */
export const getLocale = localization.getLocale as () => Locale;

let wanted: Locale = sourceLocale;

/**
 * Switches every element on the page to `locale` once its translation has loaded. Elements
 * decorated with `@localized()` render again by themselves.
 */
export function setLocale(locale: Locale): Promise<void> {
  wanted = locale;
  return localization.setLocale(locale).catch((error: unknown) => {
    // The translation did not arrive: the page stays in the language it shows, so requests
    // ask for that one again, and the next look at the page asks for this language anew.
    if (wanted === locale) wanted = getLocale();
    throw error;
  });
}

/**
 * The language the page is showing or is about to: while a translation loads, `getLocale()`
 * still names the old one, and a request sent now should already ask for the new one.
 */
export function wantedLocale(): Locale {
  return wanted;
}

/** The shipped language a BCP 47 tag such as `de-AT` or `FA` stands for, or null. */
export function supportedLocale(tag: string | null | undefined): Locale | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === primary) ?? null;
}

/** Persian is written right to left; the other five left to right. */
export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'fa' ? 'rtl' : 'ltr';
}

/** The languages the backend writes in (articles, catalog names, mails): the same six. */
export const CONTENT_LOCALES = LOCALES;
export type ContentLocale = Locale;

/**
 * The language an element's content should be in: the nearest `lang` attribute of the page
 * around it (`<html lang="fa">`, or a section in another language) when the backend has it,
 * else the interface's locale, else English.
 */
export function contentLocale(element: Element): ContentLocale {
  return (
    supportedLocale(element.closest('[lang]')?.getAttribute('lang')) ??
    supportedLocale(getLocale()) ??
    'en'
  );
}
