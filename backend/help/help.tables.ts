import type { Generated } from 'kysely';
import type { Locale } from '../portal/portal.schema.ts';

export type ArticleStatus = 'draft' | 'published';

/** The help centre's tables, as `Database` includes them. */
export interface HelpTables {
  helpCategory: HelpCategoryTable;
  helpCategoryText: HelpCategoryTextTable;
  helpArticle: HelpArticleTable;
  helpTranslation: HelpTranslationTable;
  helpFeedback: HelpFeedbackTable;
  helpSearchMiss: HelpSearchMissTable;
}

export interface HelpCategoryTable {
  id: string;
  slug: string;
  /** Where the category comes when customers browse; lower first. */
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface HelpCategoryTextTable {
  categoryId: string;
  locale: Locale;
  name: string;
  description: string;
}

export interface HelpArticleTable {
  id: string;
  slug: string;
  categoryId: string;
  status: ArticleStatus;
  position: number;
  viewCount: number;
  helpfulCount: number;
  notHelpfulCount: number;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface HelpTranslationTable {
  /**
   * An internal integer key, never shown: it is the row of the search index that holds this
   * translation's words.
   */
  docId: Generated<number>;
  articleId: string;
  locale: Locale;
  title: string;
  /** The title folded (`db/fold.ts`), for the staff's list filter. */
  foldedTitle: string;
  /** What the author wrote, in Markdown. */
  body: string;
  /** The body rendered and sanitised, ready to show. */
  html: string;
  /** The body's words without markup: what search reads and snippets are cut from. */
  text: string;
  updatedBy: string | null;
  updatedAt: string;
}

export interface HelpFeedbackTable {
  id: string;
  articleId: string;
  locale: Locale;
  /** `user:<id>` for a signed-in person, `visitor:<key>` for a browser without a sign-in. */
  voter: string;
  helpful: number;
  comment: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A customer search that found nothing, counted per folded query and language. */
export interface HelpSearchMissTable {
  /** The query's words folded (`db/fold.ts`) and joined by single spaces, cut to a bounded length. */
  query: string;
  /** The language searched in. */
  locale: Locale;
  count: number;
  lastAt: string;
}
