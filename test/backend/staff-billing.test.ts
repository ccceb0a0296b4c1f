import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  errorCode,
  refusalReason,
  startTestPortico,
  type TestClient,
  type TestPortico,
  type TrpcEnvelope,
} from '../support/portico.ts';
import { ADDRESS, seedTestCatalog } from '../support/catalog.ts';
import { placedOrder } from '../support/ordering.ts';
import { ledgerCounts } from '../support/ledger.ts';

interface Invoice {
  id: string;
  number: string;
  accountId: string;
  accountName: string;
  status: string;
  total: number;
  amountDue: number;
  orderId: string | null;
  billTo: { city: string };
}
interface Payment {
  id: string;
  accountName: string;
  amount: number;
  unallocated: number;
  invoices: { number: string; amount: number }[];
}
interface Statement {
  from: string;
  to: string;
  accountName: string;
  currency: string;
  balance: number;
  openingBalance: number;
  closingBalance: number;
  entries: { type: string; number: string; debit: number; credit: number; balance: number }[];
}

const data = <T>(envelope: { body: TrpcEnvelope }): T => {
  assert.ok(envelope.body.result, JSON.stringify(envelope.body.error));
  return envelope.body.result.data as T;
};

const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe('staff billing: searching, statements, chosen allocations, re-invoicing', () => {
  let portico: TestPortico;
  let ids: Awaited<ReturnType<typeof seedTestCatalog>>;
  let agent: TestClient;
  let ottilie: TestClient;
  let piet: TestClient;
  let ottilieAccount: { id: string; name: string };
  let pietAccount: { id: string; name: string };

  const accountOf = async (client: TestClient) =>
    data<{ account: { id: string; name: string } }>(await client.query('session.me')).account;
  const invoice = async (accountId: string, amount: number, issuedDaysAgo = 0, city?: string) =>
    data<Invoice>(
      await agent.mutate('staff.invoice.create', {
        accountId,
        billTo: city ? { ...ADDRESS, city } : ADDRESS,
        lines: [{ description: 'Descaling visit', quantity: 1, unitPrice: amount, taxRate: 0 }],
        issuedOn: daysAgo(issuedDaysAgo),
      }),
    );
  const pay = (accountId: string, amount: number, extra: object = {}) =>
    agent.mutate('staff.payment.post', {
      accountId,
      amount,
      receivedOn: daysAgo(0),
      method: 'bank_transfer',
      reference: 'SEPA',
      idempotencyKey: randomUUID(),
      ...extra,
    });
  const byId = async (invoiceId: string) =>
    data<Invoice>(await agent.query('staff.invoice.byId', { invoiceId }));
  const invoices = async (input: object) =>
    data<{ items: Invoice[] }>(await agent.query('staff.invoice.list', input)).items;
  const payments = async (input: object) =>
    data<{ items: Payment[] }>(await agent.query('staff.payment.list', input)).items;

  before(async () => {
    portico = await startTestPortico();
    ids = await seedTestCatalog(portico.services);
    ottilie = await portico.personWithSession({ email: 'ottilie@roastery.test', name: 'Ottilie' });
    piet = await portico.personWithSession({ email: 'piet@bakery.test', name: 'Piet' });
    agent = await portico.personWithSession({
      email: 'jonas@vendor.test',
      name: 'Jonas',
      role: 'agent',
    });
    ottilieAccount = await accountOf(ottilie);
    pietAccount = await accountOf(piet);
  });
  after(() => portico.close());

  it('searches invoices by account name and number and filters them by status', async () => {
    const first = await invoice(ottilieAccount.id, 1000);
    const second = await invoice(pietAccount.id, 2000);
    data(await pay(pietAccount.id, 2000));
    const byName = await invoices({ query: ottilieAccount.name.toUpperCase() });
    assert.ok(byName.length > 0);
    assert.ok(byName.every((row) => row.accountId === ottilieAccount.id));
    assert.equal(byName[0]?.accountName, ottilieAccount.name);
    assert.deepEqual(
      (await invoices({ query: second.number })).map((row) => row.id),
      [second.id],
    );
    const paid = await invoices({ status: 'paid' });
    assert.ok(paid.some((row) => row.id === second.id));
    assert.ok(paid.every((row) => row.id !== first.id));
    assert.deepEqual(
      (await invoices({ status: 'open', accountId: ottilieAccount.id })).map((row) => row.id),
      [first.id],
    );
    // LIKE's wildcards are taken as themselves.
    assert.equal((await invoices({ query: '%' })).length, 0);
    const tooLong = await agent.query('staff.invoice.list', { query: 'x'.repeat(101) });
    assert.equal(errorCode(tooLong), 'BAD_REQUEST');
  });

  it('searches payments by account name, reference and the invoices they paid', async () => {
    const bill = await invoice(pietAccount.id, 777);
    const posted = data<{ paymentId: string }>(
      await pay(pietAccount.id, 900, { reference: 'Cheque 4711' }),
    );
    const [byReference] = await payments({ query: 'cheque 4711' });
    assert.equal(byReference?.id, posted.paymentId);
    assert.equal(byReference?.accountName, pietAccount.name);
    assert.deepEqual(byReference?.invoices, [{ id: bill.id, number: bill.number, amount: 777 }]);
    assert.equal(byReference?.unallocated, 123);
    const byInvoice = await payments({ query: bill.number });
    assert.deepEqual(
      byInvoice.map((row) => row.id),
      [posted.paymentId],
    );
    const byName = await payments({ query: pietAccount.name });
    assert.ok(byName.some((row) => row.id === posted.paymentId));
    assert.ok(
      (await payments({ query: ottilieAccount.name })).every((row) => row.id !== posted.paymentId),
    );
  });

  it('finds accounts by name with their balance', async () => {
    const found = data<{ id: string; name: string; balance: number }[]>(
      await agent.query('staff.account.search', { query: ottilieAccount.name.slice(0, 4) }),
    );
    const ottilieRow = found.find((row) => row.id === ottilieAccount.id);
    assert.ok(ottilieRow, JSON.stringify(found));
    const summary = data<{ balance: number }>(
      await agent.query('staff.account.summary', { accountId: ottilieAccount.id }),
    );
    assert.equal(ottilieRow.balance, summary.balance);
    const empty = await agent.query('staff.account.search', { query: '  ' });
    assert.equal(errorCode(empty), 'BAD_REQUEST');
  });

  it('reads an account statement, by default over the last year', async () => {
    const old = await invoice(ottilieAccount.id, 5000, 400);
    const statement = data<Statement>(
      await agent.query('staff.account.statement', { accountId: ottilieAccount.id }),
    );
    assert.equal(statement.to, daysAgo(0));
    assert.equal(statement.accountName, ottilieAccount.name);
    assert.equal(statement.currency, 'EUR');
    // The invoice from 400 days ago is carried in the opening balance, not listed.
    assert.equal(statement.openingBalance, 5000);
    assert.ok(statement.entries.every((entry) => entry.number !== old.number));
    assert.equal(statement.closingBalance, statement.balance);
    const narrow = data<Statement>(
      await agent.query('staff.account.statement', {
        accountId: ottilieAccount.id,
        from: daysAgo(401),
        to: daysAgo(399),
      }),
    );
    assert.deepEqual(
      narrow.entries.map((entry) => [entry.type, entry.number, entry.debit]),
      [['invoice', old.number, 5000]],
    );
    const backwards = await agent.query('staff.account.statement', {
      accountId: ottilieAccount.id,
      from: daysAgo(0),
      to: daysAgo(1),
    });
    assert.equal(errorCode(backwards), 'BAD_REQUEST');
    const onlyFromAfterToday = await agent.query('staff.account.statement', {
      accountId: ottilieAccount.id,
      from: '2999-01-01',
    });
    assert.equal(refusalReason(onlyFromAfterToday), 'BAD_RANGE');
    const nobody = await agent.query('staff.account.statement', { accountId: 'no-such' });
    assert.equal(errorCode(nobody), 'NOT_FOUND');
  });

  it('puts a payment on the invoices staff choose, then the rest oldest first', async () => {
    const fresh = await portico.personWithSession({ email: 'quentin@deli.test', name: 'Quentin' });
    const account = (await accountOf(fresh)).id;
    const oldest = await invoice(account, 3000, 20);
    const middle = await invoice(account, 2000, 10);
    const newest = await invoice(account, 1000, 0);
    const posted = data<{ paymentId: string; balance: number }>(
      await pay(account, 2500, { allocations: [{ invoiceId: newest.id, amount: 1000 }] }),
    );
    assert.equal(posted.balance, 6000 - 2500);
    assert.equal((await byId(newest.id)).status, 'paid');
    assert.equal((await byId(oldest.id)).amountDue, 1500);
    assert.equal((await byId(middle.id)).amountDue, 2000);
    const [listed] = await payments({ accountId: account });
    assert.deepEqual(
      listed?.invoices.map((row) => [row.number, row.amount]).sort(),
      [
        [newest.number, 1000],
        [oldest.number, 1500],
      ].sort(),
    );

    const pietsInvoice = await invoice(pietAccount.id, 500);
    const counts = await ledgerCounts(portico.services);
    const refusals: [object, string][] = [
      [
        { amount: 100, allocations: [{ invoiceId: middle.id, amount: 200 }] },
        'ALLOCATION_EXCEEDS_PAYMENT',
      ],
      [
        { amount: 5000, allocations: [{ invoiceId: middle.id, amount: 2001 }] },
        'ALLOCATION_EXCEEDS_DUE',
      ],
      [{ amount: 100, allocations: [{ invoiceId: newest.id, amount: 100 }] }, 'INVOICE_NOT_OPEN'],
      [{ amount: 100, allocations: [{ invoiceId: 'no-such', amount: 100 }] }, 'INVOICE_NOT_FOUND'],
    ];
    for (const [extra, reason] of refusals) {
      const { amount, ...rest } = extra as { amount: number };
      assert.equal(refusalReason(await pay(account, amount, rest)), reason);
    }
    const foreign = await pay(account, 100, {
      allocations: [{ invoiceId: pietsInvoice.id, amount: 100 }],
    });
    assert.equal(errorCode(foreign), 'NOT_FOUND');
    const twice = await pay(account, 200, {
      allocations: [
        { invoiceId: middle.id, amount: 100 },
        { invoiceId: middle.id, amount: 100 },
      ],
    });
    assert.equal(errorCode(twice), 'BAD_REQUEST');
    const cents = await pay(account, 100, { allocations: [{ invoiceId: middle.id, amount: 0.5 }] });
    assert.equal(errorCode(cents), 'BAD_REQUEST');
    assert.deepEqual(await ledgerCounts(portico.services), counts);

    // The same form sent twice posts once.
    const idempotencyKey = randomUUID();
    const chosen = { allocations: [{ invoiceId: middle.id, amount: 2000 }], idempotencyKey };
    const once = data<{ paymentId: string }>(await pay(account, 2000, chosen));
    const again = data<{ paymentId: string; replayed: boolean }>(await pay(account, 2000, chosen));
    assert.equal(again.paymentId, once.paymentId);
    assert.equal(again.replayed, true);
    assert.equal((await byId(middle.id)).status, 'paid');
  });

  it('lists an account’s credit notes with the invoice each credits', async () => {
    const bill = await invoice(ottilieAccount.id, 800);
    data(
      await agent.mutate('staff.creditNote.create', {
        accountId: ottilieAccount.id,
        invoiceId: bill.id,
        amount: 300,
        reason: 'Late delivery',
      }),
    );
    const notes = data<{
      items: {
        number: string;
        invoiceNumber: string;
        amount: number;
        allocated: number;
        reason: string;
      }[];
    }>(await agent.query('staff.creditNote.list', { accountId: ottilieAccount.id }));
    assert.match(notes.items[0]!.number, /^CN-\d{4}-\d{5}$/);
    assert.equal(notes.items[0]?.invoiceNumber, bill.number);
    assert.equal(notes.items[0]?.amount, 300);
    assert.equal(notes.items[0]?.allocated, 300);
    assert.equal(notes.items[0]?.reason, 'Late delivery');
    const unknown = await agent.query('staff.creditNote.list', { accountId: 'no-such' });
    assert.equal(errorCode(unknown), 'NOT_FOUND');
  });

  it('bills a hand-written invoice to the account’s usual address when none is given', async () => {
    await invoice(pietAccount.id, 100, 0, 'Utrecht');
    const usual = data<Invoice>(
      await agent.mutate('staff.invoice.create', {
        accountId: pietAccount.id,
        lines: [{ description: 'Filters', quantity: 3, unitPrice: 250, taxRate: 2100 }],
      }),
    );
    assert.equal(usual.billTo.city, 'Utrecht');
    assert.equal(usual.total, 750 + 158);
    // An invoice voided for its wrong address does not hand that address on.
    const wrong = await invoice(pietAccount.id, 100, 0, 'Wrongtown');
    data(await agent.mutate('staff.invoice.void', { invoiceId: wrong.id, reason: 'Wrong city' }));
    const after = data<Invoice>(
      await agent.mutate('staff.invoice.create', {
        accountId: pietAccount.id,
        lines: [{ description: 'Gaskets', quantity: 1, unitPrice: 400, taxRate: 0 }],
      }),
    );
    assert.equal(after.billTo.city, 'Utrecht');
    const newcomer = await portico.personWithSession({ email: 'rosa@cafe.test', name: 'Rosa' });
    const account = (await accountOf(newcomer)).id;
    const counts = await ledgerCounts(portico.services);
    const nowhere = await agent.mutate('staff.invoice.create', {
      accountId: account,
      lines: [{ description: 'Filters', quantity: 1, unitPrice: 250, taxRate: 0 }],
    });
    assert.equal(refusalReason(nowhere), 'NO_BILLING_ADDRESS');
    assert.deepEqual(await ledgerCounts(portico.services), counts);
  });

  it('invoices a shipped order again once its invoice was voided', async () => {
    const order = await placedOrder<{ id: string; number: string; total: number }>(ottilie, [
      { productId: ids.beans, quantity: 1 },
    ]);
    const billable = async () =>
      data<{ id: string }[]>(
        await agent.query('staff.invoice.billableOrders', { accountId: ottilieAccount.id }),
      ).map((row) => row.id);
    assert.ok(!(await billable()).includes(order.id), 'a placed order is not billable');
    data(await agent.mutate('staff.order.advance', { orderId: order.id, to: 'shipped' }));
    assert.ok(!(await billable()).includes(order.id), 'an invoiced order is not billable');
    const first = (await invoices({ accountId: ottilieAccount.id })).find(
      (row) => row.orderId === order.id,
    )!;
    const already = await agent.mutate('staff.invoice.issueForOrder', { orderId: order.id });
    assert.equal(refusalReason(already), 'ALREADY_INVOICED');
    data(await agent.mutate('staff.invoice.void', { invoiceId: first.id, reason: 'Wrong price' }));
    assert.ok((await billable()).includes(order.id));
    const again = data<Invoice>(
      await agent.mutate('staff.invoice.issueForOrder', { orderId: order.id }),
    );
    assert.notEqual(again.id, first.id);
    assert.equal(again.total, order.total);
    assert.equal(again.status, 'open');
    assert.ok(!(await billable()).includes(order.id));
    // Delivering the order afterwards bills nothing more.
    data(await agent.mutate('staff.order.advance', { orderId: order.id, to: 'delivered' }));
    const billed = (await invoices({ accountId: ottilieAccount.id, limit: 50 })).filter(
      (row) => row.orderId === order.id,
    );
    assert.deepEqual(
      billed.map((row) => row.id),
      [again.id],
    );
    assert.equal((await byId(first.id)).status, 'void');
  });

  it('lets staff download any account’s statement as CSV; customers only their own', async () => {
    const range = `from=${daysAgo(30)}&to=${daysAgo(0)}`;
    const asStaff = await agent.request(
      `/api/statement.csv?${range}&accountId=${encodeURIComponent(pietAccount.id)}`,
    );
    assert.equal(asStaff.status, 200);
    assert.match(await asStaff.text(), /invoice/);
    const unknown = await agent.request(`/api/statement.csv?${range}&accountId=no-such`);
    assert.equal(unknown.status, 404);
    const pietsOwn = await (await piet.request(`/api/statement.csv?${range}`)).text();
    const pretending = await piet.request(
      `/api/statement.csv?${range}&accountId=${encodeURIComponent(ottilieAccount.id)}`,
    );
    assert.equal(pretending.status, 200);
    assert.equal(await pretending.text(), pietsOwn);
  });
});
