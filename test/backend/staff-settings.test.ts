import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import {
  errorCode,
  refusalReason,
  startTestPortico,
  TEST_ORIGIN,
  type TestClient,
  type TestPortico,
  type TrpcEnvelope,
} from '../support/portico.ts';
import { setStaffRole } from '../../backend/settings/settings.people.ts';
import { rowCount } from '../support/snapshot.ts';

interface Settings {
  portal: Record<string, unknown> & {
    vendorName: string;
    supportInbox: string | null;
    chatWaitSeconds: number;
    ticketCategories: string[];
    ticketKinds: string[];
    locales: string[];
  };
  origins: { environment: string[]; stored: string[] };
  mail: { smtp: boolean; from: string };
}
interface StaffRow {
  id: string;
  name: string;
  email: string;
  role: 'agent' | 'admin';
  isMe: boolean;
}

const data = <T>(answer: { body: TrpcEnvelope }): T => {
  assert.ok(answer.body.result, JSON.stringify(answer.body.error));
  return answer.body.result.data as T;
};

const userCount = async (portico: TestPortico) =>
  Number(
    (
      await portico.services.db
        .selectFrom('user')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A real SMTP server that turns every recipient away, as a mistyped relay would. */
async function refusingSmtp(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      const error = new Error('5.1.1 Relaying denied for this sender') as Error & {
        responseCode: number;
      };
      error.responseCode = 550;
      callback(error);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('staff settings: branding, origins, staff users and the mail check', () => {
  let portico: TestPortico;
  let admin: TestClient;
  let agent: TestClient;
  let adminId: string;

  before(async () => {
    portico = await startTestPortico();
    admin = await portico.personWithSession({
      email: 'ilze@vendor.test',
      name: 'Ilze',
      role: 'admin',
    });
    agent = await portico.personWithSession({
      email: 'jonas@vendor.test',
      name: 'Jonas',
      role: 'agent',
    });
    await portico.personWithSession({ email: 'anna@cafe.test', name: 'Anna' });
    const me = data<{ user: { id: string } }>(await admin.query('session.me'));
    adminId = me.user.id;
  });
  after(() => portico.close());

  it('gives an administrator every setting, the non-public ones included; agents get none', async () => {
    assert.equal(errorCode(await agent.query('staff.settings.get')), 'FORBIDDEN');
    const settings = data<Settings>(await admin.query('staff.settings.get'));
    assert.equal(settings.portal.vendorName, 'Portico');
    assert.equal(settings.portal.chatWaitSeconds, 180);
    assert.equal(settings.portal.supportInbox, null);
    assert.ok(settings.origins.environment.includes(TEST_ORIGIN));
    // The backend's own origin with its real port, not the `:0` it was asked to pick from.
    assert.ok(settings.origins.environment.includes(new URL(portico.url).origin));
    assert.ok(!settings.origins.environment.some((origin) => origin.endsWith(':0')));
    assert.deepEqual(settings.origins.stored, []);
    assert.equal(settings.mail.smtp, true);
  });

  it('saves the portal settings, and refuses bad fields one by one leaving them as they were', async () => {
    const { portal } = data<Settings>(await admin.query('staff.settings.get'));
    const bad = await admin.mutate('staff.portal.update', {
      ...portal,
      colors: { brand: 'blue', brandContrast: '#ffffff' },
      locales: ['en', 'de'],
      defaultLocale: 'lv',
      ticketCategories: ['Billing', 'Billing'],
      chatWaitSeconds: 0,
    });
    assert.equal(errorCode(bad), 'BAD_REQUEST');
    const fields = bad.body.error?.data.fieldErrors ?? {};
    assert.deepEqual(Object.keys(fields).sort(), [
      'chatWaitSeconds',
      'colors.brand',
      'defaultLocale',
      'ticketCategories',
    ]);
    const language = await admin.mutate('staff.portal.update', {
      ...portal,
      locales: ['en', 'de'],
      defaultLocale: 'lv',
    });
    assert.deepEqual(Object.keys(language.body.error?.data.fieldErrors ?? {}), ['defaultLocale']);
    assert.deepEqual(data<Settings>(await admin.query('staff.settings.get')).portal, portal);

    const changed = {
      ...portal,
      vendorName: 'Nordlicht Supply',
      colors: { brand: '#0f766e', brandContrast: '#ffffff' },
      locales: ['en', 'de'],
      defaultLocale: 'de',
      ticketCategories: ['Billing', 'Delivery'],
      supportInbox: 'support@vendor.test',
      chatWaitSeconds: 90,
    };
    data(await admin.mutate('staff.portal.update', changed));
    assert.deepEqual(data<Settings>(await admin.query('staff.settings.get')).portal, changed);
    const shown = data<Record<string, unknown>>(await portico.client().query('portal.settings'));
    assert.equal(shown.vendorName, 'Nordlicht Supply');
    assert.equal('supportInbox' in shown, false, 'the support inbox stays private');
    data(await admin.mutate('staff.portal.update', portal));
  });

  it('offers customers only the kinds of ticket the vendor takes', async () => {
    const { portal } = data<Settings>(await admin.query('staff.settings.get'));
    assert.deepEqual(portal.ticketKinds, ['question', 'complaint', 'concern']);
    const none = await admin.mutate('staff.portal.update', { ...portal, ticketKinds: [] });
    assert.deepEqual(Object.keys(none.body.error?.data.fieldErrors ?? {}), ['ticketKinds']);
    const twice = await admin.mutate('staff.portal.update', {
      ...portal,
      ticketKinds: ['complaint', 'complaint'],
    });
    assert.deepEqual(Object.keys(twice.body.error?.data.fieldErrors ?? {}), ['ticketKinds']);

    data(await admin.mutate('staff.portal.update', { ...portal, ticketKinds: ['complaint'] }));
    try {
      const shown = data<{ ticketKinds: string[] }>(
        await portico.client().query('portal.settings'),
      );
      assert.deepEqual(shown.ticketKinds, ['complaint']);
      const customer = await portico.personWithSession({ email: 'kim@kiosk.test', name: 'Kim' });
      const tickets = () => rowCount(portico.services, 'ticket');
      const before = await tickets();
      const question = { subject: 'Opening hours?', kind: 'question', body: 'When are you open?' };
      const refused = await customer.mutate('ticket.create', question);
      assert.equal(refusalReason(refused), 'KIND_NOT_OFFERED');
      assert.deepEqual(refused.body.error?.data.details, { kinds: ['complaint'] });
      assert.equal(await tickets(), before, 'nothing was stored');
      data(await customer.mutate('ticket.create', { ...question, kind: 'complaint' }));
      assert.equal(await tickets(), before + 1);
    } finally {
      data(await admin.mutate('staff.portal.update', portal));
    }
  });

  describe('trusted embedding origins', () => {
    const shop = 'https://shop.example.test';

    /** A CORS preflight from `origin`, as a browser sends before a credentialed call. */
    const preflight = (origin: string) =>
      fetch(new URL('/api/trpc/session.me', portico.url), {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const stored = async () =>
      data<Settings>(await admin.query('staff.settings.get')).origins.stored;

    it('refuses anything that is not a plain https origin or localhost, and stores nothing', async () => {
      for (const origin of [
        'https://shop.example.test/portal',
        'https://*.example.test',
        'http://shop.example.test',
        'https://user@shop.example.test',
        'shop.example.test',
        'https://shop.example.test:99999',
        'https://999.1.1.1',
        'javascript:alert(1)',
      ]) {
        const answer = await admin.mutate('staff.settings.addOrigin', { origin });
        assert.equal(errorCode(answer), 'BAD_REQUEST', origin);
        assert.ok(answer.body.error?.data.fieldErrors?.origin, `${origin} names the field`);
      }
      assert.equal(
        errorCode(await admin.mutate('staff.settings.addOrigin', { origin: shop, extra: 1 })),
        'BAD_REQUEST',
      );
      assert.equal(
        errorCode(await agent.mutate('staff.settings.addOrigin', { origin: shop })),
        'FORBIDDEN',
      );
      assert.deepEqual(await stored(), []);
    });

    it('trusts an added origin at once over real HTTP, and stops when it is removed', async () => {
      assert.equal((await preflight(shop)).headers.get('access-control-allow-origin'), null);
      const refusedBefore = await admin.post('/api/trpc/staff.settings.get', {}, { origin: shop });
      assert.equal(refusedBefore.status, 403);

      const added = data<{ stored: string[] }>(
        await admin.mutate('staff.settings.addOrigin', {
          origin: 'HTTPS://Shop.Example.test:443/',
        }),
      );
      assert.deepEqual(added.stored, [shop], 'stored lower-case, without the default port');

      const allowed = await preflight(shop);
      assert.equal(allowed.headers.get('access-control-allow-origin'), shop);
      assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
      const call = await admin.post('/api/trpc/staff.settings.testMail', {}, { origin: shop });
      assert.equal(call.status, 200, 'a call that changes data passes the origin check');
      assert.equal(call.headers.get('access-control-allow-origin'), shop);
      // better-auth trusts it too: a reset link may come back to a page on that site.
      const reset = await portico.client().post('/api/auth/request-password-reset', {
        email: 'anna@cafe.test',
        redirectTo: `${shop}/account`,
      });
      assert.equal(reset.status, 200);

      // Removed as typed, the way it was added.
      data(
        await admin.mutate('staff.settings.removeOrigin', {
          origin: 'https://SHOP.example.test:443/',
        }),
      );
      assert.equal((await preflight(shop)).headers.get('access-control-allow-origin'), null);
      const refused = await admin.post('/api/trpc/staff.settings.testMail', {}, { origin: shop });
      assert.equal(refused.status, 403);
      const resetAfter = await portico.client().post('/api/auth/request-password-reset', {
        email: 'anna@cafe.test',
        redirectTo: `${shop}/account`,
      });
      assert.equal(resetAfter.status, 403);
      assert.deepEqual(await stored(), []);
    });

    it('lets ticket mails and invitations link back to pages on an added origin', async () => {
      const owner = await portico.personWithSession({ email: 'marta@kiosk.test', name: 'Marta' });
      const ticket = {
        subject: 'Where is my order?',
        kind: 'question',
        priority: 'normal',
        body: 'It has not come yet.',
        pageUrl: `${shop}/support`,
      };
      const invite = { email: 'colleague@kiosk.test', role: 'buyer', returnTo: `${shop}/join` };
      assert.equal(refusalReason(await owner.mutate('ticket.create', ticket)), 'UNTRUSTED_LINK');
      assert.equal(refusalReason(await owner.mutate('account.invite', invite)), 'UNTRUSTED_LINK');
      data(await admin.mutate('staff.settings.addOrigin', { origin: shop }));
      try {
        data(await owner.mutate('ticket.create', ticket));
        data(await owner.mutate('account.invite', invite));
      } finally {
        data(await admin.mutate('staff.settings.removeOrigin', { origin: shop }));
      }
    });

    it('takes localhost for trying things out, and explains what it cannot change', async () => {
      data(await admin.mutate('staff.settings.addOrigin', { origin: 'http://localhost:3000' }));
      const again = await admin.mutate('staff.settings.addOrigin', {
        origin: 'http://localhost:3000',
      });
      assert.equal(refusalReason(again), 'ORIGIN_KNOWN');
      const environment = await admin.mutate('staff.settings.addOrigin', { origin: TEST_ORIGIN });
      assert.equal(errorCode(environment), 'BAD_REQUEST', 'plain http only for localhost');
      const fromEnv = await admin.mutate('staff.settings.removeOrigin', { origin: TEST_ORIGIN });
      assert.equal(refusalReason(fromEnv), 'ORIGIN_FROM_ENVIRONMENT');
      const unknown = await admin.mutate('staff.settings.removeOrigin', {
        origin: 'https://x.test',
      });
      assert.equal(refusalReason(unknown), 'ORIGIN_NOT_FOUND');
      assert.deepEqual(await stored(), ['http://localhost:3000']);
      data(await admin.mutate('staff.settings.removeOrigin', { origin: 'http://localhost:3000' }));
    });
  });

  describe('staff users and roles', () => {
    const list = async () => data<StaffRow[]>(await admin.query('staff.settings.people.list'));

    it('lists the staff, not the customers, and marks the administrator signed in', async () => {
      const people = await list();
      assert.deepEqual(
        people.map((person) => [person.email, person.role, person.isMe]),
        [
          ['ilze@vendor.test', 'admin', true],
          ['jonas@vendor.test', 'agent', false],
        ],
      );
      assert.equal(errorCode(await agent.query('staff.settings.people.list')), 'FORBIDDEN');
    });

    it('refuses a bad new staff member field by field and adds nobody', async () => {
      const before = await userCount(portico);
      const bad = await admin.mutate('staff.settings.people.add', {
        name: ' ',
        email: 'not an email',
        role: 'owner',
      });
      assert.deepEqual(Object.keys(bad.body.error?.data.fieldErrors ?? {}).sort(), [
        'email',
        'name',
        'role',
      ]);
      const customer = await admin.mutate('staff.settings.people.add', {
        name: 'Anna',
        email: 'Anna@Cafe.test',
        role: 'agent',
      });
      assert.equal(refusalReason(customer), 'EMAIL_IS_CUSTOMER');
      const taken = await admin.mutate('staff.settings.people.add', {
        name: 'Jonas',
        email: 'jonas@vendor.test',
        role: 'agent',
      });
      assert.equal(refusalReason(taken), 'STAFF_EXISTS');
      const byAgent = await agent.mutate('staff.settings.people.add', {
        name: 'Eve',
        email: 'eve@vendor.test',
        role: 'admin',
      });
      assert.equal(errorCode(byAgent), 'FORBIDDEN');
      assert.equal(await userCount(portico), before);
    });

    it('adds an agent who chooses a password by mail, changes the role, then removes them', async () => {
      const added = data<{ id: string }>(
        await admin.mutate('staff.settings.people.add', {
          name: 'Mara',
          email: 'Mara@Vendor.test',
          role: 'agent',
        }),
      );
      const mail = await portico.mailbox.next('mara@vendor.test', /choose your password/i);
      assert.match(mail.text, /Ilze added you/);
      // Read: the next welcome mail to her is a new one.
      portico.mailbox.received.splice(portico.mailbox.received.indexOf(mail), 1);
      const link = new URL(mail.links.find((url) => url.includes('/reset-password/')) ?? '');
      const mara = portico.client();
      const opened = await mara.request(link.pathname + link.search, { origin: null });
      assert.equal(opened.status, 302);
      const back = new URL(opened.headers.get('location') ?? '');
      assert.equal(back.pathname, '/staff');
      assert.equal(back.searchParams.get('portico-action'), 'reset-password');
      const chosen = await mara.post('/api/auth/reset-password', {
        token: back.searchParams.get('token'),
        newPassword: 'maras own password',
      });
      assert.equal(chosen.status, 200);
      const signIn = await mara.post('/api/auth/sign-in/email', {
        email: 'mara@vendor.test',
        password: 'maras own password',
      });
      assert.equal(signIn.status, 200);
      const me = async () => data<{ role: string } | null>(await mara.query('session.me'));
      assert.equal((await me())?.role, 'agent');
      assert.ok((await list()).some((person) => person.id === added.id && person.role === 'agent'));

      // A raised role ends her sessions (the cached one too): she signs in again to have it.
      const signInAgain = () =>
        mara.post('/api/auth/sign-in/email', {
          email: 'mara@vendor.test',
          password: 'maras own password',
        });
      data(
        await admin.mutate('staff.settings.people.setRole', { userId: added.id, role: 'admin' }),
      );
      assert.equal(await me(), null, 'the role change ended her session');
      await signInAgain();
      assert.equal((await me())?.role, 'admin');
      data(
        await admin.mutate('staff.settings.people.setRole', { userId: added.id, role: 'agent' }),
      );
      // A lowered one applies to her session at once.
      assert.equal((await me())?.role, 'agent', 'the session cache forgot the old role');
      assert.equal(errorCode(await mara.query('staff.settings.get')), 'FORBIDDEN');

      data(await admin.mutate('staff.settings.people.remove', { userId: added.id }));
      assert.equal(await me(), null, 'her session ended');
      const again = await mara.post('/api/auth/sign-in/email', {
        email: 'mara@vendor.test',
        password: 'maras own password',
      });
      assert.equal(again.status, 403, 'she can no longer sign in');
      assert.ok(!(await list()).some((person) => person.id === added.id));
      const agents = data<{ id: string }[]>(await admin.query('staff.ticket.agents'));
      assert.ok(!agents.some((person) => person.id === added.id), 'off the assignee list');
      const gone = await admin.mutate('staff.settings.people.remove', { userId: added.id });
      assert.equal(refusalReason(gone), 'STAFF_NOT_FOUND');

      // Her email brings her back with a fresh link; the password she had when she was
      // removed no longer opens anything, only the link does.
      const back2 = data<{ id: string }>(
        await admin.mutate('staff.settings.people.add', {
          name: 'Mara K.',
          email: 'mara@vendor.test',
          role: 'agent',
        }),
      );
      assert.equal(back2.id, added.id);
      const oldPassword = await mara.post('/api/auth/sign-in/email', {
        email: 'mara@vendor.test',
        password: 'maras own password',
      });
      assert.equal(oldPassword.status, 401);
      const welcome = await portico.mailbox.next('mara@vendor.test', /choose your password/i);
      const fresh = new URL(welcome.links.find((url) => url.includes('/reset-password/')) ?? '');
      const reopened = await mara.request(fresh.pathname + fresh.search, { origin: null });
      const token = new URL(reopened.headers.get('location') ?? '').searchParams.get('token');
      const rechosen = await mara.post('/api/auth/reset-password', {
        token,
        newPassword: 'maras second password',
      });
      assert.equal(rechosen.status, 200);
      const returned = await mara.post('/api/auth/sign-in/email', {
        email: 'mara@vendor.test',
        password: 'maras second password',
      });
      assert.equal(returned.status, 200);
      assert.equal((await me())?.role, 'agent');
    });

    it('never lets an administrator demote or remove themselves, or the last administrator go', async () => {
      const self = await admin.mutate('staff.settings.people.setRole', {
        userId: adminId,
        role: 'agent',
      });
      assert.equal(refusalReason(self), 'SELF_ROLE');
      const selfRemove = await admin.mutate('staff.settings.people.remove', { userId: adminId });
      assert.equal(refusalReason(selfRemove), 'SELF_REMOVE');
      const customer = await admin.mutate('staff.settings.people.setRole', {
        userId: 'no-such-person',
        role: 'admin',
      });
      assert.equal(refusalReason(customer), 'STAFF_NOT_FOUND');
      // Through the API the caller is always an administrator who stays; two administrators
      // demoting each other at once are what the rule guards against.
      await assert.rejects(
        setStaffRole(portico.services, 'someone else', adminId, 'agent'),
        (error: Error & { cause?: { reason?: string } }) => error.cause?.reason === 'LAST_ADMIN',
      );
      const people = await list();
      assert.equal(people.find((person) => person.id === adminId)?.role, 'admin');
    });
  });

  it('keeps better-auth’s own admin endpoints shut, even to administrators', async () => {
    for (const path of ['set-role', 'impersonate-user', 'set-user-password', 'remove-user']) {
      const response = await admin.post(`/api/auth/admin/${path}`, { userId: adminId });
      assert.equal(response.status, 404, path);
    }
    const listed = await agent.request('/api/auth/admin/list-users');
    assert.equal(listed.status, 404);
  });

  describe('the mail check', () => {
    it('sends a test mail to the signed-in administrator through the SMTP server', async () => {
      assert.equal(errorCode(await agent.mutate('staff.settings.testMail')), 'FORBIDDEN');
      const answer = data<{ result: string; to: string }>(
        await admin.mutate('staff.settings.testMail'),
      );
      assert.deepEqual(answer, { result: 'sent', to: 'ilze@vendor.test', error: null });
      await portico.mailbox.next('ilze@vendor.test', /test mail/i);
    });

    it("answers the SMTP server's refusal in words, and adds no staff it cannot mail", async () => {
      const smtp = await refusingSmtp();
      const other = await startTestPortico({ env: { SMTP_URL: smtp.url } });
      try {
        const boss = await other.personWithSession({ email: 'boss@vendor.test', role: 'admin' });
        const answer = data<{ result: string; error: string }>(
          await boss.mutate('staff.settings.testMail'),
        );
        assert.equal(answer.result, 'failed');
        assert.match(answer.error, /refused the sender or the recipient/);
        assert.match(answer.error, /550/);
        const before = await userCount(other);
        const add = await boss.mutate('staff.settings.people.add', {
          name: 'Nobody',
          email: 'nobody@vendor.test',
          role: 'agent',
        });
        assert.equal(refusalReason(add), 'INVITE_NOT_SENT');
        assert.equal(await userCount(other), before);
      } finally {
        await other.close();
        await smtp.close();
      }
    });

    it('says when the mail server cannot be reached', async () => {
      const smtp = await refusingSmtp();
      await smtp.close();
      const other = await startTestPortico({ env: { SMTP_URL: smtp.url } });
      try {
        const boss = await other.personWithSession({ email: 'boss@vendor.test', role: 'admin' });
        const answer = data<{ result: string; error: string }>(
          await boss.mutate('staff.settings.testMail'),
        );
        assert.equal(answer.result, 'failed');
        assert.match(answer.error, /could not be reached/);
      } finally {
        await other.close();
      }
    });
  });
});
