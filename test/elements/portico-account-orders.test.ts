import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../elements/portico-account-summary/account-orders.ts';
import type { PorticoAccountOrders } from '../../elements/portico-account-summary/account-orders.ts';
import { porticoApiFor } from '../../elements/api/client.ts';
import { CartStore } from '../../elements/shared/cart.ts';
import { formatMoney } from '../../elements/shared/format.ts';
import { anna } from './support/people.ts';
import {
  attachContextRoot,
  backendUrl,
  definePortal,
  part,
  products as productIds,
  sessionKnown,
  signIn,
  signOut,
  textOf,
  until,
  all,
  signUpConfirmed,
} from './support/page.ts';
import { ADDRESS } from '../support/address.ts';

const products = productIds as Record<'beans' | 'cups' | 'service', string>;

const api = porticoApiFor(backendUrl);

type Items = { productId: string; quantity: number }[];

/** Places an order as the signed-in person, the way the order form does: quote, then place. */
async function placeOrder(items: Items, address = ADDRESS): Promise<string> {
  const quote = await api.trpc.order.quote.query({ items, address });
  const placed = await api.trpc.order.place.mutate({
    idempotencyKey: crypto.randomUUID(),
    items,
    address,
    expectedTotal: quote.total,
  });
  return placed.order.number;
}

interface Options {
  number?: string;
  shopHref?: string;
  ticketHref?: string;
  pageSize?: number;
}

async function renderOrders(options: Options = {}): Promise<PorticoAccountOrders> {
  const portal = await fixture(html`
    <portico-portal api=${backendUrl}>
      <portico-account-orders
        number=${ifDefined(options.number)}
        shop-href=${ifDefined(options.shopHref)}
        ticket-href=${ifDefined(options.ticketHref)}
        page-size=${ifDefined(options.pageSize)}
      ></portico-account-orders>
    </portico-portal>
  `);
  const orders = portal.querySelector('portico-account-orders');
  if (!orders) throw new Error('the fixture did not render');
  await sessionKnown(orders);
  return orders;
}

/** The order numbers of the history's rows, in order. */
function numbers(orders: PorticoAccountOrders): string[] {
  return all(orders, "[part~='order-link']").map((link) => textOf(link).replace(/^Order /, ''));
}

function row(orders: PorticoAccountOrders, number: string): HTMLElement {
  const found = all(orders, "[part~='order']").find((candidate) =>
    textOf(candidate.querySelector("[part~='order-link']")).endsWith(number),
  );
  if (!found) throw new Error(`no row for order ${number}`);
  return found;
}

async function listed(orders: PorticoAccountOrders): Promise<void> {
  await until(() => numbers(orders).length > 0, 'no orders were listed');
}

