import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  errorCode,
  startTestPortico,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { seedTestCatalog } from '../support/catalog.ts';
import { placedOrder } from '../support/ordering.ts';
import {
  data,
  openTicket,
  subscribe,
  ticketCounts,
  uploaded,
  type Ticket,
} from '../support/tickets.ts';

interface Page {
  items: { id: string; number: string; unread: boolean; status: string; tags: string[] }[];
  nextCursor: string | null;
  unread: number;
}

describe('tickets: the customer side and the staff side', () => {
  let portico: TestPortico;
  let anna: TestClient;
  let ben: TestClient;
  let agent: TestClient;
  let agentId: string;
  /** An in-stock product to order (the catalog's ids are random, so never `products[0]`). */
  let cups: string;

  before(async () => {
    portico = await startTestPortico();
    ({ cups } = await seedTestCatalog(portico.services));
    anna = await portico.personWithSession({ email: 'anna@cafe.test', name: 'Anna' });
    ben = await portico.personWithSession({ email: 'ben@bistro.test', name: 'Ben' });
    agent = await portico.personWithSession({
      email: 'jonas@vendor.test',
      name: 'Jonas',
      role: 'agent',
    });
    agentId = data<{ user: { id: string } }>(await agent.query('session.me')).user.id;
  });
  after(() => portico.close());

  it('opens a ticket with kind, priority, tags, an order and a file, and tells staff', async () => {
    const order = await placedOrder(anna, [{ productId: cups, quantity: 1 }]);
    const file = await uploaded(anna, '%PDF-1.4\n%%EOF\n', 'receipt.pdf');
    const ticket = await openTicket(anna, {
      priority: 'high',
      tags: ['Grinder', 'grinder', 'delivery'],
      orderId: order.id,
      attachmentIds: [file.id],
      pageUrl: 'http://vendor.test/support?lang=de#tickets',
    });
    assert.match(ticket.number, /^T-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    assert.equal(ticket.status, 'open');
    assert.equal(ticket.priority, 'high');
    assert.deepEqual(ticket.tags, ['delivery', 'grinder']);
    assert.equal(ticket.order?.number, order.number);
    assert.deepEqual(
      ticket.messages[0]?.attachments.map((a) => a.name),
      ['receipt.pdf'],
    );
    const notice = await portico.mailbox.next('jonas@vendor.test', /New complaint \(high\)/);
    assert.match(notice.subject, new RegExp(ticket.number));
    assert.match(notice.text, /hopper is cracked/);
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const before = await ticketCounts(portico.services);
    const cases: [Record<string, unknown>, string][] = [
      [{ subject: 'x' }, 'subject'],
      [{ subject: 'y'.repeat(151) }, 'subject'],
      [{ kind: 'rant' }, 'kind'],
      [{ priority: 'critical' }, 'priority'],
      [{ body: '   ' }, 'body'],
      [{ body: 'b'.repeat(10_001) }, 'body'],
      [{ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'tags'],
      [{ tags: ['<script>'] }, 'tags.0'],
      [{ attachmentIds: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'attachmentIds'],
      [{ pageUrl: 'javascript:alert(1)' }, 'pageUrl'],
      [{ extra: true }, '_'],
    ];
    for (const [change, field] of cases) {
      const response = await anna.mutate('ticket.create', {
        subject: 'Valid subject',
        kind: 'question',
        body: 'Valid body',
        ...change,
      });
      assert.equal(response.status, 400, JSON.stringify(change));
      const fields = response.body.error?.data.fieldErrors ?? {};
      assert.ok(field in fields, `${JSON.stringify(change)} → ${JSON.stringify(fields)}`);
    }
    // Refused by the rules rather than the shape: nothing is written either.
    const untrusted = await anna.mutate('ticket.create', {
      subject: 'Valid subject',
      kind: 'question',
      body: 'Valid body',
      pageUrl: 'https://evil.test/phish',
    });
    assert.equal(untrusted.status, 400);
    const category = await anna.mutate('ticket.create', {
      subject: 'Valid subject',
      kind: 'question',
      body: 'Valid body',
      category: 'Not configured',
    });
    assert.equal(category.status, 400);
    const benFile = await uploaded(ben, 'notes', 'notes.txt');
    const foreignFile = await anna.mutate('ticket.create', {
      subject: 'Valid subject',
      kind: 'question',
      body: 'Valid body',
      attachmentIds: [benFile.id],
    });
    assert.equal(errorCode(foreignFile), 'BAD_REQUEST');
    assert.deepEqual(await ticketCounts(portico.services), {
      ...before,
      upload: before.upload! + 1,
    });
  });

  it('never shows one account another account’s tickets, by any procedure', async () => {
    const annas = await openTicket(anna, { subject: 'Anna’s own question', kind: 'question' });
    data(await agent.mutate('staff.ticket.note', { ticketId: annas.id, body: 'Internal: VIP' }));
    const before = await ticketCounts(portico.services);
    const input = { ticketId: annas.id };
    const attempts = [
      () => ben.query('ticket.byId', input),
      () => ben.mutate('ticket.markRead', input),
      () => ben.mutate('ticket.reply', { ...input, body: 'Hijack' }),
      () => ben.mutate('ticket.close', input),
      () => ben.mutate('ticket.reopen', input),
      () => ben.mutate('ticket.rate', { ...input, rating: 1 }),
      () => ben.mutate('ticket.setTags', { ...input, tags: ['mine'] }),
    ];
    for (const attempt of attempts) assert.equal(errorCode(await attempt()), 'NOT_FOUND');
    const sub = await ben.request(
      `/api/trpc/ticket.onUpdate?input=${encodeURIComponent(JSON.stringify(input))}`,
    );
    assert.match(await sub.text(), /NOT_FOUND/);
    const list = data<Page>(await ben.query('ticket.list', {}));
    assert.ok(list.items.every((item) => item.id !== annas.id));
    const searched = data<Page>(await ben.query('ticket.list', { query: 'Anna’s own' }));
    assert.equal(searched.items.length, 0);
    assert.deepEqual(await ticketCounts(portico.services), before);
    // Anna sees her ticket but never the staff note, in the thread, the list or a search.
    const own = data<Ticket>(await anna.query('ticket.byId', input));
    assert.ok(own.messages.every((message) => !message.internal && !/VIP/.test(message.body)));
    assert.ok(own.timeline.every((event) => event.type !== 'note'));
    const byNote = data<Page>(await anna.query('ticket.list', { query: 'VIP' }));
    assert.equal(byNote.items.length, 0);
    // Customers cannot reach the staff side at all.
    assert.equal(errorCode(await anna.query('staff.ticket.byId', input)), 'FORBIDDEN');
    assert.equal(errorCode(await anna.query('staff.ticket.list', {})), 'FORBIDDEN');
  });

  it('keeps the thread in the order it was written, notes included for staff', async () => {
    const ticket = await openTicket(anna, { subject: 'Ordering question', kind: 'question' });
    const steps: [TestClient, string, string][] = [
      [agent, 'staff.ticket.reply', 'First answer'],
      [agent, 'staff.ticket.note', 'A note'],
      [anna, 'ticket.reply', 'Follow-up'],
      [agent, 'staff.ticket.reply', 'Second answer'],
    ];
    for (const [client, path, body] of steps) {
      data(await client.mutate(path, { ticketId: ticket.id, body }));
    }
    const staffView = data<Ticket>(await agent.query('staff.ticket.byId', { ticketId: ticket.id }));
    assert.deepEqual(
      staffView.messages.map((message) => message.body),
      [
        'The box was crushed and the hopper is cracked.',
        'First answer',
        'A note',
        'Follow-up',
        'Second answer',
      ],
    );
    const customerView = data<Ticket>(await anna.query('ticket.byId', { ticketId: ticket.id }));
    assert.deepEqual(
      customerView.messages.map((message) => message.author.role),
      ['customer', 'staff', 'customer', 'staff'],
    );
    // Read twice, the order is the same.
    const again = data<Ticket>(await anna.query('ticket.byId', { ticketId: ticket.id }));
    assert.deepEqual(
      again.messages.map((m) => m.id),
      customerView.messages.map((m) => m.id),
    );
    assert.equal(customerView.status, 'pending');
  });

  it('counts unread tickets for the customer and for staff, and marks them read', async () => {
    const carla = await portico.personWithSession({ email: 'carla@deli.test', name: 'Carla' });
    const first = await openTicket(carla, { subject: 'First of Carla' });
    const second = await openTicket(carla, { subject: 'Second of Carla' });
    assert.equal(data<Page>(await carla.query('ticket.list', {})).unread, 0);
    const staffBefore = data<Page>(await agent.query('staff.ticket.list', {})).unread;
    data(await agent.mutate('staff.ticket.markRead', { ticketId: first.id }));
    assert.equal(data<Page>(await agent.query('staff.ticket.list', {})).unread, staffBefore - 1);

    data(await agent.mutate('staff.ticket.reply', { ticketId: second.id, body: 'Answer' }));
    const listed = data<Page>(await carla.query('ticket.list', {}));
    assert.equal(listed.unread, 1);
    assert.equal(listed.items[0]?.id, second.id, 'unread first');
    assert.equal(listed.items[0]?.unread, true);
    assert.equal(listed.items[1]?.unread, false);
    assert.deepEqual(data(await carla.mutate('ticket.markRead', { ticketId: second.id })), {
      unread: 0,
    });
    // Carla's reply is new to staff again.
    data(await agent.mutate('staff.ticket.markRead', { ticketId: second.id }));
    const staffRead = data<Page>(await agent.query('staff.ticket.list', {})).unread;
    data(
      await carla.mutate('ticket.reply', { ticketId: second.id, body: 'Thanks, one more thing' }),
    );
    assert.equal(data<Page>(await agent.query('staff.ticket.list', {})).unread, staffRead + 1);
  });

  it('lets the customer rate only a resolved ticket, and only once', async () => {
    const ticket = await openTicket(anna, { subject: 'Rate me', kind: 'question' });
    const rate = (rating: number) =>
      anna.mutate('ticket.rate', { ticketId: ticket.id, rating, comment: 'Quick and kind' });
    assert.equal(errorCode(await rate(5)), 'PRECONDITION_FAILED');
    assert.equal((await rate(6)).status, 400);
    assert.equal((await rate(0)).status, 400);
    const resolved = data<Ticket>(
      await agent.mutate('staff.ticket.reply', {
        ticketId: ticket.id,
        body: 'Fixed',
        status: 'resolved',
      }),
    );
    assert.equal(resolved.status, 'resolved');
    const rated = data<Ticket>(await rate(4));
    assert.deepEqual(rated.rating && [rated.rating.stars, rated.rating.comment], [
      4,
      'Quick and kind',
    ]);
    assert.equal(rated.can.rate, false);
    assert.equal(errorCode(await rate(5)), 'CONFLICT');
    const staffView = data<Ticket>(await agent.query('staff.ticket.byId', { ticketId: ticket.id }));
    assert.equal(staffView.rating?.stars, 4);
  });

  it('closes and reopens as the customer may, and refuses writing to a closed ticket', async () => {
    const ticket = await openTicket(anna, { subject: 'Close me', kind: 'concern' });
    assert.equal(
      errorCode(await anna.mutate('ticket.reopen', { ticketId: ticket.id })),
      'CONFLICT',
    );
    const closed = data<Ticket>(await anna.mutate('ticket.close', { ticketId: ticket.id }));
    assert.equal(closed.status, 'closed');
    assert.deepEqual(closed.can, { reply: false, close: false, reopen: true, rate: false });
    const before = await ticketCounts(portico.services);
    assert.equal(
      errorCode(await anna.mutate('ticket.reply', { ticketId: ticket.id, body: 'Hello?' })),
      'CONFLICT',
    );
    assert.equal(errorCode(await anna.mutate('ticket.close', { ticketId: ticket.id })), 'CONFLICT');
    assert.deepEqual(await ticketCounts(portico.services), before);
    const reopened = data<Ticket>(await anna.mutate('ticket.reopen', { ticketId: ticket.id }));
    assert.equal(reopened.status, 'open');
    assert.deepEqual(
      reopened.timeline.filter((e) => e.type === 'status').map((e) => e.detail.to),
      ['closed', 'open'],
    );
  });

  it('delivers a staff answer to the customer’s open thread over server-sent events', async () => {
    const ticket = await openTicket(anna, { subject: 'Live answer please' });
    const thread = subscribe<{
      type: string;
      unread: number;
      message: { body: string; author: { role: string } } | null;
    }>(anna, 'ticket.onUpdate', { ticketId: ticket.id });
    const sync = await thread.next((event) => event.type === 'sync');
    assert.equal(typeof sync.unread, 'number');
    const benStream = subscribe<{ ticketId: string | null }>(ben, 'ticket.onUpdate', {});
    await benStream.next();
    data(await agent.mutate('staff.ticket.note', { ticketId: ticket.id, body: 'Secret note' }));
    data(
      await agent.mutate('staff.ticket.reply', { ticketId: ticket.id, body: 'Here it is, live' }),
    );
    const answer = await thread.next((event) => event.message !== null);
    assert.equal(answer.message?.body, 'Here it is, live');
    assert.equal(answer.message?.author.role, 'staff');
    assert.equal(answer.unread, sync.unread + 1);
    await thread.close();
    // Nothing of Anna's reached Ben's stream, and the note reached nobody.
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.ok(benStream.events.every((event) => event.ticketId !== ticket.id));
    await benStream.close();
  });

  it('mails the customer the answer with a link back to the page the ticket was opened on', async () => {
    const ticket = await openTicket(anna, {
      subject: 'Where is my order',
      pageUrl: 'http://vendor.test/help/support?tab=1#new-ticket',
    });
    data(
      await agent.mutate('staff.ticket.reply', { ticketId: ticket.id, body: 'It ships today.' }),
    );
    const mail = await portico.mailbox.next('anna@cafe.test', /Where is my order/);
    assert.match(mail.subject, new RegExp(`\\[${ticket.number}\\]`));
    assert.match(mail.text, /It ships today\./);
    assert.ok(
      mail.links.includes(`http://vendor.test/help/support?tab=1#ticket=${ticket.id}`),
      mail.links.join(' '),
    );
    // A note is never mailed; the answer after it is, alone.
    const other = await openTicket(anna, { subject: 'Notes stay inside' });
    data(await agent.mutate('staff.ticket.note', { ticketId: other.id, body: 'Do not send' }));
    data(await agent.mutate('staff.ticket.reply', { ticketId: other.id, body: 'Second' }));
    const second = await portico.mailbox.next('anna@cafe.test', /Notes stay inside/);
    assert.match(second.text, /Second/);
    assert.doesNotMatch(second.text, /Do not send/);
    assert.equal(
      portico.mailbox.received.filter(
        (m) => m.to.includes('anna@cafe.test') && /Notes stay inside/.test(m.subject),
      ).length,
      1,
    );
  });

  it('filters and pages the customer’s list', async () => {
    const dora = await portico.personWithSession({ email: 'dora@shop.test', name: 'Dora' });
    const words = ['apple', 'banana', 'cherry', 'damson', 'elder', 'fig', 'grape'];
    for (let i = 0; i < 7; i++) {
      await openTicket(dora, {
        subject: `Question about ${words[i]}`,
        priority: i % 2 ? 'urgent' : 'low',
        tags: i < 3 ? ['billing'] : [],
      });
    }
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page: Page = data(
        await dora.query('ticket.list', { limit: 3, ...(cursor ? { cursor } : {}) }),
      );
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(new Set(seen).size, 7);
    assert.equal(
      data<Page>(await dora.query('ticket.list', { priority: ['urgent'] })).items.length,
      3,
    );
    assert.equal(data<Page>(await dora.query('ticket.list', { tag: 'Billing' })).items.length, 3);
    assert.equal(
      data<Page>(await dora.query('ticket.list', { query: 'about ELDER' })).items.length,
      1,
    );
    assert.equal(
      data<Page>(await dora.query('ticket.list', { status: ['closed'] })).items.length,
      0,
    );
    assert.equal((await dora.query('ticket.list', { cursor: 'garbage' })).status, 400);
  });

  it('lets staff triage: assign, prioritise, retag, merge duplicates, keep saved replies', async () => {
    const original = await openTicket(anna, { subject: 'Invoice is wrong', tags: ['invoice'] });
    const duplicate = await openTicket(anna, {
      subject: 'Invoice wrong again',
      tags: ['urgent-fix'],
    });
    const assigned = data<Ticket & { assignee: { name: string } | null }>(
      await agent.mutate('staff.ticket.assign', { ticketId: original.id, assigneeId: agentId }),
    );
    assert.equal(assigned.assignee?.name, 'Jonas');
    const annaId = data<{ user: { id: string } }>(await anna.query('session.me')).user.id;
    assert.equal(
      errorCode(
        await agent.mutate('staff.ticket.assign', { ticketId: original.id, assigneeId: annaId }),
      ),
      'BAD_REQUEST',
    );
    const mine = data<Page>(await agent.query('staff.ticket.list', { assignee: 'me' }));
    assert.deepEqual(
      mine.items.map((item) => item.id),
      [original.id],
    );
    data(
      await agent.mutate('staff.ticket.setPriority', { ticketId: original.id, priority: 'urgent' }),
    );
    const merged = data<Ticket>(
      await agent.mutate('staff.ticket.merge', {
        ticketId: duplicate.id,
        intoTicketId: original.id,
      }),
    );
    assert.deepEqual(merged.tags, ['invoice', 'urgent-fix']);
    assert.equal(merged.priority, 'urgent');
    assert.deepEqual(
      merged.messages.map((message) => message.body),
      [original.messages[0]!.body, duplicate.messages[0]!.body],
    );
    const old = data<Ticket>(await anna.query('ticket.byId', { ticketId: duplicate.id }));
    assert.equal(old.status, 'closed');
    assert.equal(old.mergedInto?.number, original.number);
    assert.equal(old.can.reply, false);
    assert.equal(
      errorCode(await anna.mutate('ticket.reopen', { ticketId: duplicate.id })),
      'CONFLICT',
    );
    // Merging across accounts or into itself is refused.
    const bens = await openTicket(ben, { subject: 'Ben’s' });
    assert.equal(
      errorCode(
        await agent.mutate('staff.ticket.merge', { ticketId: bens.id, intoTicketId: original.id }),
      ),
      'BAD_REQUEST',
    );
    assert.equal(
      errorCode(
        await agent.mutate('staff.ticket.merge', {
          ticketId: original.id,
          intoTicketId: original.id,
        }),
      ),
      'BAD_REQUEST',
    );
    // Saved replies.
    const saved = data<{ id: string }>(
      await agent.mutate('staff.ticket.canned.save', {
        title: 'Shipping times',
        body: 'Two to three days.',
      }),
    );
    assert.equal(
      errorCode(
        await agent.mutate('staff.ticket.canned.save', { title: 'Shipping times', body: 'x' }),
      ),
      'CONFLICT',
    );
    data(
      await agent.mutate('staff.ticket.canned.save', {
        id: saved.id,
        title: 'Shipping',
        body: 'Two days.',
      }),
    );
    const canned = data<{ title: string; body: string }[]>(
      await agent.query('staff.ticket.canned.list'),
    );
    assert.deepEqual(
      canned.map((c) => [c.title, c.body]),
      [['Shipping', 'Two days.']],
    );
    data(await agent.mutate('staff.ticket.canned.remove', { id: saved.id }));
    assert.equal(
      errorCode(await agent.mutate('staff.ticket.canned.remove', { id: saved.id })),
      'NOT_FOUND',
    );
    assert.equal(errorCode(await anna.query('staff.ticket.canned.list')), 'FORBIDDEN');
  });

  it('refuses an order of another account as the linked order', async () => {
    const bensOrder = await placedOrder(ben, [{ productId: cups, quantity: 1 }]);
    const before = await ticketCounts(portico.services);
    const response = await anna.mutate('ticket.create', {
      subject: 'About an order',
      kind: 'question',
      body: 'Hello',
      orderId: bensOrder.id,
    });
    assert.equal(errorCode(response), 'NOT_FOUND');
    assert.deepEqual(await ticketCounts(portico.services), before);
  });
});
