import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  freshPostgresDatabase,
  startTestPortico,
  TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { postgresForTests, type TestDatabase } from '../support/postgres.ts';
import { data, openTicket, subscribe } from '../support/tickets.ts';
import { chatStream, messagesOf, startChat } from '../support/chat.ts';
import { SEND_LIMIT } from '../../backend/chat/chat.runtime.ts';
import { fallBackOverdueChats } from '../../backend/chat/chat.flow.ts';
import { RATE_LIMITS } from '../../backend/rate-limit.ts';
import type { TicketChange } from '../../backend/realtime/bus.ts';

/**
 * Two real servers on one PostgreSQL database, as a deployment with several instances behind a
 * load balancer runs: what happens on one is seen on the other, without sticky sessions.
 */
const { url: serverUrl, skip } = postgresForTests();

/** Polls `check` until it holds; fails after `timeoutMs`. Returns the milliseconds it took. */
async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) assert.fail(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}

/** The first change the generator yields that matches, or a failure after the timeout. */
async function nextMatching<T>(changes: AsyncGenerator<T>, match: (change: T) => boolean) {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('no matching signal within 5 s')), 5_000).unref(),
  );
  const found = (async () => {
    // `next` by hand: a for-await loop left early would end the generator for the next call.
    for (;;) {
      const { value, done } = await changes.next();
      if (done) throw new Error('the signals ended');
      if (match(value)) return value;
    }
  })();
  return Promise.race([found, timeout]);
}

