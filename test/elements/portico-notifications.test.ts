import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../elements/portico-notifications/portico-notifications.ts';
import type { PorticoNotifications } from '../../elements/portico-notifications/portico-notifications.ts';
import { NotificationSelectEvent } from '../../elements/events.ts';
import type { StaffCall } from './support/portico-backend.plugin.ts';
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
import { api, signInAsNewCustomer } from './support/ledger.ts';
import { ADDRESS } from '../support/address.ts';

const products = productIds as Record<'beans' | 'cups' | 'service', string>;

/** A staff procedure the agent calls from outside the page, as from the staff console. */
function staff<T = unknown>(path: string, input: unknown): Promise<T> {
  return executeServerCommand<T, StaffCall>('portico-staff', { path, input });
}

interface Placed {
  id: string;
  number: string;
}

/** Places an order as the signed-in customer, the way the order form does. */
async function placeOrder(): Promise<Placed> {
  const items = [{ productId: products.cups, quantity: 1 }];
  const quote = await api.trpc.order.quote.query({ items, address: ADDRESS });
  const placed = await api.trpc.order.place.mutate({
    idempotencyKey: crypto.randomUUID(),
    items,
    address: ADDRESS,
    expectedTotal: quote.total,
  });
  return { id: placed.order.id, number: placed.order.number };
}

/** The agent moves the order on, which notifies the customer. */
function advance(order: Placed, to: 'confirmed' | 'shipped' | 'delivered') {
  return staff('staff.order.advance', { orderId: order.id, to });
}

/** The bell in a header row: at its inline end (the default), or at its start (`at: 'start'`). */
async function render(
  options: { dir?: string; pageSize?: number; at?: 'start' | 'end' } = {},
): Promise<PorticoNotifications> {
  const justify = options.at === 'start' ? 'flex-start' : 'flex-end';
  const container = await fixture(html`
    <div dir=${ifDefined(options.dir)} style="display: flex; justify-content: ${justify}">
      <portico-portal api=${backendUrl}>
        <portico-notifications page-size=${ifDefined(options.pageSize)}></portico-notifications>
      </portico-portal>
    </div>
  `);
  const element = container.querySelector('portico-notifications');
  if (!element) throw new Error('the fixture did not render');
  await sessionKnown(element);
  return element;
}

const bell = (element: PorticoNotifications) => part<HTMLButtonElement>(element, 'bell')!;
const panel = (element: PorticoNotifications) => part(element, 'panel')!;
const items = (element: PorticoNotifications) => all(element, "[part~='item']");

async function unreadIs(element: PorticoNotifications, count: number): Promise<void> {
  await until(() => element.unread === count, `the bell never counted ${count} unread`);
  await element.updateComplete;
}

async function opened(element: PorticoNotifications, count = 1): Promise<void> {
  bell(element).click();
  await until(() => items(element).length >= count, 'the list never showed the notifications');
}

/**
 * Runs `check` left to right and then right to left on a 320 px phone, for a new customer with
 * one unread notification; the window gets its size back whether the checks pass or not.
 */
async function onPhoneBothWays(check: (dir: 'ltr' | 'rtl') => Promise<void>): Promise<void> {
  await signInAsNewCustomer();
  await advance(await placeOrder(), 'confirmed');
  const original = { width: window.innerWidth, height: window.innerHeight };
  await setViewport({ width: 320, height: 640 });
  try {
    for (const dir of ['ltr', 'rtl'] as const) await check(dir);
  } finally {
    await setViewport(original);
  }
}

