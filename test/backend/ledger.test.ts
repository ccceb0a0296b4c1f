import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestPortico, type TestClient, type TestPortico } from '../support/portico.ts';
import { ADDRESS, seedTestCatalog } from '../support/catalog.ts';
import { placedOrder } from '../support/ordering.ts';
import { ledgerCounts } from '../support/ledger.ts';

interface Invoice {
  id: string;
  number: string;
  status: string;
  total: number;
  paid: number;
  amountDue: number;
  orderNumber: string | null;
  lines: { description: string; quantity: number; total: number }[];
  settledBy: { kind: string; amount: number }[];
}
interface Summary {
  balance: number;
  overdue: number;
  openInvoices: { items: { number: string; status: string; amountDue: number }[]; total: number };
  payments: { amount: number; invoiceNumbers: string[] }[];
  orders: { number: string; status: string; steps: { type: string }[] }[];
}

const data = <T>(envelope: { body: { result?: { data: unknown }; error?: unknown } }): T => {
  assert.ok(envelope.body.result, JSON.stringify(envelope.body.error));
  return envelope.body.result.data as T;
};

const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe('the ledger: invoices, payments, credit notes and the balance', () => {
  let portico: TestPortico;
  let ids: Awaited<ReturnType<typeof seedTestCatalog>>;
  let anna: TestClient;
  let ben: TestClient;
  let agent: TestClient;
  let annaAccount: string;
  let benAccount: string;

  const summary = async (client: TestClient) =>
    data<Summary>(await client.query('account.summary'));
  const pay = (accountId: string, amount: number, extra: object = {}) =>
    agent.mutate('staff.payment.post', {
      accountId,
      amount,
      receivedOn: daysAgo(0),
      method: 'bank_transfer',
      reference: 'SEPA 1',
      idempotencyKey: randomUUID(),
      ...extra,
    });
  const ship = async (client: TestClient) => {
    const order = await placedOrder<{ id: string; number: string; total: number }>(client, [
      { productId: ids.beans, quantity: 2 },
    ]);
    data(await agent.mutate('staff.order.advance', { orderId: order.id, to: 'shipped' }));
    return order;
  };
  const invoiceFor = async (client: TestClient, orderNumber: string) => {
    const list = data<{ items: Invoice[] }>(await client.query('invoice.list', { limit: 50 }));
    const found = list.items.find((invoice) => invoice.orderNumber === orderNumber);
    assert.ok(found, `no invoice for order ${orderNumber}`);
    return found;
  };

  before(async () => {
    portico = await startTestPortico();
    ids = await seedTestCatalog(portico.services);
    anna = await portico.personWithSession({ email: 'anna@cafe.test', name: 'Anna' });
    ben = await portico.personWithSession({ email: 'ben@bistro.test', name: 'Ben' });
    agent = await portico.personWithSession({
      email: 'j@vendor.test',
      name: 'Jonas',
      role: 'agent',
    });
    annaAccount = data<{ account: { id: string } }>(await anna.query('session.me')).account.id;
    benAccount = data<{ account: { id: string } }>(await ben.query('session.me')).account.id;
  });
  after(() => portico.close());

  it('issues an invoice when an order ships, with its lines and shipping', async () => {
    const before = await summary(anna);
    const order = await ship(anna);
    const listed = await invoiceFor(anna, order.number);
    const invoice = data<Invoice>(await anna.query('invoice.byId', { invoiceId: listed.id }));
    assert.match(invoice.number, /^\d{4}-\d{5}$/);
    assert.equal(invoice.status, 'open');
    assert.equal(invoice.total, order.total);
    assert.equal(invoice.amountDue, order.total);
    assert.deepEqual(
      invoice.lines.map((line) => [line.description, line.quantity]),
      [
        ['Espresso beans 1 kg', 2],
        ['Shipping', 1],
      ],
    );
    const after = await summary(anna);
    assert.equal(after.balance - before.balance, order.total);
    assert.ok(after.openInvoices.items.some((open) => open.number === invoice.number));
    assert.equal(after.orders[0]?.number, order.number);
    assert.deepEqual(
      after.orders[0]?.steps.map((step) => step.type),
      ['placed', 'shipped'],
    );
    // Delivering it later bills nothing more.
    data(await agent.mutate('staff.order.advance', { orderId: order.id, to: 'delivered' }));
    const again = data<{ items: Invoice[] }>(await anna.query('invoice.list', {}));
    assert.equal(again.items.filter((i) => i.orderNumber === order.number).length, 1);
  });

  it('applies a payment to the oldest open invoices, marks them paid, and shows it at once', async () => {
    const first = await invoiceFor(anna, (await ship(anna)).number);
    const second = await invoiceFor(anna, (await ship(anna)).number);
    const owed = (await summary(anna)).balance;
    const posted = data<{ balance: number }>(await pay(annaAccount, owed - 100));
    assert.equal(posted.balance, 100);
    const view = await summary(anna);
    assert.equal(view.balance, 100);
    assert.equal(view.payments[0]?.amount, owed - 100);
    assert.ok(view.payments[0]?.invoiceNumbers.includes(first.number));
    const [paid, partly] = await Promise.all(
      [first, second].map(async (invoice) =>
        data<Invoice>(await anna.query('invoice.byId', { invoiceId: invoice.id })),
      ),
    );
    assert.equal(paid!.status, 'paid');
    assert.equal(partly!.status, 'open');
    assert.equal(partly!.amountDue, 100);
    data(await pay(annaAccount, 100));
    assert.equal((await summary(anna)).balance, 0);
    assert.equal((await summary(anna)).openInvoices.total, 0);
  });

  it('counts an unpaid invoice past its due date as overdue', async () => {
    const created = data<Invoice>(
      await agent.mutate('staff.invoice.create', {
        accountId: benAccount,
        billTo: ADDRESS,
        lines: [{ description: 'Grinder repair', quantity: 1, unitPrice: 5000, taxRate: 2100 }],
        issuedOn: daysAgo(30),
        dueDays: 14,
      }),
    );
    assert.equal(created.total, 6050);
    assert.equal(created.status, 'overdue');
    const view = await summary(ben);
    assert.equal(view.overdue, 6050);
    assert.equal(view.openInvoices.items[0]?.status, 'overdue');
    assert.equal(
      data<{ items: Invoice[] }>(await ben.query('invoice.list', { status: 'overdue' })).items
        .length,
      1,
    );
  });

  it('takes a credit note off the balance and settles the invoice it names', async () => {
    const invoice = await invoiceFor(anna, (await ship(anna)).number);
    const before = (await summary(anna)).balance;
    const credited = data<{ balance: number }>(
      await agent.mutate('staff.creditNote.create', {
        accountId: annaAccount,
        invoiceId: invoice.id,
        amount: invoice.total,
        reason: 'Damaged in transit',
      }),
    );
    assert.equal(credited.balance, before - invoice.total);
    const settled = data<Invoice>(await anna.query('invoice.byId', { invoiceId: invoice.id }));
    assert.equal(settled.status, 'paid');
    assert.equal(settled.settledBy[0]?.kind, 'creditNote');
  });

  it('turns what was paid on a voided invoice into credit for the next one', async () => {
    const wrong = await invoiceFor(ben, (await ship(ben)).number);
    data(await pay(benAccount, wrong.total));
    const voided = data<Invoice>(
      await agent.mutate('staff.invoice.void', { invoiceId: wrong.id, reason: 'Wrong prices' }),
    );
    assert.equal(voided.status, 'void');
    assert.equal(voided.amountDue, 0);
    // The overdue repair invoice from before is now paid, at least in part, by that credit.
    const view = await summary(ben);
    assert.equal(view.balance, 6050 - wrong.total);
    const again = await agent.mutate('staff.invoice.void', { invoiceId: wrong.id, reason: 'x' });
    assert.equal(again.body.error?.data.code, 'PRECONDITION_FAILED');
  });

  it('posts a payment once however often the request is repeated', async () => {
    const idempotencyKey = randomUUID();
    const first = data<{ paymentId: string; replayed: boolean }>(
      await pay(benAccount, 1234, { idempotencyKey }),
    );
    const second = data<{ paymentId: string; replayed: boolean }>(
      await pay(benAccount, 1234, { idempotencyKey }),
    );
    assert.equal(second.paymentId, first.paymentId);
    assert.equal(second.replayed, true);
    const counts = await ledgerCounts(portico.services);
    const different = await pay(benAccount, 999, { idempotencyKey });
    assert.equal(different.body.error?.data.code, 'CONFLICT');
    assert.deepEqual(await ledgerCounts(portico.services), counts);
  });

  it('answers NOT_FOUND for another account’s invoice, in tRPC and as a PDF', async () => {
    const bens = data<{ items: Invoice[] }>(await ben.query('invoice.list', {})).items[0]!;
    const asAnna = await anna.query('invoice.byId', { invoiceId: bens.id });
    assert.equal(asAnna.body.error?.data.code, 'NOT_FOUND');
    const missing = await anna.query('invoice.byId', { invoiceId: 'no-such-invoice' });
    assert.equal(missing.body.error?.message, asAnna.body.error?.message);
    assert.equal((await anna.request(`/api/invoices/${bens.id}/pdf`)).status, 404);
    assert.equal((await portico.client().request(`/api/invoices/${bens.id}/pdf`)).status, 401);
    const annas = data<{ items: Invoice[] }>(await anna.query('invoice.list', {})).items;
    assert.ok(annas.every((invoice) => invoice.id !== bens.id));
    const payments = data<{ items: { accountId: string }[] }>(await anna.query('payment.list', {}));
    assert.ok(payments.items.every((payment) => payment.accountId === annaAccount));
  });

  it('keeps billing to staff: customers cannot post, issue, void or credit', async () => {
    const counts = await ledgerCounts(portico.services);
    const attempts: [string, object][] = [
      [
        'staff.payment.post',
        {
          accountId: annaAccount,
          amount: 1,
          receivedOn: daysAgo(0),
          method: 'cash',
          idempotencyKey: randomUUID(),
        },
      ],
      ['staff.creditNote.create', { accountId: annaAccount, amount: 1, reason: 'x' }],
      [
        'staff.invoice.create',
        {
          accountId: annaAccount,
          billTo: ADDRESS,
          lines: [{ description: 'x', quantity: 1, unitPrice: 1, taxRate: 0 }],
        },
      ],
    ];
    for (const [path, input] of attempts) {
      const { body } = await anna.mutate(path, input);
      assert.equal(body.error?.data.code, 'FORBIDDEN', path);
    }
    assert.deepEqual(await ledgerCounts(portico.services), counts);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const counts = await ledgerCounts(portico.services);
    const cases: [string, object, string][] = [
      [
        'staff.payment.post',
        {
          accountId: annaAccount,
          amount: 0,
          receivedOn: daysAgo(0),
          method: 'cash',
          idempotencyKey: randomUUID(),
        },
        'amount',
      ],
      [
        'staff.payment.post',
        {
          accountId: annaAccount,
          amount: 1.5,
          receivedOn: daysAgo(0),
          method: 'cash',
          idempotencyKey: randomUUID(),
        },
        'amount',
      ],
      [
        'staff.payment.post',
        {
          accountId: annaAccount,
          amount: 100,
          receivedOn: '2026-13-01',
          method: 'cash',
          idempotencyKey: randomUUID(),
        },
        'receivedOn',
      ],
      [
        'staff.payment.post',
        {
          accountId: annaAccount,
          amount: 100,
          receivedOn: daysAgo(0),
          method: 'barter',
          idempotencyKey: randomUUID(),
        },
        'method',
      ],
      [
        'staff.payment.post',
        {
          accountId: annaAccount,
          amount: 100,
          receivedOn: daysAgo(0),
          method: 'cash',
          idempotencyKey: 'short',
        },
        'idempotencyKey',
      ],
      ['staff.creditNote.create', { accountId: annaAccount, amount: 100, reason: '' }, 'reason'],
      ['staff.invoice.create', { accountId: annaAccount, billTo: ADDRESS, lines: [] }, 'lines'],
      [
        'staff.invoice.create',
        {
          accountId: annaAccount,
          billTo: { ...ADDRESS, country: 'XX' },
          lines: [{ description: 'x', quantity: 1, unitPrice: 1, taxRate: 0 }],
        },
        'billTo.country',
      ],
      ['staff.invoice.void', { invoiceId: 'x', reason: '', extra: true }, 'reason'],
    ];
    for (const [path, input, field] of cases) {
      const { body } = await agent.mutate(path, input);
      assert.equal(body.error?.data.code, 'BAD_REQUEST', `${path} ${field}`);
      assert.ok(
        body.error?.data.fieldErrors?.[field],
        `${path}: ${JSON.stringify(body.error?.data.fieldErrors)}`,
      );
    }
    const future = await pay(annaAccount, 100, { receivedOn: '2999-01-01' });
    assert.equal(future.body.error?.data.code, 'BAD_REQUEST');
    const nobody = await pay('no-such-account', 100);
    assert.equal(nobody.body.error?.data.code, 'NOT_FOUND');
    const unknown = await agent.query('staff.account.summary', { accountId: 'no-such-account' });
    assert.equal(unknown.body.error?.data.code, 'NOT_FOUND');
    const staffView = data<{ balance: number }>(
      await agent.query('staff.account.summary', { accountId: annaAccount }),
    );
    assert.equal(staffView.balance, (await summary(anna)).balance);
    const foreign = await agent.mutate('staff.creditNote.create', {
      accountId: annaAccount,
      invoiceId: data<{ items: Invoice[] }>(await ben.query('invoice.list', {})).items[0]!.id,
      amount: 1,
      reason: 'Not Anna’s invoice',
    });
    assert.equal(foreign.body.error?.data.code, 'NOT_FOUND');
    const badPage = await anna.query('invoice.list', { cursor: 'garbage!' });
    assert.equal(badPage.body.error?.data.code, 'BAD_REQUEST');
    assert.deepEqual(await ledgerCounts(portico.services), counts);
  });
});
