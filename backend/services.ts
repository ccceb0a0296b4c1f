import { join } from 'node:path';
import type { Config } from './config.ts';
import { openDatabase, type Db, type Engine, type OpenedDatabase } from './db/database.ts';
import type SqliteDatabase from 'better-sqlite3';
import { migrate } from './db/migrate.ts';
import { createAuth, type PorticoAuth } from './auth.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { SessionCache } from './session/session.cache.ts';
import { readPortalSettings } from './portal/portal.queries.ts';
import type { PortalSettings } from './portal/portal.schema.ts';
import type { Bus } from './realtime/bus.ts';
import { openShared } from './realtime/shared.ts';
import { ChatRuntime } from './chat/chat.runtime.ts';
import { RateLimits } from './rate-limit.ts';
import { createLogger, type Logger } from './log.ts';
import { LiveStreams } from './http/live-streams.ts';
import { BackgroundTasks } from './http/background.ts';
import { EventDispatcher } from './events/event.dispatch.ts';
import { notificationHandler } from './notification/notification.handler.ts';
import { webhookHandler } from './webhook/webhook.handler.ts';
import { WebhookWorker } from './webhook/webhook.worker.ts';
import { ReminderScheduler } from './reminder/reminder.scheduler.ts';

/** Everything a request may need, built once per process. */
export interface Services {
  config: Config;
  db: Db;
  /** Which engine `DATABASE_URL` chose; the few dialect-specific modules ask `isPostgres(db)`. */
  engine: Engine;
  /** The SQLite handle (checkpoints, backups); null on PostgreSQL. */
  sqlite: SqliteDatabase.Database | null;
  /** The PostgreSQL pool and URL (the bus's listening connection); null on SQLite. */
  postgres: OpenedDatabase['postgres'];
  auth: PorticoAuth;
  mailer: Mailer;
  sessions: SessionCache;
  /** Changes open views hear about at once (ticket answers, unread counts). */
  bus: Bus;
  /** Agent presence, flood limits and the timers of waiting chats. */
  chat: ChatRuntime;
  /** The per-person and per-address budgets of orders, tickets, chat messages and searches. */
  limits: RateLimits;
  /** The structured log: JSON lines, each tagged with the request it was written for. */
  logger: Logger;
  /** A warning line in that log: something failed that a person may need to look at. */
  log: (line: string) => void;
  /**
   * Work left running after an answer (mail): `background.run('order mail', () => …)`. A
   * graceful stop waits for it before the mailer and the database close.
   */
  background: BackgroundTasks;
  /** Works out, once, what each recorded event means: notifications, webhook deliveries. */
  events: EventDispatcher;
  /** Delivers queued webhook calls to the vendor's endpoints. */
  webhooks: WebhookWorker;
  /** Sends the vendor's invoice and delayed-order reminders. */
  reminders: ReminderScheduler;
  /** Open server-sent-event streams: limited, and ended with a reconnect hint on shutdown. */
  liveStreams: LiveStreams;
  /** Aborted once a graceful stop began: /readyz answers 503 so a load balancer moves on. */
  stopping: AbortSignal;
  /** Begins the graceful stop: not ready any more, live streams ended (see `startPortico`). */
  beginStopping(): void;
  portalSettings(): PortalSettings;
  reloadPortalSettings(): Promise<void>;
  close(): Promise<void>;
}

export interface ServiceOptions {
  /** Takes the log's JSON lines instead of stdout (tests pass a no-op to keep quiet). */
  log?: (line: string) => void;
  /** better-auth's rate limits and the procedures' (`RATE_LIMITS`); on unless a test turns them off. */
  rateLimit?: boolean;
}

/** Opens the database, runs migrations and wires auth and mail. */
export async function createServices(
  config: Config,
  options: ServiceOptions = {},
): Promise<Services> {
  const logger = createLogger(config.logLevel, options.log);
  const log = (line: string) => logger.warn(line);
  const background = new BackgroundTasks(logger);
  const opened = openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize });
  const { db, authDb, engine, sqlite, postgres, close: closeDb } = opened;
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outbox: join(config.dataDir, 'mail'),
    log,
  });
  let settings: PortalSettings | undefined;
  let sessions: SessionCache | undefined;
  const auth = createAuth({
    config,
    db,
    authDb,
    engine,
    mailer,
    vendorName: () => settings?.vendorName ?? 'Portico',
    defaultLocale: () => settings?.defaultLocale ?? 'en',
    log,
    background,
    rateLimit: options.rateLimit,
    sessionsEnded: () => sessions?.clear(),
  });
  // A failure before the services exist closes what was opened: pools and a listening
  // connection left open would keep the process from ever exiting.
  const shared = await (async () => {
    try {
      await migrate(db, auth);
      settings = await readPortalSettings(db);
      return await openShared(postgres, log);
    } catch (error) {
      mailer.close();
      await closeDb();
      throw error;
    }
  })();
  const { bus, hits, watches } = shared;
  const chat = new ChatRuntime({
    awayAfterMs: config.chatAwayAfterSeconds * 1000,
    bus,
    hits,
    watches,
  });
  const liveStreams = new LiveStreams(config.maxLiveStreams);
  const stopping = new AbortController();
  const events = new EventDispatcher(db, logger);
  const services: Services = {
    config,
    db,
    engine,
    sqlite,
    postgres,
    auth,
    mailer,
    sessions: (sessions = new SessionCache(auth, db, { bus })),
    bus,
    chat,
    limits: new RateLimits({ enabled: options.rateLimit ?? true, hits }),
    logger,
    log,
    background,
    liveStreams,
    events,
    // Both need the services they are part of; they are set right below.
    webhooks: undefined as unknown as WebhookWorker,
    reminders: undefined as unknown as ReminderScheduler,
    stopping: stopping.signal,
    beginStopping() {
      stopping.abort();
      liveStreams.closeAll();
    },
    portalSettings: () => settings!,
    async reloadPortalSettings() {
      settings = await readPortalSettings(db);
    },
    async close() {
      chat.close();
      await shared.close();
      mailer.close();
      if (sqlite) checkpoint(sqlite, logger);
      await closeDb();
    },
  };
  services.webhooks = new WebhookWorker(services);
  services.reminders = new ReminderScheduler(services);
  events.register(notificationHandler(services));
  events.register(webhookHandler(services));
  return services;
}

/**
 * Moves everything in the write-ahead log into the database file and empties the log, so the
 * data folder is one self-contained file after a stop (a copy of it alone is complete).
 */
function checkpoint(sqlite: SqliteDatabase.Database, logger: Logger): void {
  try {
    const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy)
      logger.warn('The write-ahead log was not emptied: another process reads the database.');
  } catch (error) {
    logger.error({ err: error }, 'The write-ahead log could not be checkpointed.');
  }
}
