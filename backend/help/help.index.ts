import type { Db } from '../db/database.ts';
import type { Locale } from '../portal/portal.schema.ts';
import { isPostgres } from '../db/dialect.ts';
import { sqliteIndex } from './help.index.sqlite.ts';
import { postgresIndex } from './help.index.postgres.ts';

/**
 * The help centre's full-text index: what it holds and how it is asked, the same on both
 * engines. Each engine keeps folded words (`db/fold.ts`) of published translations only, keyed
 * by `helpTranslation.docId`, ranks a title word well above a body word, and lists every word
 * it has seen for typo fixes: SQLite in FTS5 (`help.index.sqlite.ts`), PostgreSQL in `tsvector`s
 * and a trigram index (`help.index.postgres.ts`).
 */

export interface IndexedDoc {
  docId: number;
  title: string;
  text: string;
  locale: Locale;
  categoryId: string;
}

export interface SearchTerm {
  /** A folded word (see `fold`). */
  word: string;
  /** Also match longer words that start with it. */
  prefix: boolean;
}

export interface IndexQuery {
  terms: SearchTerm[];
  /** Every term must match, or any of them. */
  match: 'all' | 'any';
  locale?: Locale;
  categoryId?: string;
  limit: number;
}

export interface Hit {
  docId: number;
  /** Lower is better. */
  score: number;
}

/** What each engine provides; everything else here is shared. */
export interface SearchIndexEngine {
  indexDocs(db: Db, docs: IndexedDoc[]): Promise<void>;
  unindexDocs(db: Db, docIds: number[]): Promise<void>;
  searchIndex(db: Db, query: IndexQuery, broad: number): Promise<Hit[]>;
  /**
   * Words ever indexed that may be within `reach` edits of `word`: the same first letter and a
   * length within reach (the caller measures the distance).
   */
  candidateWords(db: Db, word: string, reach: number): Promise<string[]>;
  /** How many translations hold each word: rare words say most about what a text is about. */
  wordFrequencies(db: Db, words: string[]): Promise<Map<string, number>>;
}

/**
 * Above this many matches a query is ranked on titles only (then topped up unranked): ranking
 * a few thousand rows takes milliseconds, tens of thousands take tens.
 */
export const BROAD_QUERY = 1_000;

function engine(db: Db): SearchIndexEngine {
  return isPostgres(db) ? postgresIndex : sqliteIndex;
}

export function indexDocs(db: Db, docs: IndexedDoc[]): Promise<void> {
  return engine(db).indexDocs(db, docs);
}

export function unindexDocs(db: Db, docIds: number[]): Promise<void> {
  return engine(db).unindexDocs(db, docIds);
}

/** Ranked translations matching the terms; the caller still checks each against the tables. */
export function searchIndex(db: Db, query: IndexQuery, broad = BROAD_QUERY): Promise<Hit[]> {
  if (query.terms.length === 0) return Promise.resolve([]);
  return engine(db).searchIndex(db, query, broad);
}

/** How many translations hold each word: rare words say most about what a text is about. */
export function wordFrequencies(db: Db, words: string[]): Promise<Map<string, number>> {
  return engine(db).wordFrequencies(db, words);
}

/**
 * Indexed words close to a word nobody wrote (a typo): those starting with the same letter and
 * at most one edit away (two for longer words), the most used first.
 */
export async function nearbyWords(db: Db, word: string, limit = 3): Promise<string[]> {
  const reach = word.length >= 7 ? 2 : 1;
  const candidates = await engine(db).candidateWords(db, word, reach);
  const close = candidates
    .map((term) => ({ term, distance: editDistance(word, term, reach) }))
    .filter((row) => row.distance <= reach)
    .sort((a, b) => a.distance - b.distance);
  // The closest ones only: each count costs a look into the index.
  const closest = close.filter((row) => row.distance === close[0]?.distance).slice(0, 8);
  // Words of articles since removed stay in the word list; only words still indexed count.
  const counts = await wordFrequencies(
    db,
    closest.map((row) => row.term),
  );
  return closest
    .filter((row) => (counts.get(row.term) ?? 0) > 0)
    .sort((a, b) => counts.get(b.term)! - counts.get(a.term)!)
    .slice(0, limit)
    .map((row) => row.term);
}

/** Damerau–Levenshtein (adjacent swaps count once), giving up beyond `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = value;
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
  }
  return rows[a.length]![b.length]!;
}
