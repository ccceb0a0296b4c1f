import { msg } from '@lit/localize';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import { getLocale } from '../shared/locale.ts';

export { directionOf } from '../portico-help-search/help-search.api.ts';
export { CONTENT_LOCALES, type ContentLocale } from '../shared/locale.ts';

type StaffHelp = inferRouterOutputs<AppRouter>['staff']['help'];

export type ListInput = inferRouterInputs<AppRouter>['staff']['help']['list'];
export type ArticleRow = StaffHelp['list']['articles'][number];
export type ArticleDetail = StaffHelp['byId'];
export type Translation = ArticleDetail['translations'][number];
export type ReaderComment = ArticleDetail['comments'][number];
export type Insights = StaffHelp['insights'];
export type Category = StaffHelp['categories'][number];
export type ArticleStatus = ArticleRow['status'];
export type UnhelpfulBy = 'share' | 'count';

/** Articles per request; "Load more" asks for as many again. */
export const PAGE_SIZE = 50;
/** The server's limits, so the browser refuses what the server would. */
export const MAX_TITLE = 200;
export const MAX_BODY = 100_000;
export const SLUG_PATTERN = '[a-z0-9]+(-[a-z0-9]+)*';
/** How long typing in the body rests before the preview is asked for. */
export const PREVIEW_DELAY = 300;

/** The list's filters as the form holds them; '' is "any". */
export interface ListFilter {
  words: string;
  status: ArticleStatus | '';
  category: string;
}

export const EMPTY_FILTER: ListFilter = { words: '', status: '', category: '' };

export function listInputOf(filter: ListFilter, locale: string): ListInput {
  const words = filter.words.trim().slice(0, 200);
  return {
    q: words || undefined,
    status: filter.status || undefined,
    category: filter.category || undefined,
    locale: locale as ListInput['locale'],
  };
}

/** What the view's parts ask of the element: focus after a render, a polite announcement. */
export interface HelpEffects {
  /** Moves focus to the element matching `selector` once a render has put it on screen. */
  focusSoon(selector: string): void;
  /** Says `text` in the element's polite live region. */
  announce(text: string): void;
  /** The article was changed on the server: read it (and the list) again. */
  changed(): void;
  /** Shows another article, or the list for null, as following a link would. */
  open(articleId: string | null): void;
}

export function statusLabel(status: ArticleStatus): string {
  return status === 'published' ? msg('Published') : msg('Draft');
}

/** A content language's name in the staff member's own language: "German" for `de`. */
export function languageLabel(locale: string): string {
  try {
    return new Intl.DisplayNames([getLocale()], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/** A share between 0 and 1 as a whole percentage in the staff member's locale. */
export function formatShare(share: number): string {
  return new Intl.NumberFormat(getLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}

/** The address (slug) a title suggests: lower-case ASCII words joined by hyphens. */
export function slugOf(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
