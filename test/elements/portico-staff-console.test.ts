import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../elements/portico-staff-chat/portico-staff-chat.ts';
import '../../elements/portico-staff-console/portico-staff-console.ts';
import type { PorticoStaffConsole } from '../../elements/portico-staff-console/portico-staff-console.ts';
import type { CustomerCall } from './support/portico-backend.plugin.ts';
import { agent, carla } from './support/people.ts';
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

async function render(): Promise<PorticoStaffConsole> {
  const container = await fixture(html`
    <portico-portal api=${backendUrl}
      ><portico-staff-console></portico-staff-console
    ></portico-portal>
  `);
  const element = container.querySelector('portico-staff-console')!;
  await sessionKnown(element);
  return element;
}

const available = () =>
  executeServerCommand<{ online: boolean }, CustomerCall>('portico-customer', {
    as: 'carla',
    path: 'chat.availability',
    kind: 'query',
  });

const currentLink = (element: PorticoStaffConsole) =>
  element.shadowRoot!.querySelector('[aria-current="page"]')?.textContent?.trim();

describe('<portico-staff-console>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });
  afterEach(async () => {
    location.hash = '';
    await signOut();
  });

  it('shows no views but the chat’s sign-in hint to anyone not signed in as staff', async () => {
    await signIn(carla);
    const element = await render();
    expect(part(element, 'nav')).to.equal(null);
    expect(part(element, 'tickets')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('switches views by the URL fragment, and the agent stays online on the ticket view', async () => {
    await signIn(agent);
    const element = await render();
    await until(() => part(element, 'nav'), 'no views for the agent');
    expect(currentLink(element)).to.equal('Chats');
    const chat = element.shadowRoot!.querySelector('portico-staff-chat')!;
    await until(() => chat.matches(':state(live)'), 'the agent never went online');

    location.hash = '#tickets';
    await until(() => part(element, 'tickets'), 'the ticket view never showed');
    expect(currentLink(element)).to.equal('Tickets');
    expect(part(element, 'chats')!.hidden).to.equal(true);
    expect(chat.isConnected && chat.matches(':state(live)')).to.equal(true);
    expect((await available()).online).to.equal(true);

    location.hash = '#ticket=T-123';
    await until(
      () =>
        (element.shadowRoot!.querySelector('portico-staff-tickets') as { ticketId?: string } | null)
          ?.ticketId === 'T-123',
      'the ticket was not handed to the ticket view',
    );
    expect(currentLink(element)).to.equal('Tickets');
    await expect(element).to.be.accessible();

    location.hash = '#chats';
    await until(() => !part(element, 'chats')!.hidden, 'the chat view never came back');
    expect(part(element, 'tickets')).to.equal(null);
  });
});
