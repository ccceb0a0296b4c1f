import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPortico, TestClient, TEST_ORIGIN, type TestPortico } from '../support/portico.ts';
import { ADDRESS, seedTestCatalog } from '../support/catalog.ts';
import { placedOrder, placeQuoted } from '../support/ordering.ts';

interface Me {
  user: { name: string };
  account: { id: string; name: string; role: string };
}
interface Members {
  members: { userId: string; email: string; role: string }[];
  invitations: { id: string; email: string; role: string }[];
}

const data = <T>(envelope: { body: { result?: { data: unknown }; error?: unknown } }): T => {
  assert.ok(envelope.body.result, JSON.stringify(envelope.body.error));
  return envelope.body.result.data as T;
};
const code = (envelope: { body: { error?: { data: { code: string } } } }) =>
  envelope.body.error?.data.code;

describe('company accounts: members, invitations and roles', () => {
  let portico: TestPortico;
  let ids: Awaited<ReturnType<typeof seedTestCatalog>>;
  let owner: TestClient;
  let colleague: TestClient;
  let stranger: TestClient;
  let company: Me['account'];
  let companyOrder: { id: string; number: string };

  before(async () => {
    portico = await startTestPortico();
    ids = await seedTestCatalog(portico.services);
    owner = await portico.personWithSession({ email: 'olga@bakery.test', name: 'Olga' });
    company = data<Me>(await owner.query('session.me')).account;
    companyOrder = await placedOrder(owner, [{ productId: ids.beans, quantity: 1 }]);
    stranger = await portico.personWithSession({ email: 'sam@other.test', name: 'Sam' });
  });
  after(() => portico.close());

  it('invites a colleague by email; after accepting they work in the company account', async () => {
    const invited = data<Members>(
      await owner.mutate('account.invite', {
        email: 'Pavel@Bakery.test',
        role: 'viewer',
        returnTo: `${TEST_ORIGIN}/account.html`,
      }),
    );
    assert.deepEqual(
      invited.invitations.map((i) => [i.email, i.role]),
      [['pavel@bakery.test', 'viewer']],
    );
    const mail = await portico.mailbox.next('pavel@bakery.test', /invites you/);
    const link = new URL(mail.links[0]!);
    assert.equal(link.origin, TEST_ORIGIN);
    const invitationId = link.searchParams.get('portico-invitation');
    assert.equal(invitationId, invited.invitations[0]!.id);

    colleague = await portico.personWithSession({ email: 'pavel@bakery.test', name: 'Pavel' });
    // Before accepting, the colleague works in an account of his own and sees nothing of Olga's.
    assert.equal(
      code(await colleague.query('order.byId', { orderId: companyOrder.id })),
      'NOT_FOUND',
    );
    // A stranger who learns the invitation's id cannot use it.
    const stolen = await stranger.mutate('account.answerInvitation', {
      invitationId,
      accept: true,
    });
    assert.equal(code(stolen), 'NOT_FOUND');

    const waiting = data<{ id: string; accountName: string }[]>(
      await colleague.query('account.invitations'),
    );
    assert.deepEqual(
      waiting.map((i) => i.accountName),
      [company.name],
    );
    data(await colleague.mutate('account.answerInvitation', { invitationId, accept: true }));
    const me = data<Me>(await colleague.query('session.me'));
    assert.equal(me.account.id, company.id);
    assert.equal(me.account.role, 'viewer');
    const detail = data<{ number: string; can: object }>(
      await colleague.query('order.byId', { orderId: companyOrder.id }),
    );
    assert.equal(detail.number, companyOrder.number);
    assert.deepEqual(detail.can, { changeAddress: false, cancel: false, reorder: false });
    const byNumber = await colleague.query('order.byNumber', {
      number: ` ${companyOrder.number.toLowerCase()} `,
    });
    assert.equal(data<{ id: string }>(byNumber).id, companyOrder.id);
    const strangers = await stranger.query('order.byNumber', { number: companyOrder.number });
    assert.equal(code(strangers), 'NOT_FOUND');
    const list = data<{ items: { id: string }[] }>(await colleague.query('order.list', {}));
    assert.ok(list.items.some((order) => order.id === companyOrder.id));
    const accepted = data<Members>(await owner.query('account.members'));
    assert.deepEqual(accepted.invitations, []);
    assert.deepEqual(
      accepted.members.map((m) => [m.email, m.role]),
      [
        ['olga@bakery.test', 'owner'],
        ['pavel@bakery.test', 'viewer'],
      ],
    );
    const again = await colleague.mutate('account.answerInvitation', {
      invitationId,
      accept: true,
    });
    assert.equal(code(again), 'PRECONDITION_FAILED');
  });

  it('lets a viewer look but not order, and a buyer order', async () => {
    const items = [{ productId: ids.cups, quantity: 1 }];
    const refused = await colleague.mutate('order.place', {
      idempotencyKey: 'viewer-tries-to-order-0001',
      items,
      address: ADDRESS,
      expectedTotal: 0,
    });
    assert.equal(code(refused), 'FORBIDDEN');
    assert.match(refused.body.error!.message, /see orders but not place/);
    for (const [path, input] of [
      ['order.cancel', { orderId: companyOrder.id }],
      ['order.reorder', { orderId: companyOrder.id }],
    ] as const) {
      assert.equal(code(await colleague.mutate(path, input)), 'FORBIDDEN', path);
    }
    assert.equal(
      code(await colleague.query('order.quote', { items, address: undefined })),
      'FORBIDDEN',
    );
    assert.equal(
      (await owner.query('order.byId', { orderId: companyOrder.id })).body.result !== undefined,
      true,
    );

    const colleagueId = data<Members>(await owner.query('account.members')).members[1]!.userId;
    data(await owner.mutate('account.setRole', { userId: colleagueId, role: 'buyer' }));
    // A raised role ends the colleague's session in the account: he signs in again to use it.
    assert.equal(code(await colleague.query('order.list', {})), 'UNAUTHORIZED');
    await colleague.post('/api/auth/sign-in/email', {
      email: 'pavel@bakery.test',
      password: 'correct horse battery',
    });
    data(await colleague.mutate('account.switch', { accountId: company.id }));
    const placed = await placeQuoted(colleague, items);
    assert.ok(placed.body.result, JSON.stringify(placed.body.error));
  });

  it('keeps member management to owners and always leaves one owner', async () => {
    const members = data<Members>(await owner.query('account.members')).members;
    const [olga, pavel] = members;
    assert.equal(
      code(await colleague.mutate('account.setRole', { userId: olga!.userId, role: 'viewer' })),
      'FORBIDDEN',
    );
    assert.equal(
      code(await colleague.mutate('account.removeMember', { userId: olga!.userId })),
      'FORBIDDEN',
    );
    assert.equal(
      code(
        await colleague.mutate('account.invite', {
          email: 'x@y.test',
          role: 'owner',
          returnTo: `${TEST_ORIGIN}/`,
        }),
      ),
      'FORBIDDEN',
    );
    const demote = await owner.mutate('account.setRole', { userId: olga!.userId, role: 'buyer' });
    assert.equal(code(demote), 'PRECONDITION_FAILED');
    assert.equal(code(await owner.mutate('account.leave')), 'PRECONDITION_FAILED');
    // Another account's member, or nobody at all, is not found.
    const samId = data<{ user: { id: string } }>(await stranger.query('session.me')).user.id;
    assert.equal(
      code(await owner.mutate('account.setRole', { userId: samId, role: 'viewer' })),
      'NOT_FOUND',
    );
    assert.equal(
      code(await owner.mutate('account.removeMember', { userId: 'nobody' })),
      'NOT_FOUND',
    );
    assert.equal(
      code(
        await owner.mutate('account.invite', {
          email: 'pavel@bakery.test',
          role: 'buyer',
          returnTo: `${TEST_ORIGIN}/`,
        }),
      ),
      'CONFLICT',
    );
    const elsewhere = await owner.mutate('account.invite', {
      email: 'new@bakery.test',
      role: 'buyer',
      returnTo: 'https://evil.test/phish',
    });
    assert.equal(code(elsewhere), 'BAD_REQUEST');
    assert.equal(data<Members>(await owner.query('account.members')).invitations.length, 0);
    assert.equal(pavel!.role, 'buyer');
  });

  it('cancels invitations only in the owner’s own account', async () => {
    const invited = data<Members>(
      await owner.mutate('account.invite', {
        email: 'rita@bakery.test',
        role: 'buyer',
        returnTo: `${TEST_ORIGIN}/`,
      }),
    );
    const invitationId = invited.invitations[0]!.id;
    assert.equal(
      code(await stranger.mutate('account.cancelInvitation', { invitationId })),
      'NOT_FOUND',
    );
    data(await owner.mutate('account.cancelInvitation', { invitationId }));
    assert.equal(
      code(await owner.mutate('account.cancelInvitation', { invitationId })),
      'NOT_FOUND',
    );
  });

  it('switches between accounts a person belongs to, and never into another', async () => {
    const mine = data<{ id: string; current: boolean }[]>(
      await colleague.query('account.memberships'),
    );
    assert.equal(mine.length, 2);
    const own = mine.find((m) => !m.current)!;
    data(await colleague.mutate('account.switch', { accountId: own.id }));
    assert.equal(data<Me>(await colleague.query('session.me')).account.id, own.id);
    data(await colleague.mutate('account.switch', { accountId: company.id }));
    const strangersAccount = data<Me>(await stranger.query('session.me')).account.id;
    assert.equal(
      code(await colleague.mutate('account.switch', { accountId: strangersAccount })),
      'NOT_FOUND',
    );
  });

  it('removes a member: at once they see nothing more of the company', async () => {
    const pavel = data<Members>(await owner.query('account.members')).members[1]!;
    data(await owner.mutate('account.removeMember', { userId: pavel.userId }));
    assert.equal(
      code(await colleague.query('order.byId', { orderId: companyOrder.id })),
      'NOT_FOUND',
    );
    assert.notEqual(data<Me>(await colleague.query('session.me')).account.id, company.id);
  });

  it('refuses malformed account requests with field errors', async () => {
    const cases: [string, object, string][] = [
      [
        'account.invite',
        { email: 'not-an-email', role: 'buyer', returnTo: `${TEST_ORIGIN}/` },
        'email',
      ],
      ['account.invite', { email: 'a@b.test', role: 'king', returnTo: `${TEST_ORIGIN}/` }, 'role'],
      [
        'account.invite',
        { email: 'a@b.test', role: 'buyer', returnTo: 'javascript:alert(1)' },
        'returnTo',
      ],
      ['account.setRole', { userId: '', role: 'buyer' }, 'userId'],
      ['account.answerInvitation', { invitationId: 'x', accept: 'yes' }, 'accept'],
      ['account.switch', { accountId: 'x', extra: 1 }, '_'],
    ];
    for (const [path, input, field] of cases) {
      const { body } = await owner.mutate(path, input);
      assert.equal(body.error?.data.code, 'BAD_REQUEST', path);
      assert.ok(
        body.error?.data.fieldErrors?.[field],
        `${path}: ${JSON.stringify(body.error?.data.fieldErrors)}`,
      );
    }
  });

  it('keeps better-auth’s own organization endpoints shut', async () => {
    const response = await owner.post('/api/auth/organization/invite-member', {
      email: 'x@y.test',
      role: 'owner',
      organizationId: company.id,
    });
    assert.equal(response.status, 404);
  });
});

