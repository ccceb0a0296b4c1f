import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPortico, type RunningPortico } from '../../backend/listen.ts';
import { createPerson, type NewPerson } from '../../backend/session/people.ts';
import { Mailbox } from './mailbox.ts';
import { totpCode } from './totp.ts';
import { freshPostgresDatabase, testDatabaseUrl, type TestDatabase } from './postgres.ts';

export { freshPostgresDatabase, onPostgres, postgresForTests } from './postgres.ts';

export const TEST_ORIGIN = 'http://vendor.test';

export interface TestPortico extends RunningPortico {
  mailbox: Mailbox;
  dataDir: string;
  /** Creates a person with a verified email and returns a signed-in client for them. */
  personWithSession(person: Partial<NewPerson> & { email: string }): Promise<TestClient>;
  client(): TestClient;
}

/**
 * Where a test server's data folder notes its PostgreSQL database, so a later server (or a child
 * process, see `startServerProcess`) on the same folder goes on with the same data.
 */
export const DATABASE_URL_FILE = 'test-database-url';

/**
 * The real server on a free port over fresh data, sending mail to a real SMTP server in this
 * process: a SQLite file in a temporary folder, or, with PORTICO_TEST_DATABASE_URL set, a fresh
 * PostgreSQL database of its own on that server (uploads and mail still go to the folder). Call
 * `close` in `after`.
 */
