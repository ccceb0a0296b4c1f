import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../elements/portico-chat/portico-chat.ts';
import type { PorticoChat } from '../../elements/portico-chat/portico-chat.ts';
import { CHAT_PARTS } from '../../elements/portico-chat/chat.parts.ts';
import { porticoApiFor } from '../../elements/api/client.ts';
import type { StaffCall } from './support/portico-backend.plugin.ts';
import { agent, ben } from './support/people.ts';
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

const api = porticoApiFor(backendUrl);

/** A question the demo help centre answers with "Track a shipment". */
const TRACKING = 'How can I track my delivery?';

/** A staff procedure, called by the agent from outside the page. */
function staff<T = unknown>(path: string, input: unknown): Promise<T> {
  return executeServerCommand<T, StaffCall>('portico-staff', { path, input });
}

/** Ends the signed-in customer's open chat, so the next one starts afresh. */
async function endOpenChat(): Promise<void> {
  const { conversation } = await api.trpc.chat.current.query();
  if (conversation && conversation.status !== 'ended') {
    await api.trpc.chat.end.mutate({ conversationId: conversation.id });
  }
}

/** A new conversation of the signed-in customer, started as the element would. */
async function startChat(message = TRACKING) {
  await endOpenChat();
  const view = await api.trpc.chat.start.mutate({ message, locale: 'en' });
  if (!view.conversation) throw new Error('chat.start answered no conversation');
  return view.conversation;
}

interface ChatOptions {
  dir?: 'ltr' | 'rtl';
  position?: 'end' | 'start';
  withoutLauncher?: boolean;
}

async function renderChat(options: ChatOptions = {}): Promise<PorticoChat> {
  const container = await fixture(html`
    <div dir=${options.dir ?? 'ltr'} lang="en">
      <button id="vendor-button" type="button">Help</button>
      <portico-portal api=${backendUrl}>
        <portico-chat
          position=${options.position ?? 'end'}
          ?without-launcher=${options.withoutLauncher ?? false}
        ></portico-chat>
      </portico-portal>
    </div>
  `);
  const chat = container.querySelector('portico-chat');
  if (!chat) throw new Error('the fixture did not render');
  await sessionKnown(chat);
  return chat;
}

/** The chat once it has read the conversation and hears it live. */
async function renderLiveChat(options: ChatOptions = {}): Promise<PorticoChat> {
  const chat = await renderChat(options);
  await until(() => chat.matches(':state(live)'), 'the chat never went live');
  return chat;
}

function panel(chat: PorticoChat): HTMLElement {
  const found = part(chat, 'panel');
  if (!found) throw new Error('no panel');
  return found;
}

function isOpen(chat: PorticoChat): boolean {
  return !panel(chat).hidden && chat.matches(':state(open)');
}

/** What the log shows: each message's role and text, and each notice's code and text. */
function shown(chat: PorticoChat) {
  return all(chat, "[part~='message'], [part~='notice']").map((item) => {
    const parts = (item.getAttribute('part') ?? '').split(' ');
    const kind = parts.find((name) => /^(message|notice)-(?!pending)/.test(name)) ?? parts[0];
    const text = item.matches("[part~='notice']")
      ? textOf(item.querySelector('span'))
      : textOf(item.querySelector("[part~='body']"));
    return `${kind}: ${text}`;
  });
}

/** The read mark on the customer's latest message. */
const receipt = (chat: PorticoChat) => textOf(all(chat, "[part~='receipt']").at(-1));

const bodies = (chat: PorticoChat) =>
  all(chat, "[part~='message'] [part~='body']").map((body) => textOf(body));

