import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createPerson } from '../../backend/session/people.ts';
import { ensureCustomerAccount } from '../../backend/account/account.queries.ts';
import { newId } from '../../backend/db/id.ts';
import type { Address } from '../../backend/address/address.schema.ts';
import { startTestPortico, TEST_ORIGIN, TestClient, type TestPortico } from './portico.ts';
import { seedTestCatalog } from './catalog.ts';
import { data, uploaded } from './tickets.ts';
import { publishedArticle, testCategory } from './help.ts';

/** Who calls: nobody, account A's owner and a viewer of it, account B's owner, and staff. */
export const ACTORS = ['signedOut', 'owner', 'viewer', 'customerB', 'agent', 'admin'] as const;
export type ActorName = (typeof ACTORS)[number];

export const PASSWORD = 'correct horse battery';

export interface Person {
  userId: string;
  email: string;
  name: string;
  client: TestClient;
}

/** One customer account with one thing of each kind in it, every text distinctive. */
export interface Side {
  owner: Person;
  account: { id: string; name: string };
  order: { id: string; number: string };
  ticket: { id: string; number: string; subject: string };
  invoice: { id: string; number: string };
  address: { id: string; value: Address };
  uploadId: string;
  /** Pending, to someone outside the account. */
  invitationId: string;
  /** The owner's first chat; later calls may have ended it. */
  conversationId: string;
  /** The owner's current session. */
  sessionId: string;
}

export interface World {
  portico: TestPortico;
  products: Awaited<ReturnType<typeof seedTestCatalog>>;
  a: Side;
  b: Side;
  viewer: Person;
  agent: Person;
  admin: Person;
  /** A customer of a third account whose chats staff pick up, transfer and turn into tickets. */
  chatter: Person;
  /** A customer with no session, for staff to lock and unlock. */
  lockable: { userId: string; accountId: string };
  article: { id: string; slug: string };
}

const ADDRESSES = {
  a: {
    name: 'Olga Aurora',
    company: 'Aurora Bakery',
    line1: 'Maiznieku iela 12',
    line2: '',
    postalCode: 'LV-1001',
    city: 'Rīga',
    region: '',
    country: 'LV',
    phone: '',
  },
  b: {
    name: 'Bertram Quincewood',
    company: 'Quincewood Roasters',
    line1: 'Quincewood Allee 77',
    line2: '',
    postalCode: '10115',
    city: 'Berlin',
    region: '',
    country: 'DE',
    phone: '',
  },
} satisfies Record<string, Address>;

let counter = 0;
/** A name no other call of this process has used: `prefix-7`. */
export const unique = (prefix: string) => `${prefix}-${++counter}`;

export const today = () => new Date().toISOString().slice(0, 10);

/** Who a call made as `actor` acts for: B's owner for B, account A for everyone else. */
export const sideOf = (w: World, actor: ActorName): Side => (actor === 'customerB' ? w.b : w.a);

/** The client of `actor`; signed out is a new client each time, so it never has a cookie. */
export function clientOf(w: World, actor: ActorName): TestClient {
  return personOf(w, actor)?.client ?? w.portico.client();
}

/** The person behind `actor`, or null when signed out. */
export function personOf(w: World, actor: ActorName): Person | null {
  switch (actor) {
    case 'signedOut':
      return null;
    case 'owner':
      return w.a.owner;
    case 'viewer':
      return w.viewer;
    case 'customerB':
      return w.b.owner;
    case 'agent':
      return w.agent;
    case 'admin':
      return w.admin;
  }
}

async function person(
  portico: TestPortico,
  email: string,
  name: string,
  role: 'customer' | 'agent' | 'admin' = 'customer',
): Promise<Person> {
  const client = await portico.personWithSession({ email, name, role, password: PASSWORD });
  const me = data<{ user: { id: string } }>(await client.query('session.me'));
  return { userId: me.user.id, email, name, client };
}

/** Quotes and places one bag of beans to the side's address, as its owner. */
export async function placeOrder(
  w: Pick<World, 'products'>,
  side: Side,
): Promise<{ id: string; number: string }> {
  const items = [{ productId: w.products.beans, quantity: 1 }];
  const address = side.address.value;
  const { total } = data<{ total: number }>(
    await side.owner.client.query('order.quote', { items, address }),
  );
  const placed = await side.owner.client.mutate('order.place', {
    idempotencyKey: randomUUID(),
    items,
    address,
    expectedTotal: total,
  });
  return data<{ order: { id: string; number: string } }>(placed).order;
}

