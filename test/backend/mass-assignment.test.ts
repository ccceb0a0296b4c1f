import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  expectedOutcome,
  PROCEDURES,
  primaryActor,
  routerProcedures,
  Upload,
} from '../support/procedures.ts';
import { batch, call } from '../support/calls.ts';
import { changedTables, contents } from '../support/snapshot.ts';
import { inputSchema, lenientObjects, topLevelKeys } from '../support/schemas.ts';
import { buildWorld, clientOf, type World } from '../support/world.ts';

/** Fields a client might slip in to set what only the server decides. */
const forged = (w: World): Record<string, unknown> => ({
  id: 'forged-0123456789',
  accountId: w.b.account.id,
  account: { id: w.b.account.id, name: 'Forged' },
  organizationId: w.b.account.id,
  userId: w.b.owner.userId,
  ownerId: w.b.owner.userId,
  authorId: w.b.owner.userId,
  status: 'paid',
  price: 0,
  priceMinor: 0,
  unitPrice: 0,
  total: 0,
  amount: 1,
  role: 'admin',
  isAdmin: true,
  internal: true,
  createdAt: '2000-01-01T00:00:00.000Z',
  ...(JSON.parse('{"__proto__":{"role":"admin","isAdmin":true}}') as object),
  constructor: { prototype: { isAdmin: true } },
});

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every plain object nested in the input, as a path of keys. */
function nestedObjects(value: unknown, at: string[] = []): string[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => nestedObjects(item, [...at, `${i}`]));
  if (!isPlainObject(value)) return [];
  return [
    ...(at.length ? [at] : []),
    ...Object.entries(value).flatMap(([key, inner]) => nestedObjects(inner, [...at, key])),
  ];
}

/** A copy of `input` with `extra`'s fields added to the object at `path`. */
function withFields(input: unknown, path: string[], extra: Record<string, unknown>): unknown {
  const copy = structuredClone(input) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (const key of path) target = target[key] as Record<string, unknown>;
  for (const [key, value] of Object.entries(extra)) {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true });
  }
  return copy;
}

/**
 * The input with forged fields: each alone at the top, all together, and a few in every nested
 * object. Fields the procedure declares are left out: those are its own to validate.
 */
function variants(path: string, input: unknown, fields: Record<string, unknown>): unknown[] {
  const declared = topLevelKeys(inputSchema(path));
  const base = input ?? {};
  const undeclared = Object.fromEntries(
    Object.entries(fields).filter(
      ([key]) => !declared.has(key) && !Object.prototype.hasOwnProperty.call(base, key),
    ),
  );
  const nested = { accountId: fields.accountId, price: 0, id: 'forged-0123456789' };
  return [
    ...Object.entries(undeclared).map(([key, value]) => withFields(base, [], { [key]: value })),
    withFields(base, [], undeclared),
    ...nestedObjects(base).map((at) => withFields(base, at, nested)),
  ];
}

describe('mass assignment: no mutation takes a field it does not declare', () => {
  let w: World;

  before(async () => {
    w = await buildWorld();
  });
  after(() => w.portico.close());

  it('declares every object of every input strict (z.strictObject)', () => {
    const lenient = routerProcedures().flatMap(({ path }) =>
      lenientObjects(inputSchema(path)).map((at) => `${path} ${at}`),
    );
    assert.deepEqual(lenient, []);
  });

  const mutations = routerProcedures()
    .filter(({ kind }) => kind === 'mutation')
    .map(({ path }) => [path, PROCEDURES[path]!] as const)
    .sort(([, a], [, b]) => Number(a?.last ?? false) - Number(b?.last ?? false));

  for (const [path, entry] of mutations) {
    it(path, { todo: entry?.ignoresInput }, async () => {
      assert.ok(entry, `${path} has no entry in test/support/procedures.ts`);
      const actor = primaryActor(entry);
      const client = clientOf(w, actor);
      const input = entry.input ? await entry.input(w, actor) : undefined;
      const { services } = w.portico;
      const before = await contents(services);
      const answers =
        input instanceof Upload
          ? await Promise.all(
              ['accountId', 'userId', 'name'].map((field) =>
                call(
                  client,
                  path,
                  'mutation',
                  new Upload(input.bytes, input.name, { [field]: 'x' }),
                ),
              ),
            )
          : (
              await batch(
                client,
                path,
                variants(path, input, forged(w)).map((variant) => JSON.stringify(variant)),
              )
            ).answers;
      const changed = changedTables(before, await contents(services));
      const accepted = answers.filter((answer) => answer.outcome !== 'BAD_REQUEST');
      assert.deepEqual(
        accepted.map((answer) => `${answer.outcome}: ${answer.text.slice(0, 200)}`),
        [],
        'every input with a forged field is refused',
      );
      assert.deepEqual(changed, [], 'nothing was written');

      // The same input without them is accepted, so the refusals were for the forged fields.
      const valid = await call(client, path, 'mutation', input);
      assert.equal(valid.outcome, expectedOutcome(entry, actor), valid.text);
    });
  }
});
