import { z } from 'zod';
import { addressSchema } from '../address/address.schema.ts';
import { cursorInput, pageLimit } from '../db/cursor.ts';
import { LedgerError } from './ledger.errors.ts';

export const INVOICE_STATUSES = ['open', 'overdue', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Days between issue and due date unless staff choose otherwise. */
export const PAYMENT_TERMS_DAYS = 14;

export const PAYMENT_METHODS = ['bank_transfer', 'card', 'cash', 'other'] as const;

/** Ten billion minor units: far above any real invoice, far below where sums lose precision. */
const MAX_AMOUNT = 10_000_000_000;

export const id = z.string().min(1).max(64);
export const day = z.iso.date('A date as YYYY-MM-DD.');
const amount = z
  .number()
  .int('Amounts are whole minor units (cents).')
  .min(1, 'The amount must be more than zero.')
  .max(MAX_AMOUNT, 'That amount is too large.');

export const invoiceListInput = z.strictObject({
  status: z.enum(INVOICE_STATUSES).optional(),
  cursor: cursorInput,
  limit: pageLimit(20),
});

export const paymentListInput = z.strictObject({
  cursor: cursorInput,
  limit: pageLimit(20),
});

/** Words staff search the ledger with: an account's name, an invoice number, a reference. */
const searchText = z.string().trim().max(100).optional();

export const staffInvoiceListInput = invoiceListInput.extend({
  accountId: id.optional(),
  query: searchText,
});

export const staffPaymentListInput = paymentListInput.extend({
  accountId: id.optional(),
  query: searchText,
});

export const creditNoteListInput = z.strictObject({
  accountId: id,
  cursor: cursorInput,
  limit: pageLimit(20),
});

export const accountSearchInput = z.strictObject({
  query: z.string().trim().min(1, 'Type part of the account name.').max(100),
  limit: pageLimit(10),
});

/** A statement for staff: the last year up to today unless they choose the days. */
export const staffStatementInput = z
  .strictObject({ accountId: id, from: day.optional(), to: day.optional() })
  .refine(({ from, to }) => !from || !to || from <= to, {
    message: LedgerError.BAD_RANGE,
    path: ['from'],
  });

export const statementInput = z
  .strictObject({ from: day, to: day })
  .refine(({ from, to }) => from <= to, {
    message: LedgerError.BAD_RANGE,
    path: ['from'],
  });

export type StatementInput = z.infer<typeof statementInput>;

const invoiceLine = z.strictObject({
  description: z.string().trim().min(1, 'Describe what is billed.').max(200),
  quantity: z.number().int().min(1).max(100_000),
  unitPrice: z.number().int().min(0).max(MAX_AMOUNT),
  taxRate: z.number().int().min(0).max(10_000),
});

export const invoiceInput = z.strictObject({
  accountId: id,
  /** Left out, the invoice goes to the address of the account's last invoice or its default one. */
  billTo: addressSchema.optional(),
  lines: z.array(invoiceLine).min(1, 'An invoice needs at least one line.').max(100),
  issuedOn: day.optional(),
  dueDays: z.number().int().min(0).max(365).default(PAYMENT_TERMS_DAYS),
  note: z.string().trim().max(500).default(''),
});

export type InvoiceInput = z.infer<typeof invoiceInput>;

export const paymentInput = z.strictObject({
  accountId: id,
  amount,
  receivedOn: day,
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().trim().max(100).default(''),
  /** Made once per form by the client; a retry with the same key posts nothing new. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'A 16 to 64 character request key.'),
  /**
   * Which invoices the payment settles and by how much; what is left goes to the oldest open
   * invoices as usual. Left out, it all goes oldest first.
   */
  allocations: z
    .array(z.strictObject({ invoiceId: id, amount }))
    .max(50)
    .refine(
      (rows) => new Set(rows.map((row) => row.invoiceId)).size === rows.length,
      'Each invoice once.',
    )
    .optional(),
});

export type PaymentInput = z.infer<typeof paymentInput>;

export const creditNoteInput = z.strictObject({
  accountId: id,
  invoiceId: id.optional(),
  amount,
  reason: z.string().trim().min(1, 'Say why the account is credited.').max(500),
});

export type CreditNoteInput = z.infer<typeof creditNoteInput>;
