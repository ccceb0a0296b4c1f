import type { Services } from '../services.ts';
import { createPerson } from '../session/people.ts';
import { findMembership } from '../account/account.queries.ts';
import { inviteMember } from '../account/account.members.ts';
import { newId } from '../db/id.ts';
import { setLock } from '../customer/customer.lock.ts';

/**
 * Company accounts with more than one person, for the staff's customer view: a colleague who
 * only views, an invitation waiting for an answer, and a person locked out with a reason. Runs
 * after the demo orders (whose customers own these accounts); safe to run again.
 */
export async function seedDemoCustomers(services: Services): Promise<void> {
  const { db, auth } = services;
  const owner = (email: string) =>
    db
      .selectFrom('user')
      .innerJoin('member', 'member.userId', 'user.id')
      .select(['user.id', 'member.organizationId'])
      .where('user.email', '=', email)
      .where('member.role', '=', 'owner')
      .executeTakeFirst();
  const addMember = async (accountId: string, email: string, name: string, role: string) => {
    const password = 'demo-colleague-1';
    const userId = await createPerson(
      auth,
      { email, name, password, role: 'customer' },
      { ifMissing: true },
    );
    if (await findMembership(db, userId, accountId)) return userId;
    await db
      .insertInto('member')
      .values({
        id: newId(),
        organizationId: accountId,
        userId,
        role,
        createdAt: new Date().toISOString(),
      })
      .execute();
    return userId;
  };

  const aurora = await owner('anna@cafe-aurora.example');
  if (aurora) {
    await addMember(
      aurora.organizationId,
      'peteris@cafe-aurora.example',
      'Pēteris Kalniņš',
      'viewer',
    );
    await inviteMember(db, aurora.organizationId, aurora.id, 'marta@cafe-aurora.example', 'buyer');
  }
  const hoffmann = await owner('lukas@kaffeehaus-hoffmann.example');
  if (hoffmann) {
    const locked = await addMember(
      hoffmann.organizationId,
      'tobias@kaffeehaus-hoffmann.example',
      'Tobias Brandt',
      'buyer',
    );
    await setLock(db, hoffmann.organizationId, locked, {
      reason: 'Left the company; the owner asked us to lock him out until his account is removed.',
    });
  }
  services.sessions.clear();
}
