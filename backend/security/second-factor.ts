import { createHmac } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { timestamp } from '../db/clock.ts';
import { recordSecurityEvent } from './security.events.ts';
import { isStaffRole } from '../session/roles.ts';
import { mayManage } from '../account/account.roles.ts';

/** Whether an account's owner asked every member to use security codes. */
export async function accountRequiresSecondFactor(db: Db, accountId: string): Promise<boolean> {
  const row = await db
    .selectFrom('accountSecurity')
    .select('requireSecondFactor')
    .where('accountId', '=', accountId)
    .executeTakeFirst();
  return Boolean(row?.requireSecondFactor);
}

export async function setAccountSecondFactorRule(
  db: Db,
  accountId: string,
  required: boolean,
): Promise<void> {
  const now = timestamp();
  await db
    .insertInto('accountSecurity')
    .values({ accountId, requireSecondFactor: required ? 1 : 0, updatedAt: now })
    .onConflict((conflict) =>
      conflict
        .column('accountId')
        .doUpdateSet({ requireSecondFactor: required ? 1 : 0, updatedAt: now }),
    )
    .execute();
}

/** Who asks this person for a second factor: all staff, and members of a strict account. */
export async function secondFactorRequiredBy(
  db: Db,
  role: string,
  accountId: string | null,
): Promise<'staff' | 'account' | null> {
  if (isStaffRole(role)) return 'staff';
  if (accountId && (await accountRequiresSecondFactor(db, accountId))) return 'account';
  return null;
}

/**
 * Turns off someone's security codes, for the vendor's own tooling when a person lost their
 * authenticator app and backup codes: the factor and the sessions go, and the event is recorded.
 * Staff are asked to set codes up again at their next sign-in. Returns false for an unknown email.
 */
export async function resetSecondFactor(db: Db, email: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('user')
      .select('id')
      .where('email', '=', email.trim().toLowerCase())
      .executeTakeFirst();
    if (!user) return false;
    await trx.deleteFrom('twoFactor').where('userId', '=', user.id).execute();
    await trx.updateTable('user').set({ twoFactorEnabled: 0 }).where('id', '=', user.id).execute();
    await trx.deleteFrom('session').where('userId', '=', user.id).execute();
    await recordSecurityEvent(trx, user.id, 'second-factor-off');
    return true;
  });
}

/** What the security section shows: the factors that are on and who requires them. */
export async function securityStatus(
  db: Db,
  person: { userId: string; role: string; account: { accountId: string; role: string } | null },
) {
  const [user, factor, requiredBy] = await Promise.all([
    db
      .selectFrom('user')
      .select('twoFactorEnabled')
      .where('id', '=', person.userId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('twoFactor')
      .select(['backupCodes', 'verified'])
      .where('userId', '=', person.userId)
      .executeTakeFirst(),
    secondFactorRequiredBy(db, person.role, person.account?.accountId ?? null),
  ]);
  const enabled = Boolean(user.twoFactorEnabled);
  const totp = enabled && Boolean(factor?.verified);
  const account = person.account;
  return {
    enabled,
    totp,
    // Codes by mail work for everyone whose second factor is on.
    otp: enabled,
    backupCodesLeft: totp ? backupCodeCount(factor?.backupCodes) : 0,
    required: requiredBy !== null,
    requiredBy,
    accountRule:
      account && !isStaffRole(person.role)
        ? {
            mayChange: mayManage(account.role),
            required: await accountRequiresSecondFactor(db, account.accountId),
          }
        : null,
  };
}

function backupCodeCount(stored: string | undefined): number {
  if (!stored) return 0;
  try {
    const codes: unknown = JSON.parse(stored);
    return Array.isArray(codes) ? codes.length : 0;
  } catch {
    return 0;
  }
}

const HASHED = 'h1:';

/**
 * A typed backup code as it is stored and compared: a keyed hash, never the code itself. Always
 * hashed, so a stored hash typed as a code (from a leaked backup) matches nothing.
 */
export function hashBackupCode(secret: string, code: string): string {
  const digest = createHmac('sha256', secret).update(`backup-code:${code.trim()}`).digest();
  return HASHED + digest.toString('base64url');
}

/**
 * better-auth's backup-code storage, hashed: the library hands over the list of codes as JSON
 * (new ones in clear, the remaining ones already hashed) and compares the typed code, which a
 * hook hashes first, with what `decrypt` gives back.
 */
export function hashedBackupCodes(secret: string) {
  return {
    encrypt: async (json: string) =>
      JSON.stringify(
        (JSON.parse(json) as string[]).map((code) =>
          // New codes come in clear; the ones left after a use are already hashed.
          code.startsWith(HASHED) ? code : hashBackupCode(secret, code),
        ),
      ),
    decrypt: async (stored: string) => stored,
  };
}
