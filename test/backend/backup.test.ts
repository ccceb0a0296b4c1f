import { after, before, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { create, extract } from 'tar';
import { loadConfig } from '../../backend/config.ts';
import { createServices, type Services } from '../../backend/services.ts';
import { createPerson } from '../../backend/session/people.ts';
import { saveUpload, uploadPath } from '../../backend/file/file.store.ts';
import { createBackup } from '../../backend/backup/backup.create.ts';
import { readManifest, restoreBackup } from '../../backend/backup/backup.restore.ts';
import { BackupError, type BackupManifest } from '../../backend/backup/backup.manifest.ts';
import {
  backupFileName,
  nextBackupDelay,
  runScheduledBackup,
  scheduleBackups,
} from '../../backend/backup/backup.schedule.ts';
import { onPostgres, startTestPortico, type TestClient } from '../support/portico.ts';
import { startServerProcess } from '../support/server-process.ts';
import { seedTestCatalog } from '../support/catalog.ts';
import { placeQuoted } from '../support/ordering.ts';
import { data, openTicket, upload, uploaded, type Ticket } from '../support/tickets.ts';
import { png } from '../support/files.ts';

const folders: string[] = [];
async function tempFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}
after(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** `npm run portico -- …` as an operator runs it: its own process, never blocking this one. */
function portico(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['backend/cli.ts', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Rows per table of a SQLite file, counted here rather than by the code under test. */
function rowsOf(path: string): { counts: Record<string, number>; integrity: string } {
  const sqlite = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
  try {
    const tables = sqlite
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .pluck()
      .all() as string[];
    const counts = Object.fromEntries(
      tables.map((table) => [
        table,
        sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number,
      ]),
    );
    return { counts, integrity: sqlite.pragma('integrity_check', { simple: true }) as string };
  } finally {
    sqlite.close();
  }
}

function column(path: string, sql: string): string[] {
  const sqlite = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare(sql).pluck().all() as string[];
  } finally {
    sqlite.close();
  }
}

interface Write {
  kind: 'order' | 'message';
  /** Which customer wrote it: 0 is Anna, 1 is Ben. */
  worker: number;
  /** The order's id, or the message's unique body. */
  key: string;
  sentAfterBackup: boolean;
  ackedBeforeBackup: boolean;
}

/** Backups copy the SQLite file; PostgreSQL has its own tools for that. */
const SQLITE_BACKUPS = onPostgres && "SQLite file backups; PostgreSQL's are the server's tools";

describe('backup and restore', { skip: SQLITE_BACKUPS }, () => {
  it(
    'backs up a running portal under write load; a server on the restored folder serves the same orders, files and sessions',
    { timeout: 240_000 },
    async () => {
      const dataDir = await tempFolder('portico-live-');
      // No AUTH_SECRET: the portal generates auth-secret in its folder, and sessions depend on it.
      const setup = await startTestPortico({ dataDir, env: { AUTH_SECRET: '' } });
      let products: Awaited<ReturnType<typeof seedTestCatalog>>;
      let customers: TestClient[];
      let photo: { id: string };
      let ticket: Ticket;
      const photoBytes = png(12, [20, 120, 200]);
      try {
        products = await seedTestCatalog(setup.services);
        customers = [
          await setup.personWithSession({ email: 'anna@cafe.test', name: 'Anna' }),
          await setup.personWithSession({ email: 'ben@bistro.test', name: 'Ben' }),
        ];
        photo = await uploaded(customers[0]!, photoBytes, 'hopper.png');
        ticket = await openTicket(customers[0]!, { attachmentIds: [photo.id] });
      } finally {
        await setup.close();
      }
      assert.ok(existsSync(join(dataDir, 'auth-secret')));

      const server = await startServerProcess(dataDir, { AUTH_SECRET: '' });
      const writes: Write[] = [];
      const uploadsAckedBefore: { id: string; bytes: Buffer; worker: number }[] = [];
      let backupStarted = false;
      let backupFinished = false;
      let roundsAfterBackup = 0;
      const tickets = new Map<TestClient, string>();
      let warm: () => void;
      const warmedUp = new Promise<void>((resolve) => (warm = resolve));
      const record = (write: Omit<Write, 'ackedBeforeBackup'>) => {
        writes.push({ ...write, ackedBeforeBackup: !backupStarted });
        const ordered = (worker: number) =>
          writes.some((write) => write.worker === worker && write.kind === 'order');
        if (writes.length >= 6 && ordered(0) && ordered(1)) warm();
      };
      try {
        const live = customers.map((client) => client.at(server.url));
        tickets.set(live[0]!, ticket.id);
        tickets.set(live[1]!, (await openTicket(live[1]!)).id);

        /** Orders (up to the per-minute budget), replies, and replies with a new upload. */
        const load = async (client: TestClient, worker: number) => {
          // Bounded by the portal's budgets: 10 orders a minute and 50 uploads a day a person.
          for (let round = 0; round < 500 && roundsAfterBackup < 6; round++) {
            if (backupFinished) roundsAfterBackup++;
            if (round < 9) {
              const sentAfterBackup = backupFinished;
              const placed = await placeQuoted(client, [
                { productId: products.beans, quantity: 1 },
              ]);
              const order = (placed.body.result?.data as { order?: { id: string } } | undefined)
                ?.order;
              if (order) {
                record({ kind: 'order', worker, key: order.id, sentAfterBackup });
              }
            }
            const bytes = Buffer.from(`worker ${worker} round ${round} ${randomUUID()}`);
            const sentAfterBackup = backupFinished;
            const file = round < 40 ? await upload(client, bytes, `note-${round}.txt`) : null;
            const fileId = (file?.body.result?.data as { id?: string } | undefined)?.id;
            const body = `Round ${round} of worker ${worker}: ${randomUUID()}`;
            const reply = await client.mutate('ticket.reply', {
              idempotencyKey: randomUUID(),
              ticketId: tickets.get(client),
              body,
              attachmentIds: fileId ? [fileId] : [],
            });
            if (reply.body.result) {
              record({ kind: 'message', worker, key: body, sentAfterBackup });
              if (fileId && !backupStarted) uploadsAckedBefore.push({ id: fileId, bytes, worker });
            }
          }
        };
        const running = Promise.all(live.map((client, worker) => load(client, worker)));
        await Promise.race([
          warmedUp,
          running.then(() => {
            throw new Error('The load ended before both customers had placed an order.');
          }),
        ]);

        const archive = join(await tempFolder('portico-archive-'), 'nightly.tar.gz');
        backupStarted = true;
        const ackedBefore = writes.length;
        const backup = await portico(['backup', archive], { DATA_DIR: dataDir });
        const ackedDuring = writes.length - ackedBefore;
        backupFinished = true;
        await running;
        assert.equal(backup.code, 0, backup.stderr);
        assert.match(backup.stdout, /^Backup written to .*nightly\.tar\.gz/m);
        assert.match(backup.stdout, /and the auth secret/);
        assert.ok(ackedDuring > 0, 'the portal kept acknowledging writes during the backup');
        assert.ok(writes.some((write) => write.sentAfterBackup));

        const restoredDir = join(await tempFolder('portico-restored-'), 'data');
        const restore = await portico(['restore', archive, '--data-dir', restoredDir]);
        assert.equal(restore.code, 0, restore.stderr);
        assert.match(restore.stdout, /^Restored the backup of /m);
        assert.match(restore.stdout, /Start Portico with DATA_DIR=/);
        assert.match(restore.stdout, /Leave AUTH_SECRET unset/);

        const database = join(restoredDir, 'portico.db');
        const manifest = await readManifest(archive);
        const restored = rowsOf(database);
        assert.equal(restored.integrity, 'ok');
        assert.deepEqual(restored.counts, manifest.rowCounts);
        assert.ok(manifest.migrations.length > 0);
        assert.deepEqual(manifest.missingUploads, []);

        // Everything acknowledged before the backup began is in it; nothing sent after it ended.
        const orders = new Set(column(database, 'SELECT id FROM "order"'));
        const messages = new Set(column(database, 'SELECT body FROM ticketMessage'));
        const has = (write: Write) => (write.kind === 'order' ? orders : messages).has(write.key);
        const before = writes.filter((write) => write.ackedBeforeBackup);
        assert.ok(before.some((write) => write.kind === 'order'));
        assert.ok(before.some((write) => write.kind === 'message'));
        assert.deepEqual(
          before.filter((write) => !has(write)),
          [],
        );
        assert.deepEqual(
          writes.filter((write) => write.sentAfterBackup && has(write)),
          [],
        );
        // Every upload the copy refers to has its bytes in the restored folder.
        for (const sha256 of column(database, 'SELECT DISTINCT sha256 FROM upload')) {
          assert.ok(existsSync(uploadPath(restoredDir, sha256)), `upload ${sha256}`);
        }

        await server.stop();
        const again = await startServerProcess(restoredDir, { AUTH_SECRET: '' });
        try {
          // The same session cookie works: the restored auth secret signs it.
          const anna = customers[0]!.at(again.url);
          const order = before.find((write) => write.kind === 'order' && write.worker === 0)!;
          const shown = data<{ id: string; number: string }>(
            await anna.query('order.byId', { orderId: order.key }),
          );
          assert.equal(shown.id, order.key);
          const thread = data<Ticket>(await anna.query('ticket.byId', { ticketId: ticket.id }));
          assert.equal(thread.messages[0]?.attachments[0]?.id, photo.id);
          const download = await anna.request(`/api/files/${photo.id}`);
          assert.equal(download.status, 200);
          assert.deepEqual(Buffer.from(await download.arrayBuffer()), photoBytes);
          // Anna's: Ben's uploads are on his account's ticket, which she may not read.
          const during = uploadsAckedBefore.filter((upload) => upload.worker === 0).at(-1);
          assert.ok(during, 'an upload of Anna was acknowledged before the backup');
          const note = await anna.request(`/api/files/${during.id}`);
          assert.deepEqual(Buffer.from(await note.arrayBuffer()), during.bytes);
        } finally {
          await again.stop();
        }
      } finally {
        await server.stop();
      }
    },
  );

  describe('refusals', () => {
    let services: Services;
    let dataDir: string;
    let archive: string;
    let sha256: string;

    before(async () => {
      dataDir = await tempFolder('portico-small-');
      services = await createServices(
        loadConfig({ DATA_DIR: dataDir, AUTH_SECRET: 'z'.repeat(32) }),
        { log: () => {} },
      );
      const userId = await createPerson(services.auth, {
        email: 'cleo@cafe.test',
        name: 'Cleo',
        password: 'correct horse battery',
        role: 'customer',
      });
      await saveUpload(
        services.db,
        dataDir,
        { bytes: Buffer.from('delivery note'), name: 'note.txt', mediaType: 'text/plain' },
        { userId, accountId: null },
      );
      sha256 = column(join(dataDir, 'portico.db'), 'SELECT sha256 FROM upload')[0]!;
      archive = join(await tempFolder('portico-archives-'), 'small.tar.gz');
      const { manifest } = await createBackup(
        { dataDir, databasePath: join(dataDir, 'portico.db') },
        archive,
      );
      await services.close();
      assert.equal(manifest.files.uploads, 1);
      assert.equal(manifest.files.authSecret, false);
      assert.equal(manifest.rowCounts.user, 1);
    });

    it('refuses a folder that is not empty and leaves it as it was', async () => {
      const target = await tempFolder('portico-occupied-');
      await writeFile(join(target, 'keep.txt'), 'mine');
      const result = await portico(['restore', archive, '--data-dir', target]);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /is not empty/);
      assert.deepEqual(await readdir(target), ['keep.txt']);
    });

    it('explains a missing, a damaged and a foreign archive, and leaves no folder behind', async () => {
      const parent = await tempFolder('portico-refused-');
      const missing = await portico([
        'restore',
        join(parent, 'nope.tar.gz'),
        '--data-dir',
        join(parent, 'a'),
      ]);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /There is no backup at/);

      const truncated = join(parent, 'truncated.tar.gz');
      await writeFile(truncated, (await readFile(archive)).subarray(0, 4000));
      const damaged = await portico(['restore', truncated, '--data-dir', join(parent, 'b')]);
      assert.equal(damaged.code, 1);
      assert.match(damaged.stderr, /is damaged or is not a Portico backup/);
      assert.equal(existsSync(join(parent, 'b')), false);

      const foreign = join(parent, 'foreign.tar.gz');
      await mkdir(join(parent, 'stuff'));
      await writeFile(join(parent, 'stuff', 'readme.txt'), 'not a backup');
      await create({ file: foreign, cwd: join(parent, 'stuff'), gzip: true }, ['readme.txt']);
      await assert.rejects(restoreBackup(foreign, join(parent, 'c')), (error: Error) => {
        assert.ok(error instanceof BackupError);
        assert.match(error.message, /is not a Portico backup/);
        return true;
      });
      assert.equal(existsSync(join(parent, 'c')), false);

      const usage = await portico(['restore', archive]);
      assert.equal(usage.code, 2);
      assert.match(usage.stderr, /--data-dir/);
      const nothing = await portico(['backup', join(parent, 'x.tar.gz')], {
        DATA_DIR: join(parent, 'no-portal-here'),
      });
      assert.equal(nothing.code, 1);
      assert.match(nothing.stderr, /There is no Portico database at/);
    });

    /** Unpacks the small backup, lets `change` alter it, and packs it again. */
    async function tampered(change: (folder: string) => Promise<void>): Promise<string> {
      const folder = await tempFolder('portico-tamper-');
      await extract({ file: archive, cwd: folder });
      await change(folder);
      const file = `${folder}.tar.gz`;
      folders.push(file);
      await create({ file, cwd: folder, gzip: true }, await readdir(folder));
      return file;
    }
    const editManifest = (edit: (manifest: BackupManifest) => void) =>
      tampered(async (folder) => {
        const path = join(folder, 'manifest.json');
        const manifest = JSON.parse(await readFile(path, 'utf8')) as BackupManifest;
        edit(manifest);
        await writeFile(path, JSON.stringify(manifest));
      });

    it('refuses a backup whose database lacks rows its manifest counted', async () => {
      const file = await editManifest((manifest) => {
        manifest.rowCounts.user = 2;
      });
      const target = join(await tempFolder('portico-rows-'), 'data');
      await assert.rejects(restoreBackup(file, target), /user: 2 in the manifest, 1 restored/);
      assert.equal(existsSync(target), false);
    });

    it('refuses a backup whose upload bytes were changed', async () => {
      const file = await tampered((folder) =>
        writeFile(uploadPath(folder, sha256), 'a different delivery note'),
      );
      const target = await tempFolder('portico-bytes-');
      await assert.rejects(restoreBackup(file, target), /missing or damaged in the backup/);
      assert.deepEqual(await readdir(target), []);
    });

    it('refuses a backup made by a newer Portico', async () => {
      const file = await editManifest((manifest) => {
        manifest.formatVersion = 99;
      });
      await assert.rejects(
        restoreBackup(file, join(await tempFolder('portico-newer-'), 'data')),
        /made by a newer Portico/,
      );
    });
  });

  it('backs up around uploads already missing or damaged, and restore reports them as known lost', async () => {
    const dataDir = await tempFolder('portico-lost-');
    const services = await createServices(
      loadConfig({ DATA_DIR: dataDir, AUTH_SECRET: 'z'.repeat(32) }),
      { log: () => {} },
    );
    try {
      const userId = await createPerson(services.auth, {
        email: 'dora@cafe.test',
        name: 'Dora',
        password: 'correct horse battery',
        role: 'customer',
      });
      const save = async (text: string) => {
        const bytes = Buffer.from(text);
        await saveUpload(
          services.db,
          dataDir,
          { bytes, name: 'note.txt', mediaType: 'text/plain' },
          { userId, accountId: null },
        );
        return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
      };
      const sound = await save('a sound delivery note');
      const damaged = await save('a delivery note the disk will damage');
      const missing = await save('a delivery note someone will delete');
      // A flipped byte: same size, other content. And a file gone altogether.
      const bent = Buffer.from(damaged.bytes);
      bent[0]! ^= 0xff;
      await writeFile(uploadPath(dataDir, damaged.sha256), bent);
      await rm(uploadPath(dataDir, missing.sha256));

      const archives = await tempFolder('portico-lost-archives-');
      const file = join(archives, 'lost.tar.gz');
      const backup = await portico(['backup', file], { DATA_DIR: dataDir });
      assert.equal(backup.code, 0, backup.stderr);
      assert.match(
        backup.stdout,
        /2 uploaded file\(s\) the database refers to could not be backed up: 1 missing from the data folder and 1 damaged \(the bytes no longer match the digest\), such as [0-9a-f]{64}\. The backup lists them in its manifest/,
      );
      const manifest = await readManifest(file);
      assert.deepEqual(manifest.damagedUploads, [damaged.sha256]);
      assert.deepEqual(manifest.missingUploads, [missing.sha256]);
      assert.equal(manifest.files.uploads, 1, 'only the sound upload is in the archive');

      const target = join(await tempFolder('portico-lost-restored-'), 'data');
      const restore = await portico(['restore', file, '--data-dir', target]);
      assert.equal(restore.code, 0, restore.stderr);
      assert.match(
        restore.stdout,
        /2 uploaded file\(s\) the database refers to were already lost when this backup was made: 1 missing from the data folder and 1 damaged/,
      );
      assert.deepEqual(await readFile(uploadPath(target, sound.sha256)), sound.bytes);
      assert.equal(existsSync(uploadPath(target, damaged.sha256)), false);
      assert.equal(rowsOf(join(target, 'portico.db')).counts.upload, 3);

      // The same file uploaded again repairs the damaged one, and the next backup holds it.
      await save('a delivery note the disk will damage');
      const repaired = await createBackup(
        { dataDir, databasePath: join(dataDir, 'portico.db') },
        join(archives, 'repaired.tar.gz'),
      );
      assert.deepEqual(repaired.manifest.damagedUploads, []);
      assert.deepEqual(await readFile(uploadPath(dataDir, damaged.sha256)), damaged.bytes);
    } finally {
      await services.close();
    }
  });

  it(
    'finishes a copy that writes from another connection keep restarting',
    { timeout: 30_000 },
    async () => {
      const dataDir = await tempFolder('portico-busy-');
      const path = join(dataDir, 'portico.db');
      const writer = new SqliteDatabase(path);
      writer.pragma('journal_mode = WAL');
      writer.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, bytes BLOB)');
      const insert = writer.prepare('INSERT INTO filler (bytes) VALUES (?)');
      // About 3000 pages: the copy takes several steps, and each write in between restarts it.
      writer.transaction(() => {
        for (let row = 0; row < 3000; row++) insert.run(Buffer.alloc(3000, row % 256));
      })();
      let writing = true;
      let written = 0;
      const keepWriting = () => {
        if (!writing) return;
        insert.run(Buffer.alloc(100, 1));
        written++;
        setImmediate(keepWriting);
      };
      keepWriting();
      try {
        const archive = join(dataDir, 'busy.tar.gz');
        const { manifest } = await createBackup({ dataDir, databasePath: path }, archive);
        assert.ok(written > 0);
        assert.ok(manifest.rowCounts.filler! >= 3000);
        const target = join(dataDir, 'restored');
        const { rows } = await restoreBackup(archive, target);
        assert.equal(rows, manifest.rowCounts.filler);
      } finally {
        writing = false;
        writer.close();
      }
    },
  );

  describe('scheduled backups', () => {
    const HOUR = 3600_000;
    const start = Date.parse('2031-03-01T00:00:00Z');
    let services: Services;
    const lines: string[] = [];
    const waiters: { pattern: RegExp; resolve: () => void }[] = [];
    const logged = (pattern: RegExp) =>
      new Promise<void>((resolve) => waiters.push({ pattern, resolve }));
    after(() => services?.close());

    it('names each by its time, keeps the newest BACKUP_KEEP and nothing else of the folder', async () => {
      const dataDir = await tempFolder('portico-scheduled-');
      services = await createServices(
        loadConfig({
          DATA_DIR: dataDir,
          AUTH_SECRET: 'z'.repeat(32),
          BACKUP_INTERVAL_MINUTES: '60',
          BACKUP_KEEP: '2',
        }),
        {
          log: (json) => {
            // The structured log's message, or the line itself from a plain logger.
            const line = (JSON.parse(json) as { msg?: string }).msg ?? json;
            lines.push(line);
            for (const waiter of waiters.filter((waiter) => waiter.pattern.test(line))) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve();
            }
          },
        },
      );
      const dir = services.config.backupDir;
      assert.equal(dir, join(dataDir, 'backups'));
      assert.equal(nextBackupDelay(dir, HOUR, start), HOUR);

      await mkdir(dir);
      await writeFile(join(dir, 'notes.txt'), 'the vendor’s own file');
      await writeFile(join(dir, 'portico-before-upgrade.tar.gz'), 'a manual backup');
      const stale = join(dir, `${backupFileName(new Date(start - 48 * HOUR))}.x.part`);
      const fresh = join(dir, `${backupFileName(new Date(start))}.y.part`);
      await writeFile(stale, 'left by a crash');
      await writeFile(fresh, 'still being written');
      const twoDaysAgo = new Date(start - 48 * HOUR);
      await utimes(stale, twoDaysAgo, twoDaysAgo);
      await utimes(fresh, new Date(start), new Date(start));

      for (const hours of [0, 1, 2]) {
        const file = await runScheduledBackup(services, new Date(start + hours * HOUR));
        assert.equal(file, join(dir, backupFileName(new Date(start + hours * HOUR))));
      }
      assert.equal(backupFileName(new Date(start + HOUR)), 'portico-20310301T010000Z.tar.gz');
      assert.deepEqual(
        (await readdir(dir)).sort(),
        [
          'notes.txt',
          'portico-20310301T010000Z.tar.gz',
          'portico-20310301T020000Z.tar.gz',
          'portico-before-upgrade.tar.gz',
          basename(fresh),
        ].sort(),
      );
      assert.ok(lines.some((line) => /^Deleted .*portico-20310301T000000Z\.tar\.gz/.test(line)));

      assert.equal(nextBackupDelay(dir, HOUR, start + 2 * HOUR + 10 * 60_000), 50 * 60_000);
      assert.equal(nextBackupDelay(dir, HOUR, start + 5 * HOUR), 0);

      const newest = join(dir, 'portico-20310301T020000Z.tar.gz');
      const restored = await restoreBackup(newest, join(dataDir, 'restored'));
      assert.equal(
        restored.manifest.rowCounts.setting,
        rowsOf(join(services.config.dataDir, 'portico.db')).counts.setting,
      );
    });

    it('never writes two at once', async () => {
      const at = new Date(start + 3 * HOUR);
      const results = await Promise.all([
        runScheduledBackup(services, at),
        runScheduledBackup(services, at),
      ]);
      assert.equal(results.filter((result) => result === null).length, 1);
      assert.ok(lines.some((line) => /still being written/.test(line)));
    });

    it('abandons a backup being written when stopped', async () => {
      const at = new Date(start + 3 * HOUR + 30 * 60_000);
      const stopping = new AbortController();
      const abandoned = runScheduledBackup(services, at, stopping.signal);
      stopping.abort();
      await assert.rejects(abandoned, BackupError);
      assert.equal(existsSync(join(services.config.backupDir, backupFileName(at))), false);
    });

    it(
      'runs one interval after the newest backup, and not after stop',
      { timeout: 60_000 },
      async () => {
        // The newest is now 03:00; the server starts at 03:10, so the next is due at 04:00.
        mock.timers.enable({ apis: ['setTimeout', 'Date'], now: start + 3 * HOUR + 10 * 60_000 });
        try {
          const schedule = scheduleBackups(services);
          const written = logged(/^Backup written to .*portico-20310301T040000Z\.tar\.gz/);
          const pruned = logged(/^Deleted /);
          mock.timers.tick(50 * 60_000 - 1);
          mock.timers.tick(1);
          await written;
          assert.equal(lines.filter((line) => /T035959Z/.test(line)).length, 0);
          await pruned;
          await new Promise((resolve) => setImmediate(resolve));
          schedule.stop();
          mock.timers.tick(5 * HOUR);
          // Nothing was started by the stopped schedule, so this one is not skipped.
          assert.ok(await runScheduledBackup(services, new Date(start + 9 * HOUR)));
        } finally {
          mock.timers.reset();
        }
      },
    );
  });
});
