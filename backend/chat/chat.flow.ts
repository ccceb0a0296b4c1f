import { TRPCError } from '@trpc/server';
import type { Services } from '../services.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';
import { refuse } from '../errors.ts';
import { suggestArticles } from '../help/help.search.ts';
import type { Locale } from '../portal/portal.schema.ts';
import { ChatError } from './chat.errors.ts';
import type { ChatParty } from './chat.party.ts';
import type { StartInput } from './chat.schema.ts';
import { availability } from './chat.queries.ts';
import {
  appendMessage,
  BOT,
  SYSTEM,
  lockedConversation,
  notice,
  updateConversation,
  type ChatAuthor,
  type NewMessage,
} from './chat.write.ts';
import { turnIntoTicket } from './chat.ticket.ts';

export interface StaffAgent {
  id: string;
  name: string;
}

/**
 * Runs a change in one transaction and then tells the conversation's streams: new messages up
 * to the last number, and the conversation's new state.
 */
export async function change<T>(
  services: Services,
  conversationId: string,
  work: (trx: Db) => Promise<T>,
): Promise<T> {
  const lastSeq = (trx: Db) =>
    trx
      .selectFrom('chatConversation')
      .select('lastSeq')
      .where('id', '=', conversationId)
      .executeTakeFirst()
      .then((row) => row?.lastSeq ?? 0);
  const { result, before, after } = await services.db.transaction().execute(async (trx) => {
    const before = await lastSeq(trx);
    const result = await work(trx);
    return { result, before, after: await lastSeq(trx) };
  });
  if (after > before) services.bus.publishChat({ type: 'message', conversationId, seq: after });
  services.bus.publishChat({ type: 'conversation', conversationId });
  return result;
}

/** Opens a conversation with the customer's first message, and lets the answer bot reply. */
export async function startConversation(
  services: Services,
  party: ChatParty,
  input: StartInput,
): Promise<string> {
  const at = timestamp();
  const id = newId();
  const locale: Locale = input.locale ?? services.portalSettings().defaultLocale;
  await services.db
    .insertInto('chatConversation')
    .values({
      id,
      accountId: party.kind === 'customer' ? party.accountId : null,
      userId: party.kind === 'customer' ? party.userId : null,
      contactId: party.kind === 'visitor' ? party.contactId : null,
      customerName: party.name,
      customerEmail: party.email,
      status: 'bot',
      subject: input.message.replace(/\s+/g, ' ').slice(0, 150),
      locale,
      pageUrl: input.pageUrl ?? null,
      agentId: null,
      agentName: null,
      ticketId: null,
      lastSeq: 0,
      deliveredToStaff: 0,
      readByStaff: 0,
      deliveredToCustomer: 0,
      readByCustomer: 0,
      createdAt: at,
      queuedAt: null,
      pickedAt: null,
      endedAt: null,
      lastMessageAt: at,
    })
    .execute();
  await change(services, id, async (trx) => {
    const row = await lockedConversation(trx, id);
    await appendMessage(trx, row, authorOf(party), { kind: 'text', body: input.message });
  });
  await answerFromHelp(services, id, input.message, locale);
  return id;
}

export const authorOf = (party: ChatParty): ChatAuthor => ({
  role: 'customer',
  id: party.kind === 'customer' ? party.userId : null,
  name: party.name,
});

/** The bot offers the help centre's best articles; with none to offer, a person is asked for. */
async function answerFromHelp(services: Services, id: string, text: string, locale: Locale) {
  const { results } = await suggestArticles(services.db, text, locale, 3);
  if (results.length === 0) return queueForAgent(services, id);
  const plain = (segments: { text: string }[]) => segments.map((s) => s.text).join('');
  const articles = results.map((found) => ({
    slug: found.slug,
    title: plain(found.title),
    snippet: plain(found.snippet),
    locale: found.locale,
  }));
  await change(services, id, async (trx) => {
    const row = await lockedConversation(trx, id);
    await appendMessage(trx, row, BOT, {
      kind: 'articles',
      body: 'These articles may answer your question. Did one of them help?',
      detail: { articles },
    });
  });
}

/**
 * A message. While the bot is answering, it answers this one too; with nothing to offer, the chat
 * is queued for a person.
 */
