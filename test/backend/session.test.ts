import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPortico, type TestPortico } from '../support/portico.ts';

describe('session.me and procedure guards', () => {
  let portico: TestPortico;
  before(async () => {
    portico = await startTestPortico();
  });
  after(() => portico.close());

  it('answers null when nobody is signed in', async () => {
    const { status, body } = await portico.client().query('session.me');
    assert.equal(status, 200);
    assert.equal(body.result?.data, null);
  });

  it('gives a customer their own account as owner on first sign-in', async () => {
    const client = await portico.personWithSession({ email: 'ines@cafe.test', name: 'Ines' });
    const { body } = await client.query('session.me');
    const me = body.result?.data as {
      user: { name: string; email: string };
      role: string;
      account: { id: string; name: string; role: string };
    };
    assert.equal(me.user.email, 'ines@cafe.test');
    assert.equal(me.role, 'customer');
    assert.equal(me.account.role, 'owner');
    assert.equal(me.account.name, 'Ines');
    assert.match(me.account.id, /^[A-Za-z0-9_-]{22}$/);
  });

  it('gives staff no customer account and their staff role', async () => {
    const client = await portico.personWithSession({ email: 'agent@vendor.test', role: 'agent' });
    const { body } = await client.query('session.me');
    const me = body.result?.data as { role: string; account: unknown };
    assert.equal(me.role, 'agent');
    assert.equal(me.account, null);
  });

  it('lets only an admin change the portal settings', async () => {
    const settings = {
      vendorName: 'Kafija & Co',
      logoUrl: null,
      colors: { brand: '#112233', brandContrast: '#ffffff' },
      locales: ['en', 'lv'],
      defaultLocale: 'lv',
      currency: 'EUR',
      sellerDetails: 'Kafija & Co SIA\nRīga',
      ticketCategories: ['Delivery', 'Billing'],
      supportInbox: 'support@kafija.test',
    };
    const anonymous = await portico.client().mutate('staff.portal.update', settings);
    assert.equal(anonymous.body.error?.data.code, 'UNAUTHORIZED');
    const customer = await portico.personWithSession({ email: 'c1@cafe.test' });
    assert.equal(
      (await customer.mutate('staff.portal.update', settings)).body.error?.data.code,
      'FORBIDDEN',
    );
    const agent = await portico.personWithSession({ email: 'a1@vendor.test', role: 'agent' });
    assert.equal(
      (await agent.mutate('staff.portal.update', settings)).body.error?.data.code,
      'FORBIDDEN',
    );
    const admin = await portico.personWithSession({ email: 'boss@vendor.test', role: 'admin' });
    const updated = await admin.mutate('staff.portal.update', settings);
    assert.equal(updated.status, 200);
    const read = await portico.client().query('portal.settings');
    // Everything but the staff's own inbox, which no visitor needs to know.
    // Left out, the kinds of ticket offered are all of them.
    const { supportInbox: _inbox, ...visible } = settings;
    assert.deepEqual(read.body.result?.data, {
      ...visible,
      ticketKinds: ['question', 'complaint', 'concern'],
    });
    assert.equal(portico.services.portalSettings().supportInbox, 'support@kafija.test');
  });

  it('refuses invalid settings field by field and keeps the old ones', async () => {
    const admin = await portico.personWithSession({ email: 'boss2@vendor.test', role: 'admin' });
    const before = (await portico.client().query('portal.settings')).body.result?.data;
    const { status, body } = await admin.mutate('staff.portal.update', {
      vendorName: '',
      logoUrl: 'javascript:alert(1)',
      colors: { brand: 'red', brandContrast: '#ffffff' },
      locales: ['xx'],
      defaultLocale: 'en',
      extra: true,
    });
    assert.equal(status, 400);
    assert.equal(body.error?.data.code, 'BAD_REQUEST');
    const fields = body.error?.data.fieldErrors ?? {};
    for (const field of ['vendorName', 'logoUrl', 'colors.brand', 'locales.0', '_']) {
      assert.ok(fields[field]?.length, `a message for ${field}`);
    }
    assert.doesNotMatch(JSON.stringify(body), /at .*\.ts:\d+|stack/i);
    assert.deepEqual((await portico.client().query('portal.settings')).body.result?.data, before);
  });

  it('ends the session everywhere on sign-out, even with the cache warm', async () => {
    const client = await portico.personWithSession({ email: 'out@cafe.test' });
    assert.ok((await client.query('session.me')).body.result?.data);
    const stolen = new Map(client.cookies);
    const response = await client.post('/api/auth/sign-out', {});
    assert.equal(response.status, 200);
    const replay = portico.client();
    replay.cookies = stolen;
    assert.equal((await replay.query('session.me')).body.result?.data, null);
  });
});
