import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { enrollTotp, startTestPortico, TestClient, type TestPortico } from '../support/portico.ts';
import { data } from '../support/tickets.ts';
import { createPerson } from '../../backend/session/people.ts';
import { rowCount } from '../support/snapshot.ts';

const SECRET = 'the-shop-and-the-portal-share-this-secret';

interface Me {
  user: { id: string; email: string; name: string };
  account: { id: string; name: string } | null;
}

function token(
  audience: string,
  claims: JWTPayload = {},
  {
    key = new TextEncoder().encode(SECRET) as Uint8Array | CryptoKey,
    alg = 'HS256',
    ttl = '2m',
  } = {},
) {
  return new SignJWT({ email: 'rasa@shop.test', name: 'Rasa', ...claims })
    .setProtectedHeader({ alg })
    .setSubject(String(claims.sub ?? 'shop-7'))
    .setAudience(audience)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(key);
}

async function handoff(portico: TestPortico, value: string) {
  const client = new TestClient(portico.url);
  const response = await client.post('/api/auth/handoff', { token: value });
  const body = (await response.json()) as { code?: string; message?: string };
  return { client, status: response.status, body };
}

describe('sign-in hand-off from the vendor’s site', () => {
  let portico: TestPortico;

  before(async () => {
    portico = await startTestPortico({ env: { HANDOFF_SECRET: SECRET } });
  });
  after(() => portico.close());

  it('a signed token signs the customer in once, creating them and their account', async () => {
    const value = await token(portico.url, { sub: 'shop-7' });
    const first = await handoff(portico, value);
    assert.equal(first.status, 200);
    const me = data<Me>(await first.client.query('session.me'));
    assert.equal(me.user.email, 'rasa@shop.test');
    assert.ok(me.account, 'a customer account was made');

    // The same token again: refused, and no session.
    const replay = await handoff(portico, value);
    assert.equal(replay.status, 401);
    assert.equal(replay.body.code, 'HANDOFF_USED');
    assert.equal(data<Me | null>(await replay.client.query('session.me')), null);

    // The vendor's id stays linked to the same person, even when the email changes there.
    const again = await handoff(
      portico,
      await token(portico.url, { sub: 'shop-7', email: 'r@new.test' }),
    );
    assert.equal(data<Me>(await again.client.query('session.me')).user.id, me.user.id);
    const events = data<{ items: { kind: string }[] }>(
      await again.client.query('profile.securityEvents', {}),
    );
    assert.equal(events.items[0]?.kind, 'sign-in-handoff');
  });

  it('expired, tampered, foreign-audience, too long-lived and unsigned tokens are refused', async () => {
    const users = () => rowCount(portico.services, 'user');
    const before = await users();
    const expired = await new SignJWT({ email: 'old@shop.test' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('shop-8')
      .setAudience(portico.url)
      .setJti(randomUUID())
      .setIssuedAt(Math.floor(Date.now() / 1000) - 600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 300)
      .sign(new TextEncoder().encode(SECRET));
    const good = await token(portico.url, { sub: 'shop-9', email: 'new@shop.test' });
    const [header, payload, signature] = good.split('.');
    const forged = Buffer.from(payload!, 'base64url')
      .toString()
      .replace('new@shop.test', 'boss@shop.test');
    const cases: [string, string, string][] = [
      ['expired', expired, 'HANDOFF_EXPIRED'],
      [
        'tampered',
        `${header}.${Buffer.from(forged).toString('base64url')}.${signature}`,
        'HANDOFF_INVALID',
      ],
      [
        'another portal',
        await token('https://elsewhere.test', { sub: 'shop-9' }),
        'HANDOFF_INVALID',
      ],
      [
        'valid for an hour',
        await token(portico.url, { sub: 'shop-9' }, { ttl: '1h' }),
        'HANDOFF_INVALID',
      ],
      [
        'wrong secret',
        await token(
          portico.url,
          { sub: 'shop-9' },
          { key: new TextEncoder().encode('x'.repeat(40)) },
        ),
        'HANDOFF_INVALID',
      ],
      [
        'unsigned',
        `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`,
        'HANDOFF_INVALID',
      ],
      ['not a token', 'hello', 'HANDOFF_INVALID'],
    ];
    for (const [name, value, code] of cases) {
      const answer = await handoff(portico, value);
      assert.equal(answer.status, 401, name);
      assert.equal(answer.body.code, code, name);
      assert.equal(data<Me | null>(await answer.client.query('session.me')), null, name);
    }
    assert.equal(await users(), before, 'nobody was created');
  });

  it('never hands over staff, nor someone who uses security codes', async () => {
    await createPerson(portico.services.auth, {
      email: 'boss@vendor.test',
      name: 'Boss',
      password: 'correct horse battery',
      role: 'admin',
    });
    const staff = await handoff(
      portico,
      await token(portico.url, { sub: 's-1', email: 'boss@vendor.test' }),
    );
    assert.equal(staff.status, 401);

    const careful = await portico.personWithSession({ email: 'tom@shop.test', name: 'Tom' });
    await enrollTotp(careful, 'correct horse battery');
    const refused = await handoff(
      portico,
      await token(portico.url, { sub: 's-2', email: 'tom@shop.test', email_verified: true }),
    );
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'SECOND_FACTOR_REQUIRED');
  });

  it('links someone who already has an account only when the shop vouches for the address', async () => {
    const ulla = await portico.personWithSession({ email: 'ulla@shop.test', name: 'Ulla' });
    const ullaId = data<Me>(await ulla.query('session.me')).user.id;
    const unproven = await handoff(
      portico,
      await token(portico.url, { sub: 'u-1', email: 'ulla@shop.test' }),
    );
    assert.equal(unproven.status, 401);
    assert.equal(unproven.body.code, 'HANDOFF_EMAIL_UNPROVEN');
    const vouched = await handoff(
      portico,
      await token(portico.url, { sub: 'u-1', email: 'ulla@shop.test', email_verified: true }),
    );
    assert.equal(vouched.status, 200);
    assert.equal(data<Me>(await vouched.client.query('session.me')).user.id, ullaId);

    // Someone signed up here with Vic's address but never confirmed it: when the shop hands
    // the real Vic over, that account's password and sessions are gone.
    const squatter = new TestClient(portico.url);
    const signUp = await squatter.post('/api/auth/sign-up/email', {
      email: 'vic@shop.test',
      password: 'the squatters password',
      name: 'Not Vic',
    });
    assert.equal(signUp.status, 200);
    const vic = await handoff(
      portico,
      await token(portico.url, { sub: 'v-1', email: 'vic@shop.test', email_verified: true }),
    );
    assert.equal(vic.status, 200);
    const again = await new TestClient(portico.url).post('/api/auth/sign-in/email', {
      email: 'vic@shop.test',
      password: 'the squatters password',
    });
    assert.equal(again.status, 401);
  });

  it('ends at once a session that an unconfirmed account with the shop’s address still held', async () => {
    // A session the cache already holds (a lookup fills it), of an account whose address then
    // counts as unconfirmed: the hand-off ends its sessions on the server, and the cache must
    // not go on answering for them until its entries expire.
    const wren = await portico.personWithSession({ email: 'wren@shop.test', name: 'Not Wren' });
    assert.equal((await wren.query('session.me')).status, 200);
    await portico.services.db
      .updateTable('user')
      .set({ emailVerified: 0 })
      .where('email', '=', 'wren@shop.test')
      .execute();
    const handedOver = await handoff(
      portico,
      await token(portico.url, { sub: 'w-1', email: 'wren@shop.test', email_verified: true }),
    );
    assert.equal(handedOver.status, 200);
    assert.equal(data<Me | null>(await wren.query('session.me')), null);
    assert.equal(
      data<Me>(await handedOver.client.query('session.me')).user.email,
      'wren@shop.test',
    );
  });

  it('is off unless the vendor set a secret or key; a key pair works as well', async () => {
    const plain = await startTestPortico();
    try {
      const off = await handoff(plain, await token(plain.url));
      assert.equal(off.status, 404);
    } finally {
      await plain.close();
    }
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const withKey = await startTestPortico({
      env: { HANDOFF_PUBLIC_KEY: await exportSPKI(publicKey) },
    });
    try {
      const signed = await token(withKey.url, { sub: 'k-1' }, { key: privateKey, alg: 'EdDSA' });
      assert.equal((await handoff(withKey, signed)).status, 200);
      // A token made with a shared secret is not accepted where a key pair is configured.
      assert.equal((await handoff(withKey, await token(withKey.url, { sub: 'k-2' }))).status, 401);
    } finally {
      await withKey.close();
    }
  });
});
