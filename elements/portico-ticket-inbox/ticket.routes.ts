/**
 * The ticket inbox's views, kept in the page's URL fragment so that the back button, a bookmark
 * and the link in an answer mail (`support.html#ticket=…`) all work. An order's page links to
 * `#new-ticket&order=AB12-CD34` to open a ticket about that order.
 */
export type TicketRoute =
  { view: 'tickets' } | { view: 'ticket'; id: string } | { view: 'new'; order: string | null };

export type TicketView = TicketRoute['view'];

/** Ticket ids are base64url; order numbers are letters, digits and dashes. */
const TICKET = /^ticket=([A-Za-z0-9_-]{1,64})$/;
const NEW = /^new-ticket(?:&order=([A-Za-z0-9-]{1,32}))?$/;

/** The route a fragment names; anything else (the host page's own anchors) is the list. */
export function parseRoute(hash: string): TicketRoute {
  const fragment = hash.replace(/^#/, '');
  const ticket = TICKET.exec(fragment);
  if (ticket) return { view: 'ticket', id: ticket[1]! };
  const opened = NEW.exec(fragment);
  if (opened) return { view: 'new', order: opened[1]?.toUpperCase() ?? null };
  return { view: 'tickets' };
}

/** The fragment link to a route, for `<a href>`: real links open in a new tab and read right. */
export function routeHref(route: TicketRoute): string {
  switch (route.view) {
    case 'tickets':
      return '#tickets';
    case 'ticket':
      return `#ticket=${encodeURIComponent(route.id)}`;
    case 'new':
      return route.order ? `#new-ticket&order=${encodeURIComponent(route.order)}` : '#new-ticket';
  }
}
