import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { StoredEvent } from '../events/event.types.ts';
import type { WebhookEventType } from './webhook.schema.ts';

type Trx = Transaction<Database>;
type WebhookEvent = Extract<StoredEvent, { type: WebhookEventType }>;

async function orderSnapshot(trx: Trx, orderId: string) {
  const order = await trx
    .selectFrom('order')
    .select([
      'id',
      'number',
      'accountId',
      'status',
      'currency',
      'subtotal',
      'tax',
      'shipping',
      'total',
      'trackingNumber',
      'promisedOn',
      'createdAt',
      'updatedAt',
    ])
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!order) return null;
  const lines = await trx
    .selectFrom('orderLine')
    .select(['sku', 'name', 'quantity', 'unitPrice', 'taxRate', 'subtotal', 'tax'])
    .where('orderId', '=', orderId)
    .orderBy('position')
    .execute();
  return { ...order, lines };
}

async function invoiceSnapshot(trx: Trx, invoiceId: string) {
  const invoice = await trx
    .selectFrom('invoice')
    .leftJoin('order', 'order.id', 'invoice.orderId')
    .select([
      'invoice.id',
      'invoice.number',
      'invoice.accountId',
      'invoice.orderId',
      'order.number as orderNumber',
      'invoice.currency',
      'invoice.issuedOn',
      'invoice.dueOn',
      'invoice.subtotal',
      'invoice.tax',
      'invoice.total',
      'invoice.note',
    ])
    .where('invoice.id', '=', invoiceId)
    .executeTakeFirst();
  if (!invoice) return null;
  const lines = await trx
    .selectFrom('invoiceLine')
    .select(['sku', 'description', 'quantity', 'unitPrice', 'taxRate', 'subtotal', 'tax'])
    .where('invoiceId', '=', invoiceId)
    .orderBy('position')
    .execute();
  return { ...invoice, lines };
}

function paymentSnapshot(trx: Trx, paymentId: string) {
  return trx
    .selectFrom('payment')
    .select(['id', 'accountId', 'amount', 'currency', 'receivedOn', 'method', 'reference'])
    .where('id', '=', paymentId)
    .executeTakeFirst()
    .then((payment) => payment ?? null);
}

function ticketSnapshot(trx: Trx, ticketId: string) {
  return trx
    .selectFrom('ticket')
    .leftJoin('order', 'order.id', 'ticket.orderId')
    .select([
      'ticket.id',
      'ticket.number',
      'ticket.accountId',
      'ticket.subject',
      'ticket.kind',
      'ticket.priority',
      'ticket.status',
      'order.number as orderNumber',
      'ticket.createdAt',
    ])
    .where('ticket.id', '=', ticketId)
    .executeTakeFirst()
    .then((ticket) => ticket ?? null);
}

function messageSnapshot(trx: Trx, messageId: string) {
  return trx
    .selectFrom('ticketMessage')
    .select(['id', 'authorName', 'body', 'createdAt'])
    .where('id', '=', messageId)
    .executeTakeFirst()
    .then((message) => message ?? null);
}

async function customerSnapshot(trx: Trx, accountId: string, userId: string) {
  const [account, person] = await Promise.all([
    trx.selectFrom('organization').select('name').where('id', '=', accountId).executeTakeFirst(),
    trx.selectFrom('user').select(['name', 'email']).where('id', '=', userId).executeTakeFirst(),
  ]);
  return {
    accountId,
    accountName: account?.name ?? null,
    userId,
    name: person?.name ?? null,
    email: person?.email ?? null,
  };
}

/**
 * What the event's object looked like when the event was handled (right after its change): the
 * receiver needs no call back to Portico to act on it. Read in the claim's transaction.
 */
async function snapshot(trx: Trx, event: WebhookEvent): Promise<Record<string, unknown>> {
  switch (event.type) {
    case 'order.placed':
      return { order: await orderSnapshot(trx, event.orderId) };
    case 'order.changed':
      return { change: event.change, order: await orderSnapshot(trx, event.orderId) };
    case 'invoice.issued':
      return { invoice: await invoiceSnapshot(trx, event.invoiceId) };
    case 'payment.posted':
      return { payment: await paymentSnapshot(trx, event.paymentId) };
    case 'ticket.created':
      return { ticket: await ticketSnapshot(trx, event.ticketId) };
    case 'ticket.answered':
      return {
        ticket: await ticketSnapshot(trx, event.ticketId),
        message: await messageSnapshot(trx, event.messageId),
      };
    case 'customer.signed_up':
      return { customer: await customerSnapshot(trx, event.accountId, event.userId) };
  }
}

/** The body every endpoint gets for an event: `{ id, type, createdAt, data }`, as JSON. */
export async function webhookBody(trx: Trx, event: WebhookEvent): Promise<string> {
  const data = { accountId: event.accountId, ...(await snapshot(trx, event)) };
  return JSON.stringify({ id: event.id, type: event.type, createdAt: event.at, data });
}
