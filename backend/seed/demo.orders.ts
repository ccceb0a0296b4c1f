import { randomUUID } from 'node:crypto';
import type { Services } from '../services.ts';
import type { OrderStatus } from '../db/schema.ts';
import type { Address } from '../address/address.schema.ts';
import { createPerson } from '../session/people.ts';
import { ensureCustomerAccount } from '../account/account.queries.ts';
import { saveAddress } from '../address/address.queries.ts';
import { placeOrder, quoteCart } from '../order/order.place.ts';
import { advanceOrder, cancelOrder, type Actor } from '../order/order.lifecycle.ts';

interface DemoCustomer {
  email: string;
  name: string;
  company: string;
  locale: string;
  address: Omit<Address, 'name' | 'company' | 'phone' | 'line2' | 'region'>;
  /** Orders as [status, days ago, SKUs]. */
  orders: [OrderStatus, number, string[]][];
}

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  {
    email: 'anna@cafe-aurora.example',
    name: 'Anna Bērziņa',
    company: 'Kafejnīca Aurora',
    locale: 'lv',
    address: { line1: 'Brīvības iela 42', postalCode: 'LV-1010', city: 'Rīga', country: 'LV' },
    orders: [
      ['delivered', 62, ['NL-COF-001', 'NL-CUP-001', 'NL-DAI-001']],
      ['delivered', 33, ['NL-COF-002', 'NL-CLN-001']],
      ['cancelled', 21, ['NL-EQP-001']],
      ['shipped', 3, ['NL-COF-001', 'NL-BAK-001', 'NL-CUP-002']],
      ['confirmed', 1, ['NL-SRV-001']],
      ['placed', 0, ['NL-COF-003', 'NL-DAI-002']],
    ],
  },
  {
    email: 'lukas@kaffeehaus-hoffmann.example',
    name: 'Lukas Hoffmann',
    company: 'Kaffeehaus Hoffmann',
    locale: 'de',
    address: { line1: 'Oranienstraße 12', postalCode: '10999', city: 'Berlin', country: 'DE' },
    orders: [
      ['delivered', 14, ['NL-COF-004', 'NL-CUP-001']],
      ['placed', 0, ['NL-CLN-002']],
    ],
  },
  {
    email: 'ivana@jadran.example',
    name: 'Ivana Horvat',
    company: 'Caffe bar Jadran',
    locale: 'hr',
    address: {
      line1: 'Obala Hrvatskog narodnog preporoda 7',
      postalCode: '21000',
      city: 'Split',
      country: 'HR',
    },
    orders: [['shipped', 2, ['NL-COF-002', 'NL-BAK-002']]],
  },
  {
    email: 'eleni@kafeneio.example',
    name: 'Ελένη Παπαδοπούλου',
    company: 'Καφενείο Ελένη',
    locale: 'el',
    address: { line1: 'Τσιμισκή 45', postalCode: '546 23', city: 'Θεσσαλονίκη', country: 'GR' },
    orders: [['confirmed', 1, ['NL-DAI-001', 'NL-CUP-003']]],
  },
  {
    email: 'shirin@cafe-sahar.example',
    name: 'شیرین رحیمی',
    company: 'کافه سحر',
    locale: 'fa',
    address: { line1: 'Mariahilfer Straße 88', postalCode: '1070', city: 'Wien', country: 'AT' },
    orders: [['delivered', 9, ['NL-COF-005', 'NL-SRV-002']]],
  },
];

const DAY = 24 * 60 * 60 * 1000;
const FORWARD = ['confirmed', 'shipped', 'delivered'] as const;

/**
 * Demo customers with company accounts and saved addresses, and their orders placed and moved
 * through the same code paths the portal uses, then dated back so the history looks lived in.
 */
export async function seedDemoOrders(services: Services, skus: Map<string, string>) {
  const { db, auth } = services;
  const staff: Actor = { id: null, name: 'Nordlicht Supply', role: 'staff' };
  for (const [index, customer] of DEMO_CUSTOMERS.entries()) {
    const userId = await createPerson(
      auth,
      {
        email: customer.email,
        name: customer.name,
        password: `demo-customer-${index + 1}`,
        role: 'customer',
      },
      { ifMissing: true },
    );
    const accountId = await ensureCustomerAccount(db, { id: userId, name: customer.company });
    await db
      .updateTable('organization')
      .set({ name: customer.company })
      .where('id', '=', accountId)
      .execute();
    const address: Address = {
      ...customer.address,
      name: customer.name,
      company: customer.company,
      line2: '',
      region: '',
      phone: '',
    };
    await saveAddress(db, accountId, { label: customer.company, isDefault: true, address });
    const actor: Actor = { id: userId, name: customer.name, role: 'customer' };
    for (const [status, daysAgo, orderSkus] of customer.orders) {
      const items = orderSkus.flatMap((sku, i) => {
        const productId = skus.get(sku);
        return productId ? [{ productId, quantity: 1 + ((index + i) % 3) }] : [];
      });
      if (items.length === 0) continue;
      const { currency } = services.portalSettings();
      const quote = await quoteCart(db, { items, address }, customer.locale, currency);
      if (quote.problems.length) continue;
      const { orderId } = await placeOrder(
        db,
        accountId,
        actor,
        { idempotencyKey: randomUUID(), items, address, note: '', expectedTotal: quote.total },
        { locale: customer.locale, currency },
      );
      if (status === 'cancelled') {
        await cancelOrder(db, { accountId }, actor, orderId, 'Ordered twice by mistake');
      }
      const reached = FORWARD.findIndex((step) => step === status);
      for (const step of FORWARD.slice(0, reached + 1)) {
        const tracking = step === 'shipped' ? `NL${orderId.slice(0, 10).toUpperCase()}` : undefined;
        await advanceOrder(db, staff, orderId, step, tracking);
      }
      await backdate(services, orderId, daysAgo);
    }
  }
}

/** Moves an order and its timeline `days` into the past, each step a few hours after the last. */
async function backdate(services: Services, orderId: string, days: number) {
  if (days === 0) return;
  const start = Date.now() - days * DAY;
  const events = await services.db
    .selectFrom('orderEvent')
    .select('id')
    .where('orderId', '=', orderId)
    .orderBy('at')
    .execute();
  let at = start;
  for (const event of events) {
    await services.db
      .updateTable('orderEvent')
      .set({ at: new Date(at).toISOString() })
      .where('id', '=', event.id)
      .execute();
    at += Math.min(days * DAY, 3 * DAY) / Math.max(events.length, 1);
  }
  await services.db
    .updateTable('order')
    .set({ createdAt: new Date(start).toISOString(), updatedAt: new Date(at).toISOString() })
    .where('id', '=', orderId)
    .execute();
}
