import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { StoredEvent } from '../events/event.types.ts';
import { STAFF_ROLES } from '../session/roles.ts';
import type { NotificationKind, NotificationParams, SubjectType } from './notification.kinds.ts';

type Trx = Transaction<Database>;

/** What one event means for the people of its account: who hears of what. */
export interface Plan {
  kind: NotificationKind;
  subject: { type: SubjectType; id: string };
  params: NotificationParams;
  /** Customers of the event's account, each once. */
  recipients: string[];
  /** Who the domain mails this kind to itself (`DOMAIN_MAILED`): the notification does not. */
  domainMailTo?: string | null;
}

const ORDER_KINDS = {
  confirmed: 'order_confirmed',
  shipped: 'order_shipped',
  delivered: 'order_delivered',
  cancelled: 'order_cancelled',
} as const satisfies Record<string, NotificationKind>;

const INVOICE_KINDS = {
  'invoice.issued': 'invoice_issued',
  'invoice.due': 'invoice_due',
  'invoice.overdue': 'invoice_overdue',
} as const satisfies Record<string, NotificationKind>;

/** The customers in the account (never staff), less `except` (who made the change). */
async function members(trx: Trx, accountId: string, except: string | null = null) {
  const rows = await trx
    .selectFrom('member')
    .innerJoin('user', 'user.id', 'member.userId')
    .select('member.userId')
    .where('member.organizationId', '=', accountId)
    .where((eb) =>
      eb.or([eb('user.role', 'is', null), eb('user.role', 'not in', [...STAFF_ROLES])]),
    )
    .$if(except !== null, (query) => query.where('member.userId', '!=', except!))
    .execute();
  return [...new Set(rows.map((row) => row.userId))];
}

async function orderFacts(trx: Trx, accountId: string, orderId: string) {
  const order = await trx
    .selectFrom('order')
    .select(['number', 'trackingNumber', 'promisedOn', 'placedBy'])
    .where('id', '=', orderId)
    .where('accountId', '=', accountId)
    .executeTakeFirst();
  if (!order) return null;
  return {
    placedBy: order.placedBy,
    orderNumber: order.number,
    ...(order.trackingNumber ? { trackingNumber: order.trackingNumber } : {}),
    ...(order.promisedOn ? { promisedOn: order.promisedOn } : {}),
  };
}

async function invoiceFacts(trx: Trx, accountId: string, invoiceId: string) {
  const invoice = await trx
    .selectFrom('invoice')
    .select(['number', 'total', 'currency', 'dueOn'])
    .where('id', '=', invoiceId)
    .where('accountId', '=', accountId)
    .executeTakeFirst();
  if (!invoice) return null;
  return {
    invoiceNumber: invoice.number,
    amount: invoice.total,
    currency: invoice.currency,
    dueOn: invoice.dueOn,
  };
}

async function ticketFacts(trx: Trx, accountId: string, ticketId: string) {
  return trx
    .selectFrom('ticket')
    .select(['number', 'subject', 'createdBy'])
    .where('id', '=', ticketId)
    .where('accountId', '=', accountId)
    .executeTakeFirst();
}

/** The ticket's opener and every customer who wrote in it, while they are in the account. */
async function ticketPeople(trx: Trx, accountId: string, ticketId: string, createdBy: string) {
  const writers = await trx
    .selectFrom('ticketMessage')
    .select('authorId')
    .distinct()
    .where('ticketId', '=', ticketId)
    .where('authorRole', '=', 'customer')
    .where('authorId', 'is not', null)
    .execute();
  const involved = new Set([createdBy, ...writers.map((row) => row.authorId!)]);
  return (await members(trx, accountId)).filter((id) => involved.has(id));
}

/**
 * Who should hear of the event, and the facts to show them, read in the transaction that claims
 * it. Null for events no customer needs to hear of: an order placed (its placer knows; others
 * see it in the list), address, tracking and promise changes (shown on the order's timeline),
 * new tickets and sign-ups.
 */
