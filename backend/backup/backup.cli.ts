import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { isPostgresUrl, loadConfig, sqlitePath } from '../config.ts';
import { createBackup, type BackupSource } from './backup.create.ts';
import { formatBytes, POSTGRES_BACKUP_NOTICE } from './backup.format.ts';
import { ARCHIVE, lostUploadsNotice, porticoVersion } from './backup.manifest.ts';
import { restoreBackup } from './backup.restore.ts';

export const BACKUP_USAGE = `  backup <file.tar.gz>
      Writes a backup of the database, the uploaded files, the media and the generated auth
      secret into one archive. The server may keep running and writing meanwhile.
  restore <file.tar.gz> --data-dir <new folder>
      Unpacks a backup into a new, empty data folder and checks it is whole; then start
      Portico with DATA_DIR set to that folder.`;

/**
 * Stands in for AUTH_SECRET while the data folder is located: neither command needs the
 * secret, and without one loadConfig would write a new auth-secret into the live data folder.
 */
const SECRET_STAND_IN = 'backup-needs-no-secret-backup-needs-no-secret';

/** The data folder and database file, from the same DATA_DIR and DATABASE_URL the server reads. */
function dataLocation(env: NodeJS.ProcessEnv): BackupSource {
  const config = loadConfig({
    DATA_DIR: env.DATA_DIR,
    DATABASE_URL: env.DATABASE_URL,
    AUTH_SECRET: SECRET_STAND_IN,
  });
  return { dataDir: config.dataDir, databasePath: sqlitePath(config) };
}

/** Where a command's report goes: the CLI's standard output. */
type Print = (line: string) => void;

/** `npm run portico -- backup <file>`; resolves with the exit code. */
export async function backupCommand(
  args: string[],
  print: Print,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error('backup needs one path to write the archive to, such as portico-backup.tar.gz.');
    return 2;
  }
  if (isPostgresUrl(env.DATABASE_URL ?? '')) {
    console.error(POSTGRES_BACKUP_NOTICE);
    return 2;
  }
  const source = dataLocation(env);
  const { file: written, bytes, manifest } = await createBackup(source, file);
  const rows = Object.values(manifest.rowCounts).reduce((sum, count) => sum + count, 0);
  const tables = Object.keys(manifest.rowCounts).length;
  print(
    `Backup written to ${written} (${formatBytes(bytes)}): ${rows} rows in ${tables} tables, ${manifest.files.uploads} uploaded files, ${manifest.files.media} media files${manifest.files.authSecret ? ' and the auth secret' : ''}.`,
  );
  const lost = lostUploadsNotice(manifest, join(source.dataDir, ARCHIVE.uploads), 'backup');
  if (lost) print(lost);
  print(
    'Keep it as safe as the data folder itself: it holds every customer’s data' +
      (manifest.files.authSecret ? ' and the secret their sessions are signed with.' : '.'),
  );
  return 0;
}

/** `npm run portico -- restore <file> --data-dir <folder>`; resolves with the exit code. */
export async function restoreCommand(args: string[], print: Print): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' } },
  });
  const [file] = positionals;
  const dataDir = values['data-dir'];
  if (!file || positionals.length > 1 || !dataDir) {
    console.error(
      'restore needs the backup and a new folder: npm run portico -- restore <file.tar.gz> --data-dir <folder>',
    );
    return 2;
  }
  const { dataDir: restored, manifest, tables, rows } = await restoreBackup(file, dataDir);
  const steps = [
    'Stop the Portico that runs now, if one does.',
    `Start Portico with DATA_DIR=${restored} (and DATABASE_URL unset, or set to sqlite:${join(restored, ARCHIVE.database)}).`,
    manifest.files.authSecret
      ? `Leave AUTH_SECRET unset: the backup's generated secret is in ${join(restored, ARCHIVE.authSecret)}, and sessions and backup codes depend on it.`
      : 'Set AUTH_SECRET to the value it had when the backup was made: sessions, backup codes and sign-in hand-offs depend on it.',
    `Check the newest orders and tickets: everything written before ${manifest.createdAt} is in this backup, anything later may be missing.`,
  ];
  if (manifest.porticoVersion !== porticoVersion()) {
    steps.splice(
      2,
      0,
      `The backup was made by Portico ${manifest.porticoVersion} and this is ${porticoVersion()}: the server brings the database up to date when it starts.`,
    );
  }
  print(
    `Restored the backup of ${manifest.createdAt} into ${restored}: ${rows} rows in ${tables} tables, ${manifest.files.uploads} uploaded files and ${manifest.files.media} media files; SQLite's integrity check is ok.`,
  );
  const lost = lostUploadsNotice(manifest, join(restored, ARCHIVE.uploads), 'restore');
  if (lost) print(lost);
  print(['Next:', ...steps.map((step, index) => `  ${index + 1}. ${step}`)].join('\n'));
  return 0;
}
