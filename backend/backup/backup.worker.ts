import { parentPort, workerData } from 'node:worker_threads';
import { createBackup, type BackupSource } from './backup.create.ts';

/**
 * A scheduled backup runs here, off the server's thread: the copy's last step, SQLite's
 * integrity check and the row counts are synchronous, and would otherwise hold up requests for
 * as long as they take on a large database.
 */
const { source, file } = workerData as { source: BackupSource; file: string };
createBackup(source, file).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (error: unknown) =>
    parentPort!.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    }),
);
