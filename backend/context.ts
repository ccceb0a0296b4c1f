import type { Services } from './services.ts';
import type { SessionInfo } from './session/session.cache.ts';
import type { Locale } from './i18n/locale.ts';
import { requestLocaleOf } from './i18n/request.ts';

/** What every procedure sees. Tests build it directly with `createInnerContext`. */
export interface Context {
  services: Services;
  session: SessionInfo | null;
  /** The HTTP exchange, when there is one: cookies beyond the session, and the caller's address. */
  http?: { headers: Headers; resHeaders: Headers; ip: string };
  /** The language to answer in (see backend/i18n/request.ts); English when not known. */
  locale?: Locale;
}

export function createInnerContext(services: Services, session: SessionInfo | null): Context {
  return { services, session };
}

/** Per HTTP request: resolve the session once and pass a refreshed cookie on to the response. */
export async function createRequestContext(
  services: Services,
  req: Request,
  resHeaders: Headers,
  ip = 'unknown',
): Promise<Context> {
  const { session, setCookie } = await services.sessions.lookup(req.headers);
  if (setCookie) resHeaders.append('set-cookie', setCookie);
  return {
    ...createInnerContext(services, session),
    http: { headers: req.headers, resHeaders, ip },
    locale: await requestLocaleOf(
      services.db,
      req.headers,
      session?.userId ?? null,
      services.portalSettings().defaultLocale,
    ),
  };
}

/**
 * The language to read catalogue content in (product names, categories): the one the input
 * names, else the vendor's default language. Not the language of the answer's own sentences,
 * which is `ctx.locale`.
 */
export function contentLocaleOf(ctx: Context, locale: string | undefined): string {
  return locale ?? ctx.services.portalSettings().defaultLocale;
}
