import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../elements/portico-account-summary/portico-account-summary.ts';
import type { PorticoAccountSummary } from '../../elements/portico-account-summary/portico-account-summary.ts';
import { formatDate, formatMoney } from '../../elements/shared/format.ts';
import { agent, anna } from './support/people.ts';
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
} from './support/page.ts';
import {
  api,
  as,
  captureDownloads,
  createInvoice,
  postPayment,
  signInAsNewCustomer,
  backToAnna,
  shippedOrder,
} from './support/ledger.ts';

/** The test catalog's product ids by name (test/support/catalog.ts). */
const products = productIds as Record<'beans' | 'cups' | 'service', string>;

const euro = (minor: number) => formatMoney(minor, 'EUR');

async function renderSummary(options: { shopHref?: string } = {}): Promise<PorticoAccountSummary> {
  const portal = await fixture(html`
    <portico-portal api=${backendUrl}>
      <portico-account-summary shop-href=${ifDefined(options.shopHref)}></portico-account-summary>
    </portico-portal>
  `);
  const summary = portal.querySelector('portico-account-summary');
  if (!summary) throw new Error('the fixture did not render');
  await sessionKnown(summary);
  return summary;
}

function balance(summary: PorticoAccountSummary): string {
  return textOf(part(summary, 'balance-amount'));
}

/** The overview once its first read has arrived. */
async function overview(): Promise<PorticoAccountSummary> {
  const summary = await renderSummary();
  await until(() => balance(summary), 'the overview did not load');
  return summary;
}

function row(summary: PorticoAccountSummary, partName: string, text: string): HTMLElement {
  const found = all(summary, `[part~='${partName}']`).find((candidate) =>
    textOf(candidate).includes(text),
  );
  if (!found) throw new Error(`no ${partName} with "${text}"`);
  return found;
}

function navLink(summary: PorticoAccountSummary, text: string): HTMLAnchorElement {
  const found = all<HTMLAnchorElement>(summary, "[part~='nav-link']").find(
    (link) => textOf(link) === text,
  );
  if (!found) throw new Error(`no navigation link "${text}"`);
  return found;
}

/** An element as its tag and text, for messages: chai cannot print a Lit element. */
function named(element: Element | null | undefined): string {
  return element ? `<${element.localName}> ${textOf(element)}` : '';
}

