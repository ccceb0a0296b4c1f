import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Locale } from '../portal/portal.schema.ts';
import { fold } from '../db/fold.ts';
import { foldedWords } from './help.text.ts';
import type { Hit, IndexedDoc, IndexQuery, SearchIndexEngine, SearchTerm } from './help.index.ts';

/**
 * The help index on PostgreSQL: one `helpIndex` row per published translation holding two
 * `tsvector`s of its folded text (`db/fold.ts`, as on SQLite), each with a GIN index. `document`
 * holds the title and the body, each twice: as the words written (weights B and C), so a
 * half-typed word finds the words it starts, and stemmed in the translation's language
 * (weights A and D), so `invoices` also finds `invoice`. `titleDocument` holds the title alone,
 * for queries too broad to rank every match. The text search configurations (created by the
 * help migration) put `unaccent` before each dictionary. `helpTerm` lists every word indexed,
 * for finding the one a misspelled word meant.
 */

/** Each language's configuration; Latvian and Persian have no stemmer, so words stay as written. */
const CONFIG: Record<Locale, string> = {
  en: 'portico_english',
  de: 'portico_german',
  el: 'portico_greek',
  // Serbian's stemmer (Latin script) fits Croatian.
  hr: 'portico_croatian',
  lv: 'portico_words',
  fa: 'portico_words',
};
/** Words as written, unstemmed: every language's text is also indexed this way. */
const WORDS = 'portico_words';

/**
 * `ts_rank` weights for D, C, B and A: a title word (A, B) is worth eight body words (C, D),
 * as on SQLite.
 */
const WEIGHTS = '{0.1, 0.1, 0.8, 0.8}';
/** `ts_rank` normalization 1: divided by 1 + the log of the length, so long texts gain less. */
const NORMALIZATION = 1;
/**
 * How many candidate words the edit distance is measured for: a word one or two edits away is
 * among the most alike by trigrams, and a letter may start tens of thousands of words.
 */
const NEAREST_WORDS = 200;

async function indexDocs(db: Db, docs: IndexedDoc[]): Promise<void> {
  for (const doc of docs) {
    const config = CONFIG[doc.locale];
    await sql`
      insert into "helpIndex" ("docId", "locale", "categoryId", "document", "titleDocument")
      select ${doc.docId}, ${doc.locale}, ${doc.categoryId}, title || body, title
      from (
        select
          setweight(to_tsvector(${config}::regconfig, ${fold(doc.title)}), 'A')
            || setweight(to_tsvector(${WORDS}::regconfig, ${fold(doc.title)}), 'B') as title,
          setweight(to_tsvector(${WORDS}::regconfig, ${fold(doc.text)}), 'C')
            || setweight(to_tsvector(${config}::regconfig, ${fold(doc.text)}), 'D') as body
      ) as vectors
      on conflict ("docId") do update set
        "locale" = excluded."locale",
        "categoryId" = excluded."categoryId",
        "document" = excluded."document",
        "titleDocument" = excluded."titleDocument"
    `.execute(db);
    const words = [...new Set(foldedWords(`${doc.title} ${doc.text}`))];
    await sql`
      insert into "helpTerm" ("term") select unnest(${words}::text[]) on conflict do nothing
    `.execute(db);
  }
}

async function unindexDocs(db: Db, docIds: number[]): Promise<void> {
  if (docIds.length === 0) return;
  await sql`delete from "helpIndex" where "docId" = any(${docIds}::integer[])`.execute(db);
}

