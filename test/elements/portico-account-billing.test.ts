import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../elements/portico-account-summary/account-billing.ts';
import type { PorticoAccountBilling } from '../../elements/portico-account-summary/account-billing.ts';
import { DownloadError, downloadErrorMessage, fetchFile } from '../../elements/shared/download.ts';
import { formatMoney } from '../../elements/shared/format.ts';
import { ben } from './support/people.ts';
import {
  attachContextRoot,
  backendUrl,
  definePortal,
  part,
  sessionKnown,
  signIn,
  signOut,
  textOf,
  until,
  all,
} from './support/page.ts';
import {
  as,
  backToAnna,
  captureDownloads,
  createInvoice,
  postPayment,
  signInAsNewCustomer,
} from './support/ledger.ts';

const euro = (minor: number) => formatMoney(minor, 'EUR');

async function renderBilling(pageSize?: number): Promise<PorticoAccountBilling> {
  const portal = await fixture(html`
    <portico-portal api=${backendUrl}>
      <portico-account-billing page-size=${ifDefined(pageSize)}></portico-account-billing>
    </portico-portal>
  `);
  const billing = portal.querySelector('portico-account-billing');
  if (!billing) throw new Error('the fixture did not render');
  await sessionKnown(billing);
  return billing;
}

/** The invoice numbers listed, in order. */
function invoiceNumbers(billing: PorticoAccountBilling): string[] {
  return all(billing, "[part~='invoice'] .name").map((name) =>
    textOf(name).replace(/^Invoice /, ''),
  );
}

function invoiceRow(billing: PorticoAccountBilling, number: string): HTMLElement {
  const found = all(billing, "[part~='invoice']").find(
    (row) => textOf(row.querySelector('.name')) === `Invoice ${number}`,
  );
  if (!found) throw new Error(`no invoice ${number}`);
  return found;
}

function statusOf(row: HTMLElement): string {
  return textOf(row.querySelector("[part~='invoice-status']"));
}

/** Chooses a status in the filter and waits until the list is what `shown` expects. */
async function filterBy(
  billing: PorticoAccountBilling,
  status: string,
  shown: (numbers: string[]) => boolean,
): Promise<void> {
  const select = part<HTMLSelectElement>(billing, 'status-filter');
  if (!select) throw new Error('no status filter');
  select.value = status;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await until(
    () => billing.shadowRoot?.querySelector("[part~='invoices'][aria-busy='true']") === null,
    'the list stayed busy',
  );
  await until(
    () => shown(invoiceNumbers(billing)),
    `the ${status || 'all'} filter showed the wrong invoices`,
  );
}

/** An element as its tag and text, for messages: chai cannot print a Lit element. */
function named(element: Element | null | undefined): string {
  return element ? `<${element.localName}> ${textOf(element)}` : '';
}

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Three invoices: one paid, one overdue, one open (newest), and the payment for the first. */
async function ledger() {
  await signInAsNewCustomer();
  const paid = await createInvoice(3_000, 60);
  await postPayment(3_000, 'For the old one');
  const overdue = await createInvoice(4_500, 30);
  const open = await createInvoice(7_000);
  return { paid, overdue, open };
}

