import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPortico, type RunningPortico } from '../../backend/listen.ts';
import { enrollTotp, TestClient } from '../support/portico.ts';

describe('npm run portico', () => {
  let dataDir: string;
  const env = () => ({ ...process.env, DATA_DIR: dataDir, AUTH_SECRET: 'y'.repeat(32), PORT: '0' });
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['backend/cli.ts', ...args], {
      env: env(),
      encoding: 'utf8',
      timeout: 30_000,
    });

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'portico-cli-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('creates an admin who can sign in as staff', async () => {
    const created = cli(
      'create-staff',
      '--email',
      'Chief@Vendor.example',
      '--name',
      'Chief',
      '--role',
      'admin',
      '--password',
      'staff password 1',
    );
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /Created admin/);

    let portico: RunningPortico | undefined;
    try {
      portico = await startPortico(
        { ...env(), TRUSTED_ORIGINS: 'http://vendor.test' },
        { log: () => {} },
      );
      const client = new TestClient(portico.url);
      const signIn = await client.post('/api/auth/sign-in/email', {
        email: 'chief@vendor.example',
        password: 'staff password 1',
      });
      assert.equal(signIn.status, 200);
      const me = (await client.query('session.me')).body.result?.data as {
        role: string;
        account: unknown;
      };
      assert.equal(me.role, 'admin');
      assert.equal(me.account, null);
      // Staff must set up security codes; then the phone is lost, and the vendor resets them.
      await enrollTotp(client, 'staff password 1');
      const withCode = await new TestClient(portico.url).post('/api/auth/sign-in/email', {
        email: 'chief@vendor.example',
        password: 'staff password 1',
      });
      assert.equal(
        ((await withCode.json()) as { twoFactorRedirect?: boolean }).twoFactorRedirect,
        true,
      );
    } finally {
      await portico?.close();
    }
    const reset = cli('reset-security-codes', '--email', 'Chief@Vendor.example');
    assert.equal(reset.status, 0, reset.stderr);
    assert.match(reset.stdout, /are off/);
    const nobody = cli('reset-security-codes', '--email', 'nobody@vendor.example');
    assert.equal(nobody.status, 1);
    assert.match(nobody.stderr, /Nobody has the email nobody@vendor.example/);
    try {
      portico = await startPortico(
        { ...env(), TRUSTED_ORIGINS: 'http://vendor.test' },
        { log: () => {} },
      );
      const client = new TestClient(portico.url);
      const signIn = await client.post('/api/auth/sign-in/email', {
        email: 'chief@vendor.example',
        password: 'staff password 1',
      });
      assert.equal(
        ((await signIn.json()) as { twoFactorRedirect?: boolean }).twoFactorRedirect,
        undefined,
      );
      const me = (await client.query('session.me')).body.result?.data as {
        secondFactor: { enabled: boolean; required: boolean };
      };
      // Signed in with the password, held at the setup until codes are on again.
      assert.deepEqual(me.secondFactor, { enabled: false, required: true });
    } finally {
      await portico?.close();
    }
  });

  it('refuses a duplicate email, a bad role and a missing email with a clear line', () => {
    const duplicate = cli('create-staff', '--email', 'chief@vendor.example', '--role', 'agent');
    assert.equal(duplicate.status, 1);
    assert.match(duplicate.stderr, /already exists/);
    const role = cli('create-staff', '--email', 'x@vendor.example', '--role', 'owner');
    assert.equal(role.status, 2);
    assert.match(role.stderr, /--role must be agent or admin/);
    const email = cli('create-staff', '--role', 'agent');
    assert.equal(email.status, 2);
    assert.match(email.stderr, /--email/);
  });

  it('generates and prints a password when none is given', () => {
    const created = cli('create-staff', '--email', 'agent2@vendor.example', '--role', 'agent');
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /with password \S{20,}/);
  });

  it('imports a catalog file, and names each bad field of a broken one', async () => {
    const file = join(dataDir, 'catalog.json');
    const catalog = {
      categories: [{ id: 'tea', names: { en: 'Tea', de: 'Tee' } }],
      products: [
        {
          sku: 'TEA-1',
          category: 'tea',
          kind: 'product',
          unitPrice: 890,
          taxRate: 1200,
          stock: 40,
          texts: { en: { name: 'Earl Grey, 100 bags' }, de: { name: 'Earl Grey, 100 Beutel' } },
        },
      ],
    };
    await writeFile(file, JSON.stringify(catalog));
    const imported = cli('import-catalog', file);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /Imported 1 categories and 1 products/);
    const again = cli('import-catalog', file);
    assert.equal(again.status, 0, again.stderr);

    // Field errors first; the cross-checks (categories, duplicate SKUs) once the fields are right.
    const product = catalog.products[0]!;
    for (const [products, paths] of [
      [[{ ...product, unitPrice: 8.9, texts: { de: {} } }], ['unitPrice', 'texts.de.name']],
      [
        [{ ...product, category: 'coffee' }, product, product],
        ['category', 'sku'],
      ],
    ] as const) {
      await writeFile(file, JSON.stringify({ categories: catalog.categories, products }));
      const refused = cli('import-catalog', file);
      assert.equal(refused.status, 1);
      for (const path of paths) {
        assert.match(refused.stderr, new RegExp(`products\\.\\d\\.${path}:`), path);
      }
    }

    const portico = await startPortico({ ...env() }, { log: () => {} });
    try {
      const { body } = await new TestClient(portico.url).query('catalog.list', { locale: 'de' });
      const { items } = body.result?.data as { items: { sku: string; name: string }[] };
      assert.deepEqual(
        items.map((item) => [item.sku, item.name]),
        [['TEA-1', 'Earl Grey, 100 Beutel']],
      );
    } finally {
      await portico.close();
    }
  });
});
