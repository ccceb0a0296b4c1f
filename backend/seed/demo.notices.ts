import { sql } from 'kysely';
import type { Services } from '../services.ts';
import { createAnnouncement } from '../announcement/announcement.staff.queries.ts';
import { DEFAULT_REMINDER_RULES, writeReminderRules } from '../reminder/reminder.rules.ts';

/** Unread notifications each demo customer is left with: the bell shows a few, not the history. */
const UNREAD_KEPT = 3;
const DAY_MS = 86_400_000;

/**
 * The demo's notification centre: the history's events become notifications, of which only the
 * newest few stay unread; the vendor promises delivery within five days and announces its
 * holiday hours to everyone.
 */
export async function seedDemoNotices(services: Services, adminEmail: string): Promise<void> {
  const { db } = services;
  await services.events.runNow();
  await db
    .updateTable('notification')
    .set({ readAt: sql.ref('createdAt') })
    .where('readAt', 'is', null)
    .where(({ eb, selectFrom }) =>
      eb(
        selectFrom('notification as newer')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('newer.userId', '=', 'notification.userId')
          .whereRef('newer.createdAt', '>', 'notification.createdAt'),
        '>=',
        UNREAD_KEPT,
      ),
    )
    .execute();
  await writeReminderRules(db, { ...DEFAULT_REMINDER_RULES, promiseDays: 5 });
  const admin = await db
    .selectFrom('user')
    .select(['id', 'name'])
    .where('email', '=', adminEmail)
    .executeTakeFirstOrThrow();
  const title = 'Holiday hours';
  const made = await db
    .selectFrom('announcement')
    .select('id')
    .where('title', '=', title)
    .executeTakeFirst();
  if (made) return;
  const now = Date.now();
  await createAnnouncement(db, admin, {
    title,
    body: 'Orders placed from 23 December ship on 2 January. Support answers within two working days.',
    severity: 'info',
    startsAt: new Date(now).toISOString(),
    endsAt: new Date(now + 60 * DAY_MS).toISOString(),
    audience: 'all',
  });
}
