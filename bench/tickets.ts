import { newId } from '../backend/db/id.ts';
import { fold } from '../backend/db/fold.ts';
import { listTickets } from '../backend/ticket/ticket.queries.ts';
import { TEST_ORIGIN, type TestPortico } from '../test/support/portico.ts';
import type { LoadOptions } from './load.ts';
import { compareWithBare, type Comparison } from './compare.ts';
import { countStatements } from './account.ts';

const LOAD: LoadOptions = { concurrency: 20, warmupRequests: 300, requests: 2_000 };
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
const WORDS = ['grinder', 'delivery', 'invoice', 'beans', 'milk', 'filter', 'boiler', 'cups'];

export interface TicketListResult extends Comparison {
  tickets: number;
  /** What was listed: the first page, or a search with a tag. */
  query: string;
  statements: number;
}

/**
 * Gives an account `count` tickets of three messages each (one from staff, so half are unread
 * for the customer), a tag each, and the customer's read marks on the other half. Written
 * directly in one transaction: this measures reading.
 */
async function fillTickets(portico: TestPortico, accountId: string, userId: string, count: number) {
  const { db } = portico.services;
  await db.transaction().execute(async (trx) => {
    for (let index = 0; index < count; index++) {
      const id = newId();
      const at = new Date(Date.now() - (count - index) * 600_000).toISOString();
      const word = WORDS[index % WORDS.length]!;
      const subject = `Question ${index} about the ${word}`;
      await trx
        .insertInto('ticket')
        .values({
          id,
          number: `T-B${String(index).padStart(3, '0')}-${accountId.slice(0, 4)}`,
          accountId,
          createdBy: userId,
          subject,
          kind: 'question',
          category: null,
          priority: PRIORITIES[index % 4]!,
          status: STATUSES[index % 4]!,
          orderId: null,
          assigneeId: null,
          mergedInto: null,
          pageUrl: null,
          searchText: fold(`${subject} ${word}`),
          customerAt: at,
          staffAt: at,
          resolvedAt: null,
          rating: null,
          ratingComment: null,
          ratedBy: null,
          ratedAt: null,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
      await trx.insertInto('ticketTag').values({ ticketId: id, tag: word }).execute();
      for (const [position, role] of (['customer', 'staff', 'customer'] as const).entries()) {
        const body = `Message ${position} on ticket ${index}: the ${word} needs attention.`;
        await trx
          .insertInto('ticketMessage')
          .values({
            id: newId(),
            ticketId: id,
            authorId: role === 'customer' ? userId : null,
            authorName: role === 'customer' ? 'Bench' : 'Agent',
            authorRole: role,
            body,
            internal: 0,
            folded: fold(body),
            createdAt: at,
          })
          .execute();
      }
      if (index % 2)
        await trx.insertInto('ticketRead').values({ ticketId: id, userId, readAt: at }).execute();
    }
  });
}

/** `ticket.list` over real HTTP for an account with `tickets` tickets, against bare node:http. */
export async function measureTicketList(
  portico: TestPortico,
  tickets: number,
): Promise<TicketListResult[]> {
  const client = await portico.personWithSession({ email: `tickets${tickets}@bench.test` });
  const me = (await client.query('session.me')).body.result?.data as {
    user: { id: string };
    account: { id: string };
  };
  await fillTickets(portico, me.account.id, me.user.id, tickets);
  portico.services.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  const headers = {
    origin: TEST_ORIGIN,
    cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
  };
  const results: TicketListResult[] = [];
  const queries = {
    'first page of 20': { limit: 20 },
    'search "boiler" with tag boiler': { limit: 20, query: 'boiler', tag: 'boiler' },
  };
  for (const [query, input] of Object.entries(queries)) {
    const reader = { kind: 'customer' as const, accountId: me.account.id, userId: me.user.id };
    const statements = await countStatements(portico, (db) => listTickets(db, reader, input));
    const url = new URL(
      `/api/trpc/ticket.list?input=${encodeURIComponent(JSON.stringify(input))}`,
      portico.url,
    );
    url.hostname = '127.0.0.1';
    const compared = await compareWithBare(url, headers, LOAD, (body) => body.includes('"items"'));
    results.push({ tickets, query, statements, ...compared });
  }
  return results;
}
