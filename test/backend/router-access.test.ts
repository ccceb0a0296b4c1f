import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appRouter } from '../../backend/router.ts';
import {
  errorCode,
  startTestPortico,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { subscribeOnce } from '../support/calls.ts';

type Kind = 'query' | 'mutation' | 'subscription';
const procedures = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: Kind } }> } })._def
    .procedures,
).map(([path, procedure]) => ({ path, kind: procedure._def.type }));

/**
 * Who may call each procedure that is not `staff.*`. A new procedure fails this test until it is
 * listed here, so its access is a decision, not an accident.
 * - `public`: anyone (what it shows is checked by its own tests: a chat is the caller's own);
 * - `customer`: a signed-in customer with an account; signed out is UNAUTHORIZED, staff FORBIDDEN;
 * - `signedIn`: anyone signed in, customer or staff.
 */
const ACCESS: Record<string, 'public' | 'customer' | 'signedIn'> = {
  'portal.settings': 'public',
  'session.me': 'public',
  'catalog.*': 'public',
  'help.*': 'public',
  'chat.*': 'public',
  'file.upload': 'signedIn',
  'profile.security': 'signedIn',
  'profile.securityEvents': 'signedIn',
  'address.*': 'customer',
  'order.*': 'customer',
  'account.*': 'customer',
  'profile.*': 'customer',
  'invoice.*': 'customer',
  'payment.*': 'customer',
  'ticket.*': 'customer',
  'announcement.*': 'public',
  'announcement.dismiss': 'customer',
  'notification.*': 'customer',
};
/** The staff procedures only an administrator may call (`staff.settings.*`: all of them). */
const ADMIN_ONLY = ['staff.portal.update', 'staff.settings.*'];
const adminOnly = (path: string) =>
  ADMIN_ONLY.some((rule) =>
    rule.endsWith('.*') ? path.startsWith(rule.slice(0, -1)) : path === rule,
  );

const accessOf = (path: string) => ACCESS[path] ?? ACCESS[`${path.slice(0, path.indexOf('.'))}.*`];

/** The tRPC error code of calling `path` with an empty input, or 'OK'. */
async function call(client: TestClient, path: string, kind: Kind): Promise<string> {
  // A public stream stays open: its first event, or its error, is the answer.
  if (kind === 'subscription') return (await subscribeOnce(client, path, {})).outcome;
  const answer = kind === 'query' ? await client.query(path, {}) : await client.mutate(path, {});
  return errorCode(answer) ?? 'OK';
}

describe('who may call what, over the whole router', () => {
  let portico: TestPortico;
  let customer: TestClient;
  let agent: TestClient;
  let admin: TestClient;

  before(async () => {
    portico = await startTestPortico();
    customer = await portico.personWithSession({ email: 'anna@cafe.test' });
    agent = await portico.personWithSession({ email: 'jonas@vendor.test', role: 'agent' });
    admin = await portico.personWithSession({ email: 'boss@vendor.test', role: 'admin' });
  });
  after(() => portico.close());

  it('every staff procedure refuses the signed out and customers; admin ones refuse agents', async () => {
    const staff = procedures.filter(({ path }) => path.startsWith('staff.'));
    assert.ok(staff.length > 40, 'the staff router was enumerated');
    for (const { path, kind } of staff) {
      assert.equal(await call(portico.client(), path, kind), 'UNAUTHORIZED', `${path} signed out`);
      assert.equal(await call(customer, path, kind), 'FORBIDDEN', `${path} as a customer`);
    }
    for (const { path, kind } of staff.filter(({ path }) => adminOnly(path))) {
      assert.equal(await call(agent, path, kind), 'FORBIDDEN', `${path} as an agent`);
      assert.notEqual(await call(admin, path, kind), 'FORBIDDEN', `${path} as an admin`);
    }
  });

  it('every customer procedure is classified, and refuses the signed out and staff', async () => {
    for (const { path, kind } of procedures.filter(({ path }) => !path.startsWith('staff.'))) {
      const access = accessOf(path);
      assert.ok(access, `${path} is not in ACCESS: decide who may call it`);
      const signedOut = await call(portico.client(), path, kind);
      if (access === 'public') {
        assert.notEqual(signedOut, 'UNAUTHORIZED', `${path} is public`);
        continue;
      }
      assert.equal(signedOut, 'UNAUTHORIZED', `${path} signed out`);
      if (access === 'customer') {
        assert.equal(await call(agent, path, kind), 'FORBIDDEN', `${path} as staff`);
      }
    }
  });
});
