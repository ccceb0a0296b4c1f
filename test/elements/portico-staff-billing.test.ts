import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../elements/portico-staff-billing/portico-staff-billing.ts';
import type { PorticoStaffBilling } from '../../elements/portico-staff-billing/portico-staff-billing.ts';
import { formatMoney } from '../../elements/shared/format.ts';
import type { StaffCall } from './support/portico-backend.plugin.ts';
import { agent } from './support/people.ts';
import { ADDRESS } from '../support/address.ts';
import {
  all,
  attachContextRoot,
  backendUrl,
  definePortal,
  part,
  sessionKnown,
  signIn,
  signOut,
  textOf,
  until,
} from './support/page.ts';
import { accountId, day, signInAsNewCustomer } from './support/ledger.ts';

interface Invoice {
  id: string;
  number: string;
  total: number;
  status: string;
  amountDue: number;
}

const euro = (minor: number) => formatMoney(minor, 'EUR');

function staff<T = unknown>(path: string, input?: unknown): Promise<T> {
  return executeServerCommand<T, StaffCall>('portico-staff', { path, input });
}

/** A customer account of its own, so the money a test counts is only what it made. */
async function newAccount(): Promise<{ id: string; name: string }> {
  await signInAsNewCustomer();
  const id = accountId();
  const { accountName } = await staff<{ accountName: string }>('staff.account.statement', {
    accountId: id,
  });
  return { id, name: accountName };
}

function invoice(account: string, amount: number, issuedDaysAgo = 0): Promise<Invoice> {
  return staff<Invoice>('staff.invoice.create', {
    accountId: account,
    billTo: ADDRESS,
    lines: [{ description: 'Machine rental', quantity: 1, unitPrice: amount, taxRate: 0 }],
    issuedOn: day(-issuedDaysAgo),
  });
}

async function render(account: string | null): Promise<PorticoStaffBilling> {
  await signIn(agent);
  const container = await fixture(html`
    <portico-portal api=${backendUrl}>
      <portico-staff-billing .accountId=${account}></portico-staff-billing>
    </portico-portal>
  `);
  const element = container.querySelector('portico-staff-billing')!;
  await sessionKnown(element);
  return element;
}

async function openAccount(account: string): Promise<PorticoStaffBilling> {
  const element = await render(account);
  await until(() => part(element, 'payment-form') && part(element, 'invoices'), 'no account');
  return element;
}

