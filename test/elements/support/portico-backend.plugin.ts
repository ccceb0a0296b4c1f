import type { TestRunnerPlugin } from '@web/test-runner';
import { createPerson } from '../../../backend/session/people.ts';
import {
  enrollTotp,
  startTestPortico,
  type TestClient,
  type TestPortico,
} from '../../support/portico.ts';
import { totpCode } from '../../support/totp.ts';
import { admin, agent, agentTwo, anna, ben, carla } from './people.ts';
import { seedTestCatalog } from '../../support/catalog.ts';
import { seedDemoHelp } from '../../../backend/seed/demo.help.ts';

/** What `executeServerCommand('portico-backend')` answers. */
export interface BackendInfo {
  url: string;
  /** Product ids of the test catalog (see test/support/catalog.ts), by name. */
  products: Record<string, string>;
}

/** The payload of `executeServerCommand('portico-set-price', …)`; answers the old price. */
export interface PriceChange {
  sku: string;
  unitPrice: number;
}

/**
 * The payload of `executeServerCommand('portico-order-status', …)`: an order's status written
 * straight into the database, as another server process would, so no open view hears of it.
 */
export interface OrderStatusChange {
  orderId: string;
  status: 'placed' | 'confirmed' | 'shipped' | 'delivered' | 'cancelled';
}

/** The payload of `executeServerCommand('portico-mail', …)`; `subject` is a RegExp source. */
export interface MailQuery {
  to: string;
  subject: string;
}

/**
 * The payload of `executeServerCommand('portico-staff', …)`: a staff procedure the agent calls
 * from outside the page (as from the staff console), so the page's own session stays the
 * customer's. Answers the procedure's result. `portico-admin` calls it as the administrator.
 */
export interface StaffCall {
  path: string;
  input: unknown;
  kind?: 'query' | 'mutation';
}

/**
 * The payload of `executeServerCommand('portico-customer', …)`: a customer-side procedure called
 * from outside the page, as the customer's own browser would. `as` is `'carla'` (signed in) or
 * any other name, which is a visitor with cookies of their own. Answers the procedure's result.
 */
export interface CustomerCall {
  as: string;
  path: string;
  input?: unknown;
  kind?: 'query' | 'mutation';
}

/**
 * Runs the real backend next to Web Test Runner's server: it starts once WTR knows its own port
 * (the test page's origin must be trusted for credentialed CORS) and stops with it. Browser tests
 * reach it through two server commands: `portico-backend` (its URL and the test catalog) and `portico-mail` (waits
 * for a mail the backend sent).
 */
export function porticoBackendPlugin(): TestRunnerPlugin {
  let portico: TestPortico | undefined;
  let products: Record<string, string> = {};
  let staff: TestClient | undefined;
  let administrator: TestClient | undefined;
  const customers = new Map<string, TestClient>();
  /** Each staff member's authenticator app, by email. */
  const authenticators = new Map<string, string>();

  async function customer(name: string): Promise<TestClient> {
    let client = customers.get(name);
    if (client) return client;
    client = running().client();
    if (name === 'carla') {
      const signedIn = await client.post('/api/auth/sign-in/email', {
        email: carla.email,
        password: carla.password,
      });
      if (!signedIn.ok) throw new Error(`Carla could not sign in: ${signedIn.status}`);
    }
    customers.set(name, client);
    return client;
  }

  /** Signs a staff member in and turns on their authenticator app; its URI is kept by email. */
  async function staffWithAuthenticator(
    backend: TestPortico,
    person: { email: string; password: string },
  ): Promise<TestClient> {
    const client = backend.client();
    const signedIn = await client.post('/api/auth/sign-in/email', person);
    if (!signedIn.ok) throw new Error(`${person.email} could not sign in: ${signedIn.status}`);
    const { uri } = await enrollTotp(client, person.password);
    authenticators.set(person.email, uri);
    return client;
  }

  function running(): TestPortico {
    if (!portico) throw new Error('The Portico backend is not running.');
    return portico;
  }

  return {
    name: 'portico-backend',

    async serverStart({ config }) {
      const pageOrigin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
      portico = await startTestPortico({ env: { TRUSTED_ORIGINS: pageOrigin } });
      await createPerson(portico.services.auth, { ...anna, role: 'customer' });
      await createPerson(portico.services.auth, { ...ben, role: 'customer' });
      await createPerson(portico.services.auth, { ...agent, role: 'agent' });
      await createPerson(portico.services.auth, { ...carla, role: 'customer' });
      await createPerson(portico.services.auth, { ...agentTwo, role: 'agent' });
      await createPerson(portico.services.auth, { ...admin, role: 'admin' });
      products = await seedTestCatalog(portico.services);
      // The demo's help centre: real articles in six languages to search.
      await seedDemoHelp(portico.services);
      // Staff must have a second factor: each sets up an authenticator app, whose codes the
      // browser tests get from `portico-totp`.
      staff = await staffWithAuthenticator(portico, agent);
      await staffWithAuthenticator(portico, agentTwo);
      administrator = await staffWithAuthenticator(portico, admin);
    },

    async serverStop() {
      await portico?.close();
      portico = undefined;
    },

    async executeCommand({ command, payload }) {
      if (command === 'portico-totp') {
        // The current code of an authenticator app: a staff member's by email, or any by URI.
        const { email, uri } = payload as { email?: string; uri?: string };
        const app = uri ?? authenticators.get(email ?? '');
        if (!app) throw new Error(`No authenticator app for ${email}`);
        return { code: totpCode(app) };
      }
      if (command === 'portico-backend') {
        return { url: running().url, products } satisfies BackendInfo;
      }
      if (command === 'portico-set-price') {
        const { sku, unitPrice } = payload as PriceChange;
        const { db } = running().services;
        const { unitPrice: old } = await db
          .selectFrom('product')
          .select('unitPrice')
          .where('sku', '=', sku)
          .executeTakeFirstOrThrow();
        await db.updateTable('product').set({ unitPrice }).where('sku', '=', sku).execute();
        return old;
      }
      if (command === 'portico-order-status') {
        const { orderId, status } = payload as OrderStatusChange;
        await running()
          .services.db.updateTable('order')
          .set({ status })
          .where('id', '=', orderId)
          .execute();
        return true;
      }
      if (command === 'portico-mail') {
        const { to, subject } = payload as MailQuery;
        const mail = await running().mailbox.next(to, new RegExp(subject, 'i'), 5_000);
        return { subject: mail.subject, links: mail.links, text: mail.text };
      }
      if (command === 'portico-staff' || command === 'portico-admin') {
        const { path, input, kind } = payload as StaffCall;
        const caller = command === 'portico-admin' ? administrator! : staff!;
        const { body } =
          kind === 'query' ? await caller.query(path, input) : await caller.mutate(path, input);
        if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
        // A procedure that answers nothing must still answer something: the runner takes
        // undefined and null for "not my command".
        return body.result.data ?? {};
      }
      if (command === 'portico-customer') {
        const { as, path, input, kind } = payload as CustomerCall;
        const client = await customer(as);
        const { body } =
          kind === 'query' ? await client.query(path, input) : await client.mutate(path, input);
        if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
        return body.result.data ?? {};
      }
      return undefined;
    },
  };
}
