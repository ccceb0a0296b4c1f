import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPortico, type RunningPortico } from '../../backend/listen.ts';
import { TestClient } from '../support/portico.ts';

describe('npm run portico -- create-staff', () => {
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
});
