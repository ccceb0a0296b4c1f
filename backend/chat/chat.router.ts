import { z } from 'zod';
import type { Context } from '../context.ts';
import { publicProcedure, router } from '../trpc.ts';
import { refuse } from '../errors.ts';
import { limited } from '../rate-limit.ts';
import { isUniqueViolation } from '../db/constraint.ts';
import { trustedPage } from '../ticket/ticket.router.ts';
import { ChatError } from './chat.errors.ts';
import {
  byConversation,
  historyInput,
  lastEventId,
  markReadInput,
  sendInput,
  startInput,
  typingInput,
  conversationId,
} from './chat.schema.ts';
import { newVisitor, partyKey, partyOf, mayRead, type ChatParty } from './chat.party.ts';
import { availability, findMessageByClientId, messageBySeq, messagePage } from './chat.queries.ts';
import { conversationRow, conversationView } from './chat.view.ts';
import {
  authorOf,
  endConversation,
  queueForAgent,
  sendMessage,
  startConversation,
} from './chat.flow.ts';
import { setReceipt } from './chat.write.ts';
import { customerStream } from './chat.stream.ts';

/** How long an ended chat stays on screen after a reload, so its last notice is not lost. */
const RECENTLY_ENDED_MS = 30 * 60_000;

/** `start` and `send` draw on one budget of messages. */
const messaging = publicProcedure.use(limited('chat.message'));

async function party(ctx: Context): Promise<ChatParty> {
  const found = await partyOf(ctx);
  if (!found) throw refuse('NOT_FOUND', ChatError, 'NOT_FOUND');
  return found;
}

/** The party's conversation, or NOT_FOUND: another account's looks missing. */
async function own(ctx: Context, conversationId: string) {
  const caller = await party(ctx);
  const row = await conversationRow(ctx.services, conversationId);
  if (!mayRead(caller, row)) throw refuse('NOT_FOUND', ChatError, 'NOT_FOUND');
  return { caller, row };
}

async function latestConversation(ctx: Context, caller: ChatParty) {
  const since = new Date(Date.now() - RECENTLY_ENDED_MS).toISOString();
  const query = ctx.services.db
    .selectFrom('chatConversation')
    .selectAll()
    .where((eb) => eb.or([eb('status', '!=', 'ended'), eb('endedAt', '>', since)]))
    .orderBy('createdAt', 'desc')
    .limit(1);
  const mine =
    caller.kind === 'customer'
      ? query.where('accountId', '=', caller.accountId).where('userId', '=', caller.userId)
      : query.where('contactId', '=', caller.contactId).where('accountId', 'is', null);
  return mine.executeTakeFirst();
}

/** What the chat element shows on load: the conversation, its latest messages, who is online. */
async function chatView(ctx: Context, caller: ChatParty | null) {
  const { services } = ctx;
  const available = await availability(services.db, services.chat.onlineAgents().size);
  const row = caller ? await latestConversation(ctx, caller) : undefined;
  const page = row ? await messagePage(services.db, row.id, undefined, 50) : null;
  return {
    conversation: row ? await conversationView(services, row) : null,
    messages: page?.messages ?? [],
    hasEarlier: page?.hasEarlier ?? false,
    visitor: caller?.kind === 'visitor' ? { name: caller.name, email: caller.email } : null,
    availability: available,
  };
}

function slowDown(retryAfterSeconds: number) {
  return refuse('TOO_MANY_REQUESTS', ChatError, 'TOO_FAST', { retryAfterSeconds });
}

