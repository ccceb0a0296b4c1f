import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../elements/portico-order-form/portico-order-form.ts';
import type { PorticoOrderForm } from '../../elements/portico-order-form/portico-order-form.ts';
import type { OrderPlacedEvent } from '../../elements/events.ts';
import { porticoApiFor } from '../../elements/api/client.ts';
import { CartStore } from '../../elements/shared/cart.ts';
import { formatMoney } from '../../elements/shared/format.ts';
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
  setPrice,
  all,
} from './support/page.ts';
import { ADDRESS } from '../support/address.ts';

const NAMES = {
  beans: 'Espresso beans 1 kg',
  cups: 'Paper cups, 1000 pcs',
  rare: 'Limited grinder brush',
  soldOut: 'Sold-out filter',
  service: 'Machine servicing visit',
};

/** The test catalog's product ids by name (test/support/catalog.ts). */
const products = productIds as Record<keyof typeof NAMES | 'retired', string>;

const CART_KEY = `portico:cart:${backendUrl}`;

interface Options {
  product?: string;
  category?: string;
  orderHref?: string;
  pageSize?: number;
}

async function renderForm(options: Options = {}): Promise<PorticoOrderForm> {
  const portal = await fixture(html`
    <portico-portal api=${backendUrl}>
      <portico-order-form
        product=${ifDefined(options.product)}
        category=${ifDefined(options.category)}
        order-href=${ifDefined(options.orderHref)}
        page-size=${ifDefined(options.pageSize)}
      ></portico-order-form>
    </portico-portal>
  `);
  const form = portal.querySelector('portico-order-form');
  if (!form) throw new Error('the fixture did not render');
  await sessionKnown(form);
  await until(() => cards(form).length > 0, 'no products were shown');
  return form;
}

function cards(form: PorticoOrderForm): HTMLElement[] {
  return all(form, "[part~='products'] > [part~='product']");
}

function names(form: PorticoOrderForm): string[] {
  return cards(form).map((card) => textOf(card.querySelector('h3')));
}

function card(form: PorticoOrderForm, name: string): HTMLElement {
  const found = cards(form).find((candidate) => textOf(candidate.querySelector('h3')) === name);
  if (!found) throw new Error(`no product card "${name}"`);
  return found;
}

function addButton(productCard: HTMLElement): HTMLButtonElement {
  const found = productCard.querySelector<HTMLButtonElement>("[part~='add']");
  if (!found) throw new Error('no add button');
  return found;
}

async function add(form: PorticoOrderForm, name: string): Promise<void> {
  const before = cartNames(form).length;
  addButton(card(form, name)).click();
  await until(() => cartNames(form).length > before || cartNames(form).includes(name), 'not added');
}

function cartNames(form: PorticoOrderForm): string[] {
  return all(form, "[part~='cart-line'] .name").map(textOf);
}

function heading(form: PorticoOrderForm): string {
  return textOf(form.shadowRoot?.querySelector('h2'));
}

