import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../elements/portico-ticket-inbox/portico-ticket-inbox.ts';
import type { PorticoTicketInbox } from '../../elements/portico-ticket-inbox/portico-ticket-inbox.ts';
import type { PorticoTicketAttachments } from '../../elements/portico-ticket-inbox/ticket-attachments.ts';
import type { PorticoApi } from '../../elements/api/client.ts';
import { TicketCreatedEvent, type CreatedTicket } from '../../elements/events.ts';
import { agent, anna, ben } from './support/people.ts';
import type { StaffCall } from './support/portico-backend.plugin.ts';
import {
  all,
  attachContextRoot,
  backendUrl,
  definePortal,
  part,
  products as productIds,
  sessionKnown,
  signIn,
  signOut,
  textOf,
  until,
} from './support/page.ts';
import { api, backToAnna, signInAsNewCustomer } from './support/ledger.ts';
import { ADDRESS } from '../support/address.ts';

const products = productIds as Record<'beans' | 'cups' | 'service', string>;

type Kind = 'question' | 'complaint' | 'concern';
type Priority = 'low' | 'normal' | 'high' | 'urgent';

/** Opens a ticket as the signed-in customer, through the same procedure the form uses. */
async function openTicket(
  subject: string,
  options: { kind?: Kind; priority?: Priority; tags?: string[] } = {},
) {
  return api.trpc.ticket.create.mutate({
    subject,
    kind: options.kind ?? 'question',
    priority: options.priority ?? 'normal',
    tags: options.tags ?? [],
    body: `About: ${subject}`,
  });
}

/** A staff procedure the agent calls from outside the page, as from the staff console. */
function staff<T = unknown>(path: string, input: unknown): Promise<T> {
  return executeServerCommand('portico-staff', { path, input });
}

async function placeOrder(): Promise<string> {
  const items = [{ productId: products.cups, quantity: 1 }];
  const quote = await api.trpc.order.quote.query({ items, address: ADDRESS });
  const placed = await api.trpc.order.place.mutate({
    idempotencyKey: crypto.randomUUID(),
    items,
    address: ADDRESS,
    expectedTotal: quote.total,
  });
  return placed.order.number;
}

/** Sets the page's fragment without a `hashchange`, as a page opened on that link would have. */
function openAt(hash: string): void {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
}

async function renderInbox(
  options: { hash?: string; pageSize?: number; dir?: string; lang?: string } = {},
): Promise<PorticoTicketInbox> {
  openAt(options.hash ?? '');
  const container = await fixture(html`
    <div dir=${ifDefined(options.dir)} lang=${ifDefined(options.lang)}>
      <portico-portal api=${backendUrl}>
        <portico-ticket-inbox page-size=${ifDefined(options.pageSize)}></portico-ticket-inbox>
      </portico-portal>
    </div>
  `);
  const inbox = container.querySelector('portico-ticket-inbox');
  if (!inbox) throw new Error('the fixture did not render');
  await sessionKnown(inbox);
  return inbox;
}

/** The ticket numbers of the list's rows, in order. */
function numbers(inbox: PorticoTicketInbox): string[] {
  return all(inbox, "[part~='ticket'] [part~='number']").map(textOf);
}

function row(inbox: PorticoTicketInbox, number: string): HTMLElement {
  const found = all(inbox, "[part~='ticket']").find(
    (candidate) => textOf(candidate.querySelector("[part~='number']")) === number,
  );
  if (!found) throw new Error(`no row for ticket ${number}`);
  return found;
}

async function listed(inbox: PorticoTicketInbox, count = 1): Promise<void> {
  await until(() => numbers(inbox).length >= count, 'the tickets were not listed');
}

function control<T extends HTMLElement = HTMLInputElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

