import { html } from '@open-wc/testing';
import '../../elements/portico-order-form/portico-order-form.ts';
import type { PorticoOrderForm } from '../../elements/portico-order-form/portico-order-form.ts';
import { porticoApiFor } from '../../elements/api/client.ts';
import { CartStore } from '../../elements/shared/cart.ts';
import { all, backendUrl, part, products, signIn, textOf, until } from './support/page.ts';
import { ADDRESS } from '../support/address.ts';
import { contractSuite, holdAnswers, UNREACHABLE, type StateOptions } from './support/contract.ts';
import { contractPage, rendered } from './support/contract.page.ts';

const BEANS = 'Espresso beans 1 kg';

/**
 * The category chips are one row that scrolls sideways inside the form on a phone (its own
 * test asserts that they stay one row): each chip is a button that scrolls into view when
 * focused, and the page itself never scrolls. The one sideways scroller the contract allows.
 */
const CHIPS: StateOptions = {
  sideways: [{ selector: "[part~='categories']", why: 'one row of filter chips, by design' }],
};

function renderForm(): Promise<PorticoOrderForm> {
  return rendered(
    html`
      <portico-portal api=${backendUrl}><portico-order-form></portico-order-form></portico-portal>
    `,
    'portico-order-form',
  );
}

const cards = (form: PorticoOrderForm) => all(form, "[part~='products'] > [part~='product']");

/** The catalog once its products are on screen. */
async function catalog(): Promise<PorticoOrderForm> {
  const form = await renderForm();
  await until(() => cards(form).length > 0, 'no products were shown');
  return form;
}

function type(field: HTMLInputElement | HTMLSelectElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function click(form: PorticoOrderForm, name: string): void {
  const found = part(form, name);
  if (!found) throw new Error(`no ${name}`);
  found.click();
}

/** The catalog with the beans in the cart. */
async function withBeans(): Promise<PorticoOrderForm> {
  const form = await catalog();
  const beans = cards(form).find((card) => textOf(card.querySelector('h3')) === BEANS);
  beans?.querySelector<HTMLButtonElement>("[part~='add']")?.click();
  await until(() => all(form, "[part~='cart-line']").length > 0, 'nothing went into the cart');
  return form;
}

/** The address step, with the form for a new address filled in with `address`. */
async function newAddress(address: Record<string, string>): Promise<PorticoOrderForm> {
  await signIn();
  const form = await withBeans();
  click(form, 'continue');
  await until(() => part(form, 'address-form') || part(form, 'addresses'), 'no address step');
  form.shadowRoot?.querySelector<HTMLInputElement>("input[value='new']")?.click();
  await until(() => part(form, 'address-form'), 'no form for a new address');
  for (const [name, value] of Object.entries(address)) {
    type(form.shadowRoot!.querySelector<HTMLInputElement>(`[name='${name}']`)!, value);
  }
  return form;
}

/** The review step, with the server's quote. */
async function review(): Promise<PorticoOrderForm> {
  const form = await newAddress(ADDRESS);
  click(form, 'continue');
  await until(() => part(form, 'total'), 'no review with a total');
  return form;
}

describe('<portico-order-form> keeps the element contract', () => {
  contractPage();
  beforeEach(() => localStorage.clear());

  contractSuite('<portico-order-form>', (state) => {
    state('loading: the catalog on its way', async () => {
      await porticoApiFor(backendUrl).session.refresh();
      holdAnswers();
      const form = await renderForm();
      await until(() => form.shadowRoot?.querySelector('.loading'), 'no "Loading products…"');
      return form;
    });

    state('the catalog with an empty cart', catalog, CHIPS);

    state('the catalog with the cart filled', withBeans, CHIPS);

    state(
      'empty: a search that matches nothing',
      async () => {
        const form = await catalog();
        type(part<HTMLInputElement>(form, 'search')!, 'no such thing anywhere');
        await until(() => form.shadowRoot?.querySelector('.empty'), 'no "nothing matches"');
        return form;
      },
      CHIPS,
    );

    state('error: the backend cannot be reached', async () => {
      const form = await renderForm();
      form.api = porticoApiFor(UNREACHABLE);
      await until(() => part(form, 'error'), 'no error was shown');
      return form;
    });

    state('signed out at the address step: the sign-in inside', async () => {
      const form = await withBeans();
      click(form, 'continue');
      await until(() => form.shadowRoot?.querySelector('portico-login'), 'no sign-in');
      const login = form.shadowRoot!.querySelector('portico-login')!;
      await until(() => part(login, 'form'), 'the sign-in form did not render');
      return form;
    });

    state('the address step with a new address', () => newAddress(ADDRESS));

    state('error: the server refused a field of the address', async () => {
      const form = await newAddress({ ...ADDRESS, postalCode: '#1010' });
      click(form, 'continue');
      await until(() => part(form, 'error'), 'no refusal was shown');
      return form;
    });

    state('the review step', review);

    state('the review step with lines that cannot be had, and their fixes', async () => {
      const cart = CartStore.for(backendUrl);
      cart.add(products.rare!, 6, null);
      cart.add(products.soldOut!, 1, null);
      const form = await review();
      await until(() => all(form, "[part~='problem']").length > 0, 'no problem was shown');
      return form;
    });

    state('done: the order placed', async () => {
      const form = await review();
      click(form, 'submit');
      await until(() => part(form, 'confirmation'), 'no confirmation');
      return form;
    });
  });
});
