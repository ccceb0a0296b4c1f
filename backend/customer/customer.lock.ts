import type { Db } from '../db/database.ts';
import { refuse } from '../errors.ts';
import { isStaffRole } from '../session/roles.ts';
import type { LockTables } from './customer.tables.ts';
import { CustomerError } from './customer.errors.ts';

/**
 * Locks a customer out (`lock` gives the reason) or lets them back in (`lock` null), as
 * better-auth's admin plugin bans: a locked person's sign-ins are refused. Locking also ends
 * every session they have, in the same transaction. Staff are refused; so is anyone who is not
 * a member of the account the view shows. The caller must clear the session cache after.
 */
export async function setLock(
  db: Db,
  accountId: string,
  userId: string,
  lock: { reason: string } | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom('user')
      .select(['id', 'role'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!person) throw refuse('NOT_FOUND', CustomerError, 'PERSON_NOT_FOUND');
    if (isStaffRole(person.role)) {
      throw refuse('PRECONDITION_FAILED', CustomerError, 'STAFF_NOT_LOCKABLE');
    }
    const member = await trx
      .selectFrom('member')
      .select('id')
      .where('organizationId', '=', accountId)
      .where('userId', '=', userId)
      .executeTakeFirst();
    if (!member) throw refuse('NOT_FOUND', CustomerError, 'PERSON_NOT_FOUND');
    await trx
      .$extendTables<LockTables>()
      .updateTable('user')
      .set({
        banned: lock ? 1 : 0,
        banReason: lock?.reason ?? null,
        banExpires: null,
        updatedAt: new Date().toISOString(),
      })
      .where('id', '=', userId)
      .execute();
    if (lock) await trx.deleteFrom('session').where('userId', '=', userId).execute();
  });
}