function type(field: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function press(field: HTMLElement, key: string): void {
  field.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
}

/** The element that has focus, inside shadow roots too. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function chips(inbox: PorticoTicketInbox): string[] {
  return all(inbox, "[part~='tags-field'] [part~='tag'] > span:first-child").map(textOf);
}

function attachments(inbox: PorticoTicketInbox): PorticoTicketAttachments {
  return control<PorticoTicketAttachments>(inbox, 'portico-ticket-attachments');
}

/** Chooses files in the attachments' picker, as the file dialog would. */
function chooseFiles(picker: PorticoTicketAttachments, files: File[]): void {
  const input = picker.shadowRoot?.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The new-ticket form once its choices have loaded. */
async function newTicketForm(
  hash = '#new-ticket',
  options: { lang?: string } = {},
): Promise<PorticoTicketInbox> {
  const inbox = await renderInbox({ hash, ...options });
  await until(() => part(inbox, 'new-form'), 'the form did not show');
  await until(
    () => all(inbox, '#order option').length > 0 && inbox.shadowRoot?.querySelector('#order'),
    'the order select did not fill',
  );
  return inbox;
}

function fillForm(inbox: PorticoTicketInbox, subject: string, body: string): void {
  type(control(inbox, '#subject'), subject);
  type(control<HTMLTextAreaElement>(inbox, '#body'), body);
}

/** The ticket `portico-ticket-created` announces next. */
async function ticketCreated(inbox: PorticoTicketInbox): Promise<CreatedTicket> {
  const event = (await oneEvent(inbox, TicketCreatedEvent.eventName)) as Event;
  if (!(event instanceof TicketCreatedEvent)) throw new Error('not a TicketCreatedEvent');
  return event.ticket;
}

function submit(inbox: PorticoTicketInbox): void {
  control<HTMLButtonElement>(inbox, "[part~='submit']").click();
}

/** The slugs of the help articles the form suggests, in order. */
function suggested(inbox: PorticoTicketInbox): string[] {
  return all(inbox, "[part~='suggestion']").map((item) => item.dataset.slug ?? '');
}

function suggestion(inbox: PorticoTicketInbox, slug: string): HTMLElement {
  const found = all(inbox, "[part~='suggestion']").find((item) => item.dataset.slug === slug);
  if (!found) throw new Error(`no suggestion ${slug}`);
  return found;
}

/** Gives the element a client that notes each `help.suggest` text and passes it on. */
function spyOnSuggest(inbox: PorticoTicketInbox): string[] {
  const asked: string[] = [];
  const real = inbox.api as PorticoApi;
  const help = new Proxy(real.trpc.help, {
    get(target, key) {
      if (key !== 'suggest') return Reflect.get(target, key);
      return {
        query: (input: { text: string }, options?: { signal?: AbortSignal }) => {
          asked.push(input.text);
          return target.suggest.query(input as Parameters<typeof target.suggest.query>[0], options);
        },
      };
    },
  });
  const trpc = new Proxy(real.trpc, {
    get: (target, key) => (key === 'help' ? help : Reflect.get(target, key)),
  });
  inbox.api = { ...real, trpc } as PorticoApi;
  return asked;
}

/** Changes the fragment as a link on the page would, once the inbox has heard of it. */
async function goTo(inbox: PorticoTicketInbox, hash: string): Promise<void> {
  const heard = oneEvent(window, 'hashchange');
  location.hash = hash;
  await heard;
  await inbox.updateComplete;
}

describe('<portico-ticket-inbox>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(async () => {
    backToAnna();
    await signOut();
    openAt('');
  });

  it('asks a signed-out visitor to sign in', async () => {
    const inbox = await renderInbox();
    expect(textOf(part(inbox, 'signed-out'))).to.equal('Sign in to see your tickets.');
    expect(part(inbox, 'list')).to.equal(null);
  });

  it('tells staff that tickets are answered in the staff console', async () => {
    await signIn(agent);
    const inbox = await renderInbox();
    expect(textOf(part(inbox, 'no-account'))).to.contain('signed in as staff');
    expect(part<HTMLAnchorElement>(inbox, 'staff-link')?.href).to.equal(`${backendUrl}/staff`);
    expect(part(inbox, 'list')).to.equal(null);
  });

  it('shows an empty inbox with a way to open the first ticket', async () => {
    await signInAsNewCustomer();
    const inbox = await renderInbox();
    await until(() => part(inbox, 'empty'), 'no empty state');
    expect(textOf(part(inbox, 'summary'))).to.equal('No tickets yet.');
    expect(part(inbox, 'new-ticket')?.getAttribute('href')).to.equal('#new-ticket');
    expect(part(inbox, 'unread')).to.equal(null);
    expect(inbox.shadowRoot?.querySelector('h2')?.textContent?.trim()).to.equal('Your tickets');
  });

  it('lists tickets unread first, with status and priority in words and unread markers', async () => {
    await signInAsNewCustomer();
    const answered = await openTicket('The beans arrived wet', {
      priority: 'high',
      tags: ['beans'],
    });
    const quiet = await openTicket('Where is my invoice?', { priority: 'low' });
    await staff('staff.ticket.reply', { ticketId: answered.id, body: 'Sorry, a new bag is sent.' });

    const inbox = await renderInbox();
    await listed(inbox, 2);
    expect(numbers(inbox)).to.deep.equal([answered.number, quiet.number]);

    const unread = row(inbox, answered.number);
    expect(unread.getAttribute('part')).to.equal('ticket ticket-unread');
    expect(textOf(unread.querySelector("[part~='unread-marker']"))).to.equal('New answer');
    const link = unread.querySelector<HTMLAnchorElement>("[part~='ticket-link']");
    expect(textOf(link)).to.equal(`${answered.number} The beans arrived wet (new answer)`);
    expect(link?.getAttribute('href')).to.equal(`#ticket=${answered.id}`);
    expect(textOf(unread.querySelector("[part~='status']"))).to.equal('Waiting for you');
    expect(unread.querySelector("[part~='status']")?.getAttribute('part')).to.equal(
      'status status-pending',
    );
    expect(textOf(unread.querySelector("[part~='priority']"))).to.equal('High priority');
    expect(all(inbox, "[part~='ticket-unread'] [part~='tag']").map(textOf)).to.deep.equal([
      'beans',
    ]);
    expect(textOf(unread.querySelector("[part~='meta']"))).to.contain('2 messages');

    const read = row(inbox, quiet.number);
    expect(read.getAttribute('part')).to.equal('ticket');
    expect(read.querySelector("[part~='unread-marker']")).to.equal(null);
    expect(textOf(read.querySelector("[part~='status']"))).to.equal('Open');
    expect(textOf(read.querySelector("[part~='priority']"))).to.equal('Low priority');
    expect(textOf(part(inbox, 'unread'))).to.equal('1 unread ticket');
    expect(textOf(part(inbox, 'summary'))).to.equal('Showing 2 tickets.');
  });

  it('marks a ticket unread and counts it as soon as staff answer', async () => {
    await signInAsNewCustomer();
    const ticket = await openTicket('Is the grinder in stock?');
    const inbox = await renderInbox();
    await listed(inbox);
    expect(row(inbox, ticket.number).querySelector("[part~='unread-marker']")).to.equal(null);
    // The stream's first count says it is listening; only then can an answer be heard.
    await until(() => inbox.unread === 0, 'the live updates did not start');

    await staff('staff.ticket.reply', { ticketId: ticket.id, body: 'Yes, 12 are in stock.' });
    await until(
      () => row(inbox, ticket.number).querySelector("[part~='unread-marker']"),
      'the answer did not mark the ticket unread',
    );
    await until(() => textOf(part(inbox, 'unread')) === '1 unread ticket', 'no unread count');
    expect(textOf(inbox.shadowRoot?.querySelector("[aria-live='polite']"))).to.equal(
      'A new answer arrived.',
    );
  });

  it('filters by status, priority, tag and words, and clears the filters', async () => {
    await signInAsNewCustomer();
    const urgent = await openTicket('Machine leaks water', {
      priority: 'urgent',
      tags: ['repair'],
    });
    const resolved = await openTicket('Change my delivery day', { tags: ['delivery'] });
    await staff('staff.ticket.setStatus', { ticketId: resolved.id, status: 'resolved' });
    const inbox = await renderInbox();
    await listed(inbox, 2);

    type(control<HTMLSelectElement>(inbox, "[part~='status-filter']"), 'resolved');
    await until(() => numbers(inbox).join() === resolved.number, 'the status filter did not apply');
    expect(textOf(part(inbox, 'summary'))).to.equal('Showing 1 ticket.');

    type(control<HTMLSelectElement>(inbox, "[part~='status-filter']"), '');
    type(control<HTMLSelectElement>(inbox, "[part~='priority-filter']"), 'urgent');
    await until(() => numbers(inbox).join() === urgent.number, 'the priority filter did not apply');

    type(control<HTMLSelectElement>(inbox, "[part~='priority-filter']"), '');
    type(control(inbox, "[part~='tag-filter']"), 'Delivery');
    await until(() => numbers(inbox).join() === resolved.number, 'the tag filter did not apply');

    type(control(inbox, "[part~='tag-filter']"), '!?');
    await until(() => part(inbox, 'field-error'), 'a tag the server refuses was not explained');
    expect(control(inbox, "[part~='tag-filter']").getAttribute('aria-invalid')).to.equal('true');

    type(control(inbox, "[part~='tag-filter']"), '');
    type(control(inbox, "[part~='search']"), 'leaks');
    await until(() => numbers(inbox).join() === urgent.number, 'the search did not apply');

    type(control(inbox, "[part~='search']"), 'nothing like this anywhere');
    await until(() => part(inbox, 'clear-filters'), 'no empty state for the filters');
    expect(textOf(part(inbox, 'summary'))).to.equal('No tickets match these filters.');
    part(inbox, 'clear-filters')?.click();
    await until(() => numbers(inbox).length === 2, 'clearing did not bring the tickets back');
    expect(inbox.shadowRoot?.activeElement).to.equal(part(inbox, 'search'));
  });

  it('pages with "Load more" and moves focus to the first new ticket', async () => {
    await signInAsNewCustomer();
    for (const subject of ['First one', 'Second one', 'Third one']) await openTicket(subject);
    const inbox = await renderInbox({ pageSize: 2 });
    await listed(inbox, 2);
    expect(numbers(inbox)).to.have.length(2);

    control<HTMLButtonElement>(inbox, "[part~='more']").click();
    await until(() => numbers(inbox).length === 3, 'the next page did not come');
    expect(part(inbox, 'more')).to.equal(null);
    expect(textOf(deepActive())).to.contain('First one');
  });

  it('opens a ticket with kind, priority and tag chips, then shows its thread', async () => {
    await signInAsNewCustomer();
    const inbox = await renderInbox();
    await listed(inbox, 0);
    part<HTMLAnchorElement>(inbox, 'new-ticket')?.click();
    await until(() => part(inbox, 'new-form'), 'the form did not open');
    await until(() => textOf(deepActive()) === 'New ticket', 'the heading took no focus');
    expect(location.hash).to.equal('#new-ticket');

    fillForm(inbox, 'The grinder is too loud', 'It squeaks since Monday.');
    control(inbox, "input[name='kind'][value='complaint']").click();
    type(control<HTMLSelectElement>(inbox, '#priority'), 'high');
    expect(part(inbox, 'category'), 'no categories, no category field').to.equal(null);

    const tagInput = control(inbox, '#tag-input');
    type(tagInput, 'Noise');
    press(tagInput, 'Enter');
    await inbox.updateComplete;
    type(tagInput, 'grinder,urgent fix,');
    await inbox.updateComplete;
    type(tagInput, 'noise');
    control<HTMLButtonElement>(inbox, "[part~='add-tag']").click();
    await inbox.updateComplete;
    expect(chips(inbox)).to.deep.equal(['noise', 'grinder', 'urgent fix']);

    type(tagInput, 'no way!');
    press(tagInput, 'Enter');
    await inbox.updateComplete;
    expect(textOf(part(inbox, 'tags-field')?.querySelector("[part~='field-error']"))).to.equal(
      'Tags use letters, digits, spaces, - and _.',
    );
    expect(chips(inbox)).to.have.length(3);
    type(tagInput, '');

    const remove = all<HTMLButtonElement>(inbox, "[part~='remove-tag']")[2];
    expect(remove?.getAttribute('aria-label')).to.equal('Remove tag urgent fix');
    remove?.click();
    await until(() => chips(inbox).length === 2, 'the chip was not removed');
    expect(inbox.shadowRoot?.activeElement).to.equal(tagInput);

    const created = ticketCreated(inbox);
    submit(inbox);
    const ticket = await created;
    expect(ticket.subject).to.equal('The grinder is too loud');
    expect(ticket.number).to.match(/^T-/);
    await until(() => location.hash === `#ticket=${ticket.id}`, 'the thread did not open');
    await until(
      () => inbox.shadowRoot?.querySelector('portico-ticket-thread')?.ticketId === ticket.id,
      'the thread element did not get the ticket',
    );
    const thread = inbox.shadowRoot?.querySelector('portico-ticket-thread');
    expect(thread?.getAttribute('exportparts')).to.include('message-staff');

    const saved = await api.trpc.ticket.byId.query({ ticketId: ticket.id });
    expect(saved.kind).to.equal('complaint');
    expect(saved.priority).to.equal('high');
    expect([...saved.tags].sort()).to.deep.equal(['grinder', 'noise']);
    expect(saved.messages[0]?.body).to.equal('It squeaks since Monday.');
  });

  it('links the order a page linked to, and says so when it is not the customer’s', async () => {
    await signInAsNewCustomer();
    const older = await placeOrder();
    const number = await placeOrder();
    const inbox = await newTicketForm(`#new-ticket&order=${number}`);
    const select = control<HTMLSelectElement>(inbox, '#order');
    const { id } = await api.trpc.order.byNumber.query({ number });
    await until(() => select.value === id, 'the linked order was not chosen');
    expect(textOf(select.selectedOptions[0])).to.contain(number);
    expect(all(inbox, '#order option').map(textOf).join()).to.contain(older);

    fillForm(inbox, 'One cup is missing', 'The parcel had only one cup.');
    const created = ticketCreated(inbox);
    submit(inbox);
    const ticket = await created;
    const saved = await api.trpc.ticket.byId.query({ ticketId: ticket.id });
    expect(saved.order?.number).to.equal(number);

    await signOut();
    await signIn(ben);
    const bens = await newTicketForm(`#new-ticket&order=${number}`);
    await until(() => part(bens, 'order-missing'), 'no word about the unknown order');
    expect(textOf(part(bens, 'order-missing'))).to.contain(number);
    expect(control<HTMLSelectElement>(bens, '#order').value).to.equal('');
    expect(all(bens, '#order option').map(textOf).join()).to.not.contain(number);
  });

  it('shows the server’s field errors at their fields and moves focus to the first', async () => {
    await signIn();
    const inbox = await newTicketForm();
    // Long enough for the browser's own checks, too short once the server trims it.
    fillForm(inbox, '  ab  ', '    ');
    submit(inbox);
    await until(() => all(inbox, "[part~='field-error']").length === 2, 'no field errors');
    const subject = control(inbox, '#subject');
    expect(subject.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(inbox.shadowRoot?.querySelector('#subject-error'))).to.equal(
      'A subject of at least 3 characters.',
    );
    expect(subject.getAttribute('aria-describedby')).to.equal('subject-error');
    expect(textOf(inbox.shadowRoot?.querySelector('#body-error'))).to.equal('Write a message.');
    expect(control(inbox, '#body').getAttribute('aria-invalid')).to.equal('true');
    await until(() => inbox.shadowRoot?.activeElement === subject, 'the subject took no focus');
    expect(location.hash).to.equal('#new-ticket');
  });

  it('offers the vendor’s categories, and shows the server’s refusal at the field', async () => {
    await signIn();
    const inbox = await renderInbox({ hash: '#new-ticket' });
    // The test backend's vendor has no categories and only an admin may set them: the element
    // gets a client that adds two to the settings and passes everything else to the server.
    const real = inbox.api as PorticoApi;
    const trpc = new Proxy(real.trpc, {
      get(target, key) {
        if (key !== 'portal') return Reflect.get(target, key);
        return {
          settings: {
            query: async () => ({
              ...(await target.portal.settings.query()),
              ticketCategories: ['Billing', 'Delivery'],
            }),
          },
        };
      },
    });
    inbox.api = { ...real, trpc } as PorticoApi;
    await until(() => part(inbox, 'category'), 'no category field');
    const category = control<HTMLSelectElement>(inbox, '#category');
    expect([...category.options].map((option) => option.value)).to.deep.equal([
      '',
      'Billing',
      'Delivery',
    ]);
    type(category, 'Delivery');
    fillForm(inbox, 'Delivery was late', 'Two days late.');
    submit(inbox);
    await until(() => inbox.shadowRoot?.querySelector('#category-error'), 'no category error');
    expect(textOf(inbox.shadowRoot?.querySelector('#category-error'))).to.equal(
      'Choose one of the listed categories.',
    );
    expect(category.getAttribute('aria-invalid')).to.equal('true');
  });

  it('offers only the kinds of ticket the vendor takes, the first one chosen', async () => {
    type Settings = { portal: Record<string, unknown> };
    const admin = <T>(path: string, input?: unknown, kind?: 'query') =>
      executeServerCommand<T, StaffCall>('portico-admin', { path, input, kind });
    const { portal } = await admin<Settings>('staff.settings.get', undefined, 'query');
    await admin('staff.portal.update', { ...portal, ticketKinds: ['complaint', 'concern'] });
    try {
      await signIn();
      const inbox = await renderInbox({ hash: '#new-ticket' });
      const kinds = () =>
        all<HTMLInputElement>(inbox, 'input[name="kind"]').map((radio) => radio.value);
      await until(() => kinds().length === 2, 'the form still offers every kind');
      expect(kinds()).to.deep.equal(['complaint', 'concern']);
      expect(all<HTMLInputElement>(inbox, 'input[name="kind"]:checked')[0]?.value).to.equal(
        'complaint',
      );
      await expect(inbox).to.be.accessible();
    } finally {
      await admin('staff.portal.update', portal);
    }
  });

  it('uploads a file with a progress bar, waits for it, and sends it with the ticket', async () => {
    await signIn();
    const inbox = await newTicketForm();
    fillForm(inbox, 'Photo of the damage', 'See the photo.');
    const picker = attachments(inbox);
    const text = 'The box was crushed on one corner.\n'.repeat(2000);
    chooseFiles(picker, [new File([text], 'damage.txt', { type: 'text/plain' })]);
    await inbox.updateComplete;
    expect(picker.busy).to.equal(true);
    expect(control<HTMLButtonElement>(inbox, "[part~='submit']").disabled).to.equal(true);
    expect(part(picker, 'progress')).to.not.equal(null);

    await until(() => picker.ids.length === 1, 'the file was not uploaded');
    const progress = part<HTMLProgressElement>(picker, 'progress');
    expect(progress?.value).to.equal(1);
    expect(progress?.hidden).to.equal(true);
    await inbox.updateComplete;
    expect(control<HTMLButtonElement>(inbox, "[part~='submit']").disabled).to.equal(false);

    const created = ticketCreated(inbox);
    submit(inbox);
    const ticket = await created;
    const saved = await api.trpc.ticket.byId.query({ ticketId: ticket.id });
    expect(saved.messages[0]?.attachments.map((file) => file.name)).to.deep.equal(['damage.txt']);
  });

  it('never shows a customer another customer’s tickets', async () => {
    await signIn(anna);
    const subject = `Anna's private matter ${crypto.randomUUID().slice(0, 8)}`;
    const annas = await openTicket(subject);
    await signOut();
    await signIn(ben);
    await openTicket('Ben asks about cups');

    const inbox = await renderInbox();
    await listed(inbox);
    expect(numbers(inbox)).to.not.include(annas.number);
    type(control(inbox, "[part~='search']"), subject);
    await until(() => part(inbox, 'clear-filters'), 'the search did not finish');
    expect(numbers(inbox)).to.deep.equal([]);

    openAt(`#ticket=${annas.id}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await until(() => inbox.shadowRoot?.querySelector('portico-ticket-thread'), 'no thread');
    const thread = inbox.shadowRoot?.querySelector('portico-ticket-thread');
    if (!thread) throw new Error('no thread');
    await until(() => part(thread, 'error'), 'the thread did not refuse the ticket');
    expect(thread.shadowRoot?.textContent).to.not.contain(subject);
  });

  it('moves focus to the heading of each view it goes to', async () => {
    await signIn();
    const inbox = await renderInbox({ hash: '#new-ticket' });
    await until(() => part(inbox, 'new-form'), 'the form did not show');
    part<HTMLAnchorElement>(inbox, 'back')?.click();
    await until(() => textOf(deepActive()) === 'Your tickets', 'the list heading took no focus');
    expect(location.hash).to.equal('#tickets');
  });

  it('suggests help articles while the customer writes, to read in place', async () => {
    await signIn();
    const inbox = await newTicketForm();
    const subject = control(inbox, '#subject');
    subject.focus();
    type(subject, 'Where is my tracking number');
    await until(() => suggested(inbox).includes('track-a-shipment'), 'no suggestion');
    expect(suggested(inbox).length).to.be.at.most(3);

    const region = part(inbox, 'suggestions');
    expect(region?.localName).to.equal('section');
    const title = inbox.shadowRoot?.getElementById(region?.getAttribute('aria-labelledby') ?? '');
    expect(textOf(title)).to.equal('These articles may answer your question');
    const status = part(inbox, 'suggestions-status');
    expect(status?.getAttribute('role')).to.equal('status');
    expect(textOf(status)).to.match(/^[1-3] help articles? may answer your question\.$/);
    expect(inbox.shadowRoot?.activeElement, 'the suggestions took focus').to.equal(subject);

    const track = suggestion(inbox, 'track-a-shipment');
    const toggle = track.querySelector<HTMLButtonElement>("[part~='suggestion-toggle']");
    if (!toggle) throw new Error('no toggle');
    expect(textOf(toggle)).to.equal('Track a shipment');
    expect(textOf(track.querySelector("[part~='suggestion-category']"))).to.equal('Delivery');
    expect(track.querySelector("[part~='suggestion-language']")).to.equal(null);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');

    toggle.click();
    await inbox.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const article = () => track.querySelector<HTMLElement>("[part~='suggestion-article']");
    await until(() => article()?.querySelector('ol li'), 'the article did not open');
    expect(article()?.id).to.equal(toggle.getAttribute('aria-controls'));
    expect(article()?.getAttribute('lang')).to.equal('en');
    expect(article()?.getAttribute('dir')).to.equal('ltr');
    expect(textOf(article())).to.contain('The tracking number is shown on the order');
    expect(article()?.querySelector('strong')).to.not.equal(null);
    expect(location.hash).to.equal('#new-ticket');
    await expect(inbox).to.be.accessible();

    toggle.click();
    await inbox.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(part(track, 'suggestion-article')).to.equal(null);

    type(control<HTMLTextAreaElement>(inbox, '#body'), 'The order shipped a week ago.');
    const created = ticketCreated(inbox);
    submit(inbox);
    const ticket = await created;
    expect(ticket.subject).to.equal('Where is my tracking number');
    await until(() => location.hash === `#ticket=${ticket.id}`, 'the thread did not open');
  });

  it('suggests articles in the page’s language', async () => {
    await signIn();
    const inbox = await newTicketForm('#new-ticket', { lang: 'de' });
    type(
      control<HTMLTextAreaElement>(inbox, '#body'),
      'Meine Sendung ist seit einer Woche unterwegs. Wo finde ich die Sendungsnummer?',
    );
    await until(() => suggested(inbox).includes('track-a-shipment'), 'no German suggestion');
    const track = suggestion(inbox, 'track-a-shipment');
    expect(textOf(track.querySelector("[part~='suggestion-toggle']"))).to.equal(
      'Eine Sendung verfolgen',
    );
    expect(textOf(track.querySelector("[part~='suggestion-category']"))).to.equal('Lieferung');
    expect(track.querySelector("[part~='suggestion-language']")).to.equal(null);
    expect([...track.querySelectorAll("[part~='match']")].map(textOf)).to.deep.equal(['Sendung']);
    track.querySelector<HTMLButtonElement>("[part~='suggestion-toggle']")?.click();
    const article = () => track.querySelector<HTMLElement>("[part~='suggestion-article']");
    await until(() => article()?.getAttribute('lang') === 'de', 'the article did not open');
    expect(textOf(article())).to.contain('Sendungsnummer');
  });

  it('suggests nothing for one or two characters', async () => {
    await signIn();
    const inbox = await newTicketForm();
    const asked = spyOnSuggest(inbox);
    type(control(inbox, '#subject'), 'Invoice missing');
    await until(() => suggested(inbox).length > 0, 'no suggestion to begin with');

    for (const text of ['In', 'I']) {
      type(control(inbox, '#subject'), text);
      await until(() => part(inbox, 'suggestions') === null, `suggestions for "${text}"`);
      expect(textOf(part(inbox, 'suggestions-status'))).to.equal('');
    }
    type(control<HTMLTextAreaElement>(inbox, '#body'), ' ?! ');
    await inbox.updateComplete;
    expect(part(inbox, 'suggestions')).to.equal(null);
    expect(asked.length).to.be.greaterThan(0);
    expect(asked.every((text) => text.startsWith('Invoice missing'))).to.equal(true);
  });

  it('fills in the subject a link gives, with or without an order', async () => {
    await signInAsNewCustomer();
    const number = await placeOrder();
    const { id } = await api.trpc.order.byNumber.query({ number });

    const inbox = await newTicketForm('#new-ticket&subject=Damaged%20cups');
    expect(control(inbox, '#subject').value).to.equal('Damaged cups');
    expect(control<HTMLSelectElement>(inbox, '#order').value).to.equal('');

    for (const hash of [
      `#new-ticket&subject=Damaged%20cups&order=${number}`,
      `#new-ticket&order=${number}&subject=Damaged%20cups`,
    ]) {
      const form = await newTicketForm(hash);
      const select = control<HTMLSelectElement>(form, '#order');
      await until(() => select.value === id, `the order was not chosen for ${hash}`);
      expect(control(form, '#subject').value).to.equal('Damaged cups');
    }

    const long = encodeURIComponent(`Broken\n${'cup '.repeat(60)}`);
    const limited = await newTicketForm(`#new-ticket&subject=${long}`);
    const value = control(limited, '#subject').value;
    expect(value).to.have.length(150);
    expect(value.startsWith('Broken cup cup')).to.equal(true);

    const list = await renderInbox();
    await until(() => part(list, 'inbox'), 'the list did not show');
    await goTo(list, '#new-ticket&subject=Where%20is%20my%20parcel%3F');
    await until(() => part(list, 'new-form'), 'the link did not open the form');
    expect(control(list, '#subject').value).to.equal('Where is my parcel?');
  });

  it('stays on its view when the help centre changes the fragment', async () => {
    await signInAsNewCustomer();
    const ticket = await openTicket('Help centre next door');
    const inbox = await renderInbox({ hash: `#ticket=${ticket.id}` });
    const thread = () => inbox.shadowRoot?.querySelector('portico-ticket-thread');
    await until(() => thread()?.ticketId === ticket.id, 'the thread did not show');
    await goTo(inbox, '#help=refunds');
    expect(thread()?.ticketId).to.equal(ticket.id);
    // The help centre's "Back to results".
    await goTo(inbox, '#help');
    expect(thread()?.ticketId).to.equal(ticket.id);

    await goTo(inbox, '#new-ticket');
    await until(() => part(inbox, 'new-form'), 'the form did not show');
    type(control(inbox, '#subject'), 'Half written');
    await goTo(inbox, '#help=return-an-item');
    expect(part(inbox, 'new-form')).to.not.equal(null);
    expect(control(inbox, '#subject').value).to.equal('Half written');

    await goTo(inbox, '#somewhere-else');
    await until(() => part(inbox, 'inbox'), 'another anchor did not show the list');

    const opened = await renderInbox({ hash: '#help=refunds' });
    await until(() => part(opened, 'inbox'), 'a page opened on the help centre showed no list');
  });

  it('is accessible when signed out', async () => {
    const inbox = await renderInbox();
    await expect(inbox).to.be.accessible();
  });

  it('is accessible with tickets listed, and with the form and its errors', async () => {
    await signInAsNewCustomer();
    const ticket = await openTicket('Accessible ticket', { tags: ['a11y'] });
    await staff('staff.ticket.reply', { ticketId: ticket.id, body: 'An answer.' });
    const inbox = await renderInbox();
    await listed(inbox);
    await expect(inbox).to.be.accessible();

    const form = await newTicketForm();
    type(control(form, '#tag-input'), 'tidy');
    press(control(form, '#tag-input'), 'Enter');
    fillForm(form, '  ab  ', 'Body');
    submit(form);
    await until(() => form.shadowRoot?.querySelector('#subject-error'), 'no field error');
    await expect(form).to.be.accessible();
  });

  it('fits a 320 px wide screen with 44 px targets', async () => {
    const original = { width: window.innerWidth, height: window.innerHeight };
    await setViewport({ width: 320, height: 640 });
    try {
      await signInAsNewCustomer();
      await openTicket('A subject long enough to need wrapping on a narrow phone screen', {
        priority: 'urgent',
        tags: ['a-rather-long-tag-name', 'delivery'],
      });
      const page = document.documentElement;
      const inbox = await renderInbox();
      await listed(inbox);
      expect(page.scrollWidth).to.be.at.most(page.clientWidth);
      expect(inbox.scrollWidth).to.be.at.most(inbox.clientWidth);
      const targets = all(inbox, "input, select, a[part~='ticket-link'], a[part~='new-ticket']");
      for (const target of targets) {
        const label = target.getAttribute('name') ?? textOf(target);
        expect(target.getBoundingClientRect().height, label).to.be.at.least(44);
      }

      const form = await newTicketForm();
      type(control(form, '#tag-input'), 'a-rather-long-tag-name');
      press(control(form, '#tag-input'), 'Enter');
      await form.updateComplete;
      expect(page.scrollWidth).to.be.at.most(page.clientWidth);
      expect(form.scrollWidth).to.be.at.most(form.clientWidth);
      const controls = all(form, "button, input:not([type='radio']), select, textarea, a");
      for (const target of controls) {
        const label = target.getAttribute('aria-label') ?? target.id ?? textOf(target);
        expect(target.getBoundingClientRect().height, label).to.be.at.least(44);
      }
      for (const choice of all(form, 'label.choice')) {
        expect(choice.getBoundingClientRect().height).to.be.at.least(44);
      }
      const add = part(attachments(form), 'add');
      expect(add?.getBoundingClientRect().height).to.be.at.least(44);

      type(control(form, '#subject'), 'Where is my tracking number');
      await until(() => suggested(form).includes('track-a-shipment'), 'no suggestion');
      const toggle = suggestion(form, 'track-a-shipment').querySelector<HTMLButtonElement>(
        "[part~='suggestion-toggle']",
      );
      toggle?.click();
      await until(() => part(form, 'suggestion-article')?.querySelector('ol'), 'no article');
      expect(page.scrollWidth).to.be.at.most(page.clientWidth);
      expect(form.scrollWidth).to.be.at.most(form.clientWidth);
      for (const target of all(form, "[part~='suggestion-toggle']")) {
        expect(target.getBoundingClientRect().height, textOf(target)).to.be.at.least(44);
      }
    } finally {
      await setViewport(original);
    }
  });

  it('lays itself out from the right in a right-to-left page', async () => {
    await signInAsNewCustomer();
    await openTicket('RTL ticket', { priority: 'high' });
    const inbox = await renderInbox({ dir: 'rtl' });
    await listed(inbox);
    expect(getComputedStyle(inbox).direction).to.equal('rtl');
    const heading = part(inbox, 'heading')?.getBoundingClientRect();
    const link = part(inbox, 'new-ticket')?.getBoundingClientRect();
    const box = inbox.getBoundingClientRect();
    if (!heading || !link) throw new Error('no heading or link');
    expect(box.right - heading.right).to.be.within(-1, 1);
    // "New ticket" sits at the bar's end, which is the left in a right-to-left page.
    expect(link.left - box.left).to.be.within(-1, 1);
    const ticket = part(inbox, 'ticket-unread') ?? part(inbox, 'ticket');
    const number = ticket?.querySelector("[part~='number']")?.getBoundingClientRect();
    const rowBox = ticket?.getBoundingClientRect();
    expect((rowBox?.right ?? 0) - (number?.right ?? Infinity)).to.be.lessThan(40);
  });
});
