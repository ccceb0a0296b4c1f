import type { Services } from '../services.ts';
import type { Locale } from '../portal/portal.schema.ts';
import { recordFeedback } from '../help/help.write.ts';

/** Searches the demo's customers made that found nothing: query, language, times, days ago. */
const MISSES: [string, Locale, number, number][] = [
  ['oat milk', 'en', 23, 0],
  ['grinder warranty', 'en', 14, 1],
  ['hafermilch', 'de', 11, 0],
  ['rechnung korrigieren', 'de', 7, 2],
  ['piegades laiks riga', 'lv', 6, 3],
  ['povrat novca', 'hr', 5, 1],
  ['φορτιστης', 'el', 3, 4],
  ['ارسال رایگان', 'fa', 4, 2],
];

/** The demo articles readers rated, in the order of `VERDICTS`. */
const RATED_SLUGS = ['shipping-costs', 'delivery-times', 'payment-terms'];

/** Readers' verdicts on those articles: helpful, unhelpful, and what some wrote. */
const VERDICTS: { helpful: number; unhelpful: number; comment?: string }[] = [
  {
    helpful: 2,
    unhelpful: 9,
    comment: 'It does not say what to do when the parcel never arrives.',
  },
  { helpful: 12, unhelpful: 4, comment: 'The screenshots are from an older version.' },
  { helpful: 1, unhelpful: 3 },
];

/**
 * What the staff's help insights show on a demo: searches that found nothing and articles
 * readers rated unhelpful. Run after `seedDemoHelp`; running it again changes nothing.
 */
export async function seedDemoHelpInsights(services: Services): Promise<void> {
  const { db } = services;
  const now = Date.now();
  for (const [query, locale, count, daysAgo] of MISSES) {
    const lastAt = new Date(now - daysAgo * 86_400_000 - count * 60_000).toISOString();
    await db
      .insertInto('helpSearchMiss')
      .values({ query, locale, count, lastAt })
      .onConflict((oc) => oc.columns(['query', 'locale']).doNothing())
      .execute();
  }
  // Named, not the first few in some order: category ids are random, and other demo pages
  // (and their tests) count the ratings of articles such as "Track a shipment".
  const articles = await db
    .selectFrom('helpArticle')
    .select('slug')
    .where('status', '=', 'published')
    .where('slug', 'in', RATED_SLUGS)
    .execute();
  articles.sort((a, b) => RATED_SLUGS.indexOf(a.slug) - RATED_SLUGS.indexOf(b.slug));
  for (const [index, article] of articles.entries()) {
    const verdict = VERDICTS[index]!;
    const votes = [
      ...Array.from({ length: verdict.helpful }, () => true),
      ...Array.from({ length: verdict.unhelpful }, () => false),
    ];
    for (const [n, helpful] of votes.entries()) {
      const comment = !helpful && n === votes.length - 1 ? verdict.comment : undefined;
      // Fixed voters: a second run replaces these votes rather than adding to them.
      await recordFeedback(db, `visitor:demo-${article.slug}-${n}`, {
        slug: article.slug,
        locale: 'en',
        helpful,
        ...(comment && { comment }),
      });
    }
  }
}
