import { z } from 'zod';
import { router, staffProcedure } from '../trpc.ts';
import { accountSummary } from '../account/account.summary.ts';
import { accountBalance, listInvoices, listPayments } from './ledger.queries.ts';
import { orderId } from '../order/order.schema.ts';
import { invoiceOrNotFound } from './ledger.router.ts';
import {
  accountSearchInput,
  creditNoteInput,
  creditNoteListInput,
  id,
  invoiceInput,
  paymentInput,
  staffInvoiceListInput,
  staffPaymentListInput,
  staffStatementInput,
} from './ledger.schema.ts';
import {
  accountOrNotFound,
  billableOrders,
  listCreditNotes,
  searchAccounts,
  staffStatement,
} from './ledger.staff.queries.ts';
import { createInvoice, invoiceShippedOrder, voidInvoice } from './ledger.write.ts';
import { createCreditNote, postPayment } from './ledger.payments.ts';

/** Billing for the vendor's staff: every change is visible to the customer on the next read. */
export const staffInvoiceRouter = router({
  /** Every account's invoices (or one account's), newest first, by status and words. */
  list: staffProcedure
    .input(staffInvoiceListInput)
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

  /** The account's shipped orders that no invoice bills: what `issueForOrder` can invoice. */
  billableOrders: staffProcedure
    .input(z.strictObject({ accountId: id }))
    .query(async ({ ctx, input }) => {
      await accountOrNotFound(ctx.services.db, input.accountId);
      return billableOrders(ctx.services.db, input.accountId);
    }),

  void: staffProcedure
    .input(z.strictObject({ invoiceId: id, reason: z.string().trim().min(1).max(500) }))
    .mutation(async ({ ctx, input }) => {
      await voidInvoice(ctx.services.db, input.invoiceId, input.reason);
      return invoiceOrNotFound(ctx, 'all', input.invoiceId);
    }),
});

export const staffPaymentRouter = router({
  /** Payments newest first, each with the invoices it paid; words match account, reference, invoice. */
  list: staffProcedure
    .input(staffPaymentListInput)
    .query(({ ctx, input }) =>
      listPayments(
        ctx.services.db,
        input.accountId ? { accountId: input.accountId } : 'all',
        input,
      ),
    ),

  /**
   * Records money received; it settles the invoices chosen in `allocations`, then the account's
   * oldest open invoices, at once.
   */
  post: staffProcedure.input(paymentInput).mutation(async ({ ctx, input }) => {
    const currency = ctx.services.portalSettings().currency;
    const posted = await postPayment(ctx.services.db, input, currency, ctx.session.name);
    const { balance, overdue } = await accountBalance(ctx.services.db, input.accountId);
    return { ...posted, balance, overdue };
  }),
});

export const staffCreditNoteRouter = router({
  /** The account's credit notes, newest first. */
  list: staffProcedure.input(creditNoteListInput).query(async ({ ctx, input }) => {
    await accountOrNotFound(ctx.services.db, input.accountId);
    return listCreditNotes(ctx.services.db, input);
  }),

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
    const account = await accountOrNotFound(ctx.services.db, input.accountId);
    return accountSummary(ctx.services.db, account.id, ctx.services.portalSettings().currency);
  }),

  /** Accounts whose name contains the words, with their balance: the billing view's picker. */
  search: staffProcedure.input(accountSearchInput).query(async ({ ctx, input }) => {
    const { currency } = ctx.services.portalSettings();
    const accounts = await searchAccounts(ctx.services.db, input.query, input.limit);
    return accounts.map((account) => ({ ...account, currency }));
  }),

  /**
   * The account's statement: opening balance, each invoice, payment and credit note with the
   * running balance, the closing balance, and the balance and overdue amount today.
   */
  statement: staffProcedure.input(staffStatementInput).query(async ({ ctx, input }) => ({
    currency: ctx.services.portalSettings().currency,
    ...(await staffStatement(ctx.services.db, input)),
  })),
});
