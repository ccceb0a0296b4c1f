import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';
import { refuse } from '../errors.ts';
import { emitEvent } from '../events/event.emit.ts';
import { LedgerError } from './ledger.errors.ts';
import { nextNumber, settle, today, used } from './ledger.settle.ts';
import type { CreditNoteInput, PaymentInput } from './ledger.schema.ts';
import { refuseFuture, refuseUnlessAccount, type Trx } from './ledger.write.ts';

/* Money that lowers what an account owes: payments received and credit notes issued. */

/**
 * Records money received from a customer and applies it to the invoices chosen, then to their
 * oldest open invoices. A retry with the same request key returns the payment already posted:
 * the key stands for one payment of one amount to one account (another amount or account is
 * IDEMPOTENCY_KEY_REUSED); what else a retry says, such as other allocations, is not applied.
 */
export function postPayment(
  db: Db,
  input: PaymentInput,
  currency: string,
  postedBy: string,
): Promise<{ paymentId: string; replayed: boolean }> {
  refuseFuture(input.receivedOn);
  return db.transaction().execute((trx) => postPaymentIn(trx, input, currency, postedBy));
}

/** `postPayment` inside the caller's transaction (an inbound message posts and records at once). */
export async function postPaymentIn(
  trx: Trx,
  input: PaymentInput,
  currency: string,
  postedBy: string,
): Promise<{ paymentId: string; replayed: boolean }> {
  refuseFuture(input.receivedOn);
  const earlier = await trx
    .selectFrom('payment')
    .select(['id', 'accountId', 'amount'])
    .where('idempotencyKey', '=', input.idempotencyKey)
    .executeTakeFirst();
  if (earlier) {
    if (earlier.accountId !== input.accountId || earlier.amount !== input.amount) {
      throw refuse('CONFLICT', LedgerError, 'IDEMPOTENCY_KEY_REUSED');
    }
    return { paymentId: earlier.id, replayed: true };
  }
  await refuseUnlessAccount(trx, input.accountId);
  const paymentId = newId();
  await trx
    .insertInto('payment')
    .values({
      id: paymentId,
      accountId: input.accountId,
      amount: input.amount,
      currency,
      receivedOn: input.receivedOn,
      method: input.method,
      reference: input.reference,
      idempotencyKey: input.idempotencyKey,
      postedBy,
      createdAt: timestamp(),
    })
    .execute();
  if (input.allocations?.length) {
    await allocateChosen(trx, input.accountId, paymentId, input.amount, input.allocations);
  }
  await settle(trx, input.accountId);
  await emitEvent(trx, {
    type: 'payment.posted',
    accountId: input.accountId,
    actorId: null,
    paymentId,
  });
  return { paymentId, replayed: false };
}

/**
 * Puts a payment on the invoices staff chose, before `settle` spreads the rest oldest first.
 * Each must be the account's, with at least that much still due on it.
 */
async function allocateChosen(
  trx: Trx,
  accountId: string,
  paymentId: string,
  amount: number,
  chosen: readonly { invoiceId: string; amount: number }[],
): Promise<void> {
  const total = chosen.reduce((sum, row) => sum + row.amount, 0);
  if (total > amount) throw refuse('BAD_REQUEST', LedgerError, 'ALLOCATION_EXCEEDS_PAYMENT');
  const invoices = await trx
    .selectFrom('invoice')
    .select([
      'id',
      'awaitingPayment',
      sql<number>`total - ${used('invoiceId', 'invoice')}`.as('remaining'),
    ])
    .where('accountId', '=', accountId)
    .where(
      'id',
      'in',
      chosen.map((row) => row.invoiceId),
    )
    .execute();
  const settled: string[] = [];
  for (const row of chosen) {
    const invoice = invoices.find((candidate) => candidate.id === row.invoiceId);
    if (!invoice) throw refuse('NOT_FOUND', LedgerError, 'INVOICE_NOT_FOUND');
    if (invoice.awaitingPayment !== 1) {
      throw refuse('PRECONDITION_FAILED', LedgerError, 'INVOICE_NOT_OPEN');
    }
    if (row.amount > invoice.remaining) {
      throw refuse('BAD_REQUEST', LedgerError, 'ALLOCATION_EXCEEDS_DUE');
    }
    if (row.amount === invoice.remaining) settled.push(invoice.id);
  }
  await trx
    .insertInto('allocation')
    .values(
      chosen.map((row) => ({
        id: newId(),
        invoiceId: row.invoiceId,
        paymentId,
        creditNoteId: null,
        amount: row.amount,
        createdAt: timestamp(),
      })),
    )
    .execute();
  if (settled.length) {
    await trx
      .updateTable('invoice')
      .set({ awaitingPayment: 0 })
      .where('id', 'in', settled)
      .execute();
  }
}

/** Credits an account, against one invoice or in general (a goodwill gesture, a refund due). */
export function createCreditNote(
  db: Db,
  input: CreditNoteInput,
  currency: string,
  createdBy: string,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await refuseUnlessAccount(trx, input.accountId);
    if (input.invoiceId) {
      const invoice = await trx
        .selectFrom('invoice')
        .select(['total', 'voidedAt'])
        .where('id', '=', input.invoiceId)
        .where('accountId', '=', input.accountId)
        .executeTakeFirst();
      if (!invoice) throw refuse('NOT_FOUND', LedgerError, 'INVOICE_NOT_FOUND');
      if (invoice.voidedAt) throw refuse('PRECONDITION_FAILED', LedgerError, 'INVOICE_VOID');
      if (input.amount > invoice.total) {
        throw refuse('PRECONDITION_FAILED', LedgerError, 'CREDIT_EXCEEDS_INVOICE');
      }
    }
    const id = newId();
    const issuedOn = today();
    await trx
      .insertInto('creditNote')
      .values({
        id,
        number: await nextNumber(trx, 'credit', issuedOn),
        accountId: input.accountId,
        invoiceId: input.invoiceId ?? null,
        amount: input.amount,
        currency,
        issuedOn,
        reason: input.reason,
        createdBy,
        createdAt: timestamp(),
      })
      .execute();
    await settle(trx, input.accountId);
    return id;
  });
}
