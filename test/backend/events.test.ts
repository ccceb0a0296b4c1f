import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestPortico, type TestClient, type TestPortico } from '../support/portico.ts';
import { seedTestCatalog } from '../support/catalog.ts';
import { ADDRESS } from '../support/address.ts';
import { placedOrder, quoteFor } from '../support/ordering.ts';
import {
  EventDispatcher,
  MAX_ATTEMPTS,
  type EventHandler,
} from '../../backend/events/event.dispatch.ts';
import { emitEvent } from '../../backend/events/event.emit.ts';
import type { StoredEvent } from '../../backend/events/event.types.ts';
import { newId } from '../../backend/db/id.ts';

/** A handler that writes nothing of its own and remembers what it was given, in order. */
function recorder(name = 'recorder'): EventHandler & { seen: StoredEvent[] } {
  const seen: StoredEvent[] = [];
  return {
    name,
    seen,
    handle: async (_trx, event) => {
      seen.push(event);
    },
  };
}

describe('the event outbox: written with its change, handled once after it', () => {
  let portico: TestPortico;
  let anna: TestClient;
  let ids: Awaited<ReturnType<typeof seedTestCatalog>>;

  before(async () => {
    portico = await startTestPortico();
    ids = await seedTestCatalog(portico.services);
    anna = await portico.personWithSession({ email: 'anna@events.test', name: 'Anna' });
  });
  after(() => portico.close());

  const waiting = () =>
    portico.services.db
      .selectFrom('domainEvent')
      .select(['id', 'type'])
      .where('handledAt', 'is', null)
      .execute();

  beforeEach(async () => {
    await portico.services.events.runNow();
  });

  it('records an order with its event, and has handled it when the order is answered', async () => {
    const probe = recorder();
    portico.services.events.register(probe);
    const order = await placedOrder(anna, [{ productId: ids.beans, quantity: 1 }]);
    const mine = probe.seen.filter((event) => event.type === 'order.placed');
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.type === 'order.placed' && mine[0]!.orderId, order.id);
    assert.deepEqual(await waiting(), [], 'nothing left waiting after the answer');
  });

  it('records nothing for a refused order', async () => {
    const before = await portico.services.db
      .selectFrom('domainEvent')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const items = [{ productId: ids.beans, quantity: 1 }];
    const { total } = await quoteFor(anna, items);
    const { body } = await anna.mutate('order.place', {
      idempotencyKey: randomUUID(),
      items,
      address: ADDRESS,
      expectedTotal: total + 1,
    });
    assert.ok(body.error, 'refused');
    const now = await portico.services.db
      .selectFrom('domainEvent')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(now.n, before.n);
  });
});

/**
 * Dispatchers of the tests' own over a portal whose own dispatcher is stopped, so that its sweep
 * can take no event from under them.
 */
