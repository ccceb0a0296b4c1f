import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';
import { refuse } from '../errors.ts';
import { emitEvent } from '../events/event.emit.ts';
import { parseStoredAddress, type Address } from '../address/address.schema.ts';
import { LedgerError } from './ledger.errors.ts';
import { addDays, nextNumber, settle, today } from './ledger.settle.ts';
import { PAYMENT_TERMS_DAYS, type InvoiceInput } from './ledger.schema.ts';

export type Trx = Transaction<Database>;

interface NewLine {
  sku: string;
  description: string;
  quantity: number;
  unitPrice: number;
  /** Basis points: 2100 is 21 %. */
  taxRate: number;
}

interface NewInvoice {
  accountId: string;
  orderId: string | null;
  currency: string;
  billTo: Address;
  lines: NewLine[];
  issuedOn: string;
  dueDays: number;
  note: string;
  createdBy: string;
}

const lineTax = (line: NewLine) =>
  Math.round((line.quantity * line.unitPrice * line.taxRate) / 10_000);

async function insertInvoice(trx: Trx, invoice: NewInvoice): Promise<string> {
  const id = newId();
  const lines = invoice.lines.map((line, position) => {
    const subtotal = line.quantity * line.unitPrice;
    return { ...line, id: newId(), invoiceId: id, position, subtotal, tax: lineTax(line) };
  });
  const subtotal = lines.reduce((sum, line) => sum + line.subtotal, 0);
  const tax = lines.reduce((sum, line) => sum + line.tax, 0);
  await trx
    .insertInto('invoice')
    .values({
      id,
      number: await nextNumber(trx, 'invoice', invoice.issuedOn),
      accountId: invoice.accountId,
      orderId: invoice.orderId,
      currency: invoice.currency,
      issuedOn: invoice.issuedOn,
      dueOn: addDays(invoice.issuedOn, invoice.dueDays),
      subtotal,
      tax,
      total: subtotal + tax,
      billTo: JSON.stringify(invoice.billTo),
      note: invoice.note,
      awaitingPayment: subtotal + tax > 0 ? 1 : 0,
      voidedAt: null,
      voidReason: null,
      createdBy: invoice.createdBy,
      createdAt: timestamp(),
    })
    .execute();
  if (lines.length > 0) await trx.insertInto('invoiceLine').values(lines).execute();
  await settle(trx, invoice.accountId);
  await emitEvent(trx, {
    type: 'invoice.issued',
    accountId: invoice.accountId,
    actorId: null,
    invoiceId: id,
  });
  return id;
}

/**
 * Bills a shipped order: its lines, its shipping, to its delivery address. Runs inside the
 * transaction that ships the order; an order already invoiced is left alone (null).
 */
export async function invoiceOrder(
  trx: Trx,
  orderId: string,
  createdBy: string,
  issuedOn = today(),
): Promise<string | null> {
  const existing = await trx
    .selectFrom('invoice')
    .select('id')
    .where('orderId', '=', orderId)
    .executeTakeFirst();
  if (existing) return null;
  const order = await trx
    .selectFrom('order')
    .select(['accountId', 'currency', 'address', 'shipping', 'number'])
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  const lines: NewLine[] = (
    await trx
      .selectFrom('orderLine')
      .select(['sku', 'name as description', 'quantity', 'unitPrice', 'taxRate'])
      .where('orderId', '=', orderId)
      .orderBy('position')
      .execute()
  ).map((line) => ({ ...line }));
  if (order.shipping > 0) {
    lines.push({
      sku: '',
      description: 'Shipping',
      quantity: 1,
      unitPrice: order.shipping,
      taxRate: 0,
    });
  }
  return insertInvoice(trx, {
    accountId: order.accountId,
    orderId,
    currency: order.currency,
    billTo: JSON.parse(order.address) as Address,
    lines,
    issuedOn,
    dueDays: PAYMENT_TERMS_DAYS,
    note: `Order ${order.number}`,
    createdBy,
  });
}

/** NOT_FOUND unless `accountId` is a customer account. */
export async function refuseUnlessAccount(trx: Trx, accountId: string): Promise<void> {
  const account = await trx
    .selectFrom('organization')
    .select('id')
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) throw refuse('NOT_FOUND', LedgerError, 'ACCOUNT_NOT_FOUND');
}

/** Money is booked on the day it came or went, never on a day still to come. */
export function refuseFuture(day: string): void {
  if (day > today()) throw refuse('BAD_REQUEST', LedgerError, 'FUTURE_DATE');
}

