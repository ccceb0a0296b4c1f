import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { extract, list, type ReadEntry } from 'tar';
import { uploadPath } from '../file/file.store.ts';
import {
  ARCHIVE,
  BACKUP_FORMAT_VERSION,
  BackupError,
  describeDatabase,
  fileDigest,
  integrityCheck,
  manifestSchema,
  referencedUploads,
  type BackupManifest,
} from './backup.manifest.ts';

export interface RestoreResult {
  dataDir: string;
  manifest: BackupManifest;
  tables: number;
  rows: number;
}

/** Entry kinds a backup holds; links and devices in a crafted archive are never extracted. */
const EXTRACTED_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory']);

/**
 * Unpacks a backup into a new data folder and proves it whole before anyone starts a server on
 * it: SQLite's integrity check passes, every table has the rows the manifest counted, the
 * migrations match, and every upload the database names is there with the bytes its digest
 * says. On any failure the folder is left as empty as it was found.
 */
export async function restoreBackup(file: string, dataDir: string): Promise<RestoreResult> {
  const archive = await existingArchive(file);
  const target = resolve(dataDir);
  const created = await claimEmptyFolder(target);
  try {
    await extractArchive(archive, target);
    const manifest = await readManifestFile(join(target, ARCHIVE.manifest), archive);
    const { tables, rows, referenced } = verifyDatabase(target, manifest);
    await verifyUploads(target, manifest, referenced);
    await rm(join(target, ARCHIVE.manifest));
    return { dataDir: target, manifest, tables, rows };
  } catch (error) {
    if (created) await rm(target, { recursive: true, force: true });
    else await emptyFolder(target);
    throw error;
  }
}

/** The manifest of a backup, read from the archive without unpacking anything else. */
export async function readManifest(file: string): Promise<BackupManifest> {
  const archive = await existingArchive(file);
  let text: string | undefined;
  await list({
    file: archive,
    strict: true,
    filter: (path) => path === ARCHIVE.manifest,
    onReadEntry: (entry: ReadEntry) => {
      const chunks: Buffer[] = [];
      entry.on('data', (chunk: Buffer) => chunks.push(chunk));
      entry.on('end', () => (text = Buffer.concat(chunks).toString('utf8')));
    },
  }).catch((error: unknown) => {
    throw damaged(archive, error);
  });
  if (text === undefined) throw notABackup(archive);
  return parseManifest(text, archive);
}

async function existingArchive(file: string): Promise<string> {
  const archive = resolve(file);
  const stats = await stat(archive).catch(() => null);
  if (!stats?.isFile()) {
    throw new BackupError(`There is no backup at ${archive}. Give the path of a .tar.gz backup.`);
  }
  return archive;
}

/** Creates the folder, or accepts an empty one; true when it was created here. */
async function claimEmptyFolder(target: string): Promise<boolean> {
  const entries = await readdir(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    if (error.code === 'ENOTDIR') {
      throw new BackupError(`${target} is a file. Give a new or empty folder to restore into.`);
    }
    throw error;
  });
  if (entries === null) {
    await mkdir(target, { recursive: true, mode: 0o700 });
    return true;
  }
  if (entries.length) {
    throw new BackupError(
      `${target} is not empty. Restore into a new or empty folder, so nothing in it is overwritten, then point DATA_DIR at it.`,
    );
  }
  return false;
}

async function emptyFolder(target: string): Promise<void> {
  for (const name of await readdir(target).catch(() => [])) {
    await rm(join(target, name), { recursive: true, force: true });
  }
}

const ARCHIVE_FILES = new Set<string>([ARCHIVE.manifest, ARCHIVE.database, ARCHIVE.authSecret]);
const ARCHIVE_FOLDERS = [ARCHIVE.uploads, ARCHIVE.media];

