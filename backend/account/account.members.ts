import type { Db } from '../db/database.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';
import { refuse } from '../errors.ts';
import { accountRole, type AccountRole } from './account.roles.ts';
import { AccountError } from './account.errors.ts';
import { ensureCustomerAccount } from './account.queries.ts';
import { recordSecurityEvent } from '../security/security.events.ts';

export const INVITATION_DAYS = 7;

/** The account's people and its pending invitations, owners first. */
export async function listMembers(db: Db, accountId: string, now = new Date().toISOString()) {
  const [members, invitations] = await Promise.all([
    db
      .selectFrom('member')
      .innerJoin('user', 'user.id', 'member.userId')
      .select(['user.id as userId', 'user.name', 'user.email', 'member.role', 'member.createdAt'])
      .where('member.organizationId', '=', accountId)
      .orderBy('member.createdAt')
      .execute(),
    db
      .selectFrom('invitation')
      .innerJoin('user', 'user.id', 'invitation.inviterId')
      .select([
        'invitation.id',
        'invitation.email',
        'invitation.role',
        'invitation.expiresAt',
        'user.name as invitedBy',
      ])
      .where('invitation.organizationId', '=', accountId)
      .where('invitation.status', '=', 'pending')
      .where('invitation.expiresAt', '>', now)
      .orderBy('invitation.createdAt')
      .execute(),
  ]);
  return {
    members: members
      .map((member) => ({
        ...member,
        role: accountRole(member.role),
        since: String(member.createdAt),
        createdAt: undefined,
      }))
      .sort((a, b) => Number(b.role === 'owner') - Number(a.role === 'owner')),
    invitations: invitations.map((invitation) => ({
      ...invitation,
      role: accountRole(invitation.role ?? 'buyer'),
      expiresAt: String(invitation.expiresAt),
    })),
  };
}

/**
 * Invites someone by email, or renews the pending invitation they already have. Returns the
 * invitation's id, which the mail's link carries.
 */
export async function inviteMember(
  db: Db,
  accountId: string,
  inviterId: string,
  email: string,
  role: AccountRole,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const member = await trx
      .selectFrom('member')
      .innerJoin('user', 'user.id', 'member.userId')
      .select('member.id')
      .where('member.organizationId', '=', accountId)
      .where('user.email', '=', email)
      .executeTakeFirst();
    if (member) throw refuse('CONFLICT', AccountError, 'ALREADY_MEMBER');
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000).toISOString();
    const pending = await trx
      .selectFrom('invitation')
      .select('id')
      .where('organizationId', '=', accountId)
      .where('email', '=', email)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending) {
      await trx
        .updateTable('invitation')
        .set({ role, expiresAt, inviterId })
        .where('id', '=', pending.id)
        .execute();
      return pending.id;
    }
    const id = newId();
    await trx
      .insertInto('invitation')
      .values({
        id,
        organizationId: accountId,
        email,
        role,
        status: 'pending',
        expiresAt,
        inviterId,
        createdAt: timestamp(),
      })
      .execute();
    return id;
  });
}

