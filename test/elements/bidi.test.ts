import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { render } from 'lit';
import '../../elements/portico-account-summary/portico-account-summary.ts';
import '../../elements/portico-account-summary/account-orders.ts';
import '../../elements/portico-announcements/portico-announcements.ts';
import '../../elements/portico-chat/portico-chat.ts';
import '../../elements/portico-notifications/portico-notifications.ts';
import '../../elements/portico-order-form/portico-order-form.ts';
import '../../elements/portico-ticket-inbox/portico-ticket-inbox.ts';
import '../../elements/portico-ticket-inbox/ticket-thread.ts';
import { FSI, PDI, isolate, joinIsolated, ownDirectionList } from '../../elements/shared/bidi.ts';
import { CartStore } from '../../elements/shared/cart.ts';
import type { StaffCall } from './support/portico-backend.plugin.ts';
import { useLocale } from './support/contract.page.ts';
import {
  all,
  attachContextRoot,
  backendUrl,
  definePortal,
  part,
  products as productIds,
  sessionKnown,
  signOut,
  textOf,
  until,
} from './support/page.ts';
import {
  api,
  backToAnna,
  createInvoice,
  postPayment,
  shippedOrder,
  signInAsNewCustomer,
} from './support/ledger.ts';

/**
 * Right-to-left pages: Persian around identifiers, codes and text written in another script.
 * Each check looks at where the browser draws the characters, not at the markup alone: in an
 * Arabic-script sentence the digits of `2026-00002` count as Arabic numbers and the hyphen no
 * longer holds them together, so a reader sees `00002-2026` unless the number is isolated.
 */

const products = productIds as Record<'beans' | 'cups' | 'service', string>;

/** Any letter of the Arabic script, as Persian is written in. */
const PERSIAN = /[\u0600-\u06ff]/;
const WESTERN_DIGIT = /[0-9]/;

/** A staff procedure the agent calls from outside the page, as from the staff console. */
function staff<T = unknown>(path: string, input: unknown): Promise<T> {
  return executeServerCommand<T, StaffCall>('portico-staff', { path, input });
}

/** Every text node under `root`, inside shadow roots too, in document order. */
function* textNodes(root: Node): Generator<Text> {
  for (const child of root.childNodes) {
    if (child instanceof Text) yield child;
    if (child instanceof Element && child.shadowRoot) yield* textNodes(child.shadowRoot);
    yield* textNodes(child);
  }
}

/**
 * Where the browser draws each character of `text` (its left edge), in reading order, at its
 * first appearance under `scope`. A string laid out left to right gives rising numbers.
 */
function drawnAt(scope: Node, text: string): number[] {
  for (const node of textNodes(scope)) {
    const at = node.data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    return [...text].map((_, index) => {
      range.setStart(node, at + index);
      range.setEnd(node, at + index + 1);
      return range.getBoundingClientRect().left;
    });
  }
  throw new Error(`"${text}" is not shown in ${scope.nodeName}`);
}

/** The reversals: each character drawn left of the one before it. */
function reversals(scope: Node, text: string): string[] {
  const lefts = drawnAt(scope, text);
  return lefts.flatMap((left, index) =>
    index && left <= lefts[index - 1]!
      ? [`"${text[index]}" (character ${index + 1}) is drawn left of "${text[index - 1]}"`]
      : [],
  );
}

function expectLeftToRight(scope: Node | null | undefined, text: string, what: string): void {
  if (!scope) throw new Error(`${what}: not on the page`);
  expect(reversals(scope, text), `${what}: "${text}" does not read left to right`).to.deep.equal(
    [],
  );
}

/**
 * The text someone wrote in `element` is laid out in its own direction: `dir="auto"` on the
 * element, or on the one span that holds all its text (which keeps the block's alignment).
 */
function expectOwnDirection(element: Element | null | undefined, what: string): void {
  if (!element) throw new Error(`${what}: not on the page`);
  const holder = element.matches("[dir='auto']") ? element : element.querySelector("[dir='auto']");
  expect(Boolean(holder), `${what}: no direction of its own`).to.equal(true);
  expect(textOf(holder), `${what}: not all of it has its own direction`).to.equal(textOf(element));
}

/** The element's text, which must be in Persian for a check of its identifiers to mean anything. */
function persianText(element: Element | null | undefined, what: string): string {
  const text = textOf(element);
  expect(text, `${what} is not in Persian: the check would prove nothing`).to.match(PERSIAN);
  return text;
}

async function inPortal<T extends Element>(tag: string, template: unknown): Promise<T> {
  const portal = await fixture(
    html`<portico-portal api=${backendUrl}>${template}</portico-portal>`,
  );
  const element = portal.querySelector<T>(tag);
  if (!element) throw new Error(`<${tag}> did not render`);
  await sessionKnown(element as unknown as Parameters<typeof sessionKnown>[0]);
  return element;
}

