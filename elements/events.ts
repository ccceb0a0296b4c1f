/**
 * Every public event of Portico's elements: the contract vendors code against. Each bubbles and
 * crosses shadow roots, so a listener on `document` hears all of them.
 */

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
}

/** A customer signed in (or finished verifying their email, which signs them in). */
export class SignedInEvent extends Event {
  static readonly eventName = 'portico-signed-in';
  readonly user: SignedInUser;

  constructor(user: SignedInUser) {
    super(SignedInEvent.eventName, { bubbles: true, composed: true });
    this.user = user;
  }
}

/** The customer signed out, or their session ended. */
export class SignedOutEvent extends Event {
  static readonly eventName = 'portico-signed-out';

  constructor() {
    super(SignedOutEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface PlacedOrder {
  id: string;
  number: string;
  /** In minor units of `currency` (cents for EUR). */
  total: number;
  currency: string;
}

/** The customer submitted an order and the server accepted it. */
export class OrderPlacedEvent extends Event {
  static readonly eventName = 'portico-order-placed';
  readonly order: PlacedOrder;

  constructor(order: PlacedOrder) {
    super(OrderPlacedEvent.eventName, { bubbles: true, composed: true });
    this.order = order;
  }
}

export interface CreatedTicket {
  id: string;
  /** What the customer and staff call it, such as `T-AB12-CD34`. */
  number: string;
  subject: string;
}

/** The customer opened a ticket and the server accepted it. */
export class TicketCreatedEvent extends Event {
  static readonly eventName = 'portico-ticket-created';
  readonly ticket: CreatedTicket;

  constructor(ticket: CreatedTicket) {
    super(TicketCreatedEvent.eventName, { bubbles: true, composed: true });
    this.ticket = ticket;
  }
}

export interface HelpAsk {
  /** What the search box held, trimmed; empty when the customer asked before searching. */
  query: string;
  /** The article on screen when the customer asked, or null from the search results. */
  slug: string | null;
}

/**
 * The customer chose "Ask support" in the help centre. Cancelable: call `preventDefault()` to
 * handle it yourself (open a chat, a dialog); otherwise the element follows its `ask-href`.
 */
export class HelpAskEvent extends Event {
  static readonly eventName = 'portico-help-ask';
  readonly query: string;
  readonly slug: string | null;

  constructor(ask: HelpAsk) {
    super(HelpAskEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.query = ask.query;
    this.slug = ask.slug;
  }
}

/** What a notification is about: the vendor's page decides where that is. */
export interface NotificationSubject {
  type: 'order' | 'invoice' | 'payment' | 'ticket' | 'chat';
  id: string;
}

export interface SelectedNotification {
  /** The notification's own id. */
  id: string;
  /** Its kind, such as `order_shipped` or `ticket_answered`. */
  kind: string;
  /** What it is about; a missed chat that became a ticket names the ticket. */
  subject: NotificationSubject;
  /**
   * The number people call the subject by, when the notification names one: an order's
   * `AB12-CD34`, an invoice's or a ticket's number; null otherwise.
   */
  number: string | null;
}

/**
 * The customer chose a notification in `<portico-notifications>`; it is marked read. The element
 * does not navigate: the vendor's page opens the subject (an order, invoice or ticket) its own way.
 */
export class NotificationSelectEvent extends Event {
  static readonly eventName = 'portico-notification-select';
  readonly notification: SelectedNotification;

  constructor(notification: SelectedNotification) {
    super(NotificationSelectEvent.eventName, { bubbles: true, composed: true });
    this.notification = notification;
  }

  /** What the notification is about, as `{ type, id }`. */
  get subject(): NotificationSubject {
    return this.notification.subject;
  }
}

declare global {
  interface HTMLElementEventMap {
    'portico-signed-in': SignedInEvent;
    'portico-signed-out': SignedOutEvent;
    'portico-order-placed': OrderPlacedEvent;
    'portico-ticket-created': TicketCreatedEvent;
    'portico-help-ask': HelpAskEvent;
    'portico-notification-select': NotificationSelectEvent;
  }
}
