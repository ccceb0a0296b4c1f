import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  expectedOutcome,
  PROCEDURES,
  Refused,
  routerProcedures,
  type Entry,
} from '../support/procedures.ts';
import { call, type Answer } from '../support/calls.ts';
import { changedTables, contents } from '../support/snapshot.ts';
import {
  ACTORS,
  buildWorld,
  clientOf,
  distinctive,
  type ActorName,
  type World,
} from '../support/world.ts';

/**
 * Tables that may change on a refused call: searches that found nothing, security activity, and
 * on PostgreSQL the rate budgets every instance shares (a refused attempt still spends one, as
 * it does in memory on SQLite) and which chats are open (written again by a heartbeat).
 */
const LOGGING_TABLES = ['helpSearchMiss', 'securityEvent', 'rateHit', 'rateLimit', 'chatWatch'];

const inRouter = new Map(routerProcedures().map(({ path, kind }) => [path, kind]));

/** Account A's people and the signed out must never see B's words; B's owner never A's. */
function leaked(w: World, actor: ActorName, input: unknown, answer: Answer): string[] {
  const foreign =
    actor === 'owner' || actor === 'viewer'
      ? distinctive(w.b)
      : actor === 'customerB'
        ? distinctive(w.a)
        : actor === 'signedOut'
          ? [...distinctive(w.a), ...distinctive(w.b)]
          : [];
  const sent = JSON.stringify(input ?? null);
  return foreign.filter((word) => !sent.includes(word) && answer.text.includes(word));
}

describe('authorization over the whole router: every procedure × every kind of caller', () => {
  let w: World;

  before(async () => {
    w = await buildWorld();
  });
  after(() => w.portico.close());

  it('has an entry for every procedure of the router, and none for anything else', () => {
    const missing = [...inRouter.keys()].filter((path) => !PROCEDURES[path]);
    const notProcedures = Object.keys(PROCEDURES).filter((path) => !inRouter.has(path));
    const wrongKind = Object.entries(PROCEDURES)
      .filter(([path, entry]) => inRouter.has(path) && inRouter.get(path) !== entry.kind)
      .map(([path]) => path);
    assert.ok(inRouter.size > 130, 'the router was enumerated');
    assert.deepEqual(
      { missing, notProcedures, wrongKind },
      { missing: [], notProcedures: [], wrongKind: [] },
    );
  });

  it("finds B's words in B's own answers, so their absence from A's means something", async () => {
    const b = w.b.owner.client;
    const seen = [
      (await call(b, 'session.me', 'query', undefined)).text,
      (await call(b, 'order.byId', 'query', { orderId: w.b.order.id })).text,
      (await call(b, 'ticket.byId', 'query', { ticketId: w.b.ticket.id })).text,
      (await call(b, 'invoice.byId', 'query', { invoiceId: w.b.invoice.id })).text,
      (await call(b, 'address.list', 'query', undefined)).text,
      (await call(b, 'account.members', 'query', undefined)).text,
      (await call(b, 'profile.sessions', 'query', undefined)).text,
      (await call(b, 'chat.current', 'query', undefined)).text,
    ].join('\n');
    const unseen = distinctive(w.b).filter((word) => !seen.includes(word));
    // The file is only on B's ticket once sent; its id is checked by the foreign calls.
    assert.deepEqual(unseen, [w.b.uploadId]);
  });

  it("keeps B's invoice PDF, files and statement from A, whatever A names", async () => {
    const a = w.a.owner.client;
    for (const path of [`/api/invoices/${w.b.invoice.id}/pdf`, `/api/files/${w.b.uploadId}`]) {
      const response = await a.request(path);
      const text = await response.text();
      assert.equal(response.status, 404, path);
      assert.deepEqual(
        leaked(w, 'owner', path, { status: 404, outcome: '', reason: null, text }),
        [],
      );
    }
    const from = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    const statement = await a.request(
      `/api/statement.csv?accountId=${w.b.account.id}&from=${from}&to=${to}`,
    );
    const text = await statement.text();
    assert.equal(statement.status, 200);
    assert.ok(text.includes(w.a.invoice.number), 'A gets its own statement');
    const answer = { status: 200, outcome: 'OK', reason: null, text };
    assert.deepEqual(leaked(w, 'owner', { accountId: w.b.account.id }, answer), []);
  });

  const entries = Object.entries(PROCEDURES).sort(
    ([, a], [, b]) => Number(a.last ?? false) - Number(b.last ?? false),
  );
  for (const [path, entry] of entries) {
    it(path, { skip: !inRouter.has(path) && 'not in the router (yet)' }, async () => {
      const wrong: string[] = [];
      for (const actor of ACTORS) {
        const input = entry.input ? await entry.input(w, actor) : undefined;
        const answer = await call(clientOf(w, actor), path, entry.kind, input);
        const expected = expectedOutcome(entry, actor);
        if (answer.outcome !== expected) {
          wrong.push(`${actor}: ${answer.outcome}, not ${expected}: ${answer.text.slice(0, 300)}`);
        }
        const words = leaked(w, actor, input, answer);
        if (words.length) wrong.push(`${actor} was shown ${words.join(', ')}`);
      }
      wrong.push(...(await foreignCalls(w, path, entry)));
      assert.deepEqual(wrong, [], `${path}:\n${wrong.join('\n')}`);
    });
  }
});

/**
 * A's owner names B's objects: each call answers as if they did not exist, shows none of B's
 * words, and changes nothing anywhere.
 */
async function foreignCalls(w: World, path: string, entry: Entry): Promise<string[]> {
  const wrong: string[] = [];
  for (const item of entry.foreign ? await entry.foreign(w) : []) {
    const { input, answer: expected } =
      item instanceof Refused ? item : { input: item, answer: 'NOT_FOUND' };
    const before = await contents(w.portico.services, LOGGING_TABLES);
    const answer = await call(w.a.owner.client, path, entry.kind, input);
    const changed = changedTables(before, await contents(w.portico.services, LOGGING_TABLES));
    const shown = JSON.stringify(input);
    if (answer.outcome !== expected) {
      wrong.push(`foreign ${shown}: ${answer.outcome}, not ${expected}: ${answer.text}`);
    }
    const words = leaked(w, 'owner', input, answer);
    if (words.length) wrong.push(`foreign ${shown} showed ${words.join(', ')}`);
    if (changed.length) wrong.push(`foreign ${shown} changed ${changed.join(', ')}`);
  }
  return wrong;
}