describe('the profile: name, language, password, email and devices', () => {
  let portico: TestPortico;
  before(async () => {
    portico = await startTestPortico();
  });
  after(() => portico.close());

  it('changes the name and the preferred language', async () => {
    const person = await portico.personWithSession({ email: 'lena@cafe.test', name: 'Lena' });
    data(await person.mutate('profile.update', { name: 'Lēna Kalniņa', locale: 'lv' }));
    const profile = data<{ name: string; locale: string }>(await person.query('profile.get'));
    assert.deepEqual([profile.name, profile.locale], ['Lēna Kalniņa', 'lv']);
    assert.equal(data<Me>(await person.query('session.me')).user.name, 'Lēna Kalniņa');
    data(await person.mutate('profile.update', { locale: null }));
    assert.equal(data<{ locale: string | null }>(await person.query('profile.get')).locale, null);
    for (const input of [{}, { name: '' }, { locale: 'xx' }, { name: 'x', admin: true }]) {
      assert.equal(
        code(await person.mutate('profile.update', input)),
        'BAD_REQUEST',
        JSON.stringify(input),
      );
    }
  });

  it('lists the devices signed in and signs out everywhere else', async () => {
    const laptop = await portico.personWithSession({
      email: 'mara@cafe.test',
      password: 'correct horse battery',
    });
    const phone = new TestClient(portico.url);
    assert.ok(
      (
        await phone.post('/api/auth/sign-in/email', {
          email: 'mara@cafe.test',
          password: 'correct horse battery',
        })
      ).ok,
    );
    const tablet = new TestClient(portico.url);
    assert.ok(
      (
        await tablet.post('/api/auth/sign-in/email', {
          email: 'mara@cafe.test',
          password: 'correct horse battery',
        })
      ).ok,
    );
    const sessions = data<{ id: string; current: boolean }[]>(
      await laptop.query('profile.sessions'),
    );
    assert.equal(sessions.length, 3);
    assert.equal(sessions.filter((s) => s.current).length, 1);

    const other = await portico.personWithSession({ email: 'otto@cafe.test' });
    const theirs = data<{ id: string }[]>(await other.query('profile.sessions'))[0]!;
    assert.equal(
      code(await laptop.mutate('profile.revokeSession', { sessionId: theirs.id })),
      'NOT_FOUND',
    );
    assert.ok(await other.query('session.me').then((r) => r.body.result?.data));
    const current = sessions.find((s) => s.current)!;
    assert.equal(
      code(await laptop.mutate('profile.revokeSession', { sessionId: current.id })),
      'BAD_REQUEST',
    );

    const phoneSession = sessions.find((s) => !s.current)!;
    data(await laptop.mutate('profile.revokeSession', { sessionId: phoneSession.id }));
    const left = data<{ id: string }[]>(await laptop.query('profile.sessions'));
    assert.equal(left.length, 2);
    const revoked = data<{ revoked: number }>(await laptop.mutate('profile.revokeOtherSessions'));
    assert.equal(revoked.revoked, 1);
    assert.equal(data(await phone.query('session.me')), null);
    assert.equal(data(await tablet.query('session.me')), null);
    assert.ok(data(await laptop.query('session.me')));
  });

  it('changes the password through the sign-in service, checking the current one', async () => {
    const person = await portico.personWithSession({
      email: 'nils@cafe.test',
      password: 'first password 1',
    });
    const wrong = await person.post('/api/auth/change-password', {
      currentPassword: 'not it at all',
      newPassword: 'second password 2',
    });
    assert.equal(wrong.status, 400);
    const right = await person.post('/api/auth/change-password', {
      currentPassword: 'first password 1',
      newPassword: 'second password 2',
      revokeOtherSessions: true,
    });
    assert.equal(right.status, 200);
    const again = new TestClient(portico.url);
    assert.ok(
      (
        await again.post('/api/auth/sign-in/email', {
          email: 'nils@cafe.test',
          password: 'second password 2',
        })
      ).ok,
    );
  });

  it('changes the email only after the new address confirms it', async () => {
    const person = await portico.personWithSession({ email: 'ivo@cafe.test', name: 'Ivo' });
    const asked = await person.post('/api/auth/change-email', {
      newEmail: 'ivo@new.test',
      callbackURL: `${TEST_ORIGIN}/account.html`,
    });
    assert.equal(asked.status, 200, await asked.text());
    assert.equal(data<{ email: string }>(await person.query('profile.get')).email, 'ivo@cafe.test');
    const mail = await portico.mailbox.next('ivo@new.test', /Confirm/);
    const confirmed = await person.request(
      new URL(mail.links[0]!).pathname + new URL(mail.links[0]!).search,
    );
    assert.ok(confirmed.status < 400, `confirming answered ${confirmed.status}`);
    assert.equal(data<{ email: string }>(await person.query('profile.get')).email, 'ivo@new.test');
  });
});
