import type { ColumnType, Generated, Selectable } from 'kysely';

/**
 * The tables Portico's own code reads and writes. better-auth owns `user`, `session`,
 * `account`, `verification`, `organization`, `member` and `invitation`; only the columns our
 * queries touch are typed here.
 */
export interface Database {
  user: UserTable;
  session: SessionTable;
  organization: OrganizationTable;
  member: MemberTable;
  setting: SettingTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: ColumnType<boolean, boolean | number, boolean | number>;
  image: string | null;
  role: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface SessionTable {
  id: string;
  token: string;
  userId: string;
  expiresAt: Timestamp;
  activeOrganizationId: string | null;
}

export interface OrganizationTable {
  id: string;
  name: string;
  slug: string;
  logo: string | null;
  metadata: string | null;
  createdAt: Timestamp;
}

export interface MemberTable {
  id: string;
  organizationId: string;
  userId: string;
  role: string;
  createdAt: Timestamp;
}

/** Vendor settings as JSON values under a key; `portal` holds the public branding. */
export interface SettingTable {
  key: string;
  value: string;
  updatedAt: Generated<string>;
}

export type User = Selectable<UserTable>;