describe('isolating text of another direction', () => {
  afterEach(() => useLocale('en'));

  it('leaves left-to-right text exactly as it was, and isolates it in Persian', async () => {
    expect(isolate('2026-00002', 'en')).to.equal('2026-00002');
    expect(isolate('2026-00002', 'de')).to.equal('2026-00002');
    expect(isolate('2026-00002', 'fa')).to.equal(`${FSI}2026-00002${PDI}`);
    expect(isolate('', 'fa'), 'nothing stays nothing').to.equal('');
    expect(joinIsolated(['2026-00001', '2026-00002'], ', ')).to.equal('2026-00001, 2026-00002');
    await useLocale('fa');
    expect(isolate('2026-00002')).to.equal(`${FSI}2026-00002${PDI}`);
    expect(joinIsolated(['LV-1010 Rīga', 'لتونی'])).to.equal(
      `${FSI}LV-1010 Rīga${PDI}, ${FSI}لتونی${PDI}`,
    );
  });

  it('sees the reversal it guards against, and that isolating undoes it', async () => {
    await useLocale('fa');
    const box = await fixture<HTMLElement>(html`<p style="font-size: 20px"></p>`);
    box.textContent = 'تسویهٔ 2026-00002';
    expect(reversals(box, '2026-00002'), 'a bare number in Persian').not.to.deep.equal([]);
    box.textContent = `تسویهٔ ${isolate('2026-00002')}`;
    expect(reversals(box, '2026-00002')).to.deep.equal([]);
    render(html`تسویهٔ ${ownDirectionList(['2026-00001', '2026-00002'])}`, box);
    expect(box.textContent, 'the text is unchanged').to.contain('تسویهٔ 2026-00001, 2026-00002');
    expectLeftToRight(box, '2026-00001', 'the first of a list in markup');
    expectLeftToRight(box, '2026-00002', 'the second of a list in markup');
  });
});

