import type { NotificationKind, SubjectType } from './notification.kinds.ts';

/** The notification tables, as `Database` includes them. */
export interface NotificationTables {
  notification: NotificationTable;
  notificationPreference: NotificationPreferenceTable;
}

/** Something one person should hear of, from one event; unique per (eventId, userId). */
export interface NotificationTable {
  id: string;
  eventId: string;
  userId: string;
  /** The customer account the event happened in; a person sees a row only while working there. */
  accountId: string;
  kind: NotificationKind;
  subjectType: SubjectType;
  subjectId: string;
  /** The facts shown with it, as JSON (see `NotificationParams`), looked up when it was made. */
  params: string;
  createdAt: string;
  readAt: string | null;
}

/** A person's choice for one kind; a kind without a row has its default (`MAIL_BY_DEFAULT`). */
export interface NotificationPreferenceTable {
  userId: string;
  kind: NotificationKind;
  mail: number;
  updatedAt: string;
}
