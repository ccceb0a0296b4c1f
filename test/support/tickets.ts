import assert from 'node:assert/strict';
import type { Services } from '../../backend/services.ts';
import { countRows } from './ledger.ts';
import type { TestClient, TrpcEnvelope } from './portico.ts';

export interface Ticket {
  id: string;
  number: string;
  subject: string;
  status: string;
  priority: string;
  kind: string;
  tags: string[];
  order: { id: string; number: string } | null;
  mergedInto: { id: string; number: string } | null;
  messages: {
    id: string;
    body: string;
    internal: boolean;
    author: { name: string; role: string };
    attachments: { id: string; name: string; size: number; mediaType: string }[];
  }[];
  timeline: { type: string; detail: Record<string, unknown> }[];
  rating: { stars: number; comment: string } | null;
  can: { reply: boolean; close: boolean; reopen: boolean; rate: boolean };
}

export const data = <T>(envelope: { status?: number; body: TrpcEnvelope }): T => {
  assert.ok(envelope.body.result, JSON.stringify(envelope.body.error));
  return envelope.body.result.data as T;
};

/** Posts one file to `file.upload` as the browser does: multipart, field `file`. */
export async function upload(
  client: TestClient,
  bytes: Uint8Array | string,
  name: string,
): Promise<{ status: number; body: TrpcEnvelope }> {
  const form = new FormData();
  form.set('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  const response = await client.request('/api/trpc/file.upload', { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as TrpcEnvelope };
}

export async function uploaded(client: TestClient, bytes: Uint8Array | string, name: string) {
  return data<{ id: string; name: string; size: number; mediaType: string }>(
    await upload(client, bytes, name),
  );
}

export async function openTicket(client: TestClient, extra: Record<string, unknown> = {}) {
  return data<Ticket>(
    await client.mutate('ticket.create', {
      subject: 'The grinder arrived broken',
      kind: 'complaint',
      body: 'The box was crushed and the hopper is cracked.',
      ...extra,
    }),
  );
}

/**
 * A tRPC subscription read over real server-sent events. `next` waits for the next data event
 * that matches; `close` ends the stream.
 */
export function subscribe<Event = Record<string, unknown>>(
  client: TestClient,
  path: string,
  input: Record<string, unknown> = {},
) {
  const abort = new AbortController();
  const events: Event[] = [];
  const waiters: (() => void)[] = [];
  const opened = client.request(
    `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
    { signal: abort.signal, headers: { accept: 'text/event-stream' } },
  );
  const done = (async () => {
    const response = await opened;
    if (response.status !== 200)
      throw new Error(`${path}: ${response.status} ${await response.text()}`);
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = response.body!.getReader();
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n');
        const type = lines.find((line) => line.startsWith('event:'));
        const payload = lines.find((line) => line.startsWith('data:'));
        if (type || !payload) continue; // pings, connection and return events
        events.push(JSON.parse(payload.slice(5)) as Event);
        waiters.splice(0).forEach((wake) => wake());
      }
    }
  })().catch((error: unknown) => {
    if (!abort.signal.aborted) throw error;
  });
  return {
    events,
    async next(match: (event: Event) => boolean = () => true, timeoutMs = 10_000): Promise<Event> {
      const deadline = Date.now() + timeoutMs;
      let seen = 0;
      for (;;) {
        const found = events.slice(seen).find(match);
        if (found) {
          events.splice(events.indexOf(found), 1);
          return found;
        }
        seen = events.length;
        if (Date.now() > deadline) throw new Error(`no matching event on ${path}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, deadline - Date.now());
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    async close() {
      abort.abort();
      await done;
    },
  };
}

/** Rows in every ticket table, to show that a refused request wrote nothing. */
export function ticketCounts(services: Services): Promise<Record<string, number>> {
  return countRows(services, [
    'ticket',
    'ticketTag',
    'ticketMessage',
    'ticketEvent',
    'ticketRead',
    'upload',
    'cannedReply',
  ]);
}