describe('<portico-account-billing>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(async () => {
    backToAnna();
    await signOut();
  });

  it('asks a signed-out visitor to sign in', async () => {
    const billing = await renderBilling();
    expect(textOf(part(billing, 'signed-out'))).to.equal('Sign in to see your invoices.');
    expect(named(part(billing, 'invoices'))).to.equal('');
  });

  it('lists invoices newest first with status, dates and amounts, and the payments', async () => {
    const { paid, overdue, open } = await ledger();
    const billing = await renderBilling();
    await until(() => invoiceNumbers(billing).length >= 3, 'no invoices were listed');

    const heading = part(billing, 'heading');
    expect(heading?.localName).to.equal('h2');
    expect(textOf(heading)).to.equal('Billing');
    expect(invoiceNumbers(billing).slice(0, 3)).to.deep.equal([
      open.number,
      overdue.number,
      paid.number,
    ]);
    expect(statusOf(invoiceRow(billing, paid.number))).to.equal('Paid');
    expect(statusOf(invoiceRow(billing, overdue.number))).to.equal('Overdue');
    const openRow = invoiceRow(billing, open.number);
    expect(statusOf(openRow)).to.equal('Open');
    expect(textOf(openRow.querySelector("[part~='amount-due']"))).to.equal(`${euro(7_000)} due`);
    expect(textOf(openRow)).to.include(`Total ${euro(7_000)}`);
    expect(textOf(openRow.querySelector("[part~='download']"))).to.equal(
      `Download PDF: invoice ${open.number}`,
    );
    expect(named(invoiceRow(billing, paid.number).querySelector("[part~='amount-due']"))).to.equal(
      '',
    );

    await until(() => part(billing, 'payment'), 'no payments were listed');
    const payment = part(billing, 'payment');
    expect(textOf(payment)).to.include(euro(3_000));
    expect(textOf(payment)).to.include('Bank transfer');
    expect(textOf(payment)).to.include('For the old one');
    expect(textOf(payment)).to.include(`Paid ${paid.number}`);
  });

  it('filters the invoices by status', async () => {
    const { paid, overdue, open } = await ledger();
    const billing = await renderBilling();
    await until(() => invoiceNumbers(billing).length >= 3, 'no invoices were listed');

    const only = (number: string) => (numbers: string[]) =>
      numbers.length === 1 && numbers[0] === number;
    await filterBy(billing, 'overdue', only(overdue.number));
    expect(statusOf(invoiceRow(billing, overdue.number))).to.equal('Overdue');
    await filterBy(billing, 'open', only(open.number));
    await filterBy(billing, 'paid', (numbers) => numbers.includes(paid.number));
    expect(all(billing, "[part~='invoice']").map(statusOf)).to.satisfy((statuses: string[]) =>
      statuses.every((status) => status === 'Paid'),
    );
    await filterBy(billing, 'void', (numbers) => numbers.length === 0);
    await until(
      () =>
        textOf(billing.shadowRoot?.querySelector('.summary')) === 'No invoices with this status.',
      'an empty filter said nothing',
    );
    await filterBy(billing, '', (numbers) => numbers[0] === open.number);
    expect(invoiceNumbers(billing).slice(0, 3)).to.deep.equal([
      open.number,
      overdue.number,
      paid.number,
    ]);
  });

  it('shows more invoices and moves focus to the first new one', async () => {
    const { paid, overdue, open } = await ledger();
    const billing = await renderBilling(2);
    await until(() => invoiceNumbers(billing).length === 2, 'no first page');
    expect(invoiceNumbers(billing)).to.deep.equal([open.number, overdue.number]);
    const more = part<HTMLButtonElement>(billing, 'more-invoices');
    expect(textOf(more)).to.equal('Show more invoices');
    more?.click();
    await until(() => invoiceNumbers(billing).length > 2, 'no second page');
    expect(invoiceNumbers(billing)[2]).to.equal(paid.number);
    await until(() => textOf(deepActive()) === `Invoice ${paid.number}`, 'focus did not move');
  });

  it('downloads an invoice as PDF, with progress on its button', async () => {
    const { open } = await ledger();
    const billing = await renderBilling();
    await until(() => invoiceNumbers(billing).includes(open.number), 'no invoices were listed');
    const downloads = captureDownloads();
    try {
      const button = invoiceRow(billing, open.number).querySelector<HTMLButtonElement>(
        "[part~='download']",
      );
      button?.click();
      await billing.updateComplete;
      expect(button?.getAttribute('aria-busy')).to.equal('true');
      expect(textOf(button)).to.equal('Downloading…');
      await until(() => downloads.blobs.length === 1, 'no file was saved');
      await until(() => button?.getAttribute('aria-busy') === 'false', 'the button stayed busy');
      expect(downloads.blobs[0]?.type).to.equal('application/pdf');
      expect(downloads.blobs[0]?.size).to.be.above(1000);
      expect(downloads.names).to.deep.equal([`invoice-${open.number}.pdf`]);
      expect(textOf(button)).to.equal(`Download PDF: invoice ${open.number}`);
    } finally {
      downloads.restore();
    }
  });

  it('says why a download failed and lets the customer try again', async () => {
    const { open } = await ledger();
    const billing = await renderBilling();
    await until(() => invoiceNumbers(billing).includes(open.number), 'no invoices were listed');
    const button = invoiceRow(billing, open.number).querySelector<HTMLButtonElement>(
      "[part~='download']",
    );
    // Another person signs in in another tab: Anna's invoice is not theirs to read.
    await as(async () => {
      button?.click();
      await until(() => part(billing, 'download-error'), 'no error was shown');
    }, ben);
    const error = part(billing, 'download-error');
    expect(error?.getAttribute('role')).to.equal('alert');
    expect(error?.matches("[part~='error']")).to.equal(true);
    expect(textOf(error)).to.equal('We could not find that file. It may have been removed.');
    expect(button?.getAttribute('aria-busy')).to.equal('false');

    const downloads = captureDownloads();
    try {
      button?.click();
      await until(() => downloads.blobs.length === 1, 'the retry saved nothing');
      await until(() => !part(billing, 'download-error'), 'the error stayed');
    } finally {
      downloads.restore();
    }
  });

  it('turns refusals into sentences', async () => {
    await signIn();
    const refusal = await fetchFile(`${backendUrl}/api/statement.csv?from=2026-02-01&to=2026-01-01`)
      .then(() => null)
      .catch((error: unknown) => error);
    expect(refusal).to.be.instanceOf(DownloadError);
    expect((refusal as DownloadError).code).to.equal('BAD_REQUEST');
    expect(downloadErrorMessage(refusal)).to.equal(
      'The start date must not be after the end date.',
    );
    await signOut();
    const signedOut = await fetchFile(`${backendUrl}/api/invoices/x/pdf`).catch(
      (error: unknown) => error,
    );
    expect(downloadErrorMessage(signedOut)).to.equal(
      'Your session has ended. Please sign in again.',
    );
  });

  it('downloads the statement for this year so far as CSV', async () => {
    await ledger();
    const billing = await renderBilling();
    const from = part<HTMLInputElement>(billing, 'statement-from');
    const to = part<HTMLInputElement>(billing, 'statement-to');
    const now = new Date();
    const today = [
      now.getFullYear(),
      String(now.getMonth() + 1).padStart(2, '0'),
      String(now.getDate()).padStart(2, '0'),
    ].join('-');
    expect(from?.value).to.equal(`${now.getFullYear()}-01-01`);
    expect(to?.value).to.equal(today);

    const downloads = captureDownloads();
    try {
      const button = part<HTMLButtonElement>(billing, 'statement-download');
      expect(textOf(button)).to.equal('Download statement (CSV)');
      button?.click();
      await until(() => downloads.blobs.length === 1, 'no statement was saved');
      const [csv] = downloads.blobs;
      expect(csv?.type).to.match(/^text\/csv/);
      const [header] = (await (csv as Blob).text()).replace(/^\uFEFF/, '').split('\r\n');
      expect(header).to.equal('Date,Type,Number,Reference,Debit (EUR),Credit (EUR),Balance (EUR)');
      expect(downloads.names).to.deep.equal([`statement-${from?.value}-${today}.csv`]);
      await until(() => button?.getAttribute('aria-busy') === 'false', 'the button stayed busy');
    } finally {
      downloads.restore();
    }
  });

  it('does not send a statement whose start is after its end', async () => {
    await signIn();
    const billing = await renderBilling();
    const from = part<HTMLInputElement>(billing, 'statement-from');
    const to = part<HTMLInputElement>(billing, 'statement-to');
    if (!from || !to) throw new Error('no statement dates');
    from.value = '2026-03-01';
    from.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    to.value = '2026-02-01';
    to.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await billing.updateComplete;
    expect(part<HTMLFormElement>(billing, 'statement')?.checkValidity()).to.equal(false);
    expect(to.validity.rangeUnderflow).to.equal(true);
  });

  it('is accessible with invoices, payments and the statement form', async () => {
    await ledger();
    const billing = await renderBilling();
    await until(() => part(billing, 'invoice') && part(billing, 'payment'), 'nothing listed');
    await expect(billing).to.be.accessible();
  });

  it('fits a 320 px wide screen with 44 px targets', async () => {
    const original = { width: window.innerWidth, height: window.innerHeight };
    await setViewport({ width: 320, height: 640 });
    try {
      await ledger();
      const billing = await renderBilling(2);
      await until(() => part(billing, 'invoice') && part(billing, 'payment'), 'nothing listed');
      const page = document.documentElement;
      expect(page.scrollWidth).to.be.at.most(page.clientWidth);
      expect(billing.scrollWidth).to.be.at.most(billing.clientWidth);
      const targets = all(billing, 'button, select, input');
      for (const target of targets) {
        const label = target.getAttribute('name') ?? textOf(target);
        expect(target.getBoundingClientRect().height, label).to.be.at.least(44);
      }
    } finally {
      await setViewport(original);
    }
  });
});
