import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';

/** Uploads one person may make in a day: enough for any conversation, not for a file store. */
export const DAILY_UPLOADS = 50;

export interface StoredUpload {
  id: string;
  name: string;
  size: number;
  mediaType: string;
}

/** Where a file with this digest lives: `uploads/ab/abcdef…`, so no folder grows too large. */
export function uploadPath(dataDir: string, sha256: string): string {
  return join(dataDir, 'uploads', sha256.slice(0, 2), sha256);
}

/**
 * Writes the bytes once per content (a second upload of the same file reuses them), and makes
 * them durable before the caller writes the row that names them: the file's data is flushed,
 * then the folder that holds its name, so a power cut after the row commits cannot leave a row
 * whose file is empty, torn or gone. A file already there is reused only when it still holds
 * these bytes, and is flushed again (cheap when it already is on disk: an earlier upload may
 * have stopped between its rename and its flush); a damaged one is written anew, which repairs
 * every attachment that names it.
 */
async function storeBytes(dataDir: string, bytes: Uint8Array): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = uploadPath(dataDir, sha256);
  const folder = dirname(path);
  const found = await readFile(path).catch(() => null);
  if (found?.equals(bytes)) {
    await syncFile(path);
  } else {
    const created = await mkdir(folder, { recursive: true });
    const partial = `${path}.${newId()}.part`;
    try {
      const handle = await open(partial, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    // A folder made just now is itself a new name in its parent: flush each parent it needs.
    if (created !== undefined) {
      for (let made = folder; made !== dirname(created); made = dirname(made)) {
        await syncFolder(dirname(made));
      }
    }
  }
  await syncFolder(folder);
  return sha256;
}

/** Flushes a file's data to the disk. */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Flushes a folder's list of names to the disk, so a file renamed into it stays there. Windows
 * cannot open a folder to flush it, and its file system journals names itself.
 */
async function syncFolder(path: string): Promise<void> {
  if (process.platform !== 'win32') await syncFile(path);
}

export async function uploadsToday(db: Db, userId: string): Promise<number> {
  const since = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
  const row = await db
    .selectFrom('upload')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('uploadedBy', '=', userId)
    .where('createdAt', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function saveUpload(
  db: Db,
  dataDir: string,
  file: { bytes: Uint8Array; name: string; mediaType: string },
  owner: { userId: string; accountId: string | null },
): Promise<StoredUpload> {
  const sha256 = await storeBytes(dataDir, file.bytes);
  const row = {
    id: newId(),
    sha256,
    size: file.bytes.byteLength,
    mediaType: file.mediaType,
    name: file.name,
    uploadedBy: owner.userId,
    accountId: owner.accountId,
    messageId: null,
    chatMessageId: null,
    createdAt: timestamp(),
  };
  await db.insertInto('upload').values(row).execute();
  return { id: row.id, name: row.name, size: row.size, mediaType: row.mediaType };
}

/** Who is asking for a file: staff see every attachment, a customer only their account's. */
export type FileReader =
  { kind: 'staff'; userId: string } | { kind: 'customer'; userId: string; accountId: string };

/**
 * An upload the reader may download: one on a ticket or chat message they may see, or one they uploaded
 * themselves and have not sent yet. Anything else is reported exactly like a missing file.
 */
export async function readableUpload(db: Db, reader: FileReader, id: string) {
  let query = db
    .selectFrom('upload')
    .leftJoin('ticketMessage', 'ticketMessage.id', 'upload.messageId')
    .leftJoin('ticket', 'ticket.id', 'ticketMessage.ticketId')
    .leftJoin('chatMessage', 'chatMessage.id', 'upload.chatMessageId')
    .leftJoin('chatConversation', 'chatConversation.id', 'chatMessage.conversationId')
    .select(['upload.sha256', 'upload.name', 'upload.mediaType', 'upload.size'])
    .where('upload.id', '=', id);
  if (reader.kind === 'customer') {
    query = query.where((eb) =>
      eb.or([
        eb.and([
          eb('ticket.accountId', '=', reader.accountId),
          eb('ticketMessage.internal', '=', 0),
        ]),
        eb('chatConversation.accountId', '=', reader.accountId),
        eb.and([
          eb('upload.messageId', 'is', null),
          eb('upload.chatMessageId', 'is', null),
          eb('upload.uploadedBy', '=', reader.userId),
          eb('upload.accountId', '=', reader.accountId),
        ]),
      ]),
    );
  } else {
    query = query.where((eb) =>
      eb.or([
        eb('upload.messageId', 'is not', null),
        eb('upload.chatMessageId', 'is not', null),
        eb('upload.uploadedBy', '=', reader.userId),
      ]),
    );
  }
  return (await query.executeTakeFirst()) ?? null;
}

export const readUploadBytes = (dataDir: string, sha256: string) =>
  readFile(uploadPath(dataDir, sha256));

/**
 * Gives unsent uploads to a message. Each must be the author's own, unsent, and for this
 * account; returns false (and changes nothing) when any is not.
 */
export async function attachUploads(
  trx: Db,
  ids: readonly string[],
  messageId: string,
  owner: { userId: string; accountId: string | null },
  carrier: 'messageId' | 'chatMessageId' = 'messageId',
): Promise<boolean> {
  if (ids.length === 0) return true;
  const result = await trx
    .updateTable('upload')
    .set({ [carrier]: messageId })
    .where('id', 'in', ids)
    .where('messageId', 'is', null)
    .where('chatMessageId', 'is', null)
    .where('uploadedBy', '=', owner.userId)
    .where(sql<boolean>`"accountId" is not distinct from ${owner.accountId}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === ids.length;
}
