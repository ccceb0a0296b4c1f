import type { Db } from '../db/database.ts';
import type { Locale } from '../portal/portal.schema.ts';
import {
  nearbyWords,
  searchIndex,
  wordFrequencies,
  type Hit,
  type SearchTerm,
} from './help.index.ts';
import { foldedWords, isStopWord } from './help.text.ts';
import { highlight, snippet, type Segment } from './help.snippet.ts';

/** The words of a query that are searched for; more say little and cost much. */
const MAX_TERMS = 8;

export interface FoundArticle {
  articleId: string;
  slug: string;
  categoryId: string;
  locale: Locale;
  title: Segment[];
  snippet: Segment[];
  updatedAt: string;
}

export interface SearchOutcome {
  results: FoundArticle[];
  hasMore: boolean;
  /** The words searched instead when none of the query's were found (a typo). */
  correctedTo: string | null;
}

export interface SearchRequest {
  q: string;
  locale: Locale;
  categoryId?: string;
  limit: number;
  offset: number;
}

/**
 * The terms of what a customer typed: folded words without the language's filler words (unless
 * that is all there is), the last one a prefix while it may still be half-typed, longer ones
 * prefixes too so `Rechnung` also finds `Rechnungen`.
 */
export function planTerms(q: string): SearchTerm[] {
  const words = [...new Set(foldedWords(q.slice(0, 4000)))];
  const meaningful = words.filter((word) => !isStopWord(word) && word.length > 1);
  const chosen = (meaningful.length > 0 ? meaningful : words).slice(0, MAX_TERMS);
  const stillTyping = !/[\s\p{P}]$/u.test(q);
  return chosen.map((word, i) => ({
    word,
    prefix: word.length >= 4 || (stillTyping && i === chosen.length - 1 && word.length >= 2),
  }));
}

/**
 * Searches published articles: every word first, then any of them, then words close to the ones
 * typed. Articles in the customer's language come first, then those only found in another
 * language; each article appears once, in the best language found.
 */
export async function searchArticles(db: Db, request: SearchRequest): Promise<SearchOutcome> {
  let terms = planTerms(request.q);
  let correctedTo: string | null = null;
  let found = await rankedArticles(db, terms, 'all', request);
  if (found.length === 0 && terms.length > 1)
    found = await rankedArticles(db, terms, 'any', request);
  if (found.length === 0 && terms.length > 0) {
    const corrected = await correctTerms(db, terms);
    if (corrected) {
      terms = corrected;
      correctedTo = corrected.map((term) => term.word).join(' ');
      found = await rankedArticles(db, terms, 'any', request);
    }
  }
  const page = found.slice(request.offset, request.offset + request.limit);
  const rows = await loadRows(db, page);
  return {
    results: rows.map((row) => ({
      articleId: row.articleId,
      slug: row.slug,
      categoryId: row.categoryId,
      locale: row.locale,
      title: highlight(row.title, terms),
      snippet: snippet(row.text, terms),
      updatedAt: row.updatedAt,
    })),
    hasMore: found.length > request.offset + request.limit,
    correctedTo,
  };
}

interface RankedDoc {
  docId: number;
  articleId: string;
}

/**
 * Ranked, one row per article, up to one more than the page needs: the customer's language's
 * hits, then the other languages' for articles not found yet.
 */
async function rankedArticles(
  db: Db,
  terms: SearchTerm[],
  match: 'all' | 'any',
  request: SearchRequest,
): Promise<RankedDoc[]> {
  const wanted = request.offset + request.limit + 1;
  const query = { terms, match, categoryId: request.categoryId, limit: wanted };
  const own = await searchIndex(db, { ...query, locale: request.locale });
  let hits: Hit[] = own;
  if (own.length < wanted) {
    // Each article can hold six languages: ask for enough to fill the page with others.
    hits = own.concat(await searchIndex(db, { ...query, limit: wanted * 6 }));
  }
  const articles = await articleOfDocs(
    db,
    hits.map((hit) => hit.docId),
  );
  const seen = new Set<string>();
  const ranked: RankedDoc[] = [];
  for (const hit of hits) {
    const articleId = articles.get(hit.docId);
    if (!articleId || seen.has(articleId)) continue;
    seen.add(articleId);
    ranked.push({ docId: hit.docId, articleId });
    if (ranked.length === wanted) break;
  }
  return ranked;
}

