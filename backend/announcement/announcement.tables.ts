export type AnnouncementSeverity = 'info' | 'warning' | 'outage';
export type AnnouncementAudience = 'all' | 'accounts';

/** The announcement tables, as `Database` includes them. */
export interface AnnouncementTables {
  announcement: AnnouncementTable;
  announcementAccount: AnnouncementAccountTable;
  announcementDismissal: AnnouncementDismissalTable;
}

/**
 * A notice staff publish to every customer or to chosen accounts (see `announcementAccount`),
 * shown from `startsAt` until `endsAt` (for good when null). Plain text, never HTML.
 */
export interface AnnouncementTable {
  id: string;
  title: string;
  body: string;
  severity: AnnouncementSeverity;
  audience: AnnouncementAudience;
  startsAt: string;
  endsAt: string | null;
  /** The staff member who wrote it, and their name as it was then. */
  createdById: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** The accounts an announcement with the audience `accounts` is for. */
export interface AnnouncementAccountTable {
  announcementId: string;
  accountId: string;
}

/** One person hid one announcement: on every device they sign in on. */
export interface AnnouncementDismissalTable {
  announcementId: string;
  userId: string;
  dismissedAt: string;
}