export async function sendMessage(
  services: Services,
  conversationId: string,
  author: ChatAuthor,
  message: NewMessage,
): Promise<number> {
  let botTurn: Locale | null = null;
  const seq = await change(services, conversationId, async (trx) => {
    const row = await lockedConversation(trx, conversationId);
    if (row.status === 'ended') throw refuse('CONFLICT', ChatError, 'ENDED');
    if (author.role === 'customer' && row.status === 'bot') botTurn = row.locale as Locale;
    return appendMessage(trx, row, author, message);
  });
  if (botTurn) await answerFromHelp(services, conversationId, message.body, botTurn);
  return seq;
}

/**
 * "Talk to a person": the chat joins the queue. With nobody online it falls back at once;
 * otherwise it does when nobody picks it up within the vendor's wait.
 */
export async function queueForAgent(services: Services, conversationId: string): Promise<void> {
  const agents = services.chat.onlineAgents().size;
  const queued = await change(services, conversationId, async (trx) => {
    const row = await lockedConversation(trx, conversationId);
    if (row.status === 'ended') throw refuse('CONFLICT', ChatError, 'ENDED');
    if (row.status !== 'bot') return false;
    // The wait of a chat joining the end of the queue, counted before this one joins it.
    const { expectedWaitSeconds } = await availability(trx, agents);
    await updateConversation(trx, conversationId, { status: 'waiting', queuedAt: timestamp() });
    if (agents > 0) {
      await appendMessage(trx, row, SYSTEM, notice('queued', { expectedWaitSeconds }));
    }
    return true;
  });
  if (!queued) return;
  if (agents === 0) return fallBack(services, conversationId);
  const waitMs = services.portalSettings().chatWaitSeconds * 1000;
  services.chat.schedule(conversationId, waitMs, () => fallBack(services, conversationId));
}

/** The detail of a notice that told a visitor nobody is online and the answer comes by mail. */
const OFFLINE_NOTICE = '{"code":"offline"%';

/**
 * Nobody answered: a customer's chat becomes a ticket with the whole transcript; a visitor (who
 * has no ticket inbox) is told the answer will come by mail and stays in the queue.
 */
export async function fallBack(services: Services, conversationId: string): Promise<void> {
  try {
    const row = await lockedConversation(services.db, conversationId);
    if (row.status !== 'waiting') return;
    if (row.accountId) {
      await turnIntoTicket(services, conversationId, null);
      return;
    }
    await change(services, conversationId, async (trx) => {
      const current = await lockedConversation(trx, conversationId);
      const told = await trx
        .selectFrom('chatMessage')
        .select('id')
        .where('conversationId', '=', conversationId)
        .where('kind', '=', 'notice')
        .where('detail', 'like', OFFLINE_NOTICE)
        .executeTakeFirst();
      if (current.status === 'waiting' && !told) {
        await appendMessage(
          trx,
          current,
          SYSTEM,
          notice('offline', { email: current.customerEmail }),
        );
      }
    });
  } catch (error) {
    // Picked up or ended meanwhile (perhaps on another instance): nothing to fall back from.
    if (error instanceof TRPCError && error.code === 'CONFLICT') return;
    services.log(`chat ${conversationId}: the fallback failed: ${(error as Error).stack}`);
  }
}

/** An agent takes a waiting chat (or one the bot is still answering). */
export async function pickUp(services: Services, conversationId: string, agent: StaffAgent) {
  await change(services, conversationId, async (trx) => {
    const row = await lockedConversation(trx, conversationId);
    if (row.status === 'ended') throw refuse('CONFLICT', ChatError, 'ENDED');
    if (row.status === 'active') {
      if (row.agentId === agent.id) return;
      throw refuse('CONFLICT', ChatError, 'TAKEN');
    }
    await updateConversation(trx, conversationId, {
      status: 'active',
      agentId: agent.id,
      agentName: agent.name,
      pickedAt: timestamp(),
      queuedAt: row.queuedAt ?? timestamp(),
    });
    await appendMessage(trx, row, SYSTEM, notice('joined', { agent: agent.name }));
  });
  services.chat.cancel(conversationId);
}