export async function startTestPortico(
  options: {
    rateLimit?: boolean;
    env?: Record<string, string>;
    /**
     * A data folder to use and keep (for a child process to go on with); a fresh one otherwise.
     * On PostgreSQL its database is kept too, until this test process ends.
     */
    dataDir?: string;
    /**
     * A PostgreSQL database to use instead of a fresh one, for two servers on the same data; the
     * caller made it (`freshPostgresDatabase`) and drops it.
     */
    databaseUrl?: string;
    /** SQLite even when PORTICO_TEST_DATABASE_URL is set (benchmarks that compare the engines). */
    sqlite?: boolean;
  } = {},
): Promise<TestPortico> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'portico-test-')));
  const { databaseUrl, owned } = await databaseFor(options, dataDir);
  const mailbox = new Mailbox();
  const smtpUrl = await mailbox.start();
  const started = startPortico(
    {
      PORT: '0',
      DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
      SMTP_URL: smtpUrl,
      MAIL_FROM: 'Portico Test <portal@vendor.test>',
      // Tests close an agent's console to mean "nobody online", at once.
      CHAT_AWAY_AFTER_SECONDS: '0',
      // Reminders go by today's clock: a test that wants them runs a tick on the day it chooses.
      REMINDER_INTERVAL_SECONDS: '0',
      ...options.env,
      // The test client always speaks from TEST_ORIGIN; a test's own origins come on top.
      TRUSTED_ORIGINS: [TEST_ORIGIN, options.env?.TRUSTED_ORIGINS].filter(Boolean).join(','),
    },
    { rateLimit: options.rateLimit ?? false, log: () => {} },
  );
  const running = await started.catch(async (error: unknown) => {
    await mailbox.stop();
    await owned?.drop();
    throw error;
  });
  const portico: TestPortico = {
    ...running,
    mailbox,
    dataDir,
    client: () => new TestClient(running.url),
    async personWithSession(person) {
      const password = person.password ?? 'correct horse battery';
      await createPerson(running.services.auth, {
        name: person.name ?? 'Test Person',
        role: person.role ?? 'customer',
        email: person.email,
        password,
      });
      const client = new TestClient(running.url);
      const response = await client.post('/api/auth/sign-in/email', {
        email: person.email,
        password,
      });
      if (!response.ok)
        throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
      // Staff must have a second factor: they set up an authenticator app as a person would.
      if (person.role === 'agent' || person.role === 'admin') {
        client.secondFactor = await enrollTotp(client, password);
      }
      return client;
    },
    async close() {
      await running.close();
      await mailbox.stop();
      if (options.dataDir) return;
      await owned?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return portico;
}

/**
 * The database a test server runs on: the caller's, the one its kept data folder already has, or
 * a fresh one (`owned`, dropped on close unless the folder is kept). SQLite needs none: its file
 * lives in the data folder.
 */
async function databaseFor(
  options: {
    env?: Record<string, string>;
    dataDir?: string;
    databaseUrl?: string;
    sqlite?: boolean;
  },
  dataDir: string,
): Promise<{ databaseUrl?: string; owned?: TestDatabase }> {
  if (options.sqlite) return {};
  if (options.databaseUrl) return { databaseUrl: options.databaseUrl };
  if (options.env?.DATABASE_URL || !testDatabaseUrl) return {};
  const noted = join(dataDir, DATABASE_URL_FILE);
  if (options.dataDir) {
    const kept = await readFile(noted, 'utf8').catch(() => '');
    if (kept.trim()) return { databaseUrl: kept.trim() };
  }
  const owned = await freshPostgresDatabase();
  // A kept folder's database outlives this server; the test process drops it when it ends.
  if (options.dataDir) await writeFile(noted, owned.url + '\n');
  return { databaseUrl: owned.url, owned };
}

/**
 * Turns on an authenticator app for the signed-in person (the session rotates and the client
 * keeps the new one) and returns its URI and the backup codes shown once.
 */
export async function enrollTotp(
  client: TestClient,
  password: string,
): Promise<{ uri: string; backupCodes: string[] }> {
  const enabled = await client.post('/api/auth/two-factor/enable', { password, method: 'totp' });
  if (!enabled.ok) throw new Error(`2FA enable failed: ${enabled.status} ${await enabled.text()}`);
  const { totpURI, backupCodes } = (await enabled.json()) as {
    totpURI: string;
    backupCodes: string[];
  };
  const verified = await client.post('/api/auth/two-factor/verify-totp', {
    code: totpCode(totpURI),
  });
  if (!verified.ok)
    throw new Error(`2FA verify failed: ${verified.status} ${await verified.text()}`);
  return { uri: totpURI, backupCodes };
}

/** A tiny HTTP client that keeps cookies like a browser on the trusted vendor origin. */
export class TestClient {
  readonly baseUrl: string;
  cookies = new Map<string, string>();
  /** The authenticator app and backup codes, once the person has turned them on. */
  secondFactor: { uri: string; backupCodes: string[] } | null = null;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  /** The same person (cookies and security codes) talking to another server on the same data. */
  at(baseUrl: string): TestClient {
    const moved = new TestClient(baseUrl);
    moved.cookies = this.cookies;
    moved.secondFactor = this.secondFactor;
    return moved;
  }

  async request(
    path: string,
    init: RequestInit & { origin?: string | null } = {},
  ): Promise<Response> {
    const headers = new Headers(init.headers);
    const origin = init.origin === undefined ? TEST_ORIGIN : init.origin;
    if (origin) headers.set('origin', origin);
    if (this.cookies.size) {
      headers.set(
        'cookie',
        [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      );
    }
    const response = await fetch(new URL(path, this.baseUrl), {
      ...init,
      headers,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  post(path: string, body: unknown, init: RequestInit & { origin?: string | null } = {}) {
    return this.request(path, {
      ...init,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...init.headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  /** Calls a tRPC query over HTTP and returns the parsed JSON envelope. */
  async query(path: string, input?: unknown): Promise<{ status: number; body: TrpcEnvelope }> {
    const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const response = await this.request(`/api/trpc/${path}${search}`);
    return { status: response.status, body: (await response.json()) as TrpcEnvelope };
  }

  async mutate(path: string, input?: unknown): Promise<{ status: number; body: TrpcEnvelope }> {
    const response = await this.post(`/api/trpc/${path}`, input ?? {});
    return { status: response.status, body: (await response.json()) as TrpcEnvelope };
  }
}

export interface TrpcEnvelope {
  result?: { data: unknown };
  error?: {
    message: string;
    code: number;
    data: {
      code: string;
      httpStatus: number;
      fieldErrors: Record<string, string[]> | null;
      /** A domain refusal's stable key (`ENDED`, `OUT_OF_STOCK` …). */
      reason?: string | null;
      details?: Record<string, unknown> | null;
    };
  };
}

/** The tRPC error code of a refused call (`NOT_FOUND`, `BAD_REQUEST` …), or undefined. */
export const errorCode = (envelope: { body: TrpcEnvelope }) => envelope.body.error?.data.code;

/** Why a domain rule refused the call (`ENDED`, `TOO_FAST` …), or undefined. */
export const refusalReason = (envelope: { body: TrpcEnvelope }) =>
  envelope.body.error?.data.reason ?? undefined;
