import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createPerson } from '../../backend/session/people.ts';
import { RATE_LIMITS, RateLimits, WindowLimiter } from '../../backend/rate-limit.ts';
import { AUTH_RATE_LIMITS } from '../../backend/auth.limits.ts';
import {
  errorCode,
  refusalReason,
  startTestPortico,
  TEST_ORIGIN,
  type TestClient,
  type TestPortico,
  type TrpcEnvelope,
} from '../support/portico.ts';
import { orderTableCounts, seedTestCatalog, stockOf } from '../support/catalog.ts';
import { placeQuoted, quoteFor } from '../support/ordering.ts';
import { ADDRESS } from '../support/address.ts';
import { openTicket, ticketCounts } from '../support/tickets.ts';
import { chatCounts, startChat } from '../support/chat.ts';
import { helpCounts } from '../support/help.ts';
import { createArticle, saveCategory, setPublished } from '../../backend/help/help.write.ts';

const PASSWORD = 'correct horse battery';
const GRINDERS = { name: 'Machines', description: 'Grinders and brewers' };

/**
 * A signed-in customer, signed in inside the process: every HTTP sign-in from this machine's one
 * address would count against better-auth's sign-in budget, which the last suite measures.
 */
async function customer(portico: TestPortico, email: string): Promise<TestClient> {
  const { auth } = portico.services;
  await createPerson(auth, {
    email,
    name: email.split('@')[0]!,
    password: PASSWORD,
    role: 'customer',
  });
  const { headers } = await auth.api.signInEmail({
    body: { email, password: PASSWORD },
    headers: new Headers(),
    returnHeaders: true,
  });
  const client = portico.client();
  for (const line of headers.getSetCookie()) {
    const pair = line.split(';')[0]!;
    const index = pair.indexOf('=');
    client.cookies.set(pair.slice(0, index), pair.slice(index + 1));
  }
  return client;
}

/** A tRPC call over HTTP, with the response's headers. */
async function call(client: TestClient, path: string, input: unknown, kind: 'query' | 'mutation') {
  const response =
    kind === 'query'
      ? await client.request(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)
      : await client.post(`/api/trpc/${path}`, input);
  return { response, status: response.status, body: (await response.json()) as TrpcEnvelope };
}

/** A refusal over budget: 429, the wait in whole seconds in the sentence, details and header. */
function assertLimited(
  answer: { status: number; body: TrpcEnvelope; response?: Response },
  windowMs: number,
): number {
  assert.equal(answer.status, 429, JSON.stringify(answer.body));
  assert.equal(errorCode(answer), 'TOO_MANY_REQUESTS');
  assert.equal(refusalReason(answer), 'RATE_LIMITED');
  const seconds = answer.body.error!.data.details?.retryAfterSeconds;
  assert.ok(Number.isInteger(seconds), `retryAfterSeconds is whole: ${String(seconds)}`);
  const wait = seconds as number;
  assert.ok(wait >= 1 && wait <= windowMs / 1000, `a wait within the window: ${wait}`);
  assert.match(
    answer.body.error!.message,
    new RegExp(`^Too many attempts\\. Try again in ${wait} seconds?\\.$`),
  );
  if (answer.response) assert.equal(answer.response.headers.get('retry-after'), String(wait));
  return wait;
}

