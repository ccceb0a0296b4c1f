import type { Config } from '../config.ts';

/** What every cookie Portico sets has in common, apart from its name, value and age. */
export interface CookieAttributes {
  path: string;
  sameSite: 'lax' | 'none';
  secure: boolean;
  httpOnly: true;
  partitioned?: true;
}

/**
 * Where the cookies apply: the API. With a host of its own the session cookie keeps `/`, as it
 * always had; behind a vendor's proxy (`https://www.vendor.example/portico`) it is the API under
 * that path, so the vendor's own pages never receive it.
 */
export function authCookiePath(config: Config): string {
  return config.publicPath ? `${config.publicPath}/api` : '/';
}

/**
 * HttpOnly always. In cross-site mode the cookie is partitioned (CHIPS): the browser keeps one
 * per top-level site and sends it only with requests made from pages of that site, so it still
 * works where third-party cookies are blocked and cannot follow a customer from site to site.
 */
export function cookieAttributes(config: Config, path: string): CookieAttributes {
  if (config.crossSiteCookies === 'partitioned') {
    return { path, sameSite: 'none', secure: true, httpOnly: true, partitioned: true };
  }
  return { path, sameSite: 'lax', secure: config.publicUrl.startsWith('https:'), httpOnly: true };
}

/** A `Set-Cookie` header value: `name=value; Path=/api; Max-Age=60; HttpOnly; SameSite=Lax`. */
export function setCookieHeader(
  name: string,
  value: string,
  maxAge: number,
  attributes: CookieAttributes,
): string {
  const { path, sameSite, secure, partitioned } = attributes;
  return [
    `${name}=${value}; Path=${path}; Max-Age=${maxAge}; HttpOnly`,
    `; SameSite=${sameSite === 'none' ? 'None' : 'Lax'}`,
    secure ? '; Secure' : '',
    partitioned ? '; Partitioned' : '',
  ].join('');
}
