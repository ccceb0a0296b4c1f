import type { Db } from '../db/database.ts';
import type { Mail } from '../mail/mailer.ts';
import { escapeHtml, mailLayout } from '../mail/templates.ts';
import { ticketLink } from '../ticket/ticket.mail.ts';
import type { NotificationKind, NotificationParams } from './notification.kinds.ts';

const money = (amount = 0, currency = 'EUR') =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount / 100);

const inDays = (days = 0) => (days === 1 ? 'in 1 day' : `in ${days} days`);
const daysAgo = (days = 0) => (days === 1 ? '1 day ago' : `${days} days ago`);

/** The heading (also the mail's subject) and the sentence of each kind. */
export function wording(
  kind: NotificationKind,
  p: NotificationParams,
): { heading: string; text: string } {
  const order = p.orderNumber ?? '';
  const invoice = p.invoiceNumber ?? '';
  const amount = money(p.amount, p.currency);
  switch (kind) {
    case 'order_confirmed':
      return { heading: `Order ${order} is confirmed`, text: `We confirmed your order ${order}.` };
    case 'order_shipped': {
      const tracking = p.trackingNumber ? ` The tracking number is ${p.trackingNumber}.` : '';
      return {
        heading: `Order ${order} has shipped`,
        text: `Your order ${order} is on its way.${tracking}`,
      };
    }
    case 'order_delivered':
      return {
        heading: `Order ${order} was delivered`,
        text: `Your order ${order} was delivered.`,
      };
    case 'order_cancelled':
      return {
        heading: `Order ${order} was cancelled`,
        text: `Your order ${order} was cancelled.`,
      };
    case 'order_delayed':
      return {
        heading: `Order ${order} is late`,
        text: `Your order ${order} was promised for ${p.promisedOn ?? ''} and has not arrived yet. We are on it and will tell you when it ships.`,
      };
    case 'invoice_issued':
      return {
        heading: `New invoice ${invoice}`,
        text: `Invoice ${invoice} for ${amount} is ready in the portal. It is due on ${p.dueOn ?? ''}.`,
      };
    case 'invoice_due':
      return {
        heading: `Invoice ${invoice} is due ${p.days ? inDays(p.days) : 'today'}`,
        text: `Invoice ${invoice} for ${amount} is due ${p.days ? `${inDays(p.days)}, on ${p.dueOn ?? ''}` : 'today'}.`,
      };
    case 'invoice_overdue':
      return {
        heading: `Invoice ${invoice} is overdue`,
        text: `Invoice ${invoice} for ${amount} was due on ${p.dueOn ?? ''}, ${daysAgo(p.days)}. If you have paid it already, thank you; please ignore this message.`,
      };
    case 'payment_posted':
      return {
        heading: `Payment of ${amount} received`,
        text: `We received your payment of ${amount}. Thank you.`,
      };
    case 'ticket_answered':
      return {
        heading: `New answer on ticket ${p.ticketNumber ?? ''}`,
        text: `Your ticket ${p.ticketNumber ?? ''} (${p.ticketSubject ?? ''}) has a new answer.`,
      };
    case 'chat_missed':
      return {
        heading: 'We missed your chat',
        text: p.ticketNumber
          ? `Nobody was free to chat when you wrote. Your messages are now ticket ${p.ticketNumber}; we answer it as soon as we can.`
          : 'Nobody was free to chat when you wrote. We answer as soon as we can.',
      };
  }
}

export interface NotificationMailFacts {
  vendor: string;
  to: string;
  name: string;
  kind: NotificationKind;
  params: NotificationParams;
  /** The vendor's page with the portal on it, when one is known. */
  link: string | null;
}

/** A short mail for one notification: its sentence and a way back to the portal. */
export function notificationMail(facts: NotificationMailFacts): Mail {
  const { heading, text } = wording(facts.kind, facts.params);
  const intro = `Hello ${facts.name}, ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  const action = facts.link
    ? `See it in the portal: ${facts.link}`
    : `Sign in to the ${facts.vendor} customer portal to see it.`;
  const button = facts.link
    ? `<p><a href="${escapeHtml(facts.link)}" style="display:inline-block;padding:.6em 1.2em;background:#1d4ed8;color:#fff;border-radius:6px;text-decoration:none">Open the portal</a></p>`
    : `<p>${escapeHtml(action)}</p>`;
  const footer =
    'You chose to get these by mail; change that in the portal’s notification settings.';
  return {
    to: facts.to,
    subject: `${heading} (${facts.vendor})`,
    text: `${intro}\n\n${action}\n\n${footer}\n\n${facts.vendor}`,
    html: mailLayout(
      facts.vendor,
      heading,
      `<p>${escapeHtml(intro)}</p>${button}<p style="color:#555">${escapeHtml(footer)}</p>`,
    ),
    ...(facts.link ? { link: facts.link } : {}),
  };
}

/**
 * Where the mail links to: the ticket itself on the vendor's page it was opened from, else the
 * page the account last opened a ticket from (the portal is embedded there). Ticket pages were
 * checked against the trusted origins when they were stored.
 */
export async function portalLink(
  db: Db,
  accountId: string,
  ticketId: string | undefined,
): Promise<string | null> {
  if (ticketId) {
    const ticket = await db
      .selectFrom('ticket')
      .select('pageUrl')
      .where('id', '=', ticketId)
      .where('accountId', '=', accountId)
      .executeTakeFirst();
    if (ticket?.pageUrl) return ticketLink(ticket.pageUrl, ticketId);
  }
  const recent = await db
    .selectFrom('ticket')
    .select('pageUrl')
    .where('accountId', '=', accountId)
    .where('pageUrl', 'is not', null)
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return recent?.pageUrl ?? null;
}