async function searchIndex(db: Db, query: IndexQuery, broad: number): Promise<Hit[]> {
  const configs = query.locale ? [WORDS, CONFIG[query.locale]] : Object.values(CONFIG);
  const parts = query.terms.map((term) => termQuery(term, [...new Set(configs)]));
  const tsquery = sql.join(parts, query.match === 'all' ? sql` && ` : sql` || `);
  // A one-row subquery PostgreSQL folds into a constant, so the GIN indexes serve `@@`.
  const from = sql`"helpIndex", (select ${tsquery} as "q") as "query"`;
  let filters = sql``;
  if (query.locale) filters = sql`${filters} and "locale" = ${query.locale}`;
  if (query.categoryId) filters = sql`${filters} and "categoryId" = ${query.categoryId}`;
  const matches = async (column: RawBuilder<unknown>) => {
    const { rows } = await sql<{ matches: number }>`
      select count(*) as "matches" from (
        select 1 from ${from} where ${column} @@ "q" ${filters} limit ${broad}
      ) as "found"
    `.execute(db);
    return rows[0]!.matches;
  };
  const ranked = async (column: RawBuilder<unknown>) => {
    const { rows } = await sql<Hit>`
      select "docId", -ts_rank(${WEIGHTS}::float4[], ${column}, "q", ${NORMALIZATION}) as "score"
      from ${from} where ${column} @@ "q" ${filters}
      order by "score", "docId" limit ${query.limit}
    `.execute(db);
    return rows;
  };
  // In `docId` order, as FTS5 returns unranked matches.
  const unranked = async (column: RawBuilder<unknown>) => {
    const { rows } = await sql<Hit>`
      select "docId", 0 as "score" from ${from} where ${column} @@ "q" ${filters}
      order by "docId" limit ${query.limit}
    `.execute(db);
    return rows;
  };
  const document = sql.ref('document');
  const title = sql.ref('titleDocument');
  if ((await matches(document)) < broad) return ranked(document);
  // Too many to rank: those with the words in their title, best first (unranked as well when
  // even those are too many: a word in nearly every title says nothing), then any others.
  const titled = (await matches(title)) < broad ? await ranked(title) : await unranked(title);
  if (titled.length >= query.limit) return titled;
  const seen = new Set(titled.map((hit) => hit.docId));
  const rest = (await unranked(document)).filter((hit) => !seen.has(hit.docId));
  return titled.concat(rest).slice(0, query.limit);
}

/**
 * One term as a `tsquery`: the word as written, or as each configuration stems it (a stop
 * word stems to nothing, which `||` drops). Quoted, so whatever it holds is a word, never
 * query syntax.
 */
function termQuery(term: SearchTerm, configs: string[]): RawBuilder<unknown> {
  const text = `${quotedLexeme(term.word)}${term.prefix ? ':*' : ''}`;
  const each = configs.map((config) => sql`to_tsquery(${config}::regconfig, ${text})`);
  return sql`(${sql.join(each, sql` || `)})`;
}

/**
 * The words of the same first letter and a length within reach, as on SQLite, the most alike
 * by trigrams (`pg_trgm`) first; the caller measures the edit distance of the nearest. A range
 * of the key finds them in a millisecond or two: in 220,000 words, trigram indexes took 25 ms
 * (`%`, missing words two edits away) to 150 ms (nearest by `<->`).
 */
async function candidateWords(db: Db, word: string, reach: number): Promise<string[]> {
  const first = String.fromCodePoint(word.codePointAt(0)!);
  const { rows } = await sql<{ term: string }>`
    select "term" from "helpTerm"
    where "term" >= ${first} and "term" < ${first + '\u{10ffff}'}
      and length("term") between ${word.length - reach} and ${word.length + reach}
    order by "term" <-> ${word}, "term"
    limit ${NEAREST_WORDS}
  `.execute(db);
  return rows.map((row) => row.term);
}

/**
 * Translations whose text holds each word, as written or as a stem (`ordering` counts for
 * `order`): an unweighted lexeme lookup, which the GIN index answers without reading the rows'
 * vectors.
 */
async function wordFrequencies(db: Db, words: string[]): Promise<Map<string, number>> {
  const distinct = [...new Set(words)];
  if (distinct.length === 0) return new Map();
  const lexemes = distinct.map(quotedLexeme);
  const { rows } = await sql<{ word: string; docs: number }>`
    select "word", (
      select count(*) from "helpIndex"
      where "document" @@ to_tsquery(${WORDS}::regconfig, "lexeme")
    ) as "docs"
    from unnest(${distinct}::text[], ${lexemes}::text[]) as "asked" ("word", "lexeme")
  `.execute(db);
  return new Map(rows.map((row) => [row.word, row.docs]));
}

/** A word as a quoted `tsquery` operand. */
function quotedLexeme(word: string): string {
  return `'${word.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

export const postgresIndex: SearchIndexEngine = {
  indexDocs,
  unindexDocs,
  searchIndex,
  candidateWords,
  wordFrequencies,
};
