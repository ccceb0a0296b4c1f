import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/** How often an instance writes again which chats it shows (a heartbeat, and a repair). */
export const WATCH_EVERY_MS = 10_000;
/** An instance not heard from for this long (it stopped, or lost the database) shows nothing. */
export const WATCH_TTL_MS = 35_000;

const NOW = `(extract(epoch from statement_timestamp()) * 1000)::bigint`;

/**
 * Sets this instance's count of open streams for each conversation given: a row with a count,
 * refreshed, or none when the count is 0.
 */
const SET = `
  with mine as (
    select * from unnest($2::text[], $3::int[]) as m("conversationId", "streams")
  ), gone as (
    delete from "chatWatch" w using mine
    where w."instance" = $1 and w."conversationId" = mine."conversationId" and mine."streams" = 0
  )
  insert into "chatWatch" ("conversationId", "instance", "streams", "seenAt")
  select "conversationId", $1, "streams", ${NOW} from mine where "streams" > 0
  on conflict ("conversationId", "instance") do update
    set "streams" = excluded."streams", "seenAt" = excluded."seenAt"`;

/** This instance's rows for conversations it no longer shows (a write that failed, say). */
const FORGET_OTHERS = `
  delete from "chatWatch" where "instance" = $1 and not ("conversationId" = any($2::text[]))`;

/** Rows of instances gone for good: they would never be refreshed again. */
const SWEEP = `delete from "chatWatch" where "seenAt" < ${NOW} - $1`;

const SHOWN_ELSEWHERE = `
  select exists (
    select 1 from "chatWatch"
    where "conversationId" = $1 and "instance" <> $2 and "seenAt" > ${NOW} - $3
  ) as "shown"`;

/**
 * Which customers' chats are open on some instance, for every instance on one PostgreSQL
 * database (the `chatWatch` table, see its migration), so that an agent answering on one
 * instance does not mail a customer who is reading the chat on another.
 *
 * Each instance writes its own counts: at once when one changes (in order, one write at a time,
 * each with the count as it is then), and all of them again every `WATCH_EVERY_MS`, which also
 * repairs whatever a failed write missed. An instance that stops removes its rows; one that
 * dies is ignored once its rows are `WATCH_TTL_MS` old, and swept later.
 */
export class ChatWatches {
  readonly #instance = randomUUID();
  readonly #pool: Pool;
  readonly #log: (line: string) => void;
  #counts: () => ReadonlyMap<string, number> = () => new Map();
  readonly #changed = new Set<string>();
  /** The writes, one after the other; each logs its own failure. */
  #writing: Promise<void> = Promise.resolve();
  #draining = false;
  /** A heartbeat is waiting or being written: a database that hangs never piles them up. */
  #beating = false;
  #closed = false;
  readonly #heartbeat: NodeJS.Timeout;

  constructor(pool: Pool, log: (line: string) => void) {
    this.#pool = pool;
    this.#log = log;
    this.#heartbeat = setInterval(() => this.#beat(), WATCH_EVERY_MS);
    this.#heartbeat.unref();
  }

  /** Where this instance's counts are read from (the chat runtime's open streams). */
  countFrom(counts: () => ReadonlyMap<string, number>): void {
    this.#counts = counts;
  }

  /** This instance's count for a conversation changed: written soon, after earlier writes. */
  changed(conversationId: string): void {
    // Streams that end as the server stops: `close` removed the rows already.
    if (this.#closed) return;
    this.#changed.add(conversationId);
    if (this.#draining) return;
    this.#draining = true;
    this.#queue(async () => {
      this.#draining = false;
      const ids = [...this.#changed];
      this.#changed.clear();
      const counts = this.#counts();
      await this.#pool.query(SET, [this.#instance, ids, ids.map((id) => counts.get(id) ?? 0)]);
    });
  }

  /** Whether another instance shows this conversation to its customer now. */
  async shownElsewhere(conversationId: string): Promise<boolean> {
    try {
      // Portico's pool reads a boolean as 0 or 1 (as SQLite answers).
      const { rows } = await this.#pool.query<{ shown: number | boolean }>(SHOWN_ELSEWHERE, [
        conversationId,
        this.#instance,
        WATCH_TTL_MS,
      ]);
      return Boolean(rows[0]?.shown);
    } catch (error) {
      // Unknown counts as not shown: a mail too many beats an answer nobody hears of.
      this.#log(`chat watchers: could not be read: ${(error as Error).message}`);
      return false;
    }
  }

  /** Stops the heartbeat and removes this instance's rows; before the pool closes. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#heartbeat);
    this.#queue(async () => {
      await this.#pool.query(`delete from "chatWatch" where "instance" = $1`, [this.#instance]);
    });
    await this.#writing;
  }

  #beat(): void {
    if (this.#beating) return;
    this.#beating = true;
    this.#queue(async () => {
      try {
        await this.#writeAll();
      } finally {
        this.#beating = false;
      }
    });
  }

  async #writeAll(): Promise<void> {
    const counts = [...this.#counts()];
    const ids = counts.map(([id]) => id);
    await this.#pool.query(FORGET_OTHERS, [this.#instance, ids]);
    await this.#pool.query(SET, [this.#instance, ids, counts.map(([, count]) => count)]);
    await this.#pool.query(SWEEP, [WATCH_TTL_MS * 4]);
  }

  #queue(write: () => Promise<void>): void {
    this.#writing = this.#writing.then(write).catch((error: unknown) => {
      this.#log(`chat watchers: not written: ${(error as Error).message}`);
    });
  }
}
