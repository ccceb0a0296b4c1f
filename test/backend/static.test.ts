import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestPortico, type TestPortico } from '../support/portico.ts';

// `npm test` builds dist/ before this runs.
const chunks = readdirSync(new URL('../../dist/chunks/', import.meta.url)).filter((name) =>
  name.endsWith('.js'),
);

describe('the element bundle', () => {
  let portico: TestPortico;
  before(async () => {
    portico = await startTestPortico();
  });
  after(() => portico.close());

  it('serves the loader to any page, revalidated often, as JavaScript', async () => {
    const response = await portico
      .client()
      .request('/portico.js', { origin: 'https://any-vendor.example' });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('cache-control') ?? '', /max-age=300/);
    assert.match(await response.text(), /chunks\//);
  });

  it('serves hashed chunks as immutable for a year', async () => {
    assert.ok(chunks.length > 0);
    for (const name of chunks) {
      const response = await portico.client().request(`/chunks/${name}`);
      assert.equal(response.status, 200, name);
      assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      await response.arrayBuffer();
    }
  });

  it('serves nothing outside the bundle', async () => {
    for (const path of [
      '/chunks/../../package.json',
      '/chunks/%2e%2e/%2e%2e/package.json',
      '/dist/portico.js',
      '/backend/config.ts',
    ]) {
      const response = await portico.client().request(path);
      assert.equal(response.status, 404, path);
      await response.arrayBuffer();
    }
  });

  it('serves product images from the data folder, inert and cacheable', async () => {
    mkdirSync(join(portico.dataDir, 'media', 'products'), { recursive: true });
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    writeFileSync(join(portico.dataDir, 'media', 'products', 'x.svg'), svg);
    const response = await portico.client().request('/media/products/x.svg');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /image\/svg\+xml/);
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.equal(await response.text(), svg);
    for (const path of [
      '/media/../portico.db',
      '/media/%2e%2e/portico.db',
      '/media/../auth-secret',
    ]) {
      const outside = await portico.client().request(path);
      assert.equal(outside.status, 404, path);
      await outside.arrayBuffer();
    }
  });
});
