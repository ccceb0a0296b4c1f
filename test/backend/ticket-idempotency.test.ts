import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  errorCode,
  refusalReason,
  startTestPortico,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { data, openTicket, ticketCounts, uploaded, type Ticket } from '../support/tickets.ts';

const newTicket = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  subject: 'The milk frother hisses',
  kind: 'question',
  body: 'It hisses since yesterday. Is that normal?',
  ...extra,
});

describe('tickets: a request key makes sending again after a lost answer safe', () => {
  let portico: TestPortico;
  let anna: TestClient;
  let ben: TestClient;
  let agent: TestClient;

  const messagesWith = async (ticketId: string, body: string) =>
    data<Ticket>(await agent.query('staff.ticket.byId', { ticketId })).messages.filter(
      (message) => message.body === body,
    ).length;

  before(async () => {
    portico = await startTestPortico();
    anna = await portico.personWithSession({ email: 'anna@cafe.test', name: 'Anna' });
    ben = await portico.personWithSession({ email: 'ben@bistro.test', name: 'Ben' });
    agent = await portico.personWithSession({
      email: 'jonas@vendor.test',
      name: 'Jonas',
      role: 'agent',
    });
  });
  after(() => portico.close());

  it('opens one ticket however often the same request is sent, and tells staff once', async () => {
    const file = await uploaded(anna, '%PDF-1.4\n%%EOF\n', 'photo.pdf');
    const request = newTicket({
      idempotencyKey: randomUUID(),
      subject: 'Frother hisses once',
      tags: ['Frother'],
      attachmentIds: [file.id],
    });
    const first = data<Ticket>(await anna.mutate('ticket.create', request));
    const counts = await ticketCounts(portico.services);
    const again = data<Ticket>(await anna.mutate('ticket.create', request));
    assert.equal(again.id, first.id);
    assert.equal(again.number, first.number);
    assert.deepEqual(again.messages, first.messages);
    assert.deepEqual(await ticketCounts(portico.services), counts);
    // A ticket opened after the retry is mailed, and the retry never was.
    await openTicket(anna, { subject: 'Frother marker ticket' });
    await portico.mailbox.next('jonas@vendor.test', /Frother marker ticket/);
    await portico.mailbox.next('jonas@vendor.test', new RegExp(first.number));
    const notices = portico.mailbox.received.filter((mail) => mail.subject.includes(first.number));
    assert.equal(notices.length, 1);
  });

  it('answers requests sent at the same moment with one ticket', async () => {
    const request = newTicket({ idempotencyKey: randomUUID(), subject: 'Five clicks' });
    const counts = await ticketCounts(portico.services);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => anna.mutate('ticket.create', request)),
    );
    assert.equal(new Set(answers.map((answer) => data<Ticket>(answer).id)).size, 1);
    const after = await ticketCounts(portico.services);
    assert.equal(after.ticket, (counts.ticket ?? 0) + 1);
    assert.equal(after.ticketMessage, (counts.ticketMessage ?? 0) + 1);
  });

  it('refuses the same key with other contents, for a ticket or a reply, and writes nothing', async () => {
    const idempotencyKey = randomUUID();
    const ticket = data<Ticket>(
      await anna.mutate('ticket.create', newTicket({ idempotencyKey, subject: 'Key once' })),
    );
    const counts = await ticketCounts(portico.services);
    const attempts = [
      anna.mutate('ticket.create', newTicket({ idempotencyKey, subject: 'Key twice' })),
      anna.mutate('ticket.create', newTicket({ idempotencyKey, subject: 'Key once', tags: ['x'] })),
      anna.mutate('ticket.reply', { idempotencyKey, ticketId: ticket.id, body: 'Key once' }),
    ];
    for (const refused of await Promise.all(attempts)) {
      assert.equal(errorCode(refused), 'CONFLICT');
      assert.equal(refusalReason(refused), 'IDEMPOTENCY_KEY_REUSED');
    }
    const replyKey = randomUUID();
    data(
      await anna.mutate('ticket.reply', {
        idempotencyKey: replyKey,
        ticketId: ticket.id,
        body: 'A',
      }),
    );
    const changed = await anna.mutate('ticket.reply', {
      idempotencyKey: replyKey,
      ticketId: ticket.id,
      body: 'B',
    });
    assert.equal(refusalReason(changed), 'IDEMPOTENCY_KEY_REUSED');
    const after = await ticketCounts(portico.services);
    assert.equal(after.ticketMessage, (counts.ticketMessage ?? 0) + 1);
    assert.equal(after.ticket, counts.ticket);
  });

  it('adds a customer reply once, and still answers its retry after the ticket was closed', async () => {
    const ticket = await openTicket(anna, { subject: 'Reply once' });
    const reply = { idempotencyKey: randomUUID(), ticketId: ticket.id, body: 'Any news on this?' };
    data(await anna.mutate('ticket.reply', reply));
    const counts = await ticketCounts(portico.services);
    data(await anna.mutate('ticket.reply', reply));
    data(await anna.mutate('ticket.close', { ticketId: ticket.id }));
    const closedCounts = await ticketCounts(portico.services);
    const late = data<Ticket>(await anna.mutate('ticket.reply', reply));
    assert.equal(late.status, 'closed');
    assert.equal(late.messages.filter((message) => message.body === reply.body).length, 1);
    assert.deepEqual(await ticketCounts(portico.services), closedCounts);
    assert.equal(closedCounts.ticketMessage, counts.ticketMessage);
    // Without a key the reply is refused as before: the ticket is closed.
    const unkeyed = await anna.mutate('ticket.reply', { ticketId: ticket.id, body: 'Hello?' });
    assert.equal(refusalReason(unkeyed), 'CLOSED');
  });

  it('adds a staff answer and a note once, and mails the answer once', async () => {
    const ticket = await openTicket(anna, { subject: 'Staff answers once' });
    const answer = {
      idempotencyKey: randomUUID(),
      ticketId: ticket.id,
      body: 'Descale it and it will stop.',
      status: 'resolved',
    };
    const note = { idempotencyKey: randomUUID(), ticketId: ticket.id, body: 'Known issue.' };
    for (let i = 0; i < 3; i++) {
      assert.equal(
        data<Ticket>(await agent.mutate('staff.ticket.reply', answer)).status,
        'resolved',
      );
      data(await agent.mutate('staff.ticket.note', note));
    }
    assert.equal(await messagesWith(ticket.id, answer.body), 1);
    assert.equal(await messagesWith(ticket.id, note.body), 1);
    // An answer and a note are different requests, even with the same words and key.
    const asNote = await agent.mutate('staff.ticket.note', { ...answer, status: undefined });
    assert.equal(refusalReason(asNote), 'IDEMPOTENCY_KEY_REUSED');
    // An answer given after the retries is mailed, and the retries never were.
    const marker = await openTicket(anna, { subject: 'Marker for staff answers' });
    data(await agent.mutate('staff.ticket.reply', { ticketId: marker.id, body: 'Marker' }));
    await portico.mailbox.next('anna@cafe.test', /Staff answers once/);
    await portico.mailbox.next('anna@cafe.test', /Marker for staff answers/);
    const answers = portico.mailbox.received.filter((mail) => mail.text.includes(answer.body));
    assert.equal(answers.length, 1);
  });

  it('keeps each person’s keys to themselves', async () => {
    const idempotencyKey = randomUUID();
    const annas = data<Ticket>(
      await anna.mutate('ticket.create', newTicket({ idempotencyKey, subject: 'Anna’s key' })),
    );
    // Ben happens on the same key: his ticket is his own, and nothing says Anna used it.
    const bens = data<Ticket>(
      await ben.mutate('ticket.create', newTicket({ idempotencyKey, subject: 'Anna’s key' })),
    );
    assert.notEqual(bens.id, annas.id);
    const staffReply = { idempotencyKey, ticketId: annas.id, body: 'Same key, staff side' };
    data(await agent.mutate('staff.ticket.reply', staffReply));
    assert.equal(await messagesWith(annas.id, staffReply.body), 1);
  });

  it('ties a new ticket’s key to the account: the same key from another account is refused', async () => {
    const carla = await portico.personWithSession({ email: 'carla@cafe.test', name: 'Carla' });
    type Membership = { id: string; current: boolean };
    const currentAccount = async (client: TestClient) =>
      data<Membership[]>(await client.query('account.memberships')).find((m) => m.current)!.id;
    const own = await currentAccount(carla);
    const bistro = await currentAccount(ben);
    const carlaId = (
      await portico.services.db
        .selectFrom('user')
        .select('id')
        .where('email', '=', 'carla@cafe.test')
        .executeTakeFirstOrThrow()
    ).id;
    await portico.services.db
      .insertInto('member')
      .values({
        id: randomUUID(),
        organizationId: bistro,
        userId: carlaId,
        role: 'buyer',
        createdAt: new Date().toISOString(),
      })
      .execute();
    const request = newTicket({ idempotencyKey: randomUUID(), subject: 'Asked in one account' });
    const first = data<Ticket>(await carla.mutate('ticket.create', request));
    data(await carla.mutate('account.switch', { accountId: bistro }));
    const counts = await ticketCounts(portico.services);
    // Sent again from the other account: not a ticket that account cannot see, but a clear refusal.
    const elsewhere = await carla.mutate('ticket.create', request);
    assert.equal(errorCode(elsewhere), 'CONFLICT');
    assert.equal(refusalReason(elsewhere), 'IDEMPOTENCY_KEY_REUSED');
    assert.deepEqual(await ticketCounts(portico.services), counts);
    // Back in the account it was opened in, the retry is answered with the ticket.
    data(await carla.mutate('account.switch', { accountId: own }));
    assert.equal(data<Ticket>(await carla.mutate('ticket.create', request)).id, first.id);
    assert.deepEqual(await ticketCounts(portico.services), counts);
  });

  it('opens a ticket sent again without the page link once, and with it again still once', async () => {
    const request = newTicket({
      idempotencyKey: randomUUID(),
      subject: 'From an unlisted page',
      pageUrl: 'https://elsewhere.test/help',
    });
    assert.equal(refusalReason(await anna.mutate('ticket.create', request)), 'UNTRUSTED_LINK');
    const { pageUrl: _unlisted, ...withoutLink } = request;
    const sent = data<Ticket>(await anna.mutate('ticket.create', withoutLink));
    // The answer was lost; the page sends the whole request again, link and all.
    const again = data<Ticket>(await anna.mutate('ticket.create', request));
    assert.equal(again.id, sent.id);
  });

  it('takes requests without a key as before, and refuses a malformed key', async () => {
    const ticket = data<Ticket>(await anna.mutate('ticket.create', newTicket()));
    data(await anna.mutate('ticket.reply', { ticketId: ticket.id, body: 'No key' }));
    data(await anna.mutate('ticket.reply', { ticketId: ticket.id, body: 'No key' }));
    assert.equal(await messagesWith(ticket.id, 'No key'), 2);
    const counts = await ticketCounts(portico.services);
    for (const idempotencyKey of [
      'short',
      'has spaces in it, sixteen+',
      'é'.repeat(20),
      'x'.repeat(65),
    ]) {
      const refused = await anna.mutate('ticket.reply', {
        idempotencyKey,
        ticketId: ticket.id,
        body: 'Bad key',
      });
      assert.equal(errorCode(refused), 'BAD_REQUEST');
      assert.ok(refused.body.error?.data.fieldErrors?.['idempotencyKey']);
    }
    assert.deepEqual(await ticketCounts(portico.services), counts);
  });
});