/** Types into a shadow-root field the way a person does. */
function type(element: PorticoStaffBilling, partName: string, value: string): void {
  const field = part<HTMLInputElement | HTMLSelectElement>(element, partName);
  if (!field) throw new Error(`no ${partName}`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const invoiceRow = (element: PorticoStaffBilling, number: string) =>
  element.shadowRoot?.querySelector<HTMLElement>(`[part~='invoice'][data-number='${number}']`) ??
  null;
const statusOf = (element: PorticoStaffBilling, number: string) =>
  textOf(invoiceRow(element, number)?.querySelector("[part~='invoice-status']"));
const announced = (element: PorticoStaffBilling) => textOf(part(element, 'announcement'));
const balance = (element: PorticoStaffBilling) => textOf(part(element, 'balance-amount'));

describe('<portico-staff-billing>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(async () => {
    await setViewport({ width: 900, height: 700 });
    await signOut();
  });

  it('asks anyone not signed in as staff to sign in', async () => {
    await signOut();
    const container = await fixture(html`
      <portico-portal api=${backendUrl}>
        <portico-staff-billing></portico-staff-billing>
      </portico-portal>
    `);
    const element = container.querySelector('portico-staff-billing')!;
    await sessionKnown(element);
    expect(textOf(part(element, 'signed-out'))).to.contain('Sign in with a staff account');
    await expect(element).to.be.accessible();
  });

  it('finds invoices by account and number, filters by status, and picks an account', async () => {
    const account = await newAccount();
    const open = await invoice(account.id, 4200);
    const element = await render(null);
    await until(() => part(element, 'search'), 'the overview never rendered');
    type(element, 'search', open.number);
    await until(
      () => all(element, "[part~='recent-invoice']").length === 1,
      'the search never narrowed to the invoice',
    );
    const row = part(element, 'recent-invoice')!;
    expect(textOf(row)).to.contain(account.name);
    expect(row.querySelector('a')!.getAttribute('href')).to.equal(`#billing=${account.id}`);
    type(element, 'status-filter', 'paid');
    await until(() => part(element, 'empty'), 'an open invoice stayed under "Paid"');
    type(element, 'account-search', account.name);
    await until(() => part(element, 'account-match'), 'the picker found no account');
    const match = part(element, 'account-match')!;
    expect(match.querySelector('a')!.getAttribute('href')).to.equal(`#billing=${account.id}`);
    expect(textOf(match)).to.contain(euro(4200));
    await expect(element).to.be.accessible();
  });

  it('posts a payment from the keyboard; balance, statement and lists follow', async () => {
    const account = await newAccount();
    const first = await invoice(account.id, 1000, 3);
    const second = await invoice(account.id, 2000, 1);
    const element = await openAccount(account.id);
    await until(() => balance(element) === euro(3000), 'the balance never showed');
    const amount = part<HTMLInputElement>(element, 'payment-amount')!;
    amount.focus();
    await sendKeys({ type: '12.50' });
    part<HTMLInputElement>(element, 'payment-reference')!.focus();
    await sendKeys({ type: 'SEPA 77' });
    // Enter in a field sends the form, as in any native form.
    await sendKeys({ press: 'Enter' });
    await until(
      () => announced(element) === `Payment of ${euro(1250)} posted. Balance: ${euro(1750)}.`,
      `the payment was not announced: ${announced(element)}`,
    );
    await until(() => balance(element) === euro(1750), 'the balance did not follow');
    await until(() => statusOf(element, first.number) === 'Paid', 'the oldest stayed open');
    expect(statusOf(element, second.number)).to.equal('Open');
    const payment = part(element, 'payment')!;
    expect(textOf(payment)).to.contain('SEPA 77');
    expect(textOf(payment.querySelector("[part~='allocations']"))).to.equal(
      `Paid ${first.number}: ${euro(1000)}, ${second.number}: ${euro(250)}`,
    );
    expect(all(element, "[part~='entry']").map((row) => textOf(row))).to.have.length(3);
    expect(textOf(part(element, 'closing'))).to.contain(euro(1750));
    expect(part<HTMLInputElement>(element, 'payment-amount')!.value).to.equal('');
    await expect(element).to.be.accessible();
  });

  it('posts once however often the button is clicked', async () => {
    const account = await newAccount();
    await invoice(account.id, 5000);
    const element = await openAccount(account.id);
    type(element, 'payment-amount', '10');
    const button = part<HTMLButtonElement>(element, 'post-payment')!;
    button.click();
    button.click();
    await until(() => announced(element).includes('posted'), 'the payment was not posted');
    button.click();
    await until(() => all(element, "[part~='payment']").length >= 1, 'no payment listed');
    const { items } = await staff<{ items: unknown[] }>('staff.payment.list', {
      accountId: account.id,
    });
    expect(items).to.have.length(1);
    expect(textOf(part(element, 'field-error'))).to.contain('Enter the amount');
  });

  it('puts a payment on the invoice staff choose', async () => {
    const account = await newAccount();
    const older = await invoice(account.id, 1000, 5);
    const newer = await invoice(account.id, 3000, 1);
    const element = await openAccount(account.id);
    await until(() => invoiceRow(element, newer.number), 'the invoices never came');
    type(element, 'payment-amount', '30');
    part<HTMLInputElement>(element, 'allocation-choose')!.click();
    await element.updateComplete;
    const fields = all<HTMLInputElement>(element, "[part~='allocation-amount']");
    const forNewer = fields.find((field) => field.dataset['invoice'] === newer.id)!;
    forNewer.value = '30';
    part<HTMLButtonElement>(element, 'post-payment')!.click();
    await until(() => statusOf(element, newer.number) === 'Paid', 'the chosen one stayed open');
    expect(statusOf(element, older.number)).to.equal('Open');
    expect(balance(element)).to.equal(euro(1000));
  });

  it('issues a credit note and an invoice, and voids one after confirming', async () => {
    const account = await newAccount();
    const wrong = await invoice(account.id, 8000);
    const element = await openAccount(account.id);
    await until(() => invoiceRow(element, wrong.number), 'the invoice never came');

    type(element, 'credit-amount', '5');
    type(element, 'credit-reason', 'Late delivery');
    part<HTMLButtonElement>(element, 'issue-credit')!.click();
    await until(() => part(element, 'credit-note'), 'the credit note never showed');
    expect(announced(element)).to.contain(`Credit note of ${euro(500)} issued`);
    await until(() => balance(element) === euro(7500), 'the credit left the balance');

    type(element, 'invoice-description', 'Descaling visit');
    type(element, 'invoice-price', '60');
    part<HTMLButtonElement>(element, 'issue-invoice')!.click();
    await until(() => announced(element).includes(`of ${euro(6000)} issued`), 'no new invoice');
    await until(() => balance(element) === euro(13500), 'the new invoice is not in the balance');

    invoiceRow(element, wrong.number)!.querySelector<HTMLButtonElement>("[part~='void']")!.click();
    await until(() => part(element, 'void-confirm'), 'no confirmation asked');
    expect(element.shadowRoot!.activeElement).to.equal(part(element, 'void-reason'));
    part<HTMLButtonElement>(element, 'confirm-void')!.click();
    await element.updateComplete;
    expect(statusOf(element, wrong.number)).to.equal('Open');
    type(element, 'void-reason', 'Wrong machine');
    part<HTMLButtonElement>(element, 'confirm-void')!.click();
    await until(() => statusOf(element, wrong.number) === 'Void', 'the invoice was not voided');
    expect(announced(element)).to.equal(`Invoice ${wrong.number} is void.`);
    await until(() => balance(element) === euro(5500), 'the void did not reach the balance');
  });

  it('shows older invoices and payments on request, past the newest fifty', async () => {
    const account = await newAccount();
    const oldest = await invoice(account.id, 100, 60);
    for (let n = 0; n < 50; n++) await invoice(account.id, 100, 59 - n);
    for (let n = 0; n < 51; n++) {
      await staff('staff.payment.post', {
        accountId: account.id,
        amount: 1,
        receivedOn: day(-(52 - n)),
        method: 'bank_transfer',
        idempotencyKey: crypto.randomUUID(),
      });
    }
    const element = await openAccount(account.id);
    await until(() => all(element, "[part~='invoice']").length === 50, 'not the newest fifty');
    expect(invoiceRow(element, oldest.number)).to.equal(null);
    part<HTMLButtonElement>(element, 'older-invoices')!.click();
    await until(() => invoiceRow(element, oldest.number), 'the oldest invoice never came');
    expect(all(element, "[part~='invoice']")).to.have.length(51);
    expect(part(element, 'older-invoices')).to.equal(null);
    expect(all(element, "[part~='payment']")).to.have.length(50);
    part<HTMLButtonElement>(element, 'older-payments')!.click();
    await until(() => all(element, "[part~='payment']").length === 51, 'no older payment');
    expect(part(element, 'older-payments')).to.equal(null);
  });

  it('fits 320 px without scrolling sideways', async () => {
    const account = await newAccount();
    await invoice(account.id, 123456);
    await setViewport({ width: 320, height: 640 });
    const element = await openAccount(account.id);
    await until(() => part(element, 'invoice'), 'no invoice');
    expect(element.scrollWidth).to.be.at.most(element.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    element.accountId = null;
    await until(() => part(element, 'recent-invoices'), 'the overview never came back');
    expect(element.scrollWidth).to.be.at.most(element.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});
