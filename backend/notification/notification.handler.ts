import type { Transaction } from 'kysely';
import type { AfterCommit, EventHandler } from '../events/event.dispatch.ts';
import type { StoredEvent } from '../events/event.types.ts';
import type { Database } from '../db/schema.ts';
import { newId } from '../db/id.ts';
import type { Services } from '../services.ts';
import { DOMAIN_MAILED, wantingMail } from './notification.kinds.ts';
import { planNotification, type Plan } from './notification.plan.ts';
import { notificationMail, portalLink } from './notification.mail.ts';
import { savedLocales } from '../i18n/request.ts';

type Trx = Transaction<Database>;

/** Who of the new notification's people get it by mail too: their choice, less the domain's. */
async function mailRecipients(trx: Trx, plan: Plan, userIds: string[]) {
  const wanting = await wantingMail(trx, userIds, plan.kind);
  if (DOMAIN_MAILED.has(plan.kind) && plan.domainMailTo) wanting.delete(plan.domainMailTo);
  if (wanting.size === 0) return [];
  return trx
    .selectFrom('user')
    .select(['id', 'name', 'email'])
    .where('id', 'in', [...wanting])
    .execute();
}

/**
 * Turns events into notifications for the people who should hear of them (`planNotification`),
 * one row per event and person, in the transaction that claims the event. After the commit
 * their bells count again and those who chose mail for the kind are mailed.
 */
export function notificationHandler(services: Services): EventHandler {
  async function mail(
    event: StoredEvent,
    plan: Plan,
    people: { id: string; name: string; email: string }[],
  ) {
    const { vendorName: vendor, defaultLocale } = services.portalSettings();
    const ticketId = plan.subject.type === 'ticket' ? plan.subject.id : plan.params.ticketId;
    try {
      const link = await portalLink(services.db, event.accountId, ticketId);
      // Each in their own language: nobody here asked for this mail by a request of theirs.
      const locales = await savedLocales(
        services.db,
        people.map((person) => person.id),
      );
      for (const person of people) {
        await services.mailer.send(
          notificationMail({
            vendor,
            to: person.email,
            name: person.name,
            kind: plan.kind,
            params: plan.params,
            link,
            locale: locales.get(person.id) ?? defaultLocale,
          }),
        );
      }
    } catch (error) {
      services.log(`event ${event.id}: the ${plan.kind} mail was not sent: ${String(error)}`);
    }
  }

  return {
    name: 'notifications',
    async handle(trx, event): Promise<AfterCommit | void> {
      const plan = await planNotification(trx, event);
      if (!plan || plan.recipients.length === 0) return;
      const params = JSON.stringify(plan.params);
      // A row already there (the event handled before, somehow) is kept and not told again.
      const inserted = await trx
        .insertInto('notification')
        .values(
          plan.recipients.map((userId) => ({
            id: newId(),
            eventId: event.id,
            userId,
            accountId: event.accountId,
            kind: plan.kind,
            subjectType: plan.subject.type,
            subjectId: plan.subject.id,
            params,
            createdAt: event.at,
            readAt: null,
          })),
        )
        .onConflict((oc) => oc.columns(['eventId', 'userId']).doNothing())
        .returning('userId')
        .execute();
      const told = inserted.map((row) => row.userId);
      if (told.length === 0) return;
      const people = await mailRecipients(trx, plan, told);
      return () => {
        for (const userId of told) services.bus.publishNotification({ userId });
        if (people.length > 0) {
          services.background.run('notification mail', () => mail(event, plan, people));
        }
      };
    },
  };
}
