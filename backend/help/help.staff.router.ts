import { staffProcedure, router } from '../trpc.ts';
import {
  articleIdInput,
  createInput,
  editInput,
  insightsInput,
  previewInput,
  saveCategoryInput,
  staffListInput,
  translateInput,
  translationInput,
} from './help.schema.ts';
import { renderArticle } from './help.markdown.ts';
import { helpInsights } from './help.insights.ts';
import { staffArticle, staffArticles, staffCategories } from './help.staff.queries.ts';
import {
  createArticle,
  deleteArticle,
  editArticle,
  removeTranslation,
  saveCategory,
  setPublished,
  translateArticle,
} from './help.write.ts';

/**
 * Writing the help centre: articles start as drafts in one language, gain translations, and
 * are searchable by customers from the moment they are published.
 */
export const staffHelpRouter = router({
  list: staffProcedure
    .input(staffListInput)
    .query(({ ctx, input }) =>
      staffArticles(ctx.services.db, input, ctx.services.portalSettings().defaultLocale),
    ),

  byId: staffProcedure
    .input(articleIdInput)
    .query(({ ctx, input }) =>
      staffArticle(ctx.services.db, input.articleId, ctx.services.portalSettings().defaultLocale),
    ),

  create: staffProcedure
    .input(createInput)
    .mutation(({ ctx, input }) => createArticle(ctx.services.db, ctx.session.userId, input)),

  /** The article's address, category or place in its category. */
  edit: staffProcedure
    .input(editInput)
    .mutation(({ ctx, input }) => editArticle(ctx.services.db, input)),

  /** Writes the article in a language it has or does not have yet. */
  translate: staffProcedure
    .input(translateInput)
    .mutation(({ ctx, input }) => translateArticle(ctx.services.db, ctx.session.userId, input)),

  removeTranslation: staffProcedure
    .input(translationInput)
    .mutation(({ ctx, input }) => removeTranslation(ctx.services.db, input)),

  publish: staffProcedure
    .input(articleIdInput)
    .mutation(({ ctx, input }) => setPublished(ctx.services.db, input.articleId, true)),

  unpublish: staffProcedure
    .input(articleIdInput)
    .mutation(({ ctx, input }) => setPublished(ctx.services.db, input.articleId, false)),

  delete: staffProcedure
    .input(articleIdInput)
    .mutation(({ ctx, input }) => deleteArticle(ctx.services.db, input.articleId)),

  /** What a body renders to, for the editor's preview; nothing is saved. */
  preview: staffProcedure.input(previewInput).query(({ input }) => ({
    html: renderArticle(input.body).html,
  })),

  /** What to write next: customer searches that found nothing, articles rated unhelpful. */
  insights: staffProcedure
    .input(insightsInput)
    .query(({ ctx, input }) =>
      helpInsights(ctx.services.db, input, ctx.services.portalSettings().defaultLocale),
    ),

  categories: staffProcedure.query(({ ctx }) => staffCategories(ctx.services.db)),

  saveCategory: staffProcedure
    .input(saveCategoryInput)
    .mutation(({ ctx, input }) => saveCategory(ctx.services.db, input)),
});
