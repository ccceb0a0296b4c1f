import { configureLocalization } from '@lit/localize';

/**
 * The runtime locale switch. Every customer-facing string goes through `msg()`; English is the
 * source. Translations are added as generated modules under `locales/` and listed here.
 */
export const { getLocale, setLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: [],
  loadLocale: (locale) => Promise.reject(new Error(`No translations for ${locale} yet`)),
});

/** The languages the backend writes in (articles, catalog names, mails). */
export const CONTENT_LOCALES = ['en', 'de', 'lv', 'hr', 'el', 'fa'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];

/**
 * The language an element's content should be in: the nearest `lang` attribute of the page
 * around it (`<html lang="fa">`, or a section in another language) when the backend has it,
 * else the interface's locale, else English.
 */
export function contentLocale(element: Element): ContentLocale {
  const known = (tag: string | null | undefined) =>
    CONTENT_LOCALES.find((locale) => locale === tag?.toLowerCase().split('-')[0]);
  return known(element.closest('[lang]')?.getAttribute('lang')) ?? known(getLocale()) ?? 'en';
}
