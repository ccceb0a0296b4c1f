import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

/**
 * The help centre: categories and articles, each with a translation per language, what readers
 * said about them, and the full-text index customers search (see `help/help.index.ts`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('helpCategory')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .addColumn('updatedAt', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('helpCategoryText')
    .addColumn('categoryId', 'text', (col) =>
      col.notNull().references('helpCategory.id').onDelete('cascade'),
    )
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('helpCategoryText_pk', ['categoryId', 'locale'])
    .execute();

  await db.schema
    .createTable('helpArticle')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('categoryId', 'text', (col) => col.notNull().references('helpCategory.id'))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('draft', 'published')`),
    )
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('viewCount', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('helpfulCount', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('notHelpfulCount', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('publishedAt', 'text')
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .addColumn('updatedAt', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('helpArticle_category')
    .on('helpArticle')
    .columns(['categoryId', 'status', 'position'])
    .execute();

  await db.schema
    .createTable('helpTranslation')
    // The rowid: the search index refers to translations by it.
    .addColumn('docId', 'integer', (col) =>
      isPostgres(db) ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey(),
    )
    .addColumn('articleId', 'text', (col) =>
      col.notNull().references('helpArticle.id').onDelete('cascade'),
    )
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    // The title folded (`db/fold.ts`), for the staff's list filter, which covers drafts too.
    .addColumn('foldedTitle', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('html', 'text', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('updatedBy', 'text')
    .addColumn('updatedAt', 'text', (col) => col.notNull())
    .addUniqueConstraint('helpTranslation_article_locale', ['articleId', 'locale'])
    .execute();

  await db.schema
    .createTable('helpFeedback')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('articleId', 'text', (col) =>
      col.notNull().references('helpArticle.id').onDelete('cascade'),
    )
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('voter', 'text', (col) => col.notNull())
    .addColumn('helpful', 'integer', (col) => col.notNull().check(sql`helpful in (0, 1)`))
    .addColumn('comment', 'text')
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .addColumn('updatedAt', 'text', (col) => col.notNull())
    .addUniqueConstraint('helpFeedback_article_voter', ['articleId', 'voter'])
    .execute();

  if (isPostgres(db)) return createPostgresIndex(db);
  // Contentless: the words live in `helpTranslation.text`; the index keeps only what it needs to
  // find and rank them. `facets` holds a locale and a category token per row, so those filters
  // are part of the match rather than a join.
  await sql`
    create virtual table helpIndex using fts5(
      title, body, facets,
      content = '',
      contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    )
  `.execute(db);
  await sql`create virtual table helpIndexVocab using fts5vocab(helpIndex, col)`.execute(db);
  // Titles alone: ranking every article that holds a very common word costs too much, ranking
  // those with it in their title does not.
  await sql`
    create virtual table helpTitleIndex using fts5(
      title, facets,
      content = '',
      contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    )
  `.execute(db);
  // Every word ever indexed, for finding the one a misspelled word meant.
  await sql`create table helpTerm (term text primary key) without rowid`.execute(db);
}

/** Token types that hold letters: numbers and the rest keep their configuration's mapping. */
const WORD_TOKENS =
  'asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart';
const LETTER_TOKENS = 'asciiword, word, asciihword, hword, hword_asciipart, hword_part';

/**
 * The PostgreSQL index (see `help/help.index.postgres.ts`): a text search configuration per
 * language, each ignoring accents (`unaccent`) before its dictionary, `tsvector`s with GIN
 * indexes, and the indexed words for typo fixes (ordered by `pg_trgm`'s likeness).
 */
async function createPostgresIndex(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);
  // Words as written: no stemming, no stop words.
  await sql`create text search configuration portico_words (copy = simple)`.execute(db);
  await sql`
    alter text search configuration portico_words
    alter mapping for ${sql.raw(WORD_TOKENS)} with unaccent, simple
  `.execute(db);
  // Serbian's stemmer (Latin script) serves Croatian; Latvian and Persian have none.
  for (const [name, base, stemmer] of [
    ['portico_english', 'english', 'english_stem'],
    ['portico_german', 'german', 'german_stem'],
    ['portico_greek', 'greek', 'greek_stem'],
    ['portico_croatian', 'serbian', 'serbian_stem'],
  ] as const) {
    await sql`
      create text search configuration ${sql.raw(name)} (copy = ${sql.raw(base)})
    `.execute(db);
    await sql`
      alter text search configuration ${sql.raw(name)}
      alter mapping for ${sql.raw(LETTER_TOKENS)} with unaccent, ${sql.raw(stemmer)}
    `.execute(db);
  }
  // Published translations only, like FTS5's rows; the index code writes and removes them.
  await sql`
    create table "helpIndex" (
      "docId" bigint primary key references "helpTranslation" ("docId") on delete cascade,
      "locale" text not null,
      "categoryId" text not null,
      "document" tsvector not null,
      "titleDocument" tsvector not null
    )
  `.execute(db);
  await sql`create index "helpIndex_document" on "helpIndex" using gin ("document")`.execute(db);
  await sql`
    create index "helpIndex_titleDocument" on "helpIndex" using gin ("titleDocument")
  `.execute(db);
  // Every word ever indexed. Byte order ("C"), so the words starting with a letter are one range
  // of the key, found as SQLite finds them.
  await sql`create table "helpTerm" ("term" text collate "C" primary key)`.execute(db);
}
