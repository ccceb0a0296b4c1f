import { html } from '@open-wc/testing';
import '../../elements/portico-chat/portico-chat.ts';
import type { PorticoChat } from '../../elements/portico-chat/portico-chat.ts';
import { porticoApiFor } from '../../elements/api/client.ts';
import { backendUrl, part, signIn, until } from './support/page.ts';
import { api } from './support/ledger.ts';
import { contractSuite, holdAnswers, UNREACHABLE, type StateOptions } from './support/contract.ts';
import { contractPage, rendered, seedCustomers, type Person } from './support/contract.page.ts';

/** A customer whose chat asked how to track a delivery, and was offered articles. */
let chatting: Person;
/** A customer who has never chatted. */
let quiet: Person;

async function seed(): Promise<void> {
  ({ empty: quiet, filled: chatting } = await seedCustomers(() =>
    api.trpc.chat.start.mutate({ message: 'How can I track my delivery?', locale: 'en' }),
  ));
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

function renderChat(): Promise<PorticoChat> {
  return rendered(
    html`<portico-portal api=${backendUrl}><portico-chat></portico-chat></portico-portal>`,
    'portico-chat',
  );
}

/** The chat opened from its launcher, once `name` shows in the panel. */
async function opened(name: string): Promise<PorticoChat> {
  const chat = await renderChat();
  part(chat, 'launcher')?.click();
  await until(() => part(chat, name), `no ${name} in the open panel`);
  return chat;
}

describe('<portico-chat> keeps the element contract', () => {
  contractPage({ seed, reset: () => sessionStorage.removeItem('portico-chat-open') });

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
