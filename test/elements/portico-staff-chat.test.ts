import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import '../../elements/portico-staff-chat/portico-staff-chat.ts';
import type { PorticoStaffChat } from '../../elements/portico-staff-chat/portico-staff-chat.ts';
import type { CustomerCall, StaffCall } from './support/portico-backend.plugin.ts';
import { agent, agentTwo, carla } from './support/people.ts';
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

type ChatView = inferRouterOutputs<AppRouter>['chat']['start'];
type ChatHistory = inferRouterOutputs<AppRouter>['chat']['history'];

/** A customer-side procedure, called by a customer's own browser (not this page). */
function customer<T = unknown>(
  as: string,
  path: string,
  input?: unknown,
  kind: CustomerCall['kind'] = 'mutation',
): Promise<T> {
  return executeServerCommand<T, CustomerCall>('portico-customer', { as, path, input, kind });
}

/** A staff procedure, called by the agent from outside the page. */
function staff<T = unknown>(path: string, input: unknown): Promise<T> {
  return executeServerCommand<T, StaffCall>('portico-staff', { path, input });
}

/** Every chat a test opened, so the next test starts with an empty queue of its own. */
const opened: { as: string; id: string }[] = [];

/**
 * A customer asks something and asks for a person, as "Talk to a person" does. `as` is `carla`
 * (signed in, with an account) or a visitor's name.
 */
async function queuedChat(as = 'carla'): Promise<{ id: string; question: string }> {
  const question = `Has pallet ${crypto.randomUUID().slice(0, 8)} left the warehouse?`;
  const visitor = as === 'carla' ? undefined : { name: as, email: `${as}@visitor.example` };
  const view = await customer<ChatView>(as, 'chat.start', { message: question, visitor });
  const conversation = view.conversation;
  if (!conversation) throw new Error('chat.start opened no conversation');
  opened.push({ as, id: conversation.id });
  if (conversation.status === 'bot') {
    await customer(as, 'chat.queue', { conversationId: conversation.id });
  }
  return { id: conversation.id, question };
}

async function render(): Promise<PorticoStaffChat> {
  const container = await fixture(html`
    <portico-portal api=${backendUrl}><portico-staff-chat></portico-staff-chat></portico-portal>
  `);
  const element = container.querySelector('portico-staff-chat');
  if (!element) throw new Error('the fixture did not render');
  await sessionKnown(element);
  return element;
}

/** The element of a signed-in agent, once it hears chats (and so counts as online). */
async function online(): Promise<PorticoStaffChat> {
  await signIn(agent);
  const element = await render();
  await until(() => element.matches(':state(live)'), 'the agent never went online');
  return element;
}

const inShadow = (element: PorticoStaffChat, selector: string) =>
  element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

const waitingRow = (element: PorticoStaffChat, id: string) =>
  inShadow(element, `[part~='waiting'][data-id='${id}']`);

const myChat = (element: PorticoStaffChat, id: string) =>
  inShadow(element, `[part~='chat'][data-id='${id}']`);

function bodies(element: PorticoStaffChat, role: string): string[] {
  return all(element, `[part~='message-${role}'] [part~='body']`).map(
    (body) => body.textContent ?? '',
  );
}

function partButton(element: PorticoStaffChat, name: string): HTMLButtonElement {
  const found = part<HTMLButtonElement>(element, name);
  if (!found) throw new Error(`no ${name} button`);
  return found;
}

/** Picks a waiting chat up from its row and waits until the conversation is the agent's. */
async function pickUp(element: PorticoStaffChat, id: string): Promise<void> {
  await until(() => waitingRow(element, id), 'the chat never reached the queue');
  const row = waitingRow(element, id)!;
  row.querySelector<HTMLButtonElement>("[part~='pick-up']")!.click();
  await until(() => myChat(element, id), 'the chat never became the agent’s');
  await until(() => part(element, 'composer-body'), 'no composer for the agent’s chat');
}

