import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PROCEDURES, primaryActor, routerProcedures, type Kind } from '../support/procedures.ts';
import { batchAnswers, batchBody, subscribeJson, type Answer } from '../support/calls.ts';
import {
  badInputs,
  batches,
  inPool,
  leaksIn,
  rawRequest,
  SEED,
  streamSpoke,
  unsafe,
  type RawAnswer,
} from '../support/fuzz.ts';
import { rowCounts } from '../support/snapshot.ts';
import { png } from '../support/files.ts';
import { MAX_UPLOAD_BYTES } from '../../backend/file/file.inspect.ts';
import type { TestClient } from '../support/portico.ts';
import { buildWorld, clientOf, type World } from '../support/world.ts';

const PER_PROCEDURE = 1_000;
/**
 * The tables a refused or read-only call may still write to: the help centre's record of
 * searches that found nothing, and the security activity of sign-ins.
 */
const LOGGING_TABLES = ['helpSearchMiss', 'securityEvent'];
/**
 * Mutations that declare no input and so run whatever is sent (`ignoresInput`): sent by a
 * customer with one session and alone in the account, for whom running changes nothing.
 */
const ignoresInput = (path: string) => Boolean(PROCEDURES[path]?.ignoresInput);

const crashes: unknown[] = [];
const keep = (error: unknown) => crashes.push(error);
process.on('unhandledRejection', keep);
process.on('uncaughtException', keep);

type Reply = Pick<Answer, 'status' | 'outcome' | 'text'>;

/** Everything wrong with one answer; `refuse` when the input could not have been valid. */
function faults(reply: Reply, refuse: boolean): string[] {
  const found: string[] = [];
  if (reply.status >= 500 || reply.status === 0) found.push(`HTTP ${reply.status}`);
  if (reply.outcome === 'INTERNAL_SERVER_ERROR') found.push('INTERNAL_SERVER_ERROR');
  if (refuse && (reply.outcome === 'OK' || reply.outcome === 'TIMEOUT')) found.push('accepted');
  for (const pattern of leaksIn(reply.text)) found.push(`shows ${pattern}`);
  return found.length ? [`${found.join(', ')}: ${reply.text.slice(0, 300)}`] : [];
}

