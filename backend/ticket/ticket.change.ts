import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { timestamp } from '../db/clock.ts';
import { refuse } from '../errors.ts';
import type { TicketChange } from '../realtime/bus.ts';
import type { TicketReader } from './ticket.queries.ts';
import type { TicketPriority, TicketStatus } from './ticket.tables.ts';
import { TicketError } from './ticket.errors.ts';
import { addEvent, searchTextOf, ticketInScope, type TicketActor } from './ticket.write.ts';

const CUSTOMER_MOVES: Partial<Record<TicketStatus, readonly TicketStatus[]>> = {
  closed: ['open', 'pending', 'resolved'],
  open: ['resolved', 'closed'],
};

/**
 * Moves a ticket to another status. Customers may close it or reopen a resolved or closed one;
 * staff may set any status.
 */
export async function setStatus(
  db: Db,
  reader: TicketReader,
  actor: TicketActor,
  ticketId: string,
  to: TicketStatus,
): Promise<TicketChange> {
  return db.transaction().execute(async (trx) => {
    const ticket = await ticketInScope(trx, reader, ticketId);
    if (ticket.mergedInto) throw refuse('CONFLICT', TicketError, 'MERGED');
    if (actor.role === 'customer' && !CUSTOMER_MOVES[to]?.includes(ticket.status)) {
      throw refuse('CONFLICT', TicketError, to === 'closed' ? 'NOT_CLOSABLE' : 'NOT_REOPENABLE');
    }
    const change: TicketChange = {
      ticketId,
      accountId: ticket.accountId,
      type: 'status',
      internal: false,
      actorId: actor.id,
    };
    if (ticket.status === to) return change;
    const at = timestamp();
    await trx
      .updateTable('ticket')
      .set({
        status: to,
        updatedAt: at,
        ...(to === 'resolved' ? { resolvedAt: at } : {}),
        // A reopened ticket is new work for staff.
        ...(actor.role === 'customer' && to === 'open' ? { customerAt: at } : {}),
      })
      .where('id', '=', ticketId)
      .execute();
    await addEvent(trx, ticketId, actor, 'status', { from: ticket.status, to }, false, at);
    return change;
  });
}

/** The customer's verdict on the answer: once, and only after the ticket was resolved. */
export async function rateTicket(
  db: Db,
  reader: TicketReader,
  actor: TicketActor,
  ticketId: string,
  rating: number,
  comment: string,
): Promise<TicketChange> {
  return db.transaction().execute(async (trx) => {
    const ticket = await ticketInScope(trx, reader, ticketId);
    if (ticket.rating !== null) throw refuse('CONFLICT', TicketError, 'ALREADY_RATED');
    if (!ticket.resolvedAt || (ticket.status !== 'resolved' && ticket.status !== 'closed')) {
      throw refuse('PRECONDITION_FAILED', TicketError, 'NOT_RESOLVED');
    }
    const at = timestamp();
    await trx
      .updateTable('ticket')
      .set({ rating, ratingComment: comment, ratedBy: actor.id, ratedAt: at, updatedAt: at })
      .where('id', '=', ticketId)
      .where('rating', 'is', null)
      .execute();
    await addEvent(trx, ticketId, actor, 'rated', { rating }, false, at);
    return {
      ticketId,
      accountId: ticket.accountId,
      type: 'changed',
      internal: false,
      actorId: actor.id,
    };
  });
}

/** Replaces the ticket's tags. */
export async function setTags(
  db: Db,
  reader: TicketReader,
  actor: TicketActor,
  ticketId: string,
  tags: readonly string[],
): Promise<TicketChange> {
  return db.transaction().execute(async (trx) => {
    const ticket = await ticketInScope(trx, reader, ticketId);
    const before = await trx
      .selectFrom('ticketTag')
      .select('tag')
      .where('ticketId', '=', ticketId)
      .execute();
    await trx.deleteFrom('ticketTag').where('ticketId', '=', ticketId).execute();
    if (tags.length) {
      await trx
        .insertInto('ticketTag')
        .values(tags.map((tag) => ({ ticketId, tag })))
        .execute();
    }
    const at = timestamp();
    await trx
      .updateTable('ticket')
      .set({ searchText: await searchTextOf(trx, ticketId), updatedAt: at })
      .where('id', '=', ticketId)
      .execute();
    await addEvent(
      trx,
      ticketId,
      actor,
      'tags',
      { from: before.map((row) => row.tag).sort(), to: [...tags].sort() },
      false,
      at,
    );
    return {
      ticketId,
      accountId: ticket.accountId,
      type: 'changed',
      internal: false,
      actorId: actor.id,
    };
  });
}

