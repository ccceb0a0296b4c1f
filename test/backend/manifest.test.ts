import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `custom-elements.json` is the vendor's reference: every public tag, and for each the parts its
 * templates render, the slots, the public events it fires, the attributes and properties, and the
 * global tokens, each with a description. The manifest is generated here, into a temporary folder,
 * by the analyzer with the project's configuration, so the test checks the JSDoc as it is now,
 * whether or not a build ran. The templates are read from the sources, so a part added without
 * its `@csspart` line fails here by name.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ELEMENTS = join(ROOT, 'elements');

interface Described {
  name: string;
  description?: string;
  summary?: string;
  type?: { text: string };
  default?: string;
}
interface Member extends Described {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
}
interface Declaration extends Described {
  kind: string;
  customElement?: boolean;
  tagName?: string;
  members?: Member[];
  attributes?: Described[];
  events?: Described[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

function generateManifest(): Manifest {
  const outdir = mkdtempSync(join(tmpdir(), 'portico-manifest-'));
  try {
    const analyzer = join(ROOT, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
    // The analyzer joins --outdir to its working directory.
    const out = relative(ROOT, outdir);
    execFileSync(process.execPath, [analyzer, 'analyze', '--quiet', '--outdir', out], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8')) as Manifest;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The code without its comments, so documentation never counts as use. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

/** The tags a loader defines: the keys of its `loaders` table, quoted before `() => import(`. */
function loaderTags(file: string): string[] {
  return [...code(file).matchAll(/'(portico-[\w-]+)'\s*[:,]\s*\(\)\s*=>\s*import\(/g)].map(
    (match) => match[1]!,
  );
}

/** The custom elements a module defines. */
function definedTags(source: string): string[] {
  return [
    ...source.matchAll(/@customElement\('([\w-]+)'\)|customElements\.define\('([\w-]+)'/g),
  ].map((match) => (match[1] ?? match[2])!);
}

interface Import {
  file: string;
  /** The names imported, or null for the whole module (`import './x.ts'`, `import * as`). */
  names: string[] | null;
  /** The names they have in the importing module. */
  locals: string[];
}

/** The relative modules a module imports for their values (type-only imports render nothing). */
function valueImports(file: string, source: string): Import[] {
  const found: Import[] = [];
  const pattern = /\bimport\s+(type\s+)?(?:([\s\S]*?)\sfrom\s+)?'(\.{1,2}\/[^']+\.ts)'/g;
  for (const [, typeOnly, clause = '', path] of source.matchAll(pattern)) {
    if (typeOnly) continue;
    const target = resolve(dirname(file), path!);
    const braces = clause.match(/\{([^}]*)\}/);
    if (!braces || /\*|^\s*\w+\s*,/.test(clause)) {
      found.push({ file: target, names: null, locals: [] });
      continue;
    }
    const names: string[] = [];
    const locals: string[] = [];
    for (const entry of braces[1]!.split(',')) {
      const [name, local = name] = entry.trim().split(/\s+as\s+/);
      if (!name || name.startsWith('type ')) continue;
      names.push(name);
      locals.push(local!);
    }
    if (names.length > 0) found.push({ file: target, names, locals });
  }
  for (const [, path] of source.matchAll(/\bimport\(\s*'(\.{1,2}\/[^']+\.ts)'\s*\)/g)) {
    found.push({ file: resolve(dirname(file), path!), names: null, locals: [] });
  }
  return found;
}

/** A module's top-level declarations, by name: from each `function`, `const` or `class` to the next. */
function topLevel(source: string): Map<string, string> {
  const chunks = new Map<string, string>();
  const starts = [
    ...source.matchAll(
      /^(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\*?|const|let|class)\s+(\w+)/gm,
    ),
  ];
  starts.forEach((match, i) => {
    chunks.set(match[1]!, source.slice(match.index, starts[i + 1]?.index ?? source.length));
  });
  return chunks;
}

/** The part of a module that the given names need: their declarations and what those use. */
function usedCode(source: string, names: string[]): string {
  const chunks = topLevel(source);
  const used = new Set<string>();
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.pop()!;
    const chunk = chunks.get(name);
    if (used.has(name) || chunk === undefined) continue;
    used.add(name);
    for (const other of chunks.keys()) {
      if (!used.has(other) && new RegExp(`\\b${other}\\b`).test(chunk)) queue.push(other);
    }
  }
  return [...used].map((name) => chunks.get(name)).join('\n');
}

/** The text of `${…}` starting at `open` (the `$`), and the index after its closing brace. */
function expressionAt(text: string, open: number): [string, number] {
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return [text.slice(open + 2, i), i + 1];
  }
  return [text.slice(open + 2), text.length];
}

/** The static words an attribute value can hold: its literal words and the strings in `${…}`. */
function staticWords(value: string): string[] {
  const words: string[] = [];
  let literal = '';
  for (let i = 0; i < value.length;) {
    if (value.startsWith('${', i)) {
      const [expression, next] = expressionAt(value, i);
      // The strings it can give, not those it compares with (`mode === 'codes' ? … : …`).
      for (const [, quoted, template] of expression.matchAll(
        /(?<![=!]=\s*)(?:'([^']*)'|`([^`$]*)`)/g,
      )) {
        words.push(...(quoted ?? template ?? '').split(/\s+/));
      }
      // A word glued to an expression (`notice-${code}`) is not a whole name.
      literal += '\u0000';
      i = next;
    } else {
      literal += value[i];
      i++;
    }
  }
  words.push(...literal.split(/\s+/));
  return words.filter((word) => /^[a-z][a-z0-9-]*[a-z0-9]$|^[a-z]$/.test(word));
}

/** The value of each `name=…` attribute in a template: quoted, or a lone `${…}`. */
function attributeValues(source: string, name: string): string[] {
  const values: string[] = [];
  const pattern = new RegExp(`(?<![\\w-])${name}=`, 'g');
  for (const match of source.matchAll(pattern)) {
    let i = match.index + match[0].length;
    const quote = source[i];
    if (quote === '"' || quote === "'") {
      let value = '';
      for (i++; i < source.length && source[i] !== quote;) {
        if (source.startsWith('${', i)) {
          const [expression, next] = expressionAt(source, i);
          value += `\${${expression}}`;
          i = next;
        } else value += source[i++];
      }
      values.push(value);
    } else if (source.startsWith('${', i)) {
      values.push(source.slice(i, expressionAt(source, i)[1]));
    }
  }
  return values;
}

const files = sourceFiles(ELEMENTS);
const sources = new Map(files.map((file) => [file, code(file)]));

/** The strings a constant holds, wherever in elements/ it is, following the constants it names. */
function constantStrings(name: string, seen = new Set<string>()): string[] {
  if (seen.has(name)) return [];
  seen.add(name);
  for (const source of sources.values()) {
    const match = source.match(new RegExp(`\\bconst ${name}\\b[^=]*=([\\s\\S]*?);\\s*$`, 'm'));
    if (!match) continue;
    const init = match[1]!;
    return [
      ...[...init.matchAll(/'([^']*)'/g)].map((literal) => literal[1]!),
      ...[...init.matchAll(/\b[A-Z][A-Z0-9_]+\b/g)].flatMap(([other]) =>
        constantStrings(other, seen),
      ),
    ];
  }
  return [];
}

/** The names `exportparts` gives the outer element: `inner: outer` is exported as `outer`. */
function exportedParts(value: string): string[] {
  let text = value;
  for (const [, expression] of value.matchAll(/\$\{([^}]*)\}/g)) {
    for (const [name] of expression!.matchAll(/\b[A-Z][A-Z0-9_]+\b/g)) {
      text += `,${constantStrings(name).join(',')}`;
    }
  }
  return text
    .replace(/\$\{[^}]*\}/g, ',')
    .split(',')
    .map((entry) => entry.split(':').pop()!.trim())
    .filter((name) => /^[a-z][a-z0-9-]*$/.test(name));
}

