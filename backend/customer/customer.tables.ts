import type { ColumnType } from 'kysely';

/**
 * The lock columns better-auth's admin plugin adds to `user` (`banned` is 0 or 1 in SQLite). A
 * lock refuses every sign-in; only this module writes them, through `db.$extendTables`.
 */
export type LockTables = {
  user: {
    banned: ColumnType<number | null, never, number>;
    banReason: string | null;
    banExpires: ColumnType<string | null, never, string | null>;
  };
};
