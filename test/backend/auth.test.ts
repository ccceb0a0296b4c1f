import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPortico, TEST_ORIGIN, type TestPortico } from '../support/portico.ts';
import { rowCounts } from '../support/snapshot.ts';

describe('sign-up, email verification and password reset over real HTTP and SMTP', () => {
  let portico: TestPortico;
  before(async () => {
    portico = await startTestPortico();
  });
  after(() => portico.close());

  it('refuses a NUL character in a name or an address with words to act on, writing nothing', async () => {
    const client = portico.client();
    const before = await rowCounts(portico.services, ['securityEvent']);
    for (const body of [
      { name: 'Nul\u0000Name', email: 'nul-name@cafe.test', password: 'a long enough password' },
      { name: 'Nul Address', email: 'nul\u0000@cafe.test', password: 'a long enough password' },
    ]) {
      const answer = await client.post('/api/auth/sign-up/email', body);
      assert.equal(answer.status, 400);
      const { error } = (await answer.json()) as { error: { code: string; message: string } };
      assert.equal(error.code, 'NUL_CHARACTER');
      assert.match(error.message, /Remove it and try again/);
    }
    assert.deepEqual(await rowCounts(portico.services, ['securityEvent']), before);
  });

  it('signs up, mails a confirmation link that signs the customer in and returns to the page', async () => {
    const client = portico.client();
    const callbackURL = `${TEST_ORIGIN}/account?portico-action=verified`;
    const signUp = await client.post('/api/auth/sign-up/email', {
      name: 'Mārtiņš Ozols',
      email: 'martins@cafe.test',
      password: 'a long enough password',
      callbackURL,
    });
    assert.equal(signUp.status, 200);

    const blocked = await client.post('/api/auth/sign-in/email', {
      email: 'martins@cafe.test',
      password: 'a long enough password',
    });
    assert.equal(blocked.status, 403, 'an unconfirmed email cannot sign in');
    assert.equal(((await blocked.json()) as { code: string }).code, 'EMAIL_NOT_VERIFIED');

    const mail = await portico.mailbox.next('martins@cafe.test', /confirm/i);
    const link = mail.links.find((url) => url.includes('/api/auth/verify-email'));
    assert.ok(link, 'the mail carries the verification link');
    assert.ok(link.startsWith(portico.url));

    const browser = portico.client();
    const verified = await browser.request(new URL(link).pathname + new URL(link).search, {
      origin: null,
    });
    assert.equal(verified.status, 302);
    assert.equal(verified.headers.get('location'), callbackURL);
    const { body } = await browser.query('session.me');
    const me = body.result?.data as { user: { name: string }; account: { role: string } };
    assert.equal(me.user.name, 'Mārtiņš Ozols');
    assert.equal(me.account.role, 'owner');
  });

  it('resets a forgotten password by mail: the new one works, the old one fails', async () => {
    await portico.personWithSession({ email: 'olga@cafe.test', password: 'the old password' });
    const client = portico.client();
    const redirectTo = `${TEST_ORIGIN}/signin?portico-action=reset-password`;
    const request = await client.post('/api/auth/request-password-reset', {
      email: 'olga@cafe.test',
      redirectTo,
    });
    assert.equal(request.status, 200);
    const mail = await portico.mailbox.next('olga@cafe.test', /reset/i);
    const link = new URL(mail.links.find((url) => url.includes('/reset-password/')) ?? '');

    const opened = await client.request(link.pathname + link.search, { origin: null });
    assert.equal(opened.status, 302);
    const back = new URL(opened.headers.get('location') ?? '');
    assert.equal(back.origin + back.pathname, `${TEST_ORIGIN}/signin`);
    const token = back.searchParams.get('token');
    assert.ok(token);

    const reset = await client.post('/api/auth/reset-password', {
      token,
      newPassword: 'the new password',
    });
    assert.equal(reset.status, 200);
    const old = await client.post('/api/auth/sign-in/email', {
      email: 'olga@cafe.test',
      password: 'the old password',
    });
    assert.equal(old.status, 401);
    const fresh = await client.post('/api/auth/sign-in/email', {
      email: 'olga@cafe.test',
      password: 'the new password',
    });
    assert.equal(fresh.status, 200);
    const again = await client.post('/api/auth/reset-password', {
      token,
      newPassword: 'a third password',
    });
    assert.equal(again.status, 400, 'a reset link works once');
  });

  it('answers a reset request for an unknown email exactly like a known one, and sends nothing', async () => {
    const before = portico.mailbox.received.length;
    const response = await portico.client().post('/api/auth/request-password-reset', {
      email: 'nobody@cafe.test',
      redirectTo: `${TEST_ORIGIN}/signin`,
    });
    assert.equal(response.status, 200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(portico.mailbox.received.length, before);
  });

  it('refuses a reset redirect to an origin that is not trusted', async () => {
    await portico.personWithSession({ email: 'phish@cafe.test' });
    const response = await portico.client().post('/api/auth/request-password-reset', {
      email: 'phish@cafe.test',
      redirectTo: 'https://evil.test/steal',
    });
    assert.equal(response.status, 403);
  });
});
