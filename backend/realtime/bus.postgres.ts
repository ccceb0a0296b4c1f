import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Bus, BusMessage, Relay } from './bus.ts';

/** The one channel every instance on a database listens on. */
export const BUS_CHANNEL = 'portico_bus';

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; this leaves room to spare. */
const MAX_PAYLOAD_BYTES = 7_900;
/** Messages sent in one statement while the previous one is under way. */
const BATCH = 100;
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 10_000;
/** A connection that went quiet (a dropped network path sends no error) is found by asking. */
const PING_EVERY_MS = 15_000;
const PING_TIMEOUT_MS = 5_000;

interface Envelope {
  /** The sending instance, so it can ignore its own messages. */
  from: string;
  /** Unique per sender: PostgreSQL folds equal payloads sent in one transaction into one. */
  n: number;
  message: BusMessage;
}

/**
 * Makes a message fit a NOTIFY payload. Signals are ids and small; the few that grow with the
 * data say less instead (an announcement for many accounts is heard by all, which read their
 * own), and anything else still too large asks everyone to read everything again. A `peer`
 * message never does: its senders keep it small (presence sends its snapshot in parts), and one
 * that is not is dropped, since having everyone read everything would not deliver it either.
 */
function payloadOf(from: string, n: number, message: BusMessage): string | null {
  const fits = (text: string) => Buffer.byteLength(text) <= MAX_PAYLOAD_BYTES;
  let text = JSON.stringify({ from, n, message } satisfies Envelope);
  if (fits(text)) return text;
  if (message.kind === 'peer') return null;
  if (message.kind === 'announcement') {
    text = JSON.stringify({
      from,
      n,
      message: { kind: 'announcement', signal: { accountIds: null } },
    });
  } else if (message.kind === 'chat' && message.signal.type === 'typing') {
    const signal = { ...message.signal, name: message.signal.name.slice(0, 100) };
    text = JSON.stringify({ from, n, message: { kind: 'chat', signal } });
  }
  return fits(text) ? text : JSON.stringify({ from, n, message: { kind: 'resync' } });
}

/**
 * The bus between instances on one PostgreSQL database. Sending is `pg_notify` through the pool,
 * in order (one statement at a time, what queued meanwhile in the next). Hearing is one
 * connection of its own, outside the pool, that LISTENs for as long as the instance runs: when
 * it drops, it comes back with a growing pause, and the bus then has every open stream read its
 * state again (signals sent while it was away are lost).
 */
export class PostgresRelay implements Relay {
  /** This instance, as other instances see it; new on every start. */
  readonly id = randomUUID();
  readonly #bus: Bus;
  readonly #url: string;
  readonly #pool: pg.Pool;
  readonly #log: (line: string) => void;
  #client: pg.Client | null = null;
  #closed = false;
  #attempt = 0;
  #retry: NodeJS.Timeout | undefined;
  readonly #ping: NodeJS.Timeout;
  #sequence = 0;
  #queue: string[] = [];
  #sending: Promise<void> | null = null;

  constructor(bus: Bus, postgres: { pool: pg.Pool; url: string }, log: (line: string) => void) {
    this.#bus = bus;
    this.#url = postgres.url;
    this.#pool = postgres.pool;
    this.#log = log;
    this.#ping = setInterval(() => void this.#checkAlive(), PING_EVERY_MS);
    this.#ping.unref();
  }

  /** Listens, then joins the bus; fails when the database cannot be reached at all. */
  async start(): Promise<void> {
    await this.#listen(false);
    this.#bus.connect(this);
  }

  send(message: BusMessage): void {
    if (this.#closed) return;
    const payload = payloadOf(this.id, ++this.#sequence, message);
    if (payload === null) {
      const topic = message.kind === 'peer' ? message.topic : message.kind;
      return this.#log(`bus: a ${topic} message was too large to send`);
    }
    this.#queue.push(payload);
    this.#sending ??= this.#flush();
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    clearInterval(this.#ping);
    await this.#sending;
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
  }

  async #flush(): Promise<void> {
    while (this.#queue.length) {
      const batch = this.#queue.splice(0, BATCH);
      try {
        await this.#pool.query(
          `select pg_notify($1, payload) from unnest($2::text[]) with ordinality as m(payload, n)
           order by n`,
          [BUS_CHANNEL, batch],
        );
      } catch (error) {
        this.#log(`bus: ${batch.length} signal(s) not sent: ${(error as Error).message}`);
      }
    }
    this.#sending = null;
  }

  async #listen(again: boolean): Promise<void> {
    const client = new pg.Client({
      connectionString: this.#url,
      keepAlive: true,
      application_name: 'portico bus',
    });
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, null));
    client.on('notification', ({ payload }) => this.#heard(payload));
    try {
      await client.connect();
      await client.query(`listen ${BUS_CHANNEL}`);
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    if (this.#closed) return void (await client.end().catch(() => {}));
    this.#client = client;
    this.#attempt = 0;
    if (again) {
      this.#log('bus: listening again; open streams read their state again');
      this.#bus.resync();
    }
  }

  #heard(payload: string | undefined): void {
    try {
      const envelope = JSON.parse(payload ?? '') as Envelope;
      if (envelope.from !== this.id) this.#bus.receive(envelope.message);
    } catch (error) {
      this.#log(`bus: a signal could not be handled: ${(error as Error).message}`);
    }
  }

  #lost(client: pg.Client, error: Error | null): void {
    if (this.#client !== client) return;
    this.#client = null;
    client.end().catch(() => {});
    if (this.#closed) return;
    this.#log(`bus: the listening connection dropped: ${error?.message ?? 'closed'}`);
    this.#reconnect();
  }

  #reconnect(): void {
    const pause = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.#attempt++);
    // Instances that lost the server together do not all come back at the same moment.
    this.#retry = setTimeout(
      () => {
        this.#listen(true).catch((error: Error) => {
          if (this.#attempt === 1) this.#log(`bus: cannot listen yet: ${error.message}`);
          if (!this.#closed) this.#reconnect();
        });
      },
      pause * (0.5 + Math.random() / 2),
    );
    this.#retry.unref();
  }

  async #checkAlive(): Promise<void> {
    const client = this.#client;
    if (!client) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer to a ping')), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([client.query('select 1'), timeout]);
    } catch (error) {
      this.#lost(client, error as Error);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Connects `bus` to the other instances on the database; resolves once it listens. */
export async function relayBus(
  bus: Bus,
  postgres: { pool: pg.Pool; url: string },
  log: (line: string) => void,
): Promise<PostgresRelay> {
  const relay = new PostgresRelay(bus, postgres, log);
  await relay.start();
  return relay;
}
