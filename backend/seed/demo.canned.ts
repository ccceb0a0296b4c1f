import type { Services } from '../services.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';

/** The answers the demo's agents give most often, ready to insert and adjust. */
const REPLIES = [
  {
    title: 'Damaged in transit',
    body: 'We are sorry the goods arrived damaged. A replacement is on its way today at no cost, and there is no need to send anything back. The tracking number follows in a separate mail.',
  },
  {
    title: 'Delivery delayed',
    body: 'Thank you for your patience. Your delivery was held up at our warehouse; it leaves today and should reach you within two working days.',
  },
  {
    title: 'Invoice copy',
    body: 'You can download every invoice as a PDF under Account → Billing. If you need it addressed differently, tell us the details and we will issue a corrected one.',
  },
] as const;

/** Saved replies in the demo's console, written by `agentEmail`. Safe to run again. */
export async function seedDemoCanned(services: Services, agentEmail: string): Promise<void> {
  const { db } = services;
  const agent = await db
    .selectFrom('user')
    .select('id')
    .where('email', '=', agentEmail)
    .executeTakeFirst();
  if (!agent) return;
  for (const reply of REPLIES) {
    await db
      .insertInto('cannedReply')
      .values({ id: newId(), ...reply, updatedBy: agent.id, updatedAt: timestamp() })
      .onConflict((oc) => oc.column('title').doNothing())
      .execute();
  }
}
