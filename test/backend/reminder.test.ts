import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  errorCode,
  startTestPortico,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { ADDRESS, seedTestCatalog } from '../support/catalog.ts';
import { placedOrder } from '../support/ordering.ts';
import { data } from '../support/tickets.ts';
import { ReminderScheduler } from '../../backend/reminder/reminder.scheduler.ts';
import { DEFAULT_REMINDER_RULES } from '../../backend/reminder/reminder.rules.ts';

interface Invoice {
  id: string;
  total: number;
}
interface Order {
  id: string;
  promisedOn: string | null;
  timeline: { type: string; detail: Record<string, unknown> }[];
}
type Sent = { type: string; days?: number; promisedOn?: string };

const day = (offset: number) => {
  const date = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
};
/** Noon (UTC) of the day `offset` days from today: the scheduler's "now" in these tests. */
const at = (offset: number) => new Date(`${day(offset)}T12:00:00Z`);

describe('reminders: invoice due and overdue, delayed orders, each once', () => {
  let portico: TestPortico;
  let ids: Awaited<ReturnType<typeof seedTestCatalog>>;
  let anna: TestClient;
  let agent: TestClient;
  let admin: TestClient;
  let annaAccount: string;
  let scheduler: ReminderScheduler;

  /** The reminder events recorded for one invoice or order, oldest first. */
  const sentFor = async (subjectId: string): Promise<Sent[]> => {
    const rows = await portico.services.db
      .selectFrom('domainEvent')
      .select(['data'])
      .where('type', 'in', ['invoice.due', 'invoice.overdue', 'order.delayed'])
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows
      .map((row) => JSON.parse(row.data) as Sent & { invoiceId?: string; orderId?: string })
      .filter((event) => (event.invoiceId ?? event.orderId) === subjectId)
      .map(({ type, days, promisedOn }) =>
        type === 'order.delayed' ? { type, promisedOn } : { type, days },
      );
  };
  /** A new invoice for Anna's account, issued `issuedOffset` days from today. */
  const invoice = async (dueDays: number, issuedOffset = 0) =>
    data<Invoice>(
      await agent.mutate('staff.invoice.create', {
        accountId: annaAccount,
        billTo: ADDRESS,
        lines: [{ description: 'Descaling visit', quantity: 1, unitPrice: 4000, taxRate: 0 }],
        issuedOn: day(issuedOffset),
        dueDays,
      }),
    );
  const setRules = async (rules: object) =>
    data(await admin.mutate('staff.reminder.setRules', { ...DEFAULT_REMINDER_RULES, ...rules }));
  const settingRows = () =>
    portico.services.db
      .selectFrom('setting')
      .select('value')
      .where('key', '=', 'reminderRules')
      .execute();

  before(async () => {
    portico = await startTestPortico();
    // The server's own ticks go by today's clock; these tests choose the day themselves.
    await portico.services.reminders.stop();
    scheduler = portico.services.reminders;
    ids = await seedTestCatalog(portico.services);
    anna = await portico.personWithSession({ email: 'anna@cafe.test', name: 'Anna' });
    agent = await portico.personWithSession({ email: 'j@vendor.test', role: 'agent' });
    admin = await portico.personWithSession({ email: 'boss@vendor.test', role: 'admin' });
    annaAccount = data<{ account: { id: string } }>(await anna.query('session.me')).account.id;
  });
  after(() => portico.close());

  it('has the default rules until an administrator saves some', async () => {
    assert.deepEqual(data(await agent.query('staff.reminder.rules')), DEFAULT_REMINDER_RULES);
    assert.equal(errorCode(await anna.query('staff.reminder.rules')), 'FORBIDDEN');
  });

  it('sends a due reminder once, even when ticks of two schedulers race', async () => {
    const { id } = await invoice(10);
    const other = new ReminderScheduler(portico.services);
    await Promise.all([
      scheduler.runNow(at(7)),
      scheduler.runNow(at(7)),
      other.runNow(at(7)),
      other.runNow(at(7)),
    ]);
    assert.deepEqual(await sentFor(id), [{ type: 'invoice.due', days: 3 }]);
    // Later that day and on the days up to the due day: nothing more.
    await Promise.all([scheduler.runNow(at(7)), other.runNow(at(8)), scheduler.runNow(at(10))]);
    assert.deepEqual(await sentFor(id), [{ type: 'invoice.due', days: 3 }]);
    const rows = await portico.services.db
      .selectFrom('reminderSent')
      .select(['kind', 'step'])
      .where('subjectId', '=', id)
      .execute();
    assert.deepEqual(rows, [{ kind: 'invoiceDue', step: '3' }]);
  });

  it('sends overdue reminders once per step, and never a due one once overdue', async () => {
    const { id } = await invoice(10);
    await scheduler.runNow(at(11));
    await Promise.all([
      scheduler.runNow(at(12)),
      new ReminderScheduler(portico.services).runNow(at(12)),
    ]);
    assert.deepEqual(await sentFor(id), [{ type: 'invoice.overdue', days: 1 }]);
    await Promise.all([scheduler.runNow(at(17)), scheduler.runNow(at(17))]);
    await scheduler.runNow(at(40));
    assert.deepEqual(await sentFor(id), [
      { type: 'invoice.overdue', days: 1 },
      { type: 'invoice.overdue', days: 7 },
    ]);
  });

  it('catches up on missed days with one reminder, the latest step reached', async () => {
    await setRules({
      invoiceDue: { enabled: true, daysBefore: [7, 3, 1] },
      invoiceOverdue: { enabled: true, daysAfter: [1, 7, 14] },
    });
    try {
      const { id } = await invoice(20);
      // Nobody looked for 18 days: the 7- and 3-day steps passed; only the 3-day one is sent.
      await scheduler.runNow(at(18));
      assert.deepEqual(await sentFor(id), [{ type: 'invoice.due', days: 2 }]);
      await scheduler.runNow(at(19));
      // Down again until ten days after the due day: one overdue reminder, not two.
      await scheduler.runNow(at(30));
      await scheduler.runNow(at(31));
      assert.deepEqual(await sentFor(id), [
        { type: 'invoice.due', days: 2 },
        { type: 'invoice.due', days: 1 },
        { type: 'invoice.overdue', days: 10 },
      ]);
      await scheduler.runNow(at(34));
      assert.equal((await sentFor(id)).length, 4);
    } finally {
      await setRules({});
    }
  });

  it('skips a due step whose day was not after the invoice was issued', async () => {
    const short = await invoice(2);
    const exact = await invoice(3);
    const longer = await invoice(4);
    for (const offset of [0, 1, 2]) await scheduler.runNow(at(offset));
    assert.deepEqual(await sentFor(short.id), []);
    assert.deepEqual(await sentFor(exact.id), []);
    assert.deepEqual(await sentFor(longer.id), [{ type: 'invoice.due', days: 3 }]);
  });

  it('sends nothing by disabled rules', async () => {
    await setRules({
      invoiceDue: { enabled: false, daysBefore: [3] },
      invoiceOverdue: { enabled: false, daysAfter: [1] },
      orderDelayed: { enabled: false },
    });
    try {
      const { id } = await invoice(5);
      const order = await placedOrder(anna, [{ productId: ids.beans, quantity: 1 }]);
      data(await agent.mutate('staff.order.setPromise', { orderId: order.id, promisedOn: day(1) }));
      for (const offset of [2, 5, 6, 9]) await scheduler.runNow(at(offset));
      assert.deepEqual(await sentFor(id), []);
      assert.deepEqual(await sentFor(order.id), []);
    } finally {
      await setRules({});
    }
  });

  it('sends nothing for paid or voided invoices', async () => {
    const paid = await invoice(5);
    const voided = await invoice(5);
    data(
      await agent.mutate('staff.payment.post', {
        accountId: annaAccount,
        amount: paid.total,
        receivedOn: day(0),
        method: 'bank_transfer',
        reference: 'SEPA 7',
        idempotencyKey: randomUUID(),
        allocations: [{ invoiceId: paid.id, amount: paid.total }],
      }),
    );
    data(await agent.mutate('staff.invoice.void', { invoiceId: voided.id, reason: 'Duplicate' }));
    for (const offset of [2, 3, 6, 12]) await scheduler.runNow(at(offset));
    assert.deepEqual(await sentFor(paid.id), []);
    assert.deepEqual(await sentFor(voided.id), []);
  });

  it('tells of a delayed order once per promised day', async () => {
    const order = await placedOrder(anna, [{ productId: ids.beans, quantity: 1 }]);
    data(await agent.mutate('staff.order.setPromise', { orderId: order.id, promisedOn: day(2) }));
    await scheduler.runNow(at(2));
    assert.deepEqual(await sentFor(order.id), []);
    await Promise.all([
      scheduler.runNow(at(3)),
      new ReminderScheduler(portico.services).runNow(at(3)),
    ]);
    await scheduler.runNow(at(4));
    assert.deepEqual(await sentFor(order.id), [{ type: 'order.delayed', promisedOn: day(2) }]);
    // A new promise may be missed again: one more notice.
    data(await agent.mutate('staff.order.setPromise', { orderId: order.id, promisedOn: day(5) }));
    await scheduler.runNow(at(6));
    await scheduler.runNow(at(8));
    assert.deepEqual(await sentFor(order.id), [
      { type: 'order.delayed', promisedOn: day(2) },
      { type: 'order.delayed', promisedOn: day(5) },
    ]);
    // Delivered or cancelled orders are not late; an order without a promise never is.
    const delivered = await placedOrder(anna, [{ productId: ids.beans, quantity: 1 }]);
    const cancelled = await placedOrder(anna, [{ productId: ids.beans, quantity: 1 }]);
    for (const { id } of [delivered, cancelled]) {
      data(await agent.mutate('staff.order.setPromise', { orderId: id, promisedOn: day(1) }));
    }
    data(await agent.mutate('staff.order.advance', { orderId: delivered.id, to: 'delivered' }));
    data(await agent.mutate('staff.order.cancel', { orderId: cancelled.id, reason: 'Gone' }));
    const unpromised = await placedOrder(anna, [{ productId: ids.beans, quantity: 1 }]);
    await scheduler.runNow(at(9));
    for (const { id } of [delivered, cancelled, unpromised]) {
      assert.deepEqual(await sentFor(id), []);
    }
  });

  it('lets staff set the promised day: on the timeline, seen by the customer, not set by them', async () => {
    const order = await placedOrder(anna, [{ productId: ids.beans, quantity: 1 }]);
    const changed = data<Order>(
      await agent.mutate('staff.order.setPromise', { orderId: order.id, promisedOn: day(9) }),
    );
    assert.equal(changed.promisedOn, day(9));
    const seen = data<Order>(await anna.query('order.byId', { orderId: order.id }));
    assert.equal(seen.promisedOn, day(9));
    assert.deepEqual(seen.timeline.at(-1), {
      ...seen.timeline.at(-1),
      type: 'promise_changed',
      detail: { promisedOn: day(9) },
    });
    const byCustomer = await anna.mutate('staff.order.setPromise', {
      orderId: order.id,
      promisedOn: day(1),
    });
    assert.equal(errorCode(byCustomer), 'FORBIDDEN');
    assert.equal(
      errorCode(
        await agent.mutate('staff.order.setPromise', {
          orderId: order.id,
          promisedOn: '2026-02-30',
        }),
      ),
      'BAD_REQUEST',
    );
    const cleared = data<Order>(
      await agent.mutate('staff.order.setPromise', { orderId: order.id, promisedOn: null }),
    );
    assert.equal(cleared.promisedOn, null);
    assert.equal(
      data<Order>(await anna.query('order.byId', { orderId: order.id })).promisedOn,
      null,
    );
    data(await agent.mutate('staff.order.advance', { orderId: order.id, to: 'delivered' }));
    const late = await agent.mutate('staff.order.setPromise', {
      orderId: order.id,
      promisedOn: day(3),
    });
    assert.equal(errorCode(late), 'PRECONDITION_FAILED');
  });

  it('promises new orders the rules’ delivery days from the day they are placed', async () => {
    await setRules({ promiseDays: 4 });
    try {
      const order = await placedOrder(anna, [{ productId: ids.beans, quantity: 1 }]);
      const seen = data<Order>(await anna.query('order.byId', { orderId: order.id }));
      assert.equal(seen.promisedOn, day(4));
    } finally {
      await setRules({});
    }
    const unpromised = await placedOrder(anna, [{ productId: ids.beans, quantity: 1 }]);
    assert.equal(
      data<Order>(await anna.query('order.byId', { orderId: unpromised.id })).promisedOn,
      null,
    );
  });

  it('saves rules sorted, refuses bad ones whole and lets only administrators save', async () => {
    const saved = await setRules({
      invoiceDue: { enabled: true, daysBefore: [7, 0, 3] },
      promiseDays: 5,
    });
    assert.deepEqual(saved, {
      ...DEFAULT_REMINDER_RULES,
      invoiceDue: { enabled: true, daysBefore: [0, 3, 7] },
      promiseDays: 5,
    });
    assert.deepEqual(data(await agent.query('staff.reminder.rules')), saved);
    const stored = await settingRows();
    const bad = [
      { invoiceDue: { enabled: true, daysBefore: [3, 3] } },
      { invoiceDue: { enabled: true, daysBefore: [91] } },
      { invoiceDue: { enabled: true, daysBefore: [1, 2, 3, 4, 5, 6] } },
      { invoiceOverdue: { enabled: true, daysAfter: [0] } },
      { invoiceOverdue: { enabled: true, daysAfter: [1.5] } },
      { promiseDays: -1 },
      { orderDelayed: { enabled: true, extra: 1 } },
    ];
    for (const rules of bad) {
      const answer = await admin.mutate('staff.reminder.setRules', {
        ...DEFAULT_REMINDER_RULES,
        ...rules,
      });
      assert.equal(errorCode(answer), 'BAD_REQUEST', JSON.stringify(rules));
      assert.ok(answer.body.error?.data.fieldErrors, JSON.stringify(rules));
    }
    const byAgent = await agent.mutate('staff.reminder.setRules', DEFAULT_REMINDER_RULES);
    assert.equal(errorCode(byAgent), 'FORBIDDEN');
    assert.deepEqual(await settingRows(), stored);
    await setRules({});
    assert.deepEqual(data(await agent.query('staff.reminder.rules')), DEFAULT_REMINDER_RULES);
  });

  it('runs a tick of its own soon after start, and stop waits for it', async () => {
    const { id } = await invoice(3, -20);
    // The test servers look for none by themselves (REMINDER_INTERVAL_SECONDS=0): this one does.
    const { services } = portico;
    const own = new ReminderScheduler({
      ...services,
      config: { ...services.config, reminderIntervalSeconds: 60 },
    });
    own.start();
    try {
      for (let i = 0; i < 200 && (await sentFor(id)).length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    } finally {
      await own.stop();
    }
    // Seventeen days overdue by today's clock: the 7-day step, once.
    assert.deepEqual(await sentFor(id), [{ type: 'invoice.overdue', days: 17 }]);
  });
});