/** Withdraws a pending invitation of the account; any other is INVITATION_NOT_FOUND. */
export async function cancelInvitation(
  db: Db,
  accountId: string,
  invitationId: string,
): Promise<void> {
  const { numUpdatedRows } = await db
    .updateTable('invitation')
    .set({ status: 'canceled' })
    .where('id', '=', invitationId)
    .where('organizationId', '=', accountId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (numUpdatedRows === 0n) throw refuse('NOT_FOUND', AccountError, 'INVITATION_NOT_FOUND');
}

/** Pending invitations addressed to this email, for the invitee to accept or decline. */
export async function invitationsFor(db: Db, email: string, now = new Date().toISOString()) {
  const rows = await db
    .selectFrom('invitation')
    .innerJoin('organization', 'organization.id', 'invitation.organizationId')
    .innerJoin('user', 'user.id', 'invitation.inviterId')
    .select([
      'invitation.id',
      'organization.name as accountName',
      'user.name as invitedBy',
      'invitation.role',
      'invitation.expiresAt',
    ])
    .where('invitation.email', '=', email)
    .where('invitation.status', '=', 'pending')
    .where('invitation.expiresAt', '>', now)
    .orderBy('invitation.createdAt')
    .execute();
  return rows.map((row) => ({ ...row, role: accountRole(row.role ?? 'buyer') }));
}

/**
 * Answers an invitation addressed to this person. Accepting makes them a member and moves the
 * given session into the account. Another person's invitation is NOT_FOUND.
 */
export async function answerInvitation(
  db: Db,
  person: { userId: string; email: string; sessionId: string },
  invitationId: string,
  accept: boolean,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const invitation = await trx
      .selectFrom('invitation')
      .select(['organizationId', 'role', 'status', 'expiresAt'])
      .where('id', '=', invitationId)
      .where('email', '=', person.email)
      .executeTakeFirst();
    if (!invitation) throw refuse('NOT_FOUND', AccountError, 'INVITATION_NOT_FOUND');
    if (
      invitation.status !== 'pending' ||
      String(invitation.expiresAt) <= new Date().toISOString()
    ) {
      throw refuse('PRECONDITION_FAILED', AccountError, 'INVITATION_EXPIRED');
    }
    await trx
      .updateTable('invitation')
      .set({ status: accept ? 'accepted' : 'rejected' })
      .where('id', '=', invitationId)
      .execute();
    if (!accept) return;
    const already = await trx
      .selectFrom('member')
      .select('id')
      .where('organizationId', '=', invitation.organizationId)
      .where('userId', '=', person.userId)
      .executeTakeFirst();
    if (!already) {
      await trx
        .insertInto('member')
        .values({
          id: newId(),
          organizationId: invitation.organizationId,
          userId: person.userId,
          role: accountRole(invitation.role ?? 'buyer'),
          createdAt: timestamp(),
        })
        .execute();
    }
    await trx
      .updateTable('session')
      .set({ activeOrganizationId: invitation.organizationId })
      .where('id', '=', person.sessionId)
      .execute();
  });
}

async function ownerCount(db: Db, accountId: string): Promise<number> {
  const rows = await db
    .selectFrom('member')
    .select('role')
    .where('organizationId', '=', accountId)
    .execute();
  return rows.filter((row) => accountRole(row.role) === 'owner').length;
}

async function memberRole(db: Db, accountId: string, userId: string): Promise<AccountRole> {
  const member = await db
    .selectFrom('member')
    .select('role')
    .where('organizationId', '=', accountId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  if (!member) throw refuse('NOT_FOUND', AccountError, 'MEMBER_NOT_FOUND');
  return accountRole(member.role);
}

/**
 * Changes a member's role; an account always keeps at least one owner. A raised privilege ends
 * the member's sessions (any of them could switch into this account; one someone else may have
 * learned never gains it); a lowered one applies at once, as the role is read with every request.
 */
export async function setMemberRole(
  db: Db,
  accountId: string,
  userId: string,
  role: AccountRole,
  /** The session making the change, which stays (an owner who steps down keeps working). */
  keepSessionId?: string,
): Promise<void> {
  const current = await memberRole(db, accountId, userId);
  if (current === role) return;
  if (current === 'owner' && (await ownerCount(db, accountId)) === 1) {
    throw refuse('PRECONDITION_FAILED', AccountError, 'LAST_OWNER');
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('member')
      .set({ role })
      .where('organizationId', '=', accountId)
      .where('userId', '=', userId)
      .execute();
    if (RANK[role] > RANK[current]) {
      await trx
        .deleteFrom('session')
        .where('userId', '=', userId)
        .$if(keepSessionId !== undefined, (query) => query.where('id', '!=', keepSessionId!))
        .execute();
    }
    await recordSecurityEvent(trx, userId, 'role-changed');
  });
}

const RANK: Record<AccountRole, number> = { viewer: 0, buyer: 1, owner: 2 };

/**
 * Removes a member. Their sessions that worked in this account move to another account of
 * theirs (their own, made anew if they have none), so they lose access at once.
 */
export async function removeMember(db: Db, accountId: string, userId: string): Promise<void> {
  const current = await memberRole(db, accountId, userId);
  if (current === 'owner' && (await ownerCount(db, accountId)) === 1) {
    throw refuse('PRECONDITION_FAILED', AccountError, 'LAST_OWNER');
  }
  await db
    .deleteFrom('member')
    .where('organizationId', '=', accountId)
    .where('userId', '=', userId)
    .execute();
  const user = await db
    .selectFrom('user')
    .select(['id', 'name'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const elsewhere = await ensureCustomerAccount(db, user);
  await db
    .updateTable('session')
    .set({ activeOrganizationId: elsewhere })
    .where('userId', '=', userId)
    .where('activeOrganizationId', '=', accountId)
    .execute();
}