describe('in a right-to-left page', () => {
  let invoiceNumber = '';
  let orderNumber = '';

  before(async () => {
    attachContextRoot();
    await definePortal();
    await setViewport({ width: 1280, height: 900 });
    await signInAsNewCustomer();
    invoiceNumber = (await createInvoice(12_345, 3)).number;
    await postPayment(1_000, 'SEPA Kafejnīca Aurora');
    orderNumber = (await shippedOrder(products.beans, 2)).number;
  });

  beforeEach(() => useLocale('fa'));

  afterEach(async () => {
    CartStore.for(backendUrl).clear();
    await useLocale('en');
  });

  after(async () => {
    backToAnna();
    await signOut();
  });

  it('keeps invoice numbers in order on the account overview, and English as it was', async () => {
    const summary = await inPortal<HTMLElement>(
      'portico-account-summary',
      html`<portico-account-summary></portico-account-summary>`,
    );
    const invoiceName = () =>
      all(summary, "[part~='open-invoices'] [part~='invoice'] .name").find((name) =>
        name.textContent?.includes(invoiceNumber),
      );
    await until(invoiceName, 'the open invoice was not listed');
    persianText(invoiceName(), 'the invoice');
    expectLeftToRight(invoiceName(), invoiceNumber, 'the open invoice');
    const use = all(summary, "[part~='recent-payments'] .use").find((line) =>
      line.textContent?.includes(invoiceNumber),
    );
    persianText(use, 'what the payment paid');
    expectLeftToRight(use, invoiceNumber, 'the invoice a payment paid');
    const reference = all(summary, "[part~='recent-payments'] .reference")[0];
    expectOwnDirection(reference, 'the bank’s reference');

    await useLocale('en');
    await until(() => textOf(invoiceName()).startsWith('Invoice'), 'English did not come back');
    expect(invoiceName()!.textContent, 'English is written as before').to.equal(
      `Invoice ${invoiceNumber}`,
    );
  });

  it('keeps the invoice number in order in a notification’s sentence', async () => {
    const bell = await inPortal<HTMLElement & { open(): void }>(
      'portico-notifications',
      html`<portico-notifications></portico-notifications>`,
    );
    await until(() => part(bell, 'bell'), 'no bell');
    bell.open();
    const sentence = () =>
      all(bell, "[part~='item'][data-kind='invoice_issued'] [part~='sentence']").find((line) =>
        line.textContent?.includes(invoiceNumber),
      );
    await until(sentence, 'the invoice’s notification was not listed');
    persianText(sentence(), 'the notification');
    expectLeftToRight(sentence(), invoiceNumber, 'the notification');
  });

  it('writes the order’s lines and address in their own direction', async () => {
    const orders = await inPortal<HTMLElement>(
      'portico-account-orders',
      html`<portico-account-orders number=${orderNumber}></portico-account-orders>`,
    );
    await until(() => all(orders, "[part~='line']").length, 'the order did not load');
    for (const name of all(orders, "[part~='line'] .name")) {
      expectOwnDirection(name, `line ${textOf(name)}`);
    }
    const address = part(orders, 'address')!;
    const pieces = [...address.querySelectorAll("[dir='auto']")].map(textOf);
    expect(pieces).to.include.members(['LV-1010 Rīga', 'Brīvības iela 42']);
    expectLeftToRight(address, 'LV-1010', 'the postcode');
  });

  it('writes "In cart" with Persian digits, and product names in their own direction', async () => {
    const form = await inPortal<HTMLElement>(
      'portico-order-form',
      html`<portico-order-form></portico-order-form>`,
    );
    const cards = () => all(form, "[part~='product']");
    await until(() => cards().length, 'no products were shown');
    const addable = (candidate: HTMLElement) =>
      candidate.querySelector<HTMLButtonElement>("[part~='add']")?.disabled === false;
    const card = cards().find(addable);
    if (!card) throw new Error('no product can be added');
    for (const heading of all(form, "[part~='product'] h3")) {
      expectOwnDirection(heading, textOf(heading));
    }
    card.querySelector<HTMLButtonElement>("[part~='add']")!.click();
    await until(() => card.querySelector('.in-cart'), 'the product did not go into the cart');
    const inCart = textOf(card.querySelector('.in-cart'));
    expect(inCart).to.match(PERSIAN).and.to.contain('۱');
    expect(inCart, 'a Latin digit in a Persian sentence').not.to.match(WESTERN_DIGIT);
  });

  it('lays out a ticket’s English subject and messages left to right, its number too', async () => {
    const subject = `Could invoices show our purchase order ${crypto.randomUUID().slice(0, 4)}?`;
    const body = 'Two of the 1 kg bags were torn and the beans spilled in the box.';
    const ticket = await api.trpc.ticket.create.mutate({
      subject,
      kind: 'question',
      priority: 'normal',
      tags: ['invoices'],
      body,
    });
    const inbox = await inPortal<HTMLElement>(
      'portico-ticket-inbox',
      html`<portico-ticket-inbox></portico-ticket-inbox>`,
    );
    const row = () =>
      all(inbox, "[part~='ticket']").find((candidate) => candidate.textContent?.includes(subject));
    await until(row, 'the ticket was not listed');
    const shownSubject = row()!.querySelector("[part~='subject']");
    expectOwnDirection(shownSubject, 'the subject in the list');
    expectLeftToRight(shownSubject, subject.slice(-6), 'the subject in the list');
    expect(row()!.querySelector("[part~='number']")?.getAttribute('dir')).to.equal('ltr');
    expectOwnDirection(row()!.querySelector("[part~='tag']"), 'a tag');

    const thread = await inPortal<HTMLElement>(
      'portico-ticket-thread',
      html`<portico-ticket-thread .ticketId=${ticket.id}></portico-ticket-thread>`,
    );
    await until(() => part(thread, 'messages'), 'the ticket did not load');
    expectOwnDirection(part(thread, 'heading'), 'the subject as a heading');
    expectLeftToRight(part(thread, 'heading'), subject.slice(-6), 'the subject as a heading');
    const message = part(thread, 'body');
    expectOwnDirection(message, 'the message');
    expectLeftToRight(message, 'the box.', 'the message');
    const number = part(thread, 'number');
    persianText(number, 'the ticket number');
    expectLeftToRight(number, ticket.number, 'the ticket number');
  });

  it('lays out an announcement written in English left to right', async () => {
    const title = `Holiday hours ${crypto.randomUUID().slice(0, 4)}?`;
    const item = await staff<{ id: string }>('staff.announcement.create', {
      title,
      body: 'Support answers within two working days.',
      severity: 'info',
      audience: 'all',
    });
    try {
      const banners = await inPortal<HTMLElement>(
        'portico-announcements',
        html`<portico-announcements></portico-announcements>`,
      );
      const banner = () => banners.shadowRoot?.querySelector(`[data-id='${item.id}']`);
      await until(banner, 'the announcement was not shown');
      const shownTitle = banner()!.querySelector("[part~='title']");
      const shownBody = banner()!.querySelector("[part~='body']");
      expectOwnDirection(shownTitle, 'the title');
      expectOwnDirection(shownBody, 'the body');
      expectLeftToRight(shownTitle, title.slice(-6), 'the title');
      expectLeftToRight(shownBody, 'working days.', 'the body');
    } finally {
      await staff('staff.announcement.end', { id: item.id });
    }
  });

  it('lays out a chat message written in English left to right', async () => {
    const { conversation: open } = await api.trpc.chat.current.query();
    if (open && open.status !== 'ended') {
      await api.trpc.chat.end.mutate({ conversationId: open.id });
    }
    const question = 'How can I track my delivery?';
    const started = await api.trpc.chat.start.mutate({ message: question, locale: 'en' });
    try {
      const chat = await inPortal<HTMLElement & { open(): void }>(
        'portico-chat',
        html`<portico-chat></portico-chat>`,
      );
      chat.open();
      const asked = () =>
        all(chat, "[part~='message-customer'] [part~='body']").find(
          (body) => body.textContent === question,
        );
      await until(asked, 'the question was not shown');
      expectOwnDirection(asked(), 'the customer’s message');
      expectLeftToRight(asked(), 'delivery?', 'the customer’s message');
    } finally {
      sessionStorage.removeItem('portico-chat-open');
      const id = started.conversation?.id;
      if (id) await api.trpc.chat.end.mutate({ conversationId: id });
    }
  });
});
