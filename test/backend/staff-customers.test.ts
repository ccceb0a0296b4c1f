import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  errorCode,
  refusalReason,
  startTestPortico,
  TEST_ORIGIN,
  type TestClient,
  type TestPortico,
  type TrpcEnvelope,
} from '../support/portico.ts';
import { seedTestCatalog } from '../support/catalog.ts';
import { placedOrder } from '../support/ordering.ts';

type Person = { userId: string; name: string; email: string; role: string; locked: boolean };
type Found = { id: string; name: string; memberCount: number; balance: number; people: Person[] };
type SearchPage = { items: Found[]; nextCursor: string | null };
interface Account {
  id: string;
  name: string;
  members: (Person & { lockReason: string | null })[];
  invitations: { id: string; email: string; role: string; invitedBy: string }[];
  balance: number;
  currency: string;
  orders: { id: string }[];
  tickets: { subject: string }[];
}
interface Me {
  user: { id: string };
  account: { id: string; name: string; role: string } | null;
}

const data = <T>(envelope: { body: TrpcEnvelope }): T => {
  assert.ok(envelope.body.result, JSON.stringify(envelope.body.error));
  return envelope.body.result.data as T;
};

describe('the staff view of customers: search, one account, invitations and locks', () => {
  let portico: TestPortico;
  let agent: TestClient;
  let anna: TestClient;
  let ben: TestClient;
  let benMe: Me;
  let agentMe: Me;
  let annaAccount: string;
  let benAccount: string;

  const search = async (input: object) =>
    data<SearchPage>(await agent.query('staff.customer.search', input));
  const account = async (accountId: string) =>
    data<Account>(await agent.query('staff.customer.byId', { accountId }));
  const count = async (table: 'invitation' | 'session' | 'member') =>
    Number(
      (
        await portico.services.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  // better-auth's admin columns, which Portico's schema does not type.
  const lockColumns = async (userId: string) =>
    (
      await sql<{ banned: number | null; banReason: string | null }>`
        select ${sql.ref('banned')}, ${sql.ref('banReason')} from ${sql.table('user')}
        where ${sql.ref('id')} = ${userId}`.execute(portico.services.db)
    ).rows[0]!;
  const signIn = (email: string, client = portico.client()) =>
    client.post('/api/auth/sign-in/email', { email, password: 'correct horse battery' });

  before(async () => {
    portico = await startTestPortico();
    const ids = await seedTestCatalog(portico.services);
    anna = await portico.personWithSession({ email: 'anna@cafe-aurora.test', name: 'Anna Kalna' });
    ben = await portico.personWithSession({ email: 'ben@bistro.test', name: 'Ben Ozols' });
    agent = await portico.personWithSession({
      email: 'jonas@vendor.test',
      name: 'Jonas Weber',
      role: 'agent',
    });
    annaAccount = data<Me>(await anna.query('session.me')).account!.id;
    benMe = data<Me>(await ben.query('session.me'));
    agentMe = data<Me>(await agent.query('session.me'));
    benAccount = benMe.account!.id;
    await portico.services.db
      .updateTable('organization')
      .set({ name: 'Café Aurora' })
      .where('id', '=', annaAccount)
      .execute();
    await placedOrder(anna, [{ productId: ids.beans, quantity: 1 }]);
    data(
      await anna.mutate('ticket.create', {
        subject: 'Where is the grinder?',
        kind: 'question',
        body: 'It was promised for Monday.',
        pageUrl: `${TEST_ORIGIN}/account.html#tickets`,
      }),
    );
    data(
      await agent.mutate('staff.payment.post', {
        accountId: annaAccount,
        amount: 1500,
        receivedOn: new Date().toISOString().slice(0, 10),
        method: 'bank_transfer',
        idempotencyKey: randomUUID(),
      }),
    );
  });
  after(() => portico.close());

  it('finds accounts by their name, and people by name or email with their account', async () => {
    const byAccount = await search({ query: 'aurora' });
    assert.deepEqual(
      byAccount.items.map((item) => item.id),
      [annaAccount],
    );
    assert.equal(byAccount.items[0]!.memberCount, 1);
    assert.equal(byAccount.items[0]!.balance, -1500, 'a payment with no invoice is a credit');

    const byPerson = await search({ query: 'KALNA' });
    assert.deepEqual(
      byPerson.items.map((item) => [item.name, item.people.map((p) => [p.name, p.role])]),
      [['Café Aurora', [['Anna Kalna', 'owner']]]],
    );
    const byEmail = await search({ query: 'ben@bistro' });
    assert.deepEqual(
      byEmail.items.map((item) => [item.id, item.people.map((p) => p.email)]),
      [[benAccount, ['ben@bistro.test']]],
    );
    const both = await search({ query: 'ben bistro' });
    assert.deepEqual(
      both.items.map((item) => item.id),
      [benAccount],
    );
    assert.equal((await search({ query: 'nobody-like-this' })).items.length, 0);
    assert.equal((await search({ query: '%' })).items.length, 0, 'wildcards are plain text');
  });

  it('never shows staff as customers, even a staff member in a customer account', async () => {
    assert.equal((await search({ query: 'jonas' })).items.length, 0);
    await portico.services.db
      .insertInto('member')
      .values({
        id: randomUUID(),
        organizationId: benAccount,
        userId: agentMe.user.id,
        role: 'buyer',
        createdAt: new Date().toISOString(),
      })
      .execute();
    try {
      assert.equal((await search({ query: 'jonas' })).items.length, 0);
      const all = await search({});
      const ben = all.items.find((item) => item.id === benAccount)!;
      assert.equal(ben.memberCount, 1);
      assert.deepEqual(
        (await account(benAccount)).members.map((m) => m.email),
        ['ben@bistro.test'],
      );
      const locking = await agent.mutate('staff.customer.lock', {
        accountId: benAccount,
        userId: agentMe.user.id,
        reason: 'Testing',
      });
      assert.equal(errorCode(locking), 'PRECONDITION_FAILED');
      assert.equal(refusalReason(locking), 'STAFF_NOT_LOCKABLE');
      assert.equal((await lockColumns(agentMe.user.id)).banned, 0);
      assert.ok(data<Me>(await agent.query('session.me')), 'the agent is still signed in');
    } finally {
      await portico.services.db
        .deleteFrom('member')
        .where('userId', '=', agentMe.user.id)
        .execute();
    }
  });

  it('lists every account a page at a time in name order', async () => {
    const first = await search({ limit: 1 });
    assert.equal(first.items.length, 1);
    assert.ok(first.nextCursor);
    const second = await search({ limit: 1, cursor: first.nextCursor });
    assert.equal(second.nextCursor, null);
    assert.deepEqual(
      [...first.items, ...second.items].map((item) => item.name),
      ['Ben Ozols', 'Café Aurora'],
    );
  });

  it('refuses bad search input and customers', async () => {
    const long = await agent.query('staff.customer.search', { query: 'x'.repeat(101) });
    assert.ok(long.body.error?.data.fieldErrors?.query);
    assert.equal(
      errorCode(await agent.query('staff.customer.search', { extra: 1 })),
      'BAD_REQUEST',
    );
    assert.equal(
      errorCode(await agent.query('staff.customer.search', { limit: 500 })),
      'BAD_REQUEST',
    );
    assert.equal(
      errorCode(await agent.query('staff.customer.search', { cursor: 'not a cursor' })),
      'BAD_REQUEST',
    );
    assert.equal(errorCode(await anna.query('staff.customer.search', {})), 'FORBIDDEN');
    assert.equal(
      errorCode(await anna.query('staff.customer.byId', { accountId: annaAccount })),
      'FORBIDDEN',
    );
  });

  it('shows one account: members, balance, recent orders and tickets', async () => {
    const shown = await account(annaAccount);
    assert.equal(shown.name, 'Café Aurora');
    assert.deepEqual(
      shown.members.map((m) => [m.name, m.role, m.locked]),
      [['Anna Kalna', 'owner', false]],
    );
    assert.equal(shown.balance, -1500);
    assert.equal(shown.currency, 'EUR');
    assert.equal(shown.orders.length, 1);
    assert.deepEqual(
      shown.tickets.map((t) => t.subject),
      ['Where is the grinder?'],
    );
    const missing = await agent.query('staff.customer.byId', { accountId: 'missing' });
    assert.equal(refusalReason(missing), 'ACCOUNT_NOT_FOUND');
    assert.equal(
      errorCode(await agent.query('staff.customer.byId', { accountId: '' })),
      'BAD_REQUEST',
    );
  });

  it('invites a member in the staff member’s name; the invitee accepts from the mail', async () => {
    const before = await count('invitation');
    for (const [input, field] of [
      [{ accountId: annaAccount, email: 'not-an-email', role: 'buyer' }, 'email'],
      [{ accountId: annaAccount, email: 'a@b.test', role: 'king' }, 'role'],
    ] as const) {
      const refused = await agent.mutate('staff.customer.invite', input);
      assert.ok(refused.body.error?.data.fieldErrors?.[field], field);
    }
    const elsewhere = await agent.mutate('staff.customer.invite', {
      accountId: 'missing',
      email: 'x@y.test',
      role: 'buyer',
    });
    assert.equal(refusalReason(elsewhere), 'ACCOUNT_NOT_FOUND');
    const staffEmail = await agent.mutate('staff.customer.invite', {
      accountId: annaAccount,
      email: 'Jonas@Vendor.test',
      role: 'buyer',
    });
    assert.equal(refusalReason(staffEmail), 'STAFF_EMAIL');
    const member = await agent.mutate('staff.customer.invite', {
      accountId: annaAccount,
      email: 'anna@cafe-aurora.test',
      role: 'buyer',
    });
    assert.equal(refusalReason(member), 'ALREADY_MEMBER');
    assert.equal(await count('invitation'), before, 'refused invitations leave nothing behind');

    const invited = data<Account>(
      await agent.mutate('staff.customer.invite', {
        accountId: annaAccount,
        email: 'Pavel@Cafe-Aurora.test',
        role: 'viewer',
      }),
    );
    assert.deepEqual(
      invited.invitations.map((i) => [i.email, i.role, i.invitedBy]),
      [['pavel@cafe-aurora.test', 'viewer', 'Jonas Weber']],
    );
    const mail = await portico.mailbox.next('pavel@cafe-aurora.test', /invites you/);
    assert.match(mail.subject, /Jonas Weber invites you to Café Aurora/);
    const link = new URL(mail.links[0]!);
    assert.equal(
      `${link.origin}${link.pathname}`,
      `${TEST_ORIGIN}/account.html`,
      'the page of the account’s last ticket',
    );
    assert.equal(link.searchParams.get('portico-invitation'), invited.invitations[0]!.id);

    const pavel = await portico.personWithSession({
      email: 'pavel@cafe-aurora.test',
      name: 'Pavel',
    });
    data(
      await pavel.mutate('account.answerInvitation', {
        invitationId: invited.invitations[0]!.id,
        accept: true,
      }),
    );
    const after = await account(annaAccount);
    assert.deepEqual(
      after.members.map((m) => [m.name, m.role]),
      [
        ['Anna Kalna', 'owner'],
        ['Pavel', 'viewer'],
      ],
    );
    assert.equal(after.invitations.length, 0);
    assert.equal((await search({ query: 'aurora' })).items[0]!.memberCount, 2);
  });

  it('cancels a pending invitation, only of the account it belongs to', async () => {
    const invited = data<Account>(
      await agent.mutate('staff.customer.invite', {
        accountId: benAccount,
        email: 'mara@bistro.test',
        role: 'buyer',
      }),
    );
    const invitationId = invited.invitations[0]!.id;
    const wrongAccount = await agent.mutate('staff.customer.cancelInvitation', {
      accountId: annaAccount,
      invitationId,
    });
    assert.equal(refusalReason(wrongAccount), 'INVITATION_NOT_FOUND');
    const cancelled = data<Account>(
      await agent.mutate('staff.customer.cancelInvitation', {
        accountId: benAccount,
        invitationId,
      }),
    );
    assert.equal(cancelled.invitations.length, 0);
    const again = await agent.mutate('staff.customer.cancelInvitation', {
      accountId: benAccount,
      invitationId,
    });
    assert.equal(errorCode(again), 'NOT_FOUND');
  });

  it('locks a person out at once: their session stops working and they cannot sign in', async () => {
    const benId = benMe.user.id;
    for (const [input, code] of [
      [{ accountId: benAccount, userId: benId, reason: '  ' }, 'BAD_REQUEST'],
      [{ accountId: benAccount, userId: benId }, 'BAD_REQUEST'],
      [{ accountId: annaAccount, userId: benId, reason: 'Wrong account' }, 'NOT_FOUND'],
      [{ accountId: benAccount, userId: 'missing', reason: 'Nobody' }, 'NOT_FOUND'],
    ] as const) {
      assert.equal(errorCode(await agent.mutate('staff.customer.lock', input)), code);
    }
    assert.deepEqual(await lockColumns(benId), { banned: 0, banReason: null });
    assert.equal(
      errorCode(
        await ben.mutate('staff.customer.lock', {
          accountId: benAccount,
          userId: benId,
          reason: 'x',
        }),
      ),
      'FORBIDDEN',
    );

    // Ben's session answers now, so the session cache holds it.
    assert.equal(data<Me>(await ben.query('session.me')).user.id, benId);
    const sessionsBefore = await count('session');
    const locked = data<Account>(
      await agent.mutate('staff.customer.lock', {
        accountId: benAccount,
        userId: benId,
        reason: 'Card fraud reported',
      }),
    );
    assert.deepEqual(
      locked.members.map((m) => [m.email, m.locked, m.lockReason]),
      [['ben@bistro.test', true, 'Card fraud reported']],
    );
    assert.equal(await count('session'), sessionsBefore - 1);
    assert.equal(data<Me | null>(await ben.query('session.me')), null);
    assert.equal(errorCode(await ben.query('account.summary')), 'UNAUTHORIZED');
    const refused = await signIn('ben@bistro.test');
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { code: string }).code, 'BANNED_USER');
    const found = await search({ query: 'ben' });
    assert.deepEqual(
      found.items[0]!.people.map((p) => p.locked),
      [true],
    );
    assert.ok(data<Me>(await anna.query('session.me')), 'other people keep their sessions');

    const unlocked = data<Account>(
      await agent.mutate('staff.customer.unlock', { accountId: benAccount, userId: benId }),
    );
    assert.deepEqual(
      unlocked.members.map((m) => [m.locked, m.lockReason]),
      [[false, null]],
    );
    const client = portico.client();
    assert.equal((await signIn('ben@bistro.test', client)).status, 200);
    assert.equal(data<Me>(await client.query('session.me')).account?.id, benAccount);
  });

  it('matches without accents or case, as people type names on any keyboard', async () => {
    const zane = await portico.personWithSession({
      email: 'zane@ziedi.test',
      name: 'Zane Bērziņa',
    });
    const zaneAccount = data<Me>(await zane.query('session.me')).account!.id;
    await portico.services.db
      .updateTable('organization')
      .set({ name: 'Ziedu Bodīte Straße' })
      .where('id', '=', zaneAccount)
      .execute();
    for (const query of ['berzina', 'BĒRZIŅA', 'bodite', 'strasse', 'ZIEDU bod']) {
      const ids = (await search({ query })).items.map((found) => found.id);
      assert.deepEqual(ids, [zaneAccount], `"${query}" finds the account`);
    }
    const found = (await search({ query: 'berzina' })).items[0]!;
    assert.deepEqual(
      found.people.map((person) => person.name),
      ['Zane Bērziņa'],
    );
    // The orders and billing searches fold the same way.
    const accounts = data<{ id: string }[]>(
      await agent.query('staff.account.search', { query: 'bodite strasse' }),
    );
    assert.deepEqual(
      accounts.map((row) => row.id),
      [zaneAccount],
    );
  });
});
