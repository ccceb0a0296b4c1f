import { z } from 'zod';
import { LOCALES, type Locale } from '../portal/portal.schema.ts';

/** Long enough for a pasted paragraph; only the first words are searched. */
export const MAX_QUERY = 16_384;
export const MAX_ARTICLE = 100_000;

export const slug = z
  .string()
  .trim()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens');

const locale = z.enum(LOCALES);

export const searchInput = z.strictObject({
  q: z.string().max(MAX_QUERY, `at most ${MAX_QUERY} characters`).default(''),
  locale: locale.optional(),
  category: slug.optional(),
  limit: z.int().min(1).max(50).default(10),
  offset: z.int().min(0).max(500).default(0),
});

export const suggestInput = z.strictObject({
  text: z.string().max(MAX_QUERY, `at most ${MAX_QUERY} characters`),
  locale: locale.optional(),
  limit: z.int().min(1).max(10).default(3),
});

export const articleInput = z.strictObject({ slug, locale: locale.optional() });

export const categoriesInput = z.strictObject({ locale: locale.optional() }).default({});

export const feedbackInput = z.strictObject({
  slug,
  locale,
  helpful: z.boolean(),
  comment: z.string().trim().max(2000).optional(),
  /** A random key the browser keeps, so one reader's second vote replaces the first. */
  visitor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, '16 to 64 letters, digits, - or _')
    .optional(),
});

const title = z.string().trim().min(1).max(200);
const body = z.string().max(MAX_ARTICLE, `at most ${MAX_ARTICLE} characters`);
const id = z.string().min(1).max(64);

export const staffListInput = z.strictObject({
  status: z.enum(['draft', 'published']).optional(),
  category: slug.optional(),
  q: z.string().trim().max(200).optional(),
  locale: locale.optional(),
  limit: z.int().min(1).max(100).default(50),
  offset: z.int().min(0).max(100_000).default(0),
});

export const createInput = z.strictObject({
  slug,
  category: slug,
  locale,
  title,
  body,
  position: z.int().min(0).max(10_000).optional(),
});

export const editInput = z.strictObject({
  articleId: id,
  slug: slug.optional(),
  category: slug.optional(),
  position: z.int().min(0).max(10_000).optional(),
});

export const translateInput = z.strictObject({ articleId: id, locale, title, body });

export const translationInput = z.strictObject({ articleId: id, locale });

export const articleIdInput = z.strictObject({ articleId: id });

export const previewInput = z.strictObject({ body });

const categoryText = z.strictObject({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(300).default(''),
});

/**
 * A name per language, each optional. A strict object rather than a record: a record drops a
 * `__proto__` key silently, where every input refuses unknown keys.
 */
const categoryNames = z.strictObject(
  Object.fromEntries(LOCALES.map((code) => [code, categoryText.optional()])) as Record<
    Locale,
    z.ZodOptional<typeof categoryText>
  >,
);

export const saveCategoryInput = z.strictObject({
  slug,
  position: z.int().min(0).max(10_000).default(0),
  names: categoryNames.refine(
    (names) => Object.keys(names).length > 0,
    'a name in at least one language',
  ),
});

export const insightsInput = z
  .strictObject({
    locale: locale.optional(),
    unhelpfulBy: z.enum(['share', 'count']).default('share'),
    limit: z.int().min(1).max(100).default(20),
  })
  .prefault({});