const isArchivePath = (path: string) => {
  const clean = path.replace(/\/+$/, '');
  return (
    ARCHIVE_FILES.has(clean) ||
    ARCHIVE_FOLDERS.some((folder) => clean === folder || clean.startsWith(`${folder}/`))
  );
};

async function extractArchive(archive: string, target: string): Promise<void> {
  await extract({
    file: archive,
    cwd: target,
    strict: true,
    filter: (path, entry) =>
      isArchivePath(path) && 'type' in entry && EXTRACTED_TYPES.has(entry.type),
  }).catch((error: unknown) => {
    throw damaged(archive, error);
  });
}

async function readManifestFile(path: string, archive: string): Promise<BackupManifest> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw notABackup(archive);
  });
  return parseManifest(text, archive);
}

function parseManifest(text: string, archive: string): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw notABackup(archive);
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `${archive} was made by a newer Portico (backup format ${version}). Restore it with that version or a newer one.`,
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw notABackup(archive);
  return parsed.data;
}

function verifyDatabase(target: string, manifest: BackupManifest) {
  const path = join(target, ARCHIVE.database);
  let sqlite: SqliteDatabase.Database;
  try {
    sqlite = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
  } catch {
    throw new BackupError(
      `The backup has no database: it is incomplete. Nothing was restored; use another backup.`,
    );
  }
  try {
    const problems = integrityCheck(sqlite);
    if (problems.join() !== 'ok') {
      throw new BackupError(
        `The backup's database failed SQLite's integrity check (${problems.slice(0, 3).join('; ')}). Nothing was restored; use another backup.`,
      );
    }
    const found = describeDatabase(sqlite);
    const tables = new Set([...Object.keys(manifest.rowCounts), ...Object.keys(found.rowCounts)]);
    const differences = [...tables]
      .filter((table) => manifest.rowCounts[table] !== found.rowCounts[table])
      .map(
        (table) =>
          `${table}: ${manifest.rowCounts[table] ?? 'no table'} in the manifest, ${found.rowCounts[table] ?? 'no table'} restored`,
      );
    if (differences.length) {
      throw new BackupError(
        `The backup's database does not hold the rows its manifest counted (${differences.slice(0, 5).join('; ')}). Nothing was restored; use another backup.`,
      );
    }
    if (found.migrations.join() !== manifest.migrations.join()) {
      throw new BackupError(
        `The backup's database does not have the migrations its manifest lists. Nothing was restored; use another backup.`,
      );
    }
    const rows = Object.values(found.rowCounts).reduce((sum, count) => sum + count, 0);
    return { tables: tables.size, rows, referenced: referencedUploads(sqlite) };
  } finally {
    sqlite.close();
  }
}

/**
 * Every upload the restored database names is there, with the content its digest names, but
 * those the manifest lists as already missing or damaged when the backup was made: they are
 * known lost (the commands report them), not a sign that this archive was damaged since.
 */
async function verifyUploads(
  target: string,
  manifest: BackupManifest,
  referenced: readonly string[],
): Promise<void> {
  const knownLost = new Set([...manifest.missingUploads, ...manifest.damagedUploads]);
  const bad: string[] = [];
  for (const sha256 of referenced) {
    if (knownLost.has(sha256)) continue;
    if ((await fileDigest(uploadPath(target, sha256))) !== sha256) bad.push(sha256);
  }
  if (bad.length) {
    throw new BackupError(
      `${bad.length} uploaded file(s) the database refers to are missing or damaged in the backup (such as ${bad[0]}). Nothing was restored; use another backup.`,
    );
  }
}

const notABackup = (archive: string) =>
  new BackupError(
    `${archive} is not a Portico backup (it has no valid manifest). Nothing was restored.`,
  );

function damaged(archive: string, error: unknown): BackupError {
  const reason = error instanceof Error ? error.message : String(error);
  return new BackupError(
    `${archive} is damaged or is not a Portico backup (${reason}). Nothing was restored; use another backup.`,
  );
}
