import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../elements/portico-ticket-inbox/ticket-thread.ts';
import type { PorticoTicketThread } from '../../elements/portico-ticket-inbox/ticket-thread.ts';
import type { PorticoTicketAttachments } from '../../elements/portico-ticket-inbox/ticket-attachments.ts';
import { THREAD_PARTS } from '../../elements/portico-ticket-inbox/ticket-thread.parts.ts';
import { porticoApiFor } from '../../elements/api/client.ts';
import type { StaffCall } from './support/portico-backend.plugin.ts';
import { agent, anna, ben } from './support/people.ts';
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
import { captureDownloads } from './support/ledger.ts';

const api = porticoApiFor(backendUrl);

/** Opens a ticket as the signed-in customer, through the page's own client. */
function createTicket(subject = `Where is my parcel ${crypto.randomUUID().slice(0, 6)}?`) {
  return api.trpc.ticket.create.mutate({
    subject,
    kind: 'complaint',
    priority: 'high',
    tags: ['Delivery', 'parcel'],
    body: 'The parcel has not arrived.',
  });
}

/** A staff procedure, called by the agent from outside the page. */
function staff<T = unknown>(path: string, input: unknown): Promise<T> {
  return executeServerCommand<T, StaffCall>('portico-staff', { path, input });
}

async function renderThread(ticketId: string, dir?: 'rtl'): Promise<PorticoTicketThread> {
  const container = await fixture(html`
    <div dir=${dir ?? 'ltr'}>
      <portico-portal api=${backendUrl}>
        <portico-ticket-thread .ticketId=${ticketId}></portico-ticket-thread>
      </portico-portal>
    </div>
  `);
  const thread = container.querySelector('portico-ticket-thread');
  if (!thread) throw new Error('the fixture did not render');
  await sessionKnown(thread);
  return thread;
}

/** The thread once its ticket has loaded and it hears new answers. */
async function openThread(ticketId: string, dir?: 'rtl') {
  const thread = await renderThread(ticketId, dir);
  await until(() => part(thread, 'messages'), 'the ticket did not load');
  await until(() => thread.matches(':state(live)'), 'the thread never went live');
  return thread;
}

function messages(thread: PorticoTicketThread) {
  return all(thread, "[part~='message']").map((message) => ({
    role: message.dataset['role'],
    author: textOf(message.querySelector("[part~='author']")),
    said: textOf(message.querySelector("[part~='role']")),
    body: textOf(message.querySelector("[part~='body']")),
  }));
}

const bodies = (thread: PorticoTicketThread) => messages(thread).map((message) => message.body);

function announced(thread: PorticoTicketThread): string {
  return textOf(thread.shadowRoot?.querySelector("[role='status'][aria-live='polite']"));
}

function type(control: HTMLInputElement | HTMLTextAreaElement, value: string) {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function click(host: Element, name: string) {
  const found = part(host, name);
  if (!found) throw new Error(`no ${name}`);
  found.click();
}

/** The innermost focused element, through shadow roots, as its tag and part for messages. */
function focused(): string {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return `${active?.localName} ${active?.getAttribute('part') ?? active?.getAttribute('id') ?? ''}`;
}

/** A real PNG image of a few pixels, as a person would pick from their disk. */
async function pngFile(name: string): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 4;
  canvas.height = 4;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no canvas');
  context.fillStyle = '#1d4ed8';
  context.fillRect(0, 0, 4, 4);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the canvas made no PNG');
  return new File([blob], name, { type: 'image/png' });
}

