import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { SEND_LIMIT } from '../backend/chat/chat.runtime.ts';
import { TEST_ORIGIN, type TestPortico } from '../test/support/portico.ts';
import { percentile } from './load.ts';
import { watchCpu } from './machine.ts';
import { seededRandom } from '../test/support/seeded.ts';

export interface ChatDeliveryOptions {
  /** Signed-in customers, each with one chat and its stream open the whole time. */
  customers: number;
  /** Agents with the console stream open; the chats are dealt out between them. */
  agents: number;
  /** Measured messages, sent at `perSecond` after `warmupMessages` at the same rate. */
  messages: number;
  warmupMessages: number;
  perSecond: number;
  /** The share of messages a customer sends to the agent; the rest the agent sends. */
  fromCustomers: number;
  /**
   * Another instance on the same database for the agents (their streams and their calls), so
   * every message crosses from one instance to the other; the customers stay on `portico`.
   */
  agentUrl?: string;
}

export interface ChatPercentiles {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface ChatDeliveryResult {
  customers: number;
  agents: number;
  /** SSE streams open during the measured part: one per customer, one per agent. */
  streams: number;
  messages: number;
  perSecond: number;
  /** The rate the sends actually went out at. */
  sentPerSecond: number;
  /** From just before the send request to the other side's stream delivering the message. */
  delivery: {
    all: ChatPercentiles;
    agentToCustomer: ChatPercentiles;
    customerToAgent: ChatPercentiles;
  };
  /** The send request alone, until its answer. */
  sendRequest: ChatPercentiles;
  sendErrors: number;
  /** Measured messages the other side never received. */
  lost: number;
  /**
   * Over every stream and conversation: seqs received twice (or a message stored twice),
   * received backwards, never received.
   */
  duplicated: number;
  outOfOrder: number;
  missing: number;
  streamFailures: string[];
  setupSeconds: number;
  eventLoopDelay: { p50Ms: number; p99Ms: number; maxMs: number };
  cpuSeconds: { wall: number; thisProcess: number; otherProcesses: number | null };
}

export interface StreamMessage {
  seq: number;
  body: string;
  author: { role: string };
}

export type StreamEvent =
  | { type: 'message'; message: StreamMessage; conversationId?: string }
  | { type: 'conversation' | 'typing' | 'presence' };

interface Chat {
  index: number;
  conversationId: string;
  cookie: string;
  agent: number;
  /** The conversation's lastSeq when the customer's stream opened from it. */
  resumedAt: number;
  /** Seqs of the messages the customer's stream delivered, in arrival order. */
  received: number[];
}

const round = (value: number) => Math.round(value * 100) / 100;
const LOOP_SAMPLE_MS = 1;
/** The histogram counts the sampling interval in every sample; what is left is the delay. */
const loopDelay = (nanoseconds: number) => round(Math.max(0, nanoseconds / 1e6 - LOOP_SAMPLE_MS));
const BODY = /^Bench message (\d+)$/;

/**
 * Live chat delivery over real HTTP and server-sent events: `customers` customers each keep
 * their chat's `chat.onEvent` stream open, agents keep `staff.chat.onEvent` open, and messages
 * go both ways at a steady rate to random conversations. Each message's latency runs from just
 * before its send request to the moment the other side's stream hands it over; every stream's
 * seqs are checked to arrive once each, in order, without gaps.
 */
export async function measureChatDelivery(
  portico: TestPortico,
  options: ChatDeliveryOptions,
): Promise<ChatDeliveryResult> {
  const setupStarted = performance.now();
  const base = new URL(portico.url);
  base.hostname = '127.0.0.1';
  const agentBase = new URL(options.agentUrl ?? portico.url);
  agentBase.hostname = '127.0.0.1';
  // Node's fetch has no per-origin connection cap either (600 streams open 600 connections), but
  // plain node:http keeps the client's share of this process's two cores small and the counts
  // explicit: one connection per stream, and a kept-alive pool for the calls.
  const streamAgent = new Agent({
    keepAlive: false,
    maxSockets: options.customers + options.agents,
  });
  const callAgent = new Agent({ keepAlive: true, maxSockets: 32 });
  const streams: EventStream[] = [];
  const next = seededRandom(7);
  try {
    const call = (cookie: string, path: string, input: unknown) =>
      mutate(callAgent, base, cookie, path, input);
    const callAsAgent = (cookie: string, path: string, input: unknown) =>
      mutate(callAgent, agentBase, cookie, path, input);

    const agents = await Promise.all(
      Array.from({ length: options.agents }, async (_, index) => {
        const client = await portico.personWithSession({
          email: `chat-agent${index}@bench.test`,
          name: `Agent ${index}`,
          role: 'agent',
        });
        return [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      }),
    );
    // Conversation id → seqs each agent's console delivered, in arrival order.
    const consoles = agents.map(() => new Map<string, number[]>());
    const chatsById = new Map<string, Chat>();
    const sentAt = new Float64Array(options.warmupMessages + options.messages).fill(Number.NaN);
    const deliveredAt = new Float64Array(sentAt.length).fill(Number.NaN);
    const deliveredSeq = new Int32Array(sentAt.length);
    // A seq that comes twice is counted by the seq check; the same text under a second seq
    // (a retried send stored twice) only here.
    let storedTwice = 0;
    const deliver = ({ body, seq }: StreamMessage) => {
      const index = Number(BODY.exec(body)?.[1] ?? Number.NaN);
      if (Number.isNaN(index)) return;
      if (Number.isNaN(deliveredAt[index]!)) {
        deliveredAt[index] = performance.now();
        deliveredSeq[index] = seq;
      } else if (deliveredSeq[index] !== seq) storedTwice++;
    };

    for (const [agent, cookie] of agents.entries()) {
      const stream = openStream(
        streamAgent,
        agentBase,
        cookie,
        'staff.chat.onEvent',
        {},
        (event) => {
          if (event.type !== 'message' || !event.conversationId) return;
          const seqs = consoles[agent]!.get(event.conversationId) ?? [];
          seqs.push(event.message.seq);
          consoles[agent]!.set(event.conversationId, seqs);
          const chat = chatsById.get(event.conversationId);
          if (event.message.author.role === 'customer' && chat?.agent === agent) {
            deliver(event.message);
          }
        },
      );
      streams.push(stream);
      await stream.first;
    }

    const cookies = await signedInCustomers(portico, options.customers);
    const chats = await inParallel(cookies, 16, async (cookie, index) => {
      const view = (await call(cookie, 'chat.start', {
        message: `Bench chat ${index}: a question for a person`,
      })) as { conversation: { id: string; lastSeq: number } };
      const { id, lastSeq } = view.conversation;
      const chat: Chat = {
        index,
        conversationId: id,
        cookie,
        agent: index % options.agents,
        resumedAt: lastSeq,
        received: [],
      };
      chatsById.set(id, chat);
      const input = { conversationId: id, lastEventId: String(lastSeq) };
      const stream = openStream(streamAgent, base, cookie, 'chat.onEvent', input, (event) => {
        if (event.type !== 'message') return;
        chat.received.push(event.message.seq);
        if (event.message.author.role === 'staff') deliver(event.message);
      });
      streams.push(stream);
      await stream.first;
      return chat;
    });
    await inParallel(chats, 16, (chat) =>
      callAsAgent(agents[chat.agent]!, 'staff.chat.pickUp', {
        conversationId: chat.conversationId,
      }),
    );
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    const plan = planMessages(chats, options, next);
    const responseMs = new Float64Array(plan.length).fill(Number.NaN);
    let sendErrors = 0;
    const send = async ({ chat, fromCustomer }: (typeof plan)[number], index: number) => {
      const input = {
        conversationId: chat.conversationId,
        body: `Bench message ${index}`,
        clientId: `bench-${index}`,
      };
      sentAt[index] = performance.now();
      try {
        if (fromCustomer) await call(chat.cookie, 'chat.send', input);
        else await callAsAgent(agents[chat.agent]!, 'staff.chat.send', input);
        responseMs[index] = performance.now() - sentAt[index]!;
      } catch (error) {
        sendErrors++;
        console.warn(`bench chat: message ${index} failed: ${(error as Error).message}`);
      }
    };

    const loop = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
    const pending: Promise<void>[] = [];
    let cpu = watchCpu();
    let measuredFrom = 0;
    const started = performance.now();
    for (const [index, item] of plan.entries()) {
      if (index === options.warmupMessages) {
        measuredFrom = performance.now();
        cpu = watchCpu();
        loop.enable();
      }
      const wait = started + (index * 1000) / options.perSecond - performance.now();
      if (wait > 0) await sleep(wait);
      pending.push(send(item, index));
    }
    const sendSeconds = (performance.now() - measuredFrom) / 1000;
    await Promise.all(pending);
    const measured = (index: number) => index >= options.warmupMessages;
    const settled = (index: number) =>
      Number.isNaN(responseMs[index]!) || !Number.isNaN(deliveredAt[index]!);
    await until(() => plan.every((_, index) => settled(index)), 10_000);
    loop.disable();
    const share = cpu.stop();

    // Everything the server wrote has to reach every stream that shows it.
    const lastSeqs = new Map(
      (
        await portico.services.db
          .selectFrom('chatConversation')
          .select(['id', 'lastSeq'])
          .where(
            'id',
            'in',
            chats.map((chat) => chat.conversationId),
          )
          .execute()
      ).map((row) => [row.id, row.lastSeq]),
    );
    const caughtUp = () =>
      chats.every(
        (chat) =>
          (chat.received.at(-1) ?? chat.resumedAt) >= lastSeqs.get(chat.conversationId)! &&
          consoles.every(
            (seen) =>
              (seen.get(chat.conversationId)?.at(-1) ?? 0) >= lastSeqs.get(chat.conversationId)!,
          ),
      );
    await until(caughtUp, 10_000);
    const order = { duplicated: 0, outOfOrder: 0, missing: 0 };
    for (const chat of chats) {
      const last = lastSeqs.get(chat.conversationId)!;
      addOrder(order, checkSeqs(chat.received, chat.resumedAt + 1, last));
      for (const seen of consoles) {
        addOrder(order, checkSeqs(seen.get(chat.conversationId) ?? [], 1, last));
      }
    }

    const latencies = {
      all: [] as number[],
      agentToCustomer: [] as number[],
      customerToAgent: [] as number[],
    };
    const sends: number[] = [];
    let lost = 0;
    for (const [index, item] of plan.entries()) {
      if (!measured(index) || Number.isNaN(responseMs[index]!)) continue;
      sends.push(responseMs[index]!);
      if (Number.isNaN(deliveredAt[index]!)) {
        lost++;
        continue;
      }
      const ms = deliveredAt[index]! - sentAt[index]!;
      latencies.all.push(ms);
      latencies[item.fromCustomer ? 'customerToAgent' : 'agentToCustomer'].push(ms);
    }
    const streamFailures = streams.flatMap((stream) => (stream.failure ? [stream.failure] : []));
    return {
      customers: options.customers,
      agents: options.agents,
      streams: streams.length,
      messages: options.messages,
      perSecond: options.perSecond,
      sentPerSecond: round(options.messages / sendSeconds),
      delivery: {
        all: percentiles(latencies.all),
        agentToCustomer: percentiles(latencies.agentToCustomer),
        customerToAgent: percentiles(latencies.customerToAgent),
      },
      sendRequest: percentiles(sends),
      sendErrors,
      lost,
      duplicated: order.duplicated + storedTwice,
      outOfOrder: order.outOfOrder,
      missing: order.missing,
      streamFailures: [...new Set(streamFailures)],
      setupSeconds: round(setupSeconds),
      eventLoopDelay: {
        p50Ms: loopDelay(loop.percentile(50)),
        p99Ms: loopDelay(loop.percentile(99)),
        maxMs: loopDelay(loop.max),
      },
      cpuSeconds: {
        wall: round(share.seconds),
        thisProcess: round(share.thisProcess),
        otherProcesses: share.otherProcesses === null ? null : round(share.otherProcesses),
      },
    };
  } finally {
    for (const stream of streams) stream.close();
    streamAgent.destroy();
    callAgent.destroy();
  }
}

/**
 * Customers with a session, made straight through better-auth's adapter with the signed session
 * cookie its sign-in would set: signing 500 people in over HTTP would spend most of a minute
 * hashing passwords, which is not what this measures.
 */
async function signedInCustomers(portico: TestPortico, count: number): Promise<string[]> {
  const ctx = await portico.services.auth.$context;
  const cookies: string[] = [];
  for (let index = 0; index < count; index++) {
    const user = await ctx.internalAdapter.createUser(
      {
        email: `chat${index}@bench.test`,
        name: `Customer ${index}`,
        emailVerified: true,
        role: 'customer',
      },
      { method: 'admin' },
    );
    const { token } = await ctx.internalAdapter.createSession(user.id);
    const signature = createHmac('sha256', ctx.secret).update(token).digest('base64');
    cookies.push(
      `${ctx.authCookies.sessionToken.name}=${encodeURIComponent(`${token}.${signature}`)}`,
    );
  }
  return cookies;
}

/**
 * Which chat each message goes to and who sends it, decided up front so every run sends the
 * same; a customer never sends faster than the chat's flood limit allows.
 */
function planMessages(chats: Chat[], options: ChatDeliveryOptions, next: () => number) {
  const windowMessages = Math.floor((SEND_LIMIT.windowMs / 1000) * options.perSecond);
  const recent = new Map<Chat, number[]>();
  return Array.from({ length: options.warmupMessages + options.messages }, (_, index) => {
    const fromCustomer = next() < options.fromCustomers;
    for (;;) {
      const chat = chats[Math.floor(next() * chats.length)]!;
      if (!fromCustomer) return { chat, fromCustomer };
      // Two below the limit, so a send that is slow to arrive cannot meet the next one early.
      const sends = (recent.get(chat) ?? []).filter((at) => at > index - windowMessages);
      if (sends.length >= SEND_LIMIT.messages - 2) continue;
      recent.set(chat, [...sends, index]);
      return { chat, fromCustomer };
    }
  });
}

function checkSeqs(seqs: number[], first: number, last: number) {
  const result = { duplicated: 0, outOfOrder: 0, missing: 0 };
  const seen = new Set<number>();
  let previous = first - 1;
  for (const seq of seqs) {
    if (seen.has(seq)) result.duplicated++;
    else if (seq < previous) result.outOfOrder++;
    seen.add(seq);
    previous = Math.max(previous, seq);
  }
  for (let seq = first; seq <= last; seq++) if (!seen.has(seq)) result.missing++;
  return result;
}

function addOrder(total: ReturnType<typeof checkSeqs>, one: ReturnType<typeof checkSeqs>) {
  total.duplicated += one.duplicated;
  total.outOfOrder += one.outOfOrder;
  total.missing += one.missing;
}

function percentiles(samples: number[]): ChatPercentiles {
  const sorted = Float64Array.from(samples).sort();
  return {
    count: samples.length,
    p50Ms: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    p99Ms: round(percentile(sorted, 0.99)),
    maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done() && performance.now() < deadline) await sleep(20);
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let taken = 0;
  const worker = async () => {
    while (taken < items.length) {
      const index = taken++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * A tRPC mutation over HTTP; resolves with its data, rejects with the status and body. A kept-alive
 * connection the server closed just as it was reused is retried once, as Node's docs advise (a
 * send carries a client id, so a retry can never double a message).
 */
async function mutate(
  agent: Agent,
  base: URL,
  cookie: string,
  path: string,
  input: unknown,
  retried = false,
): Promise<unknown> {
  const body = JSON.stringify(input);
  try {
    return await new Promise<unknown>((resolve, reject) => {
      const req = request(
        new URL(`/api/trpc/${path}`, base),
        {
          agent,
          method: 'POST',
          headers: {
            origin: TEST_ORIGIN,
            cookie,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('error', reject);
          res.on('end', () => {
            if (res.statusCode !== 200) reject(new Error(`${path}: ${res.statusCode} ${text}`));
            else resolve((JSON.parse(text) as { result: { data: unknown } }).result.data);
          });
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) =>
        reject(req.reusedSocket && error.code === 'ECONNRESET' ? new StaleSocket() : error),
      );
      req.end(body);
    });
  } catch (error) {
    if (!(error instanceof StaleSocket) || retried) throw error;
    return mutate(agent, base, cookie, path, input, true);
  }
}

class StaleSocket extends Error {
  constructor() {
    super('a kept-alive connection closed as it was reused');
  }
}

export interface EventStream {
  /** Settles with the first event (tRPC sends nothing before the subscription runs). */
  first: Promise<void>;
  failure: string | null;
  close(): void;
}

/**
 * A tRPC subscription over server-sent events on plain node:http, handing each data event over
 * as soon as its chunk is parsed. `connected` and `ping` events are skipped.
 */
export function openStream(
  agent: Agent,
  base: URL,
  cookie: string,
  path: string,
  input: unknown,
  onEvent: (event: StreamEvent, id: string | null) => void,
  /** Called when the server ends the stream cleanly (after its longest duration); else a failure. */
  onEnded?: () => void,
): EventStream {
  let closed = false;
  let gotFirst: () => void = () => {};
  let failFirst: (error: Error) => void = () => {};
  const stream: EventStream = {
    first: new Promise((resolve, reject) => {
      gotFirst = resolve;
      failFirst = reject;
    }),
    failure: null,
    close() {
      closed = true;
      req.destroy();
    },
  };
  const fail = (reason: string) => {
    if (closed) return;
    stream.failure ??= `${path}: ${reason}`;
    failFirst(new Error(stream.failure));
  };
  const url = new URL(`/api/trpc/${path}`, base);
  url.searchParams.set('input', JSON.stringify(input));
  const req = request(
    url,
    { agent, headers: { origin: TEST_ORIGIN, cookie, accept: 'text/event-stream' } },
    (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (res.statusCode !== 200) continue;
          let name: string | null = null;
          let data: string | null = null;
          let id: string | null = null;
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) name = line.slice(6).trim();
            else if (line.startsWith('data:')) data = line.slice(5).trim();
            else if (line.startsWith('id:')) id = line.slice(3).trim();
          }
          if (name === 'serialized-error') fail(data ?? 'error event');
          if (name !== null || data === null) continue;
          onEvent(JSON.parse(data) as StreamEvent, id);
          gotFirst();
        }
      });
      res.on('end', () => {
        if (res.statusCode === 200 && onEnded && !closed) onEnded();
        else fail(`ended (${res.statusCode}) ${buffer.slice(0, 300)}`);
      });
      res.on('error', (error) => fail(error.message));
    },
  );
  req.on('error', (error) => fail(error.message));
  req.end();
  return stream;
}
