import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * `npm run manifest` (the analyzer reads this file by default): `custom-elements.json` from the
 * elements' JSDoc, with two additions the analyzer cannot make on its own.
 */

const HOST_STYLES = 'elements/shared/host.styles.ts';
const EVENTS = 'elements/events.ts';

/**
 * The global `--portico-*` tokens, documented once with `@cssprop [--name=default] - text` (or
 * `[--name]` when the default is not one value) above `hostStyles`. Every element's styles start with `hostStyles`, so each element reads them all.
 */
function globalTokens() {
  const source = readFileSync(HOST_STYLES, 'utf8');
  const comment = source.match(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export const hostStyles\b/);
  if (!comment) throw new Error(`${HOST_STYLES}: no JSDoc above hostStyles`);
  const text = comment[1].replace(/^\s*\* ?/gm, '');
  const tokens = [];
  for (const block of text.split(/^(?=@)/m)) {
    const match = block.match(
      /^@cssprop(?:erty)?\s+(?:\[(--[\w-]+)(?:=([^\]]*))?\]|(--[\w-]+))\s*-?\s*([\s\S]*)$/,
    );
    if (!match) continue;
    const [, bracketed, defaultValue, bare, description] = match;
    tokens.push({
      name: bracketed ?? bare,
      ...(defaultValue?.trim() ? { default: defaultValue.trim() } : {}),
      description: description.replace(/\s+/g, ' ').trim(),
    });
  }
  return tokens;
}

/** The public event classes of `elements/events.ts`, by class name: their event names. */
function eventNames() {
  const source = readFileSync(EVENTS, 'utf8');
  const names = new Map();
  const pattern = /class (\w+) extends Event \{\s*static readonly eventName = '([\w-]+)'/g;
  for (const [, className, eventName] of source.matchAll(pattern)) names.set(className, eventName);
  return names;
}

/**
 * The analyzer sees `dispatchEvent(new SignedInEvent(…))` and records a nameless event of that
 * type beside the one `@event portico-signed-in` documents: merge them into one named, typed event.
 */
function typedEvents(events, names) {
  const named = events.filter((event) => event.name);
  for (const event of events) {
    if (event.name || !event.type) continue;
    const name = names.get(event.type.text);
    if (!name) continue;
    const documented = named.find((candidate) => candidate.name === name);
    if (documented) documented.type = event.type;
    else named.push({ name, type: event.type });
  }
  for (const event of named) {
    if (event.type) continue;
    for (const [className, name] of names)
      if (name === event.name) event.type = { text: className };
  }
  return named;
}

/** Every element module's code without comments, by path from the project's root. */
function elementSources(dir = 'elements', sources = new Map()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) elementSources(path, sources);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.styles.ts')) {
      const source = readFileSync(path, 'utf8');
      sources.set(path, source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, ''));
    }
  }
  return sources;
}

/** The string literals a constant holds, following the constants its initializer names. */
function constantStrings(sources, name, seen = new Set()) {
  if (seen.has(name)) return [];
  seen.add(name);
  for (const source of sources.values()) {
    const match = source.match(new RegExp(`\\bconst ${name}\\b[^=]*=([\\s\\S]*?);\\s*$`, 'm'));
    if (!match) continue;
    const strings = [...match[1].matchAll(/'([^']*)'/g)].map((literal) => literal[1]);
    for (const [other] of match[1].matchAll(/\b[A-Z][A-Z0-9_]+\b/g)) {
      strings.push(...constantStrings(sources, other, seen));
    }
    return strings;
  }
  return [];
}

/** The modules rendering into an element's shadow root: its own and what it imports, up to other elements. */
function renderedModules(sources, path) {
  const seen = new Set([path]);
  const queue = [path];
  while (queue.length > 0) {
    const file = queue.shift();
    const pattern = /\bimport\s+(type\s+)?(?:[\s\S]*?\sfrom\s+)?'(\.{1,2}\/[^']+\.ts)'/g;
    for (const [, typeOnly, target] of (sources.get(file) ?? '').matchAll(pattern)) {
      const imported = relative('.', join(dirname(file), target));
      if (typeOnly || seen.has(imported) || !sources.has(imported)) continue;
      if (/@customElement\(|customElements\.define\(/.test(sources.get(imported))) continue;
      seen.add(imported);
      queue.push(imported);
    }
  }
  return [...seen];
}