describe('procedure rate limits (per person and per address)', () => {
  let portico: TestPortico;
  let products: Awaited<ReturnType<typeof seedTestCatalog>>;
  before(async () => {
    portico = await startTestPortico({ rateLimit: true });
    products = await seedTestCatalog(portico.services);
    // An article the chat bot can offer, so a chat stays open instead of becoming a ticket.
    const { db } = portico.services;
    await saveCategory(db, { slug: 'machines', position: 1, names: { en: GRINDERS } });
    const { articleId } = await createArticle(db, null, {
      slug: 'loud-grinder',
      category: 'machines',
      locale: 'en',
      title: 'Why is my grinder loud?',
      body: 'A loud grinder usually needs its burrs cleaned.',
    });
    await setPublished(db, articleId, true);
  });
  after(() => portico.close());

  it('order.place: the budget of one person, then 429 with the wait, and nothing written', async () => {
    const buyer = await customer(portico, 'buyer@cafe.test');
    const { max, windowMs } = RATE_LIMITS['order.place'].perPerson;
    for (let index = 0; index < max; index++) {
      const placed = await placeQuoted(buyer, [{ productId: products.beans, quantity: 1 }]);
      assert.ok(placed.body.result, JSON.stringify(placed.body.error));
    }
    const counts = await orderTableCounts(portico.services);
    const stock = await stockOf(portico.services, products.beans);
    // A valid order, quoted a moment ago: refused for the budget alone.
    const items = [{ productId: products.beans, quantity: 1 }];
    const { total } = await quoteFor(buyer, items);
    const order = { idempotencyKey: randomUUID(), items, address: ADDRESS, expectedTotal: total };
    assertLimited(await call(buyer, 'order.place', order, 'mutation'), windowMs);
    assert.deepEqual(await orderTableCounts(portico.services), counts);
    assert.equal(await stockOf(portico.services, products.beans), stock);

    // Another person at the same address has a budget of their own.
    const colleague = await customer(portico, 'colleague@cafe.test');
    const theirs = await placeQuoted(colleague, [{ productId: products.beans, quantity: 1 }]);
    assert.ok(theirs.body.result, JSON.stringify(theirs.body.error));
  });

  it('ticket.create: per person, and people at one address share the address budget', async () => {
    const perPerson = RATE_LIMITS['ticket.create'].perPerson;
    const perAddress = RATE_LIMITS['ticket.create'].perAddress;
    const first = await customer(portico, 'office0@firm.test');
    for (let index = 0; index < perPerson.max; index++) await openTicket(first);
    let counts = await ticketCounts(portico.services);
    assertLimited(
      await call(first, 'ticket.create', ticketInput(), 'mutation'),
      perPerson.windowMs,
    );
    assert.deepEqual(await ticketCounts(portico.services), counts);

    // The others at the address each have a budget of their own, until the address's is spent.
    let created = perPerson.max;
    for (let person = 1; created < perAddress.max; person++) {
      const colleague = await customer(portico, `office${person}@firm.test`);
      for (let index = 0; index < perPerson.max && created < perAddress.max; index++) {
        await openTicket(colleague);
        created++;
      }
    }
    const newcomer = await customer(portico, 'newcomer@firm.test');
    counts = await ticketCounts(portico.services);
    assertLimited(
      await call(newcomer, 'ticket.create', ticketInput(), 'mutation'),
      perAddress.windowMs,
    );
    assert.deepEqual(await ticketCounts(portico.services), counts);
  });

  it('chat: start and send draw on one budget of messages; a refused one is not written', async () => {
    const chatter = await customer(portico, 'chatter@cafe.test');
    const { max, windowMs } = RATE_LIMITS['chat.message'].perPerson;
    // Each start after the first adds a message to the open conversation (the bot's).
    const view = await startChat(chatter, { message: 'Hello, my grinder is loud.' });
    const conversationId = view.conversation!.id;
    for (let index = 1; index < max; index++) {
      const more = await call(
        chatter,
        'chat.start',
        { message: `The grinder is loud, try ${index}` },
        'mutation',
      );
      assert.equal(more.status, 200, JSON.stringify(more.body.error));
    }
    const counts = await chatCounts(portico.services);
    assertLimited(await call(chatter, 'chat.start', { message: 'One more' }, 'mutation'), windowMs);
    assertLimited(
      await call(
        chatter,
        'chat.send',
        { conversationId, body: 'Still there?', attachmentIds: [] },
        'mutation',
      ),
      windowMs,
    );
    assert.deepEqual(await chatCounts(portico.services), counts);
  });

  it('help.search and help.suggest: per person, while a visitor at the same address still searches', async () => {
    const reader = await customer(portico, 'reader@cafe.test');
    for (const [path, input] of [
      ['help.search', { q: 'grinder' }],
      ['help.suggest', { text: 'my grinder is loud' }],
    ] as const) {
      const { max, windowMs } = RATE_LIMITS[path].perPerson;
      for (let index = 0; index < max; index++) {
        const answer = await call(reader, path, input, 'query');
        assert.equal(answer.status, 200, `${path} ${index}: ${JSON.stringify(answer.body.error)}`);
      }
      const counts = await helpCounts(portico);
      const refused = await call(reader, path, input, 'query');
      assertLimited(refused, windowMs);
      assert.deepEqual(await helpCounts(portico), counts);
      // A page on a trusted origin, the usual case, may read the header too.
      const exposed = refused.response.headers.get('access-control-expose-headers') ?? '';
      assert.match(exposed, /(^|,\s*)retry-after(,|$)/i);
      assert.equal((await call(portico.client(), path, input, 'query')).status, 200);
    }
  });
});

