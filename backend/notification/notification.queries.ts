import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import { timestamp } from '../db/clock.ts';
import { decodeCursor, page } from '../db/cursor.ts';
import { refuse } from '../errors.ts';
import { NotificationError } from './notification.errors.ts';
import type { NotificationTable } from './notification.tables.ts';
import type { NotificationKind, NotificationParams, SubjectType } from './notification.kinds.ts';

/** Whose notifications: the session's person, in the session's account only. */
export interface NotificationReader {
  userId: string;
  accountId: string;
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  subject: { type: SubjectType; id: string };
  params: NotificationParams;
  createdAt: string;
  readAt: string | null;
}

const COLUMNS = [
  'id',
  'kind',
  'subjectType',
  'subjectId',
  'params',
  'createdAt',
  'readAt',
] as const;

type Row = Pick<Selectable<NotificationTable>, (typeof COLUMNS)[number]>;

const view = (row: Row): NotificationView => ({
  id: row.id,
  kind: row.kind,
  subject: { type: row.subjectType, id: row.subjectId },
  params: JSON.parse(row.params) as NotificationParams,
  createdAt: row.createdAt,
  readAt: row.readAt,
});

const mine = (db: Db, reader: NotificationReader) =>
  db
    .selectFrom('notification')
    .where('userId', '=', reader.userId)
    .where('accountId', '=', reader.accountId);

export async function unreadCount(db: Db, reader: NotificationReader): Promise<number> {
  const { count } = await mine(db, reader)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Newest first, a page at a time. */
export async function listNotifications(
  db: Db,
  reader: NotificationReader,
  input: { cursor?: string | null; limit: number; unreadOnly: boolean },
) {
  const after = decodeCursor(input.cursor ?? undefined);
  const rows = await mine(db, reader)
    .select(COLUMNS)
    .$if(input.unreadOnly, (query) => query.where('readAt', 'is', null))
    .$if(after !== null, (query) =>
      query.where((eb) =>
        eb.or([
          eb('createdAt', '<', after![0]!),
          eb.and([eb('createdAt', '=', after![0]!), eb('id', '<', after![1] ?? '')]),
        ]),
      ),
    )
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const found = page(rows, input.limit, (row) => [row.createdAt, row.id]);
  return { items: found.items.map(view), nextCursor: found.nextCursor };
}

export async function latestNotification(
  db: Db,
  reader: NotificationReader,
): Promise<NotificationView | null> {
  const row = await mine(db, reader)
    .select(COLUMNS)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? view(row) : null;
}

/** Marks the reader's notifications read; NOT_FOUND, with nothing written, if any is not theirs. */
export async function markRead(
  db: Db,
  reader: NotificationReader,
  ids: readonly string[],
): Promise<void> {
  const wanted = [...new Set(ids)];
  await db.transaction().execute(async (trx) => {
    const found = await mine(trx, reader).select('id').where('id', 'in', wanted).execute();
    if (found.length !== wanted.length) {
      throw refuse('NOT_FOUND', NotificationError, 'NOT_FOUND');
    }
    await trx
      .updateTable('notification')
      .set({ readAt: timestamp() })
      .where('id', 'in', wanted)
      .where('userId', '=', reader.userId)
      .where('readAt', 'is', null)
      .execute();
  });
}

export async function markAllRead(db: Db, reader: NotificationReader): Promise<void> {
  await db
    .updateTable('notification')
    .set({ readAt: timestamp() })
    .where('userId', '=', reader.userId)
    .where('accountId', '=', reader.accountId)
    .where('readAt', 'is', null)
    .execute();
}
