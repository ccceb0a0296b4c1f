import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import '../../elements/portico-staff-orders/portico-staff-orders.ts';
import type { PorticoStaffOrders } from '../../elements/portico-staff-orders/portico-staff-orders.ts';
import type {
  CustomerCall,
  OrderStatusChange,
  StaffCall,
} from './support/portico-backend.plugin.ts';
import { agent } from './support/people.ts';
import { ADDRESS } from '../support/address.ts';
import { formatMoney } from '../../elements/shared/format.ts';
import {
  all,
  attachContextRoot,
  backendUrl,
  button,
  definePortal,
  part,
  products,
  sessionKnown,
  signIn,
  signOut,
  textOf,
  until,
} from './support/page.ts';

type Order = inferRouterOutputs<AppRouter>['order']['place']['order'];

function customer<T = unknown>(path: string, input?: unknown, kind?: 'query'): Promise<T> {
  return executeServerCommand<T, CustomerCall>('portico-customer', {
    as: 'carla',
    path,
    input,
    kind,
  });
}

function staff<T = unknown>(path: string, input?: unknown): Promise<T> {
  return executeServerCommand<T, StaffCall>('portico-staff', { path, input });
}

const token = () => crypto.randomUUID().slice(0, 8).toUpperCase();

/** Carla places an order the way the order form does: quote, then place what was quoted. */
async function carlaOrder(product: 'beans' | 'cups' | 'service', quantity = 1): Promise<Order> {
  const items = [{ productId: products[product]!, quantity }];
  const quote = await customer<{ total: number }>(
    'order.quote',
    { items, address: ADDRESS },
    'query',
  );
  const placed = await customer<{ order: Order }>('order.place', {
    idempotencyKey: crypto.randomUUID(),
    items,
    address: ADDRESS,
    expectedTotal: quote.total,
  });
  return placed.order;
}

async function render(orderId: string | null = null): Promise<PorticoStaffOrders> {
  const container = await fixture(html`
    <portico-portal api=${backendUrl}>
      <portico-staff-orders .orderId=${orderId}></portico-staff-orders>
    </portico-portal>
  `);
  const element = container.querySelector('portico-staff-orders')!;
  await sessionKnown(element);
  return element;
}

