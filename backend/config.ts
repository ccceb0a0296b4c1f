import { createPublicKey, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Settings read from the environment once at start; see the README for each. */
export interface Config {
  readonly port: number;
  /** The address browsers use for the backend, without a trailing slash; it may carry a path. */
  readonly publicUrl: string;
  /**
   * The path a reverse proxy serves Portico under, such as `/portico` (the proxy strips it);
   * empty when Portico has a host of its own.
   */
  readonly publicPath: string;
  /**
   * `partitioned` when the vendor's pages are on another site than the backend: every cookie is
   * `SameSite=None; Secure; Partitioned`, so browsers that block third-party cookies keep it.
   */
  readonly crossSiteCookies: 'off' | 'partitioned';
  readonly dataDir: string;
  readonly databaseUrl: string;
  /** PostgreSQL connections one instance opens for Portico's queries (better-auth adds 4). */
  readonly databasePoolSize: number;
  readonly trustedOrigins: readonly string[];
  readonly authSecret: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly production: boolean;
  /** How long an agent whose console closed still counts as online (a reload, a reconnect). */
  readonly chatAwayAfterSeconds: number;
  /** The shared secret the vendor's server signs sign-in hand-offs with (HS256). */
  readonly handoffSecret: string | undefined;
  /** Or the public key (PEM, Ed25519 or P-256) of the key pair it signs them with. */
  readonly handoffPublicKey: string | undefined;
  /** The vendor's reverse proxies, whose `X-Forwarded-For` names the real client. */
  readonly trustedProxies: readonly string[];
  /** Minutes between scheduled backups into `backupDir`; 0 turns them off. */
  readonly backupIntervalMinutes: number;
  /** How many scheduled backups to keep; older ones are deleted. */
  readonly backupKeep: number;
  /** Where scheduled backups go (`<DATA_DIR>/backups` unless set). */
  readonly backupDir: string;
  /** Seconds between looks for invoice and delayed-order reminders to send; 0 turns them off. */
  readonly reminderIntervalSeconds: number;
  /** Requests served at once; past this (and the short queue) the server answers 503. */
  readonly maxConcurrentRequests: number;
  /** Requests that may wait for a free slot before the server answers 503 at once. */
  readonly maxQueuedRequests: number;
  /** Live update streams (server-sent events) open at once; past this, 503. */
  readonly maxLiveStreams: number;
  /** How long SIGTERM waits for requests in flight before it closes them. */
  readonly shutdownGraceSeconds: number;
  /** The least important log level written: fatal, error, warn, info, debug, trace or silent. */
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const origin = z
  .url({ protocol: /^https?$/ })
  .transform((value) => new URL(value).origin)
  .refine((value) => value !== 'null', 'an http or https origin');

/** `a, b,,c` as `['a', 'b', 'c']`. */
const commaList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .refine((value) => {
      const url = URL.parse(value);
      return !url || (!url.search && !url.hash && !url.username && !url.password);
    })
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  CROSS_SITE_COOKIES: z.enum(['off', 'partitioned']).default('off'),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|file:|postgres(ql)?:\/\/)/, 'sqlite:<path>, file:<path> or postgres://…')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(10),
  TRUSTED_ORIGINS: commaList.pipe(z.array(origin)),
  AUTH_SECRET: z.string().min(32, 'at least 32 characters of random text').optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Portico <no-reply@localhost>'),
  NODE_ENV: z.string().optional(),
  CHAT_AWAY_AFTER_SECONDS: z.coerce.number().int().min(0).max(600).default(15),
  HANDOFF_SECRET: z.string().min(32).optional(),
  TRUSTED_PROXIES: commaList.pipe(z.array(z.union([z.ipv4(), z.ipv6()]))),
  HANDOFF_PUBLIC_KEY: z
    .string()
    .refine((value) => publicKeyType(value) !== null)
    .optional(),
  BACKUP_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 31)
    .default(60 * 24),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  BACKUP_DIR: z.string().min(1).optional(),
  REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(10_000).default(64),
  MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(256),
  MAX_LIVE_STREAMS: z.coerce.number().int().min(1).max(100_000).default(2_000),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** 'ed25519' or 'ec' for a PEM public key Portico can check hand-offs with; null otherwise. */
