import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import '../../elements/portico-staff-tickets/portico-staff-tickets.ts';
import type { PorticoStaffTickets } from '../../elements/portico-staff-tickets/portico-staff-tickets.ts';
import type { CustomerCall, StaffCall } from './support/portico-backend.plugin.ts';
import { agent, agentTwo } from './support/people.ts';
import {
  all,
  attachContextRoot,
  backendUrl,
  definePortal,
  part,
  sessionKnown,
  signIn,
  signOut,
  textOf,
  until,
} from './support/page.ts';

type Ticket = inferRouterOutputs<AppRouter>['ticket']['create'];
type Agent = inferRouterOutputs<AppRouter>['staff']['ticket']['agents'][number];
type ChatView = inferRouterOutputs<AppRouter>['chat']['start'];

function customer<T = unknown>(path: string, input?: unknown): Promise<T> {
  return executeServerCommand<T, CustomerCall>('portico-customer', { as: 'carla', path, input });
}

function staff<T = unknown>(path: string, input?: unknown): Promise<T> {
  return executeServerCommand<T, StaffCall>('portico-staff', { path, input });
}

/** A ticket Carla opens, with a subject no other test uses. */
function carlaTicket(
  subject: string,
  kind: 'question' | 'complaint' | 'concern' = 'complaint',
  priority: 'low' | 'normal' | 'high' | 'urgent' = 'normal',
): Promise<Ticket> {
  return customer<Ticket>('ticket.create', {
    subject,
    kind,
    priority,
    body: `About ${subject}: the pallet arrived broken.`,
  });
}

const token = () => crypto.randomUUID().slice(0, 8);

/** A customer-side procedure called by someone else's browser: a visitor, by their name. */
function visitor<T = unknown>(
  as: string,
  path: string,
  input?: unknown,
  kind: CustomerCall['kind'] = 'mutation',
): Promise<T> {
  return executeServerCommand<T, CustomerCall>('portico-customer', { as, path, input, kind });
}

/** Chats a test started, ended after it so no other test finds them waiting. */
const chatsStarted: { as: string; id: string }[] = [];

/** A visitor asks for a person, as "Talk to a person" does; the chat waits in the queue. */
async function waitingChat(name: string): Promise<string> {
  const view = await visitor<ChatView>(name, 'chat.start', {
    message: `Has the pallet of ${name} left the warehouse?`,
    visitor: { name, email: `${name}@visitor.example` },
  });
  const conversation = view.conversation;
  if (!conversation) throw new Error('chat.start opened no conversation');
  chatsStarted.push({ as: name, id: conversation.id });
  if (conversation.status === 'bot') {
    await visitor(name, 'chat.queue', { conversationId: conversation.id });
  }
  return conversation.id;
}

async function render(ticketId: string | null = null): Promise<PorticoStaffTickets> {
  const container = await fixture(html`
    <portico-portal api=${backendUrl}>
      <portico-staff-tickets .ticketId=${ticketId}></portico-staff-tickets>
    </portico-portal>
  `);
  const element = container.querySelector('portico-staff-tickets')!;
  await sessionKnown(element);
  return element;
}

const rowOf = (element: PorticoStaffTickets, id: string) =>
  element.shadowRoot?.querySelector<HTMLElement>(`[part~='row'][data-id='${id}']`) ?? null;

const chatRowOf = (element: PorticoStaffTickets, id: string) =>
  element.shadowRoot?.querySelector<HTMLElement>(`[part~='chat-row'][data-id='${id}']`) ?? null;

/** The ticket rows' ids, top to bottom. */
const rowIds = (element: PorticoStaffTickets) =>
  all(element, "[part~='row']").map((row) => row.dataset.id);

/** The words of the label that holds a control: its accessible name. */
const labelOf = (control: HTMLInputElement | HTMLSelectElement | null) =>
  [...(control?.labels?.[0]?.childNodes ?? [])]
    .filter((node) => node.nodeType === Node.TEXT_NODE)
    .map((node) => node.textContent)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Sets a control of a form the way a person does: value, then the events a browser fires. */