/** The article of each indexed translation that is still published. */
async function articleOfDocs(db: Db, docIds: number[]): Promise<Map<number, string>> {
  if (docIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('helpTranslation as t')
    .innerJoin('helpArticle as a', 'a.id', 't.articleId')
    .select(['t.docId', 't.articleId'])
    .where('t.docId', 'in', [...new Set(docIds)])
    .where('a.status', '=', 'published')
    .execute();
  return new Map(rows.map((row) => [row.docId, row.articleId]));
}

async function loadRows(db: Db, page: RankedDoc[]) {
  if (page.length === 0) return [];
  const rows = await db
    .selectFrom('helpTranslation as t')
    .innerJoin('helpArticle as a', 'a.id', 't.articleId')
    .select(['t.docId', 't.articleId', 't.locale', 't.title', 't.text', 't.updatedAt'])
    .select(['a.slug', 'a.categoryId'])
    .where(
      't.docId',
      'in',
      page.map((doc) => doc.docId),
    )
    .execute();
  const byDoc = new Map(rows.map((row) => [row.docId, row]));
  return page.flatMap((doc) => byDoc.get(doc.docId) ?? []);
}

/** The query's words that are in no article replaced by the closest words that are. */
async function correctTerms(db: Db, terms: SearchTerm[]): Promise<SearchTerm[] | null> {
  const known = await wordFrequencies(
    db,
    terms.map((term) => term.word),
  );
  let changed = false;
  const corrected: SearchTerm[] = [];
  for (const term of terms) {
    if ((known.get(term.word) ?? 0) > 0 || term.word.length < 3) {
      corrected.push(term);
      continue;
    }
    const [closest] = await nearbyWords(db, term.word, 1);
    if (closest) {
      corrected.push({ word: closest, prefix: false });
      changed = true;
    }
  }
  return changed ? corrected : null;
}

/** The distinct folded words of a text that can say what it is about. */
function meaningfulWords(text: string): string[] {
  return [...new Set(foldedWords(text.slice(0, 4000)))].filter(
    (word) => word.length > 2 && !isStopWord(word),
  );
}

/**
 * The rarest of the words that at least `minDocs` translations hold. Only the `candidates`
 * longest are counted: longer words tend to be the rarer ones, and each count costs a look
 * into the index.
 */
async function rarestWords(
  db: Db,
  words: string[],
  { candidates, take, minDocs }: { candidates: number; take: number; minDocs: number },
): Promise<string[]> {
  const longest = [...words].sort((a, b) => b.length - a.length).slice(0, candidates);
  const counts = await wordFrequencies(db, longest);
  return [...counts]
    .filter(([, docs]) => docs >= minDocs)
    .sort((a, b) => a[1] - b[1])
    .slice(0, take)
    .map(([word]) => word);
}

/**
 * The few articles most about what a customer is writing (a ticket or chat message): its
 * rarest meaningful words, any of them, ranked.
 */
export async function suggestArticles(
  db: Db,
  text: string,
  locale: Locale,
  limit: number,
): Promise<SearchOutcome> {
  const rarest = await rarestWords(db, meaningfulWords(text), {
    candidates: 16,
    take: MAX_TERMS,
    minDocs: 1,
  });
  if (rarest.length === 0) return { results: [], hasMore: false, correctedTo: null };
  // The trailing space: these are whole words, not a half-typed one.
  return searchArticles(db, { q: `${rarest.join(' ')} `, locale, limit, offset: 0 });
}

export interface RelatedArticle {
  slug: string;
  locale: Locale;
  title: string;
  categoryId: string;
}

/**
 * Articles about the same things as one being read: any of its title's words and its body's
 * rarest words that other articles share, ranked, in the article's language first.
 */
export async function relatedArticles(
  db: Db,
  article: { slug: string; title: string; text: string; locale: Locale },
  limit: number,
): Promise<RelatedArticle[]> {
  const title = meaningfulWords(article.title).slice(0, 3);
  const shared = await rarestWords(
    db,
    meaningfulWords(article.text).filter((word) => !title.includes(word)),
    { candidates: 12, take: MAX_TERMS - title.length, minDocs: 2 },
  );
  const terms = [...title, ...shared].map((word) => ({ word, prefix: false }));
  const request = { q: '', locale: article.locale, limit: limit + 1, offset: 0 };
  const rows = await loadRows(db, await rankedArticles(db, terms, 'any', request));
  return rows
    .filter((row) => row.slug !== article.slug)
    .slice(0, limit)
    .map(({ slug, locale, title, categoryId }) => ({ slug, locale, title, categoryId }));
}
