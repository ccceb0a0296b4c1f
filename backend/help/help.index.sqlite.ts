import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Locale } from '../portal/portal.schema.ts';
import { fold } from '../db/fold.ts';
import { foldedWords } from './help.text.ts';
import type { Hit, IndexedDoc, IndexQuery, SearchIndexEngine } from './help.index.ts';

/**
 * The help index on SQLite: FTS5. Rows hold folded words (`db/fold.ts`) of published
 * translations only, keyed by `helpTranslation.docId`; ranking is BM25 with a title word worth
 * eight body words. A second index holds titles alone, for queries so broad that ranking all
 * their matches would be slow (a word in nearly every article); `helpTerm` lists the words for
 * typo fixes.
 */

const TITLE_WEIGHT = 8;

async function indexDocs(db: Db, docs: IndexedDoc[]): Promise<void> {
  for (const doc of docs) {
    await unindexDocs(db, [doc.docId]);
    const title = fold(doc.title);
    await sql`
      insert into helpIndex (rowid, title, body, facets)
      values (${doc.docId}, ${title}, ${fold(doc.text)}, ${facets(doc)})
    `.execute(db);
    await sql`
      insert into helpTitleIndex (rowid, title, facets) values (${doc.docId}, ${title}, ${facets(doc)})
    `.execute(db);
    const words = JSON.stringify([...new Set(foldedWords(`${doc.title} ${doc.text}`))]);
    await sql`insert or ignore into helpTerm (term) select value from json_each(${words})`.execute(
      db,
    );
  }
}

async function unindexDocs(db: Db, docIds: number[]): Promise<void> {
  for (const docId of docIds) {
    await sql`delete from helpIndex where rowid = ${docId}`.execute(db);
    await sql`delete from helpTitleIndex where rowid = ${docId}`.execute(db);
  }
}

async function searchIndex(db: Db, query: IndexQuery, broad: number): Promise<Hit[]> {
  if (query.terms.length === 0) return [];
  const words = query.terms.map(({ word, prefix }) => `${quoted(word)}${prefix ? '*' : ''}`);
  const joined = `(${words.join(query.match === 'all' ? ' AND ' : ' OR ')})`;
  let filters = '';
  if (query.locale) filters += ` AND facets : ${quoted(localeFacet(query.locale))}`;
  if (query.categoryId) filters += ` AND facets : ${quoted(categoryFacet(query.categoryId))}`;
  const expression = `{title body} : ${joined}${filters}`;
  const { rows: probe } = await sql<{ matches: number }>`
    select count(*) as matches from (
      select rowid from helpIndex where helpIndex match ${expression} limit ${broad}
    )
  `.execute(db);
  if (probe[0]!.matches < broad) {
    const { rows } = await sql<Hit>`
      select rowid as docId, bm25(helpIndex, ${TITLE_WEIGHT}, 1.0, 0.0) as score
      from helpIndex where helpIndex match ${expression}
      order by score limit ${query.limit}
    `.execute(db);
    return rows;
  }
  // Too many to rank: those with the words in their title, best first (unranked as well when
  // even those are too many: a word in nearly every title says nothing), then any others.
  const titles = `title : ${joined}${filters}`;
  const { rows: titleProbe } = await sql<{ matches: number }>`
    select count(*) as matches from (
      select rowid from helpTitleIndex where helpTitleIndex match ${titles} limit ${broad}
    )
  `.execute(db);
  const { rows: titled } =
    titleProbe[0]!.matches < broad
      ? await sql<Hit>`
          select rowid as docId, bm25(helpTitleIndex, 1.0, 0.0) as score
          from helpTitleIndex where helpTitleIndex match ${titles}
          order by score limit ${query.limit}
        `.execute(db)
      : await sql<Hit>`
          select rowid as docId, 0 as score
          from helpTitleIndex where helpTitleIndex match ${titles} limit ${query.limit}
        `.execute(db);
  if (titled.length >= query.limit) return titled;
  const { rows: others } = await sql<{ docId: number }>`
    select rowid as docId from helpIndex where helpIndex match ${expression}
    limit ${query.limit}
  `.execute(db);
  const seen = new Set(titled.map((hit) => hit.docId));
  const rest = others.filter((hit) => !seen.has(hit.docId)).map((hit) => ({ ...hit, score: 0 }));
  return titled.concat(rest).slice(0, query.limit);
}

async function candidateWords(db: Db, word: string, reach: number): Promise<string[]> {
  const first = String.fromCodePoint(word.codePointAt(0)!);
  const { rows } = await sql<{ term: string }>`
    select term from helpTerm
    where term >= ${first} and term < ${first + '\u{10ffff}'}
      and length(term) between ${word.length - reach} and ${word.length + reach}
  `.execute(db);
  return rows.map((row) => row.term);
}

async function wordFrequencies(db: Db, words: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const word of new Set(words)) {
    const { rows } = await sql<{ docs: number | null }>`
      select sum(doc) as docs from helpIndexVocab where term = ${word} and col != 'facets'
    `.execute(db);
    counts.set(word, rows[0]?.docs ?? 0);
  }
  return counts;
}

export const sqliteIndex: SearchIndexEngine = {
  indexDocs,
  unindexDocs,
  searchIndex,
  candidateWords,
  wordFrequencies,
};

function facets(doc: IndexedDoc): string {
  return `${localeFacet(doc.locale)} ${categoryFacet(doc.categoryId)}`;
}

function localeFacet(locale: Locale): string {
  return `l${locale}`;
}

/** Category ids are base64url, whose `-` and `_` would split the token: hex keeps it whole. */
function categoryFacet(categoryId: string): string {
  return `c${Buffer.from(categoryId).toString('hex')}`;
}

/** A word as an FTS5 string: whatever it holds is text, never query syntax. */
function quoted(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}
