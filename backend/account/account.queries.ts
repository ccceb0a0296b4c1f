import { emitEvent } from '../events/event.emit.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/id.ts';

/**
 * The customer account a person works in: the oldest membership they have, or a new account of
 * their own (with them as owner) when they have none yet. Returns the account id.
 */
export async function ensureCustomerAccount(
  db: Db,
  user: { id: string; name: string },
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const membership = await trx
      .selectFrom('member')
      .select('organizationId')
      .where('userId', '=', user.id)
      .orderBy('createdAt')
      .executeTakeFirst();
    if (membership) return membership.organizationId;
    const accountId = newId();
    const now = new Date().toISOString();
    await trx
      .insertInto('organization')
      .values({
        id: accountId,
        name: user.name,
        slug: `account-${accountId}`,
        logo: null,
        metadata: null,
        createdAt: now,
      })
      .execute();
    await trx
      .insertInto('member')
      .values({
        id: newId(),
        organizationId: accountId,
        userId: user.id,
        role: 'owner',
        createdAt: now,
      })
      .execute();
    await emitEvent(trx, {
      type: 'customer.signed_up',
      accountId,
      actorId: user.id,
      userId: user.id,
    });
    return accountId;
  });
}

export interface AccountMembership {
  accountId: string;
  accountName: string;
  role: string;
}

/** The person's membership in one account, or null when they are not a member of it. */
export async function findMembership(
  db: Db,
  userId: string,
  accountId: string,
): Promise<AccountMembership | null> {
  const row = await db
    .selectFrom('member')
    .innerJoin('organization', 'organization.id', 'member.organizationId')
    .select(['organization.id as accountId', 'organization.name as accountName', 'member.role'])
    .where('member.userId', '=', userId)
    .where('member.organizationId', '=', accountId)
    .executeTakeFirst();
  return row ?? null;
}
