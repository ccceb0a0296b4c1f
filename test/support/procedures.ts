import { randomUUID } from 'node:crypto';
import { appRouter } from '../../backend/router.ts';
import { TEST_ORIGIN, type TestClient } from './portico.ts';
import { data } from './tickets.ts';
import { notificationProcedures } from './procedures.notification.ts';
import { noticeProcedures } from './procedures.notice.ts';
import { integrationProcedures } from './procedures.integration.ts';
import {
  extraMember,
  invitation,
  newAddress,
  newArticle,
  newCanned,
  newInvoice,
  newOrigin,
  newStaff,
  newTicket,
  openConversation,
  otherSession,
  personOf,
  placeOrder,
  shippedOrder,
  sideOf,
  ticketWithStatus,
  today,
  unique,
  visitorConversation,
  type ActorName,
  type World,
} from './world.ts';

export type Kind = 'query' | 'mutation' | 'subscription';

/**
 * Who may call, as the procedure's base says:
 * - `public`: anyone; `party`: the customer side of a chat (visitors and customers, not staff);
 * - `customer`: a customer in an account; `buyer`: not a viewer; `owner`: the account's owner;
 * - `signedIn`: anyone signed in; `staff`: agents and administrators; `admin`: administrators.
 */
export type Access =
  'public' | 'party' | 'customer' | 'buyer' | 'owner' | 'signedIn' | 'staff' | 'admin';

/** `OK` or the tRPC error code a call answers. */
export type Outcome =
  | 'OK'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_REQUEST'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED';

type Build = (w: World, actor: ActorName) => unknown;

export interface Entry {
  kind: Kind;
  access: Access;
  /**
   * A valid input for `actor` (an allowed one; refused actors get the same shape), naming that
   * actor's own objects, new ones when the call uses them up. Left out: the procedure has none.
   */
  input?: Build;
  /**
   * Inputs naming account B's objects that A's owner sends: each answers NOT_FOUND, as a
   * missing object would, unless wrapped in `Refused` with another answer.
   */
  foreign?: (w: World) => unknown[] | Promise<unknown[]>;
  /** Answers that differ from what `access` gives: a rule of the domain, not of access. */
  expect?: Partial<Record<ActorName, Outcome>>;
  /** Runs after all others: the call changes who the actor is (a viewer leaves the account). */
  last?: boolean;
  /**
   * A known open fault: the mutation declares no input, so it ignores whatever is sent and
   * runs. Says where it is to be fixed; the tests that would fail on it are `todo` meanwhile.
   */
  ignoresInput?: string;
}

/** A foreign input that answers something other than NOT_FOUND. */
export class Refused {
  readonly answer: Outcome;
  readonly input: unknown;
  constructor(answer: Outcome, input: unknown) {
    this.answer = answer;
    this.input = input;
  }
}

/** A file for `file.upload`, sent as multipart form data with any extra form fields. */
export class Upload {
  readonly bytes: string;
  readonly name: string;
  readonly fields: Record<string, string>;
  constructor(bytes: string, name: string, fields: Record<string, string> = {}) {
    this.bytes = bytes;
    this.name = name;
    this.fields = fields;
  }
}

const customer = (actor: ActorName) =>
  actor === 'owner' || actor === 'viewer' || actor === 'customerB';

/** The chat `actor` writes in: its own open one, or A's first (for those who are refused). */
const chatOf = async (w: World, actor: ActorName) =>
  customer(actor) ? openConversation(personOf(w, actor)!.client) : w.a.conversationId;

/** `{ cursor }` of the list's second page (a page of one), or nothing when there is none. */
async function secondPage(client: TestClient, path: string, input: object = {}) {
  const first = data<{ nextCursor: string | null }>(
    await client.query(path, { ...input, limit: 1 }),
  );
  return first.nextCursor ? { cursor: first.nextCursor } : {};
}

const ticketInput = (subject = 'Where is my grinder?') => ({
  subject,
  kind: 'question',
  body: 'It was due on Monday.',
});
const cart = (w: World) => [{ productId: w.products.beans, quantity: 1 }];
const invoiceLines = [{ description: 'Descaling visit', quantity: 1, unitPrice: 4000, taxRate: 0 }];

