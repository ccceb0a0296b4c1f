import type { Db } from '../db/database.ts';
import { decodeCursor, page } from '../db/cursor.ts';
import { refuse } from '../errors.ts';
import { LedgerError } from './ledger.errors.ts';
import { accountBalance, like } from './ledger.queries.ts';
import { addDays, today, used } from './ledger.settle.ts';
import { accountStatement } from './statement.ts';

/** The account's id, or NOT_FOUND. */
export async function accountOrNotFound(db: Db, accountId: string) {
  const account = await db
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) throw refuse('NOT_FOUND', LedgerError, 'ACCOUNT_NOT_FOUND');
  return account;
}

/** Customer accounts whose name contains the words, by name, with what each owes. */
export async function searchAccounts(db: Db, words: string, limit: number) {
  const accounts = await db
    .selectFrom('organization')
    .select(['id', 'name'])
    .where(like('name', words))
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .execute();
  return Promise.all(
    accounts.map(async (account) => ({
      ...account,
      balance: (await accountBalance(db, account.id)).balance,
    })),
  );
}

/**
 * The account's statement between two days, with the balance today beside it. Without dates it
 * covers the last year up to today.
 */
export async function staffStatement(
  db: Db,
  input: { accountId: string; from?: string | undefined; to?: string | undefined },
) {
  const account = await accountOrNotFound(db, input.accountId);
  const to = input.to ?? today();
  const from = input.from ?? addDays(to, -364);
  if (from > to) throw refuse('BAD_REQUEST', LedgerError, 'BAD_RANGE');
  const [statement, balance] = await Promise.all([
    accountStatement(db, account.id, { from, to }),
    accountBalance(db, account.id),
  ]);
  return { accountId: account.id, accountName: account.name, ...balance, ...statement };
}

/** The account's credit notes, newest first, with the invoice each was written against. */
export async function listCreditNotes(
  db: Db,
  filter: { accountId: string; cursor?: string | undefined; limit: number },
) {
  const after = decodeCursor(filter.cursor);
  const rows = await db
    .selectFrom('creditNote')
    .leftJoin('invoice', 'invoice.id', 'creditNote.invoiceId')
    .select([
      'creditNote.id',
      'creditNote.number',
      'creditNote.issuedOn',
      'creditNote.amount',
      'creditNote.currency',
      'creditNote.reason',
      'creditNote.invoiceId',
      'invoice.number as invoiceNumber',
      used('creditNoteId', 'creditNote').as('allocated'),
    ])
    .where('creditNote.accountId', '=', filter.accountId)
    .$if(after !== null, (query) =>
      query.where((eb) =>
        eb.or([
          eb('creditNote.issuedOn', '<', after![0]!),
          eb.and([
            eb('creditNote.issuedOn', '=', after![0]!),
            eb('creditNote.number', '<', after![1] ?? ''),
          ]),
        ]),
      ),
    )
    .orderBy('creditNote.issuedOn', 'desc')
    .orderBy('creditNote.number', 'desc')
    .limit(filter.limit + 1)
    .execute();
  return page(rows, filter.limit, (row) => [row.issuedOn, row.number]);
}

/**
 * The account's shipped or delivered orders that no invoice bills (any they had was voided):
 * the orders staff can invoice again.
 */
export function billableOrders(db: Db, accountId: string) {
  return db
    .selectFrom('order')
    .select(['id', 'number', 'status', 'total', 'currency', 'createdAt'])
    .where('accountId', '=', accountId)
    .where('status', 'in', ['shipped', 'delivered'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('invoice')
            .select('invoice.id')
            .whereRef('invoice.orderId', '=', 'order.id')
            .where('invoice.voidedAt', 'is', null),
        ),
      ),
    )
    .orderBy('createdAt', 'desc')
    .limit(50)
    .execute();
}
