import type { Db } from '../db/database.ts';
import { refuse } from '../errors.ts';
import { isStaffRole } from '../session/roles.ts';
import { listMembers } from '../account/account.members.ts';
import { accountSummary } from '../account/account.summary.ts';
import { listTickets } from '../ticket/ticket.queries.ts';
import type { LockTables } from './customer.tables.ts';
import { CustomerError } from './customer.errors.ts';
import { isLocked } from './customer.queries.ts';

const TICKETS_SHOWN = 10;

/**
 * Everything the customer view shows about one account: its people with their roles and
 * whether they are locked out, pending invitations, balance, recent orders and tickets.
 * NOT_FOUND when there is no such account.
 */
export async function customerAccount(
  db: Db,
  accountId: string,
  currency: string,
  staffId: string,
) {
  const account = await db
    .selectFrom('organization')
    .select(['id', 'name', 'createdAt'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) throw refuse('NOT_FOUND', CustomerError, 'ACCOUNT_NOT_FOUND');
  const [people, summary, tickets] = await Promise.all([
    listMembers(db, accountId),
    accountSummary(db, accountId, currency),
    listTickets(db, { kind: 'staff', userId: staffId }, { accountId, limit: TICKETS_SHOWN }),
  ]);
  const userIds = people.members.map((member) => member.userId);
  const locks = userIds.length
    ? await db
        .$extendTables<LockTables>()
        .selectFrom('user')
        .select(['id', 'role', 'banned', 'banReason', 'banExpires'])
        .where('id', 'in', userIds)
        .execute()
    : [];
  const lockOf = new Map(locks.map((row) => [row.id, row]));
  return {
    id: account.id,
    name: account.name,
    createdAt: String(account.createdAt),
    members: people.members
      .filter((member) => !isStaffRole(lockOf.get(member.userId)?.role))
      .map(({ userId, name, email, role, since }) => {
        const lock = lockOf.get(userId);
        const locked = lock ? isLocked(lock) : false;
        return {
          userId,
          name,
          email,
          role,
          since,
          locked,
          lockReason: locked ? (lock?.banReason ?? '') : null,
        };
      }),
    invitations: people.invitations,
    currency: summary.currency,
    balance: summary.balance,
    overdue: summary.overdue,
    openInvoices: summary.openInvoices.total,
    orders: summary.orders.map(({ id, number, status, total, currency, createdAt }) => ({
      id,
      number,
      status,
      total,
      currency,
      createdAt,
    })),
    tickets: tickets.items.map(({ id, number, subject, status, priority, updatedAt }) => ({
      id,
      number,
      subject,
      status,
      priority,
      updatedAt,
    })),
  };
}

export type CustomerAccount = Awaited<ReturnType<typeof customerAccount>>;
