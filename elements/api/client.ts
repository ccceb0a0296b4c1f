import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
  type TRPCLink,
} from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { AppRouter } from '../../backend/router.ts';
import { AuthClient } from './auth.ts';
import { BusyState, retryWhenBusy } from './busy.ts';
import { oneTaskEach } from './one-task-each.ts';
import { SessionStore } from './session.ts';
import { wantedLocale } from '../shared/locale.ts';

export interface PorticoApi {
  /**
   * The backend's base URL without a trailing slash: its origin, such as
   * https://portal.vendor.example, or the path a vendor's proxy serves it under, such as
   * https://www.vendor.example/portico. Every API path is appended to it.
   */
  readonly url: string;
  readonly trpc: ReturnType<typeof createTRPCClient<AppRouter>>;
  readonly auth: AuthClient;
  readonly session: SessionStore;
  /** Whether a call is waiting to be sent again because the server was busy. */
  readonly busy: BusyState;
}

/** Any UNAUTHORIZED answer means the session ended: the page signs out here, in one place. */
function signOutOnUnauthorized(session: SessionStore): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) =>
        next(op).subscribe({
          next: (value) => observer.next(value),
          complete: () => observer.complete(),
          error: (error) => {
            if (error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED') {
              session.markSignedOut();
            }
            observer.error(error);
          },
        }),
      );
}

const clients = new Map<string, PorticoApi>();

/**
 * `url` as a backend's base: resolved against the page, without query, fragment or trailing
 * slash. `https://www.vendor.example/portico/` and `…/portico` are the same backend.
 */
export function apiBase(url: string): string {
  const { origin, pathname } = new URL(url, location.href);
  return origin + pathname.replace(/\/+$/, '');
}

/**
 * The folder the loader script was served from, given `import.meta.url` of a module of the
 * loader: the backend there, such as `https://www.vendor.example/portico/` behind a vendor's
 * proxy. The bundler may move that module into a chunk under `chunks/` beside the script.
 */
export function loaderFolder(moduleUrl: string): string {
  const folder = new URL('.', moduleUrl);
  return (folder.pathname.endsWith('/chunks/') ? new URL('..', folder) : folder).href;
}

/**
 * A path on the backend (`/media/x.svg`) as a full URL under its base, which may carry a
 * proxy's prefix; an absolute URL stays as it is.
 */
export function apiHref(path: string, apiUrl: string): string {
  return path.startsWith('/') && !path.startsWith('//')
    ? new URL(apiUrl + path).href
    : new URL(path, `${apiUrl}/`).href;
}

/**
 * The client for a backend, one per base URL for the whole page, so every element that talks
 * to the same backend shares one session wherever it sits.
 */
export function porticoApiFor(url: string): PorticoApi {
  const base = apiBase(url);
  let api = clients.get(base);
  if (!api) {
    api = createPorticoApi(base);
    clients.set(base, api);
  }
  return api;
}

/**
 * Every call carries the page's cookies and its language, so that what the server writes back
 * (a refusal's sentence, a mail this call sends) is in the language the customer reads.
 */
const withCookies: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('accept-language', wantedLocale());
  return fetch(input, { ...init, headers, credentials: 'include' });
};

/** The only place a tRPC client is built. */
function createPorticoApi(base: string): PorticoApi {
  const session = new SessionStore();
  // A call the server refused as busy never ran: it waits and goes again, batches included.
  // The sign-in client shares it; both look up the page's fetch at each call.
  const busy = new BusyState();
  const send = retryWhenBusy(withCookies, busy);
  const trpc = createTRPCClient<AppRouter>({
    links: [
      oneTaskEach(),
      signOutOnUnauthorized(session),
      splitLink({
        // Live updates (ticket answers, unread counts) arrive as server-sent events.
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: `${base}/api/trpc`,
          eventSourceOptions: () => ({ withCredentials: true }),
        }),
        false: splitLink({
          // A query with a long input (a pasted paragraph searched) would not fit in a URL.
          condition: (op) => op.type === 'query' && JSON.stringify(op.input ?? null).length > 1500,
          true: httpLink({ url: `${base}/api/trpc`, methodOverride: 'POST', fetch: send }),
          false: httpBatchLink({
            url: `${base}/api/trpc`,
            maxURLLength: 2000,
            // The server runs at most 50 calls per request.
            maxItems: 20,
            fetch: send,
          }),
        }),
      }),
    ],
  });
  session.connect(trpc);
  return { url: base, trpc, auth: new AuthClient(base, send), session, busy };
}
