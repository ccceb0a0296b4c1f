import { recordSecurityEvent } from '../security/security.events.ts';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { refuse } from '../errors.ts';
import type { Services } from '../services.ts';
import { createPerson } from '../session/people.ts';
import type { StaffRole } from '../session/roles.ts';
import { SettingsError } from './settings.errors.ts';
import { staffWelcomeMail } from './settings.mail.ts';

/**
 * The role of someone an administrator removed from the staff: not staff, not a customer, and
 * banned (better-auth's admin plugin refuses their sign-in). Their name stays on what they wrote.
 */
export const FORMER_STAFF = 'former-staff';
const STAFF: StaffRole[] = ['agent', 'admin'];
/** How long the link in the welcome mail lets a new staff member choose a password. */
export const WELCOME_LINK_DAYS = 3;

export const staffRoleSchema = z.enum(['agent', 'admin']);
export const userIdSchema = z.string().min(1).max(64);

export const addStaffInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  email: z.email().trim().toLowerCase().max(200),
  role: staffRoleSchema,
});

/** better-auth's ban columns, which the shared schema leaves out. */
interface BanColumns {
  banned: number | null;
  banReason: string | null;
}
const withBans = (db: Db) => db.withTables<{ user: BanColumns }>();

export function listStaff(db: Db, me: string) {
  return db
    .selectFrom('user')
    .select(['id', 'name', 'email', 'role', 'createdAt'])
    .where('role', 'in', STAFF)
    .orderBy('name')
    .execute()
    .then((rows) =>
      rows.map((row) => ({
        id: row.id,
        name: row.name,
        email: row.email,
        role: row.role as StaffRole,
        since: new Date(row.createdAt).toISOString(),
        isMe: row.id === me,
      })),
    );
}

/**
 * Adds a staff member (or brings back one removed earlier) and mails them a link to choose a
 * password. When the mail cannot go out, nothing is kept: an account nobody can reach helps no one.
 */
export async function addStaff(
  services: Services,
  inviter: string,
  input: z.output<typeof addStaffInput>,
): Promise<{ id: string }> {
  const { db, auth } = services;
  const existing = await withBans(db)
    .selectFrom('user')
    .select(['id', 'role', 'banned', 'banReason'])
    .where('email', '=', input.email)
    .executeTakeFirst();
  let undo: () => Promise<void>;
  let id: string;
  if (existing) {
    if (existing.role === 'agent' || existing.role === 'admin') {
      throw refuse('CONFLICT', SettingsError, 'STAFF_EXISTS');
    }
    if (existing.role !== FORMER_STAFF)
      throw refuse('CONFLICT', SettingsError, 'EMAIL_IS_CUSTOMER');
    id = existing.id;
    const before = { role: existing.role, banned: existing.banned, banReason: existing.banReason };
    await withBans(db)
      .updateTable('user')
      .set({ name: input.name, role: input.role, banned: 0, banReason: null })
      .where('id', '=', id)
      .execute();
    // Only the mailed link lets them in again: the password they had when removed is forgotten.
    const ctx = await auth.$context;
    await ctx.internalAdapter.updatePassword(
      id,
      await ctx.password.hash(randomBytes(32).toString('base64url')),
    );
    undo = async () => {
      await withBans(db).updateTable('user').set(before).where('id', '=', id).execute();
      await db.deleteFrom('session').where('userId', '=', id).execute();
    };
  } else {
    id = await createPerson(auth, {
      email: input.email,
      name: input.name,
      role: input.role,
      // Nobody ever knows it: the person chooses their own through the mailed link.
      password: randomBytes(32).toString('base64url'),
    });
    undo = async () => {
      await db.deleteFrom('user').where('id', '=', id).execute();
    };
  }
  try {
    const link = await passwordLink(services, id);
    const vendor = services.portalSettings().vendorName;
    await services.mailer.send(
      staffWelcomeMail(vendor, input.email, input.name, inviter, link, WELCOME_LINK_DAYS),
    );
  } catch (error) {
    await undo();
    services.sessions.clear();
    services.log(`staff ${id}: the welcome mail was not sent: ${String(error)}`);
    throw refuse('PRECONDITION_FAILED', SettingsError, 'INVITE_NOT_SENT');
  }
  services.sessions.clear();
  return { id };
}

/**
 * A password-reset link as better-auth's own `request-password-reset` makes it (the same
 * verification record and callback), valid for days rather than an hour, back to `/staff`.
 */
async function passwordLink(services: Services, userId: string): Promise<string> {
  const ctx = await services.auth.$context;
  const token = randomBytes(24).toString('base64url');
  await ctx.internalAdapter.createVerificationValue({
    value: userId,
    identifier: `reset-password:${token}`,
    expiresAt: new Date(Date.now() + WELCOME_LINK_DAYS * 24 * 60 * 60 * 1000),
  });
  const back = `${services.config.publicUrl}/staff?portico-action=reset-password`;
  return `${ctx.baseURL}/reset-password/${token}?callbackURL=${encodeURIComponent(back)}`;
}

/** The staff member `userId`, inside a transaction, or NOT_FOUND. */
async function staffOrNotFound(trx: Db, userId: string) {
  const person = await trx
    .selectFrom('user')
    .select(['id', 'role'])
    .where('id', '=', userId)
    .where('role', 'in', STAFF)
    .executeTakeFirst();
  if (!person) throw refuse('NOT_FOUND', SettingsError, 'STAFF_NOT_FOUND');
  return person;
}

async function refuseLastAdmin(trx: Db): Promise<void> {
  const { count } = await trx
    .selectFrom('user')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  if (Number(count) <= 1) throw refuse('CONFLICT', SettingsError, 'LAST_ADMIN');
}

export async function setStaffRole(
  services: Services,
  me: string,
  userId: string,
  role: StaffRole,
): Promise<void> {
  if (userId === me) throw refuse('CONFLICT', SettingsError, 'SELF_ROLE');
  await services.db.transaction().execute(async (trx) => {
    const person = await staffOrNotFound(trx, userId);
    if (person.role === role) return;
    if (person.role === 'admin') await refuseLastAdmin(trx);
    await trx.updateTable('user').set({ role }).where('id', '=', userId).execute();
    // A raised privilege ends their sessions: only a fresh sign-in carries it. A lowered one
    // applies at once, as the role is read with the session.
    if (role === 'admin') await trx.deleteFrom('session').where('userId', '=', userId).execute();
    await recordSecurityEvent(trx, userId, 'role-changed');
  });
  // Sessions carry the role: the cached ones must be looked up again.
  services.sessions.clear();
}

/**
 * Takes someone off the staff: they can no longer sign in, their sessions end, and they leave
 * every list of agents. Adding their email again brings them back.
 */
export async function removeStaff(services: Services, me: string, userId: string): Promise<void> {
  if (userId === me) throw refuse('CONFLICT', SettingsError, 'SELF_REMOVE');
  await services.db.transaction().execute(async (trx) => {
    const person = await staffOrNotFound(trx, userId);
    if (person.role === 'admin') await refuseLastAdmin(trx);
    await withBans(trx)
      .updateTable('user')
      .set({ role: FORMER_STAFF, banned: 1, banReason: 'Removed from the staff' })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('session').where('userId', '=', userId).execute();
  });
  services.sessions.clear();
}
