import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { changesSessions } from '../../backend/session/session.changes.ts';

const SIGNED_IN = 'portico.session_token=abc.def';

function changes(
  path: string,
  status: number,
  options: { cookie?: string; location?: string; query?: string } = {},
) {
  const headers = new Headers(options.cookie ? { cookie: options.cookie } : {});
  const request = new Request(`http://portico.test/api/auth${path}${options.query ?? ''}`, {
    headers,
  });
  const answer = new Headers(options.location ? { location: options.location } : {});
  return changesSessions(path, request, new Response(null, { status, headers: answer }));
}

describe('which better-auth answers empty the session caches', () => {
  it('clears after endpoints that end or change sessions, when they succeed', () => {
    for (const path of [
      '/sign-out',
      '/revoke-session',
      '/revoke-sessions',
      '/revoke-other-sessions',
      '/reset-password',
      '/change-password',
      '/change-email',
      '/update-user',
      '/two-factor/enable',
      '/two-factor/disable',
    ]) {
      assert.equal(changes(path, 200, { cookie: SIGNED_IN }), true, path);
      assert.equal(changes(path, 401, { cookie: SIGNED_IN }), false, `${path} refused`);
    }
  });

  it('does not clear for a sign-in from a browser without a session, or a failed one', () => {
    assert.equal(changes('/sign-in/email', 200), false);
    assert.equal(changes('/sign-in/email-otp', 200), false);
    assert.equal(changes('/handoff', 200), false, 'a hand-off from the shop');
    assert.equal(changes('/two-factor/verify-totp', 200), false, 'the second step of a sign-in');
    assert.equal(changes('/verify-email', 302, { location: '/portal' }), false);
    assert.equal(changes('/sign-in/email', 401, { cookie: SIGNED_IN }), false);
    assert.equal(changes('/sign-in/email', 429, { cookie: SIGNED_IN }), false);
    assert.equal(changes('/get-session', 200, { cookie: SIGNED_IN }), false);
    assert.equal(changes('/reset-password/token', 302, { location: '/reset?token=x' }), false);
  });

  it("clears for a sign-in that ends the browser's previous session, or a code that turns codes on", () => {
    assert.equal(changes('/sign-in/email', 200, { cookie: SIGNED_IN }), true);
    assert.equal(changes('/two-factor/verify-totp', 200, { cookie: SIGNED_IN }), true);
    assert.equal(changes('/handoff', 200, { cookie: SIGNED_IN }), true);
    assert.equal(changes('/handoff', 401, { cookie: SIGNED_IN }), false);
    const failed = { cookie: SIGNED_IN, location: '/portal?error=INVALID_TOKEN' };
    assert.equal(changes('/verify-email', 302, failed), false);
  });

  it('clears for a confirmation link that changes an address', () => {
    const claims = Buffer.from(JSON.stringify({ email: 'a@b.test', updateTo: 'c@d.test' }));
    const token = `e30.${claims.toString('base64url')}.sig`;
    assert.equal(changes('/verify-email', 200, { query: `?token=${token}` }), true);
    const plain = `e30.${Buffer.from(JSON.stringify({ email: 'a@b.test' })).toString('base64url')}.s`;
    assert.equal(changes('/verify-email', 200, { query: `?token=${plain}` }), false);
  });
});
