import type { Db } from '../db/database.ts';
import { acceptedLocale, isLocale, type Locale } from './locale.ts';

/**
 * Which language to answer in, and which to write a mail in.
 *
 * A request: the language its `Accept-Language` names (the portal's elements always send the
 * page's), else the signed-in person's saved choice, else the vendor's default language.
 *
 * A mail: the recipient's saved choice, else, when the mail answers the recipient's own
 * request (sign-up, password reset, a sign-in code, an order they placed), that request's
 * language, else the vendor's default language.
 *
 * A download (an attachment, an invoice PDF, the statement): the page's language, which the
 * elements put in the link as `?locale=`, else the person's saved choice, else the vendor's.
 * Not the browser's Accept-Language: a download is fetched without the page's own header.
 */

/** The languages people chose in their profile; people who chose none are left out. */
export async function savedLocales(
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, Locale>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('preference')
    .select(['userId', 'locale'])
    .where('userId', 'in', [...userIds])
    .where('locale', 'is not', null)
    .execute();
  return new Map(
    rows.flatMap((row) => (isLocale(row.locale) ? [[row.userId, row.locale] as const] : [])),
  );
}

async function savedLocaleByEmail(db: Db, email: string): Promise<Locale | undefined> {
  const row = await db
    .selectFrom('user')
    .innerJoin('preference', 'preference.userId', 'user.id')
    .select('preference.locale')
    .where('user.email', '=', email.toLowerCase())
    .executeTakeFirst();
  return isLocale(row?.locale) ? row.locale : undefined;
}

/** The language a request asks for: its header, else the person's saved choice, else `fallback`. */
export async function requestLocaleOf(
  db: Db,
  headers: Headers,
  userId: string | null,
  fallback: Locale,
): Promise<Locale> {
  return acceptedLocale(headers.get('accept-language')) ?? savedLocaleOr(db, userId, fallback);
}

/** The language of a download: `?locale=`, else the person's saved choice, else `fallback`. */
export async function downloadLocaleOf(
  db: Db,
  asked: string | undefined,
  userId: string | null,
  fallback: Locale,
): Promise<Locale> {
  return isLocale(asked) ? asked : savedLocaleOr(db, userId, fallback);
}

async function savedLocaleOr(db: Db, userId: string | null, fallback: Locale): Promise<Locale> {
  if (!userId) return fallback;
  return (await savedLocales(db, [userId])).get(userId) ?? fallback;
}

export interface Recipient {
  userId?: string | null;
  /** For a mail to an address whose person (if any) is not known by id. */
  email?: string;
}

export interface RecipientContext {
  /** The headers of the request the mail answers, when the recipient made it themselves. */
  headers?: Headers | null | undefined;
  /** The vendor's default language (`services.portalSettings().defaultLocale`, cached). */
  fallback: Locale;
}

/** The language to write a mail to `recipient` in; see the rules above. */
export async function recipientLocale(
  db: Db,
  recipient: Recipient,
  context: RecipientContext,
): Promise<Locale> {
  const saved = recipient.userId
    ? (await savedLocales(db, [recipient.userId])).get(recipient.userId)
    : recipient.email
      ? await savedLocaleByEmail(db, recipient.email)
      : undefined;
  if (saved) return saved;
  const asked = acceptedLocale(context.headers?.get('accept-language'));
  if (asked) return asked;
  return context.fallback;
}
