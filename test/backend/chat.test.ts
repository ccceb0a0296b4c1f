import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  refusalReason,
  startTestPortico,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { data } from '../support/tickets.ts';
import { publishedArticle, testCategory } from '../support/help.ts';
import {
  chatCast,
  chatStream,
  messagesOf,
  startChat,
  type ChatConversation,
  type ChatMessage,
  type ChatView,
} from '../support/chat.ts';

describe('live chat: customers, visitors, the answer bot, agents and the offline fallback', () => {
  let portico: TestPortico;
  let anna: TestClient;
  let ben: TestClient;
  let agent: TestClient;
  let otherAgent: TestClient;
  let otherAgentId: string;

  before(async () => {
    portico = await startTestPortico();
    ({ anna, ben, agent } = await chatCast(portico));
    otherAgent = await portico.personWithSession({
      email: 'mara@vendor.test',
      name: 'Mara',
      role: 'agent',
    });
    otherAgentId = data<{ user: { id: string } }>(await otherAgent.query('session.me')).user.id;
    await testCategory(agent);
    await publishedArticle(agent, {
      slug: 'track-your-delivery',
      title: 'Track your delivery',
      body: 'Every shipped order has a tracking number. Open the order to follow the parcel.',
    });
    await publishedArticle(agent, {
      slug: 'invoice-copies',
      title: 'Copies of invoices',
      body: 'Download any invoice as a PDF from your account.',
    });
  });
  after(() => portico.close());

  it('the bot offers the article that answers a seeded question, and "that solved it" ends the chat', async () => {
    const view = await startChat(anna, {
      message: 'Where can I find the tracking number of my parcel?',
    });
    assert.equal(view.conversation?.status, 'bot');
    const [question, bot] = view.messages;
    assert.equal(question?.author.role, 'customer');
    assert.equal(bot?.kind, 'articles');
    assert.equal(bot?.articles[0]?.slug, 'track-your-delivery');
    // A second question gets its own answer from the bot; the chat stays with the bot.
    data(
      await anna.mutate('chat.send', {
        conversationId: view.conversation!.id,
        body: 'And can I download copies of old invoices?',
      }),
    );
    const followUp = data<ChatView>(await anna.query('chat.current'));
    assert.equal(followUp.conversation?.status, 'bot');
    assert.equal(followUp.messages.at(-1)?.articles[0]?.slug, 'invoice-copies');
    const ended = data<ChatConversation>(
      await anna.mutate('chat.resolve', { conversationId: view.conversation!.id }),
    );
    assert.equal(ended.status, 'ended');
    const after = data<ChatView>(await anna.query('chat.current'));
    assert.equal(after.messages.at(-1)?.notice?.code, 'solved');
    const again = await anna.mutate('chat.send', {
      conversationId: ended.id,
      body: 'One more thing',
    });
    assert.equal(refusalReason(again), 'ENDED');
  });

  it('with nobody online, "talk to a person" turns the chat into a ticket with the transcript', async () => {
    const view = await startChat(ben, {
      message: 'Can I get copies of my invoices?',
      pageUrl: 'http://vendor.test/support',
    });
    assert.equal(view.availability.online, false);
    const id = view.conversation!.id;
    const queued = data<ChatConversation>(await ben.mutate('chat.queue', { conversationId: id }));
    assert.equal(queued.status, 'ended');
    assert.match(queued.ticket?.number ?? '', /^T-/);
    const ticket = data<{ subject: string; tags: string[]; messages: { body: string }[] }>(
      await ben.query('ticket.byId', { ticketId: queued.ticket!.id }),
    );
    assert.deepEqual(ticket.tags, ['chat']);
    assert.match(ticket.subject, /^Chat: Can I get copies/);
    assert.match(ticket.messages[0]!.body, /Ben: Can I get copies of my invoices\?/);
    assert.match(ticket.messages[0]!.body, /Answer bot: suggested: Copies of invoices/);
    await portico.mailbox.next('jonas@vendor.test', new RegExp(queued.ticket!.number));
    const current = data<ChatView>(await ben.query('chat.current'));
    assert.equal(current.messages.at(-1)?.notice?.code, 'ticket');
  });

  it('an agent online picks up, they talk, typing and receipts flow both ways', async () => {
    const console = chatStream(agent, 'staff.chat.onEvent', {});
    await console.waitFor((event) => event.type === 'presence');
    const view = await startChat(anna, { message: 'My espresso machine makes a strange noise' });
    const id = view.conversation!.id;
    assert.equal(view.availability.agentsOnline, 1);
    const lastSeq = view.conversation!.lastSeq;
    const customer = chatStream(anna, 'chat.onEvent', {
      conversationId: id,
      lastEventId: String(lastSeq),
    });
    await customer.waitFor((event) => event.type === 'conversation');
    if (view.conversation!.status === 'bot') {
      data(await anna.mutate('chat.queue', { conversationId: id }));
    }
    // First in line, one agent online, no pick-ups yet to learn from: two minutes.
    const queued = data<ChatView>(await anna.query('chat.current'));
    assert.equal(queued.conversation?.position, 1);
    assert.equal(queued.conversation?.expectedWaitSeconds, 120);
    const told = queued.messages.find((message) => message.notice?.code === 'queued');
    assert.equal(told?.notice?.params.expectedWaitSeconds, 120);
    const queue = data<{ waiting: { id: string; position: number; waitingSeconds: number }[] }>(
      await agent.query('staff.chat.queue'),
    );
    const waiting = queue.waiting.find((chat) => chat.id === id);
    assert.equal(waiting?.position, 1);
    assert.equal(typeof waiting?.waitingSeconds, 'number');

    // Mara opens her console too: both hear Jonas take the chat.
    const maraConsole = chatStream(otherAgent, 'staff.chat.onEvent', {});
    await maraConsole.waitFor((event) => event.type === 'presence');
    data(await agent.mutate('staff.chat.pickUp', { conversationId: id }));
    for (const stream of [console, maraConsole]) {
      await stream.waitFor(
        (event) =>
          event.type === 'conversation' &&
          event.conversation.id === id &&
          event.conversation.agent?.name === 'Jonas',
      );
    }
    await maraConsole.close();
    const taken = await otherAgent.mutate('staff.chat.send', { conversationId: id, body: 'Hi' });
    assert.equal(refusalReason(taken), 'TAKEN');
    data(await agent.mutate('staff.chat.typing', { conversationId: id, typing: true }));
    await customer.waitFor((event) => event.type === 'typing' && event.name === 'Jonas');
    const answer = data<ChatMessage>(
      await agent.mutate('staff.chat.send', { conversationId: id, body: 'Which model is it?' }),
    );
    await customer.waitFor((event) => event.type === 'message' && event.message.seq === answer.seq);
    // The customer's stream got the answer: delivered; reading it marks it read for the agent.
    data(await anna.mutate('chat.markRead', { conversationId: id, upTo: answer.seq }));
    await console.waitFor(
      (event) => event.type === 'conversation' && event.conversation.readByCustomer === answer.seq,
    );
    data(await anna.mutate('chat.typing', { conversationId: id, typing: true }));
    await console.waitFor((event) => event.type === 'typing' && event.name === 'Anna');
    const reply = data<ChatMessage>(
      await anna.mutate('chat.send', { conversationId: id, body: 'The Aurora 2', clientId: 'c-1' }),
    );
    // A retried send with the same client id is the same message, stored once.
    const retried = data<ChatMessage>(
      await anna.mutate('chat.send', { conversationId: id, body: 'The Aurora 2', clientId: 'c-1' }),
    );
    assert.equal(retried.id, reply.id);
    await console.waitFor((event) => event.type === 'message' && event.message.id === reply.id);
    await customer.waitFor(
      (event) => event.type === 'conversation' && event.conversation.deliveredToStaff >= reply.seq,
    );
    const seqs = messagesOf(customer.events).map((message) => message.seq);
    assert.deepEqual(
      seqs,
      [...new Set(seqs)].sort((a, b) => a - b),
      'in order, once each',
    );

    // Chats pass only to staff, and an unknown chat is simply not there.
    const annaId = data<{ user: { id: string } }>(await anna.query('session.me')).user.id;
    const toCustomer = await agent.mutate('staff.chat.transfer', {
      conversationId: id,
      agentId: annaId,
    });
    assert.equal(refusalReason(toCustomer), 'AGENT_NOT_FOUND');
    for (const path of ['staff.chat.pickUp', 'staff.chat.end', 'staff.chat.toTicket']) {
      const missing = await agent.mutate(path, { conversationId: 'no-such-chat' });
      assert.equal(refusalReason(missing), 'NOT_FOUND', path);
    }
    const transferred = data<{ agent: { name: string } }>(
      await agent.mutate('staff.chat.transfer', { conversationId: id, agentId: otherAgentId }),
    );
    assert.equal(transferred.agent.name, 'Mara');
    const { ticketId } = data<{ ticketId: string }>(
      await otherAgent.mutate('staff.chat.toTicket', { conversationId: id }),
    );
    const ticket = data<{ messages: { body: string }[] }>(
      await anna.query('ticket.byId', { ticketId }),
    );
    assert.match(ticket.messages[0]!.body, /Jonas: Which model is it\?/);
    await customer.close();
    await console.close();
  });
});

