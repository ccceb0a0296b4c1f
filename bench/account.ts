import type { KyselyPlugin } from 'kysely';
import { newId } from '../backend/db/id.ts';
import { accountSummary } from '../backend/account/account.summary.ts';
import { TEST_ORIGIN, type TestPortico } from '../test/support/portico.ts';
import { ADDRESS } from '../test/support/address.ts';
import type { LoadOptions } from './load.ts';
import { compareWithBare } from './compare.ts';

const LOAD: LoadOptions = { concurrency: 20, warmupRequests: 500, requests: 3_000 };
const PATH = '/api/trpc/account.summary';

export interface SummaryResult {
  orders: number;
  invoices: number;
  /** SQL statements one `account.summary` runs (the session lookup is cached apart). */
  statements: number;
  bodyBytes: number;
  requestsPerSecond: number;
  bareRequestsPerSecond: number;
  ratioToBare: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/**
 * Gives an account `count` shipped orders, each with its invoice, all paid but the last three.
 * Rows are written directly in one transaction: this is about reading, and placing 5,000 orders
 * through the API would take the bench most of a minute.
 */
export async function fillAccount(portico: TestPortico, accountId: string, count: number) {
  const { db } = portico.services;
  const day = (offset: number) => new Date(Date.now() - (count - offset) * 3_600_000).toISOString();
  await db.transaction().execute(async (trx) => {
    for (let index = 0; index < count; index++) {
      const orderId = newId();
      const invoiceId = newId();
      const at = day(index);
      // A customer who pays: only the last few invoices are still open.
      const unpaid = index >= count - 3;
      await trx
        .insertInto('order')
        .values({
          id: orderId,
          number: `B${String(index).padStart(4, '0')}-${accountId.slice(0, 4)}`,
          accountId,
          placedBy: null,
          status: 'shipped',
          currency: 'EUR',
          subtotal: 2000,
          tax: 420,
          shipping: 690,
          total: 3110,
          address: JSON.stringify(ADDRESS),
          note: '',
          trackingNumber: null,
          idempotencyKey: orderId,
          requestHash: orderId,
          searchText: '',
          createdAt: at,
          updatedAt: at,
        })
        .execute();
      await trx
        .insertInto('orderLine')
        .values({
          id: newId(),
          orderId,
          position: 0,
          productId: null,
          sku: 'B-1',
          name: 'Beans',
          kind: 'product',
          quantity: 2,
          unitPrice: 1000,
          taxRate: 2100,
          subtotal: 2000,
          tax: 420,
        })
        .execute();
      for (const type of ['placed', 'shipped']) {
        await trx
          .insertInto('orderEvent')
          .values({
            id: newId(),
            orderId,
            type,
            actorId: null,
            actorName: 'Bench',
            actorRole: 'system',
            detail: '{}',
            at,
          })
          .execute();
      }
      const issuedOn = at.slice(0, 10);
      await trx
        .insertInto('invoice')
        .values({
          id: invoiceId,
          number: `B-${accountId.slice(0, 6)}-${index}`,
          accountId,
          orderId,
          currency: 'EUR',
          issuedOn,
          dueOn: issuedOn,
          subtotal: 2690,
          tax: 420,
          total: 3110,
          billTo: JSON.stringify(ADDRESS),
          note: '',
          awaitingPayment: unpaid ? 1 : 0,
          voidedAt: null,
          voidReason: null,
          createdBy: 'Bench',
          createdAt: at,
        })
        .execute();
      if (unpaid) continue;
      const paymentId = newId();
      await trx
        .insertInto('payment')
        .values({
          id: paymentId,
          accountId,
          amount: 3110,
          currency: 'EUR',
          receivedOn: issuedOn,
          method: 'bank_transfer',
          reference: '',
          idempotencyKey: paymentId,
          postedBy: 'Bench',
          createdAt: at,
        })
        .execute();
      await trx
        .insertInto('allocation')
        .values({
          id: newId(),
          invoiceId,
          paymentId,
          creditNoteId: null,
          amount: 3110,
          createdAt: at,
        })
        .execute();
    }
  });
}

/** Counts the statements Kysely sends while `work` runs. */
export async function countStatements(
  portico: TestPortico,
  work: (db: TestPortico['services']['db']) => Promise<unknown>,
) {
  let statements = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      statements++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  await work(portico.services.db.withPlugin(counter));
  return statements;
}

/**
 * `account.summary` over real HTTP for a customer with `orders` orders (and as many invoices),
 * against a bare node:http server sending the same bytes, alternating.
 */
export async function measureAccountSummary(
  portico: TestPortico,
  orders: number,
): Promise<SummaryResult> {
  const client = await portico.personWithSession({ email: `summary${orders}@bench.test` });
  const me = await client.query('session.me');
  const accountId = (me.body.result?.data as { account: { id: string } }).account.id;
  await fillAccount(portico, accountId, orders);
  // As on a portal that has run a while: the bulk write checkpointed out of the WAL.
  portico.services.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  const statements = await countStatements(portico, (db) => accountSummary(db, accountId, 'EUR'));

  const headers = {
    origin: TEST_ORIGIN,
    cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
  };
  const url = new URL(PATH, portico.url);
  url.hostname = '127.0.0.1';
  const compared = await compareWithBare(url, headers, LOAD, (body) => body.includes('"balance"'));
  return { orders, invoices: orders, statements, ...compared };
}
