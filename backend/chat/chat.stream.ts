import { tracked } from '@trpc/server';
import type { Services } from '../services.ts';
import { refuse } from '../errors.ts';
import type { ChatSignal, ChatSyncSignal, PresenceSignal } from '../realtime/bus.ts';
import { ChatError } from './chat.errors.ts';
import { messagesAfter, messageBySeq, type ChatMessage } from './chat.queries.ts';
import { conversationRow, conversationView, staffSummary } from './chat.view.ts';
import { resumeSeq } from './chat.schema.ts';

/** Messages read per query while a stream catches up (a long conversation takes several). */
const CATCH_UP_BATCH = 200;

/**
 * One conversation as the customer sees it, live. Every message after the resume point comes
 * once and in order, read from the database (the bus only says "there is more"); then the
 * conversation's state; then whatever happens. Event ids are `"<seq>"` after a message and
 * `"<seq>:<n>"` after anything else, so a reconnect resumes from the last message seen.
 */
export async function* customerStream(
  services: Services,
  conversationId: string,
  lastEventId: string | null | undefined,
  signal: AbortSignal | undefined,
) {
  const { db, bus, chat } = services;
  // Listen first, so nothing between the replay and the live part is missed.
  const signals = bus.chatSignals(conversationId, signal);
  const row = await conversationRow(services, conversationId);
  const resume = resumeSeq(lastEventId);
  if (Number.isNaN(resume) || (resume !== null && resume > row.lastSeq)) {
    throw refuse('BAD_REQUEST', ChatError, 'BAD_EVENT_ID');
  }
  let sent = resume ?? 0;
  let passing = 0;
  const passingId = () => `${sent}:${++passing}`;
  const state = async () => ({
    type: 'conversation' as const,
    conversation: await conversationView(services, await conversationRow(services, conversationId)),
  });

  async function* catchUp() {
    let theirs: ChatMessage | undefined;
    for (;;) {
      const messages = await messagesAfter(db, conversationId, sent, CATCH_UP_BATCH);
      for (const message of messages) {
        sent = message.seq;
        if (message.author.role !== 'customer') theirs = message;
        yield tracked(String(message.seq), { type: 'message' as const, message });
      }
      if (messages.length < CATCH_UP_BATCH) break;
    }
    if (theirs && chat.deliver(conversationId, 'toCustomer', theirs.seq)) {
      bus.publishChat({ type: 'conversation', conversationId });
    }
  }

  chat.watch(conversationId, 1);
  try {
    yield* catchUp();
    yield tracked(passingId(), await state());
    for await (const event of signals) {
      const next = event as ChatSignal;
      if (next.type === 'message') {
        if (next.seq > sent) yield* catchUp();
      } else if (next.type === 'conversation') {
        yield tracked(passingId(), await state());
      } else if (next.type === 'typing' && next.role === 'staff') {
        const { role, name, typing } = next;
        yield tracked(passingId(), { type: 'typing' as const, role, name, typing });
      }
    }
  } finally {
    chat.watch(conversationId, -1);
  }
}

export async function agentsWithPresence(services: Services) {
  const online = services.chat.onlineAgents();
  const staff = await services.db
    .selectFrom('user')
    .select(['id', 'name'])
    .where('role', 'in', ['agent', 'admin'])
    .orderBy('name')
    .execute();
  return staff.map((person) => ({
    ...person,
    online: online.has(person.id),
    away: services.chat.isAway(person.id),
  }));
}

/**
 * What every staff stream reads for one signal, read once: the bus hands each listener the same
 * signal object, so with several agents online a change costs one summary, not one per console.
 */
const sharedReads = new WeakMap<object, Map<string, Promise<unknown>>>();

function readOnce<T>(signal: object, key: string, read: () => Promise<T>): Promise<T> {
  let reads = sharedReads.get(signal);
  if (!reads) sharedReads.set(signal, (reads = new Map()));
  let found = reads.get(key) as Promise<T> | undefined;
  if (!found) reads.set(key, (found = read()));
  return found;
}

/**
 * Every chat, live, for an agent's console; while it is open the agent counts as online. No
 * replay: a console that reconnects loads the queue and its open conversation again, and so does
 * one told `sync` (this instance may have missed other instances' signals).
 */
export async function* staffStream(
  services: Services,
  agentId: string,
  signal: AbortSignal | undefined,
) {
  const { db, bus, chat } = services;
  const signals = bus.chatSignals(null, signal);
  const sent = new Map<string, number>();
  let passing = 0;
  const id = () => `s:${++passing}`;
  if (chat.agentConnected(agentId)) bus.publishChat({ type: 'presence' });
  try {
    yield tracked(id(), { type: 'presence' as const, agents: await agentsWithPresence(services) });
    for await (const event of signals) {
      const next = event as ChatSignal | PresenceSignal | ChatSyncSignal;
      if (next.type === 'sync') {
        yield tracked(id(), { type: 'sync' as const });
      } else if (next.type === 'presence') {
        yield tracked(id(), {
          type: 'presence' as const,
          agents: await agentsWithPresence(services),
        });
      } else if (next.type === 'message') {
        const { conversationId } = next;
        const known = sent.get(conversationId) ?? next.seq - 1;
        if (next.seq <= known) continue;
        const messages: ChatMessage[] =
          known === next.seq - 1
            ? [await readOnce(next, 'message', () => messageBySeq(db, conversationId, next.seq))]
            : await messagesAfter(db, conversationId, known);
        for (const message of messages) {
          sent.set(conversationId, message.seq);
          yield tracked(id(), { type: 'message' as const, conversationId, message });
        }
        const theirs = messages.filter((message) => message.author.role === 'customer').at(-1);
        if (theirs && chat.deliver(conversationId, 'toStaff', theirs.seq)) {
          bus.publishChat({ type: 'conversation', conversationId });
        }
      } else if (next.type === 'conversation') {
        const conversation = await readOnce(next, 'summary', () =>
          conversationRow(services, next.conversationId).then(
            (row) => staffSummary(services, row),
            () => null,
          ),
        );
        if (conversation) yield tracked(id(), { type: 'conversation' as const, conversation });
      } else if (next.role === 'customer') {
        const { conversationId, role, name, typing } = next;
        yield tracked(id(), { type: 'typing' as const, conversationId, role, name, typing });
      }
    }
  } finally {
    chat.agentDisconnected(agentId, () => bus.publishChat({ type: 'presence' }));
  }
}
