import { fixture, html } from '@open-wc/testing';
import '../../elements/portico-login/portico-login.ts';
import '../../elements/portico-help-search/portico-help-search.ts';
import '../../elements/portico-chat/portico-chat.ts';
import '../../elements/portico-notifications/portico-notifications.ts';
import '../../elements/portico-announcements/portico-announcements.ts';
import '../../elements/portico-ticket-inbox/portico-ticket-inbox.ts';
import { backendUrl, part, signIn, until } from './support/page.ts';
import { contractSuite } from './support/contract.ts';
import { contractPage } from './support/contract.page.ts';
import { deepQuery } from './support/contract.tree.ts';

/**
 * `<portico-portal>` draws nothing itself: what it must keep is the page it wraps. These states
 * are a vendor's phone page with several elements in one portal, checked as one.
 */
async function renderPage(): Promise<Element> {
  const portal = await fixture(html`
    <portico-portal api=${backendUrl}>
      <portico-announcements></portico-announcements>
      <div style="display: flex; justify-content: flex-end">
        <portico-notifications></portico-notifications>
      </div>
      <portico-login></portico-login>
      <portico-help-search></portico-help-search>
      <portico-ticket-inbox></portico-ticket-inbox>
      <portico-chat></portico-chat>
    </portico-portal>
  `);
  await until(() => deepQuery(portal, "[part~='category']"), 'the help centre did not load');
  return portal;
}

describe('<portico-portal> keeps the element contract', () => {
  contractPage();

  contractSuite('<portico-portal>', (state) => {
    state('a signed-out page: sign-in, help, tickets and chat', async () => {
      const portal = await renderPage();
      const login = portal.querySelector('portico-login')!;
      await until(() => part(login, 'form'), 'no sign-in form');
      return portal;
    });

    state('a signed-in page with the chat open', async () => {
      await signIn();
      const portal = await renderPage();
      await until(() => part(portal.querySelector('portico-login')!, 'signed-in'), 'not signed in');
      const chat = portal.querySelector('portico-chat')!;
      part(chat, 'launcher')?.click();
      await until(() => part(chat, 'composer') ?? part(chat, 'restart'), 'the chat did not open');
      return portal;
    });
  });
});