describe('procedure rate limits and requests sent again under the same key', () => {
  let portico: TestPortico;
  let products: Awaited<ReturnType<typeof seedTestCatalog>>;
  before(async () => {
    portico = await startTestPortico({ rateLimit: true });
    products = await seedTestCatalog(portico.services);
  });
  after(() => portico.close());

  it('order.place: a retry of an order already placed is answered over budget and never counted', async () => {
    const buyer = await customer(portico, 'retrier@cafe.test');
    const { max, windowMs } = RATE_LIMITS['order.place'].perPerson;
    const items = [{ productId: products.beans, quantity: 1 }];
    const { total } = await quoteFor(buyer, items);
    const newOrder = () => ({
      idempotencyKey: randomUUID(),
      items,
      address: ADDRESS,
      expectedTotal: total,
    });
    const placeNew = async () => {
      const order = newOrder();
      const answer = await call(buyer, 'order.place', order, 'mutation');
      assert.equal(answer.status, 200, JSON.stringify(answer.body.error));
      return { order, orderId: (answer.body.result!.data as { orderId: string }).orderId };
    };
    const first = await placeNew();
    for (let index = 1; index < max - 1; index++) await placeNew();
    // One order of the budget is left; retries of the first, whose answer was lost, take none of it.
    const counts = await orderTableCounts(portico.services);
    for (let retry = 0; retry < 3; retry++) {
      const again = await call(buyer, 'order.place', first.order, 'mutation');
      assert.equal(again.status, 200, JSON.stringify(again.body.error));
      const data = again.body.result!.data as { orderId: string; replayed: boolean };
      assert.deepEqual([data.orderId, data.replayed], [first.orderId, true]);
    }
    assert.deepEqual(await orderTableCounts(portico.services), counts);
    const last = await placeNew();
    // The budget is spent: a new order waits, the retry of the last one is still answered.
    assertLimited(await call(buyer, 'order.place', newOrder(), 'mutation'), windowMs);
    const counted = await orderTableCounts(portico.services);
    const retried = await call(buyer, 'order.place', last.order, 'mutation');
    assert.equal(retried.status, 200, JSON.stringify(retried.body.error));
    assert.equal((retried.body.result!.data as { orderId: string }).orderId, last.orderId);
    assert.deepEqual(await orderTableCounts(portico.services), counted);
    // The same key with another cart is still refused as a reused key, not let through.
    const reused = await call(
      buyer,
      'order.place',
      { ...last.order, items: [{ productId: products.beans, quantity: 2 }] },
      'mutation',
    );
    assert.equal(refusalReason(reused), 'IDEMPOTENCY_KEY_REUSED');
    assert.deepEqual(await orderTableCounts(portico.services), counted);
  });

  it('ticket.create: a retry of a ticket already opened is answered over budget and never counted', async () => {
    const writer = await customer(portico, 'writer@cafe.test');
    const { max, windowMs } = RATE_LIMITS['ticket.create'].perPerson;
    const openNew = async () => {
      const input = { ...ticketInput(), idempotencyKey: randomUUID() };
      const answer = await call(writer, 'ticket.create', input, 'mutation');
      assert.equal(answer.status, 200, JSON.stringify(answer.body.error));
      return { input, ticketId: (answer.body.result!.data as { id: string }).id };
    };
    const first = await openNew();
    for (let index = 1; index < max - 1; index++) await openNew();
    const counts = await ticketCounts(portico.services);
    for (let retry = 0; retry < 3; retry++) {
      const again = await call(writer, 'ticket.create', first.input, 'mutation');
      assert.equal(again.status, 200, JSON.stringify(again.body.error));
      assert.equal((again.body.result!.data as { id: string }).id, first.ticketId);
    }
    assert.deepEqual(await ticketCounts(portico.services), counts);
    const last = await openNew();
    assertLimited(
      await call(
        writer,
        'ticket.create',
        { ...ticketInput(), idempotencyKey: randomUUID() },
        'mutation',
      ),
      windowMs,
    );
    const counted = await ticketCounts(portico.services);
    const retried = await call(writer, 'ticket.create', last.input, 'mutation');
    assert.equal(retried.status, 200, JSON.stringify(retried.body.error));
    assert.equal((retried.body.result!.data as { id: string }).id, last.ticketId);
    assert.deepEqual(await ticketCounts(portico.services), counted);
  });
});

describe('procedure rate limits, switched off', () => {
  let portico: TestPortico;
  before(async () => {
    portico = await startTestPortico();
  });
  after(() => portico.close());

  it('counts nothing when the server runs without rate limits, as most tests do', async () => {
    assert.equal(portico.services.limits.enabled, false);
    const reader = await customer(portico, 'unlimited@cafe.test');
    const { max } = RATE_LIMITS['help.search'].perPerson;
    for (let index = 0; index <= max; index++) {
      assert.equal((await call(reader, 'help.search', { q: 'x' }, 'query')).status, 200);
    }
  });
});

