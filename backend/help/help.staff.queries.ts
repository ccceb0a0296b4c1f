import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Locale } from '../portal/portal.schema.ts';
import { refuse } from '../errors.ts';
import { searchWords } from '../db/fold.ts';
import { HelpError } from './help.errors.ts';
import { categoryIdOf, categoryLabels, inBestLocale, localeOrder } from './help.queries.ts';

export interface StaffListRequest {
  status?: 'draft' | 'published';
  category?: string;
  q?: string;
  locale?: Locale;
  limit: number;
  offset: number;
}

/**
 * Every article, drafts too, newest change first, each with the languages it has and its
 * readers' verdicts. `q` matches words of titles in any language.
 */
export async function staffArticles(db: Db, request: StaffListRequest, vendorDefault: Locale) {
  const order = localeOrder(request.locale ?? vendorDefault, vendorDefault);
  const categoryId = request.category ? await categoryIdOf(db, request.category) : undefined;
  let query = db
    .selectFrom('helpArticle as a')
    .select([
      'a.id',
      'a.slug',
      'a.categoryId',
      'a.status',
      'a.position',
      'a.viewCount',
      'a.helpfulCount',
      'a.notHelpfulCount',
      'a.publishedAt',
      'a.updatedAt',
    ]);
  if (request.status) query = query.where('a.status', '=', request.status);
  if (categoryId) query = query.where('a.categoryId', '=', categoryId);
  for (const word of searchWords(request.q ?? '')) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('helpTranslation as t')
          .select('t.docId')
          .whereRef('t.articleId', '=', 'a.id')
          .where(sql<boolean>`t."foldedTitle" like ${word} escape '\\'`),
      ),
    );
  }
  const rows = await query
    .orderBy('a.updatedAt', 'desc')
    .orderBy('a.id')
    .limit(request.limit + 1)
    .offset(request.offset)
    .execute();
  const page = rows.slice(0, request.limit);
  const translations =
    page.length === 0
      ? []
      : await db
          .selectFrom('helpTranslation')
          .select(['articleId', 'locale', 'title', 'updatedAt'])
          .where(
            'articleId',
            'in',
            page.map((row) => row.id),
          )
          .execute();
  const labels = await categoryLabels(db, order);
  return {
    articles: page.map(({ categoryId: id, ...article }) => {
      const own = translations.filter((row) => row.articleId === article.id);
      const category = labels.get(id)!;
      return {
        ...article,
        title: inBestLocale(own, order)?.title ?? article.slug,
        locales: own.map((row) => row.locale).sort(),
        category: { slug: category.slug, name: category.name },
      };
    }),
    hasMore: rows.length > request.limit,
  };
}

/** One article with every translation as written and rendered, and the latest comments. */
export async function staffArticle(db: Db, articleId: string, vendorDefault: Locale) {
  const article = await db
    .selectFrom('helpArticle')
    .selectAll()
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!article) throw refuse('NOT_FOUND', HelpError, 'NOT_FOUND');
  const translations = await db
    .selectFrom('helpTranslation')
    .select(['locale', 'title', 'body', 'html', 'updatedAt', 'updatedBy'])
    .where('articleId', '=', articleId)
    .orderBy('locale')
    .execute();
  const comments = await db
    .selectFrom('helpFeedback')
    .select(['locale', 'helpful', 'comment', 'updatedAt'])
    .where('articleId', '=', articleId)
    .where('comment', 'is not', null)
    .orderBy('updatedAt', 'desc')
    .limit(50)
    .execute();
  const { categoryId, ...rest } = article;
  const category = (await categoryLabels(db, localeOrder(vendorDefault, vendorDefault))).get(
    categoryId,
  )!;
  return {
    ...rest,
    category: { slug: category.slug, name: category.name },
    translations,
    comments: comments.map((row) => ({ ...row, helpful: row.helpful === 1 })),
  };
}

/** Categories with their names in every language, for editing. */
export async function staffCategories(db: Db) {
  const categories = await db
    .selectFrom('helpCategory')
    .select(['id', 'slug', 'position'])
    .orderBy('position')
    .orderBy('slug')
    .execute();
  const texts = await db
    .selectFrom('helpCategoryText')
    .select(['categoryId', 'locale', 'name', 'description'])
    .execute();
  return categories.map(({ id, ...category }) => ({
    ...category,
    names: Object.fromEntries(
      texts
        .filter((text) => text.categoryId === id)
        .map(({ locale, name, description }) => [locale, { name, description }]),
    ) as Partial<Record<Locale, { name: string; description: string }>>,
  }));
}
