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
