import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { PaymentMethod } from '../db/schema.ts';
import type { Locale } from '../i18n/locale.ts';
import { plainAmount } from '../i18n/format.ts';
import { translator } from '../i18n/translate.ts';
import type { StatementInput } from './ledger.schema.ts';

/**
 * The words of the statement file: column headings, what each row is, how a payment came. Dates
 * and amounts stay machine-readable (`2026-02-01`, `64.88`) so spreadsheets can compute with them.
 */
export const StatementText = {
  DATE: 'Date',
  TYPE: 'Type',
  NUMBER: 'Number',
  REFERENCE: 'Reference',
  DEBIT: 'Debit ({currency})',
  CREDIT: 'Credit ({currency})',
  BALANCE: 'Balance ({currency})',
  OPENING_BALANCE: 'opening balance',
  CLOSING_BALANCE: 'closing balance',
  INVOICE: 'invoice',
  PAYMENT: 'payment',
  CREDIT_NOTE: 'credit note',
  BANK_TRANSFER: 'bank transfer',
  CARD: 'card',
  CASH: 'cash',
  OTHER: 'other',
} as const;

const METHOD = {
  bank_transfer: 'BANK_TRANSFER',
  card: 'CARD',
  cash: 'CASH',
  other: 'OTHER',
} as const satisfies Record<PaymentMethod, keyof typeof StatementText>;

const TYPE = {
  invoice: 'INVOICE',
  payment: 'PAYMENT',
  'credit note': 'CREDIT_NOTE',
} as const satisfies Record<StatementEntry['type'], keyof typeof StatementText>;

export interface StatementEntry {
  on: string;
  type: 'invoice' | 'payment' | 'credit note';
  number: string;
  reference: string;
  debit: number;
  credit: number;
  balance: number;
}

/**
 * The account's ledger between two days (inclusive): the balance carried in, every invoice,
 * payment and credit note in date order with the running balance, and the balance at the end.
 * Void invoices are left out: they never counted. A payment's reference names its method in
 * `locale`.
 */
export async function accountStatement(
  db: Db,
  accountId: string,
  range: StatementInput,
  locale: Locale = 'en',
) {
  const t = translator(locale, 'StatementText');
  const before = (column: string) => sql<boolean>`${sql.ref(column)} < ${range.from}`;
  const within = (column: string) =>
    sql<boolean>`${sql.ref(column)} >= ${range.from} and ${sql.ref(column)} <= ${range.to}`;
  const [opening, invoices, payments, notes] = await Promise.all([
    db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('invoice')
          .select(sql<number>`coalesce(sum(total), 0)`.as('v'))
          .where('accountId', '=', accountId)
          .where('voidedAt', 'is', null)
          .where(before('issuedOn'))
          .as('debits'),
        eb
          .selectFrom('payment')
          .select(sql<number>`coalesce(sum(amount), 0)`.as('v'))
          .where('accountId', '=', accountId)
          .where(before('receivedOn'))
          .as('payments'),
        eb
          .selectFrom('creditNote')
          .select(sql<number>`coalesce(sum(amount), 0)`.as('v'))
          .where('accountId', '=', accountId)
          .where(before('issuedOn'))
          .as('notes'),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('invoice')
      .select(['issuedOn as on', 'number', 'note as reference', 'total as amount', 'createdAt'])
      .where('accountId', '=', accountId)
      .where('voidedAt', 'is', null)
      .where(within('issuedOn'))
      .execute(),
    db
      .selectFrom('payment')
      .select(['receivedOn as on', 'reference', 'method', 'amount', 'createdAt'])
      .where('accountId', '=', accountId)
      .where(within('receivedOn'))
      .execute(),
    db
      .selectFrom('creditNote')
      .select(['issuedOn as on', 'number', 'reason as reference', 'amount', 'createdAt'])
      .where('accountId', '=', accountId)
      .where(within('issuedOn'))
      .execute(),
  ]);
  const openingBalance = Number(opening.debits) - Number(opening.payments) - Number(opening.notes);
  const moves = [
    ...invoices.map((row) => ({ ...row, type: 'invoice' as const, debit: row.amount, credit: 0 })),
    ...payments.map((row) => ({
      ...row,
      type: 'payment' as const,
      number: '',
      reference: [t(METHOD[row.method]), row.reference].filter(Boolean).join(': '),
      debit: 0,
      credit: row.amount,
    })),
    ...notes.map((row) => ({ ...row, type: 'credit note' as const, debit: 0, credit: row.amount })),
  ].sort((a, b) => a.on.localeCompare(b.on) || a.createdAt.localeCompare(b.createdAt));
  let balance = openingBalance;
  const entries: StatementEntry[] = moves.map((move) => {
    balance += move.debit - move.credit;
    const { on, type, number, reference, debit, credit } = move;
    return { on, type, number, reference, debit, credit, balance };
  });
  return { ...range, openingBalance, closingBalance: balance, entries };
}

export type Statement = Awaited<ReturnType<typeof accountStatement>>;

/** A spreadsheet could run typed text that starts like a formula; such text gets a quote. */
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/**
 * The statement as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read accents),
 * headings and row kinds in `locale`.
 */
export function statementCsv(
  statement: Statement,
  currency: string,
  locale: Locale = 'en',
): string {
  const t = translator(locale, 'StatementText');
  const decimal = (minor: number) => (minor === 0 ? '' : plainAmount(minor, currency));
  const signed = (minor: number) => plainAmount(minor, currency);
  const rows: string[][] = [
    [
      t('DATE'),
      t('TYPE'),
      t('NUMBER'),
      t('REFERENCE'),
      t('DEBIT', { currency }),
      t('CREDIT', { currency }),
      t('BALANCE', { currency }),
    ],
    [statement.from, t('OPENING_BALANCE'), '', '', '', '', signed(statement.openingBalance)],
    ...statement.entries.map((entry) => [
      entry.on,
      t(TYPE[entry.type]),
      inert(entry.number),
      inert(entry.reference),
      decimal(entry.debit),
      decimal(entry.credit),
      signed(entry.balance),
    ]),
    [statement.to, t('CLOSING_BALANCE'), '', '', '', '', signed(statement.closingBalance)],
  ];
  return '\uFEFF' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
