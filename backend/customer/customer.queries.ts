import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { decodeCursor, page } from '../db/cursor.ts';
import { searchWords } from '../db/fold.ts';
import { foldedLike } from '../db/match.ts';
import { STAFF_ROLES } from '../session/roles.ts';
import { accountRole } from '../account/account.roles.ts';
import type { LockTables } from './customer.tables.ts';
import type { SearchInput } from './customer.schema.ts';

type UserEb = ExpressionBuilder<Database, 'user'>;

/** A person who is not one of the vendor's staff: staff never show up as customers. */
export const isCustomer = (eb: UserEb) =>
  eb.or([eb('user.role', 'is', null), eb('user.role', 'not in', [...STAFF_ROLES])]);

const personMatches = (eb: UserEb, word: string) =>
  eb.or([foldedLike(eb.ref('user.name'), word), foldedLike(eb.ref('user.email'), word)]);

/** Whether a person is locked out now: banned, with no end or an end still ahead. */
export function isLocked(row: { banned: number | null; banExpires: string | null }): boolean {
  return Boolean(row.banned) && (!row.banExpires || new Date(row.banExpires) > new Date());
}

/**
 * Customer accounts in name order, a page at a time. Every word must be found in the account's
 * name or in the name or email of one of its customers; the customers a search found come with
 * their account. Each account carries its customer count and its balance (three grouped
 * sums for the whole page).
 */
export async function searchCustomers(db: Db, input: SearchInput) {
  const words = searchWords(input.query);
  const after = decodeCursor(input.cursor);
  let query = db
    .selectFrom('organization')
    .select(['organization.id', 'organization.name', 'organization.createdAt']);
  for (const word of words) {
    query = query.where((eb) =>
      eb.or([
        foldedLike(eb.ref('organization.name'), word),
        eb.exists(
          eb
            .selectFrom('member')
            .innerJoin('user', 'user.id', 'member.userId')
            .select('member.id')
            .whereRef('member.organizationId', '=', 'organization.id')
            .where((inner) => inner.and([isCustomer(inner), personMatches(inner, word)])),
        ),
      ]),
    );
  }
  if (after) {
    const [name = '', id = ''] = after;
    query = query.where((eb) =>
      eb.or([
        eb('organization.name', '>', name),
        eb.and([eb('organization.name', '=', name), eb('organization.id', '>', id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('organization.name')
    .orderBy('organization.id')
    .limit(input.limit + 1)
    .execute();
  const found = page(rows, input.limit, (row) => [row.name, row.id]);
  const ids = found.items.map((row) => row.id);
  if (!ids.length) return { items: [], nextCursor: found.nextCursor };

  const lockDb = db.$extendTables<LockTables>();
  const [counts, balances, people] = await Promise.all([
    db
      .selectFrom('member')
      .innerJoin('user', 'user.id', 'member.userId')
      .select((eb) => ['member.organizationId', eb.fn.countAll<number>().as('n')])
      .where('member.organizationId', 'in', ids)
      .where(isCustomer)
      .groupBy('member.organizationId')
      .execute(),
    balancesOf(db, ids),
    words.length
      ? lockDb
          .selectFrom('member')
          .innerJoin('user', 'user.id', 'member.userId')
          .select([
            'member.organizationId',
            'user.id as userId',
            'user.name',
            'user.email',
            'member.role',
            'user.banned',
            'user.banExpires',
          ])
          .where('member.organizationId', 'in', ids)
          .where((eb) =>
            eb.and([isCustomer(eb), eb.or(words.map((word) => personMatches(eb, word)))]),
          )
          .orderBy('user.name')
          .execute()
      : Promise.resolve([]),
  ]);
  return {
    items: found.items.map((account) => ({
      id: account.id,
      name: account.name,
      createdAt: String(account.createdAt),
      memberCount: Number(counts.find((row) => row.organizationId === account.id)?.n ?? 0),
      balance: balances.get(account.id) ?? 0,
      people: people
        .filter((person) => person.organizationId === account.id)
        .map(({ banned, banExpires, organizationId: _, ...person }) => ({
          ...person,
          role: accountRole(person.role),
          locked: isLocked({ banned, banExpires }),
        })),
    })),
    nextCursor: found.nextCursor,
  };
}

/** What each account owes (positive) or has in credit, as `accountBalance` sums it for one. */
async function balancesOf(db: Db, ids: string[]): Promise<Map<string, number>> {
  const [invoiced, paid, credited] = await Promise.all([
    db
      .selectFrom('invoice')
      .select(['accountId', sql<number>`coalesce(sum(total), 0)`.as('v')])
      .where('accountId', 'in', ids)
      .where('voidedAt', 'is', null)
      .groupBy('accountId')
      .execute(),
    db
      .selectFrom('payment')
      .select(['accountId', sql<number>`coalesce(sum(amount), 0)`.as('v')])
      .where('accountId', 'in', ids)
      .groupBy('accountId')
      .execute(),
    db
      .selectFrom('creditNote')
      .select(['accountId', sql<number>`coalesce(sum(amount), 0)`.as('v')])
      .where('accountId', 'in', ids)
      .groupBy('accountId')
      .execute(),
  ]);
  const balances = new Map<string, number>();
  const add = (rows: { accountId: string; v: number }[], sign: number) => {
    for (const row of rows) {
      balances.set(row.accountId, (balances.get(row.accountId) ?? 0) + sign * Number(row.v));
    }
  };
  add(invoiced, 1);
  add(paid, -1);
  add(credited, -1);
  return balances;
}
