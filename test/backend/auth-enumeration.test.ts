import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPerson } from '../../backend/session/people.ts';
import {
  startTestPortico,
  TEST_ORIGIN,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';

const PASSWORD = 'correct horse battery';
/** Headers whose values differ from one call to the next whatever was asked. */
const VOLATILE_HEADERS = new Set(['date', 'content-length']);
/** Fields of a user that are new on every call (a synthetic user gets a fresh id too). */
const VOLATILE_FIELDS = new Set(['id', 'createdAt', 'updatedAt']);

/** What a caller can observe of an answer, with the asked address and the volatile parts removed. */
async function observed(response: Response, email: string) {
  const text = (await response.text()).replaceAll(email, '<email>');
  const body: unknown = text ? JSON.parse(text) : null;
  return {
    status: response.status,
    headers: [...response.headers.keys()].filter((name) => !VOLATILE_HEADERS.has(name)).sort(),
    body: withoutVolatile(body),
  };
}

function withoutVolatile(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutVolatile);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !VOLATILE_FIELDS.has(key))
      .map(([key, inner]) => [key, withoutVolatile(inner)]),
  );
}

describe('the same answer for addresses with and without an account', () => {
  let portico: TestPortico;
  let signedIn: TestClient;
  const known = 'known@cafe.test';
  const unverified = 'unverified@cafe.test';
  before(async () => {
    portico = await startTestPortico();
    await createPerson(portico.services.auth, {
      email: known,
      name: 'Known Person',
      password: PASSWORD,
      role: 'customer',
    });
    const signUp = await portico.client().post('/api/auth/sign-up/email', {
      email: unverified,
      password: PASSWORD,
      name: 'Not Yet Confirmed',
      callbackURL: `${TEST_ORIGIN}/welcome`,
    });
    assert.equal(signUp.status, 200);
    signedIn = await portico.personWithSession({ email: 'me@cafe.test' });
  });
  after(() => portico.close());

  /** Posts `body(email)` for each address and asserts that all answers look the same. */
  async function assertAlike(
    path: string,
    emails: string[],
    body: (email: string) => Record<string, unknown>,
    client = () => portico.client(),
  ) {
    const answers = [];
    for (const email of emails) {
      answers.push(await observed(await client().post(`/api/auth${path}`, body(email)), email));
    }
    for (const [index, answer] of answers.entries()) {
      assert.deepEqual(answer, answers[0], `${path}: ${emails[index]} answers like ${emails[0]}`);
    }
    return answers[0]!;
  }

  it('sign-in: a wrong password and an unknown address', async () => {
    const answer = await assertAlike(
      '/sign-in/email',
      [known, unverified, 'nobody@cafe.test'],
      (email) => ({ email, password: 'not the password' }),
    );
    assert.equal(answer.status, 401);
    assert.ok(!answer.headers.includes('set-cookie'));
  });

  it('sign-up: an address with an account and a new one', async () => {
    const answer = await assertAlike('/sign-up/email', [known, 'newcomer@cafe.test'], (email) => ({
      email,
      password: 'a new password',
      name: 'Somebody',
      callbackURL: `${TEST_ORIGIN}/welcome`,
    }));
    assert.equal(answer.status, 200);
    assert.ok(!answer.headers.includes('set-cookie'), 'nobody is signed in before confirming');
  });

  it('password reset request', async () => {
    const answer = await assertAlike(
      '/request-password-reset',
      [known, 'nobody@cafe.test'],
      (email) => ({ email, redirectTo: `${TEST_ORIGIN}/reset` }),
    );
    assert.equal(answer.status, 200);
  });

  it('sending the confirmation link again: unconfirmed, confirmed and unknown addresses', async () => {
    await assertAlike(
      '/send-verification-email',
      [unverified, known, 'nobody@cafe.test'],
      (email) => ({ email, callbackURL: `${TEST_ORIGIN}/welcome` }),
    );
  });

  it('a sign-in code by mail, and signing in with a wrong code', async () => {
    const sent = await assertAlike(
      '/email-otp/send-verification-otp',
      [known, 'nobody@cafe.test'],
      (email) => ({ email, type: 'sign-in' }),
    );
    assert.equal(sent.status, 200);
    const wrong = await assertAlike('/sign-in/email-otp', [known, 'nobody@cafe.test'], (email) => ({
      email,
      otp: '000000',
    }));
    assert.ok(wrong.status >= 400);
  });

  it('changing one’s address to one that has an account, or to a free one', async () => {
    await assertAlike(
      '/change-email',
      [known, 'free@cafe.test'],
      (email) => ({ newEmail: email, callbackURL: `${TEST_ORIGIN}/account` }),
      () => signedIn,
    );
  });
});
