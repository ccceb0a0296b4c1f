import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { refuse } from '../errors.ts';
import { AnnouncementError } from './announcement.errors.ts';
import type { AnnouncementSeverity } from './announcement.tables.ts';

/** What a customer's banner shows: plain text, never HTML. */
export interface AnnouncementView {
  id: string;
  title: string;
  body: string;
  severity: AnnouncementSeverity;
  startsAt: string;
  endsAt: string | null;
}

/**
 * Who is looking: a customer (their person and account), or the signed out and staff, who see
 * only what is for everyone and have nothing dismissed.
 */
export interface Viewer {
  userId: string | null;
  accountId: string | null;
}

export const VIEW_COLUMNS = [
  'announcement.id',
  'announcement.title',
  'announcement.body',
  'announcement.severity',
  'announcement.startsAt',
  'announcement.endsAt',
] as const;

/** The most a banner shows at once; more would be noise, not news. */
const MAX_CURRENT = 20;

type Eb = ExpressionBuilder<Database, 'announcement'>;

/** For everyone, or for the viewer's account. */
function forViewer(eb: Eb, viewer: Viewer) {
  const everyone = eb('announcement.audience', '=', 'all');
  if (viewer.accountId === null) return everyone;
  return eb.or([
    everyone,
    eb.exists(
      eb
        .selectFrom('announcementAccount')
        .select('announcementAccount.accountId')
        .whereRef('announcementAccount.announcementId', '=', 'announcement.id')
        .where('announcementAccount.accountId', '=', viewer.accountId),
    ),
  ]);
}

/** For the viewer and not dismissed by them. */
function shownTo(eb: Eb, viewer: Viewer) {
  const audience = forViewer(eb, viewer);
  if (viewer.userId === null) return audience;
  return eb.and([
    audience,
    eb.not(
      eb.exists(
        eb
          .selectFrom('announcementDismissal')
          .select('announcementDismissal.userId')
          .whereRef('announcementDismissal.announcementId', '=', 'announcement.id')
          .where('announcementDismissal.userId', '=', viewer.userId),
      ),
    ),
  ]);
}

/** Showing at `now`: started, and not ended. */
function activeAt(eb: Eb, now: string) {
  return eb.and([
    eb('announcement.startsAt', '<=', now),
    eb.or([eb('announcement.endsAt', 'is', null), eb('announcement.endsAt', '>', now)]),
  ]);
}

/**
 * What the viewer's banner shows now, outages first, and the next moment that changes by the
 * clock alone (one of theirs starts or ends), so a page can read again then.
 */
export async function currentAnnouncements(db: Db, viewer: Viewer, now = new Date()) {
  const at = now.toISOString();
  const items: AnnouncementView[] = await db
    .selectFrom('announcement')
    .select(VIEW_COLUMNS)
    .where((eb) => eb.and([activeAt(eb, at), shownTo(eb, viewer)]))
    .orderBy(
      sql`case "announcement"."severity" when 'outage' then 0 when 'warning' then 1 else 2 end`,
    )
    .orderBy('announcement.startsAt', 'desc')
    .orderBy('announcement.id')
    .limit(MAX_CURRENT)
    .execute();
  return { items, nextChangeAt: await nextChangeAt(db, viewer, now) };
}

/** The next start or end after `now` among the viewer's announcements, or null. */
export async function nextChangeAt(db: Db, viewer: Viewer, now = new Date()) {
  const at = now.toISOString();
  const [starts, ends] = await Promise.all([
    db
      .selectFrom('announcement')
      .select((eb) => eb.fn.min('announcement.startsAt').as('at'))
      .where('announcement.startsAt', '>', at)
      .where((eb) => shownTo(eb, viewer))
      .executeTakeFirst(),
    db
      .selectFrom('announcement')
      .select((eb) => eb.fn.min('announcement.endsAt').as('at'))
      .where('announcement.endsAt', '>', at)
      .where((eb) => shownTo(eb, viewer))
      .executeTakeFirst(),
  ]);
  const moments = [starts?.at, ends?.at].filter((value): value is string => Boolean(value));
  return moments.length ? moments.sort()[0]! : null;
}

/**
 * Hides an announcement for this person on every device. Anything not for their account is
 * NOT_FOUND, as a missing one; one that already ended may still be dismissed (a page showing it
 * when it ended).
 */
export async function dismissAnnouncement(
  db: Db,
  viewer: { userId: string; accountId: string },
  id: string,
): Promise<void> {
  const found = await db
    .selectFrom('announcement')
    .select('announcement.id')
    .where('announcement.id', '=', id)
    .where((eb) => forViewer(eb, viewer))
    .executeTakeFirst();
  if (!found) throw refuse('NOT_FOUND', AnnouncementError, 'NOT_FOUND');
  await db
    .insertInto('announcementDismissal')
    .values({ announcementId: id, userId: viewer.userId, dismissedAt: new Date().toISOString() })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
