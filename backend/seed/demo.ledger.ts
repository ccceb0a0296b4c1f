import { randomUUID } from 'node:crypto';
import type { Services } from '../services.ts';
import { invoiceOrder } from '../ledger/ledger.write.ts';
import { createCreditNote, postPayment } from '../ledger/ledger.payments.ts';
import { addDays, settle } from '../ledger/ledger.settle.ts';
import { PAYMENT_TERMS_DAYS } from '../ledger/ledger.schema.ts';
import { DEMO_CUSTOMERS } from './demo.orders.ts';

const VENDOR = 'Nordlicht Supply';

/**
 * Gives the demo customers a history of invoices and payments: every shipped order invoiced on
 * the day it shipped, older invoices paid by bank transfer, Anna's café left with one invoice
 * overdue and partly paid, one open, and a goodwill credit note.
 */
export async function seedDemoLedger(services: Services): Promise<void> {
  const { db } = services;
  const { currency } = services.portalSettings();
  const today = new Date().toISOString().slice(0, 10);
  for (const customer of DEMO_CUSTOMERS) {
    const account = await db
      .selectFrom('member')
      .innerJoin('user', 'user.id', 'member.userId')
      .select('member.organizationId as id')
      .where('user.email', '=', customer.email)
      .executeTakeFirst();
    if (!account) continue;
    const shipped = await db
      .selectFrom('order')
      .innerJoin('orderEvent', 'orderEvent.orderId', 'order.id')
      .select(['order.id', 'orderEvent.at'])
      .where('order.accountId', '=', account.id)
      .where('orderEvent.type', '=', 'shipped')
      .orderBy('orderEvent.at')
      .execute();
    const invoices: { id: string; total: number; issuedOn: string }[] = [];
    for (const order of shipped) {
      const issuedOn = order.at.slice(0, 10);
      await db.transaction().execute(async (trx) => {
        await invoiceOrder(trx, order.id, VENDOR, issuedOn);
        // An invoice the shipping step issued today moves to the day the order really shipped.
        await trx
          .updateTable('invoice')
          .set({ issuedOn, dueOn: addDays(issuedOn, PAYMENT_TERMS_DAYS) })
          .where('orderId', '=', order.id)
          .execute();
      });
      const invoice = await db
        .selectFrom('invoice')
        .select(['id', 'total', 'issuedOn'])
        .where('orderId', '=', order.id)
        .executeTakeFirstOrThrow();
      invoices.push(invoice);
    }
    const isAnna = customer === DEMO_CUSTOMERS[0];
    // Anna pays her oldest invoice in full and half of the next, late; the rest stays open.
    const paid = isAnna
      ? invoices.slice(0, 1)
      : invoices.filter((i) => addDays(i.issuedOn, 20) < today);
    const payments = paid.map((invoice) => ({
      amount: invoice.total,
      on: addDays(invoice.issuedOn, 10),
    }));
    const second = invoices[1];
    if (isAnna && second) {
      payments.push({ amount: Math.round(second.total / 2), on: addDays(second.issuedOn, 25) });
    }
    for (const payment of payments) {
      await postPayment(
        db,
        {
          accountId: account.id,
          amount: payment.amount,
          receivedOn: payment.on < today ? payment.on : today,
          method: 'bank_transfer',
          reference: `SEPA ${customer.company}`,
          idempotencyKey: randomUUID(),
        },
        currency,
        VENDOR,
      );
    }
    if (isAnna && invoices.length > 2) {
      await createCreditNote(
        db,
        { accountId: account.id, amount: 500, reason: 'Goodwill: the cups arrived two days late' },
        currency,
        VENDOR,
      );
    }
    await db.transaction().execute((trx) => settle(trx, account.id));
  }
}
