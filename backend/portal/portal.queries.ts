import type { Db } from '../db/database.ts';
import { readSetting, writeSetting } from '../settings/setting.store.ts';
import {
  DEFAULT_PORTAL_SETTINGS,
  portalSettingsSchema,
  type PortalSettings,
} from './portal.schema.ts';

const KEY = 'portal';

export const readPortalSettings = (db: Db): Promise<PortalSettings> =>
  readSetting(db, KEY, portalSettingsSchema, DEFAULT_PORTAL_SETTINGS);

export const writePortalSettings = (db: Db, settings: PortalSettings): Promise<void> =>
  writeSetting(db, KEY, settings);
