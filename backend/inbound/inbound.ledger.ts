import { createHash } from 'node:crypto';
import type { Services } from '../services.ts';
import { refuse } from '../errors.ts';
import { isUniqueViolation } from '../db/constraint.ts';
import { LedgerError } from '../ledger/ledger.errors.ts';
import { issueInvoice } from '../ledger/ledger.write.ts';
import { postPaymentIn } from '../ledger/ledger.payments.ts';
import { InboundError } from './inbound.errors.ts';
import type { InboundCaller } from './inbound.keys.ts';
import type { InboundInvoiceInput, InboundPaymentInput } from './inbound.schema.ts';
import { applyOnce, type Message, type Outcome } from './inbound.idempotency.ts';

/**
 * Issues an invoice written in the ERP, and records the message in the same transaction: the
 * invoice exists exactly when its message does. With an order number it bills that order of the
 * account (which then is not invoiced again when it ships); an order billed already is refused.
 */
export async function importInvoice(
  services: Services,
  caller: InboundCaller,
  input: InboundInvoiceInput,
  message: Message,
): Promise<Outcome> {
  const { id: _vendorId, orderNumber, ...invoice } = input;
  try {
    return await applyOnce(services.db, message, async (trx) => {
      let orderId: string | null = null;
      if (orderNumber) {
        const order = await trx
          .selectFrom('order')
          .leftJoin('invoice', 'invoice.orderId', 'order.id')
          .select(['order.id', 'invoice.id as invoiceId'])
          .where('order.number', '=', orderNumber)
          .where('order.accountId', '=', input.accountId)
          .executeTakeFirst();
        if (!order) throw refuse('NOT_FOUND', InboundError, 'ORDER_NOT_FOUND');
        if (order.invoiceId) throw refuse('CONFLICT', LedgerError, 'ALREADY_INVOICED');
        orderId = order.id;
      }
      const { currency } = services.portalSettings();
      const invoiceId = await issueInvoice(trx, invoice, currency, caller.name, orderId);
      const issued = await trx
        .selectFrom('invoice')
        .select(['id', 'number', 'accountId', 'currency', 'total', 'issuedOn', 'dueOn'])
        .where('id', '=', invoiceId)
        .executeTakeFirstOrThrow();
      return {
        status: 201,
        body: {
          invoiceId: issued.id,
          number: issued.number,
          accountId: issued.accountId,
          orderNumber: orderNumber ?? null,
          currency: issued.currency,
          total: issued.total,
          issuedOn: issued.issuedOn,
          dueOn: issued.dueOn,
        },
      };
    });
  } catch (error) {
    // The order was invoiced (it shipped) while this message was applied.
    if (isUniqueViolation(error) && orderNumber) {
      throw refuse('CONFLICT', LedgerError, 'ALREADY_INVOICED');
    }
    throw error;
  }
}

/** The ledger's request key for an ERP payment: the same for every retry of the message. */
function paymentKey(vendorId: string): string {
  return `inbound-${createHash('sha256').update(vendorId).digest('base64url').slice(0, 43)}`;
}

/**
 * Posts a payment booked in the ERP and records the message in the same transaction. The
 * ledger also keeps it once per request key (made from the ERP's id), so a payment posted
 * before this was one transaction is found, not posted again.
 */
export function importPayment(
  services: Services,
  caller: InboundCaller,
  input: InboundPaymentInput,
  message: Message,
): Promise<Outcome> {
  const { id: vendorId, ...payment } = input;
  return applyOnce(services.db, message, async (trx) => {
    const { currency } = services.portalSettings();
    const posted = await postPaymentIn(
      trx,
      { ...payment, idempotencyKey: paymentKey(vendorId) },
      currency,
      caller.name,
    );
    const row = await trx
      .selectFrom('payment')
      .select(['id', 'accountId', 'amount', 'currency', 'receivedOn'])
      .where('id', '=', posted.paymentId)
      .executeTakeFirstOrThrow();
    return {
      status: 201,
      body: {
        paymentId: row.id,
        accountId: row.accountId,
        amount: row.amount,
        currency: row.currency,
        receivedOn: row.receivedOn,
      },
    };
  });
}
