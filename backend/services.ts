import { join } from 'node:path';
import type { Config } from './config.ts';
import { sqlitePath } from './config.ts';
import { openDatabase, type Db } from './db/database.ts';
import type SqliteDatabase from 'better-sqlite3';
import { migrate } from './db/migrate.ts';
import { createAuth, type PorticoAuth } from './auth.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { SessionCache } from './session/session.cache.ts';
import { readPortalSettings } from './portal/portal.queries.ts';
import type { PortalSettings } from './portal/portal.schema.ts';
import { Bus } from './realtime/bus.ts';
import { ChatRuntime } from './chat/chat.runtime.ts';
import { RateLimits } from './rate-limit.ts';

/** Everything a request may need, built once per process. */
export interface Services {
  config: Config;
  db: Db;
  sqlite: SqliteDatabase.Database;
  auth: PorticoAuth;
  mailer: Mailer;
  sessions: SessionCache;
  /** Changes open views hear about at once (ticket answers, unread counts). */
  bus: Bus;
  /** Agent presence, flood limits and the timers of waiting chats. */
  chat: ChatRuntime;
  /** The per-person and per-address budgets of orders, tickets, chat messages and searches. */
  limits: RateLimits;
  log: (line: string) => void;
  portalSettings(): PortalSettings;
  reloadPortalSettings(): Promise<void>;
  close(): Promise<void>;
}

export interface ServiceOptions {
  log?: (line: string) => void;
  /** better-auth's rate limits and the procedures' (`RATE_LIMITS`); on unless a test turns them off. */
  rateLimit?: boolean;
}

/** Opens the database, runs migrations and wires auth and mail. */
export async function createServices(
  config: Config,
  options: ServiceOptions = {},
): Promise<Services> {
  const log = options.log ?? ((line: string) => console.warn(line));
  const { db, sqlite, close: closeDb } = openDatabase(sqlitePath(config));
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outbox: join(config.dataDir, 'mail'),
    log,
  });
  let settings: PortalSettings | undefined;
  const auth = createAuth({
    config,
    db,
    mailer,
    vendorName: () => settings?.vendorName ?? 'Portico',
    log,
    rateLimit: options.rateLimit,
  });
  await migrate(db, auth);
  settings = await readPortalSettings(db);
  const chat = new ChatRuntime({ awayAfterMs: config.chatAwayAfterSeconds * 1000 });
  return {
    config,
    db,
    sqlite,
    auth,
    mailer,
    sessions: new SessionCache(auth, db),
    bus: new Bus(),
    chat,
    limits: new RateLimits({ enabled: options.rateLimit ?? true }),
    log,
    portalSettings: () => settings!,
    async reloadPortalSettings() {
      settings = await readPortalSettings(db);
    },
    async close() {
      chat.close();
      mailer.close();
      await closeDb();
    },
  };
}