/** Every procedure of `appRouter`; a meta-test fails on any missing here or listed but gone. */
export const PROCEDURES: Record<string, Entry> = {
  'portal.settings': { kind: 'query', access: 'public' },
  'session.me': { kind: 'query', access: 'public' },

  'catalog.list': {
    kind: 'query',
    access: 'public',
    input: () => ({ query: 'beans', locale: 'en', limit: 5 }),
  },
  'catalog.byId': { kind: 'query', access: 'public', input: (w) => ({ id: w.products.beans }) },
  'catalog.byIds': { kind: 'query', access: 'public', input: (w) => ({ ids: [w.products.beans] }) },
  'catalog.categories': { kind: 'query', access: 'public', input: () => ({ locale: 'en' }) },

  'help.search': {
    kind: 'query',
    access: 'public',
    input: () => ({ q: 'descale', locale: 'en', limit: 5 }),
  },
  'help.suggest': { kind: 'query', access: 'public', input: () => ({ text: 'descaler' }) },
  'help.article': { kind: 'query', access: 'public', input: (w) => ({ slug: w.article.slug }) },
  'help.categories': { kind: 'query', access: 'public', input: () => ({}) },
  'help.feedback': {
    kind: 'mutation',
    access: 'public',
    input: (w) => ({
      slug: w.article.slug,
      locale: 'en',
      helpful: true,
      visitor: 'browser-key-0123456789',
    }),
  },

  'chat.availability': { kind: 'query', access: 'public' },
  'chat.current': { kind: 'query', access: 'party', expect: { signedOut: 'OK' } },
  'chat.start': {
    kind: 'mutation',
    access: 'party',
    expect: { signedOut: 'OK' },
    input: (_w, actor) =>
      actor === 'signedOut'
        ? {
            message: 'Descaling help?',
            visitor: { name: 'Visiting Vic', email: `${unique('vic')}@visitor.test` },
          }
        : { message: 'And how often should I descale?' },
  },
  'chat.send': {
    kind: 'mutation',
    access: 'party',
    input: async (w, actor) => ({
      conversationId: await chatOf(w, actor),
      body: 'Descale how often?',
    }),
    foreign: async (w) => [
      { conversationId: w.b.conversationId, body: 'Descale?' },
      new Refused('BAD_REQUEST', {
        conversationId: await openConversation(w.a.owner.client),
        body: 'Descaler photo',
        attachmentIds: [w.b.uploadId],
      }),
    ],
  },
  'chat.history': {
    kind: 'query',
    access: 'party',
    input: async (w, actor) => ({ conversationId: await chatOf(w, actor) }),
    foreign: (w) => [{ conversationId: w.b.conversationId }],
  },
  'chat.typing': {
    kind: 'mutation',
    access: 'party',
    input: async (w, actor) => ({ conversationId: await chatOf(w, actor), typing: true }),
    foreign: (w) => [{ conversationId: w.b.conversationId, typing: true }],
  },
  'chat.markRead': {
    kind: 'mutation',
    access: 'party',
    input: async (w, actor) => ({ conversationId: await chatOf(w, actor), upTo: 1 }),
    foreign: (w) => [{ conversationId: w.b.conversationId, upTo: 1 }],
  },
  'chat.queue': {
    kind: 'mutation',
    access: 'party',
    input: async (w, actor) => ({ conversationId: await chatOf(w, actor) }),
    foreign: (w) => [{ conversationId: w.b.conversationId }],
  },
  'chat.resolve': {
    kind: 'mutation',
    access: 'party',
    input: async (w, actor) => ({ conversationId: await chatOf(w, actor) }),
    foreign: (w) => [{ conversationId: w.b.conversationId }],
  },
  'chat.end': {
    kind: 'mutation',
    access: 'party',
    input: async (w, actor) => ({ conversationId: await chatOf(w, actor) }),
    foreign: (w) => [{ conversationId: w.b.conversationId }],
  },
  'chat.onEvent': {
    kind: 'subscription',
    access: 'party',
    input: async (w, actor) => ({ conversationId: await chatOf(w, actor) }),
    foreign: (w) => [{ conversationId: w.b.conversationId }],
  },

  'file.upload': {
    kind: 'mutation',
    access: 'signedIn',
    input: () => new Upload('Serial number 4711\n', 'serial.txt'),
  },

  'address.list': { kind: 'query', access: 'customer' },
  'address.save': {
    kind: 'mutation',
    access: 'buyer',
    input: (w, actor) => {
      const { address } = sideOf(w, actor);
      return { id: address.id, label: 'Main', isDefault: true, address: address.value };
    },
    foreign: (w) => [{ id: w.b.address.id, label: 'Mine now', address: w.a.address.value }],
  },
  'address.remove': {
    kind: 'mutation',
    access: 'buyer',
    input: async (w, actor) => ({ id: await newAddress(sideOf(w, actor)) }),
    foreign: (w) => [{ id: w.b.address.id }],
  },

  'order.quote': {
    kind: 'query',
    access: 'buyer',
    input: (w, actor) => ({ items: cart(w), address: sideOf(w, actor).address.value }),
  },
  'order.place': {
    kind: 'mutation',
    access: 'buyer',
    input: async (w, actor) => {
      const { address, owner } = sideOf(w, actor);
      const items = cart(w);
      const quote = await owner.client.query('order.quote', { items, address: address.value });
      return {
        idempotencyKey: randomUUID(),
        items,
        address: address.value,
        expectedTotal: data<{ total: number }>(quote).total,
      };
    },
  },
  'order.list': {
    kind: 'query',
    access: 'customer',
    input: async (w, actor) => ({
      status: ['placed', 'confirmed'],
      from: '2020-01-01',
      to: today(),
      query: 'beans',
      limit: 10,
      ...(await secondPage(sideOf(w, actor).owner.client, 'order.list')),
    }),
  },
  'order.byId': {
    kind: 'query',
    access: 'customer',
    input: (w, actor) => ({ orderId: sideOf(w, actor).order.id }),
    foreign: (w) => [{ orderId: w.b.order.id }],
  },
  'order.byNumber': {
    kind: 'query',
    access: 'customer',
    input: (w, actor) => ({ number: sideOf(w, actor).order.number }),
    foreign: (w) => [{ number: w.b.order.number }],
  },
  'order.changeAddress': {
    kind: 'mutation',
    access: 'buyer',
    input: (w, actor) => {
      const side = sideOf(w, actor);
      return { orderId: side.order.id, address: side.address.value };
    },
    foreign: (w) => [{ orderId: w.b.order.id, address: w.a.address.value }],
  },
  'order.cancel': {
    kind: 'mutation',
    access: 'buyer',
    input: async (w, actor) => ({ orderId: (await placeOrder(w, sideOf(w, actor))).id }),
    foreign: (w) => [{ orderId: w.b.order.id, reason: 'Not mine' }],
  },
  'order.reorder': {
    kind: 'mutation',
    access: 'buyer',
    input: (w, actor) => ({ orderId: sideOf(w, actor).order.id }),
    foreign: (w) => [{ orderId: w.b.order.id }],
  },

  'account.summary': { kind: 'query', access: 'customer' },
  'account.memberships': { kind: 'query', access: 'customer' },
  'account.members': { kind: 'query', access: 'customer' },
  'account.invitations': { kind: 'query', access: 'customer' },
  'account.switch': {
    kind: 'mutation',
    access: 'customer',
    input: (w, actor) => ({ accountId: sideOf(w, actor).account.id }),
    foreign: (w) => [{ accountId: w.b.account.id }],
  },
  'account.invite': {
    kind: 'mutation',
    access: 'owner',
    input: () => ({
      email: `${unique('invitee')}@outside.test`,
      role: 'buyer',
      returnTo: `${TEST_ORIGIN}/account.html`,
    }),
  },
  'account.cancelInvitation': {
    kind: 'mutation',
    access: 'owner',
    input: async (w, actor) => ({ invitationId: await invitation(sideOf(w, actor)) }),
    foreign: (w) => [{ invitationId: w.b.invitationId }],
  },
  'account.setRole': {
    kind: 'mutation',
    access: 'owner',
    input: async (w, actor) => ({ userId: await extraMember(w, sideOf(w, actor)), role: 'viewer' }),
    foreign: (w) => [{ userId: w.b.owner.userId, role: 'viewer' }],
  },
  'account.removeMember': {
    kind: 'mutation',
    access: 'owner',
    input: async (w, actor) => ({ userId: await extraMember(w, sideOf(w, actor)) }),
    foreign: (w) => [{ userId: w.b.owner.userId }],
  },
  'account.leave': {
    kind: 'mutation',
    access: 'customer',
    // Each account's only owner stays; the viewer leaves A, so this runs last.
    expect: { owner: 'PRECONDITION_FAILED', customerB: 'PRECONDITION_FAILED' },
    last: true,
  },
  'account.answerInvitation': {
    kind: 'mutation',
    access: 'customer',
    input: async (w, actor) => {
      const person = personOf(w, actor);
      if (!customer(actor) || !person) return { invitationId: w.b.invitationId, accept: false };
      const inviter = actor === 'customerB' ? w.a : w.b;
      return { invitationId: await invitation(inviter, person.email), accept: false };
    },
    foreign: (w) => [{ invitationId: w.b.invitationId, accept: true }],
  },
  'account.setSecondFactorRule': {
    kind: 'mutation',
    access: 'owner',
    input: () => ({ required: false }),
  },

  'profile.get': { kind: 'query', access: 'customer' },
  'profile.update': {
    kind: 'mutation',
    access: 'customer',
    input: (w, actor) => ({ name: personOf(w, actor)?.name ?? 'Nobody' }),
  },
  'profile.sessions': { kind: 'query', access: 'customer' },
  'profile.revokeSession': {
    kind: 'mutation',
    access: 'customer',
    input: async (w, actor) => ({
      sessionId: customer(actor) ? await otherSession(personOf(w, actor)!) : 'no-such-session',
    }),
    foreign: (w) => [{ sessionId: w.b.sessionId }],
  },
  'profile.revokeOtherSessions': { kind: 'mutation', access: 'customer' },
  'profile.security': { kind: 'query', access: 'signedIn' },
  'profile.securityEvents': { kind: 'query', access: 'signedIn', input: () => ({ limit: 5 }) },

  'invoice.list': {
    kind: 'query',
    access: 'customer',
    input: async (w, actor) => ({
      status: 'open',
      limit: 10,
      ...(await secondPage(sideOf(w, actor).owner.client, 'invoice.list')),
    }),
  },
  'invoice.byId': {
    kind: 'query',
    access: 'customer',
    input: (w, actor) => ({ invoiceId: sideOf(w, actor).invoice.id }),
    foreign: (w) => [{ invoiceId: w.b.invoice.id }],
  },
  'payment.list': { kind: 'query', access: 'customer', input: () => ({ limit: 10 }) },

  'ticket.create': {
    kind: 'mutation',
    access: 'customer',
    input: () => ticketInput(),
    foreign: (w) => [
      { ...ticketInput(), orderId: w.b.order.id },
      new Refused('BAD_REQUEST', { ...ticketInput(), attachmentIds: [w.b.uploadId] }),
    ],
  },
  'ticket.list': {
    kind: 'query',
    access: 'customer',
    input: async (w, actor) => ({
      status: ['open', 'pending'],
      priority: ['normal'],
      query: 'oven',
      limit: 10,
      ...(await secondPage(sideOf(w, actor).owner.client, 'ticket.list')),
    }),
  },
  'ticket.byId': {
    kind: 'query',
    access: 'customer',
    input: (w, actor) => ({ ticketId: sideOf(w, actor).ticket.id }),
    foreign: (w) => [{ ticketId: w.b.ticket.id }],
  },
  'ticket.markRead': {
    kind: 'mutation',
    access: 'customer',
    input: (w, actor) => ({ ticketId: sideOf(w, actor).ticket.id }),
    foreign: (w) => [{ ticketId: w.b.ticket.id }],
  },
  'ticket.reply': {
    kind: 'mutation',
    access: 'customer',
    input: (w, actor) => ({ ticketId: sideOf(w, actor).ticket.id, body: 'Any news?' }),
    foreign: (w) => [
      { ticketId: w.b.ticket.id, body: 'Any news?' },
      new Refused('BAD_REQUEST', {
        ticketId: w.a.ticket.id,
        body: 'Here it is',
        attachmentIds: [w.b.uploadId],
      }),
    ],
  },
  'ticket.close': {
    kind: 'mutation',
    access: 'customer',
    input: async (w, actor) => ({ ticketId: (await newTicket(sideOf(w, actor))).id }),
    foreign: (w) => [{ ticketId: w.b.ticket.id }],
  },
  'ticket.reopen': {
    kind: 'mutation',
    access: 'customer',
    input: async (w, actor) => ({
      ticketId: (await ticketWithStatus(w, sideOf(w, actor), 'closed')).id,
    }),
    foreign: (w) => [{ ticketId: w.b.ticket.id }],
  },
  'ticket.rate': {
    kind: 'mutation',
    access: 'customer',
    input: async (w, actor) => ({
      ticketId: (await ticketWithStatus(w, sideOf(w, actor), 'resolved')).id,
      rating: 5,
    }),
    foreign: (w) => [{ ticketId: w.b.ticket.id, rating: 1 }],
  },
  'ticket.setTags': {
    kind: 'mutation',
    access: 'customer',
    input: (w, actor) => ({ ticketId: sideOf(w, actor).ticket.id, tags: ['oven'] }),
    foreign: (w) => [{ ticketId: w.b.ticket.id, tags: ['mine'] }],
  },
  'ticket.onUpdate': {
    kind: 'subscription',
    access: 'customer',
    input: (w, actor) => ({ ticketId: sideOf(w, actor).ticket.id }),
    foreign: (w) => [{ ticketId: w.b.ticket.id }],
  },

  ...staffProcedures(),
  ...notificationProcedures(),
  ...noticeProcedures(),
  ...integrationProcedures(),
};

