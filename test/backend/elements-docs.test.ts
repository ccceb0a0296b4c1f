import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPortico, type TestPortico } from '../support/portico.ts';

// `npm test` builds dist/ and custom-elements.json before this runs.
describe('the elements reference', () => {
  let portico: TestPortico;
  before(async () => {
    portico = await startTestPortico();
  });
  after(() => portico.close());

  it('serves the manifest as JSON to any origin, revalidated often', async () => {
    const response = await portico
      .client()
      .request('/custom-elements.json', { origin: 'https://any-editor.example' });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=300, must-revalidate');
    const manifest = (await response.json()) as { modules: { declarations?: object[] }[] };
    const tags = manifest.modules.flatMap((module) =>
      (module.declarations ?? []).map(
        (declaration) => (declaration as { tagName?: string }).tagName,
      ),
    );
    assert.ok(tags.includes('portico-login'), 'the manifest has <portico-login>');
  });

  it('serves the page, its script and its style sheet under a strict CSP', async () => {
    for (const [path, type] of [
      ['/elements', /^text\/html/],
      ['/elements/', /^text\/html/],
      ['/elements/elements.js', /javascript/],
      ['/elements/elements.css', /^text\/css/],
    ] as const) {
      const response = await portico.client().request(path);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', type, path);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'(;|$)/, path);
      assert.match(csp, /style-src 'self'(;|$)/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      assert.equal(response.headers.get('cache-control'), 'public, max-age=300, must-revalidate');
      const body = await response.text();
      if (path.startsWith('/elements/elements')) continue;
      assert.match(body, /<script type="module" src="\/portico\.js">/);
      assert.match(body, /<script type="module" src="\/elements\/elements\.js">/);
      // Nothing inline: the strict CSP would refuse it.
      assert.doesNotMatch(body, /<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=/);
    }
  });

  it('answers 404 for anything else, and nothing outside its folder', async () => {
    for (const path of [
      '/elements/missing.js',
      '/elements/../package.json',
      '/elements/%2e%2e/%2e%2e/package.json',
      '/elements/%2e%2e/screenshots',
      '/elementsx',
      '/custom-elements.json/x',
      '/package.json',
    ]) {
      const response = await portico.client().request(path);
      assert.equal(response.status, 404, path);
      await response.arrayBuffer();
    }
  });
});
