import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPortico, type TestClient, type TestPortico } from '../support/portico.ts';
import { ADDRESS, orderTableCounts } from '../support/catalog.ts';
import { ADDRESS_BOOK_LIMIT } from '../../backend/address/address.queries.ts';

interface Saved {
  id: string;
  label: string;
  isDefault: boolean;
  address: { city: string; line2: string };
}

describe('address book', () => {
  let portico: TestPortico;
  let anna: TestClient;
  let ben: TestClient;
  before(async () => {
    portico = await startTestPortico();
    anna = await portico.personWithSession({ email: 'anna@cafe.test' });
    ben = await portico.personWithSession({ email: 'ben@bistro.test' });
  });
  after(() => portico.close());

  const save = async (client: TestClient, input: object) => {
    const { body } = await client.mutate('address.save', input);
    assert.ok(body.result, JSON.stringify(body.error));
    return body.result.data as Saved;
  };
  const list = async (client: TestClient) =>
    (await client.query('address.list')).body.result?.data as Saved[];

  it('keeps addresses per account, the first as default until another is chosen', async () => {
    const shop = await save(anna, { label: 'Shop', address: ADDRESS });
    assert.equal(shop.isDefault, true);
    assert.equal(shop.address.line2, '');
    const office = await save(anna, {
      label: 'Office',
      address: { ...ADDRESS, city: 'Jelgava' },
    });
    assert.equal(office.isDefault, false);
    await save(anna, { id: office.id, label: 'Office', isDefault: true, address: ADDRESS });
    assert.deepEqual(
      (await list(anna)).map((a) => [a.label, a.isDefault]),
      [
        ['Office', true],
        ['Shop', false],
      ],
    );
    await anna.mutate('address.remove', { id: office.id });
    assert.deepEqual(
      (await list(anna)).map((a) => [a.label, a.isDefault]),
      [['Shop', true]],
    );
    assert.deepEqual(await list(ben), []);
  });

  it("answers NOT_FOUND for another account's address and changes nothing", async () => {
    const [shop] = await list(anna);
    const before = await orderTableCounts(portico.services);
    const edit = await ben.mutate('address.save', {
      id: shop!.id,
      label: 'Mine now',
      address: { ...ADDRESS, city: 'Elsewhere' },
    });
    assert.equal(edit.body.error?.data.code, 'NOT_FOUND');
    const remove = await ben.mutate('address.remove', { id: shop!.id });
    assert.equal(remove.body.error?.data.code, 'NOT_FOUND');
    assert.deepEqual(await orderTableCounts(portico.services), before);
    assert.equal((await list(anna))[0]?.address.city, ADDRESS.city);
  });

  it('refuses malformed addresses field by field', async () => {
    const cases = [
      [{ ...ADDRESS, city: '' }, 'address.city'],
      [{ ...ADDRESS, country: 'XX' }, 'address.country'],
      [{ ...ADDRESS, country: 'lv' }, 'address.country'],
      [{ ...ADDRESS, postalCode: '<script>' }, 'address.postalCode'],
      [{ ...ADDRESS, line1: 'x'.repeat(121) }, 'address.line1'],
      [{ ...ADDRESS, phone: 'call me' }, 'address.phone'],
      [{ ...ADDRESS, extra: 1 }, 'address'],
    ] as const;
    for (const [address, field] of cases) {
      const { status, body } = await anna.mutate('address.save', { label: 'x', address });
      assert.equal(status, 400, field);
      assert.ok(body.error?.data.fieldErrors?.[field], `${field}: ${JSON.stringify(body.error)}`);
    }
    assert.equal((await list(anna)).length, 1);
  });

  it('stops at a full address book with a clear refusal', async () => {
    const existing = (await list(anna)).length;
    for (let i = existing; i < ADDRESS_BOOK_LIMIT; i++) {
      await save(anna, { label: `Branch ${i}`, address: ADDRESS });
    }
    const { body } = await anna.mutate('address.save', { label: 'One more', address: ADDRESS });
    assert.equal(body.error?.data.code, 'CONFLICT');
    assert.equal((body.error?.data as { reason?: string }).reason, 'TOO_MANY');
    assert.equal((await list(anna)).length, ADDRESS_BOOK_LIMIT);
  });

  it('needs a customer sign-in', async () => {
    assert.equal((await portico.client().query('address.list')).status, 401);
    const agent = await portico.personWithSession({ email: 'a@vendor.test', role: 'agent' });
    assert.equal((await agent.query('address.list')).status, 403);
  });
});
