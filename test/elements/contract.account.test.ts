import { fixture, html } from '@open-wc/testing';
import '../../elements/portico-account-summary/portico-account-summary.ts';
import type { PorticoAccountSummary } from '../../elements/portico-account-summary/portico-account-summary.ts';
import { porticoApiFor } from '../../elements/api/client.ts';
import { agent } from './support/people.ts';
import { backendUrl, part, products, signIn } from './support/page.ts';
import { api, createInvoice, postPayment, shippedOrder } from './support/ledger.ts';
import { ADDRESS } from '../support/address.ts';
import { contractSuite, holdAnswers, UNREACHABLE } from './support/contract.ts';
import { deepQuery } from './support/contract.tree.ts';
import {
  clearHash,
  contractPage,
  openAt,
  rendered,
  seedCustomers,
  shown,
  viewAs as viewOf,
  type Person,
} from './support/contract.page.ts';
import { appFromKey, newCustomer, signInAs, totp, type } from './security.support.ts';

/** A customer with a bit of everything: overdue invoice, shipped and open orders, a payment. */
let filled: Person;
/** A customer who has just signed up: every list is empty. */
let empty: Person;
/** The number of `filled`'s order that can still be changed or cancelled. */
let openOrder = '';

async function seed(): Promise<void> {
  ({ empty, filled } = await seedCustomers(fillAccount));
}

/** Gives the signed-in customer a bit of everything; remembers the order still open. */
async function fillAccount(): Promise<void> {
  await createInvoice(12_345, 30);
  await shippedOrder(products.beans!, 2);
  await postPayment(1_000, 'Part payment');
  await api.trpc.address.save.mutate({ label: 'Office', isDefault: true, address: ADDRESS });
  const items = [{ productId: products.cups!, quantity: 1 }];
  const quote = await api.trpc.order.quote.query({ items, address: ADDRESS });
  const placed = await api.trpc.order.place.mutate({
    idempotencyKey: crypto.randomUUID(),
    items,
    address: ADDRESS,
    expectedTotal: quote.total,
  });
  openOrder = placed.order.number;
}

/** The account element at the view `hash` names, as a vendor's account page shows it. */
async function renderAccount(hash = ''): Promise<PorticoAccountSummary> {
  openAt(hash);
  return rendered(
    html`
      <portico-portal api=${backendUrl}>
        <portico-account-summary></portico-account-summary>
      </portico-portal>
    `,
    'portico-account-summary',
  );
}

/** `person`'s account at `hash`, once `selector` is on screen. */
const viewAs = (person: Person, hash: string, selector: string) =>
  viewOf(person, () => renderAccount(hash), selector);

/** The view inside the account element that `tag` names (orders, billing, profile). */
function view(summary: Element, tag: string): { api?: unknown } & Element {
  const found = deepQuery(summary, tag);
  if (!found) throw new Error(`no <${tag}>`);
  return found;
}

describe('<portico-account-summary> keeps the element contract', () => {
  contractPage({ seed, reset: clearHash });

  contractSuite('<portico-account-summary>', (state) => {
    state('loading: before it knows who is signed in', () =>
      fixture(html`<portico-account-summary></portico-account-summary>`),
    );

    state('signed out', () => renderAccount());

    state('staff signed in, with no customer account', async () => {
      await signIn(agent);
      const summary = await renderAccount();
      await shown(summary, "[part~='no-account']");
      return summary;
    });

    state('overview loading: the placeholder', async () => {
      await signIn(filled);
      holdAnswers();
      const summary = await renderAccount();
      await shown(summary, "[part~='skeleton']");
      return summary;
    });

    state('overview empty', () => viewAs(empty, '', "[part~='balance-amount']"));

    state('overview filled', () => viewAs(filled, '', "[part~='invoice']"));

    state('overview error: the backend cannot be reached', async () => {
      const summary = await viewAs(filled, '', "[part~='balance-amount']");
      summary.api = porticoApiFor(UNREACHABLE);
      part(summary, 'refresh')?.click();
      await shown(summary, "[part~='error']");
      return summary;
    });

    state('orders empty', () => viewAs(empty, '#orders', "[part~='summary'].empty"));

    state('orders listed', () => viewAs(filled, '#orders', "[part~='order-link']"));

    state('orders error: the backend cannot be reached', async () => {
      const summary = await viewAs(filled, '#orders', "[part~='order-link']");
      view(summary, 'portico-account-orders').api = porticoApiFor(UNREACHABLE);
      await shown(summary, "[part~='error']");
      return summary;
    });

    state('order detail with the address form and the cancel question open', async () => {
      const summary = await viewAs(filled, `#order=${openOrder}`, "[part~='change-address']");
      (await shown(summary, "[part~='change-address']")).click();
      await shown(summary, "[part~='address-form']");
      (await shown(summary, "[part~='cancel']")).click();
      await shown(summary, "[part~='cancel-confirm']");
      return summary;
    });

    state('billing empty', () => viewAs(empty, '#billing', "[part~='statement']"));

    state('billing filled', () => viewAs(filled, '#billing', "[part~='invoice']"));

    state('profile: details, password, security, addresses, devices, members', () =>
      viewAs(filled, '#profile', "[part~='member-list']"),
    );

    state('profile with the new-address form open', async () => {
      const summary = await viewAs(filled, '#profile', "[part~='add-address']");
      (await shown(summary, "[part~='add-address']")).click();
      await shown(summary, "[part~='address-form']");
      return summary;
    });

    state('security: the password step of turning codes on', async () => {
      const summary = await viewAs(empty, '#profile', "[part~='setup-app']");
      (await shown(summary, "[part~='setup-app']")).click();
      await shown(summary, "[part~='security-password']");
      return summary;
    });

    state('security: the backup codes, shown once', async () => {
      // Codes on is for good: each run turns them on for a customer of its own.
      const person = await newCustomer('Backup Codes');
      await signInAs(person);
      const summary = await renderAccount('#profile');
      (await shown(summary, "[part~='setup-app']")).click();
      type(
        (await shown(summary, "[part~='security-password']")) as HTMLInputElement,
        person.password,
      );
      (await shown(summary, "[part~='setup-continue']")).click();
      const key = (await shown(summary, "[part~='totp-secret']")).textContent ?? '';
      type((await shown(summary, '#setup-code')) as HTMLInputElement, await totp(appFromKey(key)));
      (await shown(summary, "[part~='setup-confirm']")).click();
      await shown(summary, "[part~='backup-code-list']");
      return summary;
    });

    state('security: the QR code and the code from the app', async () => {
      const summary = await viewAs(empty, '#profile', "[part~='setup-app']");
      (await shown(summary, "[part~='setup-app']")).click();
      type(
        (await shown(summary, "[part~='security-password']")) as HTMLInputElement,
        empty.password,
      );
      (await shown(summary, "[part~='setup-continue']")).click();
      await shown(summary, "[part~='qr-code']");
      await shown(summary, '#setup-code');
      return summary;
    });
  });
});