/**
 * Where the account's invoices go: the address of its last valid invoice (a voided one may have
 * been voided for its address), else its default address.
 */
async function usualBillTo(trx: Trx, accountId: string): Promise<Address> {
  const last = await trx
    .selectFrom('invoice')
    .select('billTo as value')
    .where('accountId', '=', accountId)
    .where('voidedAt', 'is', null)
    .orderBy('issuedOn', 'desc')
    .orderBy('number', 'desc')
    .executeTakeFirst();
  const stored =
    last ??
    (await trx
      .selectFrom('address')
      .select('value')
      .where('accountId', '=', accountId)
      .orderBy('isDefault', 'desc')
      .orderBy('createdAt')
      .executeTakeFirst());
  if (!stored) throw refuse('PRECONDITION_FAILED', LedgerError, 'NO_BILLING_ADDRESS');
  return parseStoredAddress(stored.value);
}

/** An invoice staff write by hand (services, fees, anything not ordered through the portal). */
export function createInvoice(
  db: Db,
  input: InvoiceInput,
  currency: string,
  createdBy: string,
): Promise<string> {
  refuseFuture(input.issuedOn ?? today());
  return db.transaction().execute((trx) => issueInvoice(trx, input, currency, createdBy));
}

/**
 * `createInvoice` in the caller's transaction (the inbound API records the ERP's message in
 * it), billing `orderId` when one is given.
 */
export async function issueInvoice(
  trx: Trx,
  input: InvoiceInput,
  currency: string,
  createdBy: string,
  orderId: string | null = null,
): Promise<string> {
  const issuedOn = input.issuedOn ?? today();
  refuseFuture(issuedOn);
  await refuseUnlessAccount(trx, input.accountId);
  return insertInvoice(trx, {
    accountId: input.accountId,
    orderId,
    currency,
    billTo: input.billTo ?? (await usualBillTo(trx, input.accountId)),
    lines: input.lines.map((line) => ({ sku: '', ...line })),
    issuedOn,
    dueDays: input.dueDays,
    note: input.note,
    createdBy,
  });
}

/** Issues the invoice of a shipped order that has none yet (for example after a void). */
export function invoiceShippedOrder(db: Db, orderId: string, createdBy: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const order = await trx
      .selectFrom('order')
      .select('status')
      .where('id', '=', orderId)
      .executeTakeFirst();
    if (!order) throw refuse('NOT_FOUND', LedgerError, 'ORDER_NOT_FOUND');
    if (order.status !== 'shipped' && order.status !== 'delivered') {
      throw refuse('PRECONDITION_FAILED', LedgerError, 'ORDER_NOT_SHIPPED');
    }
    // A void invoice of the order lets go of it (its note still names the order), so the order
    // can be billed again; one that is not void keeps it, and the order is already invoiced.
    await trx
      .updateTable('invoice')
      .set({ orderId: null })
      .where('orderId', '=', orderId)
      .where('voidedAt', 'is not', null)
      .execute();
    const id = await invoiceOrder(trx, orderId, createdBy);
    if (!id) throw refuse('CONFLICT', LedgerError, 'ALREADY_INVOICED');
    return id;
  });
}

/**
 * Voids an invoice issued in error. What was paid against it becomes unused credit again and
 * settles the account's other open invoices. The number stays taken, as the series requires.
 */
export function voidInvoice(db: Db, invoiceId: string, reason: string): Promise<void> {
  return db.transaction().execute(async (trx) => {
    const invoice = await trx
      .selectFrom('invoice')
      .select(['accountId', 'voidedAt'])
      .where('id', '=', invoiceId)
      .executeTakeFirst();
    if (!invoice) throw refuse('NOT_FOUND', LedgerError, 'INVOICE_NOT_FOUND');
    if (invoice.voidedAt) throw refuse('PRECONDITION_FAILED', LedgerError, 'ALREADY_VOID');
    const credited = await trx
      .selectFrom('creditNote')
      .select('id')
      .where('invoiceId', '=', invoiceId)
      .executeTakeFirst();
    if (credited) throw refuse('PRECONDITION_FAILED', LedgerError, 'HAS_CREDIT_NOTES');
    await trx
      .updateTable('invoice')
      .set({ voidedAt: timestamp(), voidReason: reason, awaitingPayment: 0 })
      .where('id', '=', invoiceId)
      .execute();
    await trx.deleteFrom('allocation').where('invoiceId', '=', invoiceId).execute();
    await settle(trx, invoice.accountId);
  });
}
