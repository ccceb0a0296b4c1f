import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const AUDIT_TIMEOUT_MS = 60_000;

/**
 * The oldest versions with the fixes this portal relies on: better-auth 1.4.17 closed a
 * rate-limit bypass, tRPC 11.8.0 a prototype pollution.
 */
const MINIMUM_VERSIONS = {
  'better-auth': '1.4.17',
  '@trpc/server': '11.8.0',
  '@trpc/client': '11.8.0',
} as const;

interface Advisory {
  name: string;
  severity: string;
  range?: string;
  via: (string | { title?: string; url?: string; severity?: string })[];
  fixAvailable?: boolean | { name: string; version: string; isSemVerMajor?: boolean };
}

interface AuditReport {
  vulnerabilities?: Record<string, Advisory>;
  /** Why the registry could not be asked, such as `405 Method Not Allowed - POST …`. */
  message?: string;
  error?: { code?: string; summary?: string };
}

/** `1.4.17` → [1, 4, 17]; a pre-release (`1.5.0-beta.1`) counts as before its release. */
function parts(version: string): [number, number, number, number] {
  const match = /^(\d+)\.(\d+)\.(\d+)(-.+)?$/.exec(version.trim());
  assert.ok(match, `a version number: ${version}`);
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] ? 0 : 1];
}

function atLeast(version: string, minimum: string): boolean {
  const have = parts(version);
  const need = parts(minimum);
  for (let index = 0; index < have.length; index++) {
    if (have[index]! !== need[index]!) return have[index]! > need[index]!;
  }
  return true;
}

function installedVersion(name: string): string {
  const file = `${ROOT}node_modules/${name}/package.json`;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** `npm audit` of what ships (no dev tools), as JSON; npm exits non-zero when it finds any. */
function audit(): Promise<AuditReport> {
  return new Promise((resolve, reject) => {
    execFile(
      'npm',
      ['audit', '--omit=dev', '--audit-level=high', '--json'],
      { cwd: ROOT, timeout: AUDIT_TIMEOUT_MS, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!stdout.trim()) {
          reject(new Error(`npm audit gave no report: ${error?.message ?? ''} ${stderr}`));
          return;
        }
        try {
          resolve(JSON.parse(stdout) as AuditReport);
        } catch {
          reject(new Error(`npm audit did not answer in JSON: ${stdout.slice(0, 500)}`));
        }
      },
    );
  });
}

/** The high and critical advisories of a report, one line each with the way out. */
function seriousAdvisories(report: AuditReport): string[] {
  return Object.values(report.vulnerabilities ?? {})
    .filter((advisory) => advisory.severity === 'high' || advisory.severity === 'critical')
    .map(describeAdvisory);
}

function describeAdvisory(advisory: Advisory): string {
  const titles = advisory.via
    .map((via) =>
      typeof via === 'string' ? `through ${via}` : [via.title, via.url].join(' ').trim(),
    )
    .join('; ');
  const fix = advisory.fixAvailable;
  const remedy =
    fix === true
      ? 'fixed by `npm audit fix`'
      : fix
        ? `fixed in ${fix.name}@${fix.version}${fix.isSemVerMajor ? ' (a major upgrade)' : ''}`
        : 'no fix yet';
  const range = advisory.range ? ` ${advisory.range}` : '';
  return `${advisory.severity}: ${advisory.name}${range} (${titles}), ${remedy}`;
}

describe('dependencies', () => {
  it('the version comparison', () => {
    assert.ok(atLeast('1.7.25', '1.4.17'));
    assert.ok(atLeast('1.4.17', '1.4.17'));
    assert.ok(!atLeast('1.4.9', '1.4.17'), 'numbers, not text');
    assert.ok(!atLeast('1.4.17-beta.2', '1.4.17'), 'a pre-release is older than its release');
    assert.ok(atLeast('11.25.2', '11.8.0'));
    assert.ok(!atLeast('10.45.2', '11.8.0'));
  });

  it('has the installed versions with the security fixes', () => {
    for (const [name, minimum] of Object.entries(MINIMUM_VERSIONS)) {
      const version = installedVersion(name);
      assert.ok(atLeast(version, minimum), `${name} ${version} is older than ${minimum}`);
    }
  });

  it('lists high and critical advisories with their fix, and passes over lesser ones', () => {
    const report: AuditReport = {
      vulnerabilities: {
        lodash: {
          name: 'lodash',
          severity: 'high',
          range: '<4.17.21',
          via: [{ title: 'Command Injection', url: 'https://example.test/GHSA-1' }],
          fixAvailable: { name: 'lodash', version: '4.17.21', isSemVerMajor: false },
        },
        wrapper: { name: 'wrapper', severity: 'critical', via: ['lodash'], fixAvailable: true },
        minor: { name: 'minor', severity: 'moderate', via: [], fixAvailable: false },
      },
    };
    assert.deepEqual(seriousAdvisories(report), [
      'high: lodash <4.17.21 (Command Injection https://example.test/GHSA-1), fixed in lodash@4.17.21',
      'critical: wrapper (through lodash), fixed by `npm audit fix`',
    ]);
  });

  it(
    'ships no package with a high or critical advisory (npm audit)',
    { timeout: AUDIT_TIMEOUT_MS + 10_000 },
    async (t) => {
      const report = await audit();
      if (report.error) {
        // Some registries and mirrors do not offer the advisory service: say so, do not pass.
        const why = `npm audit could not ask the registry: ${report.message ?? JSON.stringify(report.error)}`;
        if (process.env.REQUIRE_NPM_AUDIT) assert.fail(why);
        t.skip(`${why} (with REQUIRE_NPM_AUDIT=1 this fails)`);
        return;
      }
      assert.deepEqual(seriousAdvisories(report), []);
    },
  );
});
