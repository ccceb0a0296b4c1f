import { randomUUID } from 'node:crypto';
import {
  mkdir,
  mkdtemp,
  open,
  readdir,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { create } from 'tar';
import { uploadPath } from '../file/file.store.ts';
import {
  ARCHIVE,
  BACKUP_FORMAT_VERSION,
  BackupError,
  describeDatabase,
  fileDigest,
  integrityCheck,
  porticoVersion,
  referencedUploads,
  type BackupManifest,
} from './backup.manifest.ts';

/** Where a running (or stopped) Portico keeps its data. */
export interface BackupSource {
  /** The data folder: `uploads/`, `media/` and `auth-secret` are read from here. */
  dataDir: string;
  /** The SQLite file, which DATABASE_URL may put outside the data folder. */
  databasePath: string;
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: BackupManifest;
}

/**
 * Pages copied per turn of the event loop: small enough that a server making its own scheduled
 * backup keeps answering, large enough that a copy of a big file takes few turns.
 */
const PAGES_PER_STEP = 1000;
/** better-sqlite3's largest step: the whole file at once. */
const ALL_PAGES = 0x7fffffff;

/**
 * Writes one gzip tar archive of everything a Portico needs to come back: a consistent copy of
 * the database (SQLite's online backup, so the server keeps running and writing), then the
 * upload files, the vendor's media and the generated auth secret. The copy is taken first:
 * uploads are written before the row that names them, so every upload the copy knows is on
 * disk by then. Each upload the copy names is checked against its digest; one missing or
 * damaged is listed in the manifest (see `checkUploads`). The archive appears under its name
 * only once complete.
 */
export async function createBackup(
  source: BackupSource,
  file: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<BackupResult> {
  if (!(await isFile(source.databasePath))) {
    throw new BackupError(
      `There is no Portico database at ${source.databasePath}. Run the backup with the same DATA_DIR (and DATABASE_URL, if set) as the server.`,
    );
  }
  const target = resolve(file);
  await mkdir(dirname(target), { recursive: true });
  // Next to the archive rather than in the system's temporary folder: the copy may be as large
  // as the database, and a rename within one file system cannot fail halfway.
  const staging = await mkdtemp(join(dirname(target), '.portico-backup-'));
  const partial = `${target}.${randomUUID()}.part`;
  try {
    // Before the copy: everything acknowledged by then is in it, whenever its snapshot is taken.
    const createdAt = new Date().toISOString();
    const copy = join(staging, ARCHIVE.database);
    await copyDatabase(source.databasePath, copy, signal);
    const database = inspectCopy(copy);
    signal?.throwIfAborted();
    const uploads = await filesUnder(source.dataDir, ARCHIVE.uploads);
    const media = await filesUnder(source.dataDir, ARCHIVE.media);
    const authSecret = await isFile(join(source.dataDir, ARCHIVE.authSecret));
    const { missing, damaged } = await checkUploads(
      source.dataDir,
      uploads,
      database.referenced,
      signal,
    );
    const leftOut = new Set(
      damaged.map((sha256) => archivePath(source.dataDir, uploadPath(source.dataDir, sha256))),
    );
    const archived = uploads.filter((path) => !leftOut.has(path));
    const manifest: BackupManifest = {
      format: 'portico-backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt,
      porticoVersion: porticoVersion(),
      migrations: database.migrations,
      rowCounts: database.rowCounts,
      files: { uploads: archived.length, media: media.length, authSecret },
      missingUploads: missing,
      damagedUploads: damaged,
    };
    await writeFile(join(staging, ARCHIVE.manifest), JSON.stringify(manifest, null, 2) + '\n');
    // The archive is made from one folder: the data folder's parts are linked into it.
    const linked = [
      ...(archived.length ? [ARCHIVE.uploads] : []),
      ...(media.length ? [ARCHIVE.media] : []),
      ...(authSecret ? [ARCHIVE.authSecret] : []),
    ];
    for (const name of linked) await symlink(join(source.dataDir, name), join(staging, name));
    await create(
      // Mode 0600: the archive holds the auth secret and every customer's data.
      {
        file: partial,
        cwd: staging,
        gzip: true,
        portable: true,
        follow: true,
        strict: true,
        mode: 0o600,
      },
      [
        ARCHIVE.manifest,
        ARCHIVE.database,
        ...(authSecret ? [ARCHIVE.authSecret] : []),
        ...archived,
        ...media,
      ],
    );
    signal?.throwIfAborted();
    await syncFile(partial);
    await rename(partial, target);
    return { file: target, bytes: (await stat(target)).size, manifest };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

/**
 * Copies the live database with SQLite's backup API through a connection of its own. A write by
 * the server restarts a copy made in steps; after one restart the rest is copied in a single
 * step, which reads one snapshot while the server goes on writing (WAL).
 */
async function copyDatabase(from: string, to: string, signal?: AbortSignal): Promise<void> {
  const sqlite = new SqliteDatabase(from, { readonly: true, fileMustExist: true });
  try {
    let lastRemaining = Infinity;
    await sqlite.backup(to, {
      progress: ({ remainingPages }) => {
        signal?.throwIfAborted();
        const restarted = remainingPages > lastRemaining;
        lastRemaining = remainingPages;
        return restarted ? ALL_PAGES : PAGES_PER_STEP;
      },
    });
  } finally {
    sqlite.close();
  }
}

/** Makes the copy one self-contained file and reads what the manifest records about it. */
function inspectCopy(path: string) {
  const sqlite = new SqliteDatabase(path, { fileMustExist: true });
  try {
    sqlite.pragma('journal_mode = DELETE');
    const problems = integrityCheck(sqlite);
    if (problems.join() !== 'ok') {
      throw new BackupError(
        `The database failed SQLite's integrity check, so no backup was written (${problems.slice(0, 3).join('; ')}). Keep the existing backups and restore the newest good one.`,
      );
    }
    return { ...describeDatabase(sqlite), referenced: referencedUploads(sqlite) };
  } finally {
    sqlite.close();
  }
}

/**
 * Which uploads the copy names are not in the data folder, and which no longer hold the bytes
 * their digest names (a failing disk, a hand edit). Damaged ones are left out of the archive and
 * listed in the manifest: a restore then knows them as lost, and every later backup can still
 * be restored, instead of each one failing on the same file.
 */
async function checkUploads(
  dataDir: string,
  stored: readonly string[],
  referenced: readonly string[],
  signal?: AbortSignal,
) {
  const present = new Set(stored);
  const missing: string[] = [];
  const damaged: string[] = [];
  for (const sha256 of referenced) {
    signal?.throwIfAborted();
    const path = uploadPath(dataDir, sha256);
    if (!present.has(archivePath(dataDir, path))) missing.push(sha256);
    else if ((await fileDigest(path)) !== sha256) damaged.push(sha256);
  }
  return { missing, damaged };
}

/** Every finished file under `dataDir/folder`, as archive paths (`uploads/ab/ab12…`). */
async function filesUnder(dataDir: string, folder: string): Promise<string[]> {
  const root = join(dataDir, folder);
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.part'))
    .map((entry) => archivePath(dataDir, join(entry.parentPath, entry.name)))
    .sort();
}

const archivePath = (dataDir: string, path: string) => relative(dataDir, path).split(sep).join('/');

const isFile = (path: string) =>
  stat(path).then(
    (stats) => stats.isFile(),
    () => false,
  );

/** Flushes the archive to the disk before it takes its final name. */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
