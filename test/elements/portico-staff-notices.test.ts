import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../elements/portico-staff-notices/portico-staff-notices.ts';
import '../../elements/portico-staff-orders/portico-staff-orders.ts';
import type { PorticoStaffNotices } from '../../elements/portico-staff-notices/portico-staff-notices.ts';
import type { PorticoStaffOrders } from '../../elements/portico-staff-orders/portico-staff-orders.ts';
import type { ReminderRules } from '../../elements/portico-staff-notices/staff-notices.api.ts';
import { porticoApiFor } from '../../elements/api/client.ts';
import type { CustomerCall, StaffCall } from './support/portico-backend.plugin.ts';
import { ADDRESS } from '../support/address.ts';
import { admin, agent, carla } from './support/people.ts';
import {
  all,
  attachContextRoot,
  backendUrl,
  definePortal,
  part,
  products,
  sessionKnown,
  signIn,
  signOut,
  textOf,
  until,
} from './support/page.ts';

const token = () => crypto.randomUUID().slice(0, 8);
const api = () => porticoApiFor(backendUrl).trpc;

async function render(): Promise<PorticoStaffNotices> {
  const container = await fixture(html`
    <portico-portal api=${backendUrl}>
      <portico-staff-notices></portico-staff-notices>
    </portico-portal>
  `);
  const element = container.querySelector('portico-staff-notices')!;
  await sessionKnown(element);
  return element;
}

async function asStaff(person: typeof admin | typeof agent): Promise<PorticoStaffNotices> {
  await signIn(person);
  const element = await render();
  await until(
    () => part(element, 'list') || part(element, 'empty'),
    'the announcements never loaded',
  );
  await until(() => part(element, 'rules-form'), 'the reminder rules never loaded');
  return element;
}

