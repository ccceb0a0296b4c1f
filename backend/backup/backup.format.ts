/** `1536` → `1.5 KB`: sizes in the sentences the backup commands and the log print. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * Why Portico's own backups stop at SQLite: on PostgreSQL the database is the server's to back
 * up, with the tools made for it, and the data folder's files are copied beside it.
 */
export const POSTGRES_BACKUP_NOTICE =
  'Portico backs up its SQLite file; this one runs on PostgreSQL. Back the database up with ' +
  "pg_dump (or your provider's snapshots) and copy the shared DATA_DIR (uploads, media) beside it. " +
  'BACKUP_INTERVAL_MINUTES does nothing here.';
