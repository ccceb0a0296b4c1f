import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Services } from '../services.ts';
import type { Db } from '../db/database.ts';
import { timestamp } from '../db/clock.ts';
import type { Address } from '../address/address.schema.ts';
import { placeOrder, quoteCart } from '../order/order.place.ts';
import { advanceOrder, cancelOrder, type Actor } from '../order/order.lifecycle.ts';
import { addMessage, createTicket, type TicketActor } from '../ticket/ticket.write.ts';
import { rateTicket, setStatus } from '../ticket/ticket.change.ts';
import type { TicketKind, TicketPriority } from '../ticket/ticket.tables.ts';
import type { ChatParty } from '../chat/chat.party.ts';
import {
  endConversation,
  pickUp,
  queueForAgent,
  sendMessage,
  startConversation,
} from '../chat/chat.flow.ts';
import { DEMO_CUSTOMERS } from './demo.orders.ts';
import { DEMO_TICKET_CATEGORIES } from './demo.tickets.ts';

/** Everyone but Anna, the demo sign-in, whose inbox and orders stay the few the tour shows. */
const HISTORY_CUSTOMERS = DEMO_CUSTOMERS.slice(1);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Moves the times a run of changes wrote to the times they should seem to have happened. Each
 * `step` closes one change: every time written since the previous step belongs to it (the clock
 * is strictly increasing, so steps never overlap). `apply` rewrites one entity's rows.
 */
class Backdating {
  private readonly steps: { until: string; at: string }[] = [];

  step(at: number): void {
    this.steps.push({ until: timestamp(), at: new Date(at).toISOString() });
  }

  async apply(db: Db, table: string, key: string, id: string, columns: readonly string[]) {
    for (const column of columns) {
      let from = '';
      for (const { until, at } of this.steps) {
        const [ref, keyRef] = [sql.ref(column), sql.ref(key)];
        await sql`update ${sql.table(table)} set ${ref} = ${at}
          where ${keyRef} = ${id} and ${ref} >= ${from} and ${ref} < ${until}`.execute(db);
        from = until;
      }
    }
  }
}

/** A small seeded generator, so every demo database gets the same history. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

// Subject, kind, category and the customer's words.
const TICKETS: [string, TicketKind, string, string][] = [
  ['Grinder is louder than usual', 'question', 'Machines and repairs', 'It rattles since today.'],
  ['Milk delivery came a day late', 'complaint', 'Delivery', 'Oat milk came on Thursday.'],
  ['Invoice shows the wrong VAT number', 'concern', 'Billing', 'It is our old VAT number.'],
  ['Can we get decaf in 500 g bags?', 'question', 'Product quality', '1 kg is too much for us.'],
  ['Cups arrived crushed', 'complaint', 'Delivery', 'One carton was crushed at the corner.'],
  ['Descaling the espresso machine', 'question', 'Machines and repairs', 'How often, please?'],
  ['Beans taste more bitter', 'concern', 'Product quality', 'The house blend tastes darker.'],
  ['Payment reminder although we paid', 'complaint', 'Billing', 'We paid on the 3rd.'],
  ['Change our delivery day', 'question', 'Delivery', 'Could deliveries come on Mondays?'],
  ['Steam wand drips', 'concern', 'Machines and repairs', 'It drips after we close it.'],
];

const ANSWERS = [
  'Thank you for telling us. We have sorted it out; details are below.',
  'Sorry about that. A replacement is on its way with the next delivery.',
  'Good question: every two to three months with your water hardness.',
  'We have corrected it and sent you a new document.',
];

const CHAT_OPENERS = [
  'Hi, is the Colombian single origin back in stock?',
  'Can I still add milk to tomorrow’s delivery?',
  'Our card payment failed, can you check?',
  'Do you have a spare gasket for the group head?',
];

/** The setting that says the history is there. */
const HISTORY_MARK = 'demo-history';

/**
 * The demo vendor's last 30 days, so the staff reports have something to draw: tickets answered
 * after minutes or hours, most resolved and many rated; chats that waited for an agent or were
 * left; orders on most days. Everything goes through the same code the portal uses and is then
 * dated back. Needs the demo customers, catalog and agent (`seedDemoOrders`, `seedDemoTickets`);
 * answers come from `agentEmail`, or from the first agent.
 */
