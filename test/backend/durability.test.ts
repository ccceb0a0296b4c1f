import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { readlinkSync, realpathSync } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  onPostgres,
  startTestPortico,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { uploaded } from '../support/tickets.ts';
import { pdf } from '../support/files.ts';
import { uploadPath } from '../../backend/file/file.store.ts';

/** SQLite's number for `synchronous = FULL`: every commit waits for the disk. */
const SYNCHRONOUS_FULL = 2;

interface Flush {
  /** What the flushed descriptor named when it was flushed. */
  path: string;
  /** Upload rows naming the file at that moment. */
  rows: number;
}

/**
 * Records every flush (`FileHandle.sync`/`datasync`) made in this process under `root` while
 * `run` runs, with how many upload rows name `sha256` at that moment, so a test can tell the
 * flushes came before the row. Node's own FileHandle is observed; it still flushes as before.
 * Linux only: the flushed path is read from /proc/self/fd.
 */
async function flushesDuring(
  portico: TestPortico,
  root: string,
  sha256: string,
  run: () => Promise<unknown>,
): Promise<Flush[]> {
  const probe = await open(fileURLToPath(import.meta.url), 'r');
  const prototype = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  const rowsNaming = portico.services.sqlite!.prepare(
    'SELECT count(*) FROM upload WHERE sha256 = ?',
  );
  const flushes: Flush[] = [];
  const originals = { sync: prototype.sync, datasync: prototype.datasync };
  for (const name of ['sync', 'datasync'] as const) {
    const original = originals[name];
    prototype[name] = function (this: FileHandle) {
      const path = readlinkSync(`/proc/self/fd/${this.fd}`);
      if (path.startsWith(root)) {
        flushes.push({ path, rows: rowsNaming.pluck().get(sha256) as number });
      }
      return original.call(this);
    };
  }
  try {
    await run();
  } finally {
    Object.assign(prototype, originals);
  }
  return flushes;
}

/** These are about the SQLite file and its folder; on PostgreSQL the server keeps its own. */
const SQLITE_FILE = onPostgres && "SQLite file durability; PostgreSQL's is the server's";

describe('durability: what is acknowledged survives a power cut', { skip: SQLITE_FILE }, () => {
  let portico: TestPortico;
  let anna: TestClient;
  before(async () => {
    portico = await startTestPortico();
    anna = await portico.personWithSession({ email: 'anna@cafe.test', name: 'Anna' });
  });
  after(() => portico.close());

  it('runs the server’s own database connection with synchronous = FULL and a write-ahead log', () => {
    // The setting belongs to a connection, so it is read from the one the server writes through.
    const sqlite = portico.services.sqlite!;
    assert.equal(sqlite.pragma('synchronous', { simple: true }), SYNCHRONOUS_FULL);
    assert.equal(sqlite.pragma('journal_mode', { simple: true }), 'wal');
  });

  it(
    'flushes an upload’s bytes and the folders naming it before the row that names it is written',
    { skip: process.platform !== 'linux' && 'reads flushed paths from /proc/self/fd' },
    async () => {
      const bytes = await pdf(`Delivery note ${randomUUID()}`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const root = realpathSync(portico.dataDir);
      const file = uploadPath(root, sha256);
      const folder = dirname(file);

      const first = await flushesDuring(portico, root, sha256, () =>
        uploaded(anna, bytes, 'note.pdf'),
      );
      const before = first.filter((flush) => flush.rows === 0).map((flush) => flush.path);
      assert.ok(
        before.some(
          (path) => path === file || (path.startsWith(`${file}.`) && path.endsWith('.part')),
        ),
        `the file's bytes are flushed before its row: ${JSON.stringify(first)}`,
      );
      assert.ok(
        before.includes(folder),
        `its folder is flushed before its row: ${JSON.stringify(first)}`,
      );
      // The folder was new (a fresh digest prefix in a fresh data folder): its name is flushed too.
      assert.ok(
        before.includes(join(root, 'uploads')),
        `the folder's parent is flushed before its row: ${JSON.stringify(first)}`,
      );
      assert.deepEqual(await readFile(file), bytes);

      // The same bytes again reuse the file, and flush it again before the second row.
      const second = await flushesDuring(portico, root, sha256, () =>
        uploaded(anna, bytes, 'copy.pdf'),
      );
      const beforeSecond = second.filter((flush) => flush.rows === 1).map((flush) => flush.path);
      assert.ok(beforeSecond.includes(file), `reused: ${JSON.stringify(second)}`);
      assert.ok(beforeSecond.includes(folder), `reused: ${JSON.stringify(second)}`);
    },
  );
});
