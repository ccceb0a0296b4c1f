import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Locale } from '../portal/portal.schema.ts';
import { refuse } from '../errors.ts';
import { HelpError } from './help.errors.ts';
import { snippet } from './help.snippet.ts';
import type { FoundArticle } from './help.search.ts';

/** Languages to show in, best first: the one asked for, the vendor's default, English. */
export function localeOrder(wanted: Locale, vendorDefault: Locale): Locale[] {
  return [...new Set<Locale>([wanted, vendorDefault, 'en'])];
}

/** The row in the best language available: one of `order`, else any. */
export function inBestLocale<Row extends { locale: Locale }>(
  rows: Row[],
  order: Locale[],
): Row | undefined {
  for (const locale of order) {
    const row = rows.find((candidate) => candidate.locale === locale);
    if (row) return row;
  }
  return rows[0];
}

export interface CategoryLabel {
  id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
}

/** Every category with its name in the best language. */
export async function categoryLabels(db: Db, order: Locale[]): Promise<Map<string, CategoryLabel>> {
  const rows = await db
    .selectFrom('helpCategory as c')
    .innerJoin('helpCategoryText as t', 't.categoryId', 'c.id')
    .select(['c.id', 'c.slug', 'c.position', 't.locale', 't.name', 't.description'])
    .execute();
  const byCategory = groupBy(rows, (row) => row.id);
  return new Map(
    [...byCategory].map(([id, texts]) => {
      const { slug, position, name, description } = inBestLocale(texts, order)!;
      return [id, { id, slug, position, name, description }];
    }),
  );
}

export async function categoryIdOf(db: Db, slug: string): Promise<string> {
  const row = await db
    .selectFrom('helpCategory')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!row) throw refuse('NOT_FOUND', HelpError, 'CATEGORY_NOT_FOUND');
  return row.id;
}

/** The categories customers can browse (those with published articles), in their order. */
export async function browsableCategories(db: Db, order: Locale[]) {
  const counts = await db
    .selectFrom('helpArticle')
    .select(['categoryId', (eb) => eb.fn.countAll<number>().as('articles')])
    .where('status', '=', 'published')
    .groupBy('categoryId')
    .execute();
  const labels = await categoryLabels(db, order);
  return counts
    .flatMap(({ categoryId, articles }) => {
      const label = labels.get(categoryId);
      return label ? [{ ...label, articleCount: Number(articles) }] : [];
    })
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
    .map(({ slug, name, description, articleCount }) => ({
      slug,
      name,
      description,
      articleCount,
    }));
}

/** A category's published articles in its order, each in the best language, as search results. */
export async function categoryArticles(
  db: Db,
  categoryId: string,
  order: Locale[],
  limit: number,
  offset: number,
): Promise<{ results: FoundArticle[]; hasMore: boolean }> {
  const articles = await db
    .selectFrom('helpArticle')
    .select(['id', 'slug', 'categoryId'])
    .where('categoryId', '=', categoryId)
    .where('status', '=', 'published')
    .orderBy('position')
    .orderBy('slug')
    .limit(limit + 1)
    .offset(offset)
    .execute();
  const page = articles.slice(0, limit);
  const translations = await translationsOf(
    db,
    page.map((article) => article.id),
  );
  return {
    results: page.flatMap((article) => {
      const best = inBestLocale(translations.get(article.id) ?? [], order);
      if (!best) return [];
      return [
        {
          articleId: article.id,
          slug: article.slug,
          categoryId: article.categoryId,
          locale: best.locale,
          title: [{ text: best.title, match: false }],
          snippet: snippet(best.text, []),
          updatedAt: best.updatedAt,
        },
      ];
    }),
    hasMore: articles.length > limit,
  };
}

async function translationsOf(db: Db, articleIds: string[]) {
  const rows = await db
    .selectFrom('helpTranslation')
    .select(['articleId', 'locale', 'title', 'text', 'updatedAt'])
    .where('articleId', 'in', articleIds.length > 0 ? articleIds : [''])
    .execute();
  return groupBy(rows, (row) => row.articleId);
}

/**
 * A published article for reading, in the language asked for or the best one it has, with the
 * other languages it can be read in. Counts the view.
 */
export async function readArticle(db: Db, slug: string, order: Locale[]) {
  const article = await db
    .selectFrom('helpArticle')
    .select(['id', 'slug', 'categoryId'])
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!article) throw refuse('NOT_FOUND', HelpError, 'NOT_FOUND');
  const translations = await db
    .selectFrom('helpTranslation')
    .select(['locale', 'title', 'html', 'text', 'updatedAt'])
    .where('articleId', '=', article.id)
    .execute();
  const best = inBestLocale(translations, order);
  if (!best) throw refuse('NOT_FOUND', HelpError, 'NOT_FOUND');
  await db
    .updateTable('helpArticle')
    .set({ viewCount: sql`${sql.ref('viewCount')} + 1` })
    .where('id', '=', article.id)
    .execute();
  const category = (await categoryLabels(db, order)).get(article.categoryId)!;
  return {
    slug: article.slug,
    locale: best.locale,
    title: best.title,
    html: best.html,
    /** The words without markup, for finding related articles; not for the client. */
    text: best.text,
    updatedAt: best.updatedAt,
    category: { slug: category.slug, name: category.name },
    locales: translations.map((translation) => translation.locale).sort(),
  };
}

function groupBy<Row, Key>(rows: Row[], keyOf: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