export async function transfer(
  services: Services,
  conversationId: string,
  to: StaffAgent,
): Promise<void> {
  await change(services, conversationId, async (trx) => {
    const row = await lockedConversation(trx, conversationId);
    if (row.status === 'ended') throw refuse('CONFLICT', ChatError, 'ENDED');
    if (row.agentId === to.id) return;
    await updateConversation(trx, conversationId, {
      status: 'active',
      agentId: to.id,
      agentName: to.name,
      pickedAt: row.pickedAt ?? timestamp(),
      queuedAt: row.queuedAt ?? timestamp(),
    });
    await appendMessage(trx, row, SYSTEM, notice('transferred', { agent: to.name }));
  });
  services.chat.cancel(conversationId);
}

/** Ends a chat: the customer left, said the bot's article solved it, or the agent closed it. */
export async function endConversation(
  services: Services,
  conversationId: string,
  by: { role: 'customer'; solved: boolean } | { role: 'staff'; agent: StaffAgent },
): Promise<void> {
  await change(services, conversationId, async (trx) => {
    const row = await lockedConversation(trx, conversationId);
    if (row.status === 'ended') throw refuse('CONFLICT', ChatError, 'ENDED');
    await updateConversation(trx, conversationId, { status: 'ended', endedAt: timestamp() });
    const ended =
      by.role === 'staff'
        ? notice('ended', { by: 'staff', agent: by.agent.name })
        : by.solved
          ? notice('solved')
          : notice('ended', { by: 'customer', agent: null });
    await appendMessage(trx, row, SYSTEM, ended);
  });
  services.chat.cancel(conversationId);
}

/** After a restart, waiting chats get their timers back (or fall back if already overdue). */
export async function resumeWaitingChats(services: Services): Promise<void> {
  const waiting = await services.db
    .selectFrom('chatConversation')
    .select(['id', 'queuedAt'])
    .where('status', '=', 'waiting')
    .execute();
  const waitMs = services.portalSettings().chatWaitSeconds * 1000;
  for (const { id, queuedAt } of waiting) {
    const left = Date.parse(queuedAt ?? '') + waitMs - Date.now();
    services.chat.schedule(id, Math.max(1000, left || 0), () => fallBack(services, id));
  }
}

/** How long past its wait a chat may sit before another instance falls back in its place. */
export const OVERDUE_GRACE_MS = 30_000;
/** How often each of several instances looks for chats whose timer stopped with its instance. */
export const OVERDUE_EVERY_MS = 60_000;

/**
 * Falls back for waiting chats well past their wait that this instance has no timer for: their
 * timer was on an instance that died. A fallback checks the chat's state under its lock, so two
 * instances doing this at once make one ticket. Returns how many it fell back for.
 */
export async function fallBackOverdueChats(services: Services): Promise<number> {
  const waitMs = services.portalSettings().chatWaitSeconds * 1000;
  const before = new Date(Date.now() - waitMs - OVERDUE_GRACE_MS).toISOString();
  const overdue = await services.db
    .selectFrom('chatConversation')
    .select('id')
    .where('status', '=', 'waiting')
    .where('queuedAt', '<', before)
    // A visitor's chat stays waiting once told the answer comes by mail: nothing more to do.
    .where((eb) =>
      eb.or([
        eb('accountId', 'is not', null),
        eb.not(
          eb.exists(
            eb
              .selectFrom('chatMessage')
              .select('chatMessage.id')
              .whereRef('chatMessage.conversationId', '=', 'chatConversation.id')
              .where('chatMessage.kind', '=', 'notice')
              .where('chatMessage.detail', 'like', OFFLINE_NOTICE),
          ),
        ),
      ]),
    )
    .orderBy('queuedAt')
    .limit(100)
    .execute();
  const orphans = overdue.filter(({ id }) => !services.chat.isScheduled(id));
  for (const { id } of orphans) await fallBack(services, id);
  return orphans.length;
}

/**
 * With several instances, every `OVERDUE_EVERY_MS` each one falls back for the chats another
 * instance's timers left behind when it died (`fallBackOverdueChats`). One instance alone has
 * every timer, and gets them back when it restarts (`resumeWaitingChats`): nothing to do.
 */
export function watchOverdueChats(services: Services): { stop(): void } {
  if (!services.bus.shared) return { stop() {} };
  const timer = setInterval(() => {
    if (services.stopping.aborted) return;
    services.background.run('overdue chats', () => fallBackOverdueChats(services));
  }, OVERDUE_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
