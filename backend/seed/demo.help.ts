import { readFile } from 'node:fs/promises';
import type { Services } from '../services.ts';
import { LOCALES, type Locale } from '../portal/portal.schema.ts';
import { createArticle, saveCategory, setPublished, translateArticle } from '../help/help.write.ts';

const folder = new URL('../../demo/help/', import.meta.url);

interface DemoCategory {
  slug: string;
  names: Record<Locale, { name: string; description: string }>;
  articles: string[];
}

/** An article file: its first line is `# Title`, the rest the body. */
async function readArticle(locale: Locale, slug: string) {
  const source = await readFile(new URL(`${locale}/${slug}.md`, folder), 'utf8');
  const [heading, ...rest] = source.split('\n');
  if (!heading?.startsWith('# ')) throw new Error(`demo/help/${locale}/${slug}.md has no title`);
  return { title: heading.slice(2).trim(), body: rest.join('\n').trim() };
}

/**
 * The demo vendor's help centre from `demo/help/`: five categories and their articles, each in
 * all six languages, published. Articles whose address is taken already are left as they are.
 */
export async function seedDemoHelp(services: Services): Promise<void> {
  const { db } = services;
  const categories = JSON.parse(
    await readFile(new URL('categories.json', folder), 'utf8'),
  ) as DemoCategory[];
  for (const [index, category] of categories.entries()) {
    await saveCategory(db, { slug: category.slug, position: index, names: category.names });
    for (const [position, slug] of category.articles.entries()) {
      // An article of that address exists already (seeded before, or the vendor's own).
      const existing = await db
        .selectFrom('helpArticle')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirst();
      if (existing) continue;
      const [first, ...others] = LOCALES;
      const { articleId } = await createArticle(db, null, {
        slug,
        category: category.slug,
        locale: first,
        position,
        ...(await readArticle(first, slug)),
      });
      for (const locale of others) {
        await translateArticle(db, null, {
          articleId,
          locale,
          ...(await readArticle(locale, slug)),
        });
      }
      await setPublished(db, articleId, true);
    }
  }
}
