import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder } from 'kysely';

/**
 * Whether `db` talks to PostgreSQL. The few modules whose SQL differs between the engines (search,
 * reports, folding) ask this; everything else is written once in SQL both understand.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database's handle
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The values of `expression` in a group, joined by `separator` (order unspecified). */
export function joinedValues(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database's handle
  db: Kysely<any>,
  expression: Expression<string>,
  separator: string,
): RawBuilder<string> {
  return isPostgres(db)
    ? sql<string>`string_agg(${expression}, ${sql.lit(separator)})`
    : sql<string>`group_concat(${expression}, ${sql.lit(separator)})`;
}
