import type { z } from 'zod';
import type { Db } from '../db/database.ts';

/**
 * A vendor setting stored as JSON under its key: the stored value when it still fits its
 * schema, else `fallback` (nothing saved yet, or saved by a version that shaped it otherwise).
 */
export async function readSetting<T>(
  db: Db,
  key: string,
  schema: z.ZodType<T>,
  fallback: T,
): Promise<T> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return fallback;
  const parsed = schema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : fallback;
}

/** Saves a setting as JSON under its key, replacing what was there. */
export async function writeSetting(db: Db, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('setting')
    .values({ key, value: json })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: json, updatedAt: new Date().toISOString() }),
    )
    .execute();
}