/** Staff only: priority, category and assignee changes, each in the audit. */
export async function updateTicket(
  db: Db,
  actor: TicketActor,
  ticketId: string,
  change: { priority?: TicketPriority; assigneeId?: string | null },
): Promise<TicketChange> {
  return db.transaction().execute(async (trx) => {
    const ticket = await ticketInScope(trx, { kind: 'staff', userId: actor.id }, ticketId);
    const at = timestamp();
    if (change.priority !== undefined && change.priority !== ticket.priority) {
      await trx
        .updateTable('ticket')
        .set({ priority: change.priority, updatedAt: at })
        .where('id', '=', ticketId)
        .execute();
      await addEvent(
        trx,
        ticketId,
        actor,
        'priority',
        { from: ticket.priority, to: change.priority },
        false,
        at,
      );
    }
    if (change.assigneeId !== undefined && change.assigneeId !== ticket.assigneeId) {
      let name: string | null = null;
      if (change.assigneeId !== null) {
        const agent = await trx
          .selectFrom('user')
          .select('name')
          .where('id', '=', change.assigneeId)
          .where('role', 'in', ['agent', 'admin'])
          .executeTakeFirst();
        if (!agent) throw refuse('BAD_REQUEST', TicketError, 'NOT_AN_AGENT');
        name = agent.name;
      }
      await trx
        .updateTable('ticket')
        .set({ assigneeId: change.assigneeId })
        .where('id', '=', ticketId)
        .execute();
      await addEvent(trx, ticketId, actor, 'assigned', { to: name }, true, at);
    }
    return {
      ticketId,
      accountId: ticket.accountId,
      type: 'changed',
      internal: true,
      actorId: actor.id,
    };
  });
}

/**
 * Merges a duplicate into another ticket of the same account: its messages move over (keeping
 * their times, so the thread stays in order), its tags are added, and it is closed pointing at
 * the ticket that carries on.
 */
export async function mergeTickets(
  db: Db,
  actor: TicketActor,
  sourceId: string,
  targetId: string,
): Promise<TicketChange[]> {
  if (sourceId === targetId) throw refuse('BAD_REQUEST', TicketError, 'SAME_TICKET');
  return db.transaction().execute(async (trx) => {
    const staff: TicketReader = { kind: 'staff', userId: actor.id };
    const source = await ticketInScope(trx, staff, sourceId);
    const target = await ticketInScope(trx, staff, targetId);
    if (source.accountId !== target.accountId)
      throw refuse('BAD_REQUEST', TicketError, 'OTHER_ACCOUNT');
    if (source.mergedInto || target.mergedInto) throw refuse('CONFLICT', TicketError, 'MERGED');
    const at = timestamp();
    await trx
      .updateTable('ticketMessage')
      .set({ ticketId: targetId })
      .where('ticketId', '=', sourceId)
      .execute();
    await trx
      .insertInto('ticketTag')
      .columns(['ticketId', 'tag'])
      .expression((eb) =>
        eb
          .selectFrom('ticketTag')
          .select([sql.lit(targetId).as('ticketId'), 'tag'])
          .where('ticketId', '=', sourceId),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .updateTable('ticket')
      .set({ status: 'closed', mergedInto: targetId, updatedAt: at })
      .where('id', '=', sourceId)
      .execute();
    const later = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));
    await trx
      .updateTable('ticket')
      .set({
        updatedAt: at,
        customerAt: later(source.customerAt, target.customerAt)!,
        staffAt: later(source.staffAt, target.staffAt),
        searchText: await searchTextOf(trx, targetId),
      })
      .where('id', '=', targetId)
      .execute();
    await addEvent(trx, sourceId, actor, 'merged', { into: target.number }, false, at);
    await addEvent(trx, targetId, actor, 'merged', { from: source.number }, false, at);
    const base = {
      accountId: source.accountId,
      type: 'merged',
      internal: false,
      actorId: actor.id,
    } as const;
    return [
      { ...base, ticketId: sourceId },
      { ...base, ticketId: targetId },
    ];
  });
}
