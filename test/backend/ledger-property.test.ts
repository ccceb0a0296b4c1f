import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { TRPCError } from '@trpc/server';
import { startTestPortico, type TestPortico } from '../support/portico.ts';
import { ADDRESS } from '../support/catalog.ts';
import { newId } from '../../backend/db/id.ts';
import { createInvoice, voidInvoice } from '../../backend/ledger/ledger.write.ts';
import { createCreditNote, postPayment } from '../../backend/ledger/ledger.payments.ts';
import { accountBalance, listInvoices } from '../../backend/ledger/ledger.queries.ts';
import { addDays, today } from '../../backend/ledger/ledger.settle.ts';

type Step =
  | { kind: 'invoice'; price: number; taxRate: number; quantity: number; age: number }
  | { kind: 'payment'; amount: number; age: number }
  | { kind: 'credit'; amount: number; target: number | null }
  | { kind: 'void'; target: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('invoice' as const),
    price: fc.integer({ min: 0, max: 50_000 }),
    taxRate: fc.constantFrom(0, 500, 1200, 2100, 2500),
    quantity: fc.integer({ min: 1, max: 5 }),
    age: fc.integer({ min: 0, max: 60 }),
  }),
  fc.record({
    kind: fc.constant('payment' as const),
    amount: fc.integer({ min: 1, max: 120_000 }),
    age: fc.integer({ min: 0, max: 60 }),
  }),
  fc.record({
    kind: fc.constant('credit' as const),
    amount: fc.integer({ min: 1, max: 30_000 }),
    target: fc.option(fc.nat(10), { nil: null }),
  }),
  fc.record({ kind: fc.constant('void' as const), target: fc.nat(10) }),
);

describe('the ledger under any sequence of invoices, payments, credit notes and voids', () => {
  let portico: TestPortico;
  before(async () => {
    portico = await startTestPortico();
  });
  after(() => portico.close());

  async function newAccount(): Promise<string> {
    const id = newId();
    await portico.services.db
      .insertInto('organization')
      .values({
        id,
        name: 'Property',
        slug: `p-${id}`,
        logo: null,
        metadata: null,
        createdAt: today(),
      })
      .execute();
    return id;
  }

  /** Runs a step the way staff would; a refusal (a rule said no) changes nothing and is fine. */
  async function run(accountId: string, invoices: string[], s: Step): Promise<void> {
    const { db } = portico.services;
    try {
      if (s.kind === 'invoice') {
        invoices.push(
          await createInvoice(
            db,
            {
              accountId,
              billTo: { ...ADDRESS, line2: '', region: '', phone: '' },
              lines: [
                {
                  description: 'Goods',
                  quantity: s.quantity,
                  unitPrice: s.price,
                  taxRate: s.taxRate,
                },
              ],
              issuedOn: addDays(today(), -s.age),
              dueDays: 14,
              note: '',
            },
            'EUR',
            'test',
          ),
        );
      } else if (s.kind === 'payment') {
        await postPayment(
          db,
          {
            accountId,
            amount: s.amount,
            receivedOn: addDays(today(), -s.age),
            method: 'bank_transfer',
            reference: '',
            idempotencyKey: randomUUID(),
          },
          'EUR',
          'test',
        );
      } else if (s.kind === 'credit') {
        const invoiceId =
          s.target === null ? undefined : invoices[s.target % Math.max(invoices.length, 1)];
        await createCreditNote(
          db,
          { accountId, invoiceId, amount: s.amount, reason: 'Goodwill' },
          'EUR',
          'test',
        );
      } else if (invoices.length > 0) {
        await voidInvoice(db, invoices[s.target % invoices.length]!, 'Mistake');
      }
    } catch (error) {
      if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR') throw error;
    }
  }

  it('keeps the balance equal to the ledger and every allocation within its bounds', async () => {
    const { db } = portico.services;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const accountId = await newAccount();
        const invoices: string[] = [];
        for (const s of steps) await run(accountId, invoices, s);

        const invoiceRows = await db
          .selectFrom('invoice')
          .selectAll()
          .where('accountId', '=', accountId)
          .execute();
        const payments = await db
          .selectFrom('payment')
          .selectAll()
          .where('accountId', '=', accountId)
          .execute();
        const notes = await db
          .selectFrom('creditNote')
          .selectAll()
          .where('accountId', '=', accountId)
          .execute();
        const allocations = await db
          .selectFrom('allocation')
          .innerJoin('invoice', 'invoice.id', 'allocation.invoiceId')
          .select([
            'allocation.invoiceId',
            'allocation.paymentId',
            'allocation.creditNoteId',
            'allocation.amount',
          ])
          .where('invoice.accountId', '=', accountId)
          .execute();
        const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
        const usedBy = (pick: (a: (typeof allocations)[number]) => string | null, id: string) =>
          sum(allocations.filter((a) => pick(a) === id).map((a) => a.amount));

        const live = invoiceRows.filter((invoice) => invoice.voidedAt === null);
        const expected =
          sum(live.map((i) => i.total)) -
          sum(payments.map((p) => p.amount)) -
          sum(notes.map((n) => n.amount));
        const { balance } = await accountBalance(db, accountId);
        assert.equal(balance, expected);

        for (const invoice of invoiceRows) {
          const used = usedBy((a) => a.invoiceId, invoice.id);
          assert.ok(used <= invoice.total, 'an invoice is never paid more than its total');
          if (invoice.voidedAt) assert.equal(used, 0, 'nothing stays allocated to a void invoice');
          const due = invoice.voidedAt === null && used < invoice.total;
          assert.equal(invoice.awaitingPayment, due ? 1 : 0, 'the open-invoice index follows');
        }
        for (const payment of payments)
          assert.ok(usedBy((a) => a.paymentId, payment.id) <= payment.amount);
        for (const note of notes) assert.ok(usedBy((a) => a.creditNoteId, note.id) <= note.amount);

        const owed = sum(live.map((i) => i.total - usedBy((a) => a.invoiceId, i.id)));
        const unused =
          sum(payments.map((p) => p.amount - usedBy((a) => a.paymentId, p.id))) +
          sum(notes.map((n) => n.amount - usedBy((a) => a.creditNoteId, n.id)));
        assert.ok(
          owed === 0 || unused === 0,
          'credit is never left unused while an invoice is open',
        );
        assert.equal(balance, owed - unused);

        const listed = await listInvoices(db, { accountId }, { limit: 50 });
        for (const invoice of listed.items) {
          const paid = invoice.status === 'paid';
          assert.equal(paid, invoice.status !== 'void' && invoice.paid >= invoice.total);
          assert.equal(
            invoice.amountDue,
            invoice.status === 'void' ? 0 : invoice.total - invoice.paid,
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});
