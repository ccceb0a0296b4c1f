/**
 * What happened in the portal that a customer may want to hear of or a vendor's other systems
 * may want to follow. Each is written with the change that caused it, in the same transaction
 * (`emitEvent`), and handled once afterwards (`EventDispatcher`): notifications, webhook
 * deliveries.
 */
export type PorticoEvent =
  /** A customer placed an order (or a colleague did, for the others in the account). */
  | { type: 'order.placed'; accountId: string; actorId: string | null; orderId: string }
  /** An order moved on or was changed; `change` is the timeline entry's type. */
  | {
      type: 'order.changed';
      accountId: string;
      actorId: string | null;
      orderId: string;
      change: OrderChangeKind;
    }
  /** An order passed its promised delivery day without being delivered (a reminder rule). */
  | { type: 'order.delayed'; accountId: string; actorId: null; orderId: string; promisedOn: string }
  | { type: 'invoice.issued'; accountId: string; actorId: string | null; invoiceId: string }
  /** A reminder rule found an invoice due in `days` days (0: due today). */
  | { type: 'invoice.due'; accountId: string; actorId: null; invoiceId: string; days: number }
  /** A reminder rule found an invoice `days` days past its due day. */
  | { type: 'invoice.overdue'; accountId: string; actorId: null; invoiceId: string; days: number }
  | { type: 'payment.posted'; accountId: string; actorId: string | null; paymentId: string }
  | { type: 'ticket.created'; accountId: string; actorId: string | null; ticketId: string }
  /** Staff wrote a public answer on a ticket (notes are not answers). */
  | {
      type: 'ticket.answered';
      accountId: string;
      actorId: string | null;
      ticketId: string;
      messageId: string;
    }
  /** Nobody picked up a customer's chat; it became a ticket (or stayed unanswered). */
  | {
      type: 'chat.missed';
      accountId: string;
      actorId: null;
      conversationId: string;
      customerId: string;
      ticketId: string | null;
    }
  /** Someone signed up and got a customer account of their own. */
  | { type: 'customer.signed_up'; accountId: string; actorId: string; userId: string };

export type PorticoEventType = PorticoEvent['type'];

export type OrderChangeKind =
  | 'confirmed'
  | 'shipped'
  | 'delivered'
  | 'cancelled'
  | 'address_changed'
  | 'tracking_changed'
  | 'promise_changed';

/** An event as the dispatcher hands it to each handler: with its id and when it happened. */
export type StoredEvent = PorticoEvent & { id: string; at: string };
