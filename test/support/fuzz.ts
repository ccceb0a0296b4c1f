import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { TEST_ORIGIN, type TestClient } from './portico.ts';

/** The one seed every generated input comes from, so each run sends exactly the same. */
export const SEED = 20_261_122;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What must never reach a response: stack frames, source positions, SQL and the server's own
 * paths. Generated inputs never contain these, so a match came from the server.
 */
export const LEAKS: readonly RegExp[] = [
  /\n\s+at\s/,
  /\bat (?:async )?\S+ \(\S+:\d+:\d+\)/,
  /\.[cm]?[jt]s:\d+/,
  /\bSELECT\s/,
  /\bINSERT\s/,
  /sqlite/i,
  /SQLITE_/,
  /node_modules|node:internal|file:\/\//,
  new RegExp(escape(process.cwd())),
  new RegExp(escape(tmpdir())),
];

const UNSAFE = new RegExp(
  `select|insert|sqlite|\\.[cm]?[jt]s:|\\bat\\s|node_modules|node:|file:|${escape(process.cwd())}|${escape(tmpdir())}`,
  'i',
);

/** Whether generated text could be mistaken for a leak when a response echoes it. */
export const unsafe = (text: string) => UNSAFE.test(text);

export const leaksIn = (text: string) => LEAKS.filter((pattern) => pattern.test(text));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];
/** A generated input, as the JSON text sent (it may hold nesting JSON.stringify cannot make). */
export interface Variant {
  kind: string;
  json: string;
}

const DEEP = '\u0001deep\u0001';

/** Mostly from `min` to `usual`, now and then up to `max`. */
const sized = (min: number, usual: number, max: number) =>
  fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min, max: usual }) },
    { weight: 1, arbitrary: fc.integer({ min: usual, max }) },
  );

const weirdStrings = [
  '\ud800',
  '\udfff',
  'a\ud800b\udc00',
  '\u0000',
  'nul\u0000byte',
  '\u202egnp.exe',
  '\u2028\u2029',
  '\ufeff',
  'e\u0301\u0301\u0301',
  '🙂'.repeat(50),
  "' OR 1=1 --",
  '"; DROP TABLE user; --',
  '%00%ff',
  '../../../../etc/passwd',
  '{{7*7}}',
  '${7*7}',
  '<script>alert(1)</script>',
  '\\',
  '"',
  '*',
  'NEAR(a b)',
  'descale OR',
  '^x',
  'title:x',
  '(',
  ')',
  'AND',
  '-x',
  'x*',
  ' ',
  '',
  'null',
  'NaN',
  '0x10',
  '1e308',
  '2026-02-30',
  '9999-99-99',
];
const weirdNumbers = [-1, 0, 0.5, 1.5, -0.000001, 1e308, -1e308, 2 ** 53 + 2, 2 ** 31, 1e-300];

const safe = (arbitrary: fc.Arbitrary<string>) => arbitrary.filter((text) => !unsafe(text));

const weirdString = fc.oneof(
  fc.constantFrom(...weirdStrings),
  safe(fc.string({ unit: 'binary', maxLength: 200 })),
  safe(fc.string({ unit: 'grapheme', maxLength: 200 })),
  fc.nat(3000).map((n) => 'x'.repeat(n)),
);
const weirdNumber = fc.constantFrom(...weirdNumbers);
const anyJson = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
const key = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    '__defineGetter__',
    'then',
  ),
  safe(fc.string({ minLength: 1, maxLength: 12 })).map((name) => `_${name}`),
);

const ofType: Record<string, fc.Arbitrary<Json>> = {
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), weirdNumber),
  string: weirdString,
  boolean: fc.boolean(),
  array: fc.array(anyJson, { maxLength: 5 }),
  object: fc.array(fc.tuple(key, anyJson), { maxLength: 4 }).map(objectOf),
};

const typeOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** A value of a JSON type other than `value`'s (never null: some fields may be null). */
const otherType = (value: unknown) =>
  fc.oneof(
    ...Object.keys(ofType).flatMap((type) => (type === typeOf(value) ? [] : [ofType[type]!])),
  );

/** An object with these entries as its own properties, `__proto__` included. */
function objectOf(entries: [string, Json][]): { [key: string]: Json } {
  const object: { [key: string]: Json } = {};
  for (const [name, value] of entries) {
    Object.defineProperty(object, name, { value, enumerable: true, writable: true });
  }
  return object;
}

