import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { onPostgres, startTestPortico, type TestPortico } from '../support/portico.ts';
import { readManifest } from '../../backend/backup/backup.restore.ts';

/** Waits, bounded, until the folder's file names satisfy `done`. */
async function namesUntil(dir: string, done: (names: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const names = (await readdir(dir)).sort();
    if (done(names)) return names;
    assert.ok(Date.now() < deadline, `the backups folder stayed at ${names.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Backups copy the SQLite file; PostgreSQL has its own tools for that. */
const SQLITE_BACKUPS = onPostgres && "SQLite file backups; PostgreSQL's are the server's tools";

describe('scheduled backups in a running server', { skip: SQLITE_BACKUPS }, () => {
  let dataDir: string;
  let portico: TestPortico;
  const stale = 'portico-20200101T000000Z.tar.gz';
  const foreign = 'notes.txt';

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'portico-schedule-'));
    // A backup from long ago makes the next one due at once: no test waits out an interval.
    await mkdir(join(dataDir, 'backups'));
    await writeFile(join(dataDir, 'backups', stale), '');
    await writeFile(join(dataDir, 'backups', foreign), 'the vendor keeps this here');
    portico = await startTestPortico({
      dataDir,
      env: { BACKUP_INTERVAL_MINUTES: '60', BACKUP_KEEP: '1' },
    });
  });

  after(async () => {
    await portico.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes the overdue backup, keeps only the newest and leaves other files alone', async () => {
    const names = await namesUntil(
      join(dataDir, 'backups'),
      (names) => !names.includes(stale) && names.some((name) => name !== foreign),
    );
    assert.equal(names.length, 2);
    assert.ok(names.includes(foreign));
    const written = names.find((name) => name !== foreign)!;
    assert.match(written, /^portico-\d{8}T\d{6}Z\.tar\.gz$/);
    const manifest = await readManifest(join(dataDir, 'backups', written));
    assert.ok(manifest.rowCounts.user !== undefined, 'the manifest counts the tables');
    assert.ok(manifest.migrations.length > 0);
  });
});