function rawReply(answer: RawAnswer): Reply {
  const { status, text } = answer;
  const sse = /^event: serialized-error\ndata: (.*)$/m.exec(text);
  if (sse) {
    const shape = JSON.parse(sse[1]!) as { data?: { code?: string } };
    return { status, outcome: shape.data?.code ?? `HTTP ${status}`, text };
  }
  if (streamSpoke(text)) return { status, outcome: 'OK', text };
  return batchAnswers(status, text)[0]!;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A tRPC batch over plain HTTP, so a body refused for its size is an answer, not an error. */
async function sendBatch(client: TestClient, path: string, inputs: (string | undefined)[]) {
  const body = batchBody(inputs);
  const { status, text } = await rawRequest(
    client,
    `/api/trpc/${inputs.map(() => path).join(',')}?batch=1`,
    // A body past the limit is refused unread, which leaves the connection unusable.
    {
      headers: { 'content-type': 'application/json' },
      body,
      alone: Buffer.byteLength(body) > 200_000,
    },
  );
  return { status, text, answers: batchAnswers(status, text) };
}

/** Requests broken below the level of JSON values: bytes, encodings, types, methods, sizes. */
function transportCases(path: string, kind: Kind, base: unknown) {
  const url = `/api/trpc/${path}`;
  const invalid = JSON.stringify({ ...(isObject(base) ? base : {}), _fuzz: 1 });
  const json = { 'content-type': 'application/json' };
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(
      parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))),
    );
  const cases: {
    name: string;
    path?: string;
    method?: string;
    headers?: Record<string, string>;
    body?: Uint8Array | string | (Uint8Array | string)[];
    origin?: string | null;
    /** A valid request after all (a subscription whose input has a default). */
    mayPass?: boolean;
  }[] = [
    { name: 'truncated JSON', headers: json, body: invalid.slice(0, -1) },
    { name: 'trailing garbage', headers: json, body: `${invalid}}}` },
    { name: 'single quotes', headers: json, body: "{'a': 1}" },
    {
      name: 'invalid UTF-8',
      headers: json,
      body: bytes('{"_fuzz":"', [0xff, 0xfe, 0xc0, 0xaf], '"}'),
    },
    {
      name: 'lone surrogate bytes',
      headers: json,
      body: bytes('{"_fuzz":"', [0xed, 0xa0, 0x80], '"}'),
    },
    { name: 'NUL bytes', headers: json, body: bytes([0, 0, 0, 0]) },
    { name: 'byte order mark', headers: json, body: `\ufeff${invalid}` },
    {
      name: 'two __proto__ keys',
      headers: json,
      body: '{"__proto__":{"isAdmin":true},"__proto__":{"polluted":"yes"},"_fuzz":1}',
    },
    { name: 'a number of 200,000 digits', headers: json, body: '1'.repeat(200_000) },
    { name: 'an exponent past infinity', headers: json, body: '1e999' },
    {
      name: '100,000 nested arrays',
      headers: json,
      body: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    },
    { name: 'over the body limit', headers: json, body: `"${'a'.repeat(300_000)}"` },
    {
      name: 'over the body limit, without a length',
      headers: json,
      body: Array.from({ length: 30 }, () => 'a'.repeat(10_000)),
    },
    { name: 'text/plain', headers: { 'content-type': 'text/plain' }, body: invalid },
    {
      name: 'a form',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1&__proto__[isAdmin]=1',
    },
    {
      name: 'multipart without boundary',
      headers: { 'content-type': 'multipart/form-data' },
      body: '--x\r\n',
    },
    {
      name: 'broken multipart',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--y',
    },
    {
      name: 'multipart fields',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\nb\r\n--x--\r\n',
    },
    {
      name: 'octet-stream',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes([0x7f, 1, 2, 3, 0xff]),
    },
    {
      name: 'UTF-16 JSON',
      headers: { 'content-type': 'application/json; charset=utf-16' },
      body: Buffer.from(invalid, 'utf16le'),
    },
    { name: 'no content type', body: invalid },
    { name: 'no origin', headers: json, body: invalid, origin: null },
    { name: 'a foreign origin', headers: json, body: invalid, origin: 'https://evil.example' },
    { name: 'PUT', method: 'PUT', headers: json, body: invalid },
    { name: 'DELETE', method: 'DELETE' },
    { name: 'GET, input not JSON', method: 'GET', path: `${url}?input=%7B` },
    { name: 'GET, input bad percent-encoding', method: 'GET', path: `${url}?input=%ff%fe%` },
    { name: 'GET, URL too long', method: 'GET', path: `${url}?input=${'a'.repeat(40_000)}` },
    { name: 'GET, batch input not an object', method: 'GET', path: `${url}?batch=1&input=%5B1%5D` },
    { name: 'GET, no input', method: 'GET', path: url, mayPass: true },
    { name: 'NUL in the path', headers: json, body: invalid, path: `${url}%00` },
    { name: 'path with a slash', headers: json, body: invalid, path: `${url}/` },
    {
      name: 'two paths, no batch flag',
      headers: json,
      body: invalid,
      path: `${url},${url.slice(10)}`,
    },
  ];
  if (kind === 'subscription') {
    cases.push({
      name: 'a long last-event-id',
      method: 'GET',
      path: `${url}?input=%7B%7D`,
      headers: { accept: 'text/event-stream', 'last-event-id': 'x'.repeat(5_000) },
    });
  }
  return cases;
}

