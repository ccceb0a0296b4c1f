import { msg, str } from '@lit/localize';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import { isolate } from '../shared/bidi.ts';
import { formatDate, formatMoney } from '../shared/format.ts';
import { getLocale } from '../shared/locale.ts';
import type { NotificationSubject } from '../events.ts';

export { renderTaskError, renderShowMore } from '../shared/task.ts';

type Outputs = inferRouterOutputs<AppRouter>;

export type NotificationPage = Outputs['notification']['list'];
export type NotificationView = NotificationPage['items'][number];
export type NotificationKind = NotificationView['kind'];
export type NotificationParams = NotificationView['params'];
export type Preferences = Outputs['notification']['preferences'];
export type Preference = Preferences['kinds'][number];
type Stream = Outputs['notification']['onChange'];
/** One change of the person's notifications, with the unread count after it. */
export type NotificationChange = Stream extends AsyncIterable<{ data: infer Data }> ? Data : never;

/** Notifications per page of the panel's list. */
export const PAGE_SIZE = 20;

/** What the views ask of the element: focus moved after a render, and a polite announcement. */
export interface ViewEffects {
  /** Moves focus to the element matching `selector` once a render has put it on screen. */
  focusSoon(selector: string): void;
  /** Says `text` in the element's polite live region. */
  announce(text: string): void;
}

/** "in 3 days", "tomorrow", "yesterday": a number of days from today, in the customer's words. */
function inDays(days: number): string {
  return new Intl.RelativeTimeFormat(getLocale(), { numeric: 'auto' }).format(days, 'day');
}

/** A money amount from the params, when both the amount and its currency are there. */
function amountOf(params: NotificationParams): string {
  const { amount, currency } = params;
  if (typeof amount !== 'number' || typeof currency !== 'string' || !currency) return '';
  try {
    return isolate(formatMoney(amount, currency));
  } catch {
    return '';
  }
}

/** A text from the params, trimmed, or ''. */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * A number, code or name from the params as it goes into a sentence: whole and in its own
 * direction in a right-to-left sentence (`2026-00002`, not `00002-2026`), or ''.
 */
function pieceOf(value: unknown): string {
  return isolate(textOf(value));
}

function orderSentence(kind: NotificationKind, params: NotificationParams): string {
  const order = pieceOf(params.orderNumber);
  const tracking = pieceOf(params.trackingNumber);
  const promised = textOf(params.promisedOn);
  switch (kind) {
    case 'order_confirmed':
      return order ? msg(str`Order ${order} was confirmed.`) : msg('Your order was confirmed.');
    case 'order_shipped':
      if (order && tracking)
        return msg(str`Order ${order} was shipped with tracking number ${tracking}.`);
      return order ? msg(str`Order ${order} was shipped.`) : msg('Your order was shipped.');
    case 'order_delivered':
      return order ? msg(str`Order ${order} was delivered.`) : msg('Your order was delivered.');
    case 'order_cancelled':
      return order ? msg(str`Order ${order} was cancelled.`) : msg('Your order was cancelled.');
    default: {
      if (order && promised) {
        const date = formatDate(promised);
        return msg(str`Order ${order} is late: we promised it by ${date}.`);
      }
      return order ? msg(str`Order ${order} is delayed.`) : msg('Your order is delayed.');
    }
  }
}

