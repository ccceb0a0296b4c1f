import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'rollup/parseAst';

export interface FileSize {
  /** Path relative to dist/, e.g. `chunks/index-DaDEriDO.js`. */
  file: string;
  raw: number;
  gzip: number;
  /** Files this one imports statically (`import … from`, `import "…"`, `export … from`). */
  staticImports: string[];
  /** Files this one may load later with `import()`; not counted in a page's first load. */
  dynamicImports: string[];
  /**
   * Whether the customer loader or the staff entry can reach this file at all. Rollup does not empty dist/, so chunks of
   * earlier builds stay beside the current ones until someone deletes them.
   */
  reachable: boolean;
}

export interface PageSize {
  /** The element whose page this is, e.g. `portico-login`. */
  element: string;
  files: string[];
  raw: number;
  gzip: number;
}

/** What one entry (the customer loader or the staff console) may ever download. */
export interface EntrySize {
  entry: string;
  files: string[];
  raw: number;
  gzip: number;
}

export interface SizeReport {
  files: FileSize[];
  pages: PageSize[];
  /** The customer loader with every element it can load: all a customer page could fetch. */
  customer: EntrySize;
  /** The staff console with every view it loads. */
  staff: EntrySize;
  /** Files in both; none while the two are built apart (see rollup.config.ts). */
  shared: EntrySize;
}

const LOADER = 'portico.js';
const STAFF = 'staff.js';

/**
 * Sizes every shipped module of the bundle and what a page that uses one element downloads:
 * the loader and its static imports, then the element's chunk and its static imports.
 */
export function measureSizes(distDir: string, elements: readonly string[]): SizeReport {
  const names = [
    LOADER,
    STAFF,
    ...readdirSync(join(distDir, 'chunks'))
      .filter((name) => name.endsWith('.js'))
      .sort()
      .map((name) => `chunks/${name}`),
  ];
  const measured = names.map((file) => measureFile(distDir, file));
  const byName = new Map(measured.map((entry) => [entry.file, entry]));
  const reachable = new Set(closure([LOADER, STAFF], byName, { dynamic: true }));
  const files = measured.map((entry) => ({ ...entry, reachable: reachable.has(entry.file) }));

  const pages = elements.map((element) => {
    // The element's chunk is the current one the loader imports, not a stale namesake.
    const chunk = [...reachable].find((file) => basename(file).startsWith(`${element}-`));
    if (!chunk) throw new Error(`dist/portico.js does not load a chunk for <${element}>.`);
    const loaded = closure([LOADER, chunk], byName, { dynamic: false });
    const sizes = loaded.map((file) => byName.get(file)!);
    return {
      element,
      files: loaded,
      raw: sizes.reduce((sum, entry) => sum + entry.raw, 0),
      gzip: sizes.reduce((sum, entry) => sum + entry.gzip, 0),
    };
  });
  const entry = (name: string, list: string[]): EntrySize => {
    const sizes = list.map((file) => byName.get(file)!);
    return {
      entry: name,
      files: list,
      raw: sizes.reduce((sum, file) => sum + file.raw, 0),
      gzip: sizes.reduce((sum, file) => sum + file.gzip, 0),
    };
  };
  const customer = closure([LOADER], byName, { dynamic: true });
  const staff = closure([STAFF], byName, { dynamic: true });
  const shared = staff.filter((file) => customer.includes(file));
  return {
    files,
    pages,
    customer: entry(LOADER, customer),
    staff: entry(STAFF, staff),
    shared: entry('shared', shared),
  };
}

function measureFile(distDir: string, file: string): Omit<FileSize, 'reachable'> {
  const bytes = readFileSync(join(distDir, file));
  const { staticSpecifiers, dynamicSpecifiers } = importsOf(bytes.toString('utf8'));
  const toDistPath = (specifier: string) =>
    relative(distDir, resolve(dirname(join(distDir, file)), specifier));
  return {
    file,
    raw: bytes.byteLength,
    gzip: gzipSync(bytes, { level: 9 }).byteLength,
    staticImports: staticSpecifiers.filter(isRelative).map(toDistPath),
    dynamicImports: dynamicSpecifiers.filter(isRelative).map(toDistPath),
  };
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

/**
 * Reads module specifiers from the parsed program rather than with a regular expression, so
 * strings and template literals that merely contain `import"` are not mistaken for imports.
 * `export {x} from "./y.js"` counts as static: the loader reaches its shared chunk that way.
 */
function importsOf(code: string): { staticSpecifiers: string[]; dynamicSpecifiers: string[] } {
  const program = parseAst(code);
  const staticSpecifiers: string[] = [];
  for (const node of program.body) {
    if (
      node.type === 'ImportDeclaration' ||
      node.type === 'ExportAllDeclaration' ||
      (node.type === 'ExportNamedDeclaration' && node.source)
    ) {
      const value = node.source?.value;
      if (typeof value === 'string') staticSpecifiers.push(value);
    }
  }
  const dynamicSpecifiers: string[] = [];
  walk(program, (node) => {
    if (node.type !== 'ImportExpression') return;
    const source = node.source as { type?: string; value?: unknown };
    if (source.type === 'Literal' && typeof source.value === 'string') {
      dynamicSpecifiers.push(source.value);
    }
  });
  return { staticSpecifiers, dynamicSpecifiers };
}

interface AnyNode {
  type: string;
  [key: string]: unknown;
}

function walk(node: unknown, visit: (node: AnyNode) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  if (typeof (node as AnyNode).type === 'string') visit(node as AnyNode);
  for (const value of Object.values(node)) {
    if (value && typeof value === 'object') walk(value, visit);
  }
}

/** The entry files and everything they import (statically, or also dynamically), in load order. */
function closure(
  entries: readonly string[],
  byName: Map<string, Omit<FileSize, 'reachable'>>,
  { dynamic }: { dynamic: boolean },
): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const entry = byName.get(file);
    if (!entry) throw new Error(`${file} is imported but is not in dist/.`);
    seen.add(file);
    for (const imported of entry.staticImports) visit(imported);
    if (dynamic) for (const imported of entry.dynamicImports) visit(imported);
  };
  for (const file of entries) visit(file);
  return [...seen];
}
