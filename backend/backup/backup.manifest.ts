import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type SqliteDatabase from 'better-sqlite3';
import { z } from 'zod';

/** Raised with a sentence for the operator: what went wrong and what to do about it. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** Bumped when the archive's layout changes; a restore refuses versions it does not know. */
export const BACKUP_FORMAT_VERSION = 1;

/** The names inside an archive; nothing else is ever extracted. */
export const ARCHIVE = {
  manifest: 'manifest.json',
  database: 'portico.db',
  authSecret: 'auth-secret',
  uploads: 'uploads',
  media: 'media',
} as const;

export const manifestSchema = z.object({
  format: z.literal('portico-backup'),
  formatVersion: z.number().int().min(1),
  /** When the copy began: every write acknowledged before then is in the backup. */
  createdAt: z.iso.datetime(),
  porticoVersion: z.string(),
  /** Portico's own migrations applied to the copy, oldest first. */
  migrations: z.array(z.string()),
  /** Rows per table of the copy, so a restore can prove it has all of them. */
  rowCounts: z.record(z.string(), z.number().int().min(0)),
  files: z.object({
    uploads: z.number().int().min(0),
    media: z.number().int().min(0),
    authSecret: z.boolean(),
  }),
  /** Uploads the database names whose bytes were already gone from the data folder. */
  missingUploads: z.array(z.string()),
  /**
   * Uploads the database names whose bytes no longer matched their digest when the backup was
   * made; left out of the archive, so a restore knows them as lost rather than refusing.
   */
  damagedUploads: z.array(z.string()).default([]),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export const porticoVersion = (): string =>
  (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;

/** What a manifest records about a database file: its migrations and its rows per table. */
export function describeDatabase(
  sqlite: SqliteDatabase.Database,
): Pick<BackupManifest, 'migrations' | 'rowCounts'> {
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const rowCounts: Record<string, number> = {};
  for (const table of tables) {
    const quoted = `"${table.replaceAll('"', '""')}"`;
    rowCounts[table] = sqlite.prepare(`SELECT count(*) FROM ${quoted}`).pluck().get() as number;
  }
  const migrations = tables.includes('kysely_migration')
    ? (sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all() as string[])
    : [];
  return { migrations, rowCounts };
}

/** The content digests of every upload the database refers to. */
export function referencedUploads(sqlite: SqliteDatabase.Database): string[] {
  const hasTable = sqlite
    .prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'upload'`)
    .get();
  if (!hasTable) return [];
  return sqlite
    .prepare('SELECT DISTINCT sha256 FROM upload ORDER BY sha256')
    .pluck()
    .all() as string[];
}

/** `PRAGMA integrity_check`'s findings: `['ok']` for a sound file. */
export const integrityCheck = (sqlite: SqliteDatabase.Database): string[] =>
  (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map(
    (row) => row.integrity_check,
  );

/** The SHA-256 of a file's bytes in hex, or null when it cannot be read. */
export async function fileDigest(path: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    await pipeline(createReadStream(path), hash);
  } catch {
    return null;
  }
  return hash.digest('hex');
}

/**
 * The operator's sentence about uploads a backup could not hold, or null when it holds all: the
 * backup and restore commands print it, and scheduled backups log it.
 */
export function lostUploadsNotice(
  manifest: Pick<BackupManifest, 'missingUploads' | 'damagedUploads'>,
  uploadsFolder: string,
  when: 'backup' | 'restore',
): string | null {
  const missing = manifest.missingUploads.length;
  const damaged = manifest.damagedUploads.length;
  if (!missing && !damaged) return null;
  const kinds = [
    ...(missing ? [`${missing} missing from the data folder`] : []),
    ...(damaged ? [`${damaged} damaged (the bytes no longer match the digest)`] : []),
  ].join(' and ');
  const lost = `${missing + damaged} uploaded file(s) the database refers to`;
  const example = manifest.damagedUploads[0] ?? manifest.missingUploads[0];
  return when === 'backup'
    ? `${lost} could not be backed up: ${kinds}, such as ${example}. The backup lists them in its manifest, so restoring it reports them instead of refusing. Check the disk under ${uploadsFolder}, and ask for the files again: uploading the same file repairs it.`
    : `${lost} were already lost when this backup was made: ${kinds}, such as ${example}. They are not in ${uploadsFolder}, and downloading them fails; every other upload matches its digest.`;
}
