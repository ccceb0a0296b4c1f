import { porticoApiFor } from '../../../elements/api/client.ts';
import { ADDRESS } from '../../support/address.ts';
import { agent, anna } from './people.ts';
import { backendUrl, signIn, signInCookies, signUpConfirmed } from './page.ts';

/**
 * What the account and billing tests need from the vendor's side: invoices, payments and
 * shipped orders, made by the agent through the real staff procedures. Staff work here as if in
 * another browser: the page's cookie changes hands, but its session store is not told, so the
 * elements on the page notice nothing until they read again.
 *
 * Tests share one backend, so each test that counts money signs in as a new customer of its own:
 * what it sees is exactly what it made.
 */

export const api = porticoApiFor(backendUrl);

type Person = { name?: string; email: string; password: string };

/** Who `as` signs back in as: the customer the test works as. */
let customer: Person = anna;

const signInUnnoticed = (person: Person) => signInCookies(person);

/** Runs `work` signed in as `person` (the agent by default), then as the customer again. */
export async function as<T>(work: () => Promise<T>, person: Person = agent): Promise<T> {
  await signInUnnoticed(person);
  try {
    return await work();
  } finally {
    await signInUnnoticed(customer);
  }
}

/**
 * Signs up a new customer with an account of their own, confirms the email with the link the
 * backend mailed, and signs the page in as them, as the elements would see it.
 */
export async function signInAsNewCustomer(): Promise<Person> {
  const id = crypto.randomUUID().slice(0, 8);
  const person = {
    name: `Ilze Kalniņa ${id}`,
    email: `ilze.${id}@test.example`,
    password: 'correct horse battery',
  };
  await signUpConfirmed(person);
  await signIn(person);
  customer = person;
  return person;
}

/** Works as Anna again, for tests that sign in with page.ts's `signIn()`. */
export function backToAnna(): void {
  customer = anna;
}

/** The signed-in customer's account id, from the page's session. */
export function accountId(): string {
  const state = api.session.state;
  const id = state.status === 'signed-in' ? state.me.account?.id : undefined;
  if (!id) throw new Error('no customer account is signed in');
  return id;
}

/** A UTC day as YYYY-MM-DD, `days` from today: the calendar the ledger keeps. */
export function day(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A random request key for a payment. */
const key = () => crypto.randomUUID();

export async function postPayment(amount: number, reference = 'Test transfer') {
  const account = accountId();
  return as(() =>
    api.trpc.staff.payment.post.mutate({
      accountId: account,
      amount,
      receivedOn: day(),
      method: 'bank_transfer',
      reference,
      idempotencyKey: key(),
    }),
  );
}

/** An invoice of one untaxed line; `issuedDaysAgo` with the default 14 days' terms. */
export async function createInvoice(amount: number, issuedDaysAgo = 0) {
  const account = accountId();
  return as(() =>
    api.trpc.staff.invoice.create.mutate({
      accountId: account,
      billTo: ADDRESS,
      lines: [{ description: 'Machine rental', quantity: 1, unitPrice: amount, taxRate: 0 }],
      issuedOn: day(-issuedDaysAgo),
    }),
  );
}

/** Places an order as the signed-in customer and has staff confirm and ship it (which bills it). */
export async function shippedOrder(productId: string, quantity = 1) {
  const items = [{ productId, quantity }];
  const quote = await api.trpc.order.quote.query({ items, address: ADDRESS });
  const { order } = await api.trpc.order.place.mutate({
    idempotencyKey: key(),
    items,
    address: ADDRESS,
    expectedTotal: quote.total,
  });
  await as(async () => {
    await api.trpc.staff.order.advance.mutate({ orderId: order.id, to: 'confirmed' });
    await api.trpc.staff.order.advance.mutate({ orderId: order.id, to: 'shipped' });
  });
  return order;
}

/**
 * Captures what the page saves instead of letting the browser download it: each Blob made into
 * an object URL, and the file name of each link clicked to save one.
 */
export function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object: Blob | MediaSource) => {
    if (object instanceof Blob) blobs.push(object);
    return createObjectURL(object);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    names.push(this.download);
  };
  return {
    blobs,
    names,
    restore() {
      URL.createObjectURL = createObjectURL;
      // The anchor's own click hid HTMLElement's; removing it brings that back.
      delete (HTMLAnchorElement.prototype as Partial<HTMLAnchorElement>).click;
    },
  };
}
