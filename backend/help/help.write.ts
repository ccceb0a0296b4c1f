import type { Db } from '../db/database.ts';
import { newId } from '../db/id.ts';
import { fold } from '../db/fold.ts';
import { timestamp } from '../db/clock.ts';
import { isUniqueViolation } from '../db/constraint.ts';
import { refuse } from '../errors.ts';
import type { Locale } from '../portal/portal.schema.ts';
import { HelpError } from './help.errors.ts';
import { renderArticle } from './help.markdown.ts';
import { indexDocs, unindexDocs } from './help.index.ts';
import { categoryIdOf } from './help.queries.ts';

/** Puts an article's translations into the search index when it is published, out when not. */
async function reindexArticle(db: Db, articleId: string): Promise<void> {
  const article = await db
    .selectFrom('helpArticle')
    .select(['status', 'categoryId'])
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow();
  const translations = await db
    .selectFrom('helpTranslation')
    .select(['docId', 'locale', 'title', 'text'])
    .where('articleId', '=', articleId)
    .execute();
  if (article.status === 'published') {
    await indexDocs(
      db,
      translations.map((row) => ({ ...row, categoryId: article.categoryId })),
    );
  } else {
    await unindexDocs(
      db,
      translations.map((row) => row.docId),
    );
  }
}