/** A new order of the side that staff have shipped (and so invoiced). */
export async function shippedOrder(w: Pick<World, 'products' | 'admin'>, side: Side) {
  const order = await placeOrder(w, side);
  data(await w.admin.client.mutate('staff.order.advance', { orderId: order.id, to: 'shipped' }));
  return order;
}

export async function newTicket(side: Side, subject = 'A question about beans') {
  return data<{ id: string; number: string; subject: string }>(
    await side.owner.client.mutate('ticket.create', {
      subject,
      kind: 'question',
      body: 'How fresh are they?',
    }),
  );
}

export async function ticketWithStatus(w: World, side: Side, status: 'resolved' | 'closed') {
  const ticket = await newTicket(side);
  data(await w.admin.client.mutate('staff.ticket.setStatus', { ticketId: ticket.id, status }));
  return ticket;
}

/**
 * The client's open chat, started when it has none. Chat messages here name the published help
 * article, so the bot answers and the chat stays open (with nothing to offer and nobody online
 * it would become a ticket at once).
 */
export async function openConversation(client: TestClient): Promise<string> {
  const current = data<{ conversation: { id: string; status: string } | null }>(
    await client.query('chat.current'),
  );
  if (current.conversation && current.conversation.status !== 'ended') {
    return current.conversation.id;
  }
  const started = data<{ conversation: { id: string } }>(
    await client.mutate('chat.start', { message: 'How do I descale the machine?' }),
  );
  return started.conversation.id;
}

/** A chat a new visitor (signed out) has just started. */
export async function visitorConversation(w: World): Promise<string> {
  const started = data<{ conversation: { id: string } }>(
    await w.portico.client().mutate('chat.start', {
      message: 'Descaling question',
      visitor: { name: 'Visiting Vic', email: `${unique('vic')}@visitor.test` },
    }),
  );
  return started.conversation.id;
}

/** A pending invitation from the side's owner to `email`. */
export async function invitation(
  side: Side,
  email = `${unique('guest')}@outside.test`,
  role: 'buyer' | 'viewer' = 'buyer',
) {
  const members = data<{ invitations: { id: string; email: string }[] }>(
    await side.owner.client.mutate('account.invite', {
      email,
      role,
      returnTo: `${TEST_ORIGIN}/account.html`,
    }),
  );
  const found = members.invitations.find((pending) => pending.email === email);
  assert.ok(found, `no invitation to ${email}`);
  return found.id;
}

/** The id of the client's current session. */
export async function currentSession(client: TestClient): Promise<string> {
  const sessions = data<{ id: string; current: boolean }[]>(await client.query('profile.sessions'));
  const current = sessions.find((session) => session.current);
  assert.ok(current, 'no current session');
  return current.id;
}

/** Signs the person in once more, elsewhere; the id of that other session. */
export async function otherSession(person: Person): Promise<string> {
  const client = new TestClient(person.client.baseUrl);
  const response = await client.post('/api/auth/sign-in/email', {
    email: person.email,
    password: PASSWORD,
  });
  assert.ok(response.ok, `sign-in of ${person.email}: ${response.status}`);
  return currentSession(client);
}

/** A new buyer of the side's account, added directly (no mail round trip). */
export async function extraMember(w: World, side: Side): Promise<string> {
  const email = `${unique('member')}@outside.test`;
  const userId = await createPerson(w.portico.services.auth, {
    email,
    name: 'Extra Member',
    role: 'customer',
    password: PASSWORD,
  });
  await w.portico.services.db
    .insertInto('member')
    .values({
      id: newId(),
      organizationId: side.account.id,
      userId,
      role: 'buyer',
      createdAt: new Date().toISOString(),
    })
    .execute();
  return userId;
}

export async function newAddress(side: Side): Promise<string> {
  return data<{ id: string }>(
    await side.owner.client.mutate('address.save', {
      label: unique('Depot'),
      address: side.address.value,
    }),
  ).id;
}

export async function newInvoice(w: Pick<World, 'admin'>, side: Side) {
  return data<{ id: string; number: string }>(
    await w.admin.client.mutate('staff.invoice.create', {
      accountId: side.account.id,
      billTo: side.address.value,
      lines: [{ description: 'Grinder service', quantity: 1, unitPrice: 5000, taxRate: 2100 }],
    }),
  );
}

/** A new help article in the test category, published or a draft, in English and German. */
export async function newArticle(w: World, { published = false, german = false } = {}) {
  const slug = unique('article');
  const { articleId } = data<{ articleId: string }>(
    await w.admin.client.mutate('staff.help.create', {
      slug,
      category: 'testing',
      locale: 'en',
      title: 'Descaling the machine',
      body: 'Run the descaler through twice.',
    }),
  );
  if (german) {
    data(
      await w.admin.client.mutate('staff.help.translate', {
        articleId,
        locale: 'de',
        title: 'Entkalken',
        body: 'Zweimal durchlaufen lassen.',
      }),
    );
  }
  if (published) data(await w.admin.client.mutate('staff.help.publish', { articleId }));
  return articleId;
}