function pathsOf(value: unknown, at: Path = []): Path[] {
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  return children.flatMap(([name, child]) => [[...at, name], ...pathsOf(child, [...at, name])]);
}

const valueAt = (root: unknown, path: Path) =>
  path.reduce<unknown>((node, name) => (node as Record<string, unknown>)[name], root);

/** A copy of `root` with the node at `path` replaced (the root itself for `[]`). */
function replaced(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root);
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string, unknown>;
  Object.defineProperty(parent, path.at(-1)!, { value, enumerable: true, writable: true });
  return copy;
}

/** A copy of `root` with an extra property on the object at `path`. */
const added = (root: unknown, path: Path, name: string, value: unknown) =>
  replaced(root, [...path, name], value);

function deepText(depth: number, shape: 'array' | 'object'): string {
  return shape === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const render = (kind: string, value: unknown, deep?: string): Variant => {
  const json = JSON.stringify(value) ?? 'null';
  return { kind, json: deep ? json.replace(JSON.stringify(DEEP), deep) : json };
};

/**
 * Bad inputs made from a valid one: the wrong type at the top or at any field, unknown and
 * prototype-polluting keys, strings past any limit, deep nesting, huge arrays, and (with
 * `guarded` false, for procedures that only read) odd strings and numbers in every field.
 * With `guarded` every input also carries an unknown key, so none can be valid.
 */
export function badInputs(base: unknown, count: number, seed: number, guarded: boolean): Variant[] {
  const root = base ?? {};
  const paths = pathsOf(root);
  const objects: Path[] = [[], ...paths.filter((path) => typeOf(valueAt(root, path)) === 'object')];
  const arrays = paths.filter((path) => Array.isArray(valueAt(root, path)));
  const anyPath = fc.constantFrom<Path>([], ...paths);
  const guard = (value: unknown) => (guarded ? added(value, [], '_fuzz', 1) : value);

  const kinds: fc.WeightedArbitrary<Variant>[] = [
    {
      weight: 10,
      arbitrary: fc
        .oneof(ofType.number!, ofType.string!, ofType.boolean!, ofType.array!, fc.constant(null))
        .map((value) => render('top-level type', value)),
    },
    {
      weight: 15,
      arbitrary: fc
        .tuple(fc.constantFrom(...objects), key, anyJson)
        .map(([at, name, value]) => render('unknown key', added(root, at, name, value))),
    },
    {
      weight: 5,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...objects),
          fc.constantFrom(
            ['__proto__', { isAdmin: true, polluted: 'yes' }],
            ['constructor', { prototype: { polluted: 'yes' } }],
            ['prototype', { polluted: 'yes' }],
          ),
        )
        .map(([at, [name, value]]) => render('pollution', added(root, at, name, value))),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(anyPath, sized(100_001, 150_000, 300_000), fc.constantFrom('a', 'é', '😀'))
        .map(([at, length, unit]) =>
          render('huge string', replaced(root, at, unit.repeat(Math.ceil(length / unit.length)))),
        ),
    },
    {
      weight: 4,
      arbitrary: fc
        .tuple(anyPath, sized(32, 2_000, 40_000), fc.constantFrom('array', 'object'))
        .map(([at, depth, shape]) =>
          render('deep nesting', replaced(root, at, DEEP), deepText(depth, shape)),
        ),
    },
  ];
  if (paths.length) {
    kinds.push({
      weight: 30,
      arbitrary: fc
        .constantFrom(...paths)
        .chain((at) => otherType(valueAt(root, at)).map((value) => replaced(root, at, value)))
        .map((value) => render('wrong type', value)),
    });
  }
  if (arrays.length) {
    kinds.push({
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...arrays), sized(101, 300, 5_000))
        .map(([at, length]) => {
          const first = (valueAt(root, at) as unknown[])[0] ?? 0;
          return render(
            'huge array',
            replaced(
              root,
              at,
              Array.from({ length }, () => first),
            ),
          );
        }),
    });
  }
  const leaves = paths.filter((path) => ['string', 'number'].includes(typeOf(valueAt(root, path))));
  if (leaves.length) {
    kinds.push({
      weight: 30,
      arbitrary: fc
        .subarray(leaves, { minLength: 1, maxLength: Math.min(3, leaves.length) })
        .chain((chosen) =>
          fc.tuple(
            fc.constant(chosen),
            fc.tuple(
              ...chosen.map((at) =>
                typeOf(valueAt(root, at)) === 'string' ? weirdString : weirdNumber,
              ),
            ),
          ),
        )
        .map(([chosen, values]) => {
          const odd = structuredClone(root);
          values.forEach((value, i) => {
            const at = chosen[i]!;
            (valueAt(odd, at.slice(0, -1)) as Record<string, unknown>)[at.at(-1)!] = value;
          });
          return render('odd values', guard(odd));
        }),
    });
  }
  const sampled = fc.sample(fc.oneof(...kinds), { seed, numRuns: count + 100 });
  return sampled.filter((variant) => !unsafe(variant.json)).slice(0, count);
}

