import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { readSetting, writeSetting } from './setting.store.ts';
import { refuse } from '../errors.ts';
import { SettingsError } from './settings.errors.ts';

const KEY = 'embedOrigins';
export const MAX_STORED_ORIGINS = 50;

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** `https://host[:port]`, or `http://localhost[:port]` for a vendor trying things out. */
const ORIGIN_SHAPE = new RegExp(
  `^(?:https://${LABEL}(?:\\.${LABEL})*|http://localhost)(?::\\d{1,5})?$`,
);

/**
 * An origin an administrator adds by hand: a scheme and a host, nothing else. Paths, wildcards,
 * user names and plain http (other than localhost) are refused; a default port is dropped, as
 * browsers drop it from the Origin header.
 */
export const embedOriginSchema = z
  .string()
  .trim()
  .max(300)
  .transform((value) => value.toLowerCase().replace(/\/$/, ''))
  .refine(
    (value) => ORIGIN_SHAPE.test(value),
    'An origin such as https://www.vendor.example or http://localhost:3000, without a path or *.',
  )
  .refine((value) => {
    const port = /:(\d+)$/.exec(value)?.[1];
    return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
  }, 'A port from 1 to 65535.')
  .refine((value) => URL.canParse(value), 'That is not a host name a browser can reach.')
  .transform((value) => new URL(value).origin);

/**
 * An origin as it is stored (lower case, no trailing slash, no default port), for finding one
 * typed differently: `HTTPS://Shop.Example/` is `https://shop.example`.
 */
export function normalOrigin(value: string): string {
  const plain = value.trim().toLowerCase().replace(/\/$/, '');
  return URL.canParse(plain) ? new URL(plain).origin : plain;
}

const storedSchema = z.array(z.string()).max(MAX_STORED_ORIGINS);

/** The stored origins per database: read once, then kept in step by the writes below. */
const cache = new WeakMap<Db, Promise<readonly string[]>>();

const readStored = (db: Db): Promise<readonly string[]> => readSetting(db, KEY, storedSchema, []);

/** The origins an administrator added in the console, on top of the environment's. */
export function storedOrigins(db: Db): Promise<readonly string[]> {
  let stored = cache.get(db);
  if (!stored) {
    stored = readStored(db);
    cache.set(db, stored);
    stored.catch(() => cache.delete(db));
  }
  return stored;
}

/** Whether a browser page on `origin` may call the API with credentials. */
export async function isTrustedOrigin(
  db: Db,
  environment: readonly string[],
  origin: string,
): Promise<boolean> {
  if (!origin) return false;
  if (environment.includes(origin)) return true;
  return (await storedOrigins(db)).includes(origin);
}

type Change = { add: string } | { remove: string };

/** Adds or removes one stored origin in a transaction; effective for the next request. */
export async function changeStoredOrigins(
  db: Db,
  environment: readonly string[],
  change: Change,
): Promise<readonly string[]> {
  const next = await db.transaction().execute(async (trx) => {
    const current = await readStored(trx);
    let list: string[];
    if ('add' in change) {
      if (environment.includes(change.add)) {
        throw refuse('CONFLICT', SettingsError, 'ORIGIN_KNOWN');
      }
      if (current.includes(change.add)) throw refuse('CONFLICT', SettingsError, 'ORIGIN_KNOWN');
      if (current.length >= MAX_STORED_ORIGINS) {
        throw refuse('CONFLICT', SettingsError, 'TOO_MANY_ORIGINS');
      }
      list = [...current, change.add].sort();
    } else {
      if (!current.includes(change.remove)) {
        throw environment.includes(change.remove)
          ? refuse('CONFLICT', SettingsError, 'ORIGIN_FROM_ENVIRONMENT')
          : refuse('NOT_FOUND', SettingsError, 'ORIGIN_NOT_FOUND');
      }
      list = current.filter((origin) => origin !== change.remove);
    }
    await writeSetting(trx, KEY, list);
    return list;
  });
  cache.set(db, Promise.resolve(next));
  return next;
}