function invoiceSentence(kind: NotificationKind, params: NotificationParams): string {
  const invoice = pieceOf(params.invoiceNumber);
  const amount = amountOf(params);
  const what = invoice && amount ? `${invoice} (${amount})` : invoice || amount;
  const days = typeof params.days === 'number' ? params.days : null;
  switch (kind) {
    case 'invoice_issued': {
      const due = textOf(params.dueOn);
      if (what && due) {
        const date = formatDate(due);
        return msg(str`Invoice ${what} was issued, due on ${date}.`);
      }
      return what ? msg(str`Invoice ${what} was issued.`) : msg('A new invoice was issued.');
    }
    case 'invoice_due': {
      if (days === null)
        return what ? msg(str`Invoice ${what} is due soon.`) : msg('An invoice is due soon.');
      const when = inDays(days);
      return what
        ? msg(str`Invoice ${what} is due ${when}.`)
        : msg(str`An invoice is due ${when}.`);
    }
    default: {
      if (days === null)
        return what ? msg(str`Invoice ${what} is overdue.`) : msg('An invoice is overdue.');
      const when = inDays(-days);
      return what
        ? msg(str`Invoice ${what} was due ${when} and is not paid yet.`)
        : msg(str`An invoice was due ${when} and is not paid yet.`);
    }
  }
}

/**
 * What happened, as one sentence the customer reads in the panel. Composed here from the kind
 * and its params, in the customer's language, so the server stores no text.
 */
export function notificationSentence(notification: NotificationView): string {
  const { kind, params } = notification;
  switch (kind) {
    case 'order_confirmed':
    case 'order_shipped':
    case 'order_delivered':
    case 'order_cancelled':
    case 'order_delayed':
      return orderSentence(kind, params);
    case 'invoice_issued':
    case 'invoice_due':
    case 'invoice_overdue':
      return invoiceSentence(kind, params);
    case 'payment_posted': {
      const amount = amountOf(params);
      return amount
        ? msg(str`We received your payment of ${amount}. Thank you.`)
        : msg('We received your payment. Thank you.');
    }
    case 'ticket_answered': {
      const ticket = pieceOf(params.ticketNumber);
      const subject = pieceOf(params.ticketSubject);
      if (ticket && subject) return msg(str`Ticket ${ticket} “${subject}” has a new answer.`);
      return ticket
        ? msg(str`Ticket ${ticket} has a new answer.`)
        : msg('Your ticket has a new answer.');
    }
    case 'chat_missed': {
      const ticket = pieceOf(params.ticketNumber);
      return ticket
        ? msg(str`We missed your chat. It is now ticket ${ticket}; we will answer there.`)
        : msg('We missed your chat. We will answer by email.');
    }
    default:
      return msg('You have a new notification.');
  }
}

/** A kind's name, as the email settings list it. */
export function kindLabel(kind: NotificationKind): string {
  switch (kind) {
    case 'order_confirmed':
      return msg('Order confirmed');
    case 'order_shipped':
      return msg('Order shipped');
    case 'order_delivered':
      return msg('Order delivered');
    case 'order_cancelled':
      return msg('Order cancelled');
    case 'order_delayed':
      return msg('Order delayed');
    case 'invoice_issued':
      return msg('New invoice');
    case 'invoice_due':
      return msg('Invoice due soon');
    case 'invoice_overdue':
      return msg('Invoice overdue');
    case 'payment_posted':
      return msg('Payment received');
    case 'ticket_answered':
      return msg('Answer to a ticket');
    case 'chat_missed':
      return msg('Missed chat');
    default:
      return String(kind);
  }
}

/**
 * Where choosing a notification should lead: its subject, except that a missed chat that became a
 * ticket leads to the ticket, where the answer will be.
 */
export function subjectOf(notification: NotificationView): NotificationSubject {
  const { subject, params } = notification;
  const ticketId = (params as { ticketId?: unknown }).ticketId;
  if (subject.type === 'chat' && typeof ticketId === 'string' && ticketId) {
    return { type: 'ticket', id: ticketId };
  }
  return { type: subject.type, id: subject.id };
}

/** The number people call a notification's subject by, when it names one. */
export function subjectNumber(notification: NotificationView): string | null {
  const { params, subject } = notification;
  const number =
    subject.type === 'order'
      ? params.orderNumber
      : subject.type === 'invoice'
        ? params.invoiceNumber
        : subject.type === 'ticket' || subject.type === 'chat'
          ? params.ticketNumber
          : undefined;
  return textOf(number) || null;
}
