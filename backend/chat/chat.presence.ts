import { randomUUID } from 'node:crypto';
import type { Bus } from '../realtime/bus.ts';

/** How often an instance repeats which agents have a console open on it. */
export const PRESENCE_EVERY_MS = 10_000;
/** An instance not heard from for this long (it stopped, or lost the database) has no agents. */
export const PRESENCE_TTL_MS = 35_000;

const TOPIC = 'chat-presence';
/**
 * The most one part of a snapshot carries, in bytes of JSON: with the bus's envelope it stays
 * well under what one signal may hold (PostgreSQL's NOTIFY takes less than 8000 bytes).
 */
const SNAPSHOT_PART_BYTES = 4_000;

/** An agent's away switch; the latest one set anywhere wins (see `PresenceBoard.#stamp`). */
interface AwayMark {
  away: boolean;
  at: number;
}

type Mark = [agentId: string, away: boolean, at: number];

type PresenceMessage =
  /**
   * The agents with a console open on `from`, repeated as a heartbeat, with their marks; in
   * `parts` messages (`part` counts from 0) when many agents would not fit one signal. The
   * heartbeat `beat` ties the parts together. (An older instance sends neither: one part.)
   */
  | {
      type: 'snapshot';
      from: string;
      beat?: number;
      part?: number;
      parts?: number;
      agents: string[];
      marks: Mark[];
    }
  /** An agent stepped away or came back on whichever instance took the call. */
  | { type: 'away'; agentId: string; away: boolean; at: number }
  /** A new or reconnected instance asks the others for their snapshots at once. */
  | { type: 'hello'; from: string }
  /** An instance is stopping: its agents stay for the grace an agent's reload gets. */
  | { type: 'bye'; from: string };

interface Remote {
  agents: ReadonlySet<string>;
  expires: number;
}

/** The parts of an instance's snapshot heard so far. */
interface Assembling {
  beat: number;
  next: number;
  agents: Set<string>;
}

/** Splits the agents (with their marks) into parts that each fit one signal. */
function snapshotParts(agents: string[], markOf: (agentId: string) => Mark | null) {
  const parts: { agents: string[]; marks: Mark[] }[] = [];
  let part = { agents: [] as string[], marks: [] as Mark[] };
  let bytes = 0;
  for (const agentId of agents) {
    const mark = markOf(agentId);
    const cost = JSON.stringify(agentId).length + (mark ? JSON.stringify(mark).length : 0) + 2;
    if (bytes + cost > SNAPSHOT_PART_BYTES && part.agents.length > 0) {
      parts.push(part);
      part = { agents: [], marks: [] };
      bytes = 0;
    }
    part.agents.push(agentId);
    if (mark) part.marks.push(mark);
    bytes += cost;
  }
  parts.push(part);
  return parts;
}

/**
 * Which agents are online on the other instances, and every agent's away switch, as the bus
 * carries them between instances (PostgreSQL). Each instance sends its own consoles when they
 * change and every `PRESENCE_EVERY_MS`; what it hears it keeps until `PRESENCE_TTL_MS` passes
 * without a word, so an instance that dies takes its agents with it after that. Reads stay in
 * memory: availability is asked on every page with the chat on it, and costs no query.
 *
 * Why the bus and not rows in the database: the consoles are streams held by one instance, and
 * only that instance knows when one closes; a heartbeat over the bus says the same as a lease
 * row would, costs no writes, and a listener that reconnects asks everyone again (`hello`).
 */
export class PresenceBoard {
  readonly #id = randomUUID();
  readonly #bus: Bus | null;
  readonly #local: () => string[];
  readonly #graceMs: number;
  readonly #remote = new Map<string, Remote>();
  readonly #partial = new Map<string, Assembling>();
  #beats = 0;
  readonly #marks = new Map<string, AwayMark>();
  readonly #heartbeat: NodeJS.Timeout | undefined;
  #lastAt = 0;
  #closed = false;

