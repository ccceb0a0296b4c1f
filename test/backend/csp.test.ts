import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { startTestPortico, type TestPortico } from '../support/portico.ts';
import { cspDirectives as directives } from '../support/csp.ts';

describe('the backend’s Content Security Policy', () => {
  let portico: TestPortico;
  before(async () => {
    portico = await startTestPortico();
  });
  after(() => portico.close());

  it('lets an answer that is not a page run, load and frame nothing', async () => {
    for (const path of [
      '/healthz',
      '/api/trpc/portal.settings',
      '/api/nothing-here',
      '/nothing-here',
      // better-auth's own error page, HTML with inline style.
      '/api/auth/error?error=SOMETHING&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    ]) {
      const response = await portico.client().request(path);
      await response.arrayBuffer();
      const csp = directives(response.headers.get('content-security-policy'));
      assert.deepEqual(csp.get('default-src'), ["'none'"], path);
      assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], path);
      assert.equal(csp.get('script-src'), undefined, `${path} allows no script`);
    }
  });

  it('keeps the policy a page or a file sets for itself', async () => {
    const staff = await portico.client().request('/staff');
    await staff.arrayBuffer();
    assert.deepEqual(
      directives(staff.headers.get('content-security-policy')).get('require-trusted-types-for'),
      ["'script'"],
    );
  });

  // `npm test` builds dist/ before this runs.
  it('ships a bundle that needs no unsafe-eval', () => {
    const dist = new URL('../../dist/', import.meta.url);
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.js'),
    );
    assert.ok(files.length > 1);
    for (const name of files) {
      const code = readFileSync(new URL(name, dist), 'utf8');
      assert.doesNotMatch(code, /(?<![\w$.])(eval|Function)\s*\(/, `${name} evaluates strings`);
      assert.doesNotMatch(code, /\bset(Timeout|Interval)\(\s*["'`]/, `${name} runs a string later`);
    }
  });
});