function staffProcedures(): Record<string, Entry> {
  const staff = (kind: Kind, input?: Build): Entry => ({ kind, access: 'staff', input });
  const admin = (kind: Kind, input?: Build): Entry => ({ kind, access: 'admin', input });
  const ticketA = (w: World) => w.a.ticket.id;
  return {
    'staff.portal.update': admin('mutation', async (w) => {
      const settings = await w.admin.client.query('staff.settings.get');
      return data<{ portal: object }>(settings).portal;
    }),

    'staff.order.list': staff('query', (w) => ({
      accountId: w.a.account.id,
      query: 'beans',
      sort: 'oldest',
      limit: 10,
    })),
    'staff.order.byId': staff('query', (w) => ({ orderId: w.a.order.id })),
    'staff.order.advance': staff('mutation', async (w) => ({
      orderId: (await placeOrder(w, w.a)).id,
      to: 'confirmed',
    })),
    'staff.order.setTracking': staff('mutation', async (w) => ({
      orderId: (await shippedOrder(w, w.a)).id,
      trackingNumber: 'PARCEL-4711',
    })),
    'staff.order.changeAddress': staff('mutation', (w) => ({
      orderId: w.a.order.id,
      address: w.a.address.value,
    })),
    'staff.order.cancel': staff('mutation', async (w) => ({
      orderId: (await placeOrder(w, w.a)).id,
      reason: 'Out of stock',
    })),
    'staff.order.onUpdate': staff('subscription', () => ({})),

    'staff.account.summary': staff('query', (w) => ({ accountId: w.a.account.id })),
    'staff.account.search': staff('query', () => ({ query: 'Aurora' })),
    'staff.account.statement': staff('query', (w) => ({
      accountId: w.a.account.id,
      from: '2026-01-01',
      to: today(),
    })),

    'staff.invoice.list': staff('query', () => ({ status: 'open', query: 'Aurora', limit: 10 })),
    'staff.invoice.byId': staff('query', (w) => ({ invoiceId: w.a.invoice.id })),
    'staff.invoice.create': staff('mutation', (w) => ({
      accountId: w.a.account.id,
      billTo: w.a.address.value,
      lines: invoiceLines,
    })),
    'staff.invoice.issueForOrder': staff('mutation', async (w) => {
      const order = await shippedOrder(w, w.a);
      const invoices = data<{ items: { id: string; orderNumber: string | null }[] }>(
        await w.admin.client.query('staff.invoice.list', { accountId: w.a.account.id, limit: 50 }),
      );
      const first = invoices.items.find((invoice) => invoice.orderNumber === order.number)!;
      data(
        await w.admin.client.mutate('staff.invoice.void', { invoiceId: first.id, reason: 'Typo' }),
      );
      return { orderId: order.id };
    }),
    'staff.invoice.billableOrders': staff('query', (w) => ({ accountId: w.a.account.id })),
    'staff.invoice.void': staff('mutation', async (w) => ({
      invoiceId: (await newInvoice(w, w.a)).id,
      reason: 'Billed twice',
    })),

    'staff.payment.list': staff('query', (w) => ({ accountId: w.a.account.id, limit: 10 })),
    'staff.payment.post': staff('mutation', (w) => ({
      accountId: w.a.account.id,
      amount: 1000,
      receivedOn: today(),
      method: 'bank_transfer',
      idempotencyKey: randomUUID(),
    })),
    'staff.creditNote.list': staff('query', (w) => ({ accountId: w.a.account.id })),
    'staff.creditNote.create': staff('mutation', (w) => ({
      accountId: w.a.account.id,
      amount: 500,
      reason: 'Goodwill',
    })),

    'staff.ticket.list': staff('query', (w) => ({
      accountId: w.a.account.id,
      assignee: 'none',
      kind: ['question', 'complaint'],
      sort: 'waiting',
      unreadOnly: false,
      waitingLongerThan: 1,
      limit: 10,
    })),
    'staff.ticket.byId': staff('query', (w) => ({ ticketId: ticketA(w) })),
    'staff.ticket.markRead': staff('mutation', (w) => ({ ticketId: ticketA(w) })),
    'staff.ticket.reply': staff('mutation', (w) => ({
      ticketId: ticketA(w),
      body: 'We are on it.',
      status: 'open',
    })),
    'staff.ticket.note': staff('mutation', (w) => ({ ticketId: ticketA(w), body: 'Call back.' })),
    'staff.ticket.setStatus': staff('mutation', (w) => ({ ticketId: ticketA(w), status: 'open' })),
    'staff.ticket.setPriority': staff('mutation', (w) => ({
      ticketId: ticketA(w),
      priority: 'normal',
    })),
    'staff.ticket.assign': staff('mutation', (w) => ({ ticketId: ticketA(w), assigneeId: null })),
    'staff.ticket.setTags': staff('mutation', (w) => ({ ticketId: ticketA(w), tags: ['oven'] })),
    'staff.ticket.merge': staff('mutation', async (w) => ({
      ticketId: (await newTicket(w.a)).id,
      intoTicketId: (await newTicket(w.a)).id,
    })),
    'staff.ticket.agents': staff('query'),
    'staff.ticket.canned.list': staff('query'),
    'staff.ticket.canned.save': staff('mutation', () => ({
      title: unique('Thanks'),
      body: 'Thank you for waiting.',
    })),
    'staff.ticket.canned.remove': staff('mutation', async (w) => ({ id: await newCanned(w) })),
    'staff.ticket.onUpdate': staff('subscription', () => ({})),

    'staff.help.list': staff('query', () => ({
      status: 'published',
      q: 'descale',
      locale: 'en',
      limit: 10,
    })),
    'staff.help.byId': staff('query', (w) => ({ articleId: w.article.id })),
    'staff.help.create': staff('mutation', () => ({
      slug: unique('draft'),
      category: 'testing',
      locale: 'en',
      title: 'Milk frothing',
      body: 'Use cold milk.',
    })),
    'staff.help.edit': staff('mutation', (w) => ({ articleId: w.article.id, position: 1 })),
    'staff.help.translate': staff('mutation', (w) => ({
      articleId: w.article.id,
      locale: 'de',
      title: 'Entkalken',
      body: 'Jeden Monat.',
    })),
    'staff.help.removeTranslation': staff('mutation', async (w) => ({
      articleId: await newArticle(w, { german: true }),
      locale: 'de',
    })),
    'staff.help.publish': staff('mutation', async (w) => ({ articleId: await newArticle(w) })),
    'staff.help.unpublish': staff('mutation', async (w) => ({
      articleId: await newArticle(w, { published: true }),
    })),
    'staff.help.delete': staff('mutation', async (w) => ({ articleId: await newArticle(w) })),
    'staff.help.preview': staff('query', () => ({ body: '# Descaling\n\nTwice.' })),
    'staff.help.insights': staff('query', () => ({ locale: 'en', unhelpfulBy: 'count', limit: 5 })),
    'staff.help.categories': staff('query'),
    'staff.help.saveCategory': staff('mutation', () => ({
      slug: 'testing',
      position: 9,
      names: { en: { name: 'Testing', description: 'Articles the tests write' } },
    })),

    'staff.chat.queue': staff('query'),
    'staff.chat.byId': staff('query', (w) => ({ conversationId: w.a.conversationId })),
    'staff.chat.history': staff('query', (w) => ({ conversationId: w.a.conversationId })),
    'staff.chat.pickUp': staff('mutation', async (w) => ({
      conversationId: await visitorConversation(w),
    })),
    'staff.chat.transfer': staff('mutation', async (w, actor) => ({
      conversationId: await visitorConversation(w),
      agentId: actor === 'agent' ? w.admin.userId : w.agent.userId,
    })),
    'staff.chat.send': staff('mutation', async (w) => ({
      conversationId: await visitorConversation(w),
      body: 'Hello, Jonas here.',
    })),
    'staff.chat.typing': staff('mutation', (w) => ({
      conversationId: w.a.conversationId,
      typing: true,
    })),
    'staff.chat.markRead': staff('mutation', (w) => ({
      conversationId: w.a.conversationId,
      upTo: 1,
    })),
    'staff.chat.end': staff('mutation', async (w) => ({
      conversationId: await visitorConversation(w),
    })),
    'staff.chat.toTicket': staff('mutation', async (w) => ({
      conversationId: await openConversation(w.chatter.client),
    })),
    'staff.chat.setAway': staff('mutation', () => ({ away: false })),
    'staff.chat.onEvent': staff('subscription', () => ({})),

    'staff.customer.search': staff('query', async (w) => ({
      query: 'o',
      limit: 1,
      ...(await secondPage(w.admin.client, 'staff.customer.search', { query: 'o' })),
    })),
    'staff.customer.byId': staff('query', (w) => ({ accountId: w.a.account.id })),
    'staff.customer.invite': staff('mutation', (w) => ({
      accountId: w.a.account.id,
      email: `${unique('staff-invitee')}@outside.test`,
      role: 'viewer',
    })),
    'staff.customer.cancelInvitation': staff('mutation', async (w) => ({
      accountId: w.a.account.id,
      invitationId: await invitation(w.a),
    })),
    'staff.customer.lock': staff('mutation', (w) => ({ ...w.lockable, reason: 'Chargeback' })),
    'staff.customer.unlock': staff('mutation', (w) => ({ ...w.lockable })),

    'staff.report.overview': staff('query', () => ({ days: 7 })),

    'staff.settings.get': admin('query'),
    'staff.settings.addOrigin': admin('mutation', () => ({
      origin: `https://${unique('outlet')}.example`,
    })),
    'staff.settings.removeOrigin': admin('mutation', async (w) => ({ origin: await newOrigin(w) })),
    'staff.settings.people.list': admin('query'),
    'staff.settings.people.add': admin('mutation', () => ({
      name: 'Nina New',
      email: `${unique('nina')}@vendor.test`,
      role: 'agent',
    })),
    'staff.settings.people.setRole': admin('mutation', async (w) => ({
      userId: await newStaff(w),
      role: 'admin',
    })),
    'staff.settings.people.remove': admin('mutation', async (w) => ({
      userId: await newStaff(w),
    })),
    'staff.settings.testMail': admin('mutation'),
  };
}