/** The element focus is on, looking through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<portico-account-summary>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(async () => {
    history.replaceState(null, '', location.pathname + location.search);
    backToAnna();
    await signOut();
  });

  it('shows a loading status until it knows who is signed in', async () => {
    const summary = await fixture<PorticoAccountSummary>(
      html`<portico-account-summary></portico-account-summary>`,
    );
    const hint = part(summary, 'signed-out');
    expect(hint?.getAttribute('role')).to.equal('status');
    expect(textOf(hint)).to.equal('Loading your account…');
  });

  it('asks a signed-out visitor to sign in', async () => {
    const summary = await renderSummary();
    expect(textOf(part(summary, 'signed-out'))).to.equal('Sign in to see your account.');
    expect(named(part(summary, 'greeting'))).to.equal('');
    expect(named(part(summary, 'nav'))).to.equal('');
  });

  it('greets the signed-in person and names their account', async () => {
    await signIn();
    const summary = await renderSummary();
    expect(summary.session.status).to.equal('signed-in');
    const greeting = part(summary, 'greeting');
    expect(greeting?.localName).to.equal('h2');
    expect(textOf(greeting)).to.equal(`Hello, ${anna.name}`);
    expect(textOf(part(summary, 'account'))).to.equal(`Account: ${anna.name}`);
    expect(named(part(summary, 'signed-out'))).to.equal('');
  });

  it('shows the balance, what is overdue, open invoices, payments and recent orders', async () => {
    await signInAsNewCustomer();
    const late = await createInvoice(12_345, 30);
    const order = await shippedOrder(products.beans, 2);
    await postPayment(1_000, 'Part payment');
    const expected = await api.trpc.account.summary.query();
    const summary = await overview();

    expect(balance(summary)).to.equal(`You owe ${euro(expected.balance)}`);
    expect(expected.overdue).to.equal(12_345 - 1_000);
    expect(textOf(part(summary, 'overdue'))).to.equal(`! Overdue: ${euro(expected.overdue)}`);

    const lateRow = row(summary, 'invoice', `Invoice ${late.number}`);
    expect(textOf(lateRow.querySelector("[part~='invoice-status']"))).to.equal('Overdue');
    expect(textOf(lateRow)).to.include(`Due ${formatDate(late.dueOn)}`);
    expect(textOf(lateRow.querySelector("[part~='amount-due']"))).to.equal(
      `${euro(12_345 - 1_000)} due`,
    );
    expect(textOf(lateRow.querySelector("[part~='download']"))).to.equal(
      `Download PDF: invoice ${late.number}`,
    );
    const billed = expected.openInvoices.items.find((invoice) => invoice.id !== late.id);
    if (!billed) throw new Error('shipping did not bill the order');
    const billedRow = row(summary, 'invoice', `Invoice ${billed.number}`);
    expect(textOf(billedRow.querySelector("[part~='invoice-status']"))).to.equal('Open');

    const payment = row(summary, 'payment', euro(1_000));
    expect(textOf(payment)).to.include('Bank transfer');
    expect(textOf(payment)).to.include(`Paid ${late.number}`);

    const recent = row(summary, 'order', `Order ${order.number}`);
    const link = recent.querySelector<HTMLAnchorElement>("[part~='order-link']");
    expect(link?.getAttribute('href')).to.equal(`#order=${order.number}`);
    expect(textOf(recent.querySelector("[part~='status']"))).to.equal('Shipped');
    const steps = [...recent.querySelectorAll("[part~='step']")];
    expect(steps.map((step) => step.getAttribute('data-step'))).to.deep.equal([
      'placed',
      'confirmed',
      'shipped',
      'delivered',
    ]);
    expect(steps.map((step) => step.matches("[part~='step-done']"))).to.deep.equal([
      true,
      true,
      true,
      false,
    ]);
    expect(steps[2]?.getAttribute('aria-current')).to.equal('step');
    expect(steps[0]?.querySelector('time')?.getAttribute('datetime')).to.be.a('string');
    expect(textOf(steps[3])).to.equal('Delivered not yet');

    expect(part(summary, 'all-orders')?.getAttribute('href')).to.equal('#orders');
    expect(part(summary, 'billing-link')?.getAttribute('href')).to.equal('#billing');
  });

  it('says there is nothing to pay, and shows a credit as such', async () => {
    await signInAsNewCustomer();
    const summary = await overview();
    expect(balance(summary)).to.equal('Nothing to pay');
    expect(named(part(summary, 'overdue'))).to.equal('');
    expect(named(part(summary, 'invoice'))).to.equal('');

    await postPayment(2_500, 'Paid in advance');
    part(summary, 'refresh')?.click();
    await until(() => balance(summary) === `Credit of ${euro(2_500)}`, 'no credit shown');
  });

  it('shows a payment staff posted after Refresh, and again when the page is shown again', async () => {
    await signInAsNewCustomer();
    await createInvoice(10_000);
    const summary = await overview();
    expect(balance(summary)).to.equal(`You owe ${euro(10_000)}`);

    await postPayment(4_000, 'First half');
    expect(balance(summary), 'it read again on its own').to.equal(`You owe ${euro(10_000)}`);
    const refresh = part<HTMLButtonElement>(summary, 'refresh');
    refresh?.click();
    await until(() => balance(summary) === `You owe ${euro(6_000)}`, 'Refresh read nothing new');
    await until(
      () => textOf(part(summary, 'summary')) === 'Your account is up to date.',
      'the refresh was not announced',
    );
    expect(part(summary, 'summary')?.getAttribute('role')).to.equal('status');

    await postPayment(6_000, 'Second half');
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => balance(summary) === 'Nothing to pay', 'showing the page read nothing');
  });

  it('says why the overview could not be read, and reads it again on Retry', async () => {
    await signInAsNewCustomer();
    await createInvoice(2_000);
    const summary = await overview();
    // Staff sign in in another tab of this browser: the customer's overview is not theirs.
    await as(async () => {
      part(summary, 'refresh')?.click();
      await until(() => part(summary, 'error'), 'no error was shown');
    });
    const error = part(summary, 'error');
    expect(error?.getAttribute('role')).to.equal('alert');
    expect(textOf(error)).to.equal('You do not have access to this.');
    expect(balance(summary), 'the last figures went away').to.equal(`You owe ${euro(2_000)}`);

    await postPayment(2_000);
    part(summary, 'retry')?.click();
    await until(() => balance(summary) === 'Nothing to pay', 'Retry read nothing');
    expect(named(part(summary, 'error'))).to.equal('');
  });

  it('tells staff signed in without a customer account that there is nothing to show', async () => {
    await signIn(agent);
    const summary = await renderSummary();
    expect(textOf(part(summary, 'greeting'))).to.equal(`Hello, ${agent.name}`);
    expect(textOf(part(summary, 'no-account'))).to.equal(
      'This sign-in has no customer account to show.',
    );
    expect(named(part(summary, 'nav'))).to.equal('');
  });

  it('downloads an invoice as PDF with progress on its button', async () => {
    await signInAsNewCustomer();
    const invoice = await createInvoice(9_900);
    const summary = await overview();
    const downloads = captureDownloads();
    try {
      const button = row(summary, 'invoice', invoice.number).querySelector<HTMLButtonElement>(
        "[part~='download']",
      );
      if (!button) throw new Error('no download button');
      button.click();
      await summary.updateComplete;
      expect(button.getAttribute('aria-busy')).to.equal('true');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(textOf(button)).to.equal('Downloading…');

      await until(() => downloads.blobs.length === 1, 'no file was saved');
      await until(() => button.getAttribute('aria-busy') === 'false', 'the button stayed busy');
      const [pdf] = downloads.blobs;
      expect(pdf?.type).to.equal('application/pdf');
      expect(pdf?.size).to.be.above(1000);
      expect(await pdf?.slice(0, 5).text()).to.equal('%PDF-');
      expect(downloads.names).to.deep.equal([`invoice-${invoice.number}.pdf`]);
      expect(button.getAttribute('aria-disabled')).to.equal('false');
      expect(textOf(button)).to.equal(`Download PDF: invoice ${invoice.number}`);
      expect(named(part(summary, 'download-error'))).to.equal('');
    } finally {
      downloads.restore();
    }
  });

  it('moves between views by its links, focusing each heading but not on first load', async () => {
    await signIn();
    const summary = await overview();
    expect(deepActive()?.localName, 'focus was taken on load').to.equal('body');
    expect(navLink(summary, 'Overview').getAttribute('aria-current')).to.equal('page');

    navLink(summary, 'Billing').click();
    await until(
      () => part(summary, 'view')?.querySelector('portico-account-billing'),
      'no billing',
    );
    expect(location.hash).to.equal('#billing');
    await until(() => deepActive()?.localName === 'h2', 'the billing heading took no focus');
    expect(textOf(deepActive())).to.equal('Billing');
    expect(navLink(summary, 'Billing').getAttribute('aria-current')).to.equal('page');
    expect(navLink(summary, 'Overview').hasAttribute('aria-current')).to.equal(false);

    navLink(summary, 'Orders').click();
    await until(() => part(summary, 'view')?.querySelector('portico-account-orders'), 'no orders');
    const orders = part(summary, 'view')?.querySelector('portico-account-orders');
    expect(orders?.number).to.equal(null);
    await until(() => textOf(deepActive()) === 'Your orders', 'the orders heading took no focus');

    history.back();
    await until(() => location.hash === '#billing', 'back did not go back');
    await until(() => textOf(deepActive()) === 'Billing', 'back did not show billing');

    navLink(summary, 'Overview').click();
    await until(() => part(summary, 'greeting'), 'no overview');
    await until(() => deepActive() === part(summary, 'greeting'), 'the greeting took no focus');
  });

  it('opens the view its URL fragment names without taking focus', async () => {
    await signIn();
    history.replaceState(null, '', '#billing');
    const summary = await renderSummary();
    await until(
      () => part(summary, 'view')?.querySelector('portico-account-billing'),
      'no billing',
    );
    expect(navLink(summary, 'Billing').getAttribute('aria-current')).to.equal('page');
    expect(deepActive()?.localName, 'focus was taken on load').to.equal('body');
  });

  it('hosts an order detail, linked from the overview, with the shop and ticket links', async () => {
    await signIn();
    const order = await shippedOrder(products.cups);
    history.replaceState(null, '', `#order=${order.number.toLowerCase()}`);
    const portal = await fixture(html`
      <portico-portal api=${backendUrl}>
        <portico-account-summary
          shop-href="/shop.html"
          ticket-href="/help?order={number}"
        ></portico-account-summary>
      </portico-portal>
    `);
    const summary = portal.querySelector('portico-account-summary');
    if (!summary) throw new Error('the fixture did not render');
    await sessionKnown(summary);
    const orders = part(summary, 'view')?.querySelector('portico-account-orders');
    expect(orders?.number).to.equal(order.number);
    expect(orders?.getAttribute('shop-href')).to.equal('/shop.html');
    expect(orders?.getAttribute('ticket-href')).to.equal('/help?order={number}');
    expect(orders?.getAttribute('exportparts')).to.include('status-shipped');
    expect(navLink(summary, 'Orders').getAttribute('aria-current')).to.equal('true');

    navLink(summary, 'Overview').click();
    await until(() => balance(summary), 'the overview did not load');
    row(summary, 'order', `Order ${order.number}`)
      .querySelector<HTMLAnchorElement>("[part~='order-link']")
      ?.click();
    await until(
      () => textOf(deepActive()) === `Order ${order.number}`,
      'the order heading took no focus',
    );
    expect(location.hash).to.equal(`#order=${order.number}`);
  });

  it('is accessible when signed out', async () => {
    const summary = await renderSummary();
    expect(summary.session.status).to.equal('signed-out');
    await expect(summary).to.be.accessible();
  });

  it('is accessible when signed in, with invoices, payments and orders', async () => {
    await signInAsNewCustomer();
    await createInvoice(5_000, 30);
    await shippedOrder(products.beans);
    await postPayment(1_000);
    const summary = await overview();
    await expect(summary).to.be.accessible();
  });

  it('fits a 320 px wide screen with 44 px targets', async () => {
    const original = { width: window.innerWidth, height: window.innerHeight };
    await setViewport({ width: 320, height: 640 });
    try {
      await signInAsNewCustomer();
      await createInvoice(1_234_567, 30);
      await shippedOrder(products.service);
      await postPayment(1_000, 'A reference long enough to need wrapping on a phone');
      const summary = await overview();
      const page = document.documentElement;
      expect(page.scrollWidth).to.be.at.most(page.clientWidth);
      expect(summary.scrollWidth).to.be.at.most(summary.clientWidth);
      const targets = all(summary, "button, a[part~='nav-link'], a[part~='order-link'], a.link");
      expect(targets.length).to.be.above(5);
      for (const target of targets) {
        expect(target.getBoundingClientRect().height, textOf(target)).to.be.at.least(44);
      }
    } finally {
      await setViewport(original);
    }
  });
});
