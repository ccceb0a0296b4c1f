import { z } from 'zod';
import type { Context } from '../context.ts';
import type { SessionInfo } from '../session/session.cache.ts';
import { staffProcedure, router } from '../trpc.ts';
import { refuse } from '../errors.ts';
import { isUniqueViolation } from '../db/constraint.ts';
import { isStaffRole } from '../session/roles.ts';
import { ChatError } from './chat.errors.ts';
import {
  byConversation,
  historyInput,
  lastEventId,
  markReadInput,
  sendInput,
  transferInput,
  typingInput,
} from './chat.schema.ts';
import { findMessageByClientId, messageBySeq, messagePage } from './chat.queries.ts';
import { conversationRow, staffSummary } from './chat.view.ts';
import { endConversation, pickUp, sendMessage, transfer, type StaffAgent } from './chat.flow.ts';
import { turnIntoTicket } from './chat.ticket.ts';
import { setReceipt } from './chat.write.ts';
import { agentsWithPresence, staffStream } from './chat.stream.ts';
import { mailChatReply } from './chat.mail.ts';

const agentOf = (ctx: { session: SessionInfo }): StaffAgent => ({
  id: ctx.session.userId,
  name: ctx.session.name,
});

async function summary(ctx: Context, conversationId: string) {
  return staffSummary(ctx.services, await conversationRow(ctx.services, conversationId));
}

async function summaries(ctx: Context, status: 'waiting' | 'active') {
  const rows = await ctx.services.db
    .selectFrom('chatConversation')
    .selectAll()
    .where('status', '=', status)
    .orderBy(status === 'waiting' ? 'queuedAt' : 'lastMessageAt', 'asc')
    .limit(200)
    .execute();
  return Promise.all(rows.map((row) => staffSummary(ctx.services, row)));
}

export const staffChatRouter = router({
  /** Waiting chats (longest first), every agent's active ones, and who is online. */
  queue: staffProcedure.query(async ({ ctx }) => ({
    waiting: await summaries(ctx, 'waiting'),
    active: await summaries(ctx, 'active'),
    agents: await agentsWithPresence(ctx.services),
  })),

  byId: staffProcedure.input(byConversation).query(async ({ ctx, input }) => {
    const conversation = await summary(ctx, input.conversationId);
    const page = await messagePage(ctx.services.db, conversation.id, undefined, 50);
    return { conversation, ...page };
  }),

  history: staffProcedure.input(historyInput).query(async ({ ctx, input }) => {
    const row = await conversationRow(ctx.services, input.conversationId);
    return messagePage(ctx.services.db, row.id, input.before, input.limit);
  }),

  pickUp: staffProcedure.input(byConversation).mutation(async ({ ctx, input }) => {
    await pickUp(ctx.services, input.conversationId, agentOf(ctx));
    return summary(ctx, input.conversationId);
  }),

  transfer: staffProcedure.input(transferInput).mutation(async ({ ctx, input }) => {
    const to = await ctx.services.db
      .selectFrom('user')
      .select(['id', 'name', 'role'])
      .where('id', '=', input.agentId)
      .executeTakeFirst();
    if (!to || !isStaffRole(to.role)) throw refuse('NOT_FOUND', ChatError, 'AGENT_NOT_FOUND');
    await transfer(ctx.services, input.conversationId, { id: to.id, name: to.name });
    return summary(ctx, input.conversationId);
  }),

  /** An answer; a chat nobody has yet is picked up by answering it. */
  send: staffProcedure.input(sendInput).mutation(async ({ ctx, input }) => {
    const { db } = ctx.services;
    const agent = agentOf(ctx);
    const row = await conversationRow(ctx.services, input.conversationId);
    if (input.clientId) {
      const again = await findMessageByClientId(db, row.id, input.clientId);
      if (again) return again;
    }
    if (row.status === 'ended') throw refuse('CONFLICT', ChatError, 'ENDED');
    if (row.status === 'active' && row.agentId !== agent.id) {
      throw refuse('CONFLICT', ChatError, 'TAKEN');
    }
    if (row.status !== 'active') await pickUp(ctx.services, row.id, agent);
    try {
      const seq = await sendMessage(
        ctx.services,
        row.id,
        { role: 'staff', ...agent },
        {
          kind: 'text',
          body: input.body,
          attachmentIds: input.attachmentIds,
          clientId: input.clientId,
        },
      );
      ctx.services.background.run('chat reply mail', () =>
        mailChatReply(ctx.services, row.id, agent.name, input.body),
      );
      return messageBySeq(db, row.id, seq);
    } catch (error) {
      if (input.clientId && isUniqueViolation(error)) {
        return (await findMessageByClientId(db, row.id, input.clientId))!;
      }
      throw error;
    }
  }),

  typing: staffProcedure.input(typingInput).mutation(async ({ ctx, input }) => {
    const row = await conversationRow(ctx.services, input.conversationId);
    const quiet = (await ctx.services.chat.typing.take(`staff:${row.id}`)) !== null;
    if (row.status !== 'ended' && (!quiet || !input.typing)) {
      ctx.services.bus.publishChat({
        type: 'typing',
        conversationId: row.id,
        role: 'staff',
        name: ctx.session.name,
        typing: input.typing,
      });
    }
    return { ok: true as const };
  }),

  markRead: staffProcedure.input(markReadInput).mutation(async ({ ctx, input }) => {
    const row = await conversationRow(ctx.services, input.conversationId);
    if (await setReceipt(ctx.services.db, row.id, 'readByStaff', input.upTo)) {
      ctx.services.bus.publishChat({ type: 'conversation', conversationId: row.id });
    }
    return { ok: true as const };
  }),

  end: staffProcedure.input(byConversation).mutation(async ({ ctx, input }) => {
    await endConversation(ctx.services, input.conversationId, {
      role: 'staff',
      agent: agentOf(ctx),
    });
    return summary(ctx, input.conversationId);
  }),

  /** The chat goes on as a ticket in the customer's name, with the transcript. */
  toTicket: staffProcedure
    .input(byConversation)
    .mutation(({ ctx, input }) => turnIntoTicket(ctx.services, input.conversationId, agentOf(ctx))),

  /**
   * Away: the console stays open and keeps hearing chats, but customers are not offered this
   * agent. Only with the console open (a closed console is offline anyway).
   */
  setAway: staffProcedure
    .input(z.strictObject({ away: z.boolean() }))
    .mutation(({ ctx, input }) => {
      const { chat, bus } = ctx.services;
      if (chat.setAway(ctx.session.userId, input.away)) bus.publishChat({ type: 'presence' });
      return { away: chat.isAway(ctx.session.userId) };
    }),

  /** Every chat, live; the agent is online while this is open. */
  onEvent: staffProcedure
    .input(z.strictObject({ lastEventId }).default({}))
    .subscription(async function* ({ ctx, signal }) {
      yield* staffStream(ctx.services, ctx.session.userId, signal);
    }),
});
