import type { Db } from '../db/database.ts';
import {
  DEFAULT_PORTAL_SETTINGS,
  portalSettingsSchema,
  type PortalSettings,
} from './portal.schema.ts';

const KEY = 'portal';

export async function readPortalSettings(db: Db): Promise<PortalSettings> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirst();
  if (!row) return DEFAULT_PORTAL_SETTINGS;
  const parsed = portalSettingsSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : DEFAULT_PORTAL_SETTINGS;
}

export async function writePortalSettings(db: Db, settings: PortalSettings): Promise<void> {
  const value = JSON.stringify(settings);
  await db
    .insertInto('setting')
    .values({ key: KEY, value })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value, updatedAt: new Date().toISOString() }),
    )
    .execute();
}