/** `{ inner, part, as }` for each part an element's templates export from the elements inside it. */
function exportedParts(sources, path) {
  const exported = [];
  for (const file of renderedModules(sources, path)) {
    const source = sources.get(file);
    for (const match of source.matchAll(
      /<(portico-[\w-]+)\b[^<]*?\bexportparts=("[^"]*"|\$\{[^}]*\})/g,
    )) {
      const [, inner, value] = match;
      const names = value.startsWith('"')
        ? value.slice(1, -1)
        : [...value.matchAll(/\b[A-Z][A-Z0-9_]+\b/g)]
            .flatMap(([name]) => constantStrings(sources, name))
            .join(',');
      for (const entry of names.split(',')) {
        const [part, as = part] = entry.split(':').map((word) => word.trim());
        if (part) exported.push({ inner, part, as });
      }
    }
  }
  return exported;
}

/**
 * A part exported from an element inside (`exportparts`) is documented where it is rendered: the
 * outer element lists it with the inner element's description, unless its own JSDoc says more.
 */
function inheritExportedParts(elements, sources) {
  for (let changed = true; changed;) {
    changed = false;
    for (const { declaration, path } of elements.values()) {
      const parts = (declaration.cssParts ??= []);
      for (const { inner, part, as } of exportedParts(sources, path)) {
        if (parts.some((own) => own.name === as)) continue;
        const source = elements.get(inner)?.declaration.cssParts?.find((p) => p.name === part);
        if (!source?.description) continue;
        parts.push({ name: as, description: source.description });
        changed = true;
      }
    }
  }
}

const LISTS = {
  csspart: 'cssParts',
  cssprop: 'cssProperties',
  cssproperty: 'cssProperties',
  slot: 'slots',
};

/**
 * Short tags may share a line (`@csspart queue - The queue view. @csspart filters - The filters.`);
 * the analyzer reads a tag per line, so the rest of the line arrives as the first's description.
 */
function splitSharedLines(declaration) {
  for (const key of new Set(Object.values(LISTS))) {
    for (const entry of [...(declaration[key] ?? [])]) {
      const pieces = (entry.description ?? '').split(/\s@(csspart|cssprop(?:erty)?|slot)\s+/);
      if (pieces.length === 1) continue;
      entry.description = pieces[0].trim();
      for (let i = 1; i < pieces.length; i += 2) {
        const match = pieces[i + 1].match(/^([\w-]+)\s*-\s*([\s\S]*)$/);
        if (!match) continue;
        const list = (declaration[LISTS[pieces[i]]] ??= []);
        list.push({ name: match[1], description: match[2].trim() });
      }
    }
  }
}

function porticoPlugin() {
  return {
    name: 'portico',
    packageLinkPhase({ customElementsManifest }) {
      const tokens = globalTokens();
      const names = eventNames();
      const elements = new Map();
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.tagName)
            elements.set(declaration.tagName, { declaration, path: module.path });
        }
      }
      for (const { declaration } of elements.values()) splitSharedLines(declaration);
      inheritExportedParts(elements, elementSources());
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          if (declaration.events) declaration.events = typedEvents(declaration.events, names);
          // `<portico-portal>` renders nothing: the tokens reach the elements inside it.
          if (declaration.superclass?.name === 'HTMLElement') continue;
          const own = (declaration.cssProperties ?? []).filter(
            (property) => !tokens.some((token) => token.name === property.name),
          );
          declaration.cssProperties = [...own, ...tokens.map((token) => ({ ...token }))];
        }
      }
    },
  };
}

export default {
  globs: ['elements/portico-*/*.ts', 'elements/shared/staff-view.ts', EVENTS],
  exclude: ['elements/**/*.styles.ts'],
  outdir: '.',
  // package.json names the manifest once; a run with another --outdir (the manifest test's)
  // must not rewrite it.
  packagejson: false,
  litelement: true,
  plugins: [porticoPlugin()],
};