function type(control: HTMLInputElement | HTMLTextAreaElement, value: string) {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function field<T extends HTMLElement>(chat: PorticoChat, name: string): T {
  const found = part<T>(chat, name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

/** Writes a message in the composer and sends it with the Send button. */
function send(chat: PorticoChat, text: string) {
  type(field<HTMLTextAreaElement>(chat, 'input'), text);
  field(chat, 'send').click();
}

/** The innermost focused element, through shadow roots, as its tag and part or id. */
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

describe('<portico-chat>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(async () => {
    sessionStorage.removeItem('portico-chat-open');
    await signOut();
  });

  it('lists each part once', () => {
    expect(CHAT_PARTS).to.include.members(['launcher', 'panel', 'log', 'composer', 'notice']);
    expect(new Set(CHAT_PARTS).size).to.equal(CHAT_PARTS.length);
  });

  it('renders a launcher in the bottom corner and a closed panel', async () => {
    const chat = await renderChat();
    const launcher = field(chat, 'launcher');
    expect(textOf(launcher)).to.equal('Chat with us');
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    expect(launcher.getAttribute('aria-controls')).to.equal(panel(chat).id);
    expect(isOpen(chat)).to.equal(false);
    const box = launcher.getBoundingClientRect();
    const { clientWidth, clientHeight } = document.documentElement;
    expect(box.right).to.be.closeTo(clientWidth - 16, 1);
    expect(box.bottom).to.be.closeTo(clientHeight - 16, 1);
  });

  it('is accessible closed and open', async () => {
    const chat = await renderChat();
    await expect(chat).to.be.accessible();
    field(chat, 'launcher').click();
    await until(() => part(chat, 'composer'), 'no composer');
    expect(isOpen(chat)).to.equal(true);
    expect(panel(chat).getAttribute('role')).to.equal('dialog');
    const log = field(chat, 'log');
    expect(log.getAttribute('role')).to.equal('log');
    expect(log.getAttribute('aria-live')).to.equal('polite');
    expect(field(chat, 'input').getAttribute('enterkeyhint')).to.equal('send');
    await expect(chat).to.be.accessible();
  });

  it('asks a guest for a name and email and starts a chat as a visitor', async () => {
    const chat = await renderChat();
    field(chat, 'launcher').click();
    await until(() => part(chat, 'visitor'), 'no visitor form');
    expect(textOf(part(chat, 'availability'))).to.equal(
      'Nobody is online right now: leave a message and we will answer by email.',
    );
    expect(focused()).to.equal('input visitor-name');
    expect(part(chat, 'attach'), 'visitors cannot send files').to.equal(null);

    // The browser's own validation keeps an incomplete form from going out.
    send(chat, 'Do you deliver to Norway?');
    await chat.updateComplete;
    expect(shown(chat)).to.deep.equal([]);

    type(field<HTMLInputElement>(chat, 'visitor-name'), 'Ben Visitor');
    type(field<HTMLInputElement>(chat, 'visitor-email'), ben.email);
    field(chat, 'send').click();
    await until(() => part(chat, 'articles'), 'the bot offered no articles');
    expect(shown(chat)[0]).to.equal('message-customer: Do you deliver to Norway?');
    expect(part(chat, 'visitor'), 'the server knows the visitor now').to.equal(null);
    await until(() => chat.matches(':state(live)'), 'the chat never went live');

    field(chat, 'talk').click();
    await until(() => part(chat, 'notice-offline'), 'no offline notice');
    expect(textOf(part(chat, 'notice-offline')?.querySelector('span'))).to.equal(
      `Nobody is online right now. We will answer by email to ${ben.email}.`,
    );
    expect(part(chat, 'talk'), 'the offer is gone once answered').to.equal(null);
    expect(part(chat, 'composer'), 'a visitor may keep writing').to.not.equal(null);

    // Signing in with the same email brings the chat into the account and forgets the visitor.
    await signIn(ben);
    const { conversation, visitor } = await api.trpc.chat.current.query();
    expect(visitor).to.equal(null);
    expect(conversation?.subject).to.equal('Do you deliver to Norway?');
    await endOpenChat();
    await signOut();
    const { conversation: none } = await api.trpc.chat.current.query();
    expect(none, 'the visitor cookie was cleared').to.equal(null);
  });

  it('lets a customer start a chat, offers an article and turns "Talk to a person" into a ticket', async () => {
    await signIn();
    await endOpenChat();
    const chat = await renderChat();
    field(chat, 'launcher').click();
    await until(() => part(chat, 'restart') ?? part(chat, 'composer'), 'no composer');
    part(chat, 'restart')?.click();
    await until(() => part(chat, 'intro'), 'no empty chat');
    expect(focused()).to.equal('textarea input');
    expect(part(chat, 'visitor')).to.equal(null);
    expect(textOf(part(chat, 'availability'))).to.equal(
      'Nobody is online right now: leave a message and we will answer in a ticket.',
    );

    await sendKeys({ type: TRACKING });
    await sendKeys({ press: 'Enter' });
    await until(() => part(chat, 'articles'), 'the bot offered no articles');
    const links = all<HTMLAnchorElement>(chat, "[part~='article-link']");
    const tracking = links.find((link) => textOf(link) === 'Track a shipment');
    expect(tracking?.getAttribute('href')).to.equal('#help=track-a-shipment');
    expect(shown(chat)[0]).to.equal(`message-customer: ${TRACKING}`);
    expect(textOf(part(chat, 'group-bot')?.querySelector("[part~='role']"))).to.equal('Answer bot');
    expect(field<HTMLTextAreaElement>(chat, 'input').value).to.equal('');
    await until(() => chat.matches(':state(live)'), 'the chat never went live');

    field(chat, 'talk').click();
    await until(() => part(chat, 'notice-ticket'), 'no ticket notice');
    const link = field<HTMLAnchorElement>(chat, 'ticket-link');
    const { conversation } = await api.trpc.chat.current.query();
    expect(conversation?.status).to.equal('ended');
    expect(link.getAttribute('href')).to.equal(`#ticket=${conversation?.ticket?.id}`);
    expect(textOf(part(chat, 'notice-ticket')?.querySelector('span'))).to.equal(
      `Nobody could answer right away, so your chat is now ticket ${conversation?.ticket?.number}. We will answer there.`,
    );
    expect(part(chat, 'composer'), 'an ended chat takes no messages').to.equal(null);
    expect(part(chat, 'end')).to.equal(null);

    field(chat, 'restart').click();
    await until(() => part(chat, 'intro'), 'no new chat');
    expect(focused()).to.equal('textarea input');
  });

  it('ends the chat when an article solved it', async () => {
    await signIn();
    await startChat();
    const chat = await renderLiveChat();
    chat.open();
    await until(() => part(chat, 'solved'), 'no "That solved it"');
    field(chat, 'solved').click();
    await until(() => part(chat, 'notice-solved'), 'no solved notice');
    expect(textOf(part(chat, 'notice-solved')?.querySelector('span'))).to.equal(
      'Glad that helped. The chat has ended.',
    );
    expect(part(chat, 'restart')).to.not.equal(null);
  });

  it('opens without a launcher from open(), toggle() and the document event; Escape closes', async () => {
    const chat = await renderChat({ withoutLauncher: true });
    expect(part(chat, 'launcher')).to.equal(null);
    const vendor = chat.closest('div')?.querySelector<HTMLButtonElement>('#vendor-button');
    if (!vendor) throw new Error('no vendor button');
    vendor.addEventListener('click', () => chat.open());

    vendor.focus();
    vendor.click();
    await until(() => isOpen(chat), 'open() did not open the panel');
    await until(() => part(chat, 'composer')?.contains(chat.shadowRoot!.activeElement), 'focus');
    expect(sessionStorage.getItem('portico-chat-open')).to.equal('1');

    await sendKeys({ press: 'Escape' });
    await until(() => !isOpen(chat), 'Escape did not close the panel');
    expect(focused()).to.equal('button vendor-button');
    expect(sessionStorage.getItem('portico-chat-open')).to.equal(null);

    document.dispatchEvent(new CustomEvent('portico-chat-open'));
    await until(() => isOpen(chat), 'the document event did not open the panel');
    chat.toggle();
    await until(() => !isOpen(chat), 'toggle() did not close the panel');
  });

  it('returns focus to the launcher when Escape closes the panel', async () => {
    const chat = await renderChat();
    const launcher = field(chat, 'launcher');
    launcher.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => isOpen(chat), 'the launcher did not open the panel');
    expect(launcher.getAttribute('aria-expanded')).to.equal('true');
    await until(() => part(chat, 'composer')?.contains(chat.shadowRoot!.activeElement), 'focus');
    await sendKeys({ press: 'Escape' });
    await until(() => !isOpen(chat), 'Escape did not close the panel');
    await until(() => focused() === 'button launcher', 'focus did not return to the launcher');
  });

  it('brings the conversation and the open panel back after a reload', async () => {
    await signIn();
    const conversation = await startChat();
    const chat = await renderLiveChat();
    chat.open();
    // The bot answers a second message too; with nothing to offer for it, it asks for a person,
    // and with nobody online the chat becomes a ticket.
    send(chat, 'Zqxv wkpf?');
    await until(() => part(chat, 'notice-ticket'), 'no ticket notice');
    await until(() => !part(chat, 'message-pending'), 'still sending');
    const before = shown(chat);
    expect(before).to.include(`message-customer: ${TRACKING}`);

    chat.remove();
    const again = await renderChat();
    expect(isOpen(again), 'the panel opens again on the next page').to.equal(true);
    await until(() => shown(again).length === before.length, 'the messages did not come back');
    expect(shown(again)).to.deep.equal(before);
    const { conversation: current } = await api.trpc.chat.current.query();
    expect(current?.id).to.equal(conversation.id);
  });

  it('shows a staff reply live, with typing, read marks and the unread badge', async () => {
    await signIn();
    const conversation = await startChat();
    const chat = await renderLiveChat();
    chat.open();
    await staff('staff.chat.pickUp', { conversationId: conversation.id });
    await until(() => part(chat, 'notice-joined'), 'no joined notice');
    expect(textOf(part(chat, 'notice-joined')?.querySelector('span'))).to.equal(
      `${agent.name} joined the chat.`,
    );
    expect(textOf(part(chat, 'status'))).to.equal(`You are chatting with ${agent.name}.`);
    expect(part(chat, 'availability'), 'the agent is there').to.equal(null);

    field(chat, 'input').focus();
    await sendKeys({ type: 'Line one' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'line two' });
    await sendKeys({ press: 'Enter' });
    const lines = () => all(chat, "[part~='body']").map((body) => body.textContent);
    await until(() => lines().includes('Line one\nline two'), 'Enter did not send one message');
    await until(() => ['Sent', 'Delivered'].includes(receipt(chat)), 'no read mark');

    await staff('staff.chat.typing', { conversationId: conversation.id, typing: true });
    await until(() => textOf(part(chat, 'typing')) === `${agent.name} is typing…`, 'no typing');
    const { lastSeq } = (await api.trpc.chat.current.query()).conversation!;
    await staff('staff.chat.markRead', { conversationId: conversation.id, upTo: lastSeq });
    await until(() => receipt(chat) === 'Read', 'the read mark did not follow');

    await staff('staff.chat.send', { conversationId: conversation.id, body: 'Happy to help!' });
    await until(() => bodies(chat).includes('Happy to help!'), 'no live reply');
    expect(textOf(part(chat, 'typing')), 'the reply ends the typing').to.equal('');
    const group = all(chat, "[part~='group-staff']").at(-1);
    expect(textOf(group?.querySelector("[part~='author']"))).to.equal(`${agent.name} Support team`);
    expect(group?.querySelector('time')?.getAttribute('datetime')).to.match(/^\d{4}-/);

    chat.close();
    await staff('staff.chat.send', { conversationId: conversation.id, body: 'Are you there?' });
    await until(() => textOf(part(chat, 'badge')) === '1', 'no unread badge');
    expect(textOf(part(chat, 'launcher'))).to.equal('Chat with us 1 (1 unread)');
    chat.open();
    await until(() => !part(chat, 'badge'), 'the badge stayed');
    await until(async () => {
      const { conversation: now } = await api.trpc.chat.current.query();
      return now && now.readByCustomer === now.lastSeq;
    }, 'the messages were never marked read');
    await expect(chat).to.be.accessible();
    const onScreen = all(chat, '[part]').flatMap((element) =>
      (element.getAttribute('part') ?? '').split(/\s+/),
    );
    expect(CHAT_PARTS).to.include.members(onScreen);

    field(chat, 'end').click();
    await until(() => part(chat, 'notice-ended'), 'no ended notice');
    expect(textOf(part(chat, 'notice-ended')?.querySelector('span'))).to.equal(
      'You ended the chat.',
    );
    await until(() => focused() === 'button restart', 'focus did not move to "Start a new chat"');
    expect(part(chat, 'composer')).to.equal(null);
  });

  it('sends a file and says when messages come too quickly, with a retry', async () => {
    await signIn(ben);
    const conversation = await startChat();
    await staff('staff.chat.pickUp', { conversationId: conversation.id });
    const chat = await renderLiveChat();
    chat.open();
    await until(() => part(chat, 'attach'), 'no attach button for a customer');

    const input = chat.shadowRoot?.querySelector<HTMLInputElement>("input[type='file']");
    if (!input) throw new Error('no file input');
    const chosen = new DataTransfer();
    chosen.items.add(await pngFile('label.png'));
    input.files = chosen.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => part<HTMLProgressElement>(chat, 'progress')?.hidden, 'no upload');
    send(chat, 'Here is the label.');
    await until(() => part(chat, 'download'), 'the file was not sent');
    expect(textOf(part(chat, 'download'))).to.match(/^Download label\.png \(\d+ bytes\)$/);

    // The server takes a burst of eight messages; the ninth must wait.
    for (let index = 1; index <= 8; index += 1) send(chat, `Message ${index}`);
    await until(() => part(chat, 'send-error'), 'no message was refused');
    expect(textOf(part(chat, 'send-error'))).to.match(
      /^You are sending messages quickly — wait \d+ seconds\.$/,
    );
    expect(textOf(part(chat, 'resend'))).to.equal('Retry');
    expect(all(chat, "[part~='send-error']")).to.have.length(1);
    await endOpenChat();
  });

  it('fills a 320 px wide screen without scrolling sideways', async () => {
    const original = { width: window.innerWidth, height: window.innerHeight };
    await setViewport({ width: 320, height: 640 });
    try {
      await signIn();
      await startChat(`Where is ${'my-parcel-with-a-very-long-name-'.repeat(4)}? ${TRACKING}`);
      const chat = await renderLiveChat();
      chat.open();
      await until(() => part(chat, 'articles'), 'no articles');
      const box = panel(chat).getBoundingClientRect();
      expect(box.width).to.equal(320);
      expect(box.left).to.equal(0);
      expect(box.height).to.be.closeTo(640, 1);
      const page = document.documentElement;
      expect(page.scrollWidth).to.be.at.most(page.clientWidth);
      for (const name of ['panel', 'log', 'composer', 'header']) {
        const element = field(chat, name);
        expect(element.scrollWidth, name).to.be.at.most(element.clientWidth);
      }
      for (const target of all(chat, "[part~='panel'] button, textarea, [part~='article-link']")) {
        const rect = target.getBoundingClientRect();
        expect(rect.height, textOf(target)).to.be.at.least(44);
        expect(rect.right, textOf(target)).to.be.at.most(320.5);
      }
    } finally {
      await setViewport(original);
    }
  });

  it('puts the launcher on the left in a right-to-left page, and at the start when asked', async () => {
    const rtl = await renderChat({ dir: 'rtl' });
    expect(getComputedStyle(rtl).direction).to.equal('rtl');
    const left = field(rtl, 'launcher').getBoundingClientRect();
    expect(left.left).to.be.closeTo(16, 1);
    rtl.open();
    await until(() => isOpen(rtl), 'not open');
    expect(panel(rtl).getBoundingClientRect().left).to.be.closeTo(16, 1);

    const start = await renderChat({ position: 'start' });
    expect(field(start, 'launcher').getBoundingClientRect().left).to.be.closeTo(16, 1);
  });
});
