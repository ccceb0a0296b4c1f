import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';

type Trx = Transaction<Database>;

/** Today as `YYYY-MM-DD` in UTC, the calendar the ledger's dates are kept in. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus a number of days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The next number of a gapless yearly series: `2026-00042` for invoices, `CN-2026-00007` for
 * credit notes. Taken inside the transaction that uses it, so a rollback returns it.
 */
export async function nextNumber(trx: Trx, series: 'invoice' | 'credit', day: string) {
  const year = day.slice(0, 4);
  const { value } = await trx
    .insertInto('ledgerCounter')
    .values({ key: `${series}:${year}`, value: 1 })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({ value: sql`"ledgerCounter"."value" + 1` }),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  const serial = String(value).padStart(5, '0');
  return series === 'invoice' ? `${year}-${serial}` : `CN-${year}-${serial}`;
}

/**
 * What is allocated to (or from) the row of `table` in the current query: a correlated sum that
 * reads only that row's allocations through their index.
 */
export function used(column: 'invoiceId' | 'paymentId' | 'creditNoteId', table: string) {
  return sql<number>`coalesce((select sum(al.amount) from allocation al where al.${sql.ref(column)} = ${sql.table(table)}.id), 0)`;
}

interface Open {
  id: string;
  remaining: number;
}

interface Credit {
  kind: 'payment' | 'creditNote';
  id: string;
  remaining: number;
  /** A credit note written against one invoice settles that invoice first. */
  invoiceId: string | null;
}

/**
 * Applies every unused credit of an account (payments, credit notes) to its unpaid invoices,
 * oldest due first, oldest credit first. Run after every change to the account's ledger, in
 * the same transaction: afterwards either nothing is owed on an open invoice or no credit is
 * left unused, and an invoice's status follows from what is allocated to it.
 */
export async function settle(trx: Trx, accountId: string): Promise<void> {
  const invoices: Open[] = await trx
    .selectFrom('invoice')
    .select(['id', sql<number>`total - ${used('invoiceId', 'invoice')}`.as('remaining')])
    .where('accountId', '=', accountId)
    .where('awaitingPayment', '=', 1)
    .orderBy('dueOn')
    .orderBy('number')
    .execute();
  if (invoices.length === 0) return;

  const payments = await trx
    .selectFrom('payment')
    .select([
      'id',
      'receivedOn as on',
      'createdAt',
      sql<number>`amount - ${used('paymentId', 'payment')}`.as('remaining'),
    ])
    .where('accountId', '=', accountId)
    .where(sql<boolean>`amount > ${used('paymentId', 'payment')}`)
    .execute();
  const notes = await trx
    .selectFrom('creditNote')
    .select([
      'id',
      'invoiceId',
      'issuedOn as on',
      'createdAt',
      sql<number>`amount - ${used('creditNoteId', 'creditNote')}`.as('remaining'),
    ])
    .where('accountId', '=', accountId)
    .where(sql<boolean>`amount > ${used('creditNoteId', 'creditNote')}`)
    .execute();
  if (payments.length === 0 && notes.length === 0) return;

  const credits: Credit[] = [
    ...payments.map((p) => ({ ...p, kind: 'payment' as const, invoiceId: null })),
    ...notes.map((n) => ({ ...n, kind: 'creditNote' as const })),
  ]
    .sort((a, b) => a.on.localeCompare(b.on) || a.createdAt.localeCompare(b.createdAt))
    .map(({ kind, id, remaining, invoiceId }) => ({ kind, id, remaining, invoiceId }));

  const rows: Database['allocation'][] = [];
  const apply = (credit: Credit, invoice: Open) => {
    const amount = Math.min(credit.remaining, invoice.remaining);
    if (amount <= 0) return;
    credit.remaining -= amount;
    invoice.remaining -= amount;
    rows.push({
      id: newId(),
      invoiceId: invoice.id,
      paymentId: credit.kind === 'payment' ? credit.id : null,
      creditNoteId: credit.kind === 'creditNote' ? credit.id : null,
      amount,
      createdAt: timestamp(),
    });
  };
  for (const credit of credits) {
    const target = credit.invoiceId && invoices.find((invoice) => invoice.id === credit.invoiceId);
    if (target) apply(credit, target);
  }
  for (const credit of credits) {
    for (const invoice of invoices) {
      if (credit.remaining === 0) break;
      apply(credit, invoice);
    }
  }
  const settled = invoices
    .filter((invoice) => invoice.remaining === 0)
    .map((invoice) => invoice.id);
  for (let start = 0; start < settled.length; start += 500) {
    await trx
      .updateTable('invoice')
      .set({ awaitingPayment: 0 })
      .where('id', 'in', settled.slice(start, start + 500))
      .execute();
  }
  // Each row is a few values; a chunk keeps the statement far below SQLite's variable limit.
  for (let start = 0; start < rows.length; start += 100) {
    await trx
      .insertInto('allocation')
      .values(rows.slice(start, start + 100))
      .execute();
  }
}
