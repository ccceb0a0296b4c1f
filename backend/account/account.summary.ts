import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { listOrders } from '../order/order.queries.ts';
import { accountBalance, invoiceStatus, listPayments } from '../ledger/ledger.queries.ts';
import { today, used } from '../ledger/ledger.settle.ts';

const SHOWN = 5;

/** The order steps a recent order's small timeline shows, with the time each was reached. */
const STEPS = ['placed', 'confirmed', 'shipped', 'delivered', 'cancelled'] as const;

/**
 * Everything the account overview shows, in a fixed number of statements however long the
 * account's history is: the balance and overdue amount, the open invoices that are due first,
 * the last payments, and the last orders with the dates of their steps.
 */
export async function accountSummary(db: Db, accountId: string, currency: string, on = today()) {
  const openInvoices = db
    .selectFrom('invoice')
    .where('accountId', '=', accountId)
    .where('awaitingPayment', '=', 1);
  const [balance, open, openCount, payments, orders] = await Promise.all([
    accountBalance(db, accountId, on),
    openInvoices
      .select([
        'id',
        'number',
        'issuedOn',
        'dueOn',
        'total',
        'currency',
        sql<number>`total - ${used('invoiceId', 'invoice')}`.as('amountDue'),
        invoiceStatus(on).as('status'),
      ])
      .orderBy('dueOn')
      .orderBy('number')
      .limit(SHOWN)
      .execute(),
    openInvoices.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    listPayments(db, { accountId }, { limit: SHOWN }),
    listOrders(db, { accountId }, { limit: SHOWN }),
  ]);
  const orderIds = orders.items.map((order) => order.id);
  const events =
    orderIds.length === 0
      ? []
      : await db
          .selectFrom('orderEvent')
          .select(['orderId', 'type', 'at'])
          .where('orderId', 'in', orderIds)
          .where('type', 'in', STEPS)
          .orderBy('at')
          .execute();
  return {
    currency,
    balance: balance.balance,
    overdue: balance.overdue,
    openInvoices: { items: open, total: Number(openCount.n) },
    payments: payments.items.map(({ invoices, ...payment }) => ({
      ...payment,
      invoiceNumbers: invoices.map((invoice) => invoice.number),
    })),
    orders: orders.items.map((order) => ({
      ...order,
      steps: events
        .filter((event) => event.orderId === order.id)
        .map(({ type, at }) => ({ type: type as (typeof STEPS)[number], at })),
    })),
  };
}

export type AccountSummary = Awaited<ReturnType<typeof accountSummary>>;
