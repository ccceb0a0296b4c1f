import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * The name under which `fold()` is registered as an SQL function on every connection
 * (`openDatabase`), so columns that have no folded copy (people's names and emails from
 * better-auth, account names, invoice numbers) can be matched the way searches are typed.
 */
export const FOLD_SQL_FUNCTION = 'portico_fold';

/**
 * `column` contains `pattern` (one of `searchWords(query)`, already folded and escaped) once the
 * column is folded too: "berzina" finds "Bērziņa", "strasse" finds "Straße". A NULL column
 * matches nothing. The one place that knows how folding is done in SQL.
 */
export function foldedLike(
  column: Expression<string | null>,
  pattern: string,
): Expression<SqlBool> {
  return sql<SqlBool>`${sql.raw(FOLD_SQL_FUNCTION)}(${column}) like ${pattern} escape '\\'`;
}