export async function seedDemoHistory(services: Services, agentEmail?: string): Promise<void> {
  const { db } = services;
  // Once only: a data folder that catches up from an older demo version already has its month.
  const done = await db
    .selectFrom('setting')
    .select('key')
    .where('key', '=', HISTORY_MARK)
    .executeTakeFirst();
  if (done) return;
  // The given agent, or the first one there is.
  const agent = await db
    .selectFrom('user')
    .select(['id', 'name'])
    .$if(agentEmail !== undefined, (query) => query.where('email', '=', agentEmail!))
    .where('role', 'in', ['agent', 'admin'])
    .orderBy('createdAt')
    .limit(1)
    .executeTakeFirst();
  const customers = await db
    .selectFrom('member')
    .innerJoin('user', 'user.id', 'member.userId')
    .select(['user.id', 'user.name', 'user.email', 'member.organizationId as accountId'])
    .where(
      'user.email',
      'in',
      HISTORY_CUSTOMERS.map((customer) => customer.email),
    )
    .execute();
  if (!agent || customers.length === 0) return;
  const random = generator(20261122);
  const now = Date.now();
  // Nothing is dated later than a few minutes ago.
  const past = (at: number) => Math.min(at, now - 5 * MINUTE);

  services.chat.agentConnected(agent.id);
  try {
    for (let daysAgo = 29; daysAgo >= 1; daysAgo--) {
      const dayStart = Math.floor((now - daysAgo * DAY) / DAY) * DAY;
      const weekend = [0, 6].includes(new Date(dayStart).getUTCDay());
      for (let n = random.int(weekend ? 0 : 1, weekend ? 2 : 4); n > 0; n--) {
        const opened = dayStart + 7 * HOUR + random.int(0, 10 * 60) * MINUTE;
        await historyTicket(services, random, agent, random.pick(customers), opened, past);
      }
      for (let n = random.int(weekend ? 0 : 1, weekend ? 1 : 4); n > 0; n--) {
        const started = dayStart + 8 * HOUR + random.int(0, 9 * 60) * MINUTE;
        await historyChat(services, random, agent, random.pick(customers), started);
      }
      for (let n = random.int(weekend ? 0 : 1, 3); n > 0; n--) {
        const placed = dayStart + 6 * HOUR + random.int(0, 14 * 60) * MINUTE;
        await historyOrder(
          services,
          random,
          random.int(0, HISTORY_CUSTOMERS.length - 1),
          placed,
          past,
        );
      }
    }
  } finally {
    services.chat.agentDisconnected(agent.id, () => {});
  }
  await db.insertInto('setting').values({ key: HISTORY_MARK, value: 'true' }).execute();
}

type Random = ReturnType<typeof generator>;
interface Person {
  id: string;
  name: string;
  email: string;
  accountId: string;
}

async function historyTicket(
  services: Services,
  random: Random,
  agent: { id: string; name: string },
  person: Person,
  opened: number,
  past: (at: number) => number,
) {
  const { db } = services;
  const [subject, kind, category, body] = random.pick(TICKETS);
  const customer: TicketActor = { id: person.id, name: person.name, role: 'customer' };
  const staff: TicketActor = { id: agent.id, name: agent.name, role: 'staff' };
  const reader = { kind: 'staff', userId: agent.id } as const;
  const dates = new Backdating();
  const priority: TicketPriority = random.pick(['low', 'normal', 'normal', 'high', 'urgent']);
  const { ticketId } = await createTicket(db, person.accountId, customer, {
    subject,
    kind,
    category: DEMO_TICKET_CATEGORIES.includes(category) ? category : undefined,
    priority,
    tags: [],
    body,
    attachmentIds: [],
  });
  dates.step(opened);
  if (random.chance(0.85)) {
    const answered = past(opened + random.pick([4, 10, 18, 30, 45, 70, 120, 200, 360]) * MINUTE);
    const resolveNow = random.chance(0.5);
    await addMessage(db, reader, staff, ticketId, {
      body: random.pick(ANSWERS),
      attachmentIds: [],
      status: resolveNow ? 'resolved' : 'pending',
    });
    dates.step(answered);
    let resolved = resolveNow ? answered : null;
    const later = answered + random.int(1, 40) * HOUR;
    if (!resolveNow && random.chance(0.7) && later < Date.now() - HOUR) {
      await setStatus(db, reader, staff, ticketId, 'resolved');
      dates.step(later);
      resolved = later;
    }
    if (resolved !== null && random.chance(0.75)) {
      const stars = random.pick([5, 5, 5, 5, 4, 4, 4, 3, 2, 1]);
      await rateTicket(
        db,
        { kind: 'customer', accountId: person.accountId, userId: person.id },
        customer,
        ticketId,
        stars,
        '',
      );
      dates.step(past(resolved + random.int(10, 300) * MINUTE));
    }
  }
  await backdateTicket(db, ticketId, dates);
}