  constructor(bus: Bus | null, local: () => string[], graceMs: number) {
    this.#bus = bus?.shared ? bus : null;
    this.#local = local;
    this.#graceMs = graceMs;
    if (!this.#bus) return;
    this.#bus.onPeers(TOPIC, (body) => this.#heard(body as PresenceMessage));
    // Only this instance's own listener coming back says hello: answering another instance's
    // resync with one could make two instances keep each other busy.
    this.#bus.onReconnected(() => this.#hello());
    this.#heartbeat = setInterval(() => {
      this.#beat();
      this.#expire();
    }, PRESENCE_EVERY_MS);
    this.#heartbeat.unref();
    this.#hello();
  }

  /** Whether the agent has a console open on another instance. */
  elsewhere(agentId: string): boolean {
    const now = Date.now();
    for (const remote of this.#remote.values()) {
      if (remote.expires > now && remote.agents.has(agentId)) return true;
    }
    return false;
  }

  /** The agents with a console open on other instances. */
  remoteAgents(): Set<string> {
    const now = Date.now();
    const agents = new Set<string>();
    for (const [from, remote] of this.#remote) {
      if (remote.expires <= now) this.#remote.delete(from);
      else for (const agentId of remote.agents) agents.add(agentId);
    }
    return agents;
  }

  isAway(agentId: string): boolean {
    return this.#marks.get(agentId)?.away ?? false;
  }

  /** Sets the agent's switch here and on every instance. */
  setAway(agentId: string, away: boolean): void {
    const at = this.#stamp();
    this.#marks.set(agentId, { away, at });
    this.#send({ type: 'away', agentId, away, at });
  }

  /**
   * The agent left everywhere, or came back after that: they are not away. Said to the other
   * instances too, which may still hold an older "away" (they keep marks for agents they do not
   * see) and would otherwise leave the agent out when they come back.
   */
  forget(agentId: string): void {
    this.setAway(agentId, false);
  }

  /** This instance's consoles changed: the others hear it before the presence signal. */
  changed(): void {
    this.#beat();
  }

  /** Stopping: the others keep this instance's agents for the grace, not the whole TTL. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    this.#send({ type: 'bye', from: this.#id });
  }

  /**
   * A time for a new mark later than every mark seen, so the latest switch wins even when the
   * instances' clocks differ a little.
   */
  #stamp(): number {
    this.#lastAt = Math.max(Date.now(), this.#lastAt + 1);
    return this.#lastAt;
  }

  #merge(agentId: string, away: boolean, at: number): boolean {
    this.#lastAt = Math.max(this.#lastAt, at);
    const mark = this.#marks.get(agentId);
    if (mark && mark.at >= at) return false;
    this.#marks.set(agentId, { away, at });
    return mark?.away !== away;
  }

  #beat(): void {
    const beat = ++this.#beats;
    const markOf = (agentId: string): Mark | null => {
      const mark = this.#marks.get(agentId);
      return mark ? [agentId, mark.away, mark.at] : null;
    };
    const parts = snapshotParts(this.#local(), markOf);
    parts.forEach(({ agents, marks }, part) => {
      const from = this.#id;
      this.#send({ type: 'snapshot', from, beat, part, parts: parts.length, agents, marks });
    });
  }

  /** Drops the instances not heard from in time; the consoles here hear that their agents left. */
  #expire(): void {
    const now = Date.now();
    const gone = [...this.#remote].filter(([, remote]) => remote.expires <= now);
    for (const [from] of gone) this.#remote.delete(from);
    if (gone.some(([, remote]) => remote.agents.size > 0)) this.#told();
  }

  #hello(): void {
    this.#send({ type: 'hello', from: this.#id });
    this.#beat();
  }

  #send(message: PresenceMessage): void {
    this.#bus?.tellPeers(TOPIC, message);
  }

  #heard(message: PresenceMessage): void {
    let changed = false;
    if (message.type === 'snapshot') {
      for (const [agentId, away, at] of message.marks) {
        changed = this.#merge(agentId, away, at) || changed;
      }
      const agents = this.#assemble(message);
      if (agents) {
        const before = this.#remote.get(message.from)?.agents;
        this.#remote.set(message.from, { agents, expires: Date.now() + PRESENCE_TTL_MS });
        changed =
          !before ||
          before.size !== agents.size ||
          [...agents].some((a) => !before.has(a)) ||
          changed;
      }
    } else if (message.type === 'away') {
      changed = this.#merge(message.agentId, message.away, message.at);
    } else if (message.type === 'hello') {
      this.#beat();
    } else {
      const remote = this.#remote.get(message.from);
      if (remote) remote.expires = Math.min(remote.expires, Date.now() + this.#graceMs);
      // The grace ending changes who is online: the consoles here hear it then.
      const timer = setTimeout(() => this.#told(), this.#graceMs + 10);
      timer.unref();
    }
    if (changed) this.#told();
  }

  /**
   * Adds one part of a snapshot; the whole set of agents once its last part is in. Parts of one
   * sender arrive in order; one missing (its listener was down) leaves the last whole snapshot
   * standing until the next heartbeat.
   */
  #assemble(message: Extract<PresenceMessage, { type: 'snapshot' }>): Set<string> | null {
    const { from, beat = 0, part = 0, parts = 1 } = message;
    const partial =
      part === 0 ? { beat, next: 0, agents: new Set<string>() } : this.#partial.get(from);
    if (!partial || partial.beat !== beat || partial.next !== part) {
      this.#partial.delete(from);
      return null;
    }
    for (const agentId of message.agents) partial.agents.add(agentId);
    partial.next += 1;
    if (partial.next < parts) {
      this.#partial.set(from, partial);
      return null;
    }
    this.#partial.delete(from);
    return partial.agents;
  }

  /** Tells this instance's staff consoles (only) that presence changed. */
  #told(): void {
    this.#bus?.receive({ kind: 'chat', signal: { type: 'presence' } });
  }
}