describe('<portico-staff-chat>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    for (const { as, id } of opened.splice(0)) {
      const { conversation } = await customer<ChatView>(as, 'chat.current', undefined, 'query');
      if (conversation?.id === id && conversation.status !== 'ended') {
        await customer(as, 'chat.end', { conversationId: id });
      }
    }
    await signOut();
  });

  it('asks anyone not signed in as staff to sign in with a staff account', async () => {
    await signOut();
    const element = await render();
    expect(textOf(part(element, 'signed-out'))).to.contain('Sign in with a staff account');
    await signIn(carla);
    await until(() => element.session.status === 'signed-in', 'Carla never signed in');
    await element.updateComplete;
    expect(textOf(part(element, 'signed-out'))).to.contain('Sign in with a staff account');
    expect(part(element, 'console')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('goes online and shows who waits, what about, for how long, visitor or account', async () => {
    const element = await online();
    expect(textOf(part(element, 'connection'))).to.contain('Online');
    const account = await queuedChat('carla');
    const visitor = await queuedChat(`vera-${crypto.randomUUID().slice(0, 6)}`);

    await until(() => waitingRow(element, account.id), 'Carla’s chat never reached the queue');
    await until(
      () => waitingRow(element, visitor.id),
      'the visitor’s chat never reached the queue',
    );
    const row = waitingRow(element, account.id)!;
    expect(textOf(row.querySelector("[part~='open']"))).to.equal(carla.name);
    expect(textOf(row.querySelector("[part~='subject']"))).to.equal(account.question);
    expect(textOf(row.querySelector("[part~='who']"))).to.match(/^Account: /);
    expect(textOf(waitingRow(element, visitor.id)!.querySelector("[part~='who']"))).to.equal(
      'Visitor',
    );

    const wait = () => textOf(waitingRow(element, account.id)?.querySelector('time'));
    const first = wait();
    expect(first).to.match(/^\d+:\d\d$/);
    await until(() => wait() !== first, 'the waiting time never ticked');
    await expect(element).to.be.accessible();
  });

  it('steps away and back: customers are offered a person only while the agent is available', async () => {
    const element = await online();
    const availability = () =>
      customer<{ online: boolean }>('carla', 'chat.availability', undefined, 'query');
    expect((await availability()).online).to.equal(true);
    const away = part(element, 'away') as HTMLButtonElement;
    expect(away.getAttribute('aria-pressed')).to.equal('false');
    away.click();
    await until(() => away.getAttribute('aria-pressed') === 'true', 'the switch never turned');
    expect(textOf(part(element, 'connection'))).to.contain('Away');
    expect((await availability()).online).to.equal(false);
    await expect(element).to.be.accessible();
    away.click();
    await until(
      () => away.getAttribute('aria-pressed') === 'false',
      'the switch never turned back',
    );
    expect(textOf(part(element, 'connection'))).to.contain('Online');
    expect((await availability()).online).to.equal(true);
  });

  it('picks a chat up and shows it: the question, the bot’s articles, notices, a log', async () => {
    const element = await online();
    const chat = await queuedChat('carla');
    await pickUp(element, chat.id);

    expect(textOf(part(element, 'heading'))).to.equal(carla.name);
    expect(waitingRow(element, chat.id)).to.equal(null);
    const log = part(element, 'messages')!;
    expect(log.getAttribute('role')).to.equal('log');
    expect(log.getAttribute('aria-live')).to.equal('polite');
    expect(bodies(element, 'customer')).to.include(chat.question);
    await until(() => all(element, "[part~='message-system']").length > 0, 'no notice line');
    for (const articles of all(element, "[part~='message-bot'] [part~='articles']")) {
      expect(articles.querySelectorAll("[part~='article']").length).to.be.greaterThan(0);
    }
    const seqs = all(element, "[part~='message']").map((message) => Number(message.dataset['seq']));
    expect(seqs).to.deep.equal([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).to.equal(seqs.length);
    await expect(element).to.be.accessible();
  });

  it('sends with Enter, starts a new line with Shift+Enter, and shows the message once', async () => {
    const element = await online();
    const chat = await queuedChat('carla');
    await pickUp(element, chat.id);

    part<HTMLTextAreaElement>(element, 'composer-body')!.focus();
    await sendKeys({ type: 'Hello Carla,' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'it left this morning.' });
    expect(bodies(element, 'staff')).to.deep.equal([]);
    await sendKeys({ press: 'Enter' });

    const sent = 'Hello Carla,\nit left this morning.';
    await until(() => bodies(element, 'staff').includes(sent), 'the answer never showed');
    const history = await customer<ChatHistory>(
      'carla',
      'chat.history',
      { conversationId: chat.id },
      'query',
    );
    expect(history.messages.filter((message) => message.body === sent)).to.have.length(1);
    // The send's answer and the stream both bring the message: it is shown once.
    await element.updateComplete;
    expect(bodies(element, 'staff').filter((body) => body === sent)).to.have.length(1);
    expect(part<HTMLTextAreaElement>(element, 'composer-body')!.value).to.equal('');
  });

  it('shows the customer typing, their messages, and when they read the agent’s', async () => {
    const element = await online();
    const chat = await queuedChat('carla');
    await pickUp(element, chat.id);

    await customer('carla', 'chat.typing', { conversationId: chat.id, typing: true });
    await until(
      () => textOf(part(element, 'typing')) === `${carla.name} is typing…`,
      'the customer’s typing never showed',
    );
    await customer('carla', 'chat.send', { conversationId: chat.id, body: 'Thank you!' });
    await until(() => bodies(element, 'customer').includes('Thank you!'), 'no live message');
    expect(textOf(part(element, 'typing'))).to.equal('');

    const sent = await staff<{ seq: number }>('staff.chat.send', {
      conversationId: chat.id,
      body: 'You are welcome.',
    });
    await until(() => bodies(element, 'staff').includes('You are welcome.'), 'no own message');
    const receipt = () => textOf(inShadow(element, `[data-seq='${sent.seq}'] [part~='receipt']`));
    expect(['Sent', 'Delivered']).to.include(receipt());
    await customer('carla', 'chat.markRead', { conversationId: chat.id, upTo: sent.seq });
    await until(() => receipt() === 'Read', 'the read mark never showed');
  });

  it('ends a chat, keeps it in the list until put away, and turns another into a ticket', async () => {
    const element = await online();
    const ended = await queuedChat('carla');
    await pickUp(element, ended.id);
    partButton(element, 'end').click();
    await until(() => textOf(part(element, 'status')) === 'Ended', 'the chat never ended');
    expect(part(element, 'composer')).to.equal(null);
    expect(textOf(myChat(element, ended.id)?.querySelector("[part~='ended']"))).to.equal('Ended');
    myChat(element, ended.id)!.querySelector<HTMLButtonElement>("[part~='dismiss']")!.click();
    await until(() => !myChat(element, ended.id), 'the ended chat was never put away');

    const ticketed = await queuedChat('carla');
    await pickUp(element, ticketed.id);
    partButton(element, 'to-ticket').click();
    await until(
      () => /Ticket T-/.test(textOf(inShadow(element, '.facts'))),
      'the chat never became a ticket',
    );
    expect(textOf(part(element, 'status'))).to.equal('Ended');
  });

  it('offers no ticket for a visitor’s chat', async () => {
    const element = await online();
    const chat = await queuedChat(`vic-${crypto.randomUUID().slice(0, 6)}`);
    await pickUp(element, chat.id);
    expect(part(element, 'end')).to.not.equal(null);
    expect(part(element, 'to-ticket')).to.equal(null);
  });

  it('passes a chat to another agent', async () => {
    const element = await online();
    const chat = await queuedChat('carla');
    await pickUp(element, chat.id);
    const select = part<HTMLSelectElement>(element, 'transfer-to')!;
    const option = [...select.options].find((candidate) =>
      candidate.textContent?.includes(agentTwo.name),
    );
    expect(option, 'the other agent is offered').to.not.equal(undefined);
    const names = [...select.options].map((candidate) => textOf(candidate));
    expect(
      names.some((name) => name.includes(agent.name)),
      'not to oneself',
    ).to.equal(false);
    select.value = option!.value;
    select.dispatchEvent(new Event('input'));
    await element.updateComplete;
    partButton(element, 'transfer').click();
    await until(() => !myChat(element, chat.id), 'the chat stayed with the agent');
    expect(part(element, 'composer')).to.equal(null);
  });

  it('reads the open chat again after being away, and shows each message once', async () => {
    const element = await online();
    const chat = await queuedChat('carla');
    await pickUp(element, chat.id);
    const portal = element.parentElement!;
    element.remove();
    await customer('carla', 'chat.send', { conversationId: chat.id, body: 'Are you there?' });
    portal.append(element);
    await until(() => element.matches(':state(live)'), 'the agent never came back online');
    await until(() => bodies(element, 'customer').includes('Are you there?'), 'missed message');
    await customer('carla', 'chat.send', { conversationId: chat.id, body: 'Still here?' });
    await until(() => bodies(element, 'customer').includes('Still here?'), 'no live message');
    expect(bodies(element, 'customer').filter((body) => body === 'Are you there?')).to.have.length(
      1,
    );
  });

  it('fits a 320 px wide screen', async () => {
    await setViewport({ width: 320, height: 640 });
    const element = await online();
    const chat = await queuedChat('carla');
    await pickUp(element, chat.id);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    const console = part(element, 'console')!;
    expect(console.scrollWidth).to.be.at.most(console.clientWidth);
    await expect(element).to.be.accessible();
  });
});
