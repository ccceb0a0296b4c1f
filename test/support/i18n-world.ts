import type { CatalogueName } from '../../backend/i18n/catalogues.ts';
import type { Locale } from '../../backend/i18n/locale.ts';
import { catalogue, fill } from '../../backend/i18n/translate.ts';
import type { TestClient, TestPortico } from './portico.ts';
import { data } from './tickets.ts';

/**
 * What the server-language tests share: the sentence a test expects to read, customers with a
 * saved language, and tRPC calls made with the page's `Accept-Language` as the elements make them.
 */

/** One sentence of `locale`, filled in: what a test expects to read. */
export const say = (
  locale: Locale,
  name: CatalogueName,
  key: string,
  values: Record<string, string> = {},
) => fill((catalogue(locale, name) as Record<string, string>)[key]!, values);

/** A tRPC answer over HTTP. */
export interface Answer {
  result?: { data: unknown };
  error?: {
    message: string;
    data: { code: string; reason: string | null; fieldErrors: object | null };
  };
}

/** A signed-in customer, and the address their mails go to. */
export interface Customer {
  email: string;
  name: string;
  client: TestClient;
}

/** A signed-in customer who saved `locale` in their profile (or chose none when `null`). */
export async function customerIn(
  portico: TestPortico,
  email: string,
  name: string,
  locale: Locale | null,
): Promise<Customer> {
  const client = await portico.personWithSession({ email, name });
  if (locale) data(await client.mutate('profile.update', { locale }));
  return { email, name, client };
}

/** A tRPC call as the portal's elements make it: with the page's language, or none. */
export async function callIn(
  client: TestClient,
  kind: 'query' | 'mutation',
  path: string,
  input: unknown,
  language?: string,
): Promise<Answer> {
  const headers: Record<string, string> = language ? { 'accept-language': language } : {};
  const response =
    kind === 'query'
      ? await client.request(
          `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
          { headers },
        )
      : await client.post(`/api/trpc/${path}`, input, { headers });
  return (await response.json()) as Answer;
}