function multipart(parts: { name: string; filename?: string; content: Uint8Array | string }[]) {
  const boundary = 'fuzz-boundary-7MA4YWxkTrZu0gW';
  const chunks = parts.flatMap((part) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${
        part.filename === undefined ? '' : `; filename="${part.filename}"`
      }\r\n\r\n`,
    ),
    Buffer.from(part.content),
    Buffer.from('\r\n'),
  ]);
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
  };
}

/** Files that must each be refused: empty, markup, unknown bytes, misnamed, too large. */
function badUploads() {
  const name = fc
    .string({ unit: 'binary', maxLength: 300 })
    .filter((text) => !unsafe(text) && !/[/\\"\r\n]/.test(text));
  const content = fc.constantFrom<[string, Uint8Array | string, string]>(
    ['empty', '', ''],
    ['markup', '<svg onload="alert(1)"></svg>', ''],
    ['html', '  <html><body>x</body></html>', ''],
    ['script in text', 'see <script>alert(1)</script>', ''],
    ['unknown bytes', Buffer.from([0x7f, 1, 2, 3, 0xfe, 0xff, 0, 0x10]), ''],
    ['text named as an image', 'plain words', '.png'],
    ['an image named as a PDF', png(), '.pdf'],
  );
  const generated = fc
    .sample(fc.tuple(name, content), { seed: SEED, numRuns: 80 })
    .map(([raw, [kind, bytes, extension]]) => ({
      kind,
      ...multipart([{ name: 'file', filename: `n${raw}${extension}`, content: bytes }]),
    }));
  const text = 'plain words';
  return [
    ...generated,
    { kind: 'no file field', ...multipart([{ name: 'files', filename: 'a.txt', content: text }]) },
    { kind: 'file as a plain field', ...multipart([{ name: 'file', content: text }]) },
    {
      kind: 'two files',
      ...multipart([
        { name: 'file', filename: 'a.txt', content: text },
        { name: 'file', filename: 'b.txt', content: text },
      ]),
    },
    {
      kind: 'an extra field',
      ...multipart([
        { name: 'file', filename: 'a.txt', content: text },
        { name: 'accountId', content: 'someone-else' },
      ]),
    },
    {
      kind: 'one byte over the file limit',
      ...multipart([
        { name: 'file', filename: 'big.txt', content: 'a'.repeat(MAX_UPLOAD_BYTES + 1) },
      ]),
    },
    {
      kind: 'over the upload body limit',
      ...multipart([
        { name: 'file', filename: 'huge.txt', content: 'a'.repeat(MAX_UPLOAD_BYTES + 200_000) },
      ]),
    },
  ];
}

describe('fuzzing: a thousand bad inputs to every procedure, and broken requests', () => {
  let w: World;
  let loner: TestClient;
  const bases = new Map<string, unknown>();
  let baseline: Record<string, number>;

  const callerOf = (path: string) =>
    ignoresInput(path) ? loner : clientOf(w, primaryActor(PROCEDURES[path]!));

  before(async () => {
    w = await buildWorld();
    loner = await w.portico.personWithSession({ email: 'lone@solo.test', name: 'Lone Customer' });
    for (const { path } of routerProcedures()) {
      const entry = PROCEDURES[path];
      if (entry?.input && path !== 'file.upload') {
        bases.set(path, await entry.input(w, primaryActor(entry)));
      }
    }
    baseline = await rowCounts(w.portico.services, LOGGING_TABLES);
  });
  after(async () => {
    process.off('unhandledRejection', keep);
    process.off('uncaughtException', keep);
    await w.portico.close();
  });

  routerProcedures().forEach(({ path, kind }, index) => {
    it(`${path}: ${PER_PROCEDURE} bad inputs and broken requests`, async (t) => {
      assert.ok(PROCEDURES[path], `${path} has no entry in test/support/procedures.ts`);
      const client = callerOf(path);
      const base = bases.get(path);
      const refuse = kind !== 'query' && !ignoresInput(path);
      const variants = badInputs(base, PER_PROCEDURE, SEED + index, kind !== 'query');
      assert.equal(variants.length, PER_PROCEDURE);
      const before = await rowCounts(w.portico.services, LOGGING_TABLES);
      const found: string[] = [];
      const outcomes = new Map<string, number>();
      const tally = (answer: Reply) =>
        outcomes.set(answer.outcome, (outcomes.get(answer.outcome) ?? 0) + 1);

      if (kind === 'subscription') {
        await inPool(variants, 8, async (variant) => {
          const answer = await subscribeJson(client, path, variant.json, 3_000);
          tally(answer);
          found.push(...faults(answer, refuse).map((fault) => `${variant.kind}: ${fault}`));
        });
      } else {
        await inPool(batches(variants), 4, async (group) => {
          const { status, answers, text } = await sendBatch(
            client,
            path,
            group.map((v) => v.json),
          );
          if (status >= 500 || status === 0)
            found.push(`batch HTTP ${status}: ${text.slice(0, 300)}`);
          answers.forEach((answer, i) => {
            const label = group[answers.length === group.length ? i : 0]!.kind;
            tally(answer);
            found.push(...faults(answer, refuse).map((fault) => `${label}: ${fault}`));
          });
        });
      }
      const cases = transportCases(path, kind, base);
      await inPool(cases, 4, async ({ name, path: at, mayPass, ...init }) => {
        const answer = rawReply(
          await rawRequest(client, at ?? `/api/trpc/${path}`, { ...init, alone: true }),
        );
        const oversize = name.startsWith('over the body limit') && answer.status === 0;
        const refused = refuse && !mayPass;
        if (!oversize) found.push(...faults(answer, refused).map((fault) => `${name}: ${fault}`));
      });
      if (path === 'file.upload') {
        await inPool(badUploads(), 4, async ({ kind: name, ...init }) => {
          const answer = rawReply(
            await rawRequest(client, '/api/trpc/file.upload', { ...init, alone: true }),
          );
          if (name.startsWith('over the upload') && answer.status === 0) return;
          found.push(...faults(answer, true).map((fault) => `${name}: ${fault}`));
        });
      }

      t.diagnostic([...outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(', '));
      assert.deepEqual([...new Set(found)].slice(0, 20), [], `${path} answered badly`);
      assert.deepEqual(await rowCounts(w.portico.services, LOGGING_TABLES), before, 'rows changed');
    });
  });

  it('answers oversized and odd batches without a server error', async (t) => {
    const owner = w.a.owner.client;
    const timed = async (label: string, send: () => Promise<Reply[]>) => {
      const started = performance.now();
      const replies = await send();
      t.diagnostic(`${label}: ${Math.round(performance.now() - started)} ms`);
      return replies.flatMap((reply) => faults(reply, false).map((fault) => `${label}: ${fault}`));
    };
    const repeated = async (path: string, count: number, json: string | undefined) =>
      (
        await sendBatch(
          owner,
          path,
          Array.from({ length: count }, () => json),
        )
      ).answers;
    const found = [
      ...(await timed('500 × session.me', () => repeated('session.me', 500, undefined))),
      ...(await timed('1000 × ticket.list', () => repeated('ticket.list', 1000, '{}'))),
      ...(await timed('300 × help.search', () => repeated('help.search', 300, '{"q":"descale"}'))),
      ...(await timed('800 × order.place, invalid', () =>
        repeated('order.place', 800, '{"_fuzz":1}'),
      )),
      ...(await timed('mixed kinds', async () => [
        rawReply(
          await rawRequest(owner, '/api/trpc/session.me,order.place?batch=1', { body: '{}' }),
        ),
      ])),
      ...(await timed('subscriptions in a batch', async () => [
        rawReply(
          await rawRequest(owner, '/api/trpc/ticket.onUpdate,ticket.onUpdate?batch=1', {
            method: 'GET',
          }),
        ),
      ])),
      ...(await timed('200 unknown paths', () => repeated('no.such', 200, '{}'))),
      ...(await timed('3000 paths in the URL', async () => [
        rawReply(
          await rawRequest(owner, `/api/trpc/${Array(3000).fill('session.me').join(',')}?batch=1`, {
            method: 'GET',
          }),
        ),
      ])),
      ...(await timed('batch bodies that are not objects', async () =>
        Promise.all(
          ['[]', '"x"', '{"0":', 'null', '{"__proto__":{"isAdmin":true}}'].map(async (body) =>
            rawReply(
              await rawRequest(owner, '/api/trpc/ticket.list,ticket.list?batch=1', {
                headers: { 'content-type': 'application/json' },
                body,
              }),
            ),
          ),
        ),
      )),
    ];
    assert.deepEqual(found, []);
  });

  it('refuses a batch of more calls than the elements ever send', async () => {
    const { status, answers } = await sendBatch(
      w.a.owner.client,
      'ticket.list',
      Array.from({ length: 51 }, () => '{}'),
    );
    assert.equal(status, 400);
    assert.equal(answers[0]!.outcome, 'BAD_REQUEST');
  });

  it('changed no table, crashed nothing and polluted no prototype', async () => {
    assert.deepEqual(await rowCounts(w.portico.services, LOGGING_TABLES), baseline);
    assert.deepEqual(crashes, []);
    const probe = {} as Record<string, unknown>;
    assert.equal(probe.isAdmin, undefined);
    assert.equal(probe.polluted, undefined);
  });
});
