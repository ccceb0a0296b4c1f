import { z } from 'zod';
import { router, staffProcedure } from '../trpc.ts';
import { refuse } from '../errors.ts';
import { LedgerError } from './ledger.errors.ts';
import { accountSummary } from '../account/account.summary.ts';
import { accountBalance, listInvoices, listPayments } from './ledger.queries.ts';
import { orderId } from '../order/order.schema.ts';
import { invoiceOrNotFound } from './ledger.router.ts';
import {
  creditNoteInput,
  id,
  invoiceInput,
  invoiceListInput,
  paymentInput,
  paymentListInput,
} from './ledger.schema.ts';
import {
  createCreditNote,
  createInvoice,
  invoiceShippedOrder,
  postPayment,
  voidInvoice,
} from './ledger.write.ts';

const accountFilter = { accountId: id.optional() };

/** Billing for the vendor's staff: every change is visible to the customer on the next read. */
export const staffInvoiceRouter = router({
  list: staffProcedure
    .input(invoiceListInput.extend(accountFilter))
    .query(({ ctx, input }) =>
      listInvoices(
        ctx.services.db,
        input.accountId ? { accountId: input.accountId } : 'all',
        input,
      ),
    ),

  byId: staffProcedure
    .input(z.strictObject({ invoiceId: id }))
    .query(({ ctx, input }) => invoiceOrNotFound(ctx, 'all', input.invoiceId)),

  create: staffProcedure.input(invoiceInput).mutation(async ({ ctx, input }) => {
    const currency = ctx.services.portalSettings().currency;
    const invoiceId = await createInvoice(ctx.services.db, input, currency, ctx.session.name);
    return invoiceOrNotFound(ctx, 'all', invoiceId);
  }),

  /** Invoices a shipped order that has none (its first invoice was voided, say). */
  issueForOrder: staffProcedure
    .input(z.strictObject({ orderId }))
    .mutation(async ({ ctx, input }) => {
      const invoiceId = await invoiceShippedOrder(ctx.services.db, input.orderId, ctx.session.name);
      return invoiceOrNotFound(ctx, 'all', invoiceId);
    }),

  void: staffProcedure
    .input(z.strictObject({ invoiceId: id, reason: z.string().trim().min(1).max(500) }))
    .mutation(async ({ ctx, input }) => {
      await voidInvoice(ctx.services.db, input.invoiceId, input.reason);
      return invoiceOrNotFound(ctx, 'all', input.invoiceId);
    }),
});

export const staffPaymentRouter = router({
  list: staffProcedure
    .input(paymentListInput.extend(accountFilter))
    .query(({ ctx, input }) =>
      listPayments(
        ctx.services.db,
        input.accountId ? { accountId: input.accountId } : 'all',
        input,
      ),
    ),

  /** Records money received; it settles the account's oldest open invoices at once. */
  post: staffProcedure.input(paymentInput).mutation(async ({ ctx, input }) => {
    const currency = ctx.services.portalSettings().currency;
    const posted = await postPayment(ctx.services.db, input, currency, ctx.session.name);
    const { balance, overdue } = await accountBalance(ctx.services.db, input.accountId);
    return { ...posted, balance, overdue };
  }),
});

export const staffCreditNoteRouter = router({
  create: staffProcedure.input(creditNoteInput).mutation(async ({ ctx, input }) => {
    const currency = ctx.services.portalSettings().currency;
    const creditNoteId = await createCreditNote(ctx.services.db, input, currency, ctx.session.name);
    const { balance } = await accountBalance(ctx.services.db, input.accountId);
    return { creditNoteId, balance };
  }),
});

export const staffAccountRouter = router({
  /** The same overview the customer sees, for any account. */
  summary: staffProcedure.input(z.strictObject({ accountId: id })).query(async ({ ctx, input }) => {
    const account = await ctx.services.db
      .selectFrom('organization')
      .select('id')
      .where('id', '=', input.accountId)
      .executeTakeFirst();
    if (!account) throw refuse('NOT_FOUND', LedgerError, 'ACCOUNT_NOT_FOUND');
    return accountSummary(ctx.services.db, account.id, ctx.services.portalSettings().currency);
  }),
});