function choose(element: PorticoStaffTickets, partName: string, value: string): void {
  const control = part<HTMLSelectElement | HTMLInputElement>(element, partName);
  if (!control) throw new Error(`no ${partName}`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** The queue of a signed-in agent, searched down to `words`. */
async function queue(words: string): Promise<PorticoStaffTickets> {
  await signIn(agent);
  const element = await render();
  await until(() => part(element, 'search'), 'the queue never rendered');
  choose(element, 'search', words);
  return element;
}

async function openTicket(id: string): Promise<PorticoStaffTickets> {
  await signIn(agent);
  const element = await render(id);
  await until(() => part(element, 'reply-form'), 'the ticket never opened');
  await until(() => element.matches(':state(live)'), 'ticket changes never went live');
  return element;
}

async function send(element: PorticoStaffTickets, text?: string): Promise<void> {
  if (text !== undefined) {
    const body = part<HTMLTextAreaElement>(element, 'reply-body')!;
    body.value = text;
    body.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  part<HTMLButtonElement>(element, 'send')!.click();
}

const bodies = (element: PorticoStaffTickets) =>
  all(element, "[part~='message'] [part~='body']").map((body) => textOf(body));

describe('<portico-staff-tickets>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    for (const { as, id } of chatsStarted.splice(0)) {
      const { conversation } = await visitor<ChatView>(as, 'chat.current', undefined, 'query');
      if (conversation?.id === id && conversation.status !== 'ended') {
        await visitor(as, 'chat.end', { conversationId: id });
      }
    }
    await signOut();
  });

  it('asks anyone not signed in as staff to sign in', async () => {
    await signOut();
    const element = await render();
    expect(textOf(part(element, 'signed-out'))).to.contain('Sign in with a staff account');
    await expect(element).to.be.accessible();
  });

  it('narrows the queue to urgent complaints and marks unread rows', async () => {
    const run = token();
    const urgent = await carlaTicket(`Urgent ${run} broken pallet`, 'complaint', 'urgent');
    const question = await carlaTicket(`Question ${run} opening hours`, 'question', 'low');
    const element = await queue(run);
    await until(
      () => rowOf(element, urgent.id) && rowOf(element, question.id),
      'the search never found both tickets',
    );
    const row = rowOf(element, urgent.id)!;
    expect(textOf(row.querySelector("[part~='unread']"))).to.equal('Unread');
    expect(textOf(row.querySelector("[part~='priority']"))).to.equal('Urgent');
    expect(textOf(row.querySelector("[part~='status']"))).to.equal('Open');
    expect(textOf(row.querySelector("[part~='account']"))).to.equal(urgent.accountName);
    choose(element, 'priority-filter', 'urgent');
    choose(element, 'kind-filter', 'complaint');
    await until(() => !rowOf(element, question.id), 'the question stayed in the queue');
    expect(rowOf(element, urgent.id)).to.not.equal(null);
    await expect(element).to.be.accessible();
  });

  it('opens a ticket with the customer context and answers it with a canned reply', async () => {
    const run = token();
    const ticket = await carlaTicket(`Canned ${run} late delivery`);
    const title = `Late delivery ${run}`;
    await staff('staff.ticket.canned.save', {
      title,
      body: `Sorry for the delay (${run}); your pallet leaves tomorrow.`,
    });
    const element = await openTicket(ticket.id);
    expect(textOf(part(element, 'heading'))).to.contain(ticket.subject);
    await until(() => part(element, 'balance'), 'the account context never arrived');
    expect(textOf(part(element, 'context-account'))).to.equal(ticket.accountName);
    // The customer's account and billing open in their own console views.
    expect(part<HTMLAnchorElement>(element, 'context-account')!.hash).to.equal(
      `#customer=${encodeURIComponent(ticket.accountId)}`,
    );
    expect(part<HTMLAnchorElement>(element, 'context-billing')!.hash).to.equal(
      `#billing=${encodeURIComponent(ticket.accountId)}`,
    );
    expect(textOf(part(element, 'balance'))).to.contain('Balance');
    await until(() => part(element, 'canned'), 'no canned replies offered');
    const picker = part<HTMLSelectElement>(element, 'canned')!;
    const option = [...picker.options].find((o) => textOf(o) === title)!;
    picker.value = option.value;
    part<HTMLButtonElement>(element, 'insert-canned')!.click();
    await element.updateComplete;
    expect(part<HTMLTextAreaElement>(element, 'reply-body')!.value).to.contain(run);
    await send(element);
    await until(
      () => bodies(element).some((body) => body.includes('leaves tomorrow')),
      'the reply never joined the thread',
    );
    await until(
      () => textOf(part(element, 'facts')).includes('Waiting on customer'),
      'the reply did not leave the ticket waiting on the customer',
    );
    await expect(element).to.be.accessible();
  });

  it('marks an internal note as internal', async () => {
    const ticket = await carlaTicket(`Note ${token()} damaged box`);
    const element = await openTicket(ticket.id);
    const toggle = part<HTMLInputElement>(element, 'internal-toggle')!;
    toggle.click();
    await element.updateComplete;
    expect(textOf(part(element, 'send'))).to.equal('Add note');
    await send(element, 'Checked with the warehouse: driver dropped it.');
    await until(() => part(element, 'message-internal'), 'the note never showed');
    const note = part(element, 'message-internal')!;
    expect(textOf(note.querySelector("[part~='internal']"))).to.equal('Internal note');
    expect(textOf(note.querySelector("[part~='body']"))).to.contain('driver dropped it');
  });

  it('changes status and priority', async () => {
    const ticket = await carlaTicket(`Triage ${token()} wrong colour`);
    const element = await openTicket(ticket.id);
    part<HTMLSelectElement>(element, 'priority-select')!.value = 'high';
    part<HTMLSelectElement>(element, 'status-select')!.value = 'resolved';
    part<HTMLButtonElement>(element, 'save-triage')!.click();
    await until(
      () => textOf(part(element, 'facts')).includes('High priority'),
      'the priority never changed',
    );
    expect(textOf(part(element, 'facts'))).to.contain('Resolved');
    const changed = await staff<Ticket>('staff.ticket.byId', { ticketId: ticket.id });
    expect(changed.priority).to.equal('high');
    expect(changed.status).to.equal('resolved');
  });

  it('assigns and closes the selected tickets at once', async () => {
    const run = token();
    const one = await carlaTicket(`Bulk ${run} one`);
    const two = await carlaTicket(`Bulk ${run} two`);
    const element = await queue(run);
    await until(() => rowOf(element, one.id) && rowOf(element, two.id), 'rows never came');
    for (const ticket of [one, two]) {
      rowOf(element, ticket.id)!.querySelector<HTMLInputElement>("[part~='select']")!.click();
    }
    await until(() => part(element, 'bulk'), 'no bulk actions');
    const agents = await staff<Agent[]>('staff.ticket.agents');
    const mara = agents.find((person) => person.email === agentTwo.email)!;
    part<HTMLSelectElement>(element, 'bulk-assignee')!.value = mara.id;
    part<HTMLButtonElement>(element, 'bulk-assign')!.click();
    await until(
      () => textOf(rowOf(element, two.id)?.querySelector("[part~='assignee']")) === agentTwo.name,
      'the rows never showed the new assignee',
    );
    // Assigning cleared the selection; select again and close.
    for (const ticket of [one, two]) {
      rowOf(element, ticket.id)!.querySelector<HTMLInputElement>("[part~='select']")!.click();
    }
    await until(() => part(element, 'bulk-close'), 'no close button');
    part<HTMLButtonElement>(element, 'bulk-close')!.click();
    await until(
      () =>
        [one, two].every(
          (t) => textOf(rowOf(element, t.id)?.querySelector("[part~='status']")) === 'Closed',
        ),
      'the tickets never closed',
    );
  });

  it('shows a customer reply live in the open ticket and as unread in the queue', async () => {
    const run = token();
    const ticket = await carlaTicket(`Live ${run} missing item`);
    const element = await openTicket(ticket.id);
    await customer('ticket.reply', { ticketId: ticket.id, body: `Still missing ${run}` });
    await until(
      () => bodies(element).some((body) => body.includes(`Still missing ${run}`)),
      'the customer reply never arrived live',
    );
    element.ticketId = null;
    await until(() => part(element, 'search'), 'the queue never came back');
    choose(element, 'search', run);
    // The agent saw the reply, so it is read; the row says so once the read is recorded.
    await until(
      () =>
        rowOf(element, ticket.id) && !rowOf(element, ticket.id)!.querySelector("[part~='unread']"),
      'the reply the agent saw is still unread in the queue',
    );
    await customer('ticket.reply', { ticketId: ticket.id, body: `Any news ${run}?` });
    await until(
      () => rowOf(element, ticket.id)?.querySelector("[part~='unread']"),
      'the reply never marked the row unread',
    );
  });

  it('sorts the queue as the agent chooses, from the keyboard too', async () => {
    const run = token();
    const first = await carlaTicket(`Sort ${run} first`, 'question', 'low');
    const second = await carlaTicket(`Sort ${run} second`, 'complaint', 'urgent');
    const third = await carlaTicket(`Sort ${run} third`, 'concern', 'high');
    const element = await queue(run);
    await until(() => rowIds(element).length === 3, 'the search never found the three tickets');
    // Unread first, then the latest activity.
    expect(rowIds(element)).to.deep.equal([third.id, second.id, first.id]);
    const sort = part<HTMLSelectElement>(element, 'sort')!;
    expect(labelOf(sort)).to.equal('Sort by');
    expect([...sort.options].map((option) => textOf(option))).to.deep.equal([
      'Unread first',
      'Waiting longest',
      'Newest',
      'Oldest',
      'Most urgent',
    ]);
    sort.focus();
    await sendKeys({ press: 'End' });
    await until(
      () => rowIds(element).join() === [second.id, third.id, first.id].join(),
      'the keyboard never sorted the most urgent first',
    );
    expect(sort.value).to.equal('priority');
    // The customer who wrote first has waited longest.
    choose(element, 'sort', 'waiting');
    await until(
      () => rowIds(element).join() === [first.id, second.id, third.id].join(),
      'the longest wait never came first',
    );
    choose(element, 'sort', 'newest');
    await until(
      () => rowIds(element).join() === [third.id, second.id, first.id].join(),
      'the newest never came first',
    );
    await expect(element).to.be.accessible();
  });

  it('keeps only unread tickets, asking the server', async () => {
    const run = token();
    const read = await carlaTicket(`Unread ${run} seen`);
    const unread = await carlaTicket(`Unread ${run} new`);
    await staff('staff.ticket.markRead', { ticketId: read.id });
    const element = await queue(run);
    await until(() => rowOf(element, read.id) && rowOf(element, unread.id), 'rows never came');
    const toggle = part<HTMLInputElement>(element, 'unread-filter')!;
    expect(labelOf(toggle)).to.equal('Unread only');
    toggle.click();
    await until(() => !rowOf(element, read.id), 'the read ticket stayed');
    expect(rowOf(element, unread.id)).to.not.equal(null);
  });

  it('shows how long a customer has waited and filters on the wait', async () => {
    const run = token();
    const waiting = await carlaTicket(`Wait ${run} waiting`);
    const answered = await carlaTicket(`Wait ${run} answered`);
    await staff('staff.ticket.reply', { ticketId: answered.id, body: 'We are on it.' });
    const element = await queue(run);
    await until(() => rowOf(element, waiting.id) && rowOf(element, answered.id), 'rows never came');
    const waited = (id: string) => rowOf(element, id)!.querySelector("[part~='waited']")!;
    expect(waited(waiting.id).part.contains('waited-customer')).to.equal(true);
    expect(textOf(waited(waiting.id))).to.match(/^Customer waiting (just now|1 min)$/);
    expect(waited(waiting.id).querySelector('time')!.dateTime).to.match(/^\d{4}-\d\d-\d\dT/);
    expect(textOf(waited(answered.id))).to.contain('Last activity');
    const filter = part<HTMLSelectElement>(element, 'waiting-filter')!;
    expect(labelOf(filter)).to.equal('Waiting longer than');
    expect([...filter.options].map((option) => textOf(option))).to.deep.equal([
      'Any time',
      '1 hour',
      '4 hours',
      '24 hours',
      '3 days',
    ]);
    // Neither customer has waited an hour yet.
    choose(element, 'waiting-filter', '60');
    await until(
      () => !rowOf(element, waiting.id) && !rowOf(element, answered.id),
      'tickets younger than an hour stayed under "1 hour"',
    );
    choose(element, 'waiting-filter', '');
    await until(() => rowOf(element, waiting.id), 'the ticket never came back for "Any time"');
  });

  it('heads the queue with a waiting chat, and shows only chats for the kind Chat', async () => {
    const run = token();
    const name = `visitor-${run}`;
    const chatId = await waitingChat(name);
    const ticket = await carlaTicket(`Queue ${run} visitor-${run} pallet`);
    const element = await queue(run);
    await until(() => element.matches(':state(live)'), 'ticket changes never went live');
    await until(
      () => chatRowOf(element, chatId) && rowOf(element, ticket.id),
      'the waiting chat and the ticket never showed together',
    );
    const row = chatRowOf(element, chatId)!;
    expect(textOf(row.querySelector("[part~='kind']"))).to.equal('Chat');
    expect(textOf(row.querySelector("[part~='customer']"))).to.equal(name);
    expect(textOf(row.querySelector("[part~='who']"))).to.equal('Visitor');
    expect(textOf(row.querySelector("[part~='waited']"))).to.match(/^Customer waiting/);
    const link = row.querySelector<HTMLAnchorElement>("[part~='open-chat']")!;
    expect(link.getAttribute('href')).to.equal('#chats');
    expect(textOf(link)).to.equal('Open in chats');
    const ticketRow = rowOf(element, ticket.id)!;
    expect(row.compareDocumentPosition(ticketRow) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(
      0,
    );
    await expect(element).to.be.accessible();

    choose(element, 'kind-filter', 'chat');
    await until(() => !rowOf(element, ticket.id), 'tickets stayed under the kind Chat');
    expect(chatRowOf(element, chatId)).to.not.equal(null);
    choose(element, 'kind-filter', 'complaint');
    await until(
      () => !chatRowOf(element, chatId) && rowOf(element, ticket.id),
      'the chat stayed under the kind Complaint',
    );
    choose(element, 'kind-filter', '');
    await until(() => chatRowOf(element, chatId), 'the chat never came back');

    // The chat ends; the next time the queue is read (here: a customer reply) it is gone.
    await visitor(name, 'chat.end', { conversationId: chatId });
    await customer('ticket.reply', { ticketId: ticket.id, body: `Any news ${run}?` });
    await until(() => !chatRowOf(element, chatId), 'the ended chat stayed in the queue');
  });

  it('fits 320 px without scrolling sideways', async () => {
    const ticket = await carlaTicket(`Narrow ${token()} a rather long subject for a phone`);
    await setViewport({ width: 320, height: 640 });
    const element = await openTicket(ticket.id);
    expect(element.scrollWidth).to.be.at.most(element.clientWidth);
    const chatId = await waitingChat(`visitor-with-a-long-name-${token()}`);
    element.ticketId = null;
    await until(
      () => part(element, 'list') && chatRowOf(element, chatId),
      'the queue and its chat never came back',
    );
    expect(element.scrollWidth).to.be.at.most(element.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});
