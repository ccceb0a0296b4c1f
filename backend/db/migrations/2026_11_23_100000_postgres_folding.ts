import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';
import { FOLD_SQL_FUNCTION } from '../match.ts';

/**
 * Marks `fold()` removes (`\p{M}`, the Arabic tatweel, joiners, soft hyphen), as the ranges that
 * hold them in the six shipped languages' scripts: PostgreSQL's regular expressions have no
 * Unicode classes.
 */
const MARKS =
  '[\\u0300-\\u036f\\u0483-\\u0489\\u0591-\\u05c7\\u0610-\\u061a\\u064b-\\u065f\\u0670' +
  '\\u06d6-\\u06dc\\u06df-\\u06e8\\u06ea-\\u06ed\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff' +
  '\\ufe20-\\ufe2f\\u0640\\u200c\\u200d\\u00ad]';

/**
 * On PostgreSQL, `portico_fold` is a SQL function doing what `db/fold.ts` does in JavaScript
 * (SQLite gets the JavaScript function itself, registered on each connection). Nothing on SQLite.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  const name = sql.raw(FOLD_SQL_FUNCTION);
  // lower() follows the database's character type, which lowers only ASCII when it is `C`; ICU's
  // root collation lowers every script, where the server has ICU (Debian's packages do).
  const { rows } = await sql<{ found: number | string }>`
    select count(*) as found from pg_collation where collname = 'und-x-icu'`.execute(db);
  const lowered = Number(rows[0]?.found)
    ? sql`lower(value collate "und-x-icu")`
    : sql`lower(value)`;
  await sql`
    create or replace function ${name}(value text) returns text
    language sql immutable strict parallel safe
    return btrim(regexp_replace(
      translate(
        replace(replace(replace(
          regexp_replace(normalize(${lowered}, NFKD), ${sql.lit(MARKS)}, '', 'g'),
        'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'),
        'đłøıςيىكة٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹',
        'dloiσییکه01234567890123456789'),
      '\\s+', ' ', 'g'))
  `.execute(db);
}
