import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writePortalSettings } from '../../backend/portal/portal.queries.ts';
import { startTestPortico, type TestPortico } from '../support/portico.ts';
import { cspDirectives as directives } from '../support/csp.ts';

/** The chunk files a module imports, statically or lazily, as paths on the server. */
function importedChunks(code: string): string[] {
  return [...code.matchAll(/["'`]\.\/(chunks\/[\w.-]+\.js)["'`]/g)].map((match) => `/${match[1]}`);
}

// `npm test` builds dist/ before this runs.
describe('the staff page', () => {
  let portico: TestPortico;
  before(async () => {
    portico = await startTestPortico();
    const { services } = portico;
    await writePortalSettings(services.db, {
      ...services.portalSettings(),
      vendorName: 'Nord & <Licht> "Supply"',
      colors: { brand: '#123456', brandContrast: '#fedcba' },
    });
    await services.reloadPortalSettings();
  });
  after(() => portico.close());

  it('serves the sign-in and the console under the vendor’s escaped name', async () => {
    const response = await portico.client().request('/staff');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const page = await response.text();
    assert.match(page, /<portico-login[\s>]/);
    assert.match(page, /<portico-staff-console[\s>]/);
    assert.ok(page.includes('Nord &#38; &#60;Licht&#62; &#34;Supply&#34;'), page);
    assert.ok(!page.includes('<Licht>'), 'the name is never markup');
  });

  it('runs only its own files: a strict CSP, one module script by URL, no inline style', async () => {
    const response = await portico.client().request('/staff');
    const csp = directives(response.headers.get('content-security-policy'));
    assert.deepEqual(csp.get('default-src'), ["'self'"]);
    for (const name of ['script-src', 'style-src']) {
      const values = csp.get(name) ?? csp.get('default-src') ?? [];
      assert.deepEqual(values, ["'self'"], name);
    }
    assert.deepEqual(csp.get('object-src'), ["'none'"]);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    // Trusted Types: only Lit's templates and Portico's policy for the server's HTML write markup.
    assert.deepEqual(csp.get('require-trusted-types-for'), ["'script'"]);
    assert.deepEqual(csp.get('trusted-types'), ['lit-html', 'portico-html']);
    const page = await response.text();
    const scripts = [...page.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    // Relative, so behind a vendor's proxy it is the one under the proxy's path.
    assert.match(scripts[0]![0], /^<script type="module" src="staff\.js"><\/script>$/);
    assert.doesNotMatch(page, /<style\b|\sstyle=|\son[a-z]+=/i);
  });

  it('serves its frame’s style sheet in the vendor’s colours', async () => {
    const response = await portico.client().request('/staff.css');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/css/);
    const css = await response.text();
    assert.match(css, /--portico-color-brand: #123456;/);
    assert.match(css, /--portico-color-brand-contrast: #fedcba;/);
  });

  it('serves the staff bundle entry and every chunk it loads', async () => {
    const response = await portico.client().request('/staff.js');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
    assert.match(response.headers.get('cache-control') ?? '', /max-age=300/);
    const code = await response.text();
    const chunks = importedChunks(code);
    assert.ok(chunks.length > 0, 'the entry loads its elements from chunks');
    const loaded: string[] = [];
    for (const path of chunks) {
      const chunk = await portico.client().request(path);
      assert.equal(chunk.status, 200, path);
      loaded.push(await chunk.text());
    }
    assert.ok(
      loaded.some((text) => text.includes('portico-staff-chat')),
      'one of its chunks defines <portico-staff-chat>',
    );
  });

  it('keeps every staff view out of what customer pages load, even later', async () => {
    // The customer loader and every chunk it may import, statically or on demand.
    const seen = new Map<string, string>();
    const visit = async (path: string): Promise<void> => {
      if (seen.has(path)) return;
      const response = await portico.client().request(path);
      assert.equal(response.status, 200, path);
      const code = await response.text();
      seen.set(path, code);
      for (const match of code.matchAll(/["'`](\.{1,2}\/[\w./-]+\.js)["'`]/g)) {
        await visit(new URL(match[1]!, new URL(path, 'http://x')).pathname);
      }
    };
    await visit('/portico.js');
    assert.ok(seen.size > 5, 'the loader and its chunks were found');
    for (const [path, code] of seen) {
      assert.doesNotMatch(code, /portico-staff-/, `${path} carries a staff view`);
    }
  });
});