describe('the budget counters', () => {
  it('refuse over budget with the seconds until the oldest call leaves the window', () => {
    let now = 1_000_000;
    const limiter = new WindowLimiter(2, 10_000, () => now);
    assert.equal(limiter.take('a'), null);
    now += 2_500;
    assert.equal(limiter.take('a'), null);
    assert.equal(limiter.wait('a'), 8);
    assert.equal(limiter.take('a'), 8, 'the oldest leaves 7.5 s from now: 8 whole seconds');
    assert.equal(limiter.take('b'), null, 'another key has its own budget');
    now += 7_500;
    assert.equal(limiter.take('a'), null);
  });

  it('count a call against the person and the address only when both allow it', () => {
    let now = 0;
    const limits = new RateLimits({ now: () => now });
    const { perPerson, perAddress } = RATE_LIMITS['order.place'];
    for (let index = 0; index < perPerson.max; index++) {
      assert.equal(limits.take('order.place', 'ann', '10.0.0.1'), null);
    }
    assert.ok(limits.take('order.place', 'ann', '10.0.0.1')! > 0);
    // Ann's refusals did not use the address's budget: everyone else there has the rest.
    let others = 0;
    while (limits.take('order.place', `person-${others}`, '10.0.0.1') === null) others++;
    assert.equal(others, perAddress.max - perPerson.max);
    assert.equal(limits.take('order.place', 'bob', '10.0.0.2'), null, 'another address');
    now += perAddress.windowMs;
    assert.equal(limits.take('order.place', 'ann', '10.0.0.1'), null, 'a new window');
  });
});

describe('better-auth rate limits (per address)', () => {
  let portico: TestPortico;
  before(async () => {
    portico = await startTestPortico({ rateLimit: true });
    await createPerson(portico.services.auth, {
      email: 'known@cafe.test',
      name: 'Known',
      password: PASSWORD,
      role: 'customer',
    });
  });
  after(() => portico.close());

  /** Calls `path` until better-auth refuses, which must be right after its budget. */
  async function exhaust(path: keyof typeof AUTH_RATE_LIMITS, url: string, body: unknown) {
    const { max, window } = AUTH_RATE_LIMITS[path];
    const client = portico.client();
    for (let index = 0; index < max; index++) {
      const answer = await client.post(url, body);
      assert.notEqual(answer.status, 429, `${url}: call ${index + 1} of ${max} is allowed`);
    }
    const refused = await client.post(url, body);
    assert.equal(refused.status, 429, `${url}: call ${max + 1} is refused`);
    const wait = Number(refused.headers.get('x-retry-after'));
    assert.ok(Number.isInteger(wait) && wait >= 1 && wait <= window, `${url} waits ${wait} s`);
    assert.match(refused.headers.get('access-control-expose-headers') ?? '', /x-retry-after/i);
    // The standard header too, and a sentence that says how long.
    assert.equal(refused.headers.get('retry-after'), String(wait));
    const { message } = (await refused.clone().json()) as { message: string };
    assert.match(message, new RegExp(`Try again in ${wait} seconds?\\.`));
    return { refused, wait };
  }

  it('sign-in with a password', async () => {
    await exhaust('/sign-in/*', '/api/auth/sign-in/email', {
      email: 'known@cafe.test',
      password: 'not the password',
    });
  });

  it('password reset requests, which send mail', async () => {
    const before = portico.mailbox.received.length;
    await exhaust('/request-password-reset', '/api/auth/request-password-reset', {
      email: 'known@cafe.test',
      redirectTo: `${TEST_ORIGIN}/reset`,
    });
    const { max } = AUTH_RATE_LIMITS['/request-password-reset'];
    const sent = () => portico.mailbox.received.length - before;
    for (const deadline = Date.now() + 10_000; sent() < max && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(sent(), max, 'a mail for each allowed request, none for the refused one');
  });

  it('sign-in codes by mail, and signing in with one', async () => {
    await exhaust('/email-otp/send-verification-otp', '/api/auth/email-otp/send-verification-otp', {
      email: 'known@cafe.test',
      type: 'sign-in',
    });
    await exhaust('/sign-in/email-otp', '/api/auth/sign-in/email-otp', {
      email: 'known@cafe.test',
      otp: '000000',
    });
  });

  it('second-factor codes', async () => {
    await exhaust('/two-factor/*', '/api/auth/two-factor/verify-totp', { code: '000000' });
  });

  it('a refused path stays refused however it is spelled', async () => {
    const client = portico.client();
    for (const url of [
      '/api/auth/sign-in/email/',
      '/api/auth//sign-in/email',
      '/api/auth/sign-in//email',
      '/api/auth/./sign-in/email',
    ]) {
      const answer = await client.post(url, { email: 'known@cafe.test', password: 'guess' });
      assert.ok([404, 429].includes(answer.status), `${url} answered ${answer.status}`);
    }
  });
});

function ticketInput() {
  return { subject: 'Another question', kind: 'complaint', body: 'One more thing to ask.' };
}
