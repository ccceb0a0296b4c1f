/**
 * The account element's views, kept in the page's URL fragment so that the back button, a
 * bookmark and a link from an order confirmation (`account.html#order=AB12-CD34`) all work.
 */
export type AccountRoute =
  | { view: 'overview' }
  | { view: 'orders' }
  | { view: 'order'; number: string }
  | { view: 'billing' }
  | { view: 'profile' };

export type AccountView = AccountRoute['view'];

const PLAIN: ReadonlySet<string> = new Set(['overview', 'orders', 'billing', 'profile']);

/** The route a fragment names; anything else (the host page's own anchors) is the overview. */
export function parseRoute(hash: string): AccountRoute {
  const fragment = hash.replace(/^#/, '');
  const order = /^order=([A-Za-z0-9-]{1,32})$/.exec(fragment);
  if (order) return { view: 'order', number: order[1]!.toUpperCase() };
  if (PLAIN.has(fragment)) return { view: fragment as 'orders' | 'billing' | 'profile' };
  return { view: 'overview' };
}

/** The fragment link to a route, for `<a href>`: real links open in a new tab and read right. */
export function routeHref(route: AccountRoute): string {
  return route.view === 'order' ? `#order=${encodeURIComponent(route.number)}` : `#${route.view}`;
}