describe('<portico-ticket-thread>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(signOut);

  it('lists its parts for the inbox to export', () => {
    expect(THREAD_PARTS).to.include.members(['thread', 'message-staff', 'download', 'rate']);
    expect(new Set(THREAD_PARTS).size).to.equal(THREAD_PARTS.length);
  });

  it('asks a signed-out visitor to sign in', async () => {
    const thread = await renderThread('anything');
    expect(textOf(part(thread, 'signed-out'))).to.equal('Sign in to see your tickets.');
    expect(part(thread, 'thread')).to.equal(null);
  });

  it('tells a staff sign-in that tickets belong to customer accounts', async () => {
    await signIn(agent);
    const thread = await renderThread('anything');
    expect(textOf(part(thread, 'signed-out'))).to.equal(
      'Tickets belong to customer accounts, and this sign-in has none. Staff answer tickets in the staff console.',
    );
    expect(part(thread, 'thread')).to.equal(null);
  });

  it('shows the ticket and its conversation oldest first, support named as such', async () => {
    await signIn();
    const ticket = await createTicket();
    await api.trpc.ticket.reply.mutate({ ticketId: ticket.id, body: 'Any news?' });
    await staff('staff.ticket.reply', { ticketId: ticket.id, body: 'It ships today.' });
    await staff('staff.ticket.note', { ticketId: ticket.id, body: 'Secret: warehouse is late.' });
    const thread = await openThread(ticket.id);

    expect(textOf(part(thread, 'heading'))).to.equal(ticket.subject);
    expect(textOf(part(thread, 'number'))).to.equal(`Ticket ${ticket.number}`);
    expect(textOf(part(thread, 'status'))).to.equal('Waiting for you');
    expect(part(thread, 'status')?.getAttribute('part')).to.equal('status status-pending');
    expect(textOf(part(thread, 'priority'))).to.equal('High priority');
    expect(textOf(part(thread, 'kind'))).to.equal('Complaint');
    expect(all(thread, "[part~='tag']").map(textOf)).to.deep.equal(['delivery', 'parcel']);
    expect(part(thread, 'back')?.getAttribute('href')).to.equal('#tickets');
    expect(messages(thread)).to.deep.equal([
      {
        role: 'customer',
        author: anna.name,
        said: 'Customer',
        body: 'The parcel has not arrived.',
      },
      { role: 'customer', author: anna.name, said: 'Customer', body: 'Any news?' },
      { role: 'staff', author: agent.name, said: 'Support team', body: 'It ships today.' },
    ]);
    expect(textOf(thread.shadowRoot?.querySelector('article'))).to.not.include('Secret');
    const time = part(thread, 'message')?.querySelector('time');
    expect(time?.getAttribute('datetime')).to.equal(ticket.createdAt);
  });

  it('shows a staff answer as it is sent, announces it and marks the ticket read', async () => {
    await signIn();
    const ticket = await createTicket();
    const thread = await openThread(ticket.id);
    expect(textOf(part(thread, 'status'))).to.equal('Open');
    expect(part(thread, 'rating-form')).to.equal(null);

    await staff('staff.ticket.note', { ticketId: ticket.id, body: 'Only for colleagues.' });
    await staff('staff.ticket.reply', {
      ticketId: ticket.id,
      body: 'Your parcel is on its way.',
      status: 'resolved',
    });
    await until(() => bodies(thread).includes('Your parcel is on its way.'), 'no live answer');
    expect(bodies(thread)).to.deep.equal([
      'The parcel has not arrived.',
      'Your parcel is on its way.',
    ]);
    expect(announced(thread)).to.equal(`New answer from ${agent.name}.`);
    await until(() => textOf(part(thread, 'status')) === 'Resolved', 'the status did not follow');
    expect(part(thread, 'rating-form')).to.not.equal(null);
    expect(textOf(thread.shadowRoot?.querySelector('article'))).to.not.include('colleagues');

    await until(async () => {
      const { items } = await api.trpc.ticket.list.query({ query: ticket.number });
      return items[0]?.id === ticket.id && !items[0].unread;
    }, 'the answer was never marked read');
  });

  it('sends a reply with a picture that uploads, shows on the message and downloads', async () => {
    await signIn();
    const ticket = await createTicket();
    const thread = await openThread(ticket.id);
    const picker = thread.shadowRoot?.querySelector<PorticoTicketAttachments>(
      'portico-ticket-attachments',
    );
    const input = picker?.shadowRoot?.querySelector<HTMLInputElement>("input[type='file']");
    if (!picker || !input) throw new Error('no attachments picker');
    const file = await pngFile('parcel-label.png');
    const chosen = new DataTransfer();
    chosen.items.add(file);
    input.files = chosen.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await thread.updateComplete;
    const send = part<HTMLButtonElement>(thread, 'send');
    expect(send?.disabled, 'sending waits for the upload').to.equal(true);

    const progress = () => picker.shadowRoot?.querySelector<HTMLProgressElement>('progress');
    await until(() => progress()?.value === 1 && progress()?.hidden, 'the upload never finished');
    await until(() => !send?.disabled, 'the send button stayed disabled');
    expect(picker.ids).to.have.length(1);

    type(part<HTMLTextAreaElement>(thread, 'reply-body')!, 'Here is the label.');
    send?.click();
    await until(() => bodies(thread).includes('Here is the label.'), 'the reply did not show');
    await until(() => announced(thread) === 'Your reply was sent.', 'the reply was not announced');
    expect(part<HTMLTextAreaElement>(thread, 'reply-body')?.value).to.equal('');
    expect(picker.ids).to.deep.equal([]);

    const mine = all(thread, "[part~='message']").at(-1);
    const download = mine?.querySelector<HTMLButtonElement>("[part~='download']");
    expect(textOf(download)).to.equal(`Download parcel-label.png (${file.size} bytes)`);
    const downloads = captureDownloads();
    try {
      download?.click();
      await until(() => downloads.blobs.length === 1, 'the file was not saved');
      expect(downloads.names).to.deep.equal(['parcel-label.png']);
      expect(downloads.blobs[0]?.type).to.equal('image/png');
      expect(downloads.blobs[0]?.size).to.equal(file.size);
    } finally {
      downloads.restore();
    }
  });

  it('asks for a message before sending an empty reply', async () => {
    await signIn();
    const ticket = await createTicket();
    const thread = await openThread(ticket.id);
    type(part<HTMLTextAreaElement>(thread, 'reply-body')!, '   ');
    click(thread, 'send');
    await thread.updateComplete;
    expect(textOf(part(thread, 'field-error'))).to.equal('Write a message.');
    expect(part(thread, 'reply-body')?.getAttribute('aria-invalid')).to.equal('true');
    expect(focused()).to.equal('textarea reply-body');
    expect(messages(thread)).to.have.length(1);
  });

  it('closes and reopens the ticket', async () => {
    await signIn();
    const ticket = await createTicket();
    const thread = await openThread(ticket.id);
    expect(part(thread, 'reopen')).to.equal(null);

    click(thread, 'close');
    await until(() => textOf(part(thread, 'status')) === 'Closed', 'the ticket did not close');
    expect(announced(thread)).to.equal('The ticket is closed.');
    expect(part(thread, 'close')).to.equal(null);
    expect(part(thread, 'reply-form'), 'a closed ticket takes no replies').to.equal(null);
    await until(() => focused() === 'button reopen', 'focus did not move to Reopen');

    click(thread, 'reopen');
    await until(() => textOf(part(thread, 'status')) === 'Open', 'the ticket did not reopen');
    expect(announced(thread)).to.equal('The ticket is open again.');
    expect(part(thread, 'reply-form')).to.not.equal(null);
    await until(() => focused() === 'button close', 'focus did not move to Close');
  });

  it('takes a rating only once the ticket is resolved, and only once', async () => {
    await signIn();
    const ticket = await createTicket();
    await staff('staff.ticket.reply', { ticketId: ticket.id, body: 'Not yet resolved.' });
    const thread = await openThread(ticket.id);
    expect(part(thread, 'rating-form'), 'a pending ticket cannot be rated').to.equal(null);

    await staff('staff.ticket.reply', { ticketId: ticket.id, body: 'Done.', status: 'resolved' });
    await until(() => part(thread, 'rating-form'), 'no rating form once resolved');
    const legend = part(thread, 'stars')?.querySelector('legend');
    expect(textOf(legend)).to.equal('How well did we help you?');
    expect(all(thread, "input[name='rating']")).to.have.length(5);
    // The marks beside the words are decoration, hidden from screen readers.
    const words = (label: HTMLElement) => textOf(label.querySelector('span:not([aria-hidden])'));
    expect(all(thread, "[part~='star']").map(words)).to.deep.equal([
      '1 star',
      '2 stars',
      '3 stars',
      '4 stars',
      '5 stars',
    ]);

    click(thread, 'rate');
    await thread.updateComplete;
    expect(textOf(part(thread, 'field-error'))).to.equal('Choose from 1 to 5 stars.');
    expect(focused()).to.equal('input ');

    const four = all<HTMLInputElement>(thread, "input[name='rating']")[3]!;
    four.click();
    type(part<HTMLTextAreaElement>(thread, 'rating-comment')!, 'Quick and kind.');
    click(thread, 'rate');
    await until(() => part(thread, 'rating'), 'the rating was not shown');
    expect(textOf(part(thread, 'rating'))).to.include('You rated the answer 4 out of 5.');
    expect(textOf(part(thread, 'rating-comment-given'))).to.equal('Quick and kind.');
    expect(part(thread, 'rating-form')).to.equal(null);
    expect(announced(thread)).to.equal('Thank you for rating the answer.');

    const again = await renderThread(ticket.id);
    await until(() => part(again, 'rating'), 'the given rating was not shown after a reload');
    expect(part(again, 'rating-form')).to.equal(null);
    const refusal = await api.trpc.ticket.rate
      .mutate({ ticketId: ticket.id, rating: 1 })
      .catch((error: Error) => error.message);
    expect(refusal).to.equal('This ticket has already been rated.');
  });

  it('points a merged ticket to the one it was merged into', async () => {
    await signIn();
    const duplicate = await createTicket();
    const kept = await createTicket();
    const thread = await openThread(duplicate.id);
    await staff('staff.ticket.merge', { ticketId: duplicate.id, intoTicketId: kept.id });
    await until(() => part(thread, 'merged'), 'no merged notice');
    const link = part<HTMLAnchorElement>(thread, 'merged-link');
    expect(link?.getAttribute('href')).to.equal(`#ticket=${kept.id}`);
    expect(textOf(part(thread, 'merged'))).to.equal(
      `This ticket was merged into Ticket ${kept.number}. Please continue the conversation there.`,
    );
    expect(part(thread, 'reply-form')).to.equal(null);
    expect(part(thread, 'close')).to.equal(null);
  });

  it("tells another customer that Anna's ticket does not exist", async () => {
    await signIn();
    const ticket = await createTicket();
    await signOut();
    await signIn(ben);
    const thread = await renderThread(ticket.id);
    await until(() => part(thread, 'error'), 'no error was shown');
    expect(textOf(part(thread, 'error'))).to.equal('There is no such ticket in this account.');
    expect(part(thread, 'error')?.getAttribute('role')).to.equal('alert');
    expect(part(thread, 'retry')).to.equal(null);
    expect(textOf(part(thread, 'heading'))).to.equal('Ticket not found');
    expect(textOf(thread.shadowRoot?.querySelector('article'))).to.not.include(ticket.subject);
  });

  it('moves focus to the heading when another ticket is opened', async () => {
    await signIn();
    const first = await createTicket();
    const second = await createTicket();
    const thread = await openThread(first.id);
    part(thread, 'back')?.focus();
    thread.ticketId = second.id;
    await until(() => textOf(part(thread, 'heading')) === second.subject, 'no second ticket');
    expect(focused()).to.equal('h2 heading');
    expect(bodies(thread)).to.deep.equal(['The parcel has not arrived.']);
  });

  it('is accessible with answers, files and the rating form', async () => {
    await signIn();
    const ticket = await createTicket();
    await staff('staff.ticket.reply', { ticketId: ticket.id, body: 'Done.', status: 'resolved' });
    const thread = await openThread(ticket.id);
    await until(() => part(thread, 'rating-form'), 'no rating form');
    await expect(thread).to.be.accessible();
    // Every part on screen is one the inbox exports.
    const shown = all(thread, '[part]').flatMap((element) =>
      (element.getAttribute('part') ?? '').split(/\s+/),
    );
    expect(THREAD_PARTS).to.include.members(shown);
  });

  it('is usable with the keyboard alone', async () => {
    await signIn();
    const ticket = await createTicket();
    const thread = await openThread(ticket.id);
    part(thread, 'back')?.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('button close');
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('textarea reply-body');
    await sendKeys({ type: 'Typed with keys.' });
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('button add');
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('button send');
    await sendKeys({ press: 'Enter' });
    await until(() => bodies(thread).includes('Typed with keys.'), 'the reply was not sent');
    await until(() => focused() === 'textarea reply-body', 'focus did not return to the field');

    await staff('staff.ticket.reply', { ticketId: ticket.id, body: 'Done.', status: 'resolved' });
    await until(() => part(thread, 'rating-form'), 'no rating form');
    all<HTMLInputElement>(thread, "input[name='rating']")[0]?.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await thread.updateComplete;
    const checked = all<HTMLInputElement>(thread, "input[name='rating']").findIndex(
      (radio) => radio.checked,
    );
    expect(checked + 1, 'arrow keys choose the stars').to.equal(3);
  });

  it('fits a 320 px wide screen with 44 px targets', async () => {
    const original = { width: window.innerWidth, height: window.innerHeight };
    await setViewport({ width: 320, height: 640 });
    try {
      await signIn();
      const ticket = await createTicket(`A long subject ${'without-any-breaks-'.repeat(4)}`);
      await staff('staff.ticket.reply', {
        ticketId: ticket.id,
        body: `See ${'https://example.com/a-very-long-link-'.repeat(3)}`,
        status: 'resolved',
      });
      const thread = await openThread(ticket.id);
      await until(() => part(thread, 'rating-form'), 'no rating form');
      const page = document.documentElement;
      expect(page.scrollWidth).to.be.at.most(page.clientWidth);
      expect(thread.scrollWidth).to.be.at.most(thread.clientWidth);
      const edge = thread.getBoundingClientRect().right;
      for (const target of all(thread, "button, textarea, a, [part~='star']")) {
        const box = target.getBoundingClientRect();
        expect(box.height, textOf(target)).to.be.at.least(44);
        expect(box.right, textOf(target)).to.be.at.most(edge + 0.5);
      }
    } finally {
      await setViewport(original);
    }
  });

  it('lays itself out from the right in a right-to-left page', async () => {
    await signIn();
    const ticket = await createTicket();
    await staff('staff.ticket.reply', { ticketId: ticket.id, body: 'It ships today.' });
    const thread = await openThread(ticket.id, 'rtl');
    expect(getComputedStyle(thread).direction).to.equal('rtl');

    const heading = part(thread, 'heading');
    if (!heading) throw new Error('no heading');
    const range = document.createRange();
    range.selectNodeContents(heading);
    expect(
      heading.getBoundingClientRect().right - range.getBoundingClientRect().right,
    ).to.be.within(-1, 1);
    const list = part(thread, 'messages')!.getBoundingClientRect();
    const [customer, answer] = all(thread, "[part~='message']").map((message) =>
      message.getBoundingClientRect(),
    );
    // Support's answers are set in from the start, which is the right in this direction.
    expect(customer!.right).to.be.closeTo(list.right, 1);
    expect(answer!.right).to.be.below(list.right - 8);
    expect(answer!.left).to.be.closeTo(list.left, 1);
  });
});