describe('the event dispatcher: exactly once, failures kept, stops cleanly', () => {
  let portico: TestPortico;

  before(async () => {
    portico = await startTestPortico();
    await portico.services.events.stop();
  });
  after(() => portico.close());

  const waiting = () =>
    portico.services.db
      .selectFrom('domainEvent')
      .select(['id', 'type'])
      .where('handledAt', 'is', null)
      .execute();

  /** Events written straight into the outbox, as a change's transaction would. */
  async function emitted(count: number): Promise<string[]> {
    const orderIds = Array.from({ length: count }, () => newId());
    await portico.services.db.transaction().execute(async (trx) => {
      for (const orderId of orderIds) {
        await emitEvent(trx, {
          type: 'order.delayed',
          accountId: 'no-such-account',
          actorId: null,
          orderId,
          promisedOn: '2026-01-01',
        });
      }
    });
    return orderIds;
  }

  it('hands each event to one of two dispatchers racing over the same database', async () => {
    const { db, logger } = portico.services;
    const [one, two] = [new EventDispatcher(db, logger), new EventDispatcher(db, logger)];
    const [first, second] = [recorder('first'), recorder('second')];
    one.register(first);
    two.register(second);
    const orderIds = await emitted(150);
    await Promise.all([one.runNow(), two.runNow(), one.runNow(), two.runNow()]);
    const handled = [...first.seen, ...second.seen]
      .filter((event) => event.type === 'order.delayed')
      .map((event) => (event.type === 'order.delayed' ? event.orderId : ''));
    assert.equal(handled.length, 150, 'each handled once');
    assert.deepEqual(new Set(handled), new Set(orderIds));
    assert.deepEqual(await waiting(), []);
  });

  it('leaves an event whose handler fails waiting, undoing what that handler wrote', async () => {
    const { db, logger } = portico.services;
    const dispatcher = new EventDispatcher(db, logger);
    let failing = true;
    const writes: string[] = [];
    dispatcher.register({
      name: 'writes then fails',
      handle: async (trx, event) => {
        // A row of its own, in the claim's transaction, that the failure must take back.
        await trx
          .insertInto('setting')
          .values({ key: `probe:${event.id}`, value: '1' })
          .execute();
        if (failing) throw new Error('the endpoint table is gone');
        writes.push(event.id);
      },
    });
    await emitted(1);
    await dispatcher.runNow();
    const [left] = await waiting();
    assert.ok(left, 'still waiting');
    const probe = await db
      .selectFrom('setting')
      .select('key')
      .where('key', '=', `probe:${left.id}`)
      .executeTakeFirst();
    assert.equal(probe, undefined, 'its write was undone');

    failing = false;
    await dispatcher.runNow();
    assert.deepEqual(writes, [left.id]);
    assert.deepEqual(await waiting(), []);
  });

  it('runs the work after the commit, where a failure is logged and loses no event', async () => {
    const { db, logger } = portico.services;
    const dispatcher = new EventDispatcher(db, logger);
    const committed: boolean[] = [];
    dispatcher.register({
      name: 'after',
      handle: async (_trx, event) => async () => {
        const row = await db
          .selectFrom('domainEvent')
          .select('handledAt')
          .where('id', '=', event.id)
          .executeTakeFirstOrThrow();
        committed.push(row.handledAt !== null);
        throw new Error('the mail server said no');
      },
    });
    await emitted(2);
    await dispatcher.runNow();
    assert.deepEqual(committed, [true, true], 'the claim was committed before the work ran');
    assert.deepEqual(await waiting(), []);
  });

  it('ends its run after the event under way when stopped, leaving the rest waiting', async () => {
    const { db, logger } = portico.services;
    const dispatcher = new EventDispatcher(db, logger);
    const probe = recorder();
    dispatcher.register(probe);
    await emitted(3);
    const running = dispatcher.runNow();
    await dispatcher.stop();
    await running;
    assert.equal(probe.seen.length + (await waiting()).length, 3, 'none lost');
    await emitted(1);
    const before = probe.seen.length;
    await dispatcher.runNow();
    await dispatcher.handleNow((await waiting()).map((row) => row.id));
    assert.equal(probe.seen.length, before, 'a stopped dispatcher handles nothing');
  });

  it('sets an event aside after it failed MAX_ATTEMPTS times, so it holds up nothing', async () => {
    const { db, logger } = portico.services;
    const dispatcher = new EventDispatcher(db, logger);
    const [poison] = await emitted(1);
    const handled: string[] = [];
    dispatcher.register({
      name: 'fails on one order',
      handle: async (_trx, event) => {
        if (event.type !== 'order.delayed') return;
        if (event.orderId === poison) throw new Error('bad');
        handled.push(event.orderId);
      },
    });
    for (let run = 1; run < MAX_ATTEMPTS; run++) {
      await dispatcher.runNow();
      const [row] = await waiting();
      assert.ok(row, `still waiting after ${run} failures`);
    }
    const [next] = await emitted(1);
    await dispatcher.runNow();
    assert.deepEqual(await waiting(), [], 'set aside, and the next one handled');
    assert.ok(handled.includes(next!));
    const setAside = await db
      .selectFrom('domainEvent')
      .select(['attempts', 'failedAt', 'handledAt'])
      .where('failedAt', 'is not', null)
      .execute();
    assert.equal(setAside.length, 1);
    assert.equal(setAside[0]!.attempts, MAX_ATTEMPTS);
  });

  it('goes on past a row it cannot read, and keeps working after it', async () => {
    const { db, logger } = portico.services;
    const dispatcher = new EventDispatcher(db, logger);
    const probe = recorder();
    dispatcher.register(probe);
    await db
      .insertInto('domainEvent')
      .values({
        id: newId(),
        type: 'order.delayed',
        accountId: 'no-such-account',
        data: '{not json',
        at: new Date(0).toISOString(),
        handledAt: null,
        attempts: MAX_ATTEMPTS - 1,
        failedAt: null,
      })
      .execute();
    await emitted(1);
    await dispatcher.runNow();
    assert.equal(probe.seen.length, 1, 'the readable one was handled');
    await emitted(1);
    await dispatcher.runNow();
    assert.equal(probe.seen.length, 2, 'and the dispatcher still runs');
    assert.deepEqual(await waiting(), []);
  });

  it('handles a request’s own events ahead of the queue, and only those', async () => {
    const { db, logger } = portico.services;
    const dispatcher = new EventDispatcher(db, logger);
    const probe = recorder();
    dispatcher.register(probe);
    const backlog = await emitted(5);
    const [mine] = await emitted(1);
    const [row] = await db
      .selectFrom('domainEvent')
      .select('id')
      .where('data', 'like', `%${mine}%`)
      .execute();
    await dispatcher.handleNow([row!.id, 'no-such-event']);
    assert.deepEqual(
      probe.seen.map((event) => (event.type === 'order.delayed' ? event.orderId : '')),
      [mine],
    );
    assert.equal((await waiting()).length, backlog.length, 'the queue is left to the runs');
    await dispatcher.runNow();
    assert.deepEqual(await waiting(), []);
  });

  it('deletes events handled more than thirty days ago, and keeps newer ones', async () => {
    const { db, logger } = portico.services;
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const recent = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const row = (handledAt: string) => ({
      id: newId(),
      type: 'order.delayed' as const,
      accountId: 'no-such-account',
      data: '{}',
      at: handledAt,
      handledAt,
      attempts: 0,
      failedAt: null,
    });
    const [gone, kept] = [row(old), row(recent)];
    await db.insertInto('domainEvent').values([gone, kept]).execute();
    await new EventDispatcher(db, logger).runNow();
    const left = await db
      .selectFrom('domainEvent')
      .select('id')
      .where('id', 'in', [gone.id, kept.id])
      .execute();
    assert.deepEqual(
      left.map((r) => r.id),
      [kept.id],
    );
  });
});