function choose(element: PorticoStaffOrders, partName: string, value: string): void {
  const control = part<HTMLSelectElement | HTMLInputElement>(element, partName);
  if (!control) throw new Error(`no ${partName}`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const rowOf = (element: PorticoStaffOrders, id: string) =>
  element.shadowRoot?.querySelector<HTMLElement>(`[part~='row'][data-id='${id}']`) ?? null;

async function openOrder(id: string): Promise<PorticoStaffOrders> {
  await signIn(agent);
  const element = await render(id);
  await until(() => part(element, 'actions'), 'the order never opened');
  return element;
}

const statusOf = (element: PorticoStaffOrders) =>
  textOf(element.shadowRoot?.querySelector("[part~='order'] [part~='status']"));

const events = (element: PorticoStaffOrders) =>
  all(element, "[part~='event']").map((event) => textOf(event));

function hasButton(element: PorticoStaffOrders, text: string): boolean {
  return all<HTMLButtonElement>(element, 'button').some((b) => textOf(b) === text);
}

function noOverflow(element: PorticoStaffOrders): void {
  expect(document.documentElement.scrollWidth).to.be.at.most(320);
  for (const block of all(element, 'section, form, li')) {
    expect(block.scrollWidth, block.getAttribute('part') ?? block.localName).to.be.at.most(
      block.clientWidth + 1,
    );
  }
}

describe('<portico-staff-orders>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await signOut();
  });

  it('asks anyone not signed in as staff to sign in', async () => {
    await signOut();
    const element = await render();
    expect(textOf(part(element, 'signed-out'))).to.contain('Sign in with a staff account');
    await expect(element).to.be.accessible();
  });

  it('finds a customer’s order by number and by tracking number, and filters by status', async () => {
    const order = await carlaOrder('cups', 2);
    const other = await carlaOrder('beans');
    const tracking = `TRK ${token()}`;
    await staff('staff.order.advance', {
      orderId: other.id,
      to: 'shipped',
      trackingNumber: tracking,
    });
    await signIn(agent);
    const element = await render();
    await until(() => part(element, 'search'), 'the list never rendered');

    choose(element, 'search', order.number);
    await until(() => rowOf(element, order.id) && !rowOf(element, other.id), 'no search by number');
    const row = rowOf(element, order.id)!;
    const open = row.querySelector<HTMLAnchorElement>("[part~='open']")!;
    expect(open.getAttribute('href')).to.equal(`#order=${order.id}`);
    expect(textOf(open)).to.equal(`Order ${order.number}`);
    const account = row.querySelector<HTMLAnchorElement>("[part~='account']")!;
    expect(account.getAttribute('href')).to.equal(`#customer=${order.accountId}`);
    expect(textOf(account)).to.equal(order.accountName);
    expect(textOf(row.querySelector("[part~='status']"))).to.equal('Placed');
    expect(textOf(row.querySelector("[part~='total']"))).to.equal(
      formatMoney(order.total, order.currency),
    );
    expect(row.querySelector('time')?.getAttribute('datetime')).to.equal(order.createdAt);
    await expect(element).to.be.accessible();

    choose(element, 'search', tracking.toLowerCase());
    await until(() => rowOf(element, other.id) && !rowOf(element, order.id), 'no tracking search');
    choose(element, 'status-filter', 'delivered');
    await until(() => part(element, 'empty'), 'the status filter kept the shipped order');
    choose(element, 'status-filter', 'shipped');
    await until(() => rowOf(element, other.id), 'the shipped filter lost the order');
  });

  it('sorts by total and by age', async () => {
    const dear = await carlaOrder('service', 3);
    const last = await carlaOrder('beans');
    await signIn(agent);
    const element = await render();
    await until(() => part(element, 'search'), 'the list never rendered');
    const rows = () => all(element, "[part~='row']");
    const first = () => rows()[0]?.dataset['id'];
    const totals = () =>
      rows().map((row) => Number(textOf(row.querySelector("[part~='total']")).replace(/\D/g, '')));
    const times = () => rows().map((row) => row.querySelector('time')!.getAttribute('datetime')!);
    choose(element, 'search', 'carla');
    choose(element, 'sort', 'total');
    await until(() => first() === dear.id, 'the dearest order is not first by total');
    expect(totals()).to.deep.equal([...totals()].sort((a, b) => b - a));
    choose(element, 'sort', 'newest');
    await until(() => first() === last.id, 'the newest order is not first');
    expect(times()).to.deep.equal([...times()].sort().reverse());
    choose(element, 'sort', 'oldest');
    await until(() => first() !== last.id, 'never sorted oldest first');
    expect(times()).to.deep.equal([...times()].sort());
  });

  it('marks a placed order as shipped with a tracking number, by keyboard', async () => {
    const order = await carlaOrder('beans', 2);
    const tracking = `LV ${token()}`;
    const element = await openOrder(order.id);
    expect(textOf(part(element, 'heading'))).to.equal(`Order ${order.number}`);
    expect(statusOf(element)).to.equal('Placed');
    expect(all(element, "[part~='line']").length).to.equal(1);
    expect(part<HTMLAnchorElement>(element, 'account')!.getAttribute('href')).to.equal(
      `#customer=${order.accountId}`,
    );
    expect(textOf(part(element, 'address'))).to.contain(ADDRESS.city);
    expect(textOf(part(element, 'tracking'))).to.contain('none yet');

    const ship = button(element, 'Mark as shipped');
    ship.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => part(element, 'ship-form'), 'the ship form never opened');
    await until(
      () => element.shadowRoot?.activeElement === part(element, 'tracking-input'),
      'focus did not move to the tracking number',
    );
    await expect(element).to.be.accessible();
    await sendKeys({ type: tracking });
    await sendKeys({ press: 'Enter' });

    await until(() => statusOf(element) === 'Shipped', 'the order never showed as shipped');
    expect(textOf(part(element, 'tracking-number'))).to.equal(tracking);
    expect(events(element).at(-1)).to.contain(
      `The order was shipped with tracking number ${tracking}.`,
    );
    expect(events(element).at(-1)).to.contain(`${agent.name} (staff)`);
    expect(hasButton(element, 'Mark as shipped')).to.equal(false);
    expect(hasButton(element, 'Mark as delivered')).to.equal(true);
    expect(hasButton(element, 'Cancel order')).to.equal(false);
    const seen = await customer<{ status: string; trackingNumber: string }>(
      'order.byId',
      { orderId: order.id },
      'query',
    );
    expect([seen.status, seen.trackingNumber]).to.deep.equal(['shipped', tracking]);
  });

  it('confirms, changes tracking and address, and cancels with a reason, all on the timeline', async () => {
    const order = await carlaOrder('cups');
    const element = await openOrder(order.id);
    button(element, 'Mark as confirmed').click();
    await until(() => statusOf(element) === 'Confirmed', 'never confirmed');
    expect(hasButton(element, 'Mark as confirmed')).to.equal(false);

    button(element, 'Edit delivery address').click();
    await until(() => part(element, 'address-form'), 'the address form never opened');
    const city = part(element, 'address-form')!.querySelector<HTMLInputElement>("[name='city']")!;
    city.value = 'Jūrmala';
    city.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    button(element, 'Save the new address').click();
    await until(() => textOf(part(element, 'address')).includes('Jūrmala'), 'address unchanged');
    expect(part(element, 'address-form')).to.equal(null);

    button(element, 'Cancel order').click();
    await until(() => part(element, 'cancel-confirm'), 'no confirmation was asked');
    const confirm = button(element, 'Yes, cancel the order');
    confirm.click();
    await element.updateComplete;
    expect(statusOf(element)).to.equal('Confirmed', 'a cancellation needs a reason');
    const reason = part<HTMLTextAreaElement>(element, 'cancel-reason')!;
    reason.value = 'Customer phoned: ordered twice';
    reason.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    confirm.click();
    await until(() => statusOf(element) === 'Cancelled', 'never cancelled');

    const timeline = events(element);
    expect(timeline.some((e) => e.includes('The order was confirmed.'))).to.equal(true);
    expect(timeline.some((e) => e.includes('changed the delivery address to'))).to.equal(true);
    expect(timeline.at(-1)).to.contain('Reason: Customer phoned: ordered twice');
    expect(timeline.at(-1)).to.contain(`${agent.name} (staff)`);
    expect(textOf(part(element, 'actions'))).to.contain('Nothing more can be done');
  });

  it('shows a customer’s cancellation as it happens, and says so', async () => {
    const order = await carlaOrder('beans');
    const element = await openOrder(order.id);
    await until(() => element.matches(':state(live)'), 'order changes never went live');
    await customer('order.cancel', { orderId: order.id, reason: 'Changed my mind' });
    await until(() => statusOf(element) === 'Cancelled', 'the cancellation never arrived');
    expect(hasButton(element, 'Mark as confirmed')).to.equal(false);
    expect(events(element).at(-1)).to.contain('Reason: Changed my mind');
    expect(textOf(element.shadowRoot!.querySelector('[role=status]'))).to.contain(
      'This order was just changed',
    );
    await expect(element).to.be.accessible();
  });

  it('lists a newly placed order without a reload', async () => {
    await signIn(agent);
    const element = await render();
    await until(() => element.matches(':state(live)'), 'order changes never went live');
    await until(() => part(element, 'list'), 'the list never rendered');
    const order = await carlaOrder('cups');
    await until(() => rowOf(element, order.id), 'the new order never appeared');
  });

  it('says so in words and reloads when the order changed where it could not hear', async () => {
    const order = await carlaOrder('beans');
    const element = await openOrder(order.id);
    // Another server process cancelled it: nothing told this view.
    await executeServerCommand<boolean, OrderStatusChange>('portico-order-status', {
      orderId: order.id,
      status: 'cancelled',
    });
    expect(statusOf(element)).to.equal('Placed');
    button(element, 'Mark as confirmed').click();
    await until(() => part(element, 'error'), 'the refusal was never shown');
    expect(textOf(part(element, 'error'))).to.contain('has been cancelled');
    await until(() => statusOf(element) === 'Cancelled', 'the order was not reloaded');
    expect(hasButton(element, 'Mark as confirmed')).to.equal(false);
    await expect(element).to.be.accessible();
  });

  it('fits 320 px, list and order, without sideways scrolling', async () => {
    const order = await carlaOrder('service');
    await setViewport({ width: 320, height: 640 });
    await signIn(agent);
    const list = await render();
    await until(() => all(list, "[part~='row']").length > 0, 'the list never loaded');
    noOverflow(list);
    const element = await openOrder(order.id);
    button(element, 'Mark as shipped').click();
    await until(() => part(element, 'ship-form'), 'the ship form never opened');
    noOverflow(element);
  });
});
