import type { Entry } from './procedures.ts';
import { data } from './tickets.ts';
import { placeOrder, today, type World } from './world.ts';

/** An announcement the admin publishes now: for everyone, or for the given accounts only. */
async function newAnnouncement(w: World, accountIds: string[] | null = null): Promise<string> {
  const created = await w.admin.client.mutate('staff.announcement.create', {
    ...announcementFields,
    ...(accountIds ? { audience: 'accounts', accountIds } : { audience: 'all' }),
  });
  return data<{ id: string }>(created).id;
}

const announcementFields = {
  title: 'Holiday hours',
  body: 'We deliver again from the second of January.',
  severity: 'info',
};

const inDays = (days: number) => {
  const day = new Date(`${today()}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};

/** The notice procedures' entries of the authorization matrix (see `PROCEDURES`). */
export function noticeProcedures(): Record<string, Entry> {
  return {
    'announcement.current': { kind: 'query', access: 'public' },
    'announcement.onChange': { kind: 'subscription', access: 'public', input: () => ({}) },
    'announcement.dismiss': {
      kind: 'mutation',
      access: 'customer',
      input: async (w) => ({ id: await newAnnouncement(w) }),
      // Only for account B: to A's owner it does not exist.
      foreign: async (w) => [{ id: await newAnnouncement(w, [w.b.account.id]) }],
    },

    'staff.announcement.list': { kind: 'query', access: 'staff' },
    'staff.announcement.create': {
      kind: 'mutation',
      access: 'staff',
      input: (w) => ({ ...announcementFields, audience: 'accounts', accountIds: [w.a.account.id] }),
    },
    'staff.announcement.update': {
      kind: 'mutation',
      access: 'staff',
      input: async (w) => ({
        id: await newAnnouncement(w),
        ...announcementFields,
        severity: 'warning',
        audience: 'all',
      }),
    },
    'staff.announcement.end': {
      kind: 'mutation',
      access: 'staff',
      input: async (w) => ({ id: await newAnnouncement(w) }),
    },

    'staff.reminder.rules': { kind: 'query', access: 'staff' },
    'staff.reminder.setRules': {
      kind: 'mutation',
      access: 'admin',
      input: () => ({
        invoiceDue: { enabled: true, daysBefore: [3] },
        invoiceOverdue: { enabled: true, daysAfter: [1, 7] },
        orderDelayed: { enabled: true },
        promiseDays: null,
      }),
    },

    'staff.order.setPromise': {
      kind: 'mutation',
      access: 'staff',
      input: async (w) => ({ orderId: (await placeOrder(w, w.a)).id, promisedOn: inDays(5) }),
    },
  };
}