/**
 * The code that renders into a tag's shadow root, by file: its module and, of each module it
 * imports, the declarations it uses and what those use in turn. Other elements render into shadow
 * roots of their own, so their modules are not followed.
 */
function renderedCode(tag: string, modulePath: string): Map<string, string> {
  const start = join(ROOT, modulePath);
  const code = new Map<string, string>([[start, sources.get(start) ?? '']]);
  const whole = new Set<string>([start]);
  const namesIn = new Map<string, Set<string>>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const text = code.get(file)!;
    for (const { file: imported, names, locals } of valueImports(file, sources.get(file) ?? '')) {
      if (!sources.has(imported) || whole.has(imported)) continue;
      const rel = relative(ELEMENTS, imported);
      if (/^(events|context|index|staff)\.ts$|^api\//.test(rel)) continue;
      if (definedTags(sources.get(imported)!).some((other) => other !== tag)) continue;
      if (names === null) {
        whole.add(imported);
        code.set(imported, sources.get(imported)!);
        queue.push(imported);
        continue;
      }
      // Only what this code uses of the import.
      const wanted = names.filter((_, i) => new RegExp(`\\b${locals[i]}\\b`).test(text));
      const known = namesIn.get(imported) ?? new Set<string>();
      if (wanted.every((name) => known.has(name))) continue;
      for (const name of wanted) known.add(name);
      namesIn.set(imported, known);
      code.set(imported, usedCode(sources.get(imported)!, [...known]));
      queue.push(imported);
    }
  }
  return code;
}

