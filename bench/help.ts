import { performance } from 'node:perf_hooks';
import { newId } from '../backend/db/id.ts';
import { fold } from '../backend/db/fold.ts';
import { indexDocs } from '../backend/help/help.index.ts';
import { searchArticles } from '../backend/help/help.search.ts';
import { saveCategory } from '../backend/help/help.write.ts';
import { LOCALES, type Locale } from '../backend/portal/portal.schema.ts';
import type { TestPortico } from '../test/support/portico.ts';
import { percentile } from './load.ts';
import { seededRandom } from '../test/support/seeded.ts';

/** Words in a generated article's body and title; bodies as long as a real help article's. */
const BODY_WORDS = 300;
const TITLE_WORDS = 6;
const VOCABULARY = 40_000;
const REPEATS = 15;

export interface HelpSearchResult {
  articles: number;
  indexSeconds: number;
  /** Per kind of query, and all together: the whole HTTP request, one at a time. */
  http: Record<string, Percentiles>;
  /** The same queries through the search module alone, without HTTP and tRPC. */
  engine: Record<string, Percentiles>;
  queries: Record<string, string[]>;
}

interface Percentiles {
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/** Each language's letters, so a generated article looks like text in its language to search. */
const SYLLABLES: Record<Locale, string[]> = {
  en: 'ba be bi bo bu ca ce co da de di do fa fe fi fo ga ge go ha he hi ka ke ki la le li lo lu ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi wa we'.split(
    ' ',
  ),
  de: 'ba be bi bo bü da de dö fa fe fi ga ge gü ha he hö ka ke ki la le lü ma me mi na ne ni pa pe ra re ri sa sch se ta te ti wa we wi za ze zi'.split(
    ' ',
  ),
  lv: 'ba bē bi da dē di ga ģe gi ka ķe ki la ļe li ma mē mi na ņe ni pa pē pi ra rē ri sa šē si ta tē ti va vē vi za žē zi'.split(
    ' ',
  ),
  hr: 'ba be bi ča će či da đe di ga ge gi ka ke ki la le li ma me mi na ne ni pa pe pi ra re ri sa še si ta te ti va ve vi za že zi'.split(
    ' ',
  ),
  el: 'βα βε βι γα γε γι δα δε δι κα κε κι λα λε λι μα με μι να νε νι πα πε πι ρα ρε ρι σα σε σι τα τε τι φα φε φι χα χε χι'.split(
    ' ',
  ),
  fa: 'با به بی پا پو تا ته تی دا ده دی را ره ری زا زه زی سا سه سی شا شه شی کا که کی گا گه گی لا له لی ما مه می نا نه نی'.split(
    ' ',
  ),
};

/**
 * A language's vocabulary, most used first: word `r` is used about 1/r as often as the first
 * (Zipf), so a few words are in nearly every article and most in a handful.
 */
function vocabulary(locale: Locale, next: () => number): string[] {
  const syllables = SYLLABLES[locale];
  const words = new Set<string>();
  while (words.size < VOCABULARY) {
    const length = 2 + Math.floor(next() * 3);
    let word = '';
    for (let i = 0; i < length; i++) word += syllables[Math.floor(next() * syllables.length)];
    words.add(word);
  }
  return [...words];
}

/** Picks word ranks with Zipf's law through a cumulative table and binary search. */
function zipfSampler(size: number, next: () => number): () => number {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let rank = 0; rank < size; rank++) cumulative[rank] = sum += 1 / (rank + 1);
  return () => {
    const target = next() * sum;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/**
 * `count` published articles, spread over the six languages and five categories, written
 * straight into the tables and indexed through the search module: this measures searching.
 */
async function buildCorpus(portico: TestPortico, count: number) {
  const { db } = portico.services;
  const next = seededRandom(42);
  const vocabularies = Object.fromEntries(
    LOCALES.map((locale) => [locale, vocabulary(locale, next)]),
  ) as Record<Locale, string[]>;
  const rank = zipfSampler(VOCABULARY, next);
  const categories: string[] = [];
  for (const slug of ['c-orders', 'c-delivery', 'c-invoices', 'c-returns', 'c-account']) {
    await saveCategory(db, { slug, position: 0, names: { en: { name: slug, description: '' } } });
    const row = await db
      .selectFrom('helpCategory')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    categories.push(row.id);
  }
  const started = performance.now();
  const now = new Date().toISOString();
  const words = (locale: Locale, length: number) =>
    Array.from({ length }, () => vocabularies[locale][rank()]).join(' ');
  await db.transaction().execute(async (trx) => {
    for (let index = 0; index < count; index++) {
      const locale = LOCALES[index % LOCALES.length]!;
      const categoryId = categories[index % categories.length]!;
      const id = newId();
      const title = words(locale, TITLE_WORDS);
      const text = words(locale, BODY_WORDS);
      await trx
        .insertInto('helpArticle')
        .values({
          id,
          slug: `bench-${index}`,
          categoryId,
          status: 'published',
          position: 0,
          viewCount: 0,
          helpfulCount: 0,
          notHelpfulCount: 0,
          publishedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      const { docId } = await trx
        .insertInto('helpTranslation')
        .values({
          articleId: id,
          locale,
          title,
          foldedTitle: fold(title),
          body: text,
          html: `<p>${text}</p>`,
          text,
          updatedBy: null,
          updatedAt: now,
        })
        .returning('docId')
        .executeTakeFirstOrThrow();
      await indexDocs(trx, [{ docId, title, text, locale, categoryId }]);
    }
  });
  portico.services.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  return { vocabularies, indexSeconds: (performance.now() - started) / 1000 };
}

function percentiles(samples: number[]): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    requests: samples.length,
    p50Ms: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    p99Ms: round(percentile(sorted, 0.99)),
  };
}

/**
 * `help.search` over a generated corpus, one request at a time (a person typing), for words
 * found in a handful of articles, words found in most, and the first letters of words.
 */
export async function measureHelpSearch(
  portico: TestPortico,
  count: number,
): Promise<HelpSearchResult> {
  const { vocabularies, indexSeconds } = await buildCorpus(portico, count);
  const queries: Record<string, { q: string; locale: Locale }[]> = {
    rare: [],
    common: [],
    prefix: [],
    misspelled: [],
  };
  for (const locale of LOCALES) {
    const vocabulary = vocabularies[locale];
    queries.rare!.push({ q: vocabulary[20_000]!, locale }, { q: vocabulary[35_000]!, locale });
    queries.common!.push({ q: vocabulary[0]!, locale }, { q: vocabulary[5]!, locale });
    queries.prefix!.push(
      { q: vocabulary[1]!.slice(0, 3), locale },
      { q: `${vocabulary[300]!} ${vocabulary[40]!.slice(0, 4)}`, locale },
    );
    // A letter doubled: nothing matches, so the typo fallback runs.
    const typo = (word: string) => word.slice(0, 3) + word.slice(2);
    queries.misspelled!.push({ q: `${typo(vocabulary[500]!)} `, locale });
  }
  const http: Record<string, number[]> = { all: [] };
  const engine: Record<string, number[]> = { all: [] };
  for (let round = 0; round < REPEATS; round++) {
    for (const [kind, list] of Object.entries(queries)) {
      for (const { q, locale } of list) {
        const input = { q, locale, limit: 10 };
        const url = new URL(
          `/api/trpc/help.search?input=${encodeURIComponent(JSON.stringify(input))}`,
          portico.url,
        );
        let started = performance.now();
        const response = await fetch(url);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`help.search failed for ${q}: ${response.status}`);
        // "all" is the mix the target is about: rare, common and prefix queries.
        const mixed = kind !== 'misspelled';
        (http[kind] ??= []).push(performance.now() - started);
        if (mixed) http.all!.push(performance.now() - started);
        started = performance.now();
        await searchArticles(portico.services.db, { q, locale, limit: 10, offset: 0 });
        (engine[kind] ??= []).push(performance.now() - started);
        if (mixed) engine.all!.push(performance.now() - started);
      }
    }
  }
  const summarize = (samples: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(samples).map(([kind, list]) => [kind, percentiles(list)]));
  return {
    articles: count,
    indexSeconds: Math.round(indexSeconds * 10) / 10,
    http: summarize(http),
    engine: summarize(engine),
    queries: Object.fromEntries(
      Object.entries(queries).map(([kind, list]) => [kind, list.map((query) => query.q)]),
    ),
  };
}
