import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';
import { refuse } from '../errors.ts';
import { AnnouncementError } from './announcement.errors.ts';
import type { AnnouncementInput } from './announcement.schema.ts';
import type { AnnouncementAudience } from './announcement.tables.ts';
import { VIEW_COLUMNS, type AnnouncementView } from './announcement.queries.ts';

export type AnnouncementStatus = 'scheduled' | 'active' | 'ended';

export interface StaffAnnouncement extends AnnouncementView {
  audience: AnnouncementAudience;
  accounts: { id: string; name: string }[];
  status: AnnouncementStatus;
  createdAt: string;
  /** The name of the staff member who wrote it. */
  createdBy: string;
}

/** Who an announcement's change concerns, as the bus carries it: everyone (null) or accounts. */
export type Audience = string[] | null;

/** The most the console lists: the newest announcements, old ones are history. */
const MAX_LISTED = 200;

function statusAt(row: { startsAt: string; endsAt: string | null }, now: string) {
  if (row.startsAt > now) return 'scheduled';
  return row.endsAt !== null && row.endsAt <= now ? 'ended' : 'active';
}

/** Announcements with their accounts and status, newest first (or only those with `ids`). */
async function staffAnnouncements(db: Db, ids?: string[]): Promise<StaffAnnouncement[]> {
  const rows = await db
    .selectFrom('announcement')
    .select([...VIEW_COLUMNS, 'audience', 'createdAt', 'createdBy'])
    .$if(ids !== undefined, (query) => query.where('announcement.id', 'in', ids!))
    .orderBy('announcement.createdAt', 'desc')
    .orderBy('announcement.id', 'desc')
    .limit(MAX_LISTED)
    .execute();
  const targeted = rows.filter((row) => row.audience === 'accounts').map((row) => row.id);
  const accounts = targeted.length
    ? await db
        .selectFrom('announcementAccount')
        .innerJoin('organization', 'organization.id', 'announcementAccount.accountId')
        .select(['announcementAccount.announcementId', 'organization.id', 'organization.name'])
        .where('announcementAccount.announcementId', 'in', targeted)
        .orderBy('organization.name')
        .execute()
    : [];
  const now = new Date().toISOString();
  return rows.map((row) => ({
    ...row,
    accounts: accounts
      .filter((account) => account.announcementId === row.id)
      .map(({ id, name }) => ({ id, name })),
    status: statusAt(row, now),
  }));
}

export const listAnnouncements = (db: Db) => staffAnnouncements(db);

async function staffAnnouncement(db: Db, id: string): Promise<StaffAnnouncement> {
  const [item] = await staffAnnouncements(db, [id]);
  if (!item) throw refuse('NOT_FOUND', AnnouncementError, 'NOT_FOUND');
  return item;
}

/** The chosen accounts, all of which must exist: one unknown id and nothing is written. */
async function setAccounts(
  trx: Transaction<Database>,
  announcementId: string,
  input: AnnouncementInput,
): Promise<Audience> {
  await trx
    .deleteFrom('announcementAccount')
    .where('announcementId', '=', announcementId)
    .execute();
  if (input.audience === 'all') return null;
  const ids = input.accountIds ?? [];
  const found = await trx.selectFrom('organization').select('id').where('id', 'in', ids).execute();
  if (found.length !== ids.length) {
    const known = new Set(found.map((row) => row.id));
    throw refuse('NOT_FOUND', AnnouncementError, 'ACCOUNT_NOT_FOUND', {
      field: 'accountIds',
      accountIds: ids.filter((id) => !known.has(id)),
    });
  }
  await trx
    .insertInto('announcementAccount')
    .values(ids.map((accountId) => ({ announcementId, accountId })))
    .execute();
  return ids;
}

/** Both audiences of a change: whoever saw it before, and whoever sees it now. */
function joined(before: Audience, after: Audience): Audience {
  if (before === null || after === null) return null;
  return [...new Set([...before, ...after])];
}

export async function createAnnouncement(
  db: Db,
  author: { id: string; name: string },
  input: AnnouncementInput,
): Promise<{ item: StaffAnnouncement; audience: Audience }> {
  const id = newId();
  const now = timestamp();
  const audience = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('announcement')
      .values({
        id,
        title: input.title,
        body: input.body,
        severity: input.severity,
        audience: input.audience,
        // The wall clock, as the banner's queries compare with it (not `timestamp()`'s order).
        startsAt: input.startsAt ?? new Date().toISOString(),
        endsAt: input.endsAt ?? null,
        createdById: author.id,
        createdBy: author.name,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    return setAccounts(trx, id, input);
  });
  return { item: await staffAnnouncement(db, id), audience };
}

/** The audience it had: everyone, or its accounts. */
async function audienceOf(trx: Transaction<Database>, id: string) {
  const row = await trx
    .selectFrom('announcement')
    .select(['audience', 'startsAt', 'endsAt'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw refuse('NOT_FOUND', AnnouncementError, 'NOT_FOUND');
  if (row.audience === 'all') return { row, audience: null };
  const accounts = await trx
    .selectFrom('announcementAccount')
    .select('accountId')
    .where('announcementId', '=', id)
    .execute();
  return { row, audience: accounts.map((account) => account.accountId) };
}

/** Rewrites an announcement; left out, the start stays as it was. */
export async function updateAnnouncement(
  db: Db,
  id: string,
  input: AnnouncementInput,
): Promise<{ item: StaffAnnouncement; audience: Audience }> {
  const audience = await db.transaction().execute(async (trx) => {
    const before = await audienceOf(trx, id);
    const startsAt = input.startsAt ?? before.row.startsAt;
    const endsAt = input.endsAt ?? null;
    if (endsAt !== null && endsAt <= startsAt) {
      throw refuse('BAD_REQUEST', AnnouncementError, 'ENDS_BEFORE_START', { field: 'endsAt' });
    }
    await trx
      .updateTable('announcement')
      .set({
        title: input.title,
        body: input.body,
        severity: input.severity,
        audience: input.audience,
        startsAt,
        endsAt,
        updatedAt: timestamp(),
      })
      .where('id', '=', id)
      .execute();
    return joined(before.audience, await setAccounts(trx, id, input));
  });
  return { item: await staffAnnouncement(db, id), audience };
}

/** Ends it now (a scheduled one never shows); ending an ended one changes nothing. */
export async function endAnnouncement(
  db: Db,
  id: string,
): Promise<{ item: StaffAnnouncement; audience: Audience }> {
  const audience = await db.transaction().execute(async (trx) => {
    const { row, audience } = await audienceOf(trx, id);
    const now = new Date().toISOString();
    if (row.endsAt !== null && row.endsAt <= now) return audience;
    await trx
      .updateTable('announcement')
      .set({ startsAt: row.startsAt > now ? now : row.startsAt, endsAt: now, updatedAt: now })
      .where('id', '=', id)
      .execute();
    return audience;
  });
  return { item: await staffAnnouncement(db, id), audience };
}