export async function newCanned(w: World) {
  return data<{ id: string }>(
    await w.admin.client.mutate('staff.ticket.canned.save', {
      title: unique('Greeting'),
      body: 'Thanks for writing.',
    }),
  ).id;
}

export async function newStaff(w: World) {
  return data<{ id: string }>(
    await w.admin.client.mutate('staff.settings.people.add', {
      name: 'New Colleague',
      email: `${unique('colleague')}@vendor.test`,
      role: 'agent',
    }),
  ).id;
}

export async function newOrigin(w: World) {
  const origin = `https://${unique('shop')}.example`;
  data(await w.admin.client.mutate('staff.settings.addOrigin', { origin }));
  return origin;
}

async function buildSide(
  w: Pick<World, 'products' | 'admin'>,
  key: 'a' | 'b',
  owner: Person,
  subject: string,
): Promise<Side> {
  const me = data<{ account: { id: string; name: string } }>(
    await owner.client.query('session.me'),
  );
  const value = ADDRESSES[key];
  const address = data<{ id: string }>(
    await owner.client.mutate('address.save', { label: 'Main', isDefault: true, address: value }),
  );
  const side = {
    owner,
    account: me.account,
    address: { id: address.id, value },
  } as Side;
  side.order = await placeOrder(w, side);
  side.ticket = await newTicket(side, subject);
  side.invoice = await newInvoice(w, side);
  side.uploadId = (await uploaded(owner.client, `Notes of ${owner.name}`, 'notes.txt')).id;
  side.invitationId = await invitation(side);
  side.conversationId = await openConversation(owner.client);
  side.sessionId = await currentSession(owner.client);
  return side;
}

/**
 * The real server with two customer accounts (A with an owner and a viewer, B with an owner),
 * an agent, an administrator, and one of everything in each account.
 */
export async function buildWorld(): Promise<World> {
  const portico = await startTestPortico();
  const products = await seedTestCatalog(portico.services);
  const admin = await person(portico, 'ada@vendor.test', 'Ada Admin', 'admin');
  const agent = await person(portico, 'jonas@vendor.test', 'Jonas Agent', 'agent');
  await testCategory(admin.client);
  const slug = 'descaling-guide';
  const articleId = await publishedArticle(admin.client, {
    slug,
    title: 'Descaling your machine',
    body: 'Descale every month; delivery of descaler is free.',
  });
  const ownerA = await person(portico, 'olga@aurora-bakery.test', 'Olga Aurora');
  const ownerB = await person(portico, 'bertram@quincewood.test', 'Bertram Quincewood');
  const a = await buildSide({ products, admin }, 'a', ownerA, 'Aurora oven thermostat');
  const b = await buildSide({ products, admin }, 'b', ownerB, 'Quincewood wand hisses');

  const viewerInvitation = await invitation(a, 'vera@aurora-bakery.test', 'viewer');
  const viewer = await person(portico, 'vera@aurora-bakery.test', 'Vera Viewer');
  data(
    await viewer.client.mutate('account.answerInvitation', {
      invitationId: viewerInvitation,
      accept: true,
    }),
  );

  const chatter = await person(portico, 'chad@chatter.test', 'Chad Chatter');
  const lockableId = await createPerson(portico.services.auth, {
    email: 'lou@lockable.test',
    name: 'Lou Lockable',
    role: 'customer',
    password: PASSWORD,
  });
  const lockableAccount = await ensureCustomerAccount(portico.services.db, {
    id: lockableId,
    name: 'Lou Lockable',
  });
  return {
    portico,
    products,
    a,
    b,
    viewer,
    agent,
    admin,
    chatter,
    lockable: { userId: lockableId, accountId: lockableAccount },
    article: { id: articleId, slug },
  };
}

/** Words and ids only account B has: none may reach anyone outside B (or staff). */
export function distinctive(side: Side): string[] {
  return [
    side.account.id,
    side.account.name,
    side.owner.userId,
    side.owner.email,
    side.order.id,
    side.order.number,
    side.ticket.id,
    side.ticket.number,
    side.ticket.subject,
    side.invoice.id,
    side.invoice.number,
    side.address.id,
    side.address.value.line1,
    side.uploadId,
    side.invitationId,
    side.conversationId,
    side.sessionId,
  ];
}
