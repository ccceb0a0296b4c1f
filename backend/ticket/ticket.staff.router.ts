import { z } from 'zod';
import type { Context } from '../context.ts';
import type { SessionInfo } from '../session/session.cache.ts';
import { router, staffProcedure } from '../trpc.ts';
import {
  replyInput,
  staffListInput,
  staffReplyInput,
  tags,
  ticketId,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
} from './ticket.schema.ts';
import { listTickets, unreadCount, type TicketReader } from './ticket.queries.ts';
import { addMessage, markRead, type TicketActor } from './ticket.write.ts';
import { mergeTickets, setStatus, setTags, updateTicket } from './ticket.change.ts';
import { mailAnswer } from './ticket.mail.ts';
import { ticketOrNotFound, ticketUpdates } from './ticket.router.ts';
import { cannedRouter } from './ticket.canned.ts';

const byId = z.strictObject({ ticketId });

function staffOf(ctx: Context & { session: SessionInfo }) {
  const reader: TicketReader = { kind: 'staff', userId: ctx.session.userId };
  const actor: TicketActor = { id: ctx.session.userId, name: ctx.session.name, role: 'staff' };
  return { reader, actor };
}

/** The staff side of tickets: the queue, answers, notes, triage, merging, saved replies. */
export const staffTicketRouter = router({
  /**
   * The queue, in the order asked for (by default unread, new customer words, first); filters on
   * status, priority, kind, tag, assignee, unread and how long the customer has waited.
   */
  list: staffProcedure.input(staffListInput).query(async ({ ctx, input }) => {
    const { reader } = staffOf(ctx);
    const [found, unread] = await Promise.all([
      listTickets(ctx.services.db, reader, input),
      unreadCount(ctx.services.db, reader),
    ]);
    return { ...found, unread };
  }),

  /** With the internal notes and the whole audit. */
  byId: staffProcedure
    .input(byId)
    .query(({ ctx, input }) => ticketOrNotFound(ctx, staffOf(ctx).reader, input.ticketId)),

  markRead: staffProcedure.input(byId).mutation(async ({ ctx, input }) => {
    const { reader } = staffOf(ctx);
    const ticket = await ticketOrNotFound(ctx, reader, input.ticketId);
    await markRead(ctx.services.db, input.ticketId, reader.userId);
    ctx.services.bus.publish({
      ticketId: ticket.id,
      accountId: ticket.accountId,
      type: 'read',
      internal: false,
      actorId: reader.userId,
    });
    return { unread: await unreadCount(ctx.services.db, reader) };
  }),

  /**
   * An answer the customer sees and is mailed; by default the ticket then waits on them. A retry
   * with the same request key returns the ticket, writes nothing and mails nothing.
   */
  reply: staffProcedure.input(staffReplyInput).mutation(async ({ ctx, input }) => {
    const { reader, actor } = staffOf(ctx);
    const { replayed, ...change } = await addMessage(
      ctx.services.db,
      reader,
      actor,
      input.ticketId,
      input,
    );
    if (!replayed) {
      ctx.services.bus.publish(change);
      if (change.messageId) {
        const messageId = change.messageId;
        ctx.services.background.run('answer mail', () =>
          mailAnswer(ctx.services, input.ticketId, messageId),
        );
      }
    }
    return ticketOrNotFound(ctx, reader, input.ticketId);
  }),

  /** A note for colleagues only; a request key works as for answers. */
  note: staffProcedure.input(replyInput).mutation(async ({ ctx, input }) => {
    const { reader, actor } = staffOf(ctx);
    const { replayed, ...change } = await addMessage(
      ctx.services.db,
      reader,
      actor,
      input.ticketId,
      { ...input, internal: true },
    );
    if (!replayed) ctx.services.bus.publish(change);
    return ticketOrNotFound(ctx, reader, input.ticketId);
  }),

  setStatus: staffProcedure
    .input(z.strictObject({ ticketId, status: z.enum(TICKET_STATUSES) }))
    .mutation(async ({ ctx, input }) => {
      const { reader, actor } = staffOf(ctx);
      ctx.services.bus.publish(
        await setStatus(ctx.services.db, reader, actor, input.ticketId, input.status),
      );
      return ticketOrNotFound(ctx, reader, input.ticketId);
    }),

  setPriority: staffProcedure
    .input(z.strictObject({ ticketId, priority: z.enum(TICKET_PRIORITIES) }))
    .mutation(async ({ ctx, input }) => {
      const { reader, actor } = staffOf(ctx);
      const change = await updateTicket(ctx.services.db, actor, input.ticketId, {
        priority: input.priority,
      });
      ctx.services.bus.publish({ ...change, internal: false });
      return ticketOrNotFound(ctx, reader, input.ticketId);
    }),

  /** Gives the ticket to an agent, or back to the queue with `null`. */
  assign: staffProcedure
    .input(z.strictObject({ ticketId, assigneeId: z.string().min(1).max(64).nullable() }))
    .mutation(async ({ ctx, input }) => {
      const { reader, actor } = staffOf(ctx);
      ctx.services.bus.publish(
        await updateTicket(ctx.services.db, actor, input.ticketId, {
          assigneeId: input.assigneeId,
        }),
      );
      return ticketOrNotFound(ctx, reader, input.ticketId);
    }),

  setTags: staffProcedure
    .input(z.strictObject({ ticketId, tags }))
    .mutation(async ({ ctx, input }) => {
      const { reader, actor } = staffOf(ctx);
      ctx.services.bus.publish(
        await setTags(ctx.services.db, reader, actor, input.ticketId, input.tags),
      );
      return ticketOrNotFound(ctx, reader, input.ticketId);
    }),

  /** Folds a duplicate (`ticketId`) into the ticket that carries on (`intoTicketId`). */
  merge: staffProcedure
    .input(z.strictObject({ ticketId, intoTicketId: ticketId }))
    .mutation(async ({ ctx, input }) => {
      const { reader, actor } = staffOf(ctx);
      const changes = await mergeTickets(
        ctx.services.db,
        actor,
        input.ticketId,
        input.intoTicketId,
      );
      for (const change of changes) ctx.services.bus.publish(change);
      return ticketOrNotFound(ctx, reader, input.intoTicketId);
    }),

  /** Everyone a ticket can be assigned to. */
  agents: staffProcedure.query(({ ctx }) =>
    ctx.services.db
      .selectFrom('user')
      .select(['id', 'name', 'email', 'role'])
      .where('role', 'in', ['agent', 'admin'])
      .orderBy('name')
      .execute(),
  ),

  canned: cannedRouter,

  /** Every ticket change, notes included, with the queue's unread count. */
  onUpdate: staffProcedure
    .input(
      z.strictObject({
        ticketId: ticketId.optional(),
        lastEventId: z.string().max(100).nullish(),
      }),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      const { reader } = staffOf(ctx);
      if (input.ticketId) await ticketOrNotFound(ctx, reader, input.ticketId);
      yield* ticketUpdates(ctx, reader, input.ticketId, signal);
    }),
});
