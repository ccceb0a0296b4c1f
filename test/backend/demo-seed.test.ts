import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startTestPortico, type TestPortico } from '../support/portico.ts';
import { DEMO_SIGN_INS, seedDemo } from '../../backend/seed/demo.seed.ts';
import { ORDER_STATUSES } from '../../backend/order/order.schema.ts';

describe('the demo vendor', () => {
  let portico: TestPortico;
  before(async () => {
    portico = await startTestPortico();
  });
  after(() => portico.close());

  const count = async (table: 'product' | 'order' | 'helpArticle' | 'helpTranslation') =>
    Number(
      (
        await portico.services.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('has a catalog of about fifty items with images, and orders in every state', async () => {
    assert.equal(await seedDemo(portico.services), true);
    assert.equal(await count('product'), 50);
    const statuses = await portico.services.db
      .selectFrom('order')
      .select('status')
      .distinct()
      .execute();
    assert.deepEqual(statuses.map((row) => row.status).sort(), [...ORDER_STATUSES].sort());
    const { items } = (await portico.client().query('catalog.list', { query: 'espresso' })).body
      .result?.data as { items: { image: string; stock: number | null }[] };
    assert.ok(items.length >= 3);
    for (const item of items) {
      assert.ok(existsSync(join(portico.dataDir, item.image)), item.image);
    }
  });

  it('lets the demo customer see their own orders, in every state', async () => {
    const client = portico.client();
    const signIn = await client.post('/api/auth/sign-in/email', {
      email: DEMO_SIGN_INS.customer.email,
      password: DEMO_SIGN_INS.customer.password,
    });
    assert.equal(signIn.status, 200);
    const { items } = (await client.query('order.list', {})).body.result?.data as {
      items: { status: string; accountName: string }[];
    };
    assert.deepEqual(
      [...new Set(items.map((order) => order.status))].sort(),
      [...ORDER_STATUSES].sort(),
    );
    assert.deepEqual([...new Set(items.map((order) => order.accountName))], ['Kafejnīca Aurora']);
  });

  it('gives the demo customer invoices, payments, a balance and something overdue', async () => {
    const client = portico.client();
    await client.post('/api/auth/sign-in/email', {
      email: DEMO_SIGN_INS.customer.email,
      password: DEMO_SIGN_INS.customer.password,
    });
    const summary = (await client.query('account.summary')).body.result?.data as {
      balance: number;
      overdue: number;
      openInvoices: { total: number };
      payments: unknown[];
    };
    assert.ok(summary.balance > 0, `balance ${summary.balance}`);
    assert.ok(summary.overdue > 0, `overdue ${summary.overdue}`);
    assert.ok(summary.openInvoices.total >= 2);
    assert.ok(summary.payments.length >= 2);
    const paid = (await client.query('invoice.list', { status: 'paid' })).body.result?.data as {
      items: { issuedOn: string }[];
    };
    assert.ok(paid.items.length >= 1);
    // Invoices carry the day their order shipped, not the day the demo was seeded.
    assert.ok(
      paid.items.every((invoice) => invoice.issuedOn < new Date().toISOString().slice(0, 10)),
    );
  });

  it('gives the demo customer tickets, one answered and unread, and the vendor categories', async () => {
    const client = portico.client();
    await client.post('/api/auth/sign-in/email', {
      email: DEMO_SIGN_INS.customer.email,
      password: DEMO_SIGN_INS.customer.password,
    });
    const list = (await client.query('ticket.list', {})).body.result?.data as {
      items: { kind: string; status: string; unread: boolean; category: string | null }[];
      unread: number;
    };
    assert.deepEqual(list.items.map((ticket) => ticket.kind).sort(), [
      'complaint',
      'concern',
      'question',
    ]);
    assert.equal(list.unread, 2);
    assert.ok(list.items.some((ticket) => ticket.status === 'resolved'));
    const settings = (await portico.client().query('portal.settings')).body.result?.data as {
      ticketCategories: string[];
      supportInbox?: unknown;
    };
    assert.ok(settings.ticketCategories.includes('Delivery'));
    assert.equal('supportInbox' in settings, false, 'the support inbox is never public');
  });

  it('gives the demo customer a bell with a few unread notifications and the holiday notice', async () => {
    const client = portico.client();
    await client.post('/api/auth/sign-in/email', {
      email: DEMO_SIGN_INS.customer.email,
      password: DEMO_SIGN_INS.customer.password,
    });
    const { unread, items } = (await client.query('notification.list', { limit: 50 })).body.result
      ?.data as { unread: number; items: { kind: string; readAt: string | null }[] };
    assert.ok(unread > 0 && unread <= 3, `${unread} unread`);
    assert.ok(items.length > unread, 'older ones are there, read');
    assert.ok(items.some((item) => item.kind === 'order_shipped'));
    const current = (await portico.client().query('announcement.current')).body.result?.data as {
      items: { title: string }[];
    };
    assert.deepEqual(
      current.items.map((item) => item.title),
      ['Holiday hours'],
    );
  });

  it('adds the ledger to a data folder seeded by the second version, without new orders', async () => {
    const orders = await count('order');
    await portico.services.db.deleteFrom('allocation').execute();
    await portico.services.db.deleteFrom('payment').execute();
    await portico.services.db.deleteFrom('creditNote').execute();
    await portico.services.db.deleteFrom('invoice').execute();
    await portico.services.db
      .updateTable('setting')
      .set({ value: '2' })
      .where('key', '=', 'demo')
      .execute();
    assert.equal(await seedDemo(portico.services), true);
    assert.equal(await count('order'), orders);
    const invoices = await portico.services.db
      .selectFrom('invoice')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(invoices.n) > 5);
  });

  it('seeds once, and catches up a data folder seeded by the first version', async () => {
    const orders = await count('order');
    assert.equal(await seedDemo(portico.services), false);
    assert.equal(await count('order'), orders);
    await portico.services.db
      .updateTable('setting')
      .set({ value: 'true' })
      .where('key', '=', 'demo')
      .execute();
    assert.equal(await seedDemo(portico.services), true);
    assert.equal(await count('product'), 50);
    assert.equal(await count('helpArticle'), 40, 'catching up twice adds no article twice');
  });

  it('has a help centre of 40 articles in five categories, each in six languages', async () => {
    assert.equal(await count('helpArticle'), 40);
    assert.equal(await count('helpTranslation'), 240);
    const categories = (await portico.client().query('help.categories', { locale: 'lv' })).body
      .result?.data as { name: string; articleCount: number }[];
    assert.equal(categories.length, 5);
    assert.equal(
      categories.reduce((sum, category) => sum + category.articleCount, 0),
      40,
    );
    assert.equal(categories[0]!.name, 'Pasūtījumi');
  });
});