/** Types into a field the way a person does: value, then the events a browser fires. */
function type(element: Element, partName: string, value: string): void {
  const control = part<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
    element,
    partName,
  );
  if (!control) throw new Error(`no ${partName}`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const rowWith = (element: Element, text: string) =>
  all(element, "[part~='row']").find((row) => textOf(row).includes(text)) ?? null;

const byId = (element: Element, id: string) => element.shadowRoot!.getElementById(id);

/** A `datetime-local` value `hours` from now, in the browser's time zone. */
function localIn(hours: number): string {
  const at = new Date(Date.now() + hours * 3_600_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

describe('<portico-staff-notices>', () => {
  let original: ReminderRules;

  before(async () => {
    attachContextRoot();
    await definePortal();
    await signIn(admin);
    original = await api().staff.reminder.rules.query();
    await signOut();
  });

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await signOut();
  });

  // Other test files share this backend: leave the rules as they were found.
  after(async () => {
    await signIn(admin);
    await api().staff.reminder.setRules.mutate(original);
    await signOut();
  });

  it('asks the signed out to sign in, and shows an agent the rules without changing them', async () => {
    const signedOut = await render();
    expect(textOf(part(signedOut, 'signed-out'))).to.contain('Sign in with a staff account');
    const element = await asStaff(agent);
    expect(part(element, 'announcement-form')).to.not.equal(null);
    expect(textOf(part(element, 'rules-admin-only'))).to.contain('Only administrators');
    expect(part(element, 'save-rules')).to.equal(null);
    expect(part<HTMLInputElement>(element, 'due-days')!.matches(':disabled')).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('shows why an announcement was refused, and saves nothing', async () => {
    const element = await asStaff(admin);
    const body = `Closed for stocktaking ${token()}`;
    type(element, 'notice-body', body);
    type(element, 'notice-starts', localIn(5));
    type(element, 'notice-ends', localIn(2));
    part(element, 'publish')!.click();
    await until(() => byId(element, 'title-error'), 'no title error');
    expect(textOf(byId(element, 'title-error'))).to.contain('Give the announcement a title');
    expect(textOf(byId(element, 'endsAt-error'))).to.contain('after the start');
    const title = part<HTMLInputElement>(element, 'notice-title')!;
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    await until(() => element.shadowRoot!.activeElement === title, 'focus never went to the title');

    // Chosen accounts, but none chosen.
    type(element, 'notice-title', `Stocktaking ${token()}`);
    type(element, 'notice-ends', '');
    byId(element, 'audience-accounts')!.click();
    await until(() => part(element, 'account-search'), 'no account search');
    part(element, 'publish')!.click();
    await until(() => byId(element, 'accountIds-error'), 'no accounts error');
    expect(textOf(byId(element, 'accountIds-error'))).to.contain('Choose the accounts');
    expect(byId(element, 'title-error')).to.equal(null);
    const { items } = await api().staff.announcement.list.query();
    expect(items.some((item) => item.body === body)).to.equal(false, 'nothing saved');
    await expect(element).to.be.accessible();
  });

  it('publishes an announcement to everyone, changes it and ends it now', async () => {
    const element = await asStaff(agent);
    const title = `Holiday hours ${token()}`;
    type(element, 'notice-title', title);
    type(element, 'notice-body', 'We are closed on 24 and 25 December.');
    type(element, 'notice-severity', 'warning');
    part(element, 'notice-title')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => rowWith(element, title), 'the announcement never appeared');
    const row = () => rowWith(element, title)!;
    expect(textOf(row().querySelector("[part~='status']"))).to.equal('Showing now');
    expect(textOf(row().querySelector("[part~='severity']"))).to.equal('Warning');
    expect(textOf(row().querySelector("[part~='audience']"))).to.equal('All customers');
    expect(textOf(element.shadowRoot!.querySelector('[role=status]'))).to.contain('is published');
    expect(part<HTMLInputElement>(element, 'notice-title')!.value).to.equal('', 'form emptied');

    row().querySelector<HTMLButtonElement>("[part~='edit']")!.click();
    await until(
      () => part<HTMLInputElement>(element, 'notice-title')!.value === title,
      'the announcement never came into the form',
    );
    expect(element.shadowRoot!.activeElement).to.equal(part(element, 'notice-title'));
    type(element, 'notice-body', 'We are closed from 24 to 26 December.');
    part(element, 'publish')!.click();
    await until(
      () => textOf(rowWith(element, title)?.querySelector("[part~='body']")).includes('to 26'),
      'the change never showed',
    );

    row().querySelector<HTMLButtonElement>("[part~='end']")!.click();
    await until(
      () => textOf(rowWith(element, title)?.querySelector("[part~='status']")) === 'Ended',
      'the announcement never ended',
    );
    expect(row().querySelector("[part~='end']")).to.equal(null);
    const current = await api().announcement.current.query();
    expect(current.items.some((item) => item.title === title)).to.equal(false);
  });

  it('publishes an announcement to an account found by a customer’s email', async () => {
    // Carla's account is made when she first signs in.
    await executeServerCommand<unknown, CustomerCall>('portico-customer', {
      as: 'carla',
      path: 'session.me',
      kind: 'query',
    });
    const element = await asStaff(admin);
    const title = `Your delivery is late ${token()}`;
    type(element, 'notice-title', title);
    type(element, 'notice-body', 'The carrier is a day behind.');
    byId(element, 'audience-accounts')!.click();
    await until(() => part(element, 'account-search'), 'no account search');
    type(element, 'account-search', carla.email);
    await until(() => part(element, 'choose'), 'the search found nothing');
    const hit = part<HTMLButtonElement>(element, 'choose')!;
    const name = textOf(hit).replace(/^Add /, '');
    hit.click();
    await until(() => part(element, 'chosen-account'), 'the account was never chosen');
    expect(textOf(part(element, 'chosen-account'))).to.contain(name);
    await expect(element).to.be.accessible();
    part(element, 'publish')!.click();
    await until(() => rowWith(element, title), 'the announcement never appeared');
    expect(textOf(rowWith(element, title)!.querySelector("[part~='audience']"))).to.equal(
      `Accounts: ${name}`,
    );
  });

  it('shows what other staff publish, change and end, and what starts by the clock, as it happens', async () => {
    // Another staff member (the agent) works from their own console, outside this page.
    const colleague = <T>(path: string, input?: unknown, kind?: 'query') =>
      executeServerCommand<T, StaffCall>('portico-staff', { path, input, kind });
    await executeServerCommand<unknown, CustomerCall>('portico-customer', {
      as: 'carla',
      path: 'session.me',
      kind: 'query',
    });
    const hits = await colleague<{ items: { id: string }[] }>(
      'staff.customer.search',
      { query: carla.email },
      'query',
    );
    const carlas = hits.items[0]!.id;
    const element = await asStaff(admin);
    await until(() => element.matches(':state(live)'), 'the list never went live');

    // Someone is filling in the form meanwhile: it keeps what they typed, and their focus.
    const draft = `Draft ${token()}`;
    type(element, 'notice-title', draft);
    const field = part<HTMLInputElement>(element, 'notice-title')!;
    field.focus();

    const title = `Carrier strike ${token()}`;
    const input = { title, body: 'Deliveries may be a day late.', severity: 'warning' };
    const published = await colleague<{ id: string }>('staff.announcement.create', {
      ...input,
      audience: 'all',
    });
    await until(() => rowWith(element, title), 'a colleague’s announcement never appeared');
    expect(field.value).to.equal(draft, 'the form kept what was typed');
    expect(element.shadowRoot!.activeElement).to.equal(field, 'focus stayed in the form');

    // For one account only, starting by the clock a moment from now.
    const later = `Stocktaking ${token()}`;
    const scheduled = await colleague<{ id: string }>('staff.announcement.create', {
      title: later,
      body: 'Closed for stocktaking.',
      severity: 'info',
      startsAt: new Date(Date.now() + 1_500).toISOString(),
      audience: 'accounts',
      accountIds: [carlas],
    });
    const status = (text: string) =>
      textOf(rowWith(element, text)?.querySelector("[part~='status']"));
    await until(() => status(later) === 'Scheduled', 'an account’s announcement never appeared');
    await until(() => status(later) === 'Showing now', 'it never started by the clock');

    // Editing one that a colleague then changes: the form says so and keeps what was typed.
    rowWith(element, title)!.querySelector<HTMLButtonElement>("[part~='edit']")!.click();
    await until(
      () => part<HTMLInputElement>(element, 'notice-title')!.value === title,
      'the announcement never came into the form',
    );
    type(element, 'notice-body', 'Mine.');
    await colleague('staff.announcement.update', {
      id: published.id,
      ...input,
      body: 'Deliveries may be two days late.',
      audience: 'all',
    });
    await until(
      () => textOf(rowWith(element, title)?.querySelector("[part~='body']")).includes('two days'),
      'a colleague’s change never showed',
    );
    await until(() => part(element, 'edit-changed'), 'the form never said it was changed');
    expect(part<HTMLTextAreaElement>(element, 'notice-body')!.value).to.equal('Mine.');
    await expect(element).to.be.accessible();
    part(element, 'cancel-edit')!.click();
    await until(
      () =>
        element.shadowRoot!.activeElement ===
        rowWith(element, title)?.querySelector("[part~='edit']"),
      'focus never went back to Edit',
    );

    await colleague('staff.announcement.end', { id: published.id });
    await until(() => status(title) === 'Ended', 'a colleague’s end never showed');
    await colleague('staff.announcement.end', { id: scheduled.id });
    await until(() => status(later) === 'Ended', 'the account’s one never ended');
  });

  it('saves the reminder rules, shown again after a reload, and refuses bad days', async () => {
    const element = await asStaff(admin);
    type(element, 'due-days', '7, soon');
    part(element, 'save-rules')!.click();
    await until(() => byId(element, 'invoiceDue-error'), 'no error for the days');
    expect(textOf(byId(element, 'invoiceDue-error'))).to.contain('whole numbers');

    type(element, 'due-days', '7, 200');
    part(element, 'save-rules')!.click();
    await until(
      () =>
        textOf(byId(element, 'invoiceDue-error')) &&
        !textOf(byId(element, 'invoiceDue-error')).includes('whole numbers'),
      'no server error for 200 days',
    );
    const days = part<HTMLInputElement>(element, 'due-days')!;
    expect(days.getAttribute('aria-invalid')).to.equal('true');
    await until(() => element.shadowRoot!.activeElement === days, 'focus never went to the days');
    expect(await api().staff.reminder.rules.query()).to.deep.equal(original, 'nothing saved');

    type(element, 'due-days', '7, 1');
    type(element, 'overdue-days', '3');
    part<HTMLInputElement>(element, 'delayed-enabled')!.click();
    type(element, 'promise-days', '10');
    part(element, 'save-rules')!.click();
    await until(
      () =>
        textOf(element.shadowRoot!.querySelector('[role=status]')) ===
        'The reminder rules are saved.',
      'the save was never announced',
    );
    expect(all(element, "[part~='field-error']")).to.have.length(0);

    const again = await render();
    await until(() => part(again, 'rules-form'), 'the rules never loaded again');
    expect(part<HTMLInputElement>(again, 'due-days')!.value).to.equal('1, 7');
    expect(part<HTMLInputElement>(again, 'overdue-days')!.value).to.equal('3');
    expect(part<HTMLInputElement>(again, 'delayed-enabled')!.checked).to.equal(
      !original.orderDelayed.enabled,
    );
    expect(part<HTMLInputElement>(again, 'promise-days')!.value).to.equal('10');
  });

  it('sets, shows and removes an order’s promised delivery date in the order view', async () => {
    const customer = <T>(path: string, input?: unknown, kind?: 'query') =>
      executeServerCommand<T, CustomerCall>('portico-customer', { as: 'carla', path, input, kind });
    const items = [{ productId: products.beans!, quantity: 1 }];
    const quote = await customer<{ total: number }>(
      'order.quote',
      { items, address: ADDRESS },
      'query',
    );
    const { order } = await customer<{ order: { id: string } }>('order.place', {
      idempotencyKey: crypto.randomUUID(),
      items,
      address: ADDRESS,
      expectedTotal: quote.total,
    });
    await signIn(agent);
    const container = await fixture(html`
      <portico-portal api=${backendUrl}>
        <portico-staff-orders .orderId=${order.id}></portico-staff-orders>
      </portico-portal>
    `);
    const orders = container.querySelector<PorticoStaffOrders>('portico-staff-orders')!;
    await sessionKnown(orders);
    await until(() => part(orders, 'promise-form'), 'no promised delivery form');
    type(orders, 'promise-input', '2031-03-14');
    part(orders, 'save-promise')!.click();
    await until(
      () => part(orders, 'promised-on')?.querySelector('time')?.dateTime === '2031-03-14',
      'the promised date never showed',
    );
    expect(textOf(part(orders, 'promised-on'))).to.contain('2031');
    const detail = await api().staff.order.byId.query({ orderId: order.id });
    expect(detail.promisedOn).to.equal('2031-03-14');
    part(orders, 'clear-promise')!.click();
    await until(
      () => textOf(part(orders, 'promised-on')).includes('No delivery date'),
      'the promise was never removed',
    );
    await expect(orders).to.be.accessible();
  });

  it('fits a 320 px screen without scrolling sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    const element = await asStaff(admin);
    byId(element, 'audience-accounts')!.click();
    await until(() => part(element, 'account-search'), 'no account search');
    const scroller = document.scrollingElement!;
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
    expect(element.scrollWidth).to.be.at.most(element.clientWidth + 1);
  });
});
