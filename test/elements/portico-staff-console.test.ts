import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../elements/portico-staff-chat/portico-staff-chat.ts';
import '../../elements/portico-staff-console/portico-staff-console.ts';
import '../../elements/portico-staff-tickets/portico-staff-tickets.ts';
import '../../elements/portico-staff-orders/portico-staff-orders.ts';
import '../../elements/portico-staff-customers/portico-staff-customers.ts';
import '../../elements/portico-staff-billing/portico-staff-billing.ts';
import '../../elements/portico-staff-help/portico-staff-help.ts';
import '../../elements/portico-staff-reports/portico-staff-reports.ts';
import '../../elements/portico-staff-settings/portico-staff-settings.ts';
import type { PorticoStaffConsole } from '../../elements/portico-staff-console/portico-staff-console.ts';
import type { CustomerCall } from './support/portico-backend.plugin.ts';
import { admin, agent, carla } from './support/people.ts';
import { routeOf } from '../../elements/portico-staff-console/portico-staff-console.ts';
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

  it('hands each view the thing its fragment names', async () => {
    await signIn(agent);
    const element = await render();
    await until(() => part(element, 'nav'), 'no views for the agent');
    const cases: [string, string, string, string | null][] = [
      ['#orders', 'portico-staff-orders', 'orderId', null],
      ['#order=O-1', 'portico-staff-orders', 'orderId', 'O-1'],
      ['#customer=A%201', 'portico-staff-customers', 'accountId', 'A 1'],
      ['#billing=A-2', 'portico-staff-billing', 'accountId', 'A-2'],
      ['#article=H-3', 'portico-staff-help', 'articleId', 'H-3'],
      ['#reports', 'portico-staff-reports', 'id', null],
    ];
    for (const [hash, tag, property, id] of cases) {
      location.hash = hash;
      const view = () =>
        element.shadowRoot!.querySelector(tag) as unknown as Record<string, unknown> | null;
      await until(
        () => view() && (property === 'id' || (view()![property] ?? null) === id),
        `${hash} did not give <${tag}> its ${property} ${id}`,
      );
    }
    expect(currentLink(element)).to.equal('Reports');
  });

  it('shows Settings only to administrators', async () => {
    await signIn(agent);
    const forAgent = await render();
    await until(() => part(forAgent, 'nav'), 'no views for the agent');
    const labels = (element: PorticoStaffConsole) =>
      [...element.shadowRoot!.querySelectorAll('[part~="nav-link"]')].map((link) =>
        link.textContent?.trim(),
      );
    expect(labels(forAgent)).to.not.include('Settings');
    expect(labels(forAgent)).to.not.include('Integrations');
    expect(labels(forAgent)).to.include('Announcements');
    await signOut();
    await signIn(admin);
    const forAdmin = await render();
    await until(() => labels(forAdmin).includes('Settings'), 'no Settings for the administrator');
    expect(labels(forAdmin)).to.deep.equal([
      'Chats',
      'Tickets',
      'Orders',
      'Customers',
      'Billing',
      'Help centre',
      'Reports',
      'Announcements',
      'Integrations',
      'Settings',
    ]);
  });

  it('reads fragments it does not know as the chat view', () => {
    expect(routeOf('')).to.deep.equal({ view: 'chats', id: null });
    expect(routeOf('#nonsense')).to.deep.equal({ view: 'chats', id: null });
    expect(routeOf('#unknown=1')).to.deep.equal({ view: 'chats', id: null });
    expect(routeOf('#order=%E0%A4%A')).to.deep.equal({ view: 'orders', id: null });
    expect(routeOf('#ticket=T-9')).to.deep.equal({ view: 'tickets', id: 'T-9' });
  });
});
