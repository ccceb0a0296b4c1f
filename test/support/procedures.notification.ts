import type { Entry } from './procedures.ts';
import { newInvoice, personOf, sideOf, type ActorName, type World } from './world.ts';

const customer = (actor: ActorName) =>
  actor === 'owner' || actor === 'viewer' || actor === 'customerB';

/** The newest notification of the person, or of B's owner; none at all gives a made-up id. */
async function newestOf(w: World, userId: string | undefined): Promise<string> {
  const row = await w.portico.services.db
    .selectFrom('notification')
    .select('id')
    .where('userId', '=', userId ?? '')
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
  return row?.id ?? 'no-such-notification';
}

/** The notification procedures' entries of the authorization matrix (see `PROCEDURES`). */
export function notificationProcedures(): Record<string, Entry> {
  return {
    'notification.list': {
      kind: 'query',
      access: 'customer',
      input: () => ({ limit: 10, unreadOnly: false }),
    },
    'notification.unreadCount': { kind: 'query', access: 'customer' },
    'notification.markRead': {
      kind: 'mutation',
      access: 'customer',
      // A new invoice tells everyone in the account, so each customer has one of their own.
      input: async (w, actor) => {
        if (!customer(actor)) return { ids: ['no-such-notification'] };
        await newInvoice(w, sideOf(w, actor));
        return { ids: [await newestOf(w, personOf(w, actor)?.userId)] };
      },
      foreign: async (w) => [{ ids: [await newestOf(w, w.b.owner.userId)] }],
    },
    'notification.markAllRead': { kind: 'mutation', access: 'customer' },
    'notification.preferences': { kind: 'query', access: 'customer' },
    'notification.setPreference': {
      kind: 'mutation',
      access: 'customer',
      input: () => ({ kind: 'invoice_issued', mail: true }),
    },
    'notification.onChange': { kind: 'subscription', access: 'customer', input: () => ({}) },
  };
}
