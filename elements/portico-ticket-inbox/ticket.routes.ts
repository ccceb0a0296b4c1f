import { MAX_SUBJECT } from './ticket-list.api.ts';

/**
 * The ticket inbox's views, kept in the page's URL fragment so that the back button, a bookmark
 * and the link in an answer mail (`support.html#ticket=…`) all work. An order's page links to
 * `#new-ticket&order=AB12-CD34` to open a ticket about that order, and the help centre's "Ask
 * support" to `#new-ticket&subject=<words>` to open one with the subject filled in.
 */
export type TicketRoute =
  | { view: 'tickets' }
  | { view: 'ticket'; id: string }
  | { view: 'new'; order: string | null; subject?: string | null };

export type TicketView = TicketRoute['view'];

const LIST: TicketRoute = { view: 'tickets' };

/** Ticket ids are base64url; order numbers are letters, digits and dashes. */
const TICKET = /^ticket=([A-Za-z0-9_-]{1,64})$/;
const ORDER = /^[A-Za-z0-9-]{1,32}$/;
const NEW = /^new-ticket(?:&|$)/;

/** `<portico-help-search>`'s fragments (`#help`, `#help=<slug>`), on the same page: not the inbox's. */
const FOREIGN = /^help(?:=|$)/;

/**
 * A subject from a link as the field would hold it: one line without control characters, at
 * most the field's length (never cut inside a character); null when nothing is left.
 */
export function linkedSubject(text: string): string | null {
  let subject = text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_SUBJECT);
  if (/[\uD800-\uDBFF]$/.test(subject)) subject = subject.slice(0, -1);
  return subject.trim() || null;
}

/**
 * `new-ticket` and its `order` and `subject`, each at most once and in either order; null when
 * the fragment has anything else.
 */
function newTicketRoute(fragment: string): TicketRoute | null {
  if (!NEW.test(fragment)) return null;
  const params = new URLSearchParams(fragment.slice('new-ticket'.length));
  const keys = [...params.keys()];
  if (keys.some((key) => key !== 'order' && key !== 'subject')) return null;
  if (new Set(keys).size !== keys.length) return null;
  const order = params.get('order');
  if (order !== null && !ORDER.test(order)) return null;
  const subject = params.get('subject');
  return {
    view: 'new',
    order: order?.toUpperCase() ?? null,
    subject: subject === null ? null : linkedSubject(subject),
  };
}

/**
 * The route a fragment names. Another element's fragment (the help centre's `#help=…`) leaves
 * the inbox on `current`; anything else (the host page's own anchors) is the list.
 */
export function parseRoute(hash: string, current: TicketRoute = LIST): TicketRoute {
  const fragment = hash.replace(/^#/, '');
  if (FOREIGN.test(fragment)) return current;
  const ticket = TICKET.exec(fragment);
  if (ticket) return { view: 'ticket', id: ticket[1]! };
  return newTicketRoute(fragment) ?? LIST;
}

/** The fragment link to a route, for `<a href>`: real links open in a new tab and read right. */
export function routeHref(route: TicketRoute): string {
  switch (route.view) {
    case 'tickets':
      return '#tickets';
    case 'ticket':
      return `#ticket=${encodeURIComponent(route.id)}`;
    case 'new': {
      const order = route.order ? `&order=${encodeURIComponent(route.order)}` : '';
      const subject = route.subject ? `&subject=${encodeURIComponent(route.subject)}` : '';
      return `#new-ticket${order}${subject}`;
    }
  }
}
