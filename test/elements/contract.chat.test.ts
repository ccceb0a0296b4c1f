import { fixture, html } from '@open-wc/testing';
import '../../elements/portico-chat/portico-chat.ts';
import type { PorticoChat } from '../../elements/portico-chat/portico-chat.ts';
import { porticoApiFor } from '../../elements/api/client.ts';
import {
  attachContextRoot,
  backendUrl,
  definePortal,
  part,
  sessionKnown,
  signIn,
  signOut,
  until,
} from './support/page.ts';
import { api, backToAnna, signInAsNewCustomer } from './support/ledger.ts';
import { contractSuite, holdAnswers, UNREACHABLE, type StateOptions } from './support/contract.ts';

type Person = Awaited<ReturnType<typeof signInAsNewCustomer>>;

/** A customer whose chat asked how to track a delivery, and was offered articles. */
let chatting: Person;
/** A customer who has never chatted. */
let quiet: Person;

async function seed(): Promise<void> {
  quiet = await signInAsNewCustomer();
  chatting = await signInAsNewCustomer();
  await api.trpc.chat.start.mutate({ message: 'How can I track my delivery?', locale: 'en' });
  backToAnna();
  await signOut();
}

/**
 * The closed chat is only its launcher, fixed in the window's inline-end corner: at the right
 * in English, at the left in Persian.
 */
const LAUNCHER: StateOptions = {
  mirror: (chat) => ({
    element: part(chat, 'launcher')!,
    side: 'end',
    within: new DOMRect(0, 0, document.documentElement.clientWidth, innerHeight),
  }),
};

async function renderChat(): Promise<PorticoChat> {
  const portal = await fixture(html`
    <portico-portal api=${backendUrl}><portico-chat></portico-chat></portico-portal>
  `);
  const chat = portal.querySelector('portico-chat');
  if (!chat) throw new Error('the fixture did not render');
  await sessionKnown(chat);
  return chat;
}

/** The chat opened from its launcher, once `name` shows in the panel. */
async function opened(name: string): Promise<PorticoChat> {
  const chat = await renderChat();
  part(chat, 'launcher')?.click();
  await until(() => part(chat, name), `no ${name} in the open panel`);
  return chat;
}

describe('<portico-chat> keeps the element contract', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
    await seed();
  });

  afterEach(async () => {
    sessionStorage.removeItem('portico-chat-open');
    await signOut();
  });

  contractSuite('<portico-chat>', (state) => {
    state('closed: the launcher', renderChat, LAUNCHER);

    state('open to a visitor: name, email and the first message', () => opened('visitor'));

    state('open: loading the chat', async () => {
      await signIn(quiet);
      holdAnswers();
      return opened('loading');
    });

    state('open to a customer who never chatted', async () => {
      await signIn(quiet);
      return opened('composer');
    });

    state('open on a conversation with articles offered', async () => {
      await signIn(chatting);
      const chat = await opened('articles');
      await until(() => chat.matches(':state(live)'), 'the chat never went live');
      return chat;
    });

    state('a picture chosen to send, uploaded', async () => {
      await signIn(chatting);
      const chat = await opened('attach');
      const input = chat.shadowRoot!.querySelector<HTMLInputElement>("input[type='file']")!;
      const files = new DataTransfer();
      files.items.add(new File(['a label'], 'label.txt', { type: 'text/plain' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => part<HTMLProgressElement>(chat, 'progress')?.hidden, 'no upload');
      return chat;
    });

    state('error: the backend cannot be reached', async () => {
      await signIn(quiet);
      const chat = await renderChat();
      chat.api = porticoApiFor(UNREACHABLE);
      part(chat, 'launcher')?.click();
      await until(() => part(chat, 'error'), 'no error was shown');
      return chat;
    });
  });
});
