import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../backend/config.ts';

const secret = 'x'.repeat(32);

describe('configuration from the environment', () => {
  it('names each bad variable and what it expects, one line each', () => {
    const bad = {
      PORT: 'eighty',
      PUBLIC_URL: 'portal.vendor.example',
      TRUSTED_ORIGINS: 'https://ok.example, ftp://files.example',
      AUTH_SECRET: 'short',
      SMTP_URL: 'mail.vendor.example',
      DATABASE_URL: 'mysql://db',
    };
    assert.throws(
      () => loadConfig(bad),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        const lines = error.message.split('\n');
        for (const name of Object.keys(bad)) {
          assert.equal(
            lines.filter((line) => line.startsWith(`${name} is invalid`)).length,
            1,
            name,
          );
        }
        return true;
      },
    );
  });

  it('uses safe defaults and always trusts its own origin', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portico-config-'));
    try {
      const config = loadConfig({
        DATA_DIR: dataDir,
        AUTH_SECRET: secret,
        TRUSTED_ORIGINS: 'https://www.vendor.example/shop',
      });
      assert.equal(config.port, 8787);
      assert.equal(config.publicUrl, 'http://localhost:8787');
      assert.deepEqual(config.trustedOrigins, [
        'http://localhost:8787',
        'https://www.vendor.example',
      ]);
      assert.equal(config.databaseUrl, `sqlite:${join(dataDir, 'portico.db')}`);
      assert.equal(config.smtpUrl, undefined);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('generates a development secret once and keeps it, but demands one in production', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portico-config-'));
    const warn = console.warn;
    console.warn = () => {};
    try {
      const first = loadConfig({ DATA_DIR: dataDir }).authSecret;
      assert.ok(first.length >= 32);
      assert.equal(loadConfig({ DATA_DIR: dataDir }).authSecret, first);
      assert.equal(readFileSync(join(dataDir, 'auth-secret'), 'utf8').trim(), first);
      assert.throws(
        () =>
          loadConfig({
            DATA_DIR: dataDir,
            NODE_ENV: 'production',
            PUBLIC_URL: 'https://p.example',
          }),
        /AUTH_SECRET is missing/,
      );
      assert.throws(
        () => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: secret }),
        /PUBLIC_URL is missing/,
      );
    } finally {
      console.warn = warn;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('stops the server at start with the message and a non-zero exit', () => {
    const result = spawnSync(process.execPath, ['backend/main.ts'], {
      env: { ...process.env, PORT: '99999', AUTH_SECRET: secret },
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^PORT is invalid: expected a whole number from 0 to 65535/m);
    assert.doesNotMatch(result.stderr, /\bat .*\.ts:\d+/);
  });
});