async function existingArticle(db: Db, articleId: string) {
  const article = await db
    .selectFrom('helpArticle')
    .select(['id', 'status'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!article) throw refuse('NOT_FOUND', HelpError, 'NOT_FOUND');
  return article;
}

export interface NewArticle {
  slug: string;
  category: string;
  locale: Locale;
  title: string;
  body: string;
  position?: number;
}

/** A draft article with its first translation. */
export async function createArticle(db: Db, authorId: string | null, input: NewArticle) {
  return db.transaction().execute(async (trx) => {
    const categoryId = await categoryIdOf(trx, input.category);
    const id = newId();
    const now = timestamp();
    try {
      await trx
        .insertInto('helpArticle')
        .values({
          id,
          slug: input.slug,
          categoryId,
          status: 'draft',
          position: input.position ?? 0,
          viewCount: 0,
          helpfulCount: 0,
          notHelpfulCount: 0,
          publishedAt: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw refuse('CONFLICT', HelpError, 'SLUG_TAKEN');
      throw error;
    }
    await writeTranslation(trx, authorId, { articleId: id, ...input });
    return { articleId: id };
  });
}

/** An article's address, category or place in its category. */
export async function editArticle(
  db: Db,
  input: { articleId: string; slug?: string; category?: string; position?: number },
) {
  return db.transaction().execute(async (trx) => {
    await existingArticle(trx, input.articleId);
    const categoryId = input.category ? await categoryIdOf(trx, input.category) : undefined;
    try {
      await trx
        .updateTable('helpArticle')
        .set({
          ...(input.slug && { slug: input.slug }),
          ...(categoryId && { categoryId }),
          ...(input.position !== undefined && { position: input.position }),
          updatedAt: timestamp(),
        })
        .where('id', '=', input.articleId)
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw refuse('CONFLICT', HelpError, 'SLUG_TAKEN');
      throw error;
    }
    await reindexArticle(trx, input.articleId);
  });
}

export interface TranslationText {
  articleId: string;
  locale: Locale;
  title: string;
  body: string;
}

async function writeTranslation(trx: Db, authorId: string | null, input: TranslationText) {
  const { html, text } = renderArticle(input.body);
  const now = timestamp();
  const values = {
    title: input.title,
    foldedTitle: fold(input.title),
    body: input.body,
    html,
    text,
    updatedBy: authorId,
  };
  await trx
    .insertInto('helpTranslation')
    .values({ articleId: input.articleId, locale: input.locale, ...values, updatedAt: now })
    .onConflict((oc) =>
      oc.columns(['articleId', 'locale']).doUpdateSet({ ...values, updatedAt: now }),
    )
    .execute();
  await trx
    .updateTable('helpArticle')
    .set({ updatedAt: now })
    .where('id', '=', input.articleId)
    .execute();
}

/** Writes or rewrites the article in one language; a published article is searchable at once. */
export async function translateArticle(db: Db, authorId: string | null, input: TranslationText) {
  return db.transaction().execute(async (trx) => {
    await existingArticle(trx, input.articleId);
    await writeTranslation(trx, authorId, input);
    await reindexArticle(trx, input.articleId);
  });
}

export async function removeTranslation(db: Db, input: { articleId: string; locale: Locale }) {
  return db.transaction().execute(async (trx) => {
    const article = await existingArticle(trx, input.articleId);
    const translations = await trx
      .selectFrom('helpTranslation')
      .select(['docId', 'locale'])
      .where('articleId', '=', input.articleId)
      .execute();
    const removed = translations.find((row) => row.locale === input.locale);
    if (!removed) throw refuse('NOT_FOUND', HelpError, 'TRANSLATION_NOT_FOUND');
    if (translations.length === 1 && article.status === 'published') {
      throw refuse('PRECONDITION_FAILED', HelpError, 'LAST_TRANSLATION');
    }
    await unindexDocs(trx, [removed.docId]);
    await trx.deleteFrom('helpTranslation').where('docId', '=', removed.docId).execute();
  });
}

export async function setPublished(db: Db, articleId: string, published: boolean) {
  return db.transaction().execute(async (trx) => {
    await existingArticle(trx, articleId);
    if (published) {
      const any = await trx
        .selectFrom('helpTranslation')
        .select('docId')
        .where('articleId', '=', articleId)
        .executeTakeFirst();
      if (!any) throw refuse('PRECONDITION_FAILED', HelpError, 'NO_TRANSLATION');
    }
    const now = timestamp();
    await trx
      .updateTable('helpArticle')
      .set(
        published
          ? { status: 'published', publishedAt: now, updatedAt: now }
          : { status: 'draft', updatedAt: now },
      )
      .where('id', '=', articleId)
      .execute();
    await reindexArticle(trx, articleId);
  });
}

export async function deleteArticle(db: Db, articleId: string) {
  return db.transaction().execute(async (trx) => {
    await existingArticle(trx, articleId);
    const docs = await trx
      .selectFrom('helpTranslation')
      .select('docId')
      .where('articleId', '=', articleId)
      .execute();
    await unindexDocs(
      trx,
      docs.map((doc) => doc.docId),
    );
    await trx.deleteFrom('helpArticle').where('id', '=', articleId).execute();
  });
}

export interface CategoryInput {
  slug: string;
  position: number;
  names: Partial<Record<Locale, { name: string; description: string }>>;
}

/** Creates a category, or renames and reorders the one with this slug. */
export async function saveCategory(db: Db, input: CategoryInput) {
  return db.transaction().execute(async (trx) => {
    const now = timestamp();
    const existing = await trx
      .selectFrom('helpCategory')
      .select('id')
      .where('slug', '=', input.slug)
      .executeTakeFirst();
    const id = existing?.id ?? newId();
    if (existing) {
      await trx
        .updateTable('helpCategory')
        .set({ position: input.position, updatedAt: now })
        .where('id', '=', id)
        .execute();
    } else {
      await trx
        .insertInto('helpCategory')
        .values({ id, slug: input.slug, position: input.position, createdAt: now, updatedAt: now })
        .execute();
    }
    for (const [locale, text] of Object.entries(input.names) as [
      Locale,
      { name: string; description: string },
    ][]) {
      await trx
        .insertInto('helpCategoryText')
        .values({ categoryId: id, locale, ...text })
        .onConflict((oc) => oc.columns(['categoryId', 'locale']).doUpdateSet(text))
        .execute();
    }
    return { slug: input.slug };
  });
}

export interface FeedbackInput {
  slug: string;
  locale: Locale;
  helpful: boolean;
  comment?: string;
}

/**
 * Whether an article helped. One vote per reader and article: voting again replaces the vote
 * (and keeps an earlier comment unless a new one is given). The article's counts follow.
 */
export async function recordFeedback(db: Db, voter: string | null, input: FeedbackInput) {
  return db.transaction().execute(async (trx) => {
    const article = await trx
      .selectFrom('helpArticle')
      .select('id')
      .where('slug', '=', input.slug)
      .where('status', '=', 'published')
      .executeTakeFirst();
    if (!article) throw refuse('NOT_FOUND', HelpError, 'NOT_FOUND');
    const now = timestamp();
    const helpful = input.helpful ? 1 : 0;
    const comment = input.comment || null;
    await trx
      .insertInto('helpFeedback')
      .values({
        id: newId(),
        articleId: article.id,
        locale: input.locale,
        // Without a sign-in or a browser key every vote stands alone.
        voter: voter ?? `anonymous:${newId()}`,
        helpful,
        comment,
        createdAt: now,
        updatedAt: now,
      })
      .onConflict((oc) =>
        oc.columns(['articleId', 'voter']).doUpdateSet({
          helpful,
          locale: input.locale,
          updatedAt: now,
          ...(comment && { comment }),
        }),
      )
      .execute();
    const counts = await trx
      .selectFrom('helpFeedback')
      .select((eb) => [
        eb.fn.sum<number>('helpful').as('helpful'),
        eb.fn.countAll<number>().as('votes'),
      ])
      .where('articleId', '=', article.id)
      .executeTakeFirstOrThrow();
    const helpfulCount = Number(counts.helpful ?? 0);
    await trx
      .updateTable('helpArticle')
      .set({ helpfulCount, notHelpfulCount: Number(counts.votes) - helpfulCount })
      .where('id', '=', article.id)
      .execute();
    return { helpful: input.helpful };
  });
}
