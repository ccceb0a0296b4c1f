import type { Services } from '../../backend/services.ts';
import { countRows } from './ledger.ts';
import type { TestClient, TestPortico } from './portico.ts';
import { data } from './tickets.ts';

export interface ChatMessage {
  id: string;
  seq: number;
  kind: 'text' | 'articles' | 'notice';
  author: { role: string; name: string };
  body: string;
  notice: { code: string; params: Record<string, string | number | null> } | null;
  articles: { slug: string; title: string }[];
  attachments: { id: string; name: string }[];
}

export interface ChatConversation {
  id: string;
  status: 'bot' | 'waiting' | 'active' | 'ended';
  agent: { name: string } | null;
  ticket: { id: string; number: string } | null;
  lastSeq: number;
  readByStaff: number;
  deliveredToStaff: number;
  readByCustomer: number;
  deliveredToCustomer: number;
  position: number | null;
  expectedWaitSeconds: number | null;
}

export interface ChatView {
  conversation: ChatConversation | null;
  messages: ChatMessage[];
  hasEarlier: boolean;
  visitor: { name: string; email: string } | null;
  availability: { online: boolean; agentsOnline: number; expectedWaitSeconds: number | null };
}

export type ChatEvent =
  | { type: 'message'; message: ChatMessage; conversationId?: string }
  | { type: 'conversation'; conversation: ChatConversation }
  | { type: 'typing'; role: string; name: string; typing: boolean; conversationId?: string }
  | { type: 'presence'; agents: { id: string; online: boolean; away: boolean }[] };

/** Two customers of different accounts and an agent, the cast of every chat test. */
export async function chatCast(portico: TestPortico) {
  return {
    anna: await portico.personWithSession({ email: 'anna@cafe.test', name: 'Anna' }),
    ben: await portico.personWithSession({ email: 'ben@bistro.test', name: 'Ben' }),
    agent: await portico.personWithSession({
      email: 'jonas@vendor.test',
      name: 'Jonas',
      role: 'agent',
    }),
  };
}

export async function startChat(client: TestClient, input: Record<string, unknown>) {
  return data<ChatView>(await client.mutate('chat.start', input));
}

/**
 * A chat subscription over real server-sent events that keeps each event's id, like a browser's
 * EventSource, so a test can drop the connection and resume from the last id it saw.
 */
export function chatStream(client: TestClient, path: string, input: Record<string, unknown>) {
  const events: { id: string | null; data: ChatEvent }[] = [];
  const waiters = new Set<() => void>();
  let abort = new AbortController();
  let done: Promise<void> = Promise.resolve();
  let failure: Error | null = null;

  function open(lastEventId: string | null) {
    abort = new AbortController();
    const signal = abort.signal;
    const query = encodeURIComponent(JSON.stringify({ ...input, lastEventId }));
    done = (async () => {
      const response = await client.request(`/api/trpc/${path}?input=${query}`, {
        signal,
        headers: { accept: 'text/event-stream' },
      });
      if (response.status !== 200) {
        throw new Error(`${path}: ${response.status} ${await response.text()}`);
      }
      const decoder = new TextDecoder();
      const reader = response.body!.getReader();
      let buffer = '';
      for (;;) {
        const { value, done: ended } = await reader.read();
        if (ended) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            lines
              .find((line) => line.startsWith(`${name}:`))
              ?.slice(name.length + 1)
              .trim();
          const payload = field('data');
          if (field('event') === 'serialized-error') {
            throw new Error(`${path}: ${payload}`);
          }
          if (field('event') || payload === undefined) continue;
          events.push({ id: field('id') ?? null, data: JSON.parse(payload) as ChatEvent });
          for (const wake of waiters) wake();
        }
      }
    })().catch((error: unknown) => {
      if (!signal.aborted) failure = error as Error;
      for (const wake of waiters) wake();
    });
  }
  open((input.lastEventId as string | undefined) ?? null);

  return {
    events,
    /** The id of the last event received. */
    lastId: () => events.findLast((event) => event.id !== null)?.id ?? null,
    /** Waits until `count` events match, or fails after the timeout. */
    async waitFor(match: (event: ChatEvent) => boolean, count = 1, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (failure) throw failure;
        const matching = events.filter((event) => match(event.data));
        if (matching.length >= count) return matching.map((event) => event.data);
        if (Date.now() > deadline) {
          throw new Error(`${path}: ${matching.length} of ${count} events after ${timeoutMs} ms`);
        }
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            waiters.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, deadline - Date.now());
          waiters.add(wake);
        });
      }
    },
    /** Drops the connection and opens a new one from the last id, as EventSource does. */
    async reconnect() {
      abort.abort();
      await done;
      open(this.lastId());
    },
    async close() {
      abort.abort();
      await done;
    },
    failure: () => failure,
  };
}

export const messagesOf = (events: { data: ChatEvent }[]) =>
  events.flatMap((event) => (event.data.type === 'message' ? [event.data.message] : []));

/** Rows in every chat table, to show that a refused request wrote nothing. */
export function chatCounts(services: Services) {
  return countRows(services, ['chatContact', 'chatConversation', 'chatMessage', 'ticket']);
}
