import { expect, fixture, html } from '@open-wc/testing';
import { TRPCClientError } from '@trpc/client';
import '../../elements/portico-ticket-inbox/portico-ticket-inbox.ts';
import type { PorticoTicketInbox } from '../../elements/portico-ticket-inbox/portico-ticket-inbox.ts';
import '../../elements/portico-ticket-inbox/ticket-thread.ts';
import type { PorticoTicketThread } from '../../elements/portico-ticket-inbox/ticket-thread.ts';
import type { PorticoApi } from '../../elements/api/client.ts';
import {
  all,
  attachContextRoot,
  backendUrl,
  definePortal,
  part,
  sessionKnown,
  signOut,
  textOf,
  until,
} from './support/page.ts';
import { api, backToAnna, signInAsNewCustomer } from './support/ledger.ts';

const KEY = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Gives the element a client whose first `ticket.<procedure>` call reaches the server and is
 * answered there, but whose answer never comes back, as when the connection drops at that
 * moment; later calls go through. Returns the inputs of every call.
 */
function loseFirstAnswer(
  element: { api?: PorticoApi | undefined },
  procedure: 'create' | 'reply',
): Record<string, unknown>[] {
  const sent: Record<string, unknown>[] = [];
  const real = element.api;
  if (!real) throw new Error('the element has no client yet');
  const ticket = new Proxy(real.trpc.ticket, {
    get(target, key) {
      if (key !== procedure) return Reflect.get(target, key);
      const call = Reflect.get(target, key) as {
        mutate(input: unknown, options?: unknown): Promise<unknown>;
      };
      return {
        mutate: async (input: Record<string, unknown>, options?: unknown) => {
          sent.push(input);
          const answer = await call.mutate(input, options);
          if (sent.length > 1) return answer;
          throw new TRPCClientError('Failed to fetch', { cause: new TypeError('Failed to fetch') });
        },
      };
    },
  });
  const trpc = new Proxy(real.trpc, {
    get: (target, key) => (key === 'ticket' ? ticket : Reflect.get(target, key)),
  });
  element.api = { ...real, trpc } as PorticoApi;
  return sent;
}

function control<T extends HTMLElement = HTMLInputElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

async function newTicketForm(): Promise<PorticoTicketInbox> {
  history.replaceState(null, '', `${location.pathname}${location.search}#new-ticket`);
  const container = await fixture(html`
    <portico-portal api=${backendUrl}><portico-ticket-inbox></portico-ticket-inbox></portico-portal>
  `);
  const inbox = container.querySelector('portico-ticket-inbox');
  if (!inbox) throw new Error('the fixture did not render');
  await sessionKnown(inbox);
  await until(() => part(inbox, 'new-form') && all(inbox, '#order option').length > 0, 'no form');
  return inbox;
}

async function openThread(ticketId: string): Promise<PorticoTicketThread> {
  const container = await fixture(html`
    <portico-portal api=${backendUrl}>
      <portico-ticket-thread .ticketId=${ticketId}></portico-ticket-thread>
    </portico-portal>
  `);
  const thread = container.querySelector('portico-ticket-thread');
  if (!thread) throw new Error('the fixture did not render');
  await sessionKnown(thread);
  await until(() => part(thread, 'messages'), 'the ticket did not load');
  return thread;
}

const subjects = async () =>
  (await api.trpc.ticket.list.query({ limit: 50 })).items.map((ticket) => ticket.subject);

describe('sending a ticket or a reply again after a lost answer', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(async () => {
    backToAnna();
    await signOut();
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  });

  it('opens the ticket once when the customer sends the form again', async () => {
    await signInAsNewCustomer();
    const inbox = await newTicketForm();
    const sent = loseFirstAnswer(inbox, 'create');
    type(control(inbox, '#subject'), 'The kettle leaks');
    type(control<HTMLTextAreaElement>(inbox, '#body'), 'A drop a minute from the base.');
    control<HTMLButtonElement>(inbox, "[part~='submit']").click();
    await until(() => part(inbox, 'error'), 'the lost answer was not reported');
    expect(await subjects()).to.deep.equal(['The kettle leaks']);

    control<HTMLButtonElement>(inbox, "[part~='submit']").click();
    await until(() => location.hash.startsWith('#ticket='), 'the thread did not open');
    expect(sent).to.have.length(2);
    expect(sent[0]?.['idempotencyKey']).to.match(KEY);
    expect(sent[1]?.['idempotencyKey']).to.equal(sent[0]?.['idempotencyKey']);
    expect(await subjects()).to.deep.equal(['The kettle leaks']);
  });

  it('gives a new ticket with the same words a new key once the first was answered', async () => {
    await signInAsNewCustomer();
    const inbox = await newTicketForm();
    const sent = loseFirstAnswer(inbox, 'create');
    const send = () => {
      type(control(inbox, '#subject'), 'Same words twice');
      type(control<HTMLTextAreaElement>(inbox, '#body'), 'Sent on purpose twice.');
      control<HTMLButtonElement>(inbox, "[part~='submit']").click();
    };
    send();
    await until(() => part(inbox, 'error'), 'the lost answer was not reported');
    control<HTMLButtonElement>(inbox, "[part~='submit']").click();
    await until(() => location.hash.startsWith('#ticket='), 'the thread did not open');
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    location.hash = '#new-ticket';
    await until(() => part(inbox, 'new-form'), 'the form did not open again');
    send();
    await until(() => sent.length === 3, 'the second ticket was not sent');
    expect(sent[2]?.['idempotencyKey']).to.match(KEY);
    expect(sent[2]?.['idempotencyKey']).not.to.equal(sent[0]?.['idempotencyKey']);
    await until(async () => (await subjects()).length === 2, 'the second ticket was not opened');
  });

  it('adds the reply once when the customer sends it again', async () => {
    await signInAsNewCustomer();
    const ticket = await api.trpc.ticket.create.mutate({
      subject: 'Reply after a lost answer',
      kind: 'question',
      body: 'First words.',
    });
    const thread = await openThread(ticket.id);
    const sent = loseFirstAnswer(thread, 'reply');
    await thread.updateComplete;
    await until(() => part(thread, 'reply-body'), 'the ticket did not load again');
    type(part<HTMLTextAreaElement>(thread, 'reply-body')!, 'Is there any news?');
    part<HTMLButtonElement>(thread, 'send')?.click();
    await until(() => part(thread, 'error'), 'the lost answer was not reported');
    part<HTMLButtonElement>(thread, 'send')?.click();
    await until(
      () =>
        all(thread, "[part~='message'] [part~='body']").map(textOf).includes('Is there any news?'),
      'the reply did not show',
    );
    expect(sent).to.have.length(2);
    expect(sent[0]?.['idempotencyKey']).to.match(KEY);
    expect(sent[1]?.['idempotencyKey']).to.equal(sent[0]?.['idempotencyKey']);
    const saved = await api.trpc.ticket.byId.query({ ticketId: ticket.id });
    expect(saved.messages.map((message) => message.body)).to.deep.equal([
      'First words.',
      'Is there any news?',
    ]);
  });
});
