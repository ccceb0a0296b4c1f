import { publicProcedure, router } from '../trpc.ts';
import { limited } from '../rate-limit.ts';
import type { Context } from '../context.ts';
import type { Locale } from '../portal/portal.schema.ts';
import {
  articleInput,
  categoriesInput,
  feedbackInput,
  searchInput,
  suggestInput,
} from './help.schema.ts';
import {
  relatedArticles,
  searchArticles,
  suggestArticles,
  type SearchOutcome,
} from './help.search.ts';
import {
  browsableCategories,
  categoryArticles,
  categoryIdOf,
  categoryLabels,
  localeOrder,
  readArticle,
} from './help.queries.ts';
import { recordFeedback } from './help.write.ts';
import { recordSearchMiss } from './help.insights.ts';

const searching = publicProcedure.use(limited('help.search'));
const suggesting = publicProcedure.use(limited('help.suggest'));

/**
 * The language asked for (or the vendor's default), and the languages to fall back on after it.
 */
function languagesFor(ctx: Context, asked: Locale | undefined) {
  const vendorDefault = ctx.services.portalSettings().defaultLocale;
  const locale = asked ?? vendorDefault;
  return { locale, order: localeOrder(locale, vendorDefault) };
}

/** Search results with their category's name in the reader's languages. */
async function withCategories(ctx: Context, outcome: SearchOutcome, order: Locale[]) {
  const labels = await categoryLabels(ctx.services.db, order);
  return {
    ...outcome,
    results: outcome.results.map(({ categoryId, articleId: _, ...result }) => {
      const category = labels.get(categoryId)!;
      return { ...result, category: { slug: category.slug, name: category.name } };
    }),
  };
}

/**
 * The help centre as customers read it: open to everyone, signed in or not, and never showing a
 * draft.
 */
export const helpRouter = router({
  /**
   * Ranked articles for what is typed so far, snippets with the found words marked. With no
   * words and a category, that category's articles in their order.
   */
  search: searching.input(searchInput).query(async ({ ctx, input }) => {
    const { locale, order } = languagesFor(ctx, input.locale);
    const db = ctx.services.db;
    const categoryId = input.category ? await categoryIdOf(db, input.category) : undefined;
    const outcome =
      input.q.trim() === '' && categoryId
        ? {
            ...(await categoryArticles(db, categoryId, order, input.limit, input.offset)),
            correctedTo: null,
          }
        : await searchArticles(db, { ...input, locale, categoryId });
    // A first page with nothing on it is what the authors need to hear about; later pages
    // running dry are only the end of the results, and a search within one category may miss
    // only because the article is in another.
    const miss = outcome.results.length === 0 && input.offset === 0 && input.q.trim() !== '';
    if (miss && categoryId === undefined) {
      await recordSearchMiss(db, input.q, locale).catch((error: unknown) =>
        ctx.services.log(`help: a search miss was not recorded: ${String(error)}`),
      );
    }
    return withCategories(ctx, outcome, order);
  }),

  /** The few articles closest to what a customer is writing in a ticket or a chat. */
  suggest: suggesting.input(suggestInput).query(async ({ ctx, input }) => {
    const { locale, order } = languagesFor(ctx, input.locale);
    const outcome = await suggestArticles(ctx.services.db, input.text, locale, input.limit);
    return (await withCategories(ctx, outcome, order)).results;
  }),

  /** An article to read, with up to three others about the same things. */
  article: publicProcedure.input(articleInput).query(async ({ ctx, input }) => {
    const { db } = ctx.services;
    const article = await readArticle(db, input.slug, languagesFor(ctx, input.locale).order);
    const { text, ...shown } = article;
    const similar = await relatedArticles(db, article, 3);
    const labels = await categoryLabels(db, languagesFor(ctx, article.locale).order);
    const related = similar.map(({ categoryId, ...other }) => {
      const { slug, name } = labels.get(categoryId)!;
      return { ...other, category: { slug, name } };
    });
    return { ...shown, related };
  }),

  categories: publicProcedure
    .input(categoriesInput)
    .query(({ ctx, input }) =>
      browsableCategories(ctx.services.db, languagesFor(ctx, input.locale).order),
    ),

  /**
   * Whether an article helped, with an optional comment for the authors. A signed-in reader
   * votes once per article; a browser without a sign-in votes once per key it keeps.
   */
  feedback: publicProcedure.input(feedbackInput).mutation(({ ctx, input }) => {
    const voter = ctx.session
      ? `user:${ctx.session.userId}`
      : input.visitor
        ? `visitor:${input.visitor}`
        : null;
    return recordFeedback(ctx.services.db, voter, input);
  }),
});