describe('agent presence', () => {
  it('an agent whose console closes stays online for the grace period, and a reconnect keeps them', async () => {
    const portico = await startTestPortico({ env: { CHAT_AWAY_AFTER_SECONDS: '1' } });
    try {
      const agent = await portico.personWithSession({ email: 'jonas@vendor.test', role: 'agent' });
      const visitor = portico.client();
      const online = async () =>
        data<{ online: boolean }>(await visitor.query('chat.availability')).online;
      assert.equal(await online(), false);
      const first = chatStream(agent, 'staff.chat.onEvent', {});
      await first.waitFor((event) => event.type === 'presence');
      assert.equal(await online(), true);
      // A reload: the console closes and opens again at once.
      await first.close();
      const second = chatStream(agent, 'staff.chat.onEvent', {});
      await second.waitFor((event) => event.type === 'presence');
      assert.equal(await online(), true);
      // Away with the console open: customers are not offered this agent, the console still hears.
      const away = data<{ away: boolean }>(
        await agent.mutate('staff.chat.setAway', { away: true }),
      );
      assert.equal(away.away, true);
      assert.equal(await online(), false);
      await second.waitFor(
        (event) => event.type === 'presence' && event.agents.some((person) => person.away),
      );
      data(await agent.mutate('staff.chat.setAway', { away: false }));
      assert.equal(await online(), true);
      await second.close();
      assert.equal(await online(), true, 'still online during the grace period');
      const deadline = Date.now() + 10_000;
      while ((await online()) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.equal(await online(), false, 'offline once the grace period passed');
    } finally {
      await portico.close();
    }
  });
});