describe('several instances on one PostgreSQL database', { skip }, () => {
  let shared: TestDatabase;
  let database: string;
  let admin: pg.Client;
  let a: TestPortico;
  let b: TestPortico;
  let anna: TestClient;
  let agent: TestClient;

  before(async () => {
    // One database for both servers (the harness would give each its own).
    shared = await freshPostgresDatabase();
    database = decodeURIComponent(new URL(shared.url).pathname.slice(1));
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    // The budgets on: shared between the two is what is tested.
    a = await startTestPortico({ databaseUrl: shared.url, rateLimit: true });
    b = await startTestPortico({ databaseUrl: shared.url, rateLimit: true });
    anna = await a.personWithSession({ email: 'anna@cafe.test', name: 'Anna' });
    agent = await a.personWithSession({ email: 'jonas@vendor.test', name: 'Jonas', role: 'agent' });
  });

  after(async () => {
    await Promise.allSettled([a?.close(), b?.close()]);
    await admin?.end();
    await shared?.drop();
  });

  it('hears on B the ticket a customer opens on A: on the bus and in a live stream', async () => {
    const abort = new AbortController();
    const changes = b.services.bus.ticketChanges(abort.signal);
    const stream = subscribe<{ type: string; ticketId: string | null; unread: number }>(
      anna.at(b.url),
      'ticket.onUpdate',
    );
    await stream.next((event) => event.type === 'sync');
    const ticket = await openTicket(anna);
    const heard = await nextMatching(changes, (change) => change.ticketId === ticket.id);
    assert.equal(heard.type, 'created');
    const event = await stream.next((update) => update.ticketId === ticket.id);
    assert.equal(event.type, 'created');
    abort.abort();
    await stream.close();
  });

  /** An agent's console open on `on`: with an agent online a chat waits for them. */
  async function openConsole(on: TestPortico) {
    const console = chatStream(agent.at(on.url), 'staff.chat.onEvent', {});
    await console.waitFor((event) => event.type === 'presence');
    return console;
  }

  it("delivers a chat message sent on A to the customer's stream on B", async () => {
    const console = await openConsole(a);
    const view = await startChat(anna, { message: 'Is the grinder in stock?' });
    const id = view.conversation!.id;
    const customer = chatStream(anna.at(b.url), 'chat.onEvent', { conversationId: id });
    await customer.waitFor((event) => event.type === 'conversation');
    await anna.mutate('chat.send', { conversationId: id, body: 'Hello from A' });
    await customer.waitFor(
      (event) => event.type === 'message' && event.message.body === 'Hello from A',
    );
    assert.ok(messagesOf(customer.events).some((message) => message.body === 'Hello from A'));
    await customer.close();
    await anna.mutate('chat.end', { conversationId: id });
    await console.close();
  });

  it('mails no answer to a customer reading the chat on B, shows the agent on A it was delivered, and mails once the chat is closed', async () => {
    const console = await openConsole(a);
    const view = await startChat(anna, { message: 'Can I change the grind size?' });
    const id = view.conversation!.id;
    const watchersOf = async () => {
      const { rows } = await a.services.postgres!.pool.query<{ streams: number }>(
        `select "streams" from "chatWatch" where "conversationId" = $1`,
        [id],
      );
      return rows.reduce((sum, row) => sum + Number(row.streams), 0);
    };
    const customer = chatStream(anna.at(b.url), 'chat.onEvent', { conversationId: id });
    await customer.waitFor((event) => event.type === 'conversation');
    await eventually(
      async () => (await watchersOf()) === 1,
      5_000,
      'B wrote that it shows the chat',
    );

    const answer = data<{ seq: number }>(
      await agent.mutate('staff.chat.send', { conversationId: id, body: 'Yes, until it ships.' }),
    );
    await customer.waitFor(
      (event) => event.type === 'message' && event.message.body === 'Yes, until it ships.',
    );
    // B's stream handed the answer over: the agent's view on A says so.
    await eventually(
      async () => {
        const byId = data<{ conversation: { deliveredToCustomer: number } }>(
          await agent.query('staff.chat.byId', { conversationId: id }),
        );
        return byId.conversation.deliveredToCustomer >= answer.seq;
      },
      5_000,
      'delivered, as seen on A',
    );
    assert.equal(await a.services.background.settled(5_000), true);
    const mailed = () =>
      a.mailbox.received.filter(
        (mail) => mail.to.includes('anna@cafe.test') && /answered your chat/.test(mail.subject),
      ).length;
    assert.equal(mailed(), 0, 'Anna is reading the chat on B: no mail');

    // Closed on B: the next answer, sent on A, goes by mail.
    await customer.close();
    await eventually(async () => (await watchersOf()) === 0, 5_000, 'B wrote that it does not');
    data(await agent.mutate('staff.chat.send', { conversationId: id, body: 'It ships Monday.' }));
    const mail = await a.mailbox.next('anna@cafe.test', /answered your chat/);
    assert.match(mail.text, /It ships Monday\./);
    assert.equal(mailed(), 1);
    await anna.mutate('chat.end', { conversationId: id });
    await console.close();
  });

  it('refuses a budget spent half on A and half on B', async () => {
    const { max } = RATE_LIMITS['order.place'].perPerson;
    const person = `person-${randomBytes(4).toString('hex')}`;
    for (let taken = 0; taken < max; taken++) {
      const on = taken % 2 === 0 ? a : b;
      assert.equal(await on.services.limits.spend('order.place', person, null), null);
    }
    for (const on of [a, b]) {
      const wait = await on.services.limits.spend('order.place', person, null);
      assert.ok(wait !== null && wait > 0, 'the budget is spent, whichever instance is asked');
    }
  });

  it("refuses a chat's messages past its flood limit, half sent on A and half on B", async () => {
    const console = await openConsole(a);
    const view = await startChat(anna, { message: 'A question about my order' });
    const id = view.conversation!.id;
    for (let sent = 0; sent < SEND_LIMIT.messages; sent++) {
      const on = sent % 2 === 0 ? anna : anna.at(b.url);
      data(await on.mutate('chat.send', { conversationId: id, body: `message ${sent}` }));
    }
    for (const on of [anna, anna.at(b.url)]) {
      const refused = await on.mutate('chat.send', { conversationId: id, body: 'one too many' });
      assert.equal(refused.body.error?.data.code, 'TOO_MANY_REQUESTS');
      assert.equal(refused.body.error?.data.reason, 'TOO_FAST');
    }
    await anna.mutate('chat.end', { conversationId: id });
    await console.close();
  });

  it('offers on A an agent whose console is open on B, and not once it is closed', async () => {
    const online = async (on: TestClient) => {
      const available = data<{ agentsOnline: number }>(await on.query('chat.availability'));
      return available.agentsOnline;
    };
    // The earlier tests' consoles on A are closed: their streams end when the server notices.
    await eventually(async () => (await online(anna)) === 0, 5_000, 'nobody online at first');
    const console = await openConsole(b);
    await eventually(async () => (await online(anna)) === 1, 5_000, 'the agent online on A');
    assert.deepEqual([...a.services.chat.onlineAgents()], [...b.services.chat.onlineAgents()]);

    // Away said on A (the load balancer's choice), with the console open on B.
    data(await agent.mutate('staff.chat.setAway', { away: true }));
    await eventually(async () => (await online(anna.at(b.url))) === 0, 5_000, 'away on B');
    assert.equal(await online(anna), 0);
    data(await agent.at(b.url).mutate('staff.chat.setAway', { away: false }));
    await eventually(async () => (await online(anna)) === 1, 5_000, 'back on A');

    await console.close();
    await eventually(async () => (await online(anna)) === 0, 5_000, 'the agent offline on A');
  });

  it('queues a chat on A for an agent online only on B, instead of falling back', async () => {
    const console = await openConsole(b);
    await eventually(async () => a.services.chat.onlineAgents().size === 1, 5_000, 'online');
    const view = await startChat(anna, { message: 'zzzz nothing the help centre knows' });
    const id = view.conversation!.id;
    await anna.mutate('chat.queue', { conversationId: id });
    const row = await a.services.db
      .selectFrom('chatConversation')
      .select(['status', 'ticketId'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'waiting', 'queued for the agent on B, not turned into a ticket');
    assert.equal(row.ticketId, null);
    await console.waitFor((event) => event.type === 'conversation' && event.conversation.id === id);
    await console.close();
    await anna.mutate('chat.end', { conversationId: id });
  });

  it('turns into a ticket on B a waiting chat whose timer died with instance A', async () => {
    const console = await openConsole(a);
    const view = await startChat(anna, { message: 'zzzz a question for a person' });
    const id = view.conversation!.id;
    await anna.mutate('chat.queue', { conversationId: id });
    assert.equal(a.services.chat.isScheduled(id), true, 'A set the timer');
    await console.close();
    // A "dies": its timer is gone, and the chat has waited an hour.
    a.services.chat.cancel(id);
    await a.services.db
      .updateTable('chatConversation')
      .set({ queuedAt: new Date(Date.now() - 3_600_000).toISOString() })
      .where('id', '=', id)
      .execute();
    assert.equal(await fallBackOverdueChats(b.services), 1);
    const row = await b.services.db
      .selectFrom('chatConversation')
      .select(['status', 'ticketId'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.notEqual(row.status, 'waiting');
    assert.ok(row.ticketId, 'the chat became a ticket');
    assert.equal(await fallBackOverdueChats(a.services), 0, 'and only once');
  });

  it('refuses on B, within a moment, a session signed out on A', async () => {
    const ben = await a.personWithSession({ email: 'ben@bistro.test', name: 'Ben' });
    const benOnB = ben.at(b.url);
    const me = async () => (await benOnB.query('session.me')).body.result?.data ?? null;
    assert.notEqual(await me(), null, 'signed in on B too (and now in its session cache)');
    // The same cookies, as a second tab that missed the sign-out would still send them to B.
    const staleOnB = new TestClient(b.url);
    staleOnB.cookies = new Map(ben.cookies);
    const signedOut = await ben.post('/api/auth/sign-out', {});
    assert.equal(signedOut.status, 200);
    const took = await eventually(
      async () => (await staleOnB.query('session.me')).body.result?.data === null,
      5_000,
      'the session refused on B',
    );
    assert.ok(took < 2_000, `refused after ${took} ms: the signal, not the cache's 5 s`);
  });

  it('listens again after the connection drops, and has open streams read their state', async () => {
    const abort = new AbortController();
    const changes = b.services.bus.ticketChanges(abort.signal);
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = $1 and application_name = 'portico bus'`,
      [database],
    );
    const sync = await nextMatching(changes, (change: TicketChange) => change.type === 'sync');
    assert.equal(sync.type, 'sync');
    // Listening again: a change on A reaches B.
    const ticket = await openTicket(anna);
    await nextMatching(changes, (change: TicketChange) => change.ticketId === ticket.id);
    abort.abort();
  });
  it('clears everywhere the away mark of an agent who left, so they are offered when back', async () => {
    const online = async (on: TestClient) =>
      data<{ agentsOnline: number }>(await on.query('chat.availability')).agentsOnline;
    const onB = anna.at(b.url);
    await eventually(async () => (await online(onB)) === 0, 5_000, 'nobody online at first');
    let console = await openConsole(a);
    await eventually(async () => (await online(onB)) === 1, 5_000, 'the agent online on B');
    data(await agent.mutate('staff.chat.setAway', { away: true }));
    await eventually(async () => (await online(onB)) === 0, 5_000, 'away on B');
    // Gone everywhere: on A the mark is forgotten, and B must forget it too.
    await console.close();
    await eventually(async () => (await online(anna)) === 0, 5_000, 'the agent offline on A');
    console = await openConsole(a);
    assert.equal(await online(anna), 1, 'back on A, not away');
    await eventually(async () => (await online(onB)) === 1, 5_000, 'back on B, not away');
    await console.close();
    await eventually(async () => (await online(onB)) === 0, 5_000, 'the agent offline on B');
  });

  it('carries a presence snapshot of many agents to B, and never starts a loop of resyncs', async () => {
    const abort = new AbortController();
    let syncs = 0;
    void (async () => {
      for await (const change of b.services.bus.ticketChanges(abort.signal)) {
        if (change.type === 'sync') syncs += 1;
      }
    })();
    // Far more than one signal holds (better-auth's ids are 32 characters), half of them away.
    const agents = Array.from({ length: 400 }, () => randomBytes(16).toString('hex'));
    for (const [index, agentId] of agents.entries()) {
      a.services.chat.agentConnected(agentId);
      if (index % 2 === 0) a.services.chat.setAway(agentId, true);
    }
    const expected = agents.filter((_, index) => index % 2 === 1).sort();
    const onB = () => JSON.stringify([...b.services.chat.onlineAgents()].sort());
    await eventually(
      async () => onB() === JSON.stringify(expected),
      5_000,
      'every agent online on B, and the away ones not',
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(syncs, 0, 'no resync for a snapshot of any size');

    // Another instance's resync is caught up with once, and answered with nothing.
    const message = { kind: 'resync' };
    await a.services.postgres!.pool.query(`select pg_notify('portico_bus', $1)`, [
      JSON.stringify({ from: 'elsewhere', n: 1, message }),
    ]);
    await eventually(async () => syncs === 1, 5_000, 'the resync heard on B');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(syncs, 1, 'one resync, not a loop');
    abort.abort();
    for (const agentId of agents) a.services.chat.agentDisconnected(agentId, () => {});
    await eventually(async () => b.services.chat.onlineAgents().size === 0, 5_000, 'all gone');
  });
});