/** What `actor` must get from a call with a valid input, by the entry's access. */
export function expectedOutcome(entry: Entry, actor: ActorName): Outcome {
  const override = entry.expect?.[actor];
  if (override) return override;
  const staff = actor === 'agent' || actor === 'admin';
  switch (entry.access) {
    case 'public':
      return 'OK';
    case 'party':
      return staff ? 'FORBIDDEN' : actor === 'signedOut' ? 'NOT_FOUND' : 'OK';
    case 'signedIn':
      return actor === 'signedOut' ? 'UNAUTHORIZED' : 'OK';
    case 'customer':
    case 'buyer':
    case 'owner':
      if (actor === 'signedOut') return 'UNAUTHORIZED';
      if (staff) return 'FORBIDDEN';
      return actor === 'viewer' && entry.access !== 'customer' ? 'FORBIDDEN' : 'OK';
    case 'staff':
    case 'admin':
      if (actor === 'signedOut') return 'UNAUTHORIZED';
      if (!staff) return 'FORBIDDEN';
      return actor === 'agent' && entry.access === 'admin' ? 'FORBIDDEN' : 'OK';
  }
}

/** The actor a procedure is exercised as when one caller is enough: an admin for staff ones. */
export const primaryActor = (entry: Entry): ActorName =>
  entry.access === 'staff' || entry.access === 'admin' ? 'admin' : 'owner';

/** Every procedure of the router with its kind, as tRPC lists them. */
export function routerProcedures(): { path: string; kind: Kind }[] {
  const procedures = (
    appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: Kind } }> } }
  )._def.procedures;
  return Object.entries(procedures).map(([path, procedure]) => ({
    path,
    kind: procedure._def.type,
  }));
}
