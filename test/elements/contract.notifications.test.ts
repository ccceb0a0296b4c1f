import { html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../elements/portico-notifications/portico-notifications.ts';
import type { PorticoNotifications } from '../../elements/portico-notifications/portico-notifications.ts';
import { porticoApiFor } from '../../elements/api/client.ts';
import { all, backendUrl, part, products, signIn, until } from './support/page.ts';
import { api } from './support/ledger.ts';
import { ADDRESS } from '../support/address.ts';
import { contractSuite, holdAnswers, UNREACHABLE, type StateOptions } from './support/contract.ts';
import { contractPage, rendered, seedCustomers, type Person } from './support/contract.page.ts';

/** A customer whose order was confirmed and shipped: three unread notifications. */
let notified: Person;
/** A customer nothing has happened to yet. */
let quiet: Person;

async function seed(): Promise<void> {
  ({ empty: quiet, filled: notified } = await seedCustomers(orderShipped));
}

/** An order of the signed-in customer's, confirmed and shipped by staff. */
async function orderShipped(): Promise<void> {
  const items = [{ productId: products.cups!, quantity: 1 }];
  const quote = await api.trpc.order.quote.query({ items, address: ADDRESS });
  const { order } = await api.trpc.order.place.mutate({
    idempotencyKey: crypto.randomUUID(),
    items,
    address: ADDRESS,
    expectedTotal: quote.total,
  });
  for (const to of ['confirmed', 'shipped']) {
    await executeServerCommand('portico-staff', {
      path: 'staff.order.advance',
      input: { orderId: order.id, to },
    });
  }
}

/** The unread count sits at the bell's inline end: its right in English, its left in Persian. */
const BADGE: StateOptions = {
  mirror: (element) => ({
    element: part(element, 'badge')!,
    side: 'end',
    within: part(element, 'bell')!.getBoundingClientRect(),
  }),
};

/** The open panel hangs below the bell; its own content starts at its inline start. */
const PANEL: StateOptions = {
  mirror: (element) => ({ within: part(element, 'panel')!.getBoundingClientRect() }),
};

/** The bell at the end of a vendor's header bar, as the demo site has it. */
function renderBell(): Promise<PorticoNotifications> {
  return rendered(
    html`
      <div style="display: flex; justify-content: flex-end">
        <portico-portal api=${backendUrl}>
          <portico-notifications></portico-notifications>
        </portico-portal>
      </div>
    `,
    'portico-notifications',
  );
}

/** `person`'s bell, once it knows how many are unread. */
async function bellOf(person: Person): Promise<PorticoNotifications> {
  await signIn(person);
  const element = await renderBell();
  await until(() => part(element, 'bell') && element.unread !== null, 'no bell');
  return element;
}

/** The panel opened from the bell, once `name` shows in it. */
async function opened(element: PorticoNotifications, name: string) {
  part(element, 'bell')!.click();
  await until(() => part(element, name), `no ${name} in the open panel`);
  return element;
}

describe('<portico-notifications> keeps the element contract', () => {
  contractPage({ seed, reset: () => localStorage.clear() });

  contractSuite('<portico-notifications>', (state) => {
    state(
      'closed: the bell with its unread count',
      async () => {
        const element = await bellOf(notified);
        await until(() => part(element, 'badge'), 'no unread count');
        return element;
      },
      BADGE,
    );

    state(
      'open: loading the list',
      async () => {
        // The live stream brings notifications as they come; only an empty list has to wait.
        const element = await bellOf(quiet);
        holdAnswers();
        return opened(element, 'loading');
      },
      PANEL,
    );

    state(
      'open: the notifications',
      async () => opened(await bellOf(notified), 'item-button'),
      PANEL,
    );

    state('open: empty', async () => opened(await bellOf(quiet), 'empty'), PANEL);

    state(
      'open: the email settings',
      async () => {
        const element = await opened(await bellOf(quiet), 'settings');
        part(element, 'settings')!.click();
        await until(() => all(element, "[part~='preference']").length > 0, 'no settings');
        return element;
      },
      PANEL,
    );

    state(
      'open: error, the backend cannot be reached',
      async () => {
        const element = await bellOf(quiet);
        element.api = porticoApiFor(UNREACHABLE);
        return opened(element, 'error');
      },
      PANEL,
    );
  });
});
