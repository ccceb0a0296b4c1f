import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The elements' translations are complete and current: every `msg()` in the customer-facing
 * elements is in `locales/<locale>.xlf` with a target in every language, placeholders intact,
 * nothing left in English that should not be, and `elements/locales/` generated from exactly
 * these files. Run `npm run i18n` after changing a `msg()`.
 */

const root = resolve(import.meta.dirname, '../..');
const TARGETS = ['de', 'lv', 'hr', 'el', 'fa'] as const;
const run = promisify(execFile);

interface Unit {
  id: string;
  source: string;
  target: string | null;
}

function unitsOf(xliff: string): Map<string, Unit> {
  const units = new Map<string, Unit>();
  const pattern =
    /<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>\s*(?:<target>([\s\S]*?)<\/target>)?/g;
  for (const [, id, source, target] of xliff.matchAll(pattern)) {
    units.set(id!, { id: id!, source: source!, target: target ?? null });
  }
  return units;
}

/** A message's placeholders, whole: `npm run i18n` keeps a translation's in step with the code. */
const placeholders = (text: string) => [...text.matchAll(/<x [^>]*\/>/g)].map(([x]) => x).sort();
/** What a reader sees: the text with placeholders and markup taken out. */
const words = (text: string) =>
  text
    .replace(/<x [^>]*\/>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Runs lit-localize with the project's configuration, but writing into `folder`. */
async function localize(command: 'extract' | 'build', folder: string): Promise<void> {
  const config = JSON.parse(await readFile(join(root, 'lit-localize.json'), 'utf8'));
  config.tsConfig = join(root, 'tsconfig.json');
  config.inputFiles = config.inputFiles.map((glob: string) => join(root, glob));
  config.interchange.xliffDir =
    command === 'extract' ? join(folder, 'xliff') : join(root, config.interchange.xliffDir);
  config.output.outputDir = join(folder, 'generated');
  config.output.localeCodesModule = join(folder, 'generated', 'locale-codes.ts');
  const file = join(folder, `${command}.json`);
  await writeFile(file, JSON.stringify(config));
  const cli = join(root, 'node_modules', '@lit', 'localize-tools', 'bin', 'lit-localize.js');
  await run(process.execPath, [cli, command, '--config', file], { cwd: root });
}

describe('the elements’ translations', () => {
  let folder: string;
  let allowed: Record<string, string[]>;
  const committed = new Map<string, Map<string, Unit>>();

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'portico-i18n-'));
    allowed = JSON.parse(await readFile(join(root, 'locales', 'identical.json'), 'utf8'));
    for (const locale of TARGETS) {
      committed.set(
        locale,
        unitsOf(await readFile(join(root, 'locales', `${locale}.xlf`), 'utf8')),
      );
    }
  });
  after(() => rm(folder, { recursive: true, force: true }));

  it('list every message the elements use, and only those', async () => {
    await localize('extract', folder);
    const current = unitsOf(await readFile(join(folder, 'xliff', 'de.xlf'), 'utf8'));
    assert.ok(current.size > 500, `only ${current.size} messages extracted`);
    for (const locale of TARGETS) {
      const units = committed.get(locale)!;
      const missing = [...current.values()].filter(
        (unit) => units.get(unit.id)?.source !== unit.source,
      );
      const stale = [...units.keys()].filter((id) => !current.has(id));
      assert.deepEqual(
        missing.map((unit) => `${unit.id}: ${unit.source}`),
        [],
        `${locale}.xlf is behind the code: run npm run i18n, then translate what it adds`,
      );
      assert.deepEqual(stale, [], `${locale}.xlf has messages no element uses: run npm run i18n`);
    }
  });

  for (const locale of TARGETS) {
    it(`translate every message into ${locale}, placeholders intact`, () => {
      const problems: string[] = [];
      const identical = new Set(allowed[locale] ?? []);
      for (const unit of committed.get(locale)!.values()) {
        if (!unit.target?.trim()) {
          problems.push(`${unit.id} has no translation: ${unit.source}`);
          continue;
        }
        if (placeholders(unit.target).join() !== placeholders(unit.source).join())
          problems.push(`${unit.id} changes its placeholders: ${unit.target}`);
        if (words(unit.target) === words(unit.source) && !identical.has(unit.id))
          problems.push(`${unit.id} is still English: ${unit.source}`);
        if (locale === 'fa' && /[يك0-9]/.test(words(unit.target)))
          problems.push(`${unit.id} has Arabic letters or Latin digits: ${unit.target}`);
      }
      assert.deepEqual(problems, []);
    });
  }

  it('allow English only where a message has no words to translate', () => {
    for (const [locale, ids] of Object.entries(allowed)) {
      for (const id of ids) {
        const unit = committed.get(locale)?.get(id);
        assert.ok(unit, `identical.json names ${locale} ${id}, which no longer exists`);
        assert.equal(words(unit.target ?? ''), words(unit.source), `${locale} ${id} differs`);
      }
    }
  });

  it('are what elements/locales was generated from', async () => {
    await localize('build', folder);
    const generated = join(folder, 'generated');
    for (const file of await readdir(generated)) {
      assert.equal(
        await readFile(join(root, 'elements', 'locales', file), 'utf8'),
        await readFile(join(generated, file), 'utf8'),
        `elements/locales/${file} is out of date: run npm run i18n`,
      );
    }
  });
});