/** Event class name → event name, from the vendor-facing module. */
const eventNames = new Map(
  [
    ...sources
      .get(join(ELEMENTS, 'events.ts'))!
      .matchAll(/class (\w+) extends Event \{\s*static readonly eventName = '([\w-]+)'/g),
  ].map((match) => [match[1]!, match[2]!]),
);

const publicTags = [
  ...new Set([
    'portico-portal',
    ...loaderTags(join(ELEMENTS, 'index.ts')),
    ...loaderTags(join(ELEMENTS, 'staff.ts')),
  ]),
];

const missingDescription = (entry: Described) => !entry.description?.trim();

describe('custom-elements.json', () => {
  let manifest: Manifest;
  const elements = new Map<string, { declaration: Declaration; path: string }>();
  before(() => {
    manifest = generateManifest();
    for (const module of manifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.customElement && declaration.tagName) {
          elements.set(declaration.tagName, { declaration, path: module.path });
        }
      }
    }
  });

  /**
   * What `check` finds missing on each element in the manifest: the public tags and the elements
   * they render inside (whose parts reach the vendor through `exportparts`).
   */
  function problems(check: (tag: string, declaration: Declaration, path: string) => string[]) {
    return [...elements].flatMap(([tag, { declaration, path }]) => check(tag, declaration, path));
  }

  it('knows the public tags from both loaders', () => {
    assert.ok(publicTags.includes('portico-login'));
    assert.ok(publicTags.includes('portico-chat'));
    assert.ok(publicTags.includes('portico-staff-console'));
    assert.ok(publicTags.length >= 15, publicTags.join(', '));
  });

  it('has every public tag, with a summary and a description', () => {
    const missing = publicTags.flatMap((tag) => {
      const element = elements.get(tag);
      if (!element)
        return [`<${tag}> is not in the manifest (give its class @tagname or @customElement)`];
      const { declaration } = element;
      return [
        ...(declaration.summary?.trim() ? [] : [`<${tag}> has no @summary`]),
        ...(missingDescription(declaration) ? [`<${tag}> has no description`] : []),
      ];
    });
    assert.deepEqual(missing, [], `\n${missing.join('\n')}`);
  });

  it('lists every part the templates render, each with a description', () => {
    const missing = problems((tag, declaration, path) => {
      const documented = new Map((declaration.cssParts ?? []).map((part) => [part.name, part]));
      const rendered = new Map<string, string>();
      for (const [file, source] of renderedCode(tag, path)) {
        const where = relative(ROOT, file);
        for (const value of attributeValues(source, 'part')) {
          for (const name of staticWords(value)) if (!rendered.has(name)) rendered.set(name, where);
        }
        for (const value of attributeValues(source, 'exportparts')) {
          for (const name of exportedParts(value)) {
            if (!rendered.has(name)) rendered.set(name, `${where} (exportparts)`);
          }
        }
      }
      return [...rendered].flatMap(([name, where]) => {
        const part = documented.get(name);
        if (!part) return [`<${tag}> part "${name}" (${where}) has no @csspart`];
        return missingDescription(part) ? [`<${tag}> @csspart ${name} has no description`] : [];
      });
    });
    assert.deepEqual(missing, [], `\n${missing.join('\n')}`);
  });

  it('lists every slot, each with a description', () => {
    const missing = problems((tag, declaration, path) => {
      const documented = new Map((declaration.slots ?? []).map((slot) => [slot.name, slot]));
      const slots = new Set<string>();
      for (const source of renderedCode(tag, path).values()) {
        for (const [, attributes] of source.matchAll(/<slot\b([^>]*)>/g)) {
          slots.add(attributes!.match(/\bname="([\w-]+)"/)?.[1] ?? '');
        }
      }
      return [...slots].flatMap((name) => {
        const label = name ? `slot "${name}"` : 'the default slot';
        const slot = documented.get(name);
        if (!slot) return [`<${tag}> ${label} has no @slot`];
        return missingDescription(slot) ? [`<${tag}> ${label} has no description`] : [];
      });
    });
    assert.deepEqual(missing, [], `\n${missing.join('\n')}`);
  });

  it('lists every public event an element fires, named, typed and described', () => {
    const missing = problems((tag, declaration, path) => {
      const documented = new Map(
        (declaration.events ?? []).filter((event) => event.name).map((e) => [e.name, e]),
      );
      const fired = new Set<string>();
      for (const source of renderedCode(tag, path).values()) {
        for (const [, className] of source.matchAll(/\bnew (\w+Event)\(/g)) {
          const name = eventNames.get(className!);
          if (name) fired.add(name);
        }
      }
      const nameless = (declaration.events ?? []).filter((event) => !event.name);
      return [
        ...[...fired].flatMap((name) => {
          const event = documented.get(name);
          if (!event) return [`<${tag}> fires ${name} but has no @fires ${name}`];
          return [
            ...(missingDescription(event) ? [`<${tag}> @fires ${name} has no description`] : []),
            ...(event.type?.text ? [] : [`<${tag}> event ${name} has no type`]),
          ];
        }),
        ...nameless.map((event) => `<${tag}> has a nameless event of type ${event.type?.text}`),
      ];
    });
    assert.deepEqual(missing, [], `\n${missing.join('\n')}`);
  });

  it('describes and types every attribute and public property', () => {
    const missing = problems((tag, declaration) => [
      ...(declaration.attributes ?? []).flatMap((attribute) => [
        ...(missingDescription(attribute)
          ? [`<${tag}> attribute ${attribute.name} has no description`]
          : []),
        ...(attribute.type?.text ? [] : [`<${tag}> attribute ${attribute.name} has no type`]),
      ]),
      ...(declaration.members ?? [])
        .filter((member) => member.kind === 'field' && !member.static)
        .filter((member) => !member.privacy || member.privacy === 'public')
        .flatMap((field) => [
          ...(missingDescription(field)
            ? [`<${tag}> property ${field.name} has no description`]
            : []),
          ...(field.type?.text ? [] : [`<${tag}> property ${field.name} has no type`]),
        ]),
    ]);
    assert.deepEqual(missing, [], `\n${missing.join('\n')}`);
  });

  it('documents every --portico-* token an element reads', () => {
    const tokensIn = (source: string) =>
      new Set([...source.matchAll(/--portico-[a-z0-9-]*[a-z0-9]/g)].map(([token]) => token));
    const global = tokensIn(sources.get(join(ELEMENTS, 'shared/host.styles.ts'))!);
    assert.ok(global.has('--portico-color-brand'), 'the scan found no tokens');
    const missing = problems((tag, declaration, path) => {
      if (tag === 'portico-portal') return [];
      const documented = new Map((declaration.cssProperties ?? []).map((p) => [p.name, p]));
      const read = new Set(global);
      for (const source of renderedCode(tag, path).values()) {
        for (const token of tokensIn(source)) read.add(token);
      }
      return [...read].flatMap((token) => {
        // A global token is missing on every element at once: say so once.
        const who = global.has(token) ? 'the global token' : `<${tag}>'s token`;
        const fix = global.has(token) ? 'above hostStyles' : `on <${tag}>`;
        const property = documented.get(token);
        if (!property) return [`${who} ${token} has no @cssprop [${token}=default] ${fix}`];
        return missingDescription(property) ? [`${who} ${token} has no description`] : [];
      });
    });
    const once = [...new Set(missing)];
    assert.deepEqual(once, [], `\n${once.join('\n')}`);
  });

  it('describes every local CSS property an element documents', () => {
    const missing = problems((tag, declaration) =>
      (declaration.cssProperties ?? [])
        .filter(missingDescription)
        .map((property) => `<${tag}> CSS property ${property.name} has no description`),
    );
    assert.deepEqual(missing, [], `\n${missing.join('\n')}`);
  });
});