async function backdateTicket(db: Db, ticketId: string, dates: Backdating) {
  const times = ['createdAt', 'customerAt', 'staffAt', 'resolvedAt', 'ratedAt', 'updatedAt'];
  await dates.apply(db, 'ticket', 'id', ticketId, times);
  await dates.apply(db, 'ticketMessage', 'ticketId', ticketId, ['createdAt']);
  await dates.apply(db, 'ticketEvent', 'ticketId', ticketId, ['at']);
  await dates.apply(db, 'ticketRead', 'ticketId', ticketId, ['readAt']);
}

async function historyChat(
  services: Services,
  random: Random,
  agent: { id: string; name: string },
  person: Person,
  started: number,
) {
  const party: ChatParty = {
    kind: 'customer',
    userId: person.id,
    accountId: person.accountId,
    name: person.name,
    email: person.email,
  };
  const dates = new Backdating();
  const id = await startConversation(services, party, { message: random.pick(CHAT_OPENERS) });
  dates.step(started);
  await queueForAgent(services, id);
  const queued = started + random.int(20, 120) * 1000;
  dates.step(queued);
  if (random.chance(0.85)) {
    const picked = queued + random.pick([8, 15, 25, 40, 60, 90, 150, 240, 400]) * 1000;
    await pickUp(services, id, agent);
    dates.step(picked);
    await sendMessage(
      services,
      id,
      { role: 'staff', id: agent.id, name: agent.name },
      { kind: 'text', body: 'Hello, let me check that for you.' },
    );
    dates.step(picked + 30_000);
    await endConversation(services, id, { role: 'staff', agent });
    dates.step(picked + random.int(3, 15) * MINUTE);
  } else {
    await endConversation(services, id, { role: 'customer', solved: false });
    dates.step(queued + random.int(3, 8) * MINUTE);
  }
  const times = ['createdAt', 'queuedAt', 'pickedAt', 'endedAt', 'lastMessageAt'];
  await dates.apply(services.db, 'chatConversation', 'id', id, times);
  await dates.apply(services.db, 'chatMessage', 'conversationId', id, ['createdAt']);
}

const ORDER_SKUS = [
  'NL-COF-001',
  'NL-COF-002',
  'NL-COF-004',
  'NL-CUP-001',
  'NL-CUP-002',
  'NL-DAI-001',
  'NL-CLN-001',
  'NL-BAK-001',
];
const FORWARD = ['confirmed', 'shipped', 'delivered'] as const;

async function historyOrder(
  services: Services,
  random: Random,
  index: number,
  placed: number,
  past: (at: number) => number,
) {
  const { db } = services;
  const customer = HISTORY_CUSTOMERS[index]!;
  const person = await db
    .selectFrom('member')
    .innerJoin('user', 'user.id', 'member.userId')
    .select(['user.id', 'member.organizationId as accountId'])
    .where('user.email', '=', customer.email)
    .executeTakeFirst();
  if (!person) return;
  const products = await db
    .selectFrom('product')
    .select('id')
    .where('sku', 'in', [random.pick(ORDER_SKUS), random.pick(ORDER_SKUS)])
    .execute();
  const items = products.map((product) => ({ productId: product.id, quantity: random.int(1, 3) }));
  if (items.length === 0) return;
  const address: Address = {
    ...customer.address,
    name: customer.name,
    company: customer.company,
    line2: '',
    region: '',
    phone: '',
  };
  const { currency } = services.portalSettings();
  const quote = await quoteCart(db, { items, address }, customer.locale, currency);
  if (quote.problems.length) return;
  const actor: Actor = { id: person.id, name: customer.name, role: 'customer' };
  const staff: Actor = { id: null, name: 'Nordlicht Supply', role: 'staff' };
  const dates = new Backdating();
  const { orderId } = await placeOrder(
    db,
    person.accountId,
    actor,
    { idempotencyKey: randomUUID(), items, address, note: '', expectedTotal: quote.total },
    { locale: customer.locale, currency },
  );
  dates.step(placed);
  if (random.chance(0.06)) {
    await cancelOrder(
      db,
      { accountId: person.accountId },
      actor,
      orderId,
      'Ordered twice by mistake',
    );
    dates.step(past(placed + 2 * HOUR));
  } else {
    let at = placed;
    for (const [step, after] of FORWARD.map((s, i) => [s, [3 * HOUR, DAY, 2 * DAY][i]!] as const)) {
      at += after;
      if (at > Date.now() - HOUR) break;
      const tracking = step === 'shipped' ? `NL${orderId.slice(0, 10).toUpperCase()}` : undefined;
      await advanceOrder(db, staff, orderId, step, tracking);
      dates.step(at);
    }
  }
  await dates.apply(db, 'order', 'id', orderId, ['createdAt', 'updatedAt']);
  await dates.apply(db, 'orderEvent', 'orderId', orderId, ['at']);
}
