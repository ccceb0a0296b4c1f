import { z } from 'zod';
import type { Context } from '../context.ts';
import { customerProcedure, router } from '../trpc.ts';
import { refuse } from '../errors.ts';
import type { OrderScope } from '../order/order.queries.ts';
import { LedgerError } from './ledger.errors.ts';
import { id, invoiceListInput, paymentListInput } from './ledger.schema.ts';
import { findInvoice, listInvoices, listPayments } from './ledger.queries.ts';

/** The invoice in scope, or NOT_FOUND: another account's invoice looks like a missing one. */
export async function invoiceOrNotFound(ctx: Context, scope: OrderScope, invoiceId: string) {
  const invoice = await findInvoice(ctx.services.db, scope, invoiceId);
  if (!invoice) throw refuse('NOT_FOUND', LedgerError, 'INVOICE_NOT_FOUND');
  return invoice;
}

export const invoiceRouter = router({
  /** The account's invoices, newest first, optionally only those with one status. */
  list: customerProcedure
    .input(invoiceListInput)
    .query(({ ctx, input }) => listInvoices(ctx.services.db, ctx.account, input)),

  byId: customerProcedure
    .input(z.strictObject({ invoiceId: id }))
    .query(({ ctx, input }) => invoiceOrNotFound(ctx, ctx.account, input.invoiceId)),
});

export const paymentRouter = router({
  /** Payments the vendor has received from the account, newest first. */
  list: customerProcedure
    .input(paymentListInput)
    .query(({ ctx, input }) => listPayments(ctx.services.db, ctx.account, input)),
});
