import { sql, type Kysely } from 'kysely';

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
    .addColumn('docId', 'integer', (col) => col.primaryKey())
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
