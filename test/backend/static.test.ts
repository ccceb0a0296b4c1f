import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
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
});
