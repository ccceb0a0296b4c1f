// Part of `npm run i18n`, between lit-localize's extract and build. A translation's
// placeholders (`<x id="0" equiv-text="…"/>`) are code and markup, not words: extract refreshes
// them in each message's source but leaves the translation holding the old ones, and build
// copies a translation's markup into the element. This copies each source placeholder over the
// translation's placeholder of the same id, so markup changed in an element reaches every
// language without anyone re-translating.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const folder = new URL('../locales/', import.meta.url).pathname;
const unit =
  /(<trans-unit id="[^"]+">\s*<source>)([\s\S]*?)(<\/source>\s*<target>)([\s\S]*?)(<\/target>)/g;
const placeholder = /<x id="(\d+)"[^>]*\/>/g;

function sync(xliff: string): string {
  return xliff.replace(unit, (_whole, open, source: string, middle, target: string, close) => {
    const byId = new Map([...source.matchAll(placeholder)].map(([x, id]) => [id!, x]));
    const synced = target.replace(placeholder, (x, id: string) => byId.get(id) ?? x);
    return `${open}${source}${middle}${synced}${close}`;
  });
}

for (const file of await readdir(folder)) {
  if (!file.endsWith('.xlf')) continue;
  const path = join(folder, file);
  const before = await readFile(path, 'utf8');
  const after = sync(before);
  if (after !== before) {
    await writeFile(path, after);
    console.log(`Placeholders brought up to date in locales/${file}`);
  }
}
