import type { Db } from '../db/database.ts';
import type { Locale } from '../i18n/locale.ts';
import { formatDay, formatMoney, relativeTime } from '../i18n/format.ts';
import type { Mail } from '../mail/mailer.ts';
import { mailWords, type MailWords } from '../mail/mail.words.ts';
import { mailButton, mailLayout } from '../mail/templates.ts';
import { ticketLink } from '../ticket/ticket.mail.ts';
import type { NotificationKind, NotificationParams } from './notification.kinds.ts';

/**
 * What a notification mail says: each kind's heading (also the subject) and sentence. `{when}`
 * and `{ago}` are relative times in the reader's language ("in 3 days", "2 days ago"), `{date}`
 * a day written out, `{amount}` money.
 */
export const NotificationMail = {
  GREETING: 'Hello {name},',
  SUBJECT: '{heading} ({vendor})',
  ORDER_CONFIRMED_HEADING: 'Order {order} is confirmed',
  ORDER_CONFIRMED_TEXT: 'We confirmed your order {order}.',
  ORDER_SHIPPED_HEADING: 'Order {order} has shipped',
  ORDER_SHIPPED_TEXT: 'Your order {order} is on its way.',
  ORDER_SHIPPED_TRACKING_TEXT:
    'Your order {order} is on its way. The tracking number is {tracking}.',
  ORDER_DELIVERED_HEADING: 'Order {order} was delivered',
  ORDER_DELIVERED_TEXT: 'Your order {order} was delivered.',
  ORDER_CANCELLED_HEADING: 'Order {order} was cancelled',
  ORDER_CANCELLED_TEXT: 'Your order {order} was cancelled.',
  ORDER_DELAYED_HEADING: 'Order {order} is late',
  ORDER_DELAYED_TEXT:
    'Your order {order} was promised for {date} and has not arrived yet. We are on it and will tell you when it ships.',
  INVOICE_ISSUED_HEADING: 'New invoice {invoice}',
  INVOICE_ISSUED_TEXT:
    'Invoice {invoice} for {amount} is ready in the portal. It is due on {date}.',
  INVOICE_DUE_HEADING: 'Invoice {invoice} is due {when}',
  INVOICE_DUE_TEXT: 'Invoice {invoice} for {amount} is due {when}, on {date}.',
  INVOICE_DUE_TODAY_HEADING: 'Invoice {invoice} is due today',
  INVOICE_DUE_TODAY_TEXT: 'Invoice {invoice} for {amount} is due today.',
  INVOICE_OVERDUE_HEADING: 'Invoice {invoice} is overdue',
  INVOICE_OVERDUE_TEXT:
    'Invoice {invoice} for {amount} was due on {date}, {ago}. If you have paid it already, thank you; please ignore this message.',
  PAYMENT_POSTED_HEADING: 'Payment of {amount} received',
  PAYMENT_POSTED_TEXT: 'We received your payment of {amount}. Thank you.',
  TICKET_ANSWERED_HEADING: 'New answer on ticket {ticket}',
  TICKET_ANSWERED_TEXT: 'Your ticket {ticket} ({subject}) has a new answer.',
  CHAT_MISSED_HEADING: 'We missed your chat',
  CHAT_MISSED_TEXT: 'Nobody was free to chat when you wrote. We answer as soon as we can.',
  CHAT_MISSED_TICKET_TEXT:
    'Nobody was free to chat when you wrote. Your messages are now ticket {ticket}; we answer it as soon as we can.',
  ACTION_LINK: 'See it in the portal: {link}',
  ACTION_SIGN_IN: 'Sign in to the {vendor} customer portal to see it.',
  BUTTON: 'Open the portal',
  FOOTER: 'You chose to get these by mail; change that in the portal’s notification settings.',
} as const;

type Words = MailWords<'NotificationMail'>;
type Format = 'text' | 'html';

/**
 * The heading (also the mail's subject) and the sentence of each kind, in `w`'s language, as
 * plain text or as HTML (escaped, values isolated).
 */
