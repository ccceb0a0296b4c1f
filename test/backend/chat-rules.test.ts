import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  errorCode,
  refusalReason,
  startTestPortico,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { data, uploaded } from '../support/tickets.ts';
import { createPerson } from '../../backend/session/people.ts';
import {
  chatCast,
  chatCounts,
  chatStream,
  messagesOf,
  startChat,
  type ChatConversation,
  type ChatMessage,
  type ChatView,
} from '../support/chat.ts';

describe('live chat: delivery, privacy, limits and visitors', () => {
  let portico: TestPortico;
  let anna: TestClient;
  let ben: TestClient;
  let agent: TestClient;
  let admin: TestClient;

  before(async () => {
    portico = await startTestPortico();
    ({ anna, ben, agent } = await chatCast(portico));
    admin = await portico.personWithSession({ email: 'boss@vendor.test', role: 'admin' });
  });
  after(async () => {
    await console?.close();
    await portico.close();
  });

  let console: ReturnType<typeof chatStream> | undefined;
  /** Jonas opens the console (he is online while it is open). */
  async function agentOnline() {
    if (console) return;
    console = chatStream(agent, 'staff.chat.onEvent', {});
    await console.waitFor((event) => event.type === 'presence');
  }
  async function agentOffline() {
    await console?.close();
    console = undefined;
    // The server hears the stream close a moment later.
    for (let tries = 0; tries < 100; tries++) {
      const { online } = data<{ online: boolean }>(await anna.query('chat.availability'));
      if (!online) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.fail('the agent still counts as online');
  }
  async function endOpenChat(client: TestClient) {
    const { conversation } = data<ChatView>(await client.query('chat.current'));
    if (conversation && conversation.status !== 'ended') {
      data(await client.mutate('chat.end', { conversationId: conversation.id }));
    }
  }

  /** A chat of Anna's that Jonas has picked up, with his console open. */
  async function activeChat(message: string) {
    await agentOnline();
    const view = await startChat(anna, { message });
    const id = view.conversation!.id;
    data(await agent.mutate('staff.chat.pickUp', { conversationId: id }));
    return { id, lastSeq: view.conversation!.lastSeq };
  }

  it('delivers every message once and in order while the stream is dropped every few messages', async () => {
    const { id } = await activeChat('Dropping connections on purpose');
    const customer = chatStream(anna, 'chat.onEvent', { conversationId: id });
    const sent: number[] = [];
    for (let i = 1; i <= 24; i++) {
      // The agent writes while the customer's connection is being dropped and reopened.
      const message = data<ChatMessage>(
        await agent.mutate('staff.chat.send', { conversationId: id, body: `Answer ${i}` }),
      );
      sent.push(message.seq);
      if (i % 4 === 0) {
        await customer.waitFor(
          (event) => event.type === 'message' && event.message.seq === message.seq,
        );
        await customer.reconnect();
      }
    }
    await customer.waitFor(
      (event) => event.type === 'message' && event.message.seq === sent.at(-1),
    );
    const received = messagesOf(customer.events).map((message) => message.seq);
    const all = Array.from({ length: sent.at(-1)! }, (_, index) => index + 1);
    assert.deepEqual(received, all, 'every message from the first, once, in order');
    await customer.close();

    // A long conversation replays in several reads: still every message, once, in order.
    let last = sent.at(-1)!;
    for (let i = 0; i < 210; i++) {
      last = data<ChatMessage>(
        await agent.mutate('staff.chat.send', { conversationId: id, body: `More ${i}` }),
      ).seq;
    }
    const fresh = chatStream(anna, 'chat.onEvent', { conversationId: id });
    await fresh.waitFor((event) => event.type === 'message' && event.message.seq === last);
    const replayed = messagesOf(fresh.events).map((message) => message.seq);
    assert.deepEqual(
      replayed,
      Array.from({ length: last }, (_, index) => index + 1),
    );
    await fresh.close();
  });

  it('never shows or touches another account’s chat, through any procedure', async () => {
    await endOpenChat(anna);
    const { id } = await activeChat('Only for Anna and support');
    const visitor = portico.client();
    data(
      await visitor.mutate('chat.start', {
        message: 'Hello from a visitor',
        visitor: { name: 'Vera', email: 'vera@visitor.test' },
      }),
    );
    for (const outsider of [ben, visitor, portico.client()]) {
      const calls = [
        outsider.query('chat.history', { conversationId: id }),
        outsider.mutate('chat.send', { conversationId: id, body: 'Let me in' }),
        outsider.mutate('chat.typing', { conversationId: id, typing: true }),
        outsider.mutate('chat.markRead', { conversationId: id, upTo: 1 }),
        outsider.mutate('chat.queue', { conversationId: id }),
        outsider.mutate('chat.resolve', { conversationId: id }),
        outsider.mutate('chat.end', { conversationId: id }),
      ];
      for (const call of await Promise.all(calls)) assert.equal(errorCode(call), 'NOT_FOUND');
      const stream = chatStream(outsider, 'chat.onEvent', { conversationId: id });
      await assert.rejects(
        stream.waitFor(() => true),
        /NOT_FOUND|404/,
      );
      await stream.close();
    }
    assert.equal(data<ChatView>(await ben.query('chat.current')).conversation, null);
    // Each side keeps to its own procedures.
    assert.equal(
      refusalReason(await agent.mutate('chat.start', { message: 'Hi' })),
      'STAFF_SESSION',
    );
    assert.equal(errorCode(await anna.query('staff.chat.queue')), 'FORBIDDEN');
    assert.equal(
      errorCode(await anna.query('staff.chat.byId', { conversationId: id })),
      'FORBIDDEN',
    );
    const { status } = data<ChatConversation>(
      await anna.query('chat.current').then((r) => ({
        ...r,
        body: { result: { data: (r.body.result?.data as ChatView).conversation } },
      })),
    );
    assert.equal(status, 'active', 'nothing the outsiders tried changed the chat');
  });

  it('refuses empty, over-long and flooding messages and forged resume points, writing nothing', async () => {
    const { id, lastSeq } = await activeChat('Testing the limits');
    const before = await chatCounts(portico.services);
    for (const body of ['', '   ', 'x'.repeat(2001)]) {
      const refused = await anna.mutate('chat.send', { conversationId: id, body });
      assert.equal(errorCode(refused), 'BAD_REQUEST');
      assert.ok(refused.body.error?.data.fieldErrors?.body);
    }
    assert.equal(errorCode(await anna.mutate('chat.send', { conversationId: id })), 'BAD_REQUEST');
    assert.equal(
      errorCode(await anna.mutate('chat.send', { conversationId: id, body: 'x', extra: 1 })),
      'BAD_REQUEST',
    );
    assert.deepEqual(await chatCounts(portico.services), before);

    for (const forged of ['999999', 'abc', '1:x', '-1', `${lastSeq + 50}:1`]) {
      const stream = chatStream(anna, 'chat.onEvent', { conversationId: id, lastEventId: forged });
      await assert.rejects(
        stream.waitFor(() => true),
        /BAD_EVENT_ID|BAD_REQUEST/,
      );
      await stream.close();
    }

    let refused: Awaited<ReturnType<TestClient['mutate']>> | undefined;
    let accepted = 0;
    for (let i = 0; i < 12 && !refused; i++) {
      const sent = await anna.mutate('chat.send', { conversationId: id, body: `Spam ${i}` });
      if (sent.status === 200) accepted++;
      else refused = sent;
    }
    assert.equal(errorCode(refused!), 'TOO_MANY_REQUESTS');
    assert.equal(refusalReason(refused!), 'TOO_FAST');
    const details = refused!.body.error?.data.details as { retryAfterSeconds: number };
    assert.ok(details.retryAfterSeconds >= 1 && details.retryAfterSeconds <= 10);
    const after = await chatCounts(portico.services);
    assert.equal(after.chatMessage, before.chatMessage! + accepted, 'the refused one was not kept');
    // The agent is not held back by the customer's limit.
    data(await agent.mutate('staff.chat.send', { conversationId: id, body: 'Slow down, please' }));
  });

  it('a file in the chat reaches the agent and the account, and nobody else', async () => {
    await endOpenChat(anna);
    const { id } = await activeChat('Here is a photo of the label');
    const file = await uploaded(anna, '%PDF-1.4\n%%EOF\n', 'label.pdf');
    const message = data<ChatMessage>(
      await anna.mutate('chat.send', {
        conversationId: id,
        body: 'The label',
        attachmentIds: [file.id],
      }),
    );
    assert.deepEqual(
      message.attachments.map((a) => a.name),
      ['label.pdf'],
    );
    assert.equal((await anna.request(`/api/files/${file.id}`)).status, 200);
    assert.equal((await agent.request(`/api/files/${file.id}`)).status, 200);
    assert.equal((await ben.request(`/api/files/${file.id}`)).status, 404);
    const reused = await anna.mutate('chat.send', {
      conversationId: id,
      body: 'Again',
      attachmentIds: [file.id],
    });
    assert.equal(refusalReason(reused), 'UPLOAD_NOT_FOUND');
    // Turned into a ticket, the chat's files come along.
    const { ticketId } = data<{ ticketId: string }>(
      await agent.mutate('staff.chat.toTicket', { conversationId: id }),
    );
    const ticket = data<{
      messages: { body: string; attachments: { id: string; name: string }[] }[];
    }>(await anna.query('ticket.byId', { ticketId }));
    assert.match(ticket.messages[0]!.body, /Anna: The label\n {4}\(file: label\.pdf\)/);
    const copy = ticket.messages[0]!.attachments[0]!;
    assert.equal(copy.name, 'label.pdf');
    assert.equal((await anna.request(`/api/files/${copy.id}`)).status, 200);
  });

  it('a chat nobody picks up within the vendor’s wait becomes a ticket', async () => {
    await endOpenChat(anna);
    await agentOnline();
    const settings = portico.services.portalSettings();
    data(await admin.mutate('staff.portal.update', { ...settings, chatWaitSeconds: 1 }));
    try {
      const view = await startChat(anna, { message: 'Nobody will pick this up in time' });
      const id = view.conversation!.id;
      const stream = chatStream(anna, 'chat.onEvent', {
        conversationId: id,
        lastEventId: String(view.conversation!.lastSeq),
      });
      if (view.conversation!.status === 'bot')
        data(await anna.mutate('chat.queue', { conversationId: id }));
      const [ticketed] = await stream.waitFor(
        (event) => event.type === 'message' && event.message.notice?.code === 'ticket',
      );
      assert.ok(ticketed?.type === 'message');
      const ticketId = String(ticketed.message.notice!.params.ticketId);
      data(await anna.query('ticket.byId', { ticketId }));
      await stream.close();
    } finally {
      data(await admin.mutate('staff.portal.update', settings));
    }
  });

  it('a visitor chats without an account, gets the answer by mail, and brings the chat along on signing in', async () => {
    await agentOffline();
    const visitor = portico.client();
    assert.equal(data<ChatView>(await visitor.query('chat.current')).conversation, null);
    const anonymous = await visitor.mutate('chat.start', { message: 'Do you deliver to Tartu?' });
    assert.equal(refusalReason(anonymous), 'VISITOR_REQUIRED');
    const started = await visitor.request('/api/trpc/chat.start', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        message: 'Do you deliver to Tartu?',
        visitor: { name: 'Kaja', email: 'Kaja@Tartu.test' },
        pageUrl: 'http://vendor.test/contact',
      }),
    });
    const cookie = started.headers.getSetCookie().find((line) => line.startsWith('portico_chat='));
    assert.match(cookie ?? '', /HttpOnly/);
    assert.match(cookie ?? '', /SameSite=Lax/);
    const view = data<ChatView>(await visitor.query('chat.current'));
    assert.equal(view.visitor?.name, 'Kaja');
    const id = view.conversation!.id;
    // Nobody online: the visitor (who has no ticket inbox) is told the answer comes by mail.
    assert.equal(view.conversation!.status, 'waiting');
    assert.equal(view.messages.at(-1)?.notice?.code, 'offline');
    const file = await visitor.mutate('chat.send', {
      conversationId: id,
      body: 'A file',
      attachmentIds: ['x'],
    });
    assert.equal(refusalReason(file), 'VISITOR_FILES');
    assert.equal(
      refusalReason(await agent.mutate('staff.chat.toTicket', { conversationId: id })),
      'NO_ACCOUNT',
    );

    await agentOnline();
    data(await agent.mutate('staff.chat.send', { conversationId: id, body: 'Yes, twice a week.' }));
    const mail = await portico.mailbox.next('kaja@tartu.test', /answered your chat/);
    assert.match(mail.text, /Yes, twice a week\./);
    assert.match(mail.text, /http:\/\/vendor\.test\/contact/);

    // Kaja signs up and in, in the same browser, with the same address.
    await createPerson(portico.services.auth, {
      name: 'Kaja Tamm',
      email: 'kaja@tartu.test',
      password: 'correct horse battery',
      role: 'customer',
    });
    const signIn = await visitor.post('/api/auth/sign-in/email', {
      email: 'kaja@tartu.test',
      password: 'correct horse battery',
    });
    assert.equal(signIn.status, 200);
    const joined = data<ChatView>(await visitor.query('chat.current'));
    assert.equal(joined.conversation?.id, id);
    assert.equal(joined.visitor, null);
    const summary = data<{ conversation: { visitor: boolean; account: { name: string } | null } }>(
      await agent.query('staff.chat.byId', { conversationId: id }),
    );
    assert.equal(summary.conversation.visitor, false);
    assert.ok(summary.conversation.account);
  });
});
