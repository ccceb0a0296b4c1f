import type { Db } from '../db/database.ts';
import { timestamp } from '../db/clock.ts';

export const NOTIFICATION_KINDS = [
  'order_confirmed',
  'order_shipped',
  'order_delivered',
  'order_cancelled',
  'order_delayed',
  'invoice_issued',
  'invoice_due',
  'invoice_overdue',
  'payment_posted',
  'ticket_answered',
  'chat_missed',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type SubjectType = 'order' | 'invoice' | 'payment' | 'ticket' | 'chat';

/** The facts a notification shows, looked up once when it is made. */
export interface NotificationParams {
  orderNumber?: string;
  invoiceNumber?: string;
  ticketNumber?: string;
  ticketSubject?: string;
  /** The missed chat's ticket, so the bell can open it. */
  ticketId?: string;
  /** Minor units of `currency`. */
  amount?: number;
  currency?: string;
  days?: number;
  dueOn?: string;
  promisedOn?: string;
  trackingNumber?: string;
}

/**
 * Whether a kind goes out by mail when the person chose nothing. On for what asks the customer
 * to act or wait differently, and for the two kinds the portal always mailed (shipped orders,
 * ticket answers); off for the routine steps the portal shows anyway.
 */
export const MAIL_BY_DEFAULT: Readonly<Record<NotificationKind, boolean>> = {
  order_confirmed: false,
  order_shipped: true,
  order_delivered: false,
  order_cancelled: true,
  order_delayed: true,
  invoice_issued: false,
  invoice_due: true,
  invoice_overdue: true,
  payment_posted: false,
  ticket_answered: true,
  chat_missed: true,
};

/**
 * Kinds whose mail the domain sends itself, with all the details, to one person (see
 * `mailAboutOrder`, `mailAnswer`); that mail asks `wantsMail` first, and the notification mails
 * only the others of the account who chose mail.
 */
export const DOMAIN_MAILED: ReadonlySet<NotificationKind> = new Set([
  'order_shipped',
  'ticket_answered',
]);

/** Every kind with this person's choice (the default where they made none). */
export async function preferencesOf(
  db: Db,
  userId: string,
): Promise<{ kinds: { kind: NotificationKind; mail: boolean }[] }> {
  const rows = await db
    .selectFrom('notificationPreference')
    .select(['kind', 'mail'])
    .where('userId', '=', userId)
    .execute();
  const chosen = new Map(rows.map((row) => [row.kind, row.mail === 1]));
  return {
    kinds: NOTIFICATION_KINDS.map((kind) => ({
      kind,
      mail: chosen.get(kind) ?? MAIL_BY_DEFAULT[kind],
    })),
  };
}

export async function setPreference(
  db: Db,
  userId: string,
  kind: NotificationKind,
  mail: boolean,
): Promise<void> {
  const values = { userId, kind, mail: mail ? 1 : 0, updatedAt: timestamp() };
  await db
    .insertInto('notificationPreference')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['userId', 'kind'])
        .doUpdateSet({ mail: values.mail, updatedAt: values.updatedAt }),
    )
    .execute();
}

/** Those of `userIds` who want `kind` by mail. */
export async function wantingMail(
  db: Db,
  userIds: readonly string[],
  kind: NotificationKind,
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('notificationPreference')
    .select(['userId', 'mail'])
    .where('kind', '=', kind)
    .where('userId', 'in', [...userIds])
    .execute();
  const chosen = new Map(rows.map((row) => [row.userId, row.mail === 1]));
  return new Set(userIds.filter((id) => chosen.get(id) ?? MAIL_BY_DEFAULT[kind]));
}

/** Whether this person wants `kind` by mail (the domain's own mails ask before sending). */
export async function wantsMail(db: Db, userId: string, kind: NotificationKind): Promise<boolean> {
  return (await wantingMail(db, [userId], kind)).has(userId);
}