/** The element that has focus, inside shadow roots too. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<portico-notifications>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(() => localStorage.clear());

  it('is hidden and asks the server nothing for a visitor', async () => {
    await signOut();
    const asked: string[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      asked.push(String(input instanceof Request ? input.url : input));
      return original(input, init);
    };
    try {
      const element = await render();
      await element.updateComplete;
      expect(element.hidden).to.equal(true);
      expect(bell(element)).to.equal(null);
      expect(element.getBoundingClientRect().width).to.equal(0);
      expect(asked.filter((url) => url.includes('notification'))).to.deep.equal([]);
    } finally {
      window.fetch = original;
    }
  });

  it('counts the unread in the bell’s name and badge, and is accessible closed and open', async () => {
    await signInAsNewCustomer();
    const order = await placeOrder();
    await advance(order, 'confirmed');
    const element = await render();
    await unreadIs(element, 1);
    expect(element.hidden).to.equal(false);
    expect(bell(element).getAttribute('aria-label')).to.equal('Notifications, 1 unread');
    expect(textOf(part(element, 'badge'))).to.equal('1');
    expect(bell(element).getAttribute('aria-expanded')).to.equal('false');
    expect(element.matches(':state(unread)')).to.equal(true);
    const box = bell(element).getBoundingClientRect();
    expect(box.width).to.be.at.least(44);
    expect(box.height).to.be.at.least(44);
    await expect(element).to.be.accessible();

    await opened(element);
    const [item] = items(element);
    expect(textOf(item)).to.contain(`Order ${order.number} was confirmed.`);
    expect(item!.getAttribute('part')).to.contain('item-unread');
    // Not by colour alone: the item says so in words.
    expect(textOf(item!.querySelector("[part~='unread-marker']"))).to.equal('New');
    expect(item!.querySelector('time')?.getAttribute('datetime')).to.be.a('string');
    await expect(element).to.be.accessible();
  });

  it('opens with the keyboard, moves focus into the panel, and Escape, on the bell too, closes it', async () => {
    await signInAsNewCustomer();
    await advance(await placeOrder(), 'confirmed');
    const element = await render();
    await unreadIs(element, 1);
    bell(element).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !panel(element).hidden, 'Enter did not open the panel');
    expect(bell(element).getAttribute('aria-expanded')).to.equal('true');
    expect(bell(element).getAttribute('aria-controls')).to.equal(panel(element).id);
    await until(() => deepActive() === part(element, 'heading'), 'focus did not move in');
    expect(element.matches(':state(open)')).to.equal(true);

    await sendKeys({ press: 'Tab' });
    expect(panel(element).contains(deepActive())).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => panel(element).hidden, 'Escape did not close the panel');
    await until(() => deepActive() === bell(element), 'focus did not return to the bell');
    expect(bell(element).getAttribute('aria-expanded')).to.equal('false');

    // A click elsewhere on the page closes it too.
    await sendKeys({ press: 'Enter' });
    await until(() => !panel(element).hidden, 'the panel did not open again');
    document.body.click();
    await until(() => panel(element).hidden, 'a click outside did not close the panel');

    // Escape closes it with focus on the bell as well, not only inside the panel.
    bell(element).click();
    await until(() => deepActive() === part(element, 'heading'), 'the panel did not open again');
    bell(element).focus();
    await sendKeys({ press: 'Escape' });
    await until(() => panel(element).hidden, 'Escape on the bell did not close the panel');
    expect(deepActive()).to.equal(bell(element));
    expect(bell(element).getAttribute('aria-expanded')).to.equal('false');
  });

  it('marks a chosen notification read and tells the page what it is about', async () => {
    await signInAsNewCustomer();
    const first = await placeOrder();
    const second = await placeOrder();
    await advance(first, 'confirmed');
    await advance(second, 'confirmed');
    const element = await render();
    await unreadIs(element, 2);
    await opened(element, 2);

    const item = items(element).find((candidate) => textOf(candidate).includes(first.number))!;
    const selected = oneEvent(element, NotificationSelectEvent.eventName);
    item.querySelector<HTMLButtonElement>("[part~='item-button']")!.click();
    const event = (await selected) as unknown as NotificationSelectEvent;
    expect(event).to.be.instanceOf(NotificationSelectEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.subject).to.deep.equal({ type: 'order', id: first.id });
    expect(event.notification.kind).to.equal('order_confirmed');
    expect(event.notification.number).to.equal(first.number);
    await unreadIs(element, 1);
    expect(bell(element).getAttribute('aria-label')).to.equal('Notifications, 1 unread');
    expect(panel(element).hidden, 'choosing closes the panel').to.equal(true);
    // The server agrees, so another device shows the same.
    await until(
      async () => (await api.trpc.notification.unreadCount.query()).unread === 1,
      'the server still counts it unread',
    );

    await opened(element, 2);
    const read = items(element).find((candidate) => textOf(candidate).includes(first.number))!;
    expect(read.getAttribute('part')).not.to.contain('item-unread');
    part<HTMLButtonElement>(element, 'mark-all')!.click();
    await unreadIs(element, 0);
    await until(() => !all(element, "[part~='item-unread']").length, 'items stayed unread');
    expect(bell(element).getAttribute('aria-label')).to.equal('Notifications');
    expect(part(element, 'badge')).to.equal(null);
    expect((await api.trpc.notification.unreadCount.query()).unread).to.equal(0);
  });

  it('shows a new notification and its count live, without a reload', async () => {
    await signInAsNewCustomer();
    const order = await placeOrder();
    const element = await render();
    await until(() => element.unread === 0, 'the count never arrived');
    await until(() => element.matches(':state(live)'), 'the live updates never started');

    await advance(order, 'confirmed');
    await unreadIs(element, 1);
    expect(textOf(part(element, 'badge'))).to.equal('1');
    await until(
      () => textOf(part(element, 'status')).includes(`Order ${order.number} was confirmed`),
      'the new notification was not announced',
    );

    // With the panel open, the next ones go on top of the list: shipping also bills the order.
    await opened(element, 1);
    await advance(order, 'shipped');
    await unreadIs(element, 3);
    await until(() => items(element).length === 3, 'the open list did not get the new ones');
    const kinds = items(element).map((item) => item.dataset['kind']);
    expect(kinds.slice(0, 2)).to.have.members(['order_shipped', 'invoice_issued']);
    const shipped = items(element).find((item) => item.dataset['kind'] === 'order_shipped');
    expect(textOf(shipped)).to.contain(`Order ${order.number} was shipped`);
    const invoice = items(element).find((item) => item.dataset['kind'] === 'invoice_issued');
    expect(textOf(invoice)).to.match(/^New Invoice \S+ \(€[\d.,]+\) was issued/);

    // Read on another device: this one follows.
    await api.trpc.notification.markAllRead.mutate();
    await unreadIs(element, 0);
    await until(() => !all(element, "[part~='item-unread']").length, 'read elsewhere, unread here');
  });

  it('pages through older notifications', async () => {
    await signInAsNewCustomer();
    const order = await placeOrder();
    await advance(order, 'confirmed');
    await advance(order, 'shipped');
    await advance(order, 'delivered');
    const element = await render({ pageSize: 2 });
    // Shipping also issued the order's invoice: four in all.
    await unreadIs(element, 4);
    await opened(element, 2);
    expect(items(element)).to.have.length(2);
    part<HTMLButtonElement>(element, 'more')!.click();
    await until(() => items(element).length === 4, 'the next page never came');
    const kinds = items(element).map((item) => item.dataset['kind']);
    expect(kinds[0]).to.equal('order_delivered');
    expect(kinds.slice(1, 3)).to.have.members(['order_shipped', 'invoice_issued']);
    expect(kinds[3]).to.equal('order_confirmed');
    await until(() => !part(element, 'more'), 'Show more stayed after the last page');
  });

  it('keeps the email choice per kind', async () => {
    await signInAsNewCustomer();
    const element = await render();
    await until(() => element.unread === 0, 'the count never arrived');
    bell(element).click();
    await until(() => part(element, 'settings'), 'no email settings');
    part<HTMLButtonElement>(element, 'settings')!.click();
    const box = () =>
      element.shadowRoot!.querySelector<HTMLInputElement>(
        "[part~='preference'][data-kind='order_confirmed'] input[type=checkbox]",
      );
    await until(() => box(), 'the settings never loaded');
    expect(textOf(part(element, 'heading'))).to.equal('Email settings');
    expect(all(element, "[part~='preference']").length).to.equal(11);
    const label = box()!.closest('label')!;
    expect(textOf(label)).to.equal('Also send me an email');
    expect(label.getBoundingClientRect().height).to.be.at.least(44);
    const before = box()!.checked;
    await expect(element).to.be.accessible();

    box()!.click();
    await until(
      () => textOf(part(element, 'status')).startsWith('Saved'),
      'the change was not saved',
    );
    const kept = await api.trpc.notification.preferences.query();
    expect(kept.kinds.find((kind) => kind.kind === 'order_confirmed')?.mail).to.equal(!before);

    // A fresh page shows the choice the server kept.
    const again = await render();
    await until(() => again.unread === 0, 'the count never arrived');
    bell(again).click();
    await until(() => part(again, 'settings'), 'no email settings');
    part<HTMLButtonElement>(again, 'settings')!.click();
    const fresh = () =>
      again.shadowRoot!.querySelector<HTMLInputElement>(
        "[part~='preference'][data-kind='order_confirmed'] input[type=checkbox]",
      );
    await until(() => fresh(), 'the settings never loaded again');
    expect(fresh()!.checked).to.equal(!before);
    part<HTMLButtonElement>(again, 'back')!.click();
    await until(() => textOf(part(again, 'heading')) === 'Notifications', 'no way back');
  });

  it('fits a 320 px screen and opens towards the inline start, right to left too', async () => {
    await onPhoneBothWays(async (dir) => {
      const element = await render({ dir });
      await unreadIs(element, 1);
      await opened(element);
      const page = document.documentElement;
      expect(page.scrollWidth, `${dir}: the page scrolls sideways`).to.be.at.most(page.clientWidth);
      const box = panel(element).getBoundingClientRect();
      expect(box.left, `${dir}: panel starts off screen`).to.be.at.least(0);
      expect(box.right, `${dir}: panel ends off screen`).to.be.at.most(320);
      const item = items(element)[0]!;
      expect(item.scrollWidth, `${dir}: an item overflows`).to.be.at.most(item.clientWidth);
      expect(getComputedStyle(panel(element)).direction).to.equal(dir);
      const badge = part(element, 'badge')!.getBoundingClientRect();
      const bellBox = bell(element).getBoundingClientRect();
      // The badge sits at the bell's inline end: the right in LTR, the left in RTL.
      if (dir === 'rtl') expect(badge.left - bellBox.left).to.be.below(bellBox.width / 2);
      else expect(bellBox.right - badge.right).to.be.below(bellBox.width / 2);
    });
  });

  it('keeps the panel on a 320 px screen when the bell is at the inline start, right to left too', async () => {
    await onPhoneBothWays(async (dir) => {
      const element = await render({ dir, at: 'start' });
      await unreadIs(element, 1);
      const page = document.documentElement;
      const bellBox = bell(element).getBoundingClientRect();
      // A header that wrapped: the bell starts its row, on the left in LTR, the right in RTL.
      if (dir === 'rtl') expect(bellBox.right, 'rtl: bell not at the start').to.be.above(270);
      else expect(bellBox.left, 'ltr: bell not at the start').to.be.below(50);
      await opened(element);
      const box = panel(element).getBoundingClientRect();
      const where = `${dir}: the panel spans ${Math.round(box.left)}..${Math.round(box.right)} px`;
      expect(box.left, where).to.be.at.least(0);
      expect(box.right, where).to.be.at.most(page.clientWidth);
      expect(box.width, `${dir}: the panel shrank to nothing`).to.be.above(250);
      expect(page.scrollWidth, `${dir}: the page scrolls sideways`).to.be.at.most(page.clientWidth);
      // It still hangs below the bell, not over it.
      expect(box.top).to.be.at.least(bellBox.bottom);
    });
  });
});