function type(control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string) {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function control<T extends HTMLElement = HTMLInputElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

function click(host: Element, partName: string): void {
  const found = part(host, partName);
  if (!found) throw new Error(`no ${partName}`);
  found.click();
}

function announced(orders: PorticoAccountOrders): string {
  return textOf(orders.shadowRoot?.querySelector("[role='status'][aria-live='polite']"));
}

/** The detail once its order has loaded. */
async function detailOf(number: string, options: Options = {}) {
  const orders = await renderOrders({ ...options, number });
  await until(() => all(orders, "[part~='line']").length > 0, `order ${number} did not load`);
  return orders;
}

/** A UTC day as YYYY-MM-DD, `days` from today. */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('<portico-account-orders>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  beforeEach(() => localStorage.clear());
  afterEach(signOut);

  it('asks a signed-out visitor to sign in', async () => {
    const orders = await renderOrders();
    expect(textOf(part(orders, 'signed-out'))).to.equal('Sign in to see your orders.');
    expect(part(orders, 'list')).to.equal(null);
  });

  it('lists the orders newest first with status, date, item count and total', async () => {
    await signIn();
    const first = await placeOrder([{ productId: products.beans, quantity: 2 }]);
    const second = await placeOrder([
      { productId: products.cups, quantity: 1 },
      { productId: products.service, quantity: 1 },
    ]);
    const orders = await renderOrders();
    await listed(orders);

    expect(numbers(orders).slice(0, 2)).to.deep.equal([second, first]);
    const { items } = await api.trpc.order.list.query({ query: first });
    const summary = items[0];
    if (!summary) throw new Error('the order was not found');
    const placed = row(orders, first);
    const status = placed.querySelector("[part~='status']");
    expect(textOf(status)).to.equal('Placed');
    expect(status?.getAttribute('part')).to.equal('status status-placed');
    expect(textOf(placed)).to.contain('2 items');
    expect(textOf(placed.querySelector("[part~='order-total']"))).to.equal(
      formatMoney(summary.total, summary.currency),
    );
    expect(placed.querySelector('time')?.getAttribute('datetime')).to.equal(summary.createdAt);
    const link = placed.querySelector<HTMLAnchorElement>("[part~='order-link']");
    expect(link?.getAttribute('href')).to.equal(`#order=${first}`);
    expect(textOf(part(orders, 'summary'))).to.match(/^Showing \d+ orders?\.$/);
    expect(orders.shadowRoot?.querySelector('h2')?.textContent?.trim()).to.equal('Your orders');
  });

  it('narrows the list by search, status and date, and clears the filters', async () => {
    await signIn();
    const kept = await placeOrder([{ productId: products.cups, quantity: 1 }]);
    const cancelled = await placeOrder([{ productId: products.service, quantity: 1 }]);
    const { id } = await api.trpc.order.byNumber.query({ number: cancelled });
    await api.trpc.order.cancel.mutate({ orderId: id, reason: '' });
    const orders = await renderOrders();
    await listed(orders);
    const search = control(orders, "[part~='search']");

    type(search, kept.toLowerCase());
    await until(() => numbers(orders).join() === kept, 'the search did not find the one order');
    expect(textOf(part(orders, 'summary'))).to.equal('Showing 1 order.');

    type(search, '');
    type(control<HTMLSelectElement>(orders, "[part~='status-filter']"), 'cancelled');
    await until(() => numbers(orders)[0] === cancelled, 'the status filter did not apply');
    const statuses = all(orders, "[part~='order'] [part~='status']").map(textOf);
    expect(new Set(statuses)).to.deep.equal(new Set(['Cancelled']));
    expect(numbers(orders)).to.not.include(kept);

    type(control(orders, "[part~='from']"), day(2));
    await until(() => part(orders, 'clear-filters'), 'no empty state for the filters');
    expect(numbers(orders)).to.deep.equal([]);
    expect(textOf(part(orders, 'summary'))).to.equal('No orders match these filters.');

    click(orders, 'clear-filters');
    await until(() => numbers(orders).includes(kept), 'clearing did not bring the orders back');
    expect(numbers(orders)).to.include(cancelled);
    expect(control<HTMLSelectElement>(orders, "[part~='status-filter']").value).to.equal('');
    expect(orders.shadowRoot?.activeElement).to.equal(search);
  });

  it('pages with "Show more" and moves focus to the first new order', async () => {
    await signIn();
    for (let index = 0; index < 3; index++) {
      await placeOrder([{ productId: products.cups, quantity: 1 }]);
    }
    const orders = await renderOrders({ pageSize: 2 });
    await listed(orders);
    expect(numbers(orders)).to.have.length(2);

    click(orders, 'more');
    await until(() => numbers(orders).length > 2, 'no second page');
    const links = all(orders, "[part~='order-link']");
    await until(() => orders.shadowRoot?.activeElement === links[2], 'focus did not move');
    expect(new Set(numbers(orders)).size).to.equal(numbers(orders).length);
  });

  it('shows an order with its lines, totals, address, timeline and a focused heading', async () => {
    await signIn();
    const number = await placeOrder([
      { productId: products.beans, quantity: 2 },
      { productId: products.service, quantity: 1 },
    ]);
    // Opened straight on the order's link, the page keeps its focus.
    const opened = await detailOf(number);
    await until(() => part(opened, 'heading') !== null, 'no detail');
    expect(opened.shadowRoot?.activeElement?.id ?? 'none').to.equal('none');
    // Moved to from somewhere on the page, the heading takes focus.
    const from = document.createElement('button');
    document.body.append(from);
    from.focus();
    const orders = await detailOf(number, { ticketHref: '/help/new?order={number}&x=1' });
    from.remove();
    const order = await api.trpc.order.byNumber.query({ number });
    const money = (minor: number) => formatMoney(minor, order.currency);

    const heading = part(orders, 'heading');
    expect(heading?.localName).to.equal('h2');
    expect(textOf(heading)).to.equal(`Order ${number}`);
    await until(() => orders.shadowRoot?.activeElement === heading, 'the heading took no focus');
    expect(part(orders, 'back')?.getAttribute('href')).to.equal('#orders');
    expect(textOf(part(orders, 'status'))).to.equal('Placed');

    const lines = all(orders, "[part~='line']");
    expect(lines).to.have.length(2);
    order.lines.forEach((line, index) => {
      const text = textOf(lines[index]);
      expect(text).to.contain(line.name);
      expect(text).to.contain(`${line.quantity} × ${money(line.unitPrice)}`);
      expect(text).to.contain(money(line.subtotal));
    });
    const totals = textOf(part(orders, 'totals'));
    expect(totals).to.contain(money(order.subtotal));
    expect(totals).to.contain(money(order.tax));
    expect(textOf(part(orders, 'total'))).to.equal(money(order.total));
    expect(textOf(part(orders, 'address'))).to.contain(ADDRESS.line1);
    expect(textOf(part(orders, 'address'))).to.contain('Latvia');
    expect(part(orders, 'tracking')).to.equal(null);

    const events = all(orders, "[part~='timeline'] > [part~='event']");
    expect(events.map((event) => textOf(event.querySelector('.what')))).to.deep.equal([
      `${anna.name} placed the order.`,
    ]);
    expect(events[0]?.querySelector('time')?.getAttribute('datetime')).to.equal(
      order.timeline[0]?.at,
    );
    expect(part(orders, 'ticket')?.getAttribute('href')).to.equal(
      `/help/new?order=${encodeURIComponent(number)}&x=1`,
    );
    const levels = all(orders, 'h2, h3, h4').map((each) => Number(each.localName[1]));
    expect(levels[0]).to.equal(2);
    levels.slice(1).forEach((level, index) => {
      expect(level - (levels[index] ?? 0)).to.be.at.most(1);
    });

    orders.number = null;
    await until(() => part(orders, 'history'), 'the history did not come back');
    await until(
      () => orders.shadowRoot?.activeElement?.id === 'orders-title',
      'the history heading took no focus',
    );
  });

  it('changes the delivery address, from the form or the address book', async () => {
    await signIn();
    const saved = await api.trpc.address.save.mutate({
      label: 'Office',
      address: { ...ADDRESS, line1: 'Elizabetes iela 1', city: 'Rīga', company: '' },
    });
    const number = await placeOrder([{ productId: products.cups, quantity: 1 }]);
    const orders = await detailOf(number);

    click(orders, 'change-address');
    await until(() => part(orders, 'address-form'), 'no form');
    const name = control(orders, "[part~='address-form'] [name='name']");
    expect(name.value).to.equal(ADDRESS.name);
    expect(orders.shadowRoot?.activeElement).to.equal(name);
    expect(part(orders, 'change-address')?.getAttribute('aria-expanded')).to.equal('true');
    type(control(orders, "[name='line1']"), 'Tērbatas iela 7');
    click(orders, 'save-address');

    await until(() => announced(orders) === 'Address changed', 'the change was not announced');
    expect(part(orders, 'address-form')).to.equal(null);
    expect(textOf(part(orders, 'address'))).to.contain('Tērbatas iela 7');
    const last = () => textOf(all(orders, "[part~='event'] .what").at(-1));
    expect(last()).to.match(/^Anna Bērziņa changed the delivery address to .*Tērbatas iela 7/);
    expect(orders.shadowRoot?.activeElement).to.equal(part(orders, 'change-address'));

    click(orders, 'change-address');
    const choice = await (async () => {
      await until(() => part(orders, 'saved-addresses'), 'the address book was not offered');
      return control<HTMLSelectElement>(orders, "[part~='saved-addresses']");
    })();
    type(choice, saved.id);
    await until(
      () => control(orders, "[name='line1']").value === 'Elizabetes iela 1',
      'the saved address did not fill the form',
    );
    click(orders, 'save-address');
    await until(() => textOf(part(orders, 'address')).includes('Elizabetes iela 1'), 'unchanged');
    const order = await api.trpc.order.byNumber.query({ number });
    expect(order.address.line1).to.equal('Elizabetes iela 1');
    expect(order.timeline.filter((event) => event.type === 'address_changed')).to.have.length(2);
    await api.trpc.address.remove.mutate({ id: saved.id });
  });

  it('shows field errors on the fields and refusals beside the form', async () => {
    await signIn();
    const number = await placeOrder([{ productId: products.beans, quantity: 1 }]);
    const orders = await detailOf(number, { ticketHref: '/help/new?order={number}' });
    click(orders, 'change-address');
    await until(() => part(orders, 'address-form'), 'no form');

    const postalCode = control(orders, "[name='postalCode']");
    type(postalCode, '#1010');
    click(orders, 'save-address');
    await until(() => postalCode.getAttribute('aria-invalid') === 'true', 'not marked invalid');
    const message = orders.shadowRoot?.getElementById(
      postalCode.getAttribute('aria-describedby') ?? '',
    );
    expect(textOf(message)).to.equal('Use letters, digits, spaces and dashes only.');
    expect(control(orders, "[name='city']").hasAttribute('aria-invalid')).to.equal(false);
    await until(() => orders.shadowRoot?.activeElement === postalCode, 'focus did not move');

    // Goods shipped inside the EU cost less to send than to the US: the order is already priced.
    type(postalCode, '10001');
    type(control<HTMLSelectElement>(orders, "[name='country']"), 'US');
    click(orders, 'save-address');
    await until(() => !postalCode.hasAttribute('aria-invalid'), 'the field error stayed');
    await until(() => textOf(part(orders, 'error')).includes('Shipping to that country'), 'no');
    const form = part(orders, 'address-form');
    expect(form?.querySelector("[part~='error']")?.getAttribute('role')).to.equal('alert');
    expect(form?.querySelector("[part~='ticket']")?.getAttribute('href')).to.equal(
      `/help/new?order=${number}`,
    );
    const order = await api.trpc.order.byNumber.query({ number });
    expect(order.address.country).to.equal(ADDRESS.country);
  });

  it('cancels only after a confirmation, and then offers no more changes', async () => {
    await signIn();
    const number = await placeOrder([{ productId: products.service, quantity: 1 }]);
    const orders = await detailOf(number);

    click(orders, 'cancel');
    await until(() => part(orders, 'cancel-confirm'), 'no confirmation step');
    expect(orders.shadowRoot?.activeElement?.id).to.equal('cancel-title');
    const keep = all<HTMLButtonElement>(orders, "[part~='cancel-confirm'] button").find(
      (button) => textOf(button) === 'No, keep the order',
    );
    keep?.click();
    await until(() => !part(orders, 'cancel-confirm'), 'the confirmation stayed');
    expect(orders.shadowRoot?.activeElement).to.equal(part(orders, 'cancel'));
    expect((await api.trpc.order.byNumber.query({ number })).status).to.equal('placed');

    click(orders, 'cancel');
    await until(() => part(orders, 'cancel-reason'), 'no reason field');
    type(control<HTMLTextAreaElement>(orders, "[part~='cancel-reason']"), 'Ordered twice');
    click(orders, 'confirm-cancel');

    await until(() => textOf(part(orders, 'status')) === 'Cancelled', 'not cancelled');
    expect(announced(orders)).to.equal('Order cancelled');
    expect(part(orders, 'change-address')).to.equal(null);
    expect(part(orders, 'cancel')).to.equal(null);
    expect(part(orders, 'cancel-confirm')).to.equal(null);
    expect(textOf(all(orders, "[part~='event'] .what").at(-1))).to.equal(
      `${anna.name} cancelled the order. Reason: Ordered twice`,
    );
    expect(orders.shadowRoot?.activeElement).to.equal(part(orders, 'heading'));
    expect((await api.trpc.order.byNumber.query({ number })).status).to.equal('cancelled');
  });

  it('orders the same again: the items go into the cart, with a way to the shop', async () => {
    await signIn();
    const number = await placeOrder([
      { productId: products.beans, quantity: 2 },
      { productId: products.service, quantity: 1 },
    ]);
    const orders = await detailOf(number, { shopHref: '/shop.html' });

    click(orders, 'reorder');
    await until(() => part(orders, 'reorder-result'), 'no result');

    const lines = CartStore.for(backendUrl).lines;
    expect(lines.map(({ productId, quantity }) => [productId, quantity])).to.deep.equal([
      [products.beans, 2],
      [products.service, 1],
    ]);
    expect(lines[0]?.snapshot?.name).to.equal('Espresso beans 1 kg');
    expect(lines[0]?.snapshot?.currency).to.equal('EUR');
    const result = textOf(part(orders, 'reorder-result'));
    expect(result).to.contain('Added to your cart: 2 × Espresso beans 1 kg');
    expect(result).to.contain('1 × Machine servicing visit');
    expect(result).to.not.contain('Not added');
    expect(part(orders, 'shop')?.getAttribute('href')).to.equal('/shop.html');
    expect(announced(orders)).to.equal('Added 2 products to your cart.');
  });

  it('says an order number it cannot find is not found, as for another account’s order', async () => {
    await signIn();
    const annas = await placeOrder([{ productId: products.cups, quantity: 1 }]);
    await signOut();
    const mara = {
      name: 'Mara Ozola',
      email: `mara.${Date.now()}@test.example`,
      password: 'another horse battery',
    };
    await signUpConfirmed(mara);
    await signIn(mara);

    const history = await renderOrders({ shopHref: '/shop.html' });
    await until(() => textOf(part(history, 'summary')) === 'No orders yet.', 'no empty state');
    expect(part(history, 'shop')?.getAttribute('href')).to.equal('/shop.html');
    expect(part(history, 'clear-filters')).to.equal(null);

    const orders = await renderOrders({ number: annas });
    await until(() => part(orders, 'error'), 'no message');
    expect(textOf(part(orders, 'error'))).to.equal('We could not find that order.');
    expect(part(orders, 'error')?.getAttribute('role')).to.equal('alert');
    expect(part(orders, 'retry')).to.equal(null);
    expect(part(orders, 'lines')).to.equal(null);
    expect(textOf(part(orders, 'heading'))).to.equal(`Order ${annas}`);
  });

  it('says when the backend cannot be reached and tries again on request', async () => {
    await signIn();
    await placeOrder([{ productId: products.cups, quantity: 1 }]);
    const orders = await renderOrders();
    await listed(orders);
    const unreachable = 'http://localhost:9';
    let attempts = 0;
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).startsWith(unreachable)) attempts++;
      return realFetch(input, init);
    };
    try {
      orders.api = porticoApiFor(unreachable);
      await until(() => part(orders, 'error'), 'no error was shown');
      expect(textOf(part(orders, 'error'))).to.equal(
        'The portal could not be reached. Check your connection and try again.',
      );
      expect(part(orders, 'error')?.getAttribute('role')).to.equal('alert');
      expect(numbers(orders)).to.deep.equal([]);

      const before = attempts;
      click(orders, 'retry');
      await until(() => attempts > before && part(orders, 'error'), 'no second attempt');
    } finally {
      window.fetch = realFetch;
    }
    orders.api = api;
    await listed(orders);
    expect(part(orders, 'error')).to.equal(null);
  });

  it('is accessible in the history and in the detail with its forms open', async () => {
    await signIn();
    const number = await placeOrder([{ productId: products.cups, quantity: 1 }]);
    const history = await renderOrders();
    await listed(history);
    await expect(history).to.be.accessible();

    const orders = await detailOf(number, { ticketHref: '/help?order={number}' });
    click(orders, 'change-address');
    await until(() => part(orders, 'address-form'), 'no form');
    click(orders, 'cancel');
    await until(() => part(orders, 'cancel-confirm'), 'no confirmation');
    await expect(orders).to.be.accessible();
  });

  it('fits a 320 px wide screen with 44 px targets', async () => {
    const original = { width: window.innerWidth, height: window.innerHeight };
    await setViewport({ width: 320, height: 640 });
    try {
      await signIn();
      const number = await placeOrder([
        { productId: products.beans, quantity: 1 },
        { productId: products.service, quantity: 1 },
      ]);
      const page = document.documentElement;
      const history = await renderOrders({ shopHref: '/shop.html' });
      await listed(history);
      expect(page.scrollWidth).to.be.at.most(page.clientWidth);
      expect(history.scrollWidth).to.be.at.most(history.clientWidth);
      for (const target of all(history, "input, select, [part~='order-link'], [part~='more']")) {
        const label = target.getAttribute('name') ?? textOf(target);
        expect(target.getBoundingClientRect().height, label).to.be.at.least(44);
      }

      const orders = await detailOf(number, { ticketHref: '/help?order={number}' });
      click(orders, 'change-address');
      await until(() => part(orders, 'address-form'), 'no form');
      expect(page.scrollWidth).to.be.at.most(page.clientWidth);
      expect(orders.scrollWidth).to.be.at.most(orders.clientWidth);
      const targets = all(orders, "button, input, select, a[part~='back'], a[part~='ticket']");
      for (const target of targets) {
        const label = target.getAttribute('name') ?? textOf(target);
        expect(target.getBoundingClientRect().height, label).to.be.at.least(44);
      }
    } finally {
      await setViewport(original);
    }
  });
});