/** Runs `work` over `items`, `size` at a time. */
export async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

/** Groups variants into batches of at most `items` calls and `bytes` of body. */
export function batches(variants: Variant[], items = 40, bytes = 200_000): Variant[][] {
  const groups: Variant[][] = [];
  let group: Variant[] = [];
  let size = 0;
  for (const variant of variants) {
    const length = Buffer.byteLength(variant.json);
    if (group.length && (group.length >= items || size + length > bytes)) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(variant);
    size += length;
  }
  if (group.length) groups.push(group);
  return groups;
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

export interface RawAnswer {
  status: number;
  text: string;
}

/** Whether a server-sent event stream has said something beyond `connected`. */
export const streamSpoke = (text: string) =>
  text
    .split('\n\n')
    .slice(0, -1)
    .some((block) => /^data:/m.test(block) && !/^event: connected/m.test(block));

/**
 * One HTTP request exactly as given (any method, headers and bytes, a body in chunks without a
 * length), with the client's cookies and origin. A server that answers and hangs up before the
 * whole body was sent still counts as answering; an event stream is read to its first event.
 * No answer within the time is status 0.
 */
export function rawRequest(
  client: TestClient,
  path: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: Uint8Array | string | (Uint8Array | string)[];
    origin?: string | null;
    /** On a connection of its own, closed after: for requests that may leave it unusable. */
    alone?: boolean;
  } = {},
  timeoutMs = 10_000,
): Promise<RawAnswer> {
  const url = new URL(path, client.baseUrl);
  const headers: Record<string, string> = { ...init.headers };
  const origin = init.origin === undefined ? TEST_ORIGIN : init.origin;
  if (origin) headers.origin = origin;
  if (client.cookies.size) {
    headers.cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  if (init.alone) headers.connection = 'close';
  const chunks = Array.isArray(init.body) ? init.body : init.body === undefined ? [] : [init.body];
  if (!Array.isArray(init.body) && init.body !== undefined) {
    headers['content-length'] = String(Buffer.byteLength(init.body));
  }
  return send(url, headers, init, chunks, timeoutMs, true);
}

function send(
  url: URL,
  headers: Record<string, string>,
  init: { method?: string; alone?: boolean },
  chunks: (Uint8Array | string)[],
  timeoutMs: number,
  mayRetry: boolean,
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    let status = 0;
    const parts: Buffer[] = [];
    const finish = (hangUp: boolean) => {
      clearTimeout(timer);
      resolve({ status, text: Buffer.concat(parts).toString() });
      if (hangUp) req.destroy();
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    const req = request(
      url,
      {
        method: init.method ?? 'POST',
        headers,
        agent: init.alone ? false : agent,
        path: `${url.pathname}${url.search}`,
      },
      (res) => {
        status = res.statusCode ?? 0;
        const stream = res.headers['content-type']?.startsWith('text/event-stream');
        res.on('data', (part: Buffer) => {
          parts.push(part);
          if (stream && streamSpoke(Buffer.concat(parts).toString())) finish(true);
        });
        res.on('end', () => finish(false));
        res.on('error', () => finish(true));
      },
    );
    req.on('error', (error) => {
      // A kept-alive connection the server closed as it was reused: the request never arrived.
      if (!status && mayRetry && req.reusedSocket) {
        clearTimeout(timer);
        resolve(send(url, headers, init, chunks, timeoutMs, false));
        return;
      }
      if (!status) parts.push(Buffer.from(String(error)));
      finish(true);
    });
    let index = 0;
    const write = () => {
      while (index < chunks.length) {
        if (!req.write(chunks[index++]!)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}
