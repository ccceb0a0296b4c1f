import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import { CONTENT_LOCALES, type ContentLocale } from '../shared/locale.ts';

export { renderTaskError } from '../shared/task.ts';
export { pause } from '../shared/task.ts';

type Outputs = inferRouterOutputs<AppRouter>;

export type SearchPage = Outputs['help']['search'];
export type HelpResult = SearchPage['results'][number];
export type Segment = HelpResult['title'][number];
export type HelpArticle = Outputs['help']['article'];
export type HelpCategory = Outputs['help']['categories'][number];

/** The first characters of the box that are searched; the server reads no more of them anyway. */
export const MAX_QUERY = 1000;
/** The server's limit for a feedback comment. */
export const MAX_COMMENT = 2000;
/** Results per request; "Show more" asks for the next as many. */
export const PAGE_SIZE = 10;
/** The server pages no further than this offset. */
export const MAX_OFFSET = 500;
/** How long typing must rest before the search runs. */
export const SEARCH_DELAY = 200;

/** What the views ask of the element: focus moved after a render, and a polite announcement. */
export interface HelpEffects {
  /** Moves focus to the element matching `selector` once a render has put it on screen. */
  focusSoon(selector: string): void;
  /** Says `text` in the element's polite live region. */
  announce(text: string): void;
}

/**
 * The help centre's view, kept in the page's URL fragment so that the back button and a link
 * to an article work: `#help=<slug>` (optionally `&locale=de`) is an article, `#help` or no
 * fragment the search. Any other fragment belongs to something else on the page (the ticket
 * inbox's `#ticket=…`) and leaves the help centre as it is.
 */
export type HelpRoute =
  { view: 'search' } | { view: 'article'; slug: string; locale: ContentLocale | null };

const ARTICLE = /^help=([a-z0-9]+(?:-[a-z0-9]+)*)(?:&locale=([a-z]{2}))?$/;

export const SEARCH_HREF = '#help';

export function isContentLocale(value: string | null | undefined): value is ContentLocale {
  return CONTENT_LOCALES.some((locale) => locale === value);
}

/** The route a fragment names, or null when the fragment is not the help centre's. */
export function parseHelpRoute(hash: string): HelpRoute | null {
  const fragment = hash.replace(/^#/, '');
  if (fragment === '' || fragment === 'help') return { view: 'search' };
  const found = ARTICLE.exec(fragment);
  if (!found || found[1]!.length > 80) return null;
  return { view: 'article', slug: found[1]!, locale: isContentLocale(found[2]) ? found[2] : null };
}

export function sameRoute(a: HelpRoute, b: HelpRoute): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fragment link to an article, for `<a href>`: real links open in a new tab and read right. */
export function articleHref(slug: string, locale?: ContentLocale): string {
  return locale ? `#help=${slug}&locale=${locale}` : `#help=${slug}`;
}

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);

export function directionOf(locale: string): 'rtl' | 'ltr' {
  return RIGHT_TO_LEFT.has(locale.split('-')[0]!) ? 'rtl' : 'ltr';
}

/** A language's name in `inLocale`, such as "Deutsch" for `de` in `de`. */
export function languageName(locale: string, inLocale: string): string {
  try {
    return new Intl.DisplayNames([inLocale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/** An article's date of change, written as its own language writes dates. */
export function articleDate(value: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(value));
}

/** The vendor's "Ask support" address with `{query}` filled in. */
export function askUrl(template: string, query: string): string {
  return template.replaceAll('{query}', encodeURIComponent(query));
}

const VISITOR_KEY = 'portico-help-visitor';
const VISITOR = /^[A-Za-z0-9_-]{16,64}$/;
let pageVisitor: string | undefined;

function newVisitorKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The random key that lets a reader without a sign-in change their vote instead of adding one.
 * Kept in localStorage; where storage is blocked it lasts as long as the page.
 */
export function visitorKey(): string {
  try {
    const kept = localStorage.getItem(VISITOR_KEY);
    if (kept && VISITOR.test(kept)) return kept;
    const key = newVisitorKey();
    localStorage.setItem(VISITOR_KEY, key);
    return key;
  } catch {
    return (pageVisitor ??= newVisitorKey());
  }
}