function type(field: HTMLInputElement | HTMLSelectElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function field<T extends HTMLElement = HTMLInputElement>(form: PorticoOrderForm, name: string): T {
  const found = form.shadowRoot?.querySelector<T>(`[name='${name}']`);
  if (!found) throw new Error(`no field named ${name}`);
  return found;
}

function click(form: PorticoOrderForm, partName: string): void {
  const found = part<HTMLButtonElement>(form, partName);
  if (!found) throw new Error(`no ${partName} button`);
  found.click();
}

async function toAddressStep(form: PorticoOrderForm): Promise<void> {
  click(form, 'continue');
  await until(() => heading(form) === 'Where should we deliver?', 'the address step did not open');
}

/** Fills a new address, choosing "A new address" first when saved ones are offered. */
async function fillNewAddress(form: PorticoOrderForm, values: Record<string, string>) {
  await until(() => part(form, 'address-form') || part(form, 'addresses'), 'no address step');
  const newChoice = form.shadowRoot?.querySelector<HTMLInputElement>("input[value='new']");
  if (newChoice) newChoice.click();
  await until(() => part(form, 'address-form'), 'no form for a new address');
  for (const [name, value] of Object.entries(values)) {
    type(field<HTMLInputElement | HTMLSelectElement>(form, name), value);
  }
}

async function toReview(form: PorticoOrderForm): Promise<void> {
  click(form, 'continue');
  await until(() => heading(form) === 'Review your order', 'the review step did not open');
  await until(() => part(form, 'total'), 'no total');
}

describe('<portico-order-form>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  beforeEach(() => localStorage.clear());
  afterEach(signOut);

  it('renders the catalog from the backend with formatted prices and badges', async () => {
    const form = await renderForm();

    expect(names(form)).to.include.members([NAMES.beans, NAMES.cups, NAMES.service]);
    expect(names(form)).to.not.include('Retired kettle');
    const beans = card(form, NAMES.beans);
    expect(textOf(beans.querySelector("[part~='price']"))).to.equal(formatMoney(2450, 'EUR'));
    expect(textOf(beans.querySelector('.description'))).to.equal('House blend');
    expect(textOf(card(form, NAMES.soldOut))).to.contain('Sold out');
    expect(textOf(card(form, NAMES.rare))).to.match(/Only \d left/);
    expect(textOf(card(form, NAMES.service))).to.contain('Service');
    const chips = all(form, "[part~='categories'] button").map(textOf);
    expect(chips).to.deep.equal(['All', 'Coffee', 'Services']);
    expect(heading(form)).to.equal('Choose products');
    const current = all(form, "[part~='steps'] [aria-current='step']");
    expect(current.map(textOf)).to.deep.equal(['Products']);
    expect(textOf(part(form, 'cart'))).to.contain('Your cart is empty.');
  });

  it('narrows the products as the customer searches, and says when nothing matches', async () => {
    const form = await renderForm();
    const search = part<HTMLInputElement>(form, 'search');
    if (!search) throw new Error('no search field');
    expect(search.type).to.equal('search');

    type(search, 'cups');
    await until(() => names(form).length === 1, 'the search did not narrow the list');
    expect(names(form)).to.deep.equal([NAMES.cups]);

    type(search, 'no such thing anywhere');
    await until(() => names(form).length === 0, 'the list did not empty');
    expect(textOf(form.shadowRoot?.querySelector('.empty'))).to.equal(
      'No products match “no such thing anywhere”.',
    );
  });

  it('filters by category, and preselects one from the category attribute', async () => {
    const form = await renderForm({ category: 'service' });
    await until(() => names(form).join() === NAMES.service, 'the category was not preselected');
    const pressed = all(form, "[part~='categories'] [aria-pressed='true']").map(textOf);
    expect(pressed).to.deep.equal(['Services']);

    all(form, "[part~='categories'] button")
      .find((chip) => textOf(chip) === 'All')
      ?.click();
    await until(() => names(form).length > 1, '"All" did not show every product');
  });

  it('pages with "Show more"', async () => {
    const form = await renderForm({ pageSize: 2 });
    expect(cards(form)).to.have.length(2);
    click(form, 'more');
    await until(() => cards(form).length === 4, 'no second page');
    click(form, 'more');
    await until(() => !part(form, 'more'), 'the button stayed after the last page');
    expect(names(form)).to.include.members(Object.values(NAMES));
  });

  it('does not let a sold-out product into the cart', async () => {
    const form = await renderForm();
    const button = addButton(card(form, NAMES.soldOut));
    expect(button.disabled).to.equal(true);
    button.click();
    await form.updateComplete;
    expect(cartNames(form)).to.deep.equal([]);
    expect(localStorage.getItem(CART_KEY)).to.equal(null);
  });

  it('keeps the cart across a reload and announces what was added', async () => {
    let form = await renderForm();
    await add(form, NAMES.beans);
    await add(form, NAMES.cups);
    await add(form, NAMES.cups);

    expect(cartNames(form)).to.deep.equal([NAMES.beans, NAMES.cups]);
    const quantities = all<HTMLInputElement>(form, "[part~='quantity']");
    expect(quantities.map((input) => input.value)).to.deep.equal(['1', '2']);
    expect(quantities[1]?.getAttribute('aria-label')).to.equal(`Quantity of ${NAMES.cups}`);
    expect(textOf(form.shadowRoot?.querySelector("[role='status'][aria-live='polite']"))).to.equal(
      `Added ${NAMES.cups} to your cart. Items in cart: 3.`,
    );
    expect(textOf(part(form, 'subtotal'))).to.contain(formatMoney(2450 + 2 * 4599, 'EUR'));
    const stored = JSON.parse(localStorage.getItem(CART_KEY) ?? '{}') as {
      lines: { productId: string; quantity: number }[];
    };
    expect(stored.lines.map(({ productId, quantity }) => [productId, quantity])).to.deep.equal([
      [products.beans, 1],
      [products.cups, 2],
    ]);

    form.parentElement?.remove();
    form = await renderForm();

    expect(cartNames(form)).to.deep.equal([NAMES.beans, NAMES.cups]);
    const [, cups] = all<HTMLInputElement>(form, "[part~='quantity']");
    if (!cups) throw new Error('no quantity field');
    type(cups, '5');
    await until(() => CartStore.for(backendUrl).quantityOf(products.cups) === 5, 'not changed');
    const remove = all<HTMLButtonElement>(form, "[part~='remove']")[0];
    expect(textOf(remove)).to.equal(`Remove: ${NAMES.beans}`);
    remove?.click();
    await until(() => cartNames(form).join() === NAMES.cups, 'not removed');
    expect(form.shadowRoot?.activeElement?.id).to.equal('cart-title');
  });

  it('follows a cart changed in another tab', async () => {
    const form = await renderForm();
    const line = { productId: products.service, quantity: 1, snapshot: null };
    localStorage.setItem(CART_KEY, JSON.stringify({ lines: [line] }));
    window.dispatchEvent(new StorageEvent('storage', { key: CART_KEY, storageArea: localStorage }));
    await until(() => cartNames(form).length === 1, 'the other tab’s cart was not shown');
    // It came by id alone, as a reorder puts it: the catalog names it.
    await until(() => cartNames(form).join() === NAMES.service, 'the line was not named');
    expect(textOf(part(form, 'subtotal'))).to.contain(formatMoney(12000, 'EUR'));
  });

  it('asks a signed-out customer to sign in and continues with the cart after sign-in', async () => {
    const form = await renderForm();
    await add(form, NAMES.beans);
    await add(form, NAMES.service);
    await toAddressStep(form);

    expect(form.shadowRoot?.querySelector('portico-login')).to.not.equal(null);
    expect(part(form, 'address-form')).to.equal(null);
    expect(form.shadowRoot?.activeElement?.id).to.equal('step-title');

    await signIn();

    await until(() => part(form, 'address-form') || part(form, 'addresses'), 'did not continue');
    expect(heading(form)).to.equal('Where should we deliver?');
    expect(form.shadowRoot?.querySelector('portico-login')).to.equal(null);
    const cart = CartStore.for(backendUrl);
    expect(cart.lines.map((line) => line.productId)).to.deep.equal([
      products.beans,
      products.service,
    ]);
  });

  it('places an order: new address, the server’s quote, confirmation and event', async () => {
    await signIn();
    const form = await renderForm({ orderHref: '/account.html#order={id}&n={number}' });
    await add(form, NAMES.beans);
    await add(form, NAMES.cups);
    await toAddressStep(form);
    await fillNewAddress(form, { ...ADDRESS });
    await toReview(form);

    const items = [
      { productId: products.beans, quantity: 1 },
      { productId: products.cups, quantity: 1 },
    ];
    const api = porticoApiFor(backendUrl);
    const quote = await api.trpc.order.quote.query({ items, address: ADDRESS });
    const lines = all(form, "[part~='line']");
    expect(lines).to.have.length(quote.lines.length);
    quote.lines.forEach((line, index) => {
      const text = textOf(lines[index]);
      expect(text).to.contain(line.name);
      expect(text).to.contain(formatMoney(line.subtotal, quote.currency));
    });
    const totals = textOf(part(form, 'totals'));
    expect(totals).to.contain(formatMoney(quote.tax, quote.currency));
    expect(totals).to.contain(formatMoney(quote.shipping, quote.currency));
    expect(textOf(part(form, 'total'))).to.equal(formatMoney(quote.total, quote.currency));

    type(field<HTMLTextAreaElement & HTMLInputElement>(form, 'note'), 'Ring twice');
    const placed = oneEvent<OrderPlacedEvent>(form, 'portico-order-placed');
    click(form, 'submit');
    const event = await placed;

    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.order.total).to.equal(quote.total);
    expect(event.order.currency).to.equal(quote.currency);
    await until(() => part(form, 'confirmation'), 'no confirmation');
    expect(heading(form)).to.equal('Thank you for your order');
    expect(textOf(part(form, 'order-number'))).to.equal(event.order.number);
    const link = part<HTMLAnchorElement>(form, 'view-order');
    expect(link?.getAttribute('href')).to.equal(
      `/account.html#order=${encodeURIComponent(event.order.id)}&n=${event.order.number}`,
    );
    const order = await api.trpc.order.byId.query({ orderId: event.order.id });
    expect(order.number).to.equal(event.order.number);
    expect(order.note).to.equal('Ring twice');
    expect(order.lines.map((line) => line.quantity)).to.deep.equal([1, 1]);
    expect(localStorage.getItem(CART_KEY)).to.equal(null);

    click(form, 'new-order');
    await until(() => heading(form) === 'Choose products', 'no new order');
    expect(cartNames(form)).to.deep.equal([]);
  });

  it('shows the server’s field errors next to the field', async () => {
    await signIn();
    const form = await renderForm();
    await add(form, NAMES.beans);
    await toAddressStep(form);
    await fillNewAddress(form, { ...ADDRESS, postalCode: '#1010' });
    click(form, 'continue');

    const postalCode = field(form, 'postalCode');
    await until(() => postalCode.getAttribute('aria-invalid') === 'true', 'not marked invalid');
    const describedBy = postalCode.getAttribute('aria-describedby') ?? '';
    const message = form.shadowRoot?.getElementById(describedBy);
    expect(textOf(message)).to.equal('Use letters, digits, spaces and dashes only.');
    expect(field(form, 'city').hasAttribute('aria-invalid')).to.equal(false);
    expect(part(form, 'error')?.getAttribute('role')).to.equal('alert');
    expect(heading(form)).to.equal('Where should we deliver?');
    expect(form.shadowRoot?.activeElement).to.equal(postalCode);
  });

  it('shows what cannot be had in review, with a fix per line', async () => {
    await signIn();
    const cart = CartStore.for(backendUrl);
    cart.add(products.rare, 6, null);
    cart.add(products.soldOut, 1, null);
    cart.add(products.service, 1, null);
    const form = await renderForm();
    await toAddressStep(form);
    await fillNewAddress(form, { ...ADDRESS });
    await toReview(form);

    const problems = all(form, "[part~='problem']");
    expect(problems.map((problem) => textOf(problem.querySelector('.name')))).to.deep.equal([
      NAMES.rare,
      NAMES.soldOut,
    ]);
    expect(part<HTMLButtonElement>(form, 'submit')?.disabled).to.equal(true);
    const rare = problems[0];
    expect(textOf(rare)).to.match(/Not enough in stock: \d available\./);
    rare?.querySelector<HTMLButtonElement>('button')?.click();
    await until(() => all(form, "[part~='problem']").length === 1, 'the quantity fix did not help');
    const soldOutRemove = all(form, "[part~='problem'] button").find(
      (button) => textOf(button) === `Remove: ${NAMES.soldOut}`,
    );
    soldOutRemove?.click();
    await until(() => all(form, "[part~='problem']").length === 0, 'the removal did not help');
    expect(all(form, "[part~='line']")).to.have.length(2);
    expect(part<HTMLButtonElement>(form, 'submit')?.disabled).to.equal(false);
  });

  it('shows the new total when the price changed and places on a second click', async () => {
    await signIn();
    const form = await renderForm();
    await add(form, NAMES.service);
    await toAddressStep(form);
    await fillNewAddress(form, { ...ADDRESS });
    await toReview(form);
    const reviewed = textOf(part(form, 'total'));
    // The vendor raises the price while the customer looks at the review: the server refuses.
    const before = await setPrice('T-SERVICE', 12_100);
    try {
      click(form, 'submit');
      await until(() => part(form, 'error'), 'no refusal was shown');
      expect(textOf(part(form, 'error'))).to.contain('Prices or shipping changed');
      const total = textOf(part(form, 'total'));
      expect(total).to.not.equal(reviewed);
      expect(total).to.equal(formatMoney(Math.round(12_100 * 1.21), 'EUR'));
      expect(heading(form)).to.equal('Review your order');

      const placed = oneEvent<OrderPlacedEvent>(form, 'portico-order-placed');
      click(form, 'submit');
      expect(formatMoney((await placed).order.total, 'EUR')).to.equal(total);
    } finally {
      await setPrice('T-SERVICE', before);
    }
  });

  it('preselects a product from the product attribute and focuses its add button', async () => {
    const form = await renderForm({ product: 'T-CUPS' });
    await until(() => part(form, 'featured'), 'no preselected product');
    const featured = part(form, 'featured');
    expect(textOf(featured?.querySelector('h3'))).to.equal(NAMES.cups);
    expect(names(form)).to.not.include(NAMES.cups);
    await until(
      () => form.shadowRoot?.activeElement === featured?.querySelector("[part~='add']"),
      'the add button did not take focus',
    );
  });

  it('says so when the preselected product is not sold any more', async () => {
    const form = await renderForm({ product: 'T-RETIRED' });
    await until(() => form.shadowRoot?.querySelector('.hint'), 'no hint');
    expect(textOf(form.shadowRoot?.querySelector('.hint'))).to.equal(
      'The product you were looking for is not sold any more.',
    );
    expect(part(form, 'featured')).to.equal(null);
  });

  it('is accessible in the catalog step', async () => {
    const form = await renderForm({ product: 'T-BEANS' });
    await add(form, NAMES.cups);
    await expect(form).to.be.accessible();
  });

  it('is accessible at the sign-in and address steps', async () => {
    const form = await renderForm();
    await add(form, NAMES.cups);
    await toAddressStep(form);
    await until(() => form.shadowRoot?.querySelector('portico-login'), 'no sign-in');
    await expect(form).to.be.accessible();
    await signIn();
    await until(() => part(form, 'address-form') || part(form, 'addresses'), 'did not continue');
    await expect(form).to.be.accessible();
  });

  it('is accessible in the review step', async () => {
    await signIn();
    const form = await renderForm();
    await add(form, NAMES.beans);
    await toAddressStep(form);
    await fillNewAddress(form, { ...ADDRESS });
    await toReview(form);
    await expect(form).to.be.accessible();
  });

  it('fits a 320 px wide screen: one column of cards, the cart below', async () => {
    const original = { width: window.innerWidth, height: window.innerHeight };
    await setViewport({ width: 320, height: 640 });
    try {
      const form = await renderForm();
      await add(form, NAMES.beans);
      const page = document.documentElement;
      expect(page.scrollWidth).to.be.at.most(page.clientWidth);
      const [first, second] = cards(form).map((each) => each.getBoundingClientRect());
      expect(second?.top).to.be.greaterThan(first?.bottom ?? Infinity);
      const grid = part(form, 'products')?.getBoundingClientRect();
      expect(part(form, 'cart')?.getBoundingClientRect().top).to.be.greaterThan(grid?.bottom ?? 0);
      // The category chips are one row that scrolls inside the form.
      await until(() => all(form, '.chip').length > 2, 'no categories');
      const tops = new Set(all(form, '.chip').map((chip) => chip.getBoundingClientRect().top));
      expect(tops.size).to.equal(1);
      for (const control of all(form, 'button, input')) {
        expect(control.getBoundingClientRect().height, textOf(control)).to.be.at.least(44);
      }
    } finally {
      await setViewport(original);
    }
  });
});