export function wording(
  kind: NotificationKind,
  p: NotificationParams,
  w: Words = mailWords('en', 'NotificationMail'),
  format: Format = 'text',
): { heading: string; text: string } {
  const say = w[format];
  const { locale } = w;
  const order = p.orderNumber ?? '';
  const invoice = p.invoiceNumber ?? '';
  const ticket = p.ticketNumber ?? '';
  const amount = formatMoney(locale, p.amount ?? 0, p.currency ?? 'EUR');
  const date = (day: string | undefined) => (day ? formatDay(locale, day) : '');
  switch (kind) {
    case 'order_confirmed':
      return {
        heading: say('ORDER_CONFIRMED_HEADING', { order }),
        text: say('ORDER_CONFIRMED_TEXT', { order }),
      };
    case 'order_shipped':
      return {
        heading: say('ORDER_SHIPPED_HEADING', { order }),
        text: p.trackingNumber
          ? say('ORDER_SHIPPED_TRACKING_TEXT', { order, tracking: p.trackingNumber })
          : say('ORDER_SHIPPED_TEXT', { order }),
      };
    case 'order_delivered':
      return {
        heading: say('ORDER_DELIVERED_HEADING', { order }),
        text: say('ORDER_DELIVERED_TEXT', { order }),
      };
    case 'order_cancelled':
      return {
        heading: say('ORDER_CANCELLED_HEADING', { order }),
        text: say('ORDER_CANCELLED_TEXT', { order }),
      };
    case 'order_delayed':
      return {
        heading: say('ORDER_DELAYED_HEADING', { order }),
        text: say('ORDER_DELAYED_TEXT', { order, date: date(p.promisedOn) }),
      };
    case 'invoice_issued':
      return {
        heading: say('INVOICE_ISSUED_HEADING', { invoice }),
        text: say('INVOICE_ISSUED_TEXT', { invoice, amount, date: date(p.dueOn) }),
      };
    case 'invoice_due': {
      if (!p.days) {
        return {
          heading: say('INVOICE_DUE_TODAY_HEADING', { invoice }),
          text: say('INVOICE_DUE_TODAY_TEXT', { invoice, amount }),
        };
      }
      const when = relativeTime(locale, p.days, 'day');
      return {
        heading: say('INVOICE_DUE_HEADING', { invoice, when }),
        text: say('INVOICE_DUE_TEXT', { invoice, amount, when, date: date(p.dueOn) }),
      };
    }
    case 'invoice_overdue':
      return {
        heading: say('INVOICE_OVERDUE_HEADING', { invoice }),
        text: say('INVOICE_OVERDUE_TEXT', {
          invoice,
          amount,
          date: date(p.dueOn),
          ago: relativeTime(locale, -(p.days ?? 0), 'day'),
        }),
      };
    case 'payment_posted':
      return {
        heading: say('PAYMENT_POSTED_HEADING', { amount }),
        text: say('PAYMENT_POSTED_TEXT', { amount }),
      };
    case 'ticket_answered':
      return {
        heading: say('TICKET_ANSWERED_HEADING', { ticket }),
        text: say('TICKET_ANSWERED_TEXT', { ticket, subject: p.ticketSubject ?? '' }),
      };
    case 'chat_missed':
      return {
        heading: say('CHAT_MISSED_HEADING'),
        text: ticket ? say('CHAT_MISSED_TICKET_TEXT', { ticket }) : say('CHAT_MISSED_TEXT'),
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
  /** The recipient's language. */
  locale: Locale;
}

/** A short mail for one notification: its sentence and a way back to the portal. */
export function notificationMail(facts: NotificationMailFacts): Mail {
  const { vendor, name, link, locale } = facts;
  const w = mailWords(locale, 'NotificationMail');
  const { heading, text } = wording(facts.kind, facts.params, w);
  const html = wording(facts.kind, facts.params, w, 'html');
  const action = (format: Format) =>
    link ? w[format]('ACTION_LINK', { link }) : w[format]('ACTION_SIGN_IN', { vendor });
  return {
    to: facts.to,
    subject: w.text('SUBJECT', { heading, vendor }),
    text: [w.text('GREETING', { name }), text, action('text'), w.text('FOOTER'), vendor].join(
      '\n\n',
    ),
    html: mailLayout(
      vendor,
      { html: html.heading },
      `<p>${w.html('GREETING', { name })}</p><p>${html.text}</p>${
        link ? mailButton(link, w.text('BUTTON')) : `<p>${action('html')}</p>`
      }<p style="color:#555">${w.html('FOOTER')}</p>`,
      locale,
    ),
    ...(link ? { link } : {}),
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
