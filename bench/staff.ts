import { newId } from '../backend/db/id.ts';
import type { TestPortico } from '../test/support/portico.ts';

export interface StaffSearchCase {
  /** What the agent typed, in words. */
  search: string;
  query: string;
  matched: number;
  p50Ms: number;
  p95Ms: number;
}

export interface StaffSearchResult {
  orders: number;
  accounts: number;
  cases: StaffSearchCase[];
}

const ROUNDS = 30;

/**
 * Gives `accounts` customer accounts (each with an accented owner's name) `ordersEach` orders,
 * written directly: this is about reading.
 */
async function fillOrders(portico: TestPortico, accounts: number, ordersEach: number) {
  const { db } = portico.services;
  for (let a = 0; a < accounts; a++) {
    const owner = await portico.personWithSession({
      email: `owner${a}@staff-bench.test`,
      name: a === 0 ? 'Zane Bērziņa' : `Customer Nr ${a}`,
    });
    const me = await owner.query('session.me');
    const accountId = (me.body.result?.data as { account: { id: string } }).account.id;
    await db.transaction().execute(async (trx) => {
      for (let index = 0; index < ordersEach; index++) {
        const id = newId();
        const at = new Date(Date.now() - index * 60_000).toISOString();
        await trx
          .insertInto('order')
          .values({
            id,
            number: `S${a}-${String(index).padStart(5, '0')}`,
            accountId,
            placedBy: null,
            status: 'shipped',
            currency: 'EUR',
            subtotal: 1000,
            tax: 210,
            shipping: 0,
            total: 1210,
            address: '{}',
            note: '',
            trackingNumber: `LV${a}${index}EE`,
            idempotencyKey: id,
            requestHash: id,
            searchText: `s${a}-${index} coffee beans 1 kg`,
            createdAt: at,
            updatedAt: at,
          })
          .execute();
      }
    });
  }
}

/**
 * `staff.order.list` searched as an agent types: a word nothing matches (every order is looked
 * at), a customer's name typed without its accents, and no words at all, one request at a time.
 */
export async function measureStaffOrderSearch(
  portico: TestPortico,
  accounts: number,
  ordersEach: number,
): Promise<StaffSearchResult> {
  await fillOrders(portico, accounts, ordersEach);
  portico.services.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  const agent = await portico.personWithSession({ email: 'agent@staff-bench.test', role: 'agent' });
  const cases: [string, string][] = [
    ['nothing matches', 'nothingmatches'],
    ['a name without accents', 'berzina'],
    ['no words', ''],
  ];
  const results: StaffSearchCase[] = [];
  for (const [search, query] of cases) {
    const times: number[] = [];
    let matched = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      const answer = await agent.query('staff.order.list', { query, limit: 20 });
      times.push(performance.now() - started);
      const data = answer.body.result?.data as { items: unknown[] } | undefined;
      if (!data) throw new Error(`staff.order.list: ${JSON.stringify(answer.body.error)}`);
      matched = data.items.length;
    }
    times.sort((a, b) => a - b);
    const at = (share: number) =>
      times[Math.min(times.length - 1, Math.floor(share * times.length))]!;
    results.push({ search, query, matched, p50Ms: at(0.5), p95Ms: at(0.95) });
  }
  return { orders: accounts * ordersEach, accounts, cases: results };
}
