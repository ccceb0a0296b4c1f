import { z } from 'zod';
import { publicProcedure, router } from '../trpc.ts';
import { contentLocaleOf } from '../context.ts';
import { LOCALES } from '../portal/portal.schema.ts';
import { cursorInput, pageLimit } from '../db/cursor.ts';
import {
  findCatalogItem,
  findCatalogItems,
  listCatalog,
  listCategories,
} from './catalog.queries.ts';

const locale = z.enum(LOCALES).optional();
const productId = z.string().min(1).max(64);

/** The vendor's catalog is public: anyone may browse; ordering needs a sign-in. */
export const catalogRouter = router({
  list: publicProcedure
    .input(
      z.strictObject({
        locale,
        query: z.string().trim().max(100).optional(),
        category: z.string().min(1).max(64).optional(),
        cursor: cursorInput,
        limit: pageLimit(24),
      }),
    )
    .query(({ ctx, input }) =>
      listCatalog(ctx.services.db, {
        locale: contentLocaleOf(ctx, input.locale),
        query: input.query,
        categoryId: input.category,
        cursor: input.cursor,
        limit: input.limit,
      }),
    ),

  byId: publicProcedure
    .input(
      z.union([
        z.strictObject({ id: productId, locale }),
        z.strictObject({ sku: z.string().min(1).max(64), locale }),
      ]),
    )
    .query(({ ctx, input }) =>
      findCatalogItem(
        ctx.services.db,
        contentLocaleOf(ctx, input.locale),
        'id' in input ? { id: input.id } : { sku: input.sku },
      ),
    ),

  /** Several products at once, such as the lines of a cart filled elsewhere. */
  byIds: publicProcedure
    .input(z.strictObject({ ids: z.array(productId).min(1).max(100), locale }))
    .query(({ ctx, input }) =>
      findCatalogItems(ctx.services.db, contentLocaleOf(ctx, input.locale), input.ids),
    ),

  categories: publicProcedure
    .input(z.strictObject({ locale }).optional())
    .query(({ ctx, input }) =>
      listCategories(ctx.services.db, contentLocaleOf(ctx, input?.locale)),
    ),
});
