import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { decodeCursor, page } from '../db/cursor.ts';
import { parseStoredAddress } from '../address/address.schema.ts';
import { accountOf, type OrderScope } from '../order/order.queries.ts';
import type { InvoiceStatus } from './ledger.schema.ts';
import { today, used } from './ledger.settle.ts';
import { fold } from '../db/fold.ts';
import { foldedLike } from '../db/match.ts';

/** An invoice's status, derived on every read from what is allocated to it and the date. */
export function invoiceStatus(on: string) {
  return sql<InvoiceStatus>`case
    when invoice."voidedAt" is not null then 'void'
    when ${used('invoiceId', 'invoice')} >= invoice.total then 'paid'
    when invoice."dueOn" < ${on} then 'overdue'
    else 'open' end`;
}

function invoiceColumns(db: Db, on: string) {
  return db
    .selectFrom('invoice')
    .innerJoin('organization', 'organization.id', 'invoice.accountId')
    .leftJoin('order', 'order.id', 'invoice.orderId')
    .select([
      'invoice.id',
      'invoice.number',
      'invoice.accountId',
      'organization.name as accountName',
      'invoice.orderId',
      'order.number as orderNumber',
      'invoice.currency',
      'invoice.issuedOn',
      'invoice.dueOn',
      'invoice.subtotal',
      'invoice.tax',
      'invoice.total',
      used('invoiceId', 'invoice').as('paid'),
      invoiceStatus(on).as('status'),
    ]);
}

/** The rows of one status, found through the `awaitingPayment` index rather than by summing. */
function whereStatus<Query extends ReturnType<typeof invoiceColumns>>(
  query: Query,
  status: InvoiceStatus,
  on: string,
): Query {
  switch (status) {
    case 'void':
      return query.where('invoice.voidedAt', 'is not', null) as Query;
    case 'paid':
      return query
        .where('invoice.voidedAt', 'is', null)
        .where('invoice.awaitingPayment', '=', 0) as Query;
    case 'overdue':
      return query
        .where('invoice.awaitingPayment', '=', 1)
        .where('invoice.dueOn', '<', on) as Query;
    case 'open':
      return query
        .where('invoice.awaitingPayment', '=', 1)
        .where('invoice.dueOn', '>=', on) as Query;
  }
}