function publicKeyType(pem: string): string | null {
  try {
    const key = createPublicKey(pem.replace(/\\n/g, '\n'));
    const type = key.asymmetricKeyType ?? '';
    if (type === 'ed25519') return type;
    if (type === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return type;
    return null;
  } catch {
    return null;
  }
}

const expected: Record<string, string> = {
  PORT: 'a whole number from 0 to 65535',
  PUBLIC_URL:
    'an http(s) URL such as https://portal.vendor.example or https://www.vendor.example/portico, without ?query or #fragment',
  CROSS_SITE_COOKIES: 'off, or partitioned when the vendor pages are on another site',
  DATA_DIR: 'a folder path',
  DATABASE_URL:
    'sqlite:<path> (the default is sqlite:<DATA_DIR>/portico.db) or postgres://user:password@host:5432/database',
  DATABASE_POOL_SIZE: 'a whole number of connections from 2 to 500',
  TRUSTED_ORIGINS: 'a comma-separated list of origins such as https://www.vendor.example',
  AUTH_SECRET: 'at least 32 characters of random text (openssl rand -base64 32)',
  SMTP_URL: 'an smtp:// or smtps:// URL such as smtps://user:pass@mail.vendor.example:465',
  MAIL_FROM: 'a sender such as "Vendor <support@vendor.example>"',
  CHAT_AWAY_AFTER_SECONDS: 'a whole number of seconds from 0 to 600',
  HANDOFF_SECRET:
    'at least 32 characters of random text shared with the shop (openssl rand -base64 32)',
  HANDOFF_PUBLIC_KEY: 'a PEM public key, Ed25519 or P-256 (newlines may be written as \\n)',
  BACKUP_INTERVAL_MINUTES: 'a whole number of minutes (0 turns scheduled backups off)',
  BACKUP_KEEP: 'how many scheduled backups to keep, from 1 to 1000',
  BACKUP_DIR: 'a folder path',
  REMINDER_INTERVAL_SECONDS: 'a whole number of seconds from 0 to 86400 (0 turns reminders off)',
  MAX_CONCURRENT_REQUESTS: 'a whole number from 1 to 10000',
  MAX_QUEUED_REQUESTS: 'a whole number from 0 to 100000',
  MAX_LIVE_STREAMS: 'a whole number from 1 to 100000',
  SHUTDOWN_GRACE_SECONDS: 'a whole number of seconds from 0 to 600',
  LOG_LEVEL: 'one of fatal, error, warn, info, debug, trace, silent',
};

/**
 * Reads and validates the environment. Throws ConfigError with one line per bad variable,
 * each naming the variable and what it expects.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name} is invalid: expected ${expected[name] ?? issue.message} (got ${JSON.stringify(env[name])})`;
    });
    throw new ConfigError([...new Set(lines)].join('\n'));
  }
  const vars = parsed.data;
  const production = vars.NODE_ENV === 'production';
  const dataDir = resolve(vars.DATA_DIR);
  const publicUrl = vars.PUBLIC_URL ?? `http://localhost:${vars.PORT}`;
  const databaseUrl = vars.DATABASE_URL ?? `sqlite:${join(dataDir, 'portico.db')}`;
  if (isPostgresUrl(databaseUrl) && !vars.AUTH_SECRET) {
    console.warn(
      'AUTH_SECRET is not set on PostgreSQL: every instance must be given the same AUTH_SECRET, or a session signed by one is refused by the others.',
    );
  }
  if (production && !vars.PUBLIC_URL) {
    throw new ConfigError('PUBLIC_URL is missing: in production it must be the public https URL');
  }
  if (vars.CROSS_SITE_COOKIES === 'partitioned' && !publicUrl.startsWith('https:')) {
    throw new ConfigError(
      `CROSS_SITE_COOKIES=partitioned needs an https PUBLIC_URL (got ${JSON.stringify(publicUrl)}): browsers keep partitioned cookies only over https`,
    );
  }
  return {
    port: vars.PORT,
    publicUrl,
    publicPath: new URL(publicUrl).pathname.replace(/\/+$/, ''),
    crossSiteCookies: vars.CROSS_SITE_COOKIES,
    dataDir,
    databaseUrl,
    databasePoolSize: vars.DATABASE_POOL_SIZE,
    trustedOrigins: [...new Set([new URL(publicUrl).origin, ...vars.TRUSTED_ORIGINS])],
    authSecret: vars.AUTH_SECRET ?? developmentSecret(dataDir, production),
    smtpUrl: vars.SMTP_URL,
    mailFrom: vars.MAIL_FROM,
    production,
    chatAwayAfterSeconds: vars.CHAT_AWAY_AFTER_SECONDS,
    handoffSecret: vars.HANDOFF_SECRET,
    trustedProxies: vars.TRUSTED_PROXIES,
    handoffPublicKey: vars.HANDOFF_PUBLIC_KEY?.replace(/\\n/g, '\n'),
    backupIntervalMinutes: vars.BACKUP_INTERVAL_MINUTES,
    backupKeep: vars.BACKUP_KEEP,
    backupDir: vars.BACKUP_DIR ? resolve(vars.BACKUP_DIR) : join(dataDir, 'backups'),
    reminderIntervalSeconds: vars.REMINDER_INTERVAL_SECONDS,
    maxConcurrentRequests: vars.MAX_CONCURRENT_REQUESTS,
    maxQueuedRequests: vars.MAX_QUEUED_REQUESTS,
    maxLiveStreams: vars.MAX_LIVE_STREAMS,
    shutdownGraceSeconds: vars.SHUTDOWN_GRACE_SECONDS,
    logLevel: vars.LOG_LEVEL,
  };
}

function developmentSecret(dataDir: string, production: boolean): string {
  if (production) {
    throw new ConfigError(`AUTH_SECRET is missing: expected ${expected.AUTH_SECRET}`);
  }
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  console.warn(`AUTH_SECRET is not set: generated one into ${file} (set it in production)`);
  return secret;
}

/** Whether a DATABASE_URL names a PostgreSQL database. */
export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

/** The file path of a sqlite: or file: DATABASE_URL. */
export function sqlitePath(config: Config): string {
  return config.databaseUrl.replace(/^(sqlite|file):(\/\/)?/, '');
}

const isAddress = (host: string) => /^[\d.]+$/.test(host) || host.startsWith('[');

/**
 * Whether a page on `pageOrigin` is certainly on another site than a backend at `publicUrl`:
 * another scheme, or hosts that share no parent domain of two labels or more (an IP address or
 * a single-label name is a site of its own). Hosts under a shared public suffix such as `co.uk`
 * are not caught: this only decides whether to warn.
 */
export function isCrossSite(pageOrigin: string, publicUrl: string): boolean {
  const page = new URL(pageOrigin);
  const portal = new URL(publicUrl);
  if (page.protocol !== portal.protocol) return true;
  if (page.hostname === portal.hostname) return false;
  if ([page.hostname, portal.hostname].some((host) => isAddress(host) || !host.includes('.'))) {
    return true;
  }
  const [a, b] = [page.hostname, portal.hostname].map((host) => host.split('.').reverse());
  return a![0] !== b![0] || a![1] !== b![1];
}

/**
 * A start-up warning when some of the environment's trusted origins are on another site and
 * cookies are not partitioned: customers on those pages could not stay signed in.
 */
export function crossSiteWarning(config: Config): string | null {
  if (config.crossSiteCookies === 'partitioned') return null;
  const foreign = config.trustedOrigins.filter((origin) => isCrossSite(origin, config.publicUrl));
  if (foreign.length === 0) return null;
  return `TRUSTED_ORIGINS has pages on another site than PUBLIC_URL (${foreign.join(', ')}): their browsers will not send the session cookie, so customers cannot stay signed in there. Serve the portal on the same site, or set CROSS_SITE_COOKIES=partitioned.`;
}
