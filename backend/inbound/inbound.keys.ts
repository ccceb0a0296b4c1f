import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';
import { refuse } from '../errors.ts';
import { InboundError } from './inbound.errors.ts';

/** How much of a key the console shows to tell keys apart (`pk_` and 8 more). */
const PREFIX_LENGTH = 11;
/** lastUsedAt is written at most this often per key, not on every call. */
const USE_RESOLUTION_MS = 60_000;

const KEY_COLUMNS = ['id', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'revokedAt'] as const;

export interface InboundKeyView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export async function listKeys(db: Db): Promise<{ items: InboundKeyView[] }> {
  const items = await db
    .selectFrom('inboundKey')
    .select(KEY_COLUMNS)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return { items };
}

function keyView(db: Db, id: string): Promise<InboundKeyView> {
  return db
    .selectFrom('inboundKey')
    .select(KEY_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** A new key: `pk_` and 32 random bytes. Only its hash is kept; the answer is the one sight of it. */
export async function createKey(
  db: Db,
  name: string,
  createdBy: string,
): Promise<{ key: string; item: InboundKeyView }> {
  const key = `pk_${randomBytes(32).toString('base64url')}`;
  const id = newId();
  await db
    .insertInto('inboundKey')
    .values({
      id,
      name,
      prefix: key.slice(0, PREFIX_LENGTH),
      keyHash: hashKey(key),
      createdBy,
      createdAt: timestamp(),
      lastUsedAt: null,
      revokedAt: null,
    })
    .execute();
  return { key, item: await keyView(db, id) };
}

/** Refuses the key from the next call on; revoking a revoked key changes nothing. */
export async function revokeKey(db: Db, id: string): Promise<InboundKeyView> {
  await db
    .updateTable('inboundKey')
    .set({ revokedAt: timestamp() })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();
  const key = await db
    .selectFrom('inboundKey')
    .select(KEY_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!key) throw refuse('NOT_FOUND', InboundError, 'KEY_NOT_FOUND');
  return key;
}

export interface InboundCaller {
  keyId: string;
  /** Shown on the order timelines as who made the change. */
  name: string;
}

/** The key behind an `Authorization: Bearer pk_…` header, or null (missing, unknown, revoked). */
export async function authenticate(
  db: Db,
  authorization: string | undefined,
): Promise<InboundCaller | null> {
  const match = /^Bearer\s+(pk_[A-Za-z0-9_-]{20,100})\s*$/.exec(authorization ?? '');
  if (!match) return null;
  const key = await db
    .selectFrom('inboundKey')
    .select(['id', 'name', 'lastUsedAt'])
    .where('keyHash', '=', hashKey(match[1]!))
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (!key) return null;
  const now = Date.now();
  if (!key.lastUsedAt || now - Date.parse(key.lastUsedAt) >= USE_RESOLUTION_MS) {
    await db
      .updateTable('inboundKey')
      .set({ lastUsedAt: new Date(now).toISOString() })
      .where('id', '=', key.id)
      .execute();
  }
  return { keyId: key.id, name: key.name };
}
