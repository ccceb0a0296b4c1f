import type { Services } from '../services.ts';
import { writePortalSettings } from '../portal/portal.queries.ts';
import { addMessage, createTicket, type TicketActor } from '../ticket/ticket.write.ts';
import type { TicketReader } from '../ticket/ticket.queries.ts';
import { DEMO_CUSTOMERS } from './demo.orders.ts';

export const DEMO_TICKET_CATEGORIES = [
  'Delivery',
  'Billing',
  'Machines and repairs',
  'Product quality',
];

/**
 * The demo vendor's ticket categories, and three tickets of Anna's café: a question answered
 * and resolved, a complaint about a delivery with an answer she has not read, and an open
 * concern about an order.
 */
export async function seedDemoTickets(services: Services, agentEmail: string): Promise<void> {
  const { db } = services;
  await writePortalSettings(db, {
    ...services.portalSettings(),
    ticketCategories: DEMO_TICKET_CATEGORIES,
  });
  await services.reloadPortalSettings();
  const anna = DEMO_CUSTOMERS[0]!;
  const person = await db
    .selectFrom('member')
    .innerJoin('user', 'user.id', 'member.userId')
    .select(['user.id', 'user.name', 'member.organizationId as accountId'])
    .where('user.email', '=', anna.email)
    .executeTakeFirst();
  const agent = await db
    .selectFrom('user')
    .select(['id', 'name'])
    .where('email', '=', agentEmail)
    .executeTakeFirst();
  if (!person || !agent) return;
  const order = await db
    .selectFrom('order')
    .select('id')
    .where('accountId', '=', person.accountId)
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
  const customer: TicketActor = { id: person.id, name: person.name, role: 'customer' };
  const staff: TicketActor = { id: agent.id, name: agent.name, role: 'staff' };
  const staffReader: TicketReader = { kind: 'staff', userId: agent.id };
  const open = (input: Parameters<typeof createTicket>[3]) =>
    createTicket(db, person.accountId, customer, input);

  const question = await open({
    subject: 'How often should the grinder burrs be replaced?',
    kind: 'question',
    category: 'Machines and repairs',
    priority: 'low',
    tags: ['grinder', 'maintenance'],
    body: 'We grind about 3 kg a day. When should we order new burrs?',
    attachmentIds: [],
  });
  await addMessage(db, staffReader, staff, question.ticketId, {
    body: 'At 3 kg a day, every 9 to 12 months. Signs they are due: slower grinding and more fines. The burr set is in the shop under spare parts.',
    attachmentIds: [],
    status: 'resolved',
  });

  const complaint = await open({
    subject: 'Two bags of beans arrived torn',
    kind: 'complaint',
    category: 'Delivery',
    priority: 'high',
    tags: ['delivery', 'damaged'],
    body: 'Two of the 1 kg bags in our last delivery were torn and the beans spilled in the box.',
    attachmentIds: [],
    ...(order ? { orderId: order.id } : {}),
  });
  await addMessage(db, staffReader, staff, complaint.ticketId, {
    body: 'We are sorry about that. We have sent two replacement bags with tomorrow’s courier; there is no need to send the torn ones back.',
    attachmentIds: [],
  });

  await open({
    subject: 'Could invoices show our purchase order number?',
    kind: 'concern',
    category: 'Billing',
    priority: 'normal',
    tags: ['invoices'],
    body: 'Our accounts team needs our PO number on each invoice. Is that possible?',
    attachmentIds: [],
  });
}
