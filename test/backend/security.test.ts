import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import {
  enrollTotp,
  errorCode,
  refusalReason,
  startTestPortico,
  TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { data } from '../support/tickets.ts';
import { totpCode } from '../support/totp.ts';
import { createPerson } from '../../backend/session/people.ts';
import type { ReceivedMail } from '../support/mailbox.ts';

const PASSWORD = 'correct horse battery';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0';

interface Security {
  enabled: boolean;
  totp: boolean;
  backupCodesLeft: number;
  required: boolean;
  requiredBy: string | null;
  accountRule: { mayChange: boolean; required: boolean } | null;
}
interface Me {
  user: { id: string };
  account: { id: string } | null;
  secondFactor: { enabled: boolean; required: boolean };
}
interface Events {
  items: { kind: string; userAgent: string | null }[];
  nextCursor: string | null;
}

/** Takes the first mail to `to` matching `subject` out of the mailbox. */
async function takeMail(portico: TestPortico, to: string, subject: RegExp): Promise<ReceivedMail> {
  const mail = await portico.mailbox.next(to, subject);
  portico.mailbox.received.splice(portico.mailbox.received.indexOf(mail), 1);
  return mail;
}

const codeIn = (mail: ReceivedMail) => /\b(\d{6})\b/.exec(mail.text)?.[1] ?? '';

async function passwordStep(client: TestClient, email: string, password = PASSWORD) {
  const response = await client.post('/api/auth/sign-in/email', { email, password });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('security codes, passwordless sign-in and security activity', () => {
  let portico: TestPortico;

  before(async () => {
    portico = await startTestPortico();
  });
  after(() => portico.close());

  it('an authenticator app: enroll, then password plus code; a backup code works once; codes are stored hashed', async () => {
    const email = 'tara@cafe.test';
    const tara = await portico.personWithSession({ email, name: 'Tara' });
    const { uri, backupCodes } = await enrollTotp(tara, PASSWORD);
    assert.equal(backupCodes.length, 10);
    const status = data<Security>(await tara.query('profile.security'));
    assert.deepEqual([status.enabled, status.totp, status.backupCodesLeft], [true, true, 10]);

    // Only hashes are stored: no backup code appears in the database.
    const { rows: stored } = await sql<{ backupCodes: string }>`
      select ${sql.ref('backupCodes')} from ${sql.table('twoFactor')}`.execute(portico.services.db);
    for (const code of backupCodes) {
      assert.ok(!stored.some((row) => row.backupCodes.includes(code)), 'a backup code in clear');
    }

    const fresh = new TestClient(portico.url);
    const step = await passwordStep(fresh, email);
    assert.equal(step.status, 200);
    assert.equal(step.body.twoFactorRedirect, true);
    assert.deepEqual(step.body.twoFactorMethods, ['totp', 'otp']);
    // No session until the code: the password alone reaches nothing.
    assert.equal(data<Me | null>(await fresh.query('session.me')), null);

    const wrong = await fresh.post('/api/auth/two-factor/verify-totp', { code: '000000' });
    assert.equal(wrong.status, 401);
    const right = await fresh.post('/api/auth/two-factor/verify-totp', { code: totpCode(uri) });
    assert.equal(right.status, 200);
    const taraId = data<Me>(await tara.query('session.me')).user.id;
    assert.equal(data<Me>(await fresh.query('session.me')).user.id, taraId);

    // A backup code signs in once; the same one a second time is refused.
    for (const expected of [200, 401]) {
      const browser = new TestClient(portico.url);
      await passwordStep(browser, email);
      const answer = await browser.post('/api/auth/two-factor/verify-backup-code', {
        code: backupCodes[0],
      });
      assert.equal(answer.status, expected);
    }
    assert.equal(data<Security>(await fresh.query('profile.security')).backupCodesLeft, 9);

    // A stored hash typed as a code (from a leaked backup of the database) opens nothing.
    const hashes = JSON.parse(stored[0]!.backupCodes) as string[];
    const browser = new TestClient(portico.url);
    await passwordStep(browser, email);
    const leaked = await browser.post('/api/auth/two-factor/verify-backup-code', {
      code: hashes.at(-1),
    });
    assert.equal(leaked.status, 401);
  });

  it('codes by mail as the second factor, and a trusted device skips the code for 30 days', async () => {
    const email = 'uwe@cafe.test';
    const uwe = await portico.personWithSession({ email, name: 'Uwe' });
    const on = await uwe.post('/api/auth/two-factor/enable', { password: PASSWORD, method: 'otp' });
    assert.equal(on.status, 200);

    const browser = new TestClient(portico.url);
    const step = await passwordStep(browser, email);
    assert.deepEqual(step.body.twoFactorMethods, ['otp']);
    assert.equal((await browser.post('/api/auth/two-factor/send-otp', {})).status, 200);
    const code = codeIn(await takeMail(portico, email, /security code/));
    const verified = await browser.post('/api/auth/two-factor/verify-otp', {
      code,
      trustDevice: true,
    });
    assert.equal(verified.status, 200);
    const trust = [...browser.cookies.keys()].find((name) => name.includes('trust_device'));
    assert.ok(trust, 'a trust-device cookie was set');

    // The same browser signs in again with the password alone.
    await browser.post('/api/auth/sign-out', {});
    const again = await passwordStep(browser, email);
    assert.equal(again.body.twoFactorRedirect, undefined);
    assert.ok(data<Me>(await browser.query('session.me')));
  });

  it('staff must use a second factor: without one, only their security is reachable', async () => {
    const email = 'vera@vendor.test';
    await createPerson(portico.services.auth, {
      email,
      name: 'Vera',
      password: PASSWORD,
      role: 'agent',
    });
    const vera = new TestClient(portico.url);
    await passwordStep(vera, email);
    const me = data<Me>(await vera.query('session.me'));
    assert.deepEqual(me.secondFactor, { enabled: false, required: true });
    const refused = await vera.query('staff.ticket.list', {});
    assert.equal(errorCode(refused), 'FORBIDDEN');
    assert.equal(refusalReason(refused), 'SECOND_FACTOR_REQUIRED');
    assert.equal(data<Security>(await vera.query('profile.security')).requiredBy, 'staff');
    // Downloads and chat ask the same question as the procedures.
    for (const path of ['/api/statement.csv', '/api/invoices/any/pdf', '/api/files/any']) {
      assert.equal((await vera.request(path)).status, 403, path);
    }

    await enrollTotp(vera, PASSWORD);
    assert.equal(errorCode(await vera.query('staff.ticket.list', {})), undefined);
    // Once on, they stay on.
    const off = await vera.post('/api/auth/two-factor/disable', { password: PASSWORD });
    assert.equal(off.status, 403);
    assert.equal(data<Security>(await vera.query('profile.security')).enabled, true);
  });

  it('an owner can require security codes for every member; members without one are held at setup', async () => {
    const owner = await portico.personWithSession({ email: 'wim@bakery.test', name: 'Wim' });
    const refused = await owner.mutate('account.setSecondFactorRule', { required: true });
    assert.equal(refusalReason(refused), 'OWNER_NEEDS_SECOND_FACTOR');

    await owner.mutate('account.invite', {
      email: 'xia@bakery.test',
      role: 'viewer',
      returnTo: 'http://vendor.test/account.html',
    });
    const mail = await takeMail(portico, 'xia@bakery.test', /invites you/);
    const invitationId = new URL(mail.links[0]!).searchParams.get('portico-invitation');
    const member = await portico.personWithSession({ email: 'xia@bakery.test', name: 'Xia' });
    data(await member.mutate('account.answerInvitation', { invitationId, accept: true }));

    await enrollTotp(owner, PASSWORD);
    const rule = await owner.mutate('account.setSecondFactorRule', { required: true });
    assert.deepEqual(data(rule), { required: true });

    const held = await member.query('order.list', {});
    assert.equal(refusalReason(held), 'SECOND_FACTOR_REQUIRED');
    const status = data<Security>(await member.query('profile.security'));
    assert.equal(status.requiredBy, 'account');
    assert.deepEqual(status.accountRule, { mayChange: false, required: true });
    // Only the owner may change the rule.
    assert.equal(
      errorCode(await member.mutate('account.setSecondFactorRule', { required: false })),
      'FORBIDDEN',
    );
    assert.equal(
      refusalReason(await member.mutate('account.setSecondFactorRule', { required: false })),
      'SECOND_FACTOR_REQUIRED',
    );
    await enrollTotp(member, PASSWORD);
    assert.equal(errorCode(await member.query('order.list', {})), undefined);
  });

  it('passwordless: a code by mail signs in; the answer is the same for unknown emails; not for people with a second factor', async () => {
    await portico.personWithSession({ email: 'yann@cafe.test', name: 'Yann' });
    const ask = async (email: string) => {
      const response = await new TestClient(portico.url).post(
        '/api/auth/email-otp/send-verification-otp',
        { email, type: 'sign-in' },
      );
      return [response.status, await response.json()];
    };
    assert.deepEqual(await ask('yann@cafe.test'), await ask('nobody@cafe.test'));
    const browser = new TestClient(portico.url);
    await browser.post('/api/auth/email-otp/send-verification-otp', {
      email: 'yann@cafe.test',
      type: 'sign-in',
    });
    // Two codes were asked for: the later one counts.
    await takeMail(portico, 'yann@cafe.test', /sign-in code/);
    const code = codeIn(await takeMail(portico, 'yann@cafe.test', /sign-in code/));
    const signedIn = await browser.post('/api/auth/sign-in/email-otp', {
      email: 'yann@cafe.test',
      otp: code,
    });
    assert.equal(signedIn.status, 200);
    assert.ok(data<Me>(await browser.query('session.me')));
    // Nobody was created for the unknown address.
    const nobody = await portico.services.db
      .selectFrom('user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', 'nobody@cafe.test')
      .executeTakeFirstOrThrow();
    assert.equal(Number(nobody.n), 0);

    // Tara has an authenticator app: a mailed code alone does not let her in.
    const tara = new TestClient(portico.url);
    await tara.post('/api/auth/email-otp/send-verification-otp', {
      email: 'tara@cafe.test',
      type: 'sign-in',
    });
    const taraCode = codeIn(await takeMail(portico, 'tara@cafe.test', /sign-in code/));
    const refused = await tara.post('/api/auth/sign-in/email-otp', {
      email: 'tara@cafe.test',
      otp: taraCode,
    });
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { code: string }).code, 'SECOND_FACTOR_REQUIRED');
    assert.equal(data<Me | null>(await tara.query('session.me')), null);
  });

  it('codes by mail are only a way to sign in: no confirming, resetting or changing by code', async () => {
    const email = 'ines@cafe.test';
    await portico.personWithSession({ email, name: 'Ines' });
    const stranger = new TestClient(portico.url);
    for (const type of ['email-verification', 'forget-password', 'change-email']) {
      const asked = await stranger.post('/api/auth/email-otp/send-verification-otp', {
        email,
        type,
      });
      assert.equal(asked.status, 400, type);
    }
    for (const path of [
      '/api/auth/email-otp/verify-email',
      '/api/auth/email-otp/reset-password',
      '/api/auth/email-otp/request-password-reset',
      '/api/auth/email-otp/check-verification-otp',
      '/api/auth/email-otp/change-email',
      '/api/auth/forget-password/email-otp',
    ]) {
      const answer = await stranger.post(path, { email, otp: '123456', password: 'x'.repeat(12) });
      assert.equal(answer.status, 404, path);
    }
    assert.equal(data<Me | null>(await stranger.query('session.me')), null);
  });

  it('security activity: sign-ins, a new device (with a mail), second factor and sign-out everywhere; only one’s own', async () => {
    const email = 'zoe@cafe.test';
    const zoe = await portico.personWithSession({ email, name: 'Zoe' });
    await enrollTotp(zoe, PASSWORD);
    const firefox = new TestClient(portico.url);
    await firefox.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': FIREFOX },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    // A sign-in still waiting for its code is not a sign-in yet, nor a new device.
    const waiting = data<Events>(await zoe.query('profile.securityEvents', { limit: 50 }));
    assert.deepEqual(
      waiting.items.map((event) => event.kind),
      ['second-factor-on', 'sign-in'],
    );
    data(await zoe.mutate('profile.revokeOtherSessions'));
    const events = data<Events>(await zoe.query('profile.securityEvents', { limit: 50 }));
    const kinds = events.items.map((event) => event.kind);
    assert.deepEqual(kinds.slice(0, 2), ['signed-out-everywhere', 'second-factor-on']);
    assert.ok(kinds.includes('sign-in'));
    // Another person's activity is never part of the list.
    const other = await portico.personWithSession({ email: 'ada@cafe.test', name: 'Ada' });
    const theirs = data<Events>(await other.query('profile.securityEvents', {}));
    assert.deepEqual(
      theirs.items.map((event) => event.kind),
      ['sign-in'],
    );
  });

  it('a sign-in from a new browser is recorded and mailed', async () => {
    const email = 'bo@cafe.test';
    await portico.personWithSession({ email, name: 'Bo' });
    const firefox = new TestClient(portico.url);
    const response = await firefox.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': FIREFOX },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    assert.equal(response.status, 200);
    const mail = await takeMail(portico, email, /New sign-in/);
    assert.match(mail.text, /Firefox/);
    const events = data<Events>(await firefox.query('profile.securityEvents', {}));
    assert.deepEqual(
      events.items.slice(0, 2).map((event) => event.kind),
      ['sign-in', 'new-device'],
    );
  });

  it('sessions rotate: signing in again ends the browser’s old session; a raised role ends the member’s', async () => {
    const email = 'cleo@cafe.test';
    const cleo = await portico.personWithSession({ email, name: 'Cleo' });
    const oldCookies = new Map(cleo.cookies);
    await passwordStep(cleo, email);
    assert.notDeepEqual(new Map(cleo.cookies), oldCookies);
    const stale = new TestClient(portico.url);
    stale.cookies = oldCookies;
    assert.equal(data<Me | null>(await stale.query('session.me')), null);

    // An owner raises a member's role: the member's session in the account ends.
    await cleo.mutate('account.invite', {
      email: 'dan@cafe.test',
      role: 'viewer',
      returnTo: 'http://vendor.test/account.html',
    });
    const mail = await takeMail(portico, 'dan@cafe.test', /invites you/);
    const invitationId = new URL(mail.links[0]!).searchParams.get('portico-invitation');
    const dan = await portico.personWithSession({ email: 'dan@cafe.test', name: 'Dan' });
    data(await dan.mutate('account.answerInvitation', { invitationId, accept: true }));
    const danId = data<Me>(await dan.query('session.me')).user.id;
    data(await cleo.mutate('account.setRole', { userId: danId, role: 'buyer' }));
    assert.equal(errorCode(await dan.query('order.list', {})), 'UNAUTHORIZED');
    await passwordStep(dan, 'dan@cafe.test');
    const events = data<Events>(await dan.query('profile.securityEvents', {}));
    assert.ok(events.items.some((event) => event.kind === 'role-changed'));
    // The owner who made the change keeps working.
    assert.equal(errorCode(await cleo.query('order.list', {})), undefined);
  });
});
