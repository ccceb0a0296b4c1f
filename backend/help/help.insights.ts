import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { timestamp } from '../db/clock.ts';
import type { Locale } from '../portal/portal.schema.ts';
import { inBestLocale, localeOrder } from './help.queries.ts';
import { foldedWords } from './help.text.ts';

/** The longest query a miss keeps: enough for a question, not for a pasted page. */
export const MAX_MISS_QUERY = 100;
/** The misses read to pick the most frequent from, after half-typed ones are merged away. */
const MISS_CANDIDATES = 200;

/**
 * A query as misses are counted under: its words folded and joined by single spaces (so
 * "Descale?" and "descale" are one miss), cut to `MAX_MISS_QUERY`; null for one that says too
 * little to be worth keeping (empty, one character, punctuation alone).
 */
export function missKey(q: string): string | null {
  const folded = foldedWords(q.slice(0, 4 * MAX_MISS_QUERY)).join(' ');
  const key = folded.slice(0, MAX_MISS_QUERY).trimEnd();
  return key.length < 2 ? null : key;
}

/**
 * The most misses kept. Searching is public, so anyone can send any number of different
 * queries: past this many rows the least searched (the oldest among equals) make room.
 */
export const MAX_MISS_ROWS = 5_000;

/**
 * Counts a customer search that found nothing: one upsert of the query's row, so a miss
 * searched a thousand times is still one row; the table never grows past `MAX_MISS_ROWS`.
 */
export async function recordSearchMiss(
  db: Db,
  q: string,
  locale: Locale,
  maxRows = MAX_MISS_ROWS,
): Promise<void> {
  const query = missKey(q);
  if (!query) return;
  const now = timestamp();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('helpSearchMiss')
      .values({ query, locale, count: 1, lastAt: now })
      .onConflict((oc) =>
        oc.columns(['query', 'locale']).doUpdateSet((eb) => ({
          count: eb('helpSearchMiss.count', '+', 1),
          lastAt: now,
        })),
      )
      .execute();
    const { rows } = await trx
      .selectFrom('helpSearchMiss')
      .select((eb) => eb.fn.countAll<number>().as('rows'))
      .executeTakeFirstOrThrow();
    const over = Number(rows) - maxRows;
    if (over <= 0) return;
    const evicted = await trx
      .selectFrom('helpSearchMiss')
      .select(['query', 'locale'])
      .orderBy('count')
      .orderBy('lastAt')
      .limit(over)
      .execute();
    for (const row of evicted) {
      await trx
        .deleteFrom('helpSearchMiss')
        .where('query', '=', row.query)
        .where('locale', '=', row.locale)
        .execute();
    }
  });
}

export interface InsightsRequest {
  /** Only the misses of searches in this language. */
  locale?: Locale;
  /** Articles rated unhelpful, worst first by their share of unhelpful votes or by their number. */
  unhelpfulBy: 'share' | 'count';
  limit: number;
}

export interface SearchMiss {
  query: string;
  locale: Locale;
  count: number;
  lastAt: string;
}

/**
 * Customers search as they type, so a miss for "descaling" often comes with misses for
 * "descal" and "descali" on the way. A query that a longer one in the same language starts with,
 * and that was not searched more often than it, is taken for the longer one half typed.
 */
export function withoutHalfTyped(misses: readonly SearchMiss[]): SearchMiss[] {
  return misses.filter(
    (miss) =>
      !misses.some(
        (longer) =>
          longer.locale === miss.locale &&
          longer.query.length > miss.query.length &&
          longer.query.startsWith(miss.query) &&
          longer.count >= miss.count,
      ),
  );
}

/** What the authors should write or rewrite: searches that found nothing, unhelpful articles. */
export async function helpInsights(db: Db, request: InsightsRequest, vendorDefault: Locale) {
  let missQuery = db
    .selectFrom('helpSearchMiss')
    .select(['query', 'locale', 'count', 'lastAt'])
    .orderBy('count', 'desc')
    .orderBy('lastAt', 'desc')
    .limit(MISS_CANDIDATES);
  if (request.locale) missQuery = missQuery.where('locale', '=', request.locale);
  const misses = withoutHalfTyped(await missQuery.execute()).slice(0, request.limit);

  const share = sql<number>`${sql.ref('notHelpfulCount')} * 1.0 / (${sql.ref('helpfulCount')} + ${sql.ref('notHelpfulCount')})`;
  let articleQuery = db
    .selectFrom('helpArticle')
    .select(['id', 'slug', 'status', 'viewCount', 'helpfulCount', 'notHelpfulCount'])
    .where('notHelpfulCount', '>', 0);
  articleQuery =
    request.unhelpfulBy === 'share'
      ? articleQuery.orderBy(share, 'desc').orderBy('notHelpfulCount', 'desc')
      : articleQuery.orderBy('notHelpfulCount', 'desc').orderBy(share, 'desc');
  const articles = await articleQuery.orderBy('id').limit(request.limit).execute();
  const titles =
    articles.length === 0
      ? []
      : await db
          .selectFrom('helpTranslation')
          .select(['articleId', 'locale', 'title'])
          .where(
            'articleId',
            'in',
            articles.map((article) => article.id),
          )
          .execute();
  const order = localeOrder(vendorDefault, vendorDefault);
  return {
    misses,
    unhelpful: articles.map((article) => {
      const own = titles.filter((row) => row.articleId === article.id);
      const votes = article.helpfulCount + article.notHelpfulCount;
      return {
        ...article,
        title: inBestLocale(own, order)?.title ?? article.slug,
        unhelpfulShare: article.notHelpfulCount / votes,
      };
    }),
  };
}
