import { tracked } from '@trpc/server';
import { z } from 'zod';
import type { Context } from '../context.ts';
import type { SessionInfo } from '../session/session.cache.ts';
import { customerProcedure, router } from '../trpc.ts';
import { refuse } from '../errors.ts';
import { limited } from '../rate-limit.ts';
import type { TicketChange } from '../realtime/bus.ts';
import { TicketError } from './ticket.errors.ts';
import { createInput, listInput, rateInput, replyInput, tags, ticketId } from './ticket.schema.ts';
import { listTickets, unreadCount, type TicketReader } from './ticket.queries.ts';
import { findTicket } from './ticket.detail.ts';
import {
  addMessage,
  createTicket,
  earlierTicket,
  markRead,
  type TicketActor,
} from './ticket.write.ts';
import { rateTicket, setStatus, setTags } from './ticket.change.ts';
import { mailNewTicket } from './ticket.mail.ts';
import { keyUsedBy } from './ticket.replay.ts';
import { isTrustedOrigin } from '../settings/settings.origins.ts';

const byId = z.strictObject({ ticketId });
/** A ticket sent again under a key already used is answered even when the budget is spent. */
const creating = customerProcedure.use(
  limited('ticket.create', (ctx: Context & { session: SessionInfo }, key) =>
    keyUsedBy(ctx.services.db, ctx.session.userId, key),
  ),
);

function customerOf(ctx: Context & { account: { accountId: string }; session: SessionInfo }) {
  const reader: TicketReader = {
    kind: 'customer',
    accountId: ctx.account.accountId,
    userId: ctx.session.userId,
  };
  const actor: TicketActor = { id: ctx.session.userId, name: ctx.session.name, role: 'customer' };
  return { reader, actor };
}

/** The ticket as the reader may see it, or NOT_FOUND: another account's looks missing. */
export async function ticketOrNotFound(ctx: Context, reader: TicketReader, id: string) {
  const ticket = await findTicket(ctx.services.db, reader, id);
  if (!ticket) throw refuse('NOT_FOUND', TicketError, 'NOT_FOUND');
  return ticket;
}

/** A page of the vendor's site the answer mails may link to: only on a trusted origin. */
export async function trustedPage(
  ctx: Context,
  href: string | undefined,
): Promise<string | undefined> {
  if (href === undefined) return undefined;
  const url = new URL(href);
  const { db, config } = ctx.services;
  if (!(await isTrustedOrigin(db, config.trustedOrigins, url.origin))) {
    throw refuse('BAD_REQUEST', TicketError, 'UNTRUSTED_LINK');
  }
  url.hash = '';
  return url.href;
}

/**
 * Changes on the reader's tickets as they happen: first the unread count, then one event per
 * change with the new count, and for the thread being read (`ticketId`) the new message itself.
 */
export async function* ticketUpdates(
  ctx: Context,
  reader: TicketReader,
  watched: string | undefined,
  signal: AbortSignal | undefined,
) {
  const { db, bus } = ctx.services;
  const visible = (change: TicketChange) =>
    change.type === 'sync' ||
    (change.type === 'read'
      ? change.actorId === reader.userId
      : reader.kind === 'staff' || (change.accountId === reader.accountId && !change.internal));
  let sequence = 0;
  const id = () => `${Date.now().toString(36)}-${(sequence++).toString(36)}`;
  // Listen before the first count, so nothing that happens in between is missed.
  const changes = bus.ticketChanges(signal);
  yield tracked(id(), {
    type: 'sync' as const,
    ticketId: null,
    unread: await unreadCount(db, reader),
    message: null,
  });
  for await (const change of changes) {
    if (!visible(change)) continue;
    let message = null;
    if (change.ticketId === watched && change.messageId) {
      const ticket = await findTicket(db, reader, change.ticketId);
      message = ticket?.messages.find((m) => m.id === change.messageId) ?? null;
    }
    yield tracked(id(), {
      type: change.type,
      ticketId: change.type === 'sync' ? null : change.ticketId,
      unread: await unreadCount(db, reader),
      message,
    });
  }
}

