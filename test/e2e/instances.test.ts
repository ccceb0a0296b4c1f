import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { signInOnPage, startDemoProcess, type DemoProcess } from '../support/demo-process.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { freshPostgresDatabase, postgresForTests } from '../support/portico.ts';
import { ADDRESS } from '../support/address.ts';
import { DEMO_SIGN_INS } from '../../backend/seed/demo.seed.ts';

const { customer, agent } = DEMO_SIGN_INS;

/** A person's HTTP session from the vendor's page: cookies kept, calls to either instance. */
class Caller {
  cookie = '';
  readonly origin: string;
  constructor(origin: string) {
    this.origin = origin;
  }

  async post(base: string, path: string, body: unknown): Promise<Response> {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.origin, cookie: this.cookie },
      body: JSON.stringify(body),
    });
    const fresh = response.headers.getSetCookie().map((line) => line.split(';')[0]!);
    if (fresh.length) this.cookie = fresh.join('; ');
    return response;
  }

  async query<T>(base: string, path: string, input?: unknown): Promise<T> {
    const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const response = await fetch(`${base}/api/trpc/${path}${search}`, {
      headers: { origin: this.origin, cookie: this.cookie },
    });
    const body = (await response.json()) as { result?: { data: T }; error?: unknown };
    assert.ok(body.result, `${path} on ${base}: ${JSON.stringify(body.error)}`);
    return body.result.data;
  }

  async mutate<T>(base: string, path: string, input: unknown): Promise<T> {
    const response = await this.post(base, `/api/trpc/${path}`, input);
    const body = (await response.json()) as { result?: { data: T }; error?: unknown };
    assert.ok(body.result, `${path} on ${base}: ${JSON.stringify(body.error)}`);
    return body.result.data;
  }
}

const postgres = postgresForTests();

/**
 * Two backends on different ports over one PostgreSQL database, as behind a load balancer:
 * instance A also serves the demo vendor's site, instance B only the API and the staff console.
 * They share the data folder (uploads, the demo's mail outbox and its generated secret), as
 * instances on several machines share a volume.
 */
describe('two instances on one PostgreSQL database', { skip: postgres.skip }, () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let a: DemoProcess;
  let b: ServerProcess;
  let browser: Browser;

  before(async () => {
    database = await freshPostgresDatabase();
    a = await startDemoProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
    [b, browser] = await Promise.all([
      startServerProcess(a.dataDir, {
        DATABASE_URL: database.url,
        TRUSTED_ORIGINS: new URL(a.demo).origin,
        // The demo's generated secret is in the shared data folder; B reads the same file.
        AUTH_SECRET: '',
        CHAT_AWAY_AFTER_SECONDS: '15',
      }),
      launchChromium(),
    ]);
  });
  after(async () => {
    await browser?.close();
    await b?.stop();
    await a?.stop();
    await database?.drop();
  });

  it('a customer on A and an agent on B chat, both ways, live', async () => {
    const problems: string[] = [];
    const watch = (page: Page, who: string) =>
      page.on('pageerror', (error) => problems.push(`${who}: ${error.message}`));

    const agentPage = await (await browser.newContext()).newPage();
    watch(agentPage, 'agent');
    await agentPage.goto(`${b.url}/staff`);
    const console_ = agentPage.locator('portico-staff-chat');
    await console_.getByText('Sign in with a staff account').waitFor();
    await signInOnPage(a, agentPage, agent);
    await console_.getByText('Online: customers can reach you.').waitFor();

    const page = await (await browser.newContext()).newPage();
    watch(page, 'customer');
    await page.goto(`${a.demo}/signin.html`);
    await signInOnPage(a, page, customer);
    await page.goto(`${a.demo}/support.html`);
    const chat = page.locator('portico-chat');
    await chat.getByRole('button', { name: /Chat/ }).click();
    const question = `Two machines, one question ${randomUUID().slice(0, 8)}`;
    await chat.getByRole('textbox', { name: 'Message' }).fill(question);
    await chat.getByRole('button', { name: 'Send' }).click();
    // A knows the agent on B is online: the customer is offered a person, not a ticket.
    await chat.getByRole('button', { name: 'Talk to a person' }).click();

    const row = console_.locator('[part~="waiting"]', { hasText: question });
    await row.getByRole('button', { name: 'Pick up' }).click();
    await console_.getByRole('heading', { name: customer.name }).waitFor();

    const hello = 'Hello from the other machine.';
    const agentComposer = console_.getByRole('textbox', { name: 'Message' });
    await agentComposer.fill(hello);
    await chat.getByText(`${agent.name} is typing…`).waitFor();
    await agentComposer.press('Enter');
    await chat.getByText(hello, { exact: true }).waitFor();

    const reply = 'And back again.';
    await chat.getByRole('textbox', { name: 'Message' }).fill(reply);
    await console_.getByText(`${customer.name} is typing…`).waitFor();
    await chat.getByRole('button', { name: 'Send' }).click();
    await console_.getByText(reply, { exact: true }).waitFor();
    assert.deepEqual(problems, []);
  });

  it('an order placed on A is on B at once; a session signed out on A is refused on B within 5 s', async (t) => {
    const caller = new Caller(new URL(a.demo).origin);
    const signedIn = await caller.post(a.portico, '/api/auth/sign-in/email', customer);
    assert.equal(signedIn.status, 200);

    const products = await caller.query<{ items: { id: string; stock: number | null }[] }>(
      a.portico,
      'catalog.list',
      { limit: 20 },
    );
    const product = products.items.find((item) => item.stock === null || item.stock > 5)!;
    const items = [{ productId: product.id, quantity: 1 }];
    const quote = await caller.query<{ total: number }>(a.portico, 'order.quote', {
      items,
      address: ADDRESS,
    });
    const placed = await caller.mutate<{ orderId: string; order: { number: string } }>(
      a.portico,
      'order.place',
      {
        idempotencyKey: randomUUID(),
        items,
        address: ADDRESS,
        expectedTotal: quote.total,
      },
    );
    // No waiting: B reads the same database the moment A's answer arrived.
    const seen = await caller.query<{ number: string }>(b.url, 'order.byId', {
      orderId: placed.orderId,
    });
    assert.equal(seen.number, placed.order.number);

    // B has the session in its short cache, then A signs it out.
    const me = await caller.query<{ user: { email: string } } | null>(b.url, 'session.me');
    assert.equal(me?.user.email, customer.email);
    const cookie = caller.cookie;
    assert.equal((await caller.post(a.portico, '/api/auth/sign-out', {})).status, 200);
    caller.cookie = cookie;
    const started = Date.now();
    let refusedAfter = Number.POSITIVE_INFINITY;
    while (Date.now() - started < 10_000) {
      if ((await caller.query<unknown>(b.url, 'session.me')) === null) {
        refusedAfter = Date.now() - started;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(refusedAfter < 5_000, `B refused the session after ${refusedAfter} ms`);
    t.diagnostic(`B refused the signed-out session after ${refusedAfter} ms`);
  });
});
