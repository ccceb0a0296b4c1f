import { readdirSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isPostgresUrl, sqlitePath } from '../config.ts';
import { POSTGRES_BACKUP_NOTICE } from './backup.format.ts';
import type { Services } from '../services.ts';
import type { BackupResult, BackupSource } from './backup.create.ts';
import { BackupError, lostUploadsNotice } from './backup.manifest.ts';
import { formatBytes } from './backup.format.ts';

/** What scheduled backups need of the running server. */
export type BackupServices = Pick<Services, 'config' | 'log'>;

export interface BackupSchedule {
  /** Sets no further backup; one being written is abandoned (a later run removes its leftovers). */
  stop(): void;
}

/** `portico-20261122T153000Z.tar.gz`: sorted by name is sorted by time. */
const BACKUP_NAME = /^portico-(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z\.tar\.gz$/;
/** What a backup interrupted by a crash or a stop leaves behind: its partial archive, its copy. */
const LEFTOVER_NAME = /^(portico-\d{8}T\d{6}Z\.tar\.gz\..+\.part|\.portico-backup-.+)$/;
/** Leftovers younger than this may belong to a backup still being written. */
const LEFTOVER_AGE_MS = 24 * 3600 * 1000;
/** setTimeout's longest delay; longer intervals wait in several turns. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function backupFileName(at: Date): string {
  return `portico-${at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '')}.tar.gz`;
}

/** When a backup with this file name was made, or null for any other file. */
function backupTime(name: string): number | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  return Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
}

/** The scheduled backups in `dir`, newest first; other files there are not Portico's to touch. */
export function listBackups(names: readonly string[]): { name: string; at: number }[] {
  return names
    .flatMap((name) => {
      const at = backupTime(name);
      return at === null ? [] : [{ name, at }];
    })
    .sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : -1));
}

/** How long until the next backup is due: one interval after the newest, at most one interval. */
export function nextBackupDelay(dir: string, intervalMs: number, now: number): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return intervalMs;
  }
  const newest = listBackups(names)[0];
  if (!newest) return intervalMs;
  return Math.min(intervalMs, Math.max(0, newest.at + intervalMs - now));
}

/** Keeps the newest `keep` backups and removes the rest, and old leftovers of crashed runs. */
export async function pruneBackups(dir: string, keep: number, now: number): Promise<string[]> {
  const names = await readdir(dir);
  const removed: string[] = [];
  for (const { name } of listBackups(names).slice(keep)) {
    await rm(join(dir, name), { force: true });
    removed.push(name);
  }
  for (const name of names.filter((name) => LEFTOVER_NAME.test(name))) {
    const stats = await stat(join(dir, name)).catch(() => null);
    if (stats && now - stats.mtimeMs > LEFTOVER_AGE_MS) {
      await rm(join(dir, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}

/**
 * `createBackup` in a worker thread. Stopping ends the worker at once; what it leaves (a partial
 * archive, a copy) is removed by a later run's pruning.
 */
function backupInWorker(
  source: BackupSource,
  file: string,
  signal?: AbortSignal,
): Promise<BackupResult> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const worker = new Worker(new URL('./backup.worker.ts', import.meta.url), {
      workerData: { source, file },
    });
    worker.unref();
    const stop = () => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    const settle = () => signal?.removeEventListener('abort', stop);
    worker.once('message', (answer: WorkerAnswer) => {
      settle();
      if (answer.ok) resolve(answer.result);
      else reject(new BackupError(answer.message));
    });
    worker.once('error', (error) => {
      settle();
      reject(error);
    });
    worker.once('exit', () => {
      settle();
      reject(new BackupError('The backup was stopped before it was finished.'));
    });
  });
}

type WorkerAnswer = { ok: true; result: BackupResult } | { ok: false; message: string };

/** Folders with a backup being written now, so two never overlap. */
const writing = new Set<string>();

/**
 * Writes one backup named after `now` into the backup folder, then applies the retention.
 * Resolves with the archive's path, or null when a backup into that folder is already being
 * written.
 */
export async function runScheduledBackup(
  services: BackupServices,
  now: Date = new Date(),
  signal?: AbortSignal,
): Promise<string | null> {
  const { config, log } = services;
  if (writing.has(config.backupDir)) {
    log('Scheduled backup skipped: the previous one is still being written.');
    return null;
  }
  writing.add(config.backupDir);
  try {
    const started = performance.now();
    const { file, bytes, manifest } = await backupInWorker(
      { dataDir: config.dataDir, databasePath: sqlitePath(config) },
      join(config.backupDir, backupFileName(now)),
      signal,
    );
    log(
      `Backup written to ${file} (${formatBytes(bytes)} in ${Math.round(performance.now() - started)} ms).`,
    );
    const lost = lostUploadsNotice(manifest, join(config.dataDir, 'uploads'), 'backup');
    if (lost) log(lost);
    for (const name of await pruneBackups(config.backupDir, config.backupKeep, now.getTime())) {
      log(`Deleted ${join(config.backupDir, name)} (BACKUP_KEEP=${config.backupKeep}).`);
    }
    return file;
  } finally {
    writing.delete(config.backupDir);
  }
}

/**
 * Backs up every BACKUP_INTERVAL_MINUTES into BACKUP_DIR, the first time one interval after the
 * newest backup there, so a restarting server neither skips nor doubles one. The timers never
 * keep the process alive.
 */
export function scheduleBackups(services: BackupServices): BackupSchedule {
  const { config, log } = services;
  const intervalMs = config.backupIntervalMinutes * 60_000;
  if (!intervalMs) return { stop() {} };
  if (isPostgresUrl(config.databaseUrl)) {
    log(POSTGRES_BACKUP_NOTICE);
    return { stop() {} };
  }
  const stopped = new AbortController();
  let timer: NodeJS.Timeout | undefined;

  const wakeAt = (at: number) => {
    if (stopped.signal.aborted) return;
    const wait = at - Date.now();
    timer =
      wait > MAX_TIMER_MS
        ? setTimeout(() => wakeAt(at), MAX_TIMER_MS)
        : setTimeout(() => void run(), Math.max(0, wait));
    timer.unref();
  };

  const run = async () => {
    const started = Date.now();
    try {
      await runScheduledBackup(services, new Date(started), stopped.signal);
    } catch (error) {
      if (!stopped.signal.aborted) {
        const reason = (error instanceof Error ? error.message : String(error)).replace(
          /([^.])$/,
          '$1.',
        );
        log(
          `Scheduled backup failed: ${reason} The next try is in ${config.backupIntervalMinutes} minutes.`,
        );
      }
    }
    wakeAt(started + intervalMs);
  };

  wakeAt(Date.now() + nextBackupDelay(config.backupDir, intervalMs, Date.now()));
  return {
    stop() {
      stopped.abort();
      clearTimeout(timer);
    },
  };
}