export const ticketRouter = router({
  /** Opens a ticket; a retry with the same request key returns it and writes nothing. */
  create: creating.input(createInput).mutation(async ({ ctx, input }) => {
    const { reader, actor } = customerOf(ctx);
    // A retry is answered before the checks below: the vendor may have changed its choices since.
    const earlier = await earlierTicket(ctx.services.db, ctx.account.accountId, actor, input);
    if (earlier) return ticketOrNotFound(ctx, reader, earlier);
    const { ticketCategories, ticketKinds } = ctx.services.portalSettings();
    if (!ticketKinds.includes(input.kind)) {
      throw refuse('BAD_REQUEST', TicketError, 'KIND_NOT_OFFERED', { kinds: ticketKinds });
    }
    if (input.category !== undefined && !ticketCategories.includes(input.category)) {
      throw refuse('BAD_REQUEST', TicketError, 'UNKNOWN_CATEGORY', {
        categories: ticketCategories,
      });
    }
    const pageUrl = await trustedPage(ctx, input.pageUrl);
    const { replayed, ...change } = await createTicket(
      ctx.services.db,
      ctx.account.accountId,
      actor,
      { ...input, pageUrl },
    );
    if (!replayed) {
      ctx.services.bus.publish(change);
      ctx.services.background.run('new-ticket mail', () =>
        mailNewTicket(ctx.services, change.ticketId),
      );
    }
    return ticketOrNotFound(ctx, reader, change.ticketId);
  }),

  /** Unread first, then the latest activity; with the number of unread tickets. */
  list: customerProcedure.input(listInput).query(async ({ ctx, input }) => {
    const { reader } = customerOf(ctx);
    const [found, unread] = await Promise.all([
      listTickets(ctx.services.db, reader, input),
      unreadCount(ctx.services.db, reader),
    ]);
    return { ...found, unread };
  }),

  byId: customerProcedure
    .input(byId)
    .query(({ ctx, input }) => ticketOrNotFound(ctx, customerOf(ctx).reader, input.ticketId)),

  /** The reader has seen the thread up to now. */
  markRead: customerProcedure.input(byId).mutation(async ({ ctx, input }) => {
    const { reader } = customerOf(ctx);
    await ticketOrNotFound(ctx, reader, input.ticketId);
    await markRead(ctx.services.db, input.ticketId, reader.userId);
    ctx.services.bus.publish({
      ticketId: input.ticketId,
      accountId: ctx.account.accountId,
      type: 'read',
      internal: false,
      actorId: reader.userId,
    });
    return { unread: await unreadCount(ctx.services.db, reader) };
  }),

  /** A retry with the same request key returns the ticket and writes nothing. */
  reply: customerProcedure.input(replyInput).mutation(async ({ ctx, input }) => {
    const { reader, actor } = customerOf(ctx);
    const { replayed, ...change } = await addMessage(
      ctx.services.db,
      reader,
      actor,
      input.ticketId,
      input,
    );
    if (!replayed) ctx.services.bus.publish(change);
    return ticketOrNotFound(ctx, reader, input.ticketId);
  }),

  close: customerProcedure.input(byId).mutation(async ({ ctx, input }) => {
    const { reader, actor } = customerOf(ctx);
    ctx.services.bus.publish(
      await setStatus(ctx.services.db, reader, actor, input.ticketId, 'closed'),
    );
    return ticketOrNotFound(ctx, reader, input.ticketId);
  }),

  reopen: customerProcedure.input(byId).mutation(async ({ ctx, input }) => {
    const { reader, actor } = customerOf(ctx);
    ctx.services.bus.publish(
      await setStatus(ctx.services.db, reader, actor, input.ticketId, 'open'),
    );
    return ticketOrNotFound(ctx, reader, input.ticketId);
  }),

  /** Stars and a comment on the answer: once, after the ticket was resolved. */
  rate: customerProcedure.input(rateInput).mutation(async ({ ctx, input }) => {
    const { reader, actor } = customerOf(ctx);
    ctx.services.bus.publish(
      await rateTicket(ctx.services.db, reader, actor, input.ticketId, input.rating, input.comment),
    );
    return ticketOrNotFound(ctx, reader, input.ticketId);
  }),

  setTags: customerProcedure
    .input(z.strictObject({ ticketId, tags }))
    .mutation(async ({ ctx, input }) => {
      const { reader, actor } = customerOf(ctx);
      ctx.services.bus.publish(
        await setTags(ctx.services.db, reader, actor, input.ticketId, input.tags),
      );
      return ticketOrNotFound(ctx, reader, input.ticketId);
    }),

  /** Server-sent events: unread counts, and new messages of the open thread. */
  onUpdate: customerProcedure
    .input(
      z.strictObject({
        ticketId: ticketId.optional(),
        lastEventId: z.string().max(100).nullish(),
      }),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      const { reader } = customerOf(ctx);
      if (input.ticketId) await ticketOrNotFound(ctx, reader, input.ticketId);
      yield* ticketUpdates(ctx, reader, input.ticketId, signal);
    }),
});