export const chatRouter = router({
  availability: publicProcedure.query(({ ctx }) =>
    availability(ctx.services.db, ctx.services.chat.onlineAgents().size),
  ),

  current: publicProcedure.query(async ({ ctx }) => chatView(ctx, await partyOf(ctx))),

  /** The first message: opens a conversation (or adds to the open one) and the bot answers. */
  start: messaging.input(startInput).mutation(async ({ ctx, input }) => {
    const { chat } = ctx.services;
    const pageUrl = await trustedPage(ctx, input.pageUrl);
    let caller = await partyOf(ctx);
    if (!caller) {
      if (!input.visitor) throw refuse('BAD_REQUEST', ChatError, 'VISITOR_REQUIRED');
      const wait = await chat.newVisitors.take(ctx.http?.ip ?? 'unknown');
      if (wait !== null) {
        throw refuse('TOO_MANY_REQUESTS', ChatError, 'TOO_MANY_CHATS', { retryAfterSeconds: wait });
      }
      caller = await newVisitor(ctx, input.visitor);
    }
    const open = await latestConversation(ctx, caller);
    if (open && open.status !== 'ended') {
      await sendMessage(ctx.services, open.id, authorOf(caller), {
        kind: 'text',
        body: input.message,
      });
      return chatView(ctx, caller);
    }
    const wait = await chat.starts.take(partyKey(caller));
    if (wait !== null) {
      throw refuse('TOO_MANY_REQUESTS', ChatError, 'TOO_MANY_CHATS', { retryAfterSeconds: wait });
    }
    await startConversation(ctx.services, caller, { ...input, pageUrl });
    return chatView(ctx, caller);
  }),

  send: messaging.input(sendInput).mutation(async ({ ctx, input }) => {
    const { db, chat } = ctx.services;
    const { caller, row } = await own(ctx, input.conversationId);
    if (input.clientId) {
      const again = await findMessageByClientId(db, row.id, input.clientId);
      if (again) return again;
    }
    if (caller.kind === 'visitor' && input.attachmentIds.length) {
      throw refuse('BAD_REQUEST', ChatError, 'VISITOR_FILES');
    }
    const wait = await chat.sends.take(`customer:${row.id}`);
    if (wait !== null) throw slowDown(wait);
    try {
      const seq = await sendMessage(ctx.services, row.id, authorOf(caller), {
        kind: 'text',
        body: input.body,
        attachmentIds: input.attachmentIds,
        clientId: input.clientId,
      });
      return messageBySeq(db, row.id, seq);
    } catch (error) {
      // The same send, retried while the first was still being written.
      const again = input.clientId && isUniqueViolation(error);
      if (again) return (await findMessageByClientId(db, row.id, input.clientId!))!;
      throw error;
    }
  }),

  history: publicProcedure.input(historyInput).query(async ({ ctx, input }) => {
    const { row } = await own(ctx, input.conversationId);
    return messagePage(ctx.services.db, row.id, input.before, input.limit);
  }),

  typing: publicProcedure.input(typingInput).mutation(async ({ ctx, input }) => {
    const { caller, row } = await own(ctx, input.conversationId);
    const quiet = (await ctx.services.chat.typing.take(`customer:${row.id}`)) !== null;
    if (row.status !== 'ended' && (!quiet || !input.typing)) {
      ctx.services.bus.publishChat({
        type: 'typing',
        conversationId: row.id,
        role: 'customer',
        name: caller.name,
        typing: input.typing,
      });
    }
    return { ok: true as const };
  }),

  markRead: publicProcedure.input(markReadInput).mutation(async ({ ctx, input }) => {
    const { row } = await own(ctx, input.conversationId);
    if (await setReceipt(ctx.services.db, row.id, 'readByCustomer', input.upTo)) {
      ctx.services.bus.publishChat({ type: 'conversation', conversationId: row.id });
    }
    return { ok: true as const };
  }),

  /** "Talk to a person". */
  queue: publicProcedure.input(byConversation).mutation(async ({ ctx, input }) => {
    const { row } = await own(ctx, input.conversationId);
    await queueForAgent(ctx.services, row.id);
    return conversationView(ctx.services, await conversationRow(ctx.services, row.id));
  }),

  /** "That solved it". */
  resolve: publicProcedure.input(byConversation).mutation(async ({ ctx, input }) => {
    const { row } = await own(ctx, input.conversationId);
    await endConversation(ctx.services, row.id, { role: 'customer', solved: true });
    return conversationView(ctx.services, await conversationRow(ctx.services, row.id));
  }),

  end: publicProcedure.input(byConversation).mutation(async ({ ctx, input }) => {
    const { row } = await own(ctx, input.conversationId);
    await endConversation(ctx.services, row.id, { role: 'customer', solved: false });
    return conversationView(ctx.services, await conversationRow(ctx.services, row.id));
  }),

  /** Server-sent events of one conversation; see `customerStream`. */
  onEvent: publicProcedure
    .input(z.strictObject({ conversationId, lastEventId }))
    .subscription(async function* ({ ctx, input, signal }) {
      const { row } = await own(ctx, input.conversationId);
      yield* customerStream(ctx.services, row.id, input.lastEventId, signal);
    }),
});
