import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clientAddress, limitKey } from '../../backend/client-address.ts';
import { startTestPortico, TestClient, type TestPortico } from '../support/portico.ts';
import { data } from '../support/tickets.ts';

describe('the client address behind the vendor’s reverse proxies', () => {
  it('believes X-Forwarded-For only from a trusted proxy, read from the right', () => {
    const proxies = ['10.0.0.5', '::1'];
    assert.equal(clientAddress('203.0.113.9', '198.51.100.1', proxies), '203.0.113.9');
    assert.equal(clientAddress('10.0.0.5', '198.51.100.1', proxies), '198.51.100.1');
    // A client that writes its own header gets the address the proxy saw, not the one it wrote.
    assert.equal(clientAddress('10.0.0.5', '1.2.3.4, 198.51.100.1', proxies), '198.51.100.1');
    assert.equal(clientAddress('::ffff:10.0.0.5', '198.51.100.1, ::1', proxies), '198.51.100.1');
    assert.equal(clientAddress('10.0.0.5', undefined, proxies), '10.0.0.5');
  });

  it('counts an IPv6 client by its /64', () => {
    assert.equal(limitKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(limitKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64');
    assert.equal(limitKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(limitKey('198.51.100.7'), '198.51.100.7');
  });

  describe('over HTTP', () => {
    let portico: TestPortico;
    before(async () => {
      portico = await startTestPortico({ env: { TRUSTED_PROXIES: '127.0.0.1,::1' } });
    });
    after(() => portico.close());

    it('records the forwarded address in the person’s security activity', async () => {
      await portico.personWithSession({ email: 'lea@cafe.test', name: 'Lea' });
      const client = new TestClient(portico.url);
      await client.request('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.23' },
        body: JSON.stringify({ email: 'lea@cafe.test', password: 'correct horse battery' }),
      });
      const events = data<{ items: { kind: string; ipAddress: string | null }[] }>(
        await client.query('profile.securityEvents', {}),
      );
      assert.equal(events.items[0]?.ipAddress, '198.51.100.23');
    });
  });
});