/** `words` as a LIKE pattern that matches them anywhere, with LIKE's own wildcards taken literally. */
export function containing(words: string): string {
  return `%${words.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** `column` contains `words`, both folded: case and accents do not matter. */
export function like(column: string, words: string) {
  return foldedLike(sql.ref(column), containing(fold(words)));
}

export type InvoiceSummary = Awaited<ReturnType<typeof listInvoices>>['items'][number];

/** Invoices newest first; `status` filters by the derived status. */
export async function listInvoices(
  db: Db,
  scope: OrderScope,
  filter: {
    status?: InvoiceStatus | undefined;
    /** Part of the account's name or of the invoice number. */
    query?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
  on = today(),
) {
  const accountId = accountOf(scope);
  const after = decodeCursor(filter.cursor);
  const words = filter.query?.trim();
  const rows = await invoiceColumns(db, on)
    .$if(accountId !== null, (query) => query.where('invoice.accountId', '=', accountId!))
    .$if(filter.status !== undefined, (query) => whereStatus(query, filter.status!, on))
    .$if(Boolean(words), (query) =>
      query.where((eb) =>
        eb.or([like('organization.name', words!), like('invoice.number', words!)]),
      ),
    )
    .$if(after !== null, (query) =>
      query.where((eb) =>
        eb.or([
          eb('invoice.issuedOn', '<', after![0]!),
          eb.and([
            eb('invoice.issuedOn', '=', after![0]!),
            eb('invoice.number', '<', after![1] ?? ''),
          ]),
        ]),
      ),
    )
    .orderBy('invoice.issuedOn', 'desc')
    .orderBy('invoice.number', 'desc')
    .limit(filter.limit + 1)
    .execute();
  return page(rows.map(withDue), filter.limit, (row) => [row.issuedOn, row.number]);
}

/** What is still owed on an invoice; nothing on a void one. */
function withDue<Row extends { total: number; paid: number; status: InvoiceStatus }>(row: Row) {
  return { ...row, amountDue: row.status === 'void' ? 0 : Math.max(0, row.total - row.paid) };
}

/** One invoice with its lines and the payments and credit notes that settled it. */
export async function findInvoice(db: Db, scope: OrderScope, invoiceId: string, on = today()) {
  const accountId = accountOf(scope);
  const invoice = await invoiceColumns(db, on)
    .select(['invoice.billTo', 'invoice.note', 'invoice.voidedAt', 'invoice.voidReason'])
    .where('invoice.id', '=', invoiceId)
    .$if(accountId !== null, (query) => query.where('invoice.accountId', '=', accountId!))
    .executeTakeFirst();
  if (!invoice) return null;
  const [lines, settledBy] = await Promise.all([
    db
      .selectFrom('invoiceLine')
      .select(['sku', 'description', 'quantity', 'unitPrice', 'taxRate', 'subtotal', 'tax'])
      .where('invoiceId', '=', invoiceId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('allocation')
      .leftJoin('payment', 'payment.id', 'allocation.paymentId')
      .leftJoin('creditNote', 'creditNote.id', 'allocation.creditNoteId')
      .select([
        'allocation.amount',
        'allocation.paymentId',
        'payment.receivedOn',
        'payment.reference',
        'creditNote.number as creditNoteNumber',
        'creditNote.issuedOn as creditedOn',
      ])
      .where('allocation.invoiceId', '=', invoiceId)
      .orderBy('allocation.createdAt')
      .execute(),
  ]);
  return {
    ...withDue(invoice),
    billTo: parseStoredAddress(invoice.billTo),
    lines: lines.map((line) => ({ ...line, total: line.subtotal + line.tax })),
    settledBy: settledBy.map((row) =>
      row.paymentId
        ? {
            kind: 'payment' as const,
            amount: row.amount,
            on: row.receivedOn!,
            reference: row.reference ?? '',
          }
        : {
            kind: 'creditNote' as const,
            amount: row.amount,
            on: row.creditedOn!,
            reference: row.creditNoteNumber ?? '',
          },
    ),
  };
}

export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof findInvoice>>>;

/** Payments newest first, each with the invoices it paid. */
export async function listPayments(
  db: Db,
  scope: OrderScope,
  filter: {
    /** Part of the account's name, the payment's reference or a number of an invoice it paid. */
    query?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const accountId = accountOf(scope);
  const after = decodeCursor(filter.cursor);
  const words = filter.query?.trim();
  const rows = await db
    .selectFrom('payment')
    .innerJoin('organization', 'organization.id', 'payment.accountId')
    .select([
      'payment.id',
      'payment.accountId',
      'organization.name as accountName',
      'payment.amount',
      'payment.currency',
      'payment.receivedOn',
      'payment.method',
      'payment.reference',
      used('paymentId', 'payment').as('allocated'),
    ])
    .$if(accountId !== null, (query) => query.where('payment.accountId', '=', accountId!))
    .$if(Boolean(words), (query) =>
      query.where((eb) =>
        eb.or([
          like('organization.name', words!),
          like('payment.reference', words!),
          eb.exists(
            eb
              .selectFrom('allocation')
              .innerJoin('invoice', 'invoice.id', 'allocation.invoiceId')
              .select('allocation.id')
              .whereRef('allocation.paymentId', '=', 'payment.id')
              .where(like('invoice.number', words!)),
          ),
        ]),
      ),
    )
    .$if(after !== null, (query) =>
      query.where((eb) =>
        eb.or([
          eb('payment.receivedOn', '<', after![0]!),
          eb.and([
            eb('payment.receivedOn', '=', after![0]!),
            eb('payment.id', '<', after![1] ?? ''),
          ]),
        ]),
      ),
    )
    .orderBy('payment.receivedOn', 'desc')
    .orderBy('payment.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const paged = page(rows, filter.limit, (row) => [row.receivedOn, row.id]);
  const ids = paged.items.map((row) => row.id);
  const applied =
    ids.length === 0
      ? []
      : await db
          .selectFrom('allocation')
          .innerJoin('invoice', 'invoice.id', 'allocation.invoiceId')
          .select(['allocation.paymentId', 'invoice.id', 'invoice.number', 'allocation.amount'])
          .where('allocation.paymentId', 'in', ids)
          .orderBy('invoice.number')
          .execute();
  return {
    ...paged,
    items: paged.items.map((row) => ({
      ...row,
      unallocated: row.amount - row.allocated,
      invoices: applied
        .filter((allocation) => allocation.paymentId === row.id)
        .map(({ id, number, amount }) => ({ id, number, amount })),
    })),
  };
}

export type PaymentSummary = Awaited<ReturnType<typeof listPayments>>['items'][number];

/**
 * What the account owes (positive) or has in credit (negative), summed from the ledger: every
 * invoice that is not void, less every payment and credit note.
 */
export async function accountBalance(db: Db, accountId: string, on = today()) {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('invoice')
        .select(sql<number>`coalesce(sum(total), 0)`.as('v'))
        .where('accountId', '=', accountId)
        .where('voidedAt', 'is', null)
        .as('invoiced'),
      eb
        .selectFrom('payment')
        .select(sql<number>`coalesce(sum(amount), 0)`.as('v'))
        .where('accountId', '=', accountId)
        .as('paid'),
      eb
        .selectFrom('creditNote')
        .select(sql<number>`coalesce(sum(amount), 0)`.as('v'))
        .where('accountId', '=', accountId)
        .as('credited'),
      eb
        .selectFrom('invoice')
        .select(sql<number>`coalesce(sum(total - ${used('invoiceId', 'invoice')}), 0)`.as('v'))
        .where('accountId', '=', accountId)
        .where('awaitingPayment', '=', 1)
        .where('dueOn', '<', on)
        .as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  const invoiced = Number(row.invoiced);
  const credits = Number(row.paid) + Number(row.credited);
  return { balance: invoiced - credits, overdue: Number(row.overdue), invoiced, credits };
}