export async function planNotification(trx: Trx, event: StoredEvent): Promise<Plan | null> {
  const { accountId } = event;
  switch (event.type) {
    case 'order.changed':
    case 'order.delayed': {
      const kind =
        event.type === 'order.delayed'
          ? 'order_delayed'
          : ORDER_KINDS[event.change as keyof typeof ORDER_KINDS];
      if (!kind) return null;
      const order = await orderFacts(trx, accountId, event.orderId);
      if (!order) return null;
      const { placedBy, ...facts } = order;
      return {
        kind,
        subject: { type: 'order', id: event.orderId },
        params: event.type === 'order.delayed' ? { ...facts, promisedOn: event.promisedOn } : facts,
        recipients: await members(trx, accountId, event.actorId),
        ...(kind === 'order_shipped'
          ? { domainMailTo: await domainMailPerson(trx, accountId, placedBy) }
          : {}),
      };
    }
    case 'invoice.issued':
    case 'invoice.due':
    case 'invoice.overdue': {
      const facts = await invoiceFacts(trx, accountId, event.invoiceId);
      if (!facts) return null;
      const kind = INVOICE_KINDS[event.type];
      return {
        kind,
        subject: { type: 'invoice', id: event.invoiceId },
        params: event.type === 'invoice.issued' ? facts : { ...facts, days: event.days },
        recipients: await members(trx, accountId),
      };
    }
    case 'payment.posted': {
      const payment = await trx
        .selectFrom('payment')
        .select(['amount', 'currency'])
        .where('id', '=', event.paymentId)
        .where('accountId', '=', accountId)
        .executeTakeFirst();
      if (!payment) return null;
      return {
        kind: 'payment_posted',
        subject: { type: 'payment', id: event.paymentId },
        params: { amount: payment.amount, currency: payment.currency },
        recipients: await members(trx, accountId),
      };
    }
    case 'ticket.answered': {
      const ticket = await ticketFacts(trx, accountId, event.ticketId);
      if (!ticket) return null;
      return {
        kind: 'ticket_answered',
        subject: { type: 'ticket', id: event.ticketId },
        params: { ticketNumber: ticket.number, ticketSubject: ticket.subject },
        recipients: await ticketPeople(trx, accountId, event.ticketId, ticket.createdBy),
        domainMailTo: await domainMailPerson(trx, accountId, ticket.createdBy),
      };
    }
    case 'chat.missed': {
      const ticket = event.ticketId ? await ticketFacts(trx, accountId, event.ticketId) : null;
      const params: NotificationParams =
        ticket && event.ticketId
          ? { ticketNumber: ticket.number, ticketSubject: ticket.subject, ticketId: event.ticketId }
          : {};
      const inAccount = await members(trx, accountId);
      return {
        kind: 'chat_missed',
        subject: { type: 'chat', id: event.conversationId },
        params,
        recipients: inAccount.filter((id) => id === event.customerId),
      };
    }
    case 'order.placed':
    case 'ticket.created':
    case 'customer.signed_up':
      return null;
  }
}

/**
 * The one person the domain's own mail goes to: `preferred` (who placed the order or opened the
 * ticket) while in the account, else its owner, else anyone in it. The same choice as
 * `mailAboutOrder` and `mailAnswer` make, so nobody gets that mail twice.
 */
export async function domainMailPerson(trx: Trx, accountId: string, preferred: string | null) {
  const row = await trx
    .selectFrom('member')
    .select('member.userId')
    .where('member.organizationId', '=', accountId)
    .orderBy((eb) =>
      eb
        .case()
        .when('member.userId', '=', preferred ?? '')
        .then(0)
        .else(1)
        .end(),
    )
    .orderBy((eb) => eb.case().when('member.role', '=', 'owner').then(0).else(1).end())
    .executeTakeFirst();
  return row?.userId ?? null;
}
